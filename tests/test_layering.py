"""Every import points down: core/ and lang/ import nothing of the project above them, ingest/ imports no qa,
and the product (core, lang, ingest, qa, webapp, app.py) imports neither training/ nor tools/. Read from the
source with `ast`, so an import inside a function counts too."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core.settings import PROJECT_DIR

PRODUCT = ("core", "lang", "ingest", "qa", "webapp")
# What each layer may import of the project's own packages.
ALLOWED = {
    "core": {"core"},
    "lang": {"lang", "core"},
    "ingest": {"ingest", "lang", "core"},
    "qa": {"qa", "ingest", "lang", "core"},
    "webapp": {"webapp", "qa", "ingest", "lang", "core"},
}
OWN = set(PRODUCT) | {"training", "tools", "app"}


def imported_packages(path: Path) -> set[str]:
    """The project's top-level packages this module imports (relative imports resolve to its own package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OWN


def modules(package: str) -> list[Path]:
    return sorted((PROJECT_DIR / package).rglob("*.py"))


@pytest.mark.parametrize("package", PRODUCT)
def test_each_layer_imports_only_the_layers_below_it(package):
    wrong = {str(p.relative_to(PROJECT_DIR)): sorted(imported_packages(p) - ALLOWED[package])
             for p in modules(package)}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_chat_face_imports_no_training_or_tools():
    assert imported_packages(PROJECT_DIR / "app.py") <= {"core", "lang", "ingest", "qa", "webapp"}


def test_the_check_sees_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from qa.service import get_service\n    import training.judge\n")
    assert imported_packages(bad) == {"qa", "training"}


def test_no_product_module_is_over_300_lines():
    long = {str(p.relative_to(PROJECT_DIR)): n for package in PRODUCT for p in modules(package)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    long |= {"app.py": n} if (n := len((PROJECT_DIR / "app.py").read_text().splitlines())) > 300 else {}
    assert long == {}
