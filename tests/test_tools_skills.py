"""The tools this round added, run as the README documents them, on small files the tests write:
`python -m tools.perturb` (questions as people type them) and `python -m tools.summary_eval` (the summary skill
against lead paragraphs)."""
from __future__ import annotations

import json
import random

import pytest

from tools import perturb, summary_eval

POOL = {"data": [{"title": "Lakeside", "paragraphs": [
    {"context": "Lakeside is a town on the Amber River. It has a new bridge.",
     "qas": [{"question": "Which river runs through Lakeside?", "answers": [{"text": "Amber River"}],
              "is_impossible": False},
             {"question": "Who designed the Lakeside bridge?", "answers": [], "is_impossible": True}]},
    {"context": "The bridge opened in 2024. Mayor Ilse Brandt cut the ribbon. Crowds cheered.",
     "qas": [{"question": "What is Lakeside?", "answers": [{"text": "a town"}], "is_impossible": False}]},
    {"context": "The council paid 12 million euros. The river floods every spring. Boats wait in the harbour.",
     "qas": []}]}]}


def test_perturb_changes_each_question_once_and_keeps_the_answers(tmp_path):
    src = tmp_path / "pool.json"
    src.write_text(json.dumps(POOL))
    assert perturb.main([str(src), str(tmp_path / "out"), "--articles", "1"]) == 0
    original = json.loads((tmp_path / "out" / "original.json").read_text())["articles"][0]["questions"]
    changed = json.loads((tmp_path / "out" / "perturbed.json").read_text())["articles"][0]["questions"]
    assert [q["answers"] for q in original] == [q["answers"] for q in changed]
    assert all(a["question"] != b["question"] for a, b in zip(original, changed))


def test_a_typo_is_made_inside_a_name():
    changed = perturb.typo("Which river runs through Lakeside?", random.Random(1))
    assert changed != "Which river runs through Lakeside?" and "Lakeside" not in changed
    assert perturb.refer_to("What is the Amber River?") == "What does the Amber River refer to?"


def test_rouge_recall_counts_the_reference_ngrams_found():
    assert summary_eval.rouge_recall("the bridge opened", "the bridge opened in 2024", 1) == pytest.approx(0.6)
    assert summary_eval.rouge_recall("nothing alike", "the bridge", 2) == 0.0


@pytest.mark.integration
def test_summary_eval_runs_on_a_small_pool(tmp_path, capsys):
    src = tmp_path / "pool.json"
    src.write_text(json.dumps(POOL))
    assert summary_eval.main([str(src)]) == 0
    out = capsys.readouterr().out
    assert "| summary skill |" in out and "| lead-k (first sentences) |" in out
