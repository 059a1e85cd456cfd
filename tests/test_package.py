"""The installable package: pyproject.toml in step with the lock (requirements.txt), every module and model file
in the wheel, and the `ask-article` command handing each face its own command line."""
from __future__ import annotations

import fnmatch
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from core.settings import PROJECT_DIR
from tools import cli

PYPROJECT = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = ("core", "lang", "ingest", "qa", "webapp", "tools")


def _requirement(line: str) -> str:
    """A requirement with its name normalized (PEP 503) and no spaces: "PyStemmer==3.1.0" -> "pystemmer==3.1.0"."""
    line = line.split("#")[0].replace(" ", "")
    name = re.match(r"[A-Za-z0-9._-]+", line).group(0)
    return re.sub(r"[-_.]+", "-", name).lower() + line[len(name):]


def test_dependencies_are_the_lock_with_its_pins():
    locked = {_requirement(l) for l in (PROJECT_DIR / "requirements.txt").read_text().splitlines()
              if l.split("#")[0].strip()}
    project = PYPROJECT["project"]
    declared = {_requirement(r) for r in project["dependencies"]}
    extras = {_requirement(r) for group in ("test", "bench") for r in project["optional-dependencies"][group]}
    assert declared | extras == locked
    assert "torch==2.13.0" in declared


def _package_files() -> list[Path]:
    """Every file the installed product needs: the packages' modules and data, the chat's module and assets."""
    found = [p for package in (*PACKAGES, "app_assets") for p in (PROJECT_DIR / package).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    return [p.relative_to(PROJECT_DIR) for p in found] + [Path("app.py")]


def _declared(relative: Path) -> bool:
    """Whether pyproject.toml puts this file in the wheel (a module of a found package, package data, app.py)."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    if relative.suffix == ".py":
        return relative.parts[0] in PACKAGES or relative.stem in setuptools["py-modules"]
    top, inner = relative.parts[0], Path(*relative.parts[1:]).as_posix()
    patterns = setuptools["package-data"].get(top, [])
    return any(fnmatch.fnmatch(inner, p) or fnmatch.fnmatch(inner, p.replace("**/", "")) for p in patterns)


def test_every_module_model_and_asset_is_declared_for_the_wheel():
    assert [str(p) for p in _package_files() if not _declared(p)] == []
    assert {"qa/models/reader.onnx", "qa/models/judge.json", "app_assets/app.js"} <= {
        p.as_posix() for p in _package_files()}


def test_the_command_is_tools_cli_main():
    assert PYPROJECT["project"]["scripts"] == {"ask-article": "tools.cli:main"}


@pytest.mark.parametrize("command, usage", [("ask", "python -m qa"), ("ingest", "python -m ingest"),
                                            ("eval", "python -m tools.eval"), ("chat", "ask-article chat")])
def test_each_command_hands_its_arguments_to_its_face(command, usage, capsys):
    with pytest.raises(SystemExit) as done:
        cli.main([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: {usage}")


def test_a_face_gets_the_whole_rest_of_the_line(capsys):
    # No question: python -m qa would start a terminal chat; an unknown option is refused by the face itself.
    with pytest.raises(SystemExit) as done:
        cli.main(["ingest", "--no-such-option"])
    assert done.value.code == 2
    assert "python -m ingest: error: unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_an_unknown_command_names_the_commands(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["serve"])
    assert done.value.code == 2
    assert "invalid choice: 'serve' (choose from 'chat', 'ingest', 'ask', 'eval')" in capsys.readouterr().err


@pytest.mark.integration
def test_the_wheel_holds_the_models_the_assets_and_the_command(tmp_path):
    source = tmp_path / "source"  # a copy: the build writes build/ and *.egg-info beside pyproject.toml
    shutil.copytree(PROJECT_DIR, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "data", "docs", "tests", "training", "__pycache__", "build", "*.egg-info"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(tmp_path), str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("ask_the_article-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {p.as_posix() for p in _package_files() if p.suffix != ".pyc"} <= names
    assert not any(n.startswith(("tests/", "training/", "data/")) for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "ask-article = tools.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
