"""Words a sentence says without writing them: an amount of money says "money" ("did the council put any money
in?" / "added £15,000"); "up from £1.50" says a rise, "down from 40" a fall ("will the charges increase?" / "will
cost £2 an hour, up from £1.50")."""
from __future__ import annotations

import re

from lang.words import stem
from qa.judgment.answer_kinds import says_money

__all__ = ["implied"]


def implied(sentence: str) -> set[str]:
    """The stems (as the yes/no check reads words) the sentence says by other means."""
    found = {"money"} if says_money(sentence) else set()
    for m in _MOVED.finditer(sentence):
        found.add(stem("rise" if m.group(1).lower() == "up" else "fall"))
    return found


_MOVED = re.compile(r"\b(up|down)\s+from\s+(?:about\s+|around\s+)?[£$€]?\d", re.I)
