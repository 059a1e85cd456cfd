"""The development sets of skill questions (tools/devsets/skills, fresh, probe, probe12-probe18) are what they
say: every check is text of one of their articles (so a right answer can contain it), and the evaluator reads
them."""
from __future__ import annotations

import json

import pytest

from core.settings import PROJECT_DIR
from tools import skills_eval

SETS = [PROJECT_DIR / "tools" / "devsets" / "skills" / "skills_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "fresh" / "fresh_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe" / "probe_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe12" / "probe12_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe13" / "probe13_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe14" / "probe14_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe15" / "probe15_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe17" / "probe17_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe16" / "probe16_dev.json",
        PROJECT_DIR / "tools" / "devsets" / "probe18" / "probe18_dev.json"]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.parent.name)
def test_every_check_is_text_of_the_sets_articles(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    text = " ".join((path.parent / a).read_text(encoding="utf-8") for a in data["articles"]).lower()
    missing = [s for c in data["cases"] for t in c["turns"] for s in t.get("any", []) + t.get("all", [])
               if s.lower() not in text and s not in ("Yes", "No")]
    assert missing == []
    articles, cases = skills_eval.load(path)
    assert len(cases) == len(data["cases"]) and all(a.exists() for a in articles)
