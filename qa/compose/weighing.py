"""A deed asked as done by now ("has pritchley lodged a legal challenge yet?") is not done where the sentence has the
same doer only weighing it ("Pritchley … said he would consider a legal challenge", "is considering an appeal"): the
thing asked, named, is still being thought about."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["only_weighed", "weighs"]

_ASKS = re.compile(r"^\W*(?:has|have)\s+(?P<rest>.+?)\s+(?:yet|already)?\s*[?.!]*\s*$", re.I)
_WEIGHS = re.compile(r"\b(?:would|will|is|are|was|were)\s+(?:still\s+)?(?:consider|considering|weigh|weighing|"
                     r"think\s+about|thinking\s+about|look\s+at|looking\s+at)\s+(?P<thing>(?:an?\s+|the\s+|its\s+|his\s+|"
                     r"her\s+|their\s+)?(?!further\b|another\b|more\b|second\b|new\b)[\w-]+(?:\s+[\w-]+)?)", re.I)


def only_weighed(question: str, sentence: str) -> bool:
    """Does the sentence have the question's doer only weighing the thing the question asks was done?"""
    m = _ASKS.match(question)
    if m is None:
        return False
    asked = [w for w in words(m.group("rest")) if w not in STOPWORDS]
    stems = [base_stem(w) for w in asked]
    if any(base_stem(w) in stems[1:] and w.endswith("ed") for w in words(sentence)):
        return False  # "paid £500 to each family and is looking at further compensation": done too
    for w in _WEIGHS.finditer(sentence):
        thing = {base_stem(t) for t in words(w.group("thing")) if t not in STOPWORDS}
        # Its doer: the clause's own words before it ("The council said residents were considering": residents).
        own = re.split(r",|\b(?:said|says|that|and|but)\b", sentence[:w.start()])[-1]
        doer = {base_stem(t) for t in words(own)}
        if thing and thing <= set(stems) and stems[:1] and (stems[0] in doer or words(own) in (["he"], ["she"], ["it"],
                                                                                              ["they"])
                                                            and stems[0] in {base_stem(t) for t in words(sentence)}):
            return True  # the thing asked, weighed by the question's doer
    return False


_NOT_DOING = frozenset(base_stem(w) for w in """consider weigh discuss debate propose plan threaten seek demand want hope
expect fear explore study mull urge""".split())
"""Verbs that hold a deed named by its noun as thought about, asked for or feared, not done ("is considering an appeal",
"threatened legal action", "demanded an apology")."""


def weighs(verb, asked: frozenset[str]) -> bool:
    """Is the clause's verb one that only weighs the deed asked, itself not asked about?"""
    return base_stem(verb.lower_) in _NOT_DOING and base_stem(verb.lower_) not in asked
