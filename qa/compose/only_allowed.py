"""Who may use a thing, told as a list of the only ones allowed: "A bus gate is a short section of road that only
buses, taxis and bicycles are allowed to use" answers "are taxis allowed through the bus gate?" Yes. Only where the one
asked is named in that list and the thing asked is named in the sentence; one not in the list is left to the rest (it
may be a kind of one listed)."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["only_allowed"]

_ASKED = re.compile(r"^\W*(?:are|is|can)\s+(?P<who>.+?)\s+(?:allowed|permitted|able|let)\s+(?:to\s+)?(?P<what>.+?)\s*[?.!]*$",
                    re.I)
_ONLY = re.compile(r"\bonly\s+(?P<list>(?:[\w'’-]+(?:,\s+|\s+and\s+|\s+or\s+|\s+)){0,10}?[\w'’-]+)\s+(?:are|is|were|was)\s+"
                   r"(?:allowed|permitted|able)\b", re.I)


def only_allowed(question: str, sentence: str) -> bool:
    """Is the one asked among the only ones the sentence allows, the thing asked named there too?"""
    m, only = _ASKED.match(question), _ONLY.search(sentence)
    if m is None or only is None or re.search(r"\b(?:not|no|never|n't|except|unless|until|from\s+next|will)\b", sentence, re.I):
        return False
    who = [base_stem(w) for w in words(m.group("who")) if w not in STOPWORDS]
    listed = {base_stem(w) for w in words(only.group("list"))}
    what = {base_stem(w) for w in words(m.group("what")) if w not in STOPWORDS} - _PASSING
    said = {base_stem(w) for w in words(sentence)}
    return bool(who) and who[-1] in listed and bool(what) and what <= said


_PASSING = frozenset(base_stem(w) for w in "through thru into onto use go drive ride pass across along".split())
"""How the thing is used ("through the bus gate", "to use it"): the thing is what must be named."""
