"""A vote's tally settles whether it was unanimous: "Was the vote unanimous?" is No for "approved the plan by 14
votes to 5" or "voted 6-3", Yes for "voted unanimously" or "by nine votes to none"."""
from __future__ import annotations

import re

from lang.words import NUMBER_WORDS

__all__ = ["unanimous"]


def unanimous(question: str, sentence: str) -> str | None:
    """"Yes" or "No" for a question that asks whether a vote was unanimous; None for any other question, or when
    the sentence gives neither a tally nor "unanimously"."""
    if not _ASKED.search(question):
        return None
    if _UNANIMOUS.search(sentence) and not _NOT_UNANIMOUS.search(sentence):
        return "Yes"
    for m in _TALLY.finditer(sentence):
        against = (m.group("against") or m.group("against2")).lower()
        return "Yes" if against in _NONE else "No"
    return None


_ORDINAL_OR_VAGUE = frozenset("first second third half once twice double single quarter dozens hundreds thousands millions "
                              "billions".split())
_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w.isalpha() and not w.endswith("th") and w not in _ORDINAL_OR_VAGUE),
                        key=len, reverse=True))
"""A count written as a word ("nine"), not an ordinal ("fifth") nor a vague amount ("dozens")."""
_ASKED = re.compile(r"\bunanimous(?:ly)?\b", re.I)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+(?:a\s+single\s+)?(?:dissent|objection)\b", re.I)
_NOT_UNANIMOUS = re.compile(r"\b(?:not|n't|short\s+of)\s+(?:a\s+)?unanimous", re.I)
_NONE = frozenset({"0", "zero", "nil", "none", "no"})
_TALLY = re.compile(rf"\b(?:\d+|{_WORD})\s+(?:votes?\s+)?to\s+(?P<against>\d+|none|nil|{_WORD})\b(?!\s*(?:percent|%|years?|"
                    rf"months?|days?|people|members|seats)\b)"
                    rf"|\b(?:voted|vote\s+of|by|margin\s+of)\s+(?:\d+)\s*[-–]\s*(?P<against2>\d+)\b", re.I)
"""A tally: "by 14 votes to 5", "nine to two", "voted 6-3"; not a range ("from 2 to 5 percent")."""
