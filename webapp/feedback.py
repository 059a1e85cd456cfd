"""Likes, dislikes and flag reasons, one JSON line per user action in the feedback log."""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path

from .messages import message_record, message_text


def vote_name(liked) -> str:
    """Gradio's like value as a vote: True -> 'like', False -> 'dislike', a reason as is, '' or None -> 'undo'."""
    if liked is True:
        return "like"
    if liked is False:
        return "dislike"
    return str(liked) if liked else "undo"


def feedback_record(messages: list, index, vote: str, undoes: str | None = None) -> dict:
    """One vote as a JSON-able dict: the vote, the question, the answer and what it cited."""
    i = index[0] if isinstance(index, (list, tuple)) else int(index)
    message = messages[i] if 0 <= i < len(messages) else {}
    question = next((message_text(m) for m in reversed(messages[:i]) if m.get("role") == "user"), "")
    record = message_record(message) or {}
    record = {k: v for k, v in record.items() if k != "kind"} or {"text": message_text(message)}
    out = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "vote": vote}
    if undoes is not None:
        out["undoes"] = undoes
    return {**out, "question": question, "message_index": i, **record}


MAX_REMEMBERED_VOTES = 10_000
"""How many messages' last votes a FeedbackLog remembers (about 300 bytes each). Repeats arrive within moments
and an un-like soon after its like, so the votes of the most recently voted messages are all that is needed;
the oldest is forgotten first, so a long-running server does not grow. Could move to core/settings.py."""


class FeedbackLog:
    """Appends votes to a JSON-lines file, one record per user action.

    Gradio's chat sends some actions twice (a click on a flag reason arrives as two identical events),
    and an un-like arrives without saying what it undoes; the last vote of each message of each session
    is remembered to tell both apart (of the `max_remembered` messages voted on most recently). An un-like
    of a message no longer remembered is logged without saying what it undoes.
    """

    def __init__(self, path: Path, max_remembered: int = MAX_REMEMBERED_VOTES):
        self.path = path
        self.max_remembered = max_remembered
        self._lock = threading.Lock()
        self._last: OrderedDict[tuple[str, int, str], str] = OrderedDict()

    @property
    def remembered(self) -> int:
        """How many messages' last votes are remembered now."""
        return len(self._last)

    def record(self, session: str, messages: list, index, liked) -> dict | None:
        """Log one action; returns the record written, or None for a repeat of the message's current vote."""
        i = index[0] if isinstance(index, (list, tuple)) else int(index)
        content = json.dumps(messages[i].get("content"), sort_keys=True) if 0 <= i < len(messages) else ""
        key = (session, i, hashlib.sha1(content.encode("utf-8")).hexdigest())
        vote = vote_name(liked)
        with self._lock:
            current = self._last.get(key)
            if vote == current:
                self._last.move_to_end(key)
                return None
            self._last[key] = vote
            self._last.move_to_end(key)
            while len(self._last) > self.max_remembered:
                self._last.popitem(last=False)
            undoes = (current or None) if vote == "undo" else None
            record = feedback_record(messages, i, vote, undoes=undoes)
            append_feedback(self.path, record)
        return record


def append_feedback(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
