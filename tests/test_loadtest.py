"""`python -m tools.loadtest`, as the README documents it, run for a few seconds: it starts the chat, answers
through the JSON API with no errors, and writes its report."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.settings import PROJECT_DIR, child_environment

pytestmark = pytest.mark.integration


def test_the_load_test_runs_and_reports_no_errors(tmp_path):
    out = tmp_path / "loadtest.json"
    done = subprocess.run([sys.executable, "-m", "tools.loadtest", "--users", "2", "--seconds", "3",
                           "--max-requests", "6", "--out", str(out)], cwd=PROJECT_DIR, env=child_environment(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["errors"] == 0 and report["requests"] >= 1
