"""webapp/feedback.py in a long-running server: the votes remembered to tell repeats apart are bounded."""
from __future__ import annotations

import json

from qa import Answer
from webapp import feedback, messages


def chat(n: int) -> list[dict]:
    question = f"Question {n}?"
    return [messages.question_message(question), messages.answer_message(Answer(text=f"Answer {n}."), question)]


def test_the_votes_remembered_are_bounded_and_the_newest_kept(tmp_path):
    path = tmp_path / "votes.jsonl"
    log = feedback.FeedbackLog(path, max_remembered=3)
    for n in range(10):
        assert log.record(f"session-{n}", chat(n), 1, True) is not None

    assert log.remembered == 3
    assert log.record("session-9", chat(9), 1, True) is None  # the newest repeat is still told apart
    # The oldest was forgotten: its un-like is still logged, without saying what it undoes.
    assert log.record("session-0", chat(0), 1, "") is not None
    assert log.remembered == 3
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["vote"], r.get("undoes")) for r in lines] == [("like", None)] * 10 + [("undo", None)]
    assert lines[-1]["question"] == "Question 0?"


def test_the_default_bound_is_a_named_setting():
    assert feedback.MAX_REMEMBERED_VOTES >= 1000
    assert feedback.FeedbackLog(feedback.Path("unused.jsonl")).max_remembered == feedback.MAX_REMEMBERED_VOTES
