"""A question of what is to come answered by a deed set in an earlier year: "will the regulator fine the company
for this?" / "The regulator fined the company £2.1 million in 2022" tells of another time, not of what will be."""
from __future__ import annotations

import re

from lang.words import words

__all__ = ["done_before"]

_TO_COME = re.compile(r"^\s*(?:will|shall|(?:is|are|am)\s+(?:\w+\s+){1,3}?(?:going\s+to|about\s+to|set\s+to|due\s+to))\b",
                      re.I)
_IN_A_YEAR = re.compile(r"\b(?:in|during|back\s+in)\s+(?:(?:early|late|mid-?)\s*)?(?:1[6-9]\d\d|20\d\d)\b", re.I)
_AHEAD = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|expects?|expected|due|could|may|might|intends?|"
                    r"aims?|going\s+to|set\s+to|considering|consider)\b", re.I)


def done_before(asked: str, sentence: str) -> bool:
    """Does a question of what is to come ("will X fine Y?") meet a sentence that tells a deed done in a year
    ("fined ... in 2022") and nothing still to come?"""
    return bool(_TO_COME.match(asked)) and bool(_IN_A_YEAR.search(sentence)) and not _AHEAD.search(sentence) \
        and any(w.endswith("ed") for w in words(sentence))
