"""The README cannot drift: its Python example runs (from another folder, on a temporary store of the shipped
article) and prints what the README shows; its /answer JSON is the real answer's; its commands and links exist."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import PROJECT_DIR
from qa.types import Answer, Citation, Level, Short
from support import SHIPPED_ARTICLE
from tools.cli import COMMANDS
from webapp.api import answer_json

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
JSON_MARK = "--- answer_json ---"


def fenced(text: str, language: str, starting: str = "") -> str:
    """The first ```language block whose code starts with `starting`, without its fences."""
    for block in re.findall(rf"^```{language}\n(.*?)^```$", text, flags=re.M | re.S):
        if block.startswith(starting):
            return block
    raise AssertionError(f"no ```{language} block starting with {starting!r} in the README")


def _block_after(text: str, code: str, language: str) -> str:
    """The ```language block that follows the block holding `code` (the example's shown output)."""
    return fenced(text[text.index(code) + len(code):], language)


PYTHON_EXAMPLE = fenced(README, "python", "from qa import answer")
SHOWN_OUTPUT = _block_after(README, PYTHON_EXAMPLE, "text")
HTTP_EXAMPLE = fenced(README, "python", "from gradio_client import Client")
SHOWN_JSON = json.loads(_block_after(README, HTTP_EXAMPLE, "json"))


def rounded(value):
    """JSON with every float to 2 places (the last digits of a probability may differ between machines)."""
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def run_python_example(tmp_path: Path) -> tuple[str, dict]:
    """The README's example in a fresh process, run from a folder outside the project, the store located by
    QA_HOME and seeded with the shipped article; returns what it prints and `answer_json(a)`."""
    seed = tmp_path / "seed"
    seed.mkdir()
    shutil.copyfile(SHIPPED_ARTICLE, seed / SHIPPED_ARTICLE.name)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_") or k == "QA_EMBEDDING_MODEL"}
    # PYTHONPATH stands in for `pip install -e .` (the shared test environment is not installed into).
    env.update(QA_HOME=str(tmp_path / "home"), QA_SEED_DIR=str(seed), PYTHONPATH=str(PROJECT_DIR),
               PYTHONDONTWRITEBYTECODE="1")
    code = (PYTHON_EXAMPLE + f"\nimport json\nfrom webapp.api import answer_json\nprint({JSON_MARK!r})\n"
            "print(json.dumps(answer_json(a)))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "home" / "chroma").is_dir()  # the store went to QA_HOME, not the working directory
    assert not any(elsewhere.iterdir())
    printed, _, data = done.stdout.partition(JSON_MARK + "\n")
    return printed, json.loads(data)


@pytest.mark.integration
def test_the_python_example_prints_what_the_readme_shows_and_the_json_is_the_real_answer(tmp_path):
    printed, data = run_python_example(tmp_path)
    assert printed == SHOWN_OUTPUT
    assert rounded(SHOWN_JSON) == rounded(data)


def _shape(value):
    """The keys of a JSON value, recursively (the first item stands for a list)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None


def test_the_json_shown_has_the_fields_of_the_api():
    cited = Citation(index=1, source="a.txt", title="A", date="2024-01-02", passage_id="a.txt#1", start=0, end=4,
                     quote="Oslo", score=0.9)
    made = answer_json(Answer(text="Oslo. [1]", citations=(cited,), level=Level.LIKELY, confidence=0.6,
                              short=Short(text="Oslo", citation=1, start=0, end=4, quote="Oslo", confidence=0.8),
                              alternatives=(cited,)))
    shown = _shape(SHOWN_JSON)  # a sure answer: no alternatives, which are shaped as citations are
    assert {**shown, "alternatives": shown["citations"]} == _shape(made)


def test_the_python_example_uses_only_what_an_answer_has():
    used = set(re.findall(r"\b(?:a|refused)\.(\w+)", PYTHON_EXAMPLE)) | set(re.findall(r"\bc\.(\w+)", PYTHON_EXAMPLE))
    fields = set(Answer.__dataclass_fields__) | set(Citation.__dataclass_fields__)
    fields |= {"short"} | set(Short.__dataclass_fields__) | {"path"}
    fields |= {name for name, value in vars(Answer).items() if isinstance(value, property)}
    assert used and used <= fields


def test_the_quick_start_is_two_commands_that_set_up_run_and_test():
    commands = [line for line in fenced(README, "bash", "bash scripts/").splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].startswith("bash scripts/setup.sh && .venv/bin/ask-article chat")
    assert commands[1].startswith("bash scripts/test.sh")
    setup = (PROJECT_DIR / "scripts" / "setup.sh").read_text()
    assert "requirements.txt" in setup and "-e ." in setup
    assert "bash scripts/setup.sh" in (PROJECT_DIR / "scripts" / "test.sh").read_text()


def test_every_command_the_readme_shows_exists():
    shown = set(re.findall(r"^(?:\.venv/bin/)?ask-article (\w+)", README, flags=re.M))
    assert shown and shown <= set(COMMANDS)


@pytest.mark.parametrize("page", ["README.md", *sorted(p.relative_to(PROJECT_DIR).as_posix()
                                                       for p in (PROJECT_DIR / "docs").glob("*.md"))])
def test_every_link_points_at_a_file_or_a_heading(page):
    path = PROJECT_DIR / page
    text = path.read_text(encoding="utf-8")
    headings = {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if target.startswith(("http://", "https://")):
            continue
        if target.startswith("#"):
            broken += [] if target[1:] in headings else [target]
        elif not (path.parent / target.split("#")[0]).exists():
            broken.append(target)
    assert broken == []
