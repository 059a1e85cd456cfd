"""A plan denied: "Is the university planning to cut other subjects?" is answered No by "... had no plans to cut
any other subjects" (or "no intention of cutting ..."): the deed planned, and what it is done to, must be the
question's; who plans may be named otherwise ("Ashgrove" / "the university")."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["plan_denied"]


def plan_denied(question: str, sentence: str) -> bool:
    """Does the sentence deny the plan the question asks about?"""
    asked = _ASKS_PLAN.match(question)
    if asked is None:
        return False
    verb, rest = asked.group("verb"), asked.group("rest")
    said = {base_stem(w) for w in words(sentence)}
    for m in _NO_PLAN.finditer(sentence):
        if base_stem(m.group("verb")) == base_stem(verb):
            wanted = {base_stem(w) for w in words(rest) if w not in STOPWORDS and w not in _VAGUE}
            return wanted <= said
    return False


_ASKS_PLAN = re.compile(r"^\s*(?:is|are|was|were|does|do|did|has|have)\s+.+?\s+(?:planning|plans?|planned|intending|"
                        r"intends?|going)\s+to\s+(?P<verb>\w+)(?P<rest>.*)$", re.I)
_NO_PLAN = re.compile(r"\bno\s+(?:immediate\s+|current\s+|further\s+)?(?:plans?|intention|intent)\s+(?:to|of)\s+"
                      r"(?P<verb>\w+)", re.I)
_VAGUE = frozenset("any other more further too also else yet still".split())
"""Words that widen the question ("any other subjects too") without naming what is asked."""
