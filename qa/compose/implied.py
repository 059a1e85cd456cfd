"""Words a sentence says without writing them: an amount of money says "money" ("did the council put any money
in?" / "added £15,000")."""
from __future__ import annotations

from qa.judgment.answer_kinds import says_money

__all__ = ["implied"]


def implied(sentence: str) -> set[str]:
    """The stems (as the yes/no check reads words) the sentence says by other means."""
    return {"money"} if says_money(sentence) else set()
