"""A follow-up that names its subject first and asks after a comma: "and the farmer, why's he for it?" is "why's
the farmer for it?"; "what about Ana Roth, did she vote for it?" is "did Ana Roth vote for it?"; "what about the gala, is that still
going ahead?" is "is the gala still going ahead?"."""
from __future__ import annotations

import re

_LEAD_IN = re.compile(r"^\s*(?:and|but|what\s+about|how\s+about)\s+(?P<who>[^,?]{2,60}?)\s*[,:;–—-]\s*(?P<asked>.+)$", re.I)
_PRONOUN = re.compile(r"\b(he|she|they|him|them|his|their)\b", re.I)
_POSSESSIVE = frozenset({"his", "their"})
_IT_ASKED = re.compile(r"^(?:is|was|are|were|has|have|had|will|would|did|does|do|can)\s+(it|that|this)\b", re.I)
"""A thing named first and asked of yes or no: "what about the gala, is that still going ahead?"."""


def named_first(question: str) -> str | None:
    """The question after the comma with its first pronoun put as the one named before it; None when the
    question is not of that shape or says no pronoun ("and the cost, how much was it?" is left to the rest)."""
    m = _LEAD_IN.match(question)
    if m is None:
        return None
    who, asked = m.group("who").strip(), m.group("asked").strip()
    p = _PRONOUN.search(asked) or _IT_ASKED.match(asked)
    if p is None:
        return None
    put = f"{who}'s" if p.group(1).lower() in _POSSESSIVE else who
    out = asked[:p.start(1)] + put + asked[p.end(1):]
    return out[:1].upper() + out[1:]


_OWN_VIEW = re.compile(r"^\s*and\s+(?:what|how)\s+(?:do|does|did)\s+(?:the|a|an|local|most|many|some)\s+(?P<who>[a-z][\w'’-]*"
                       r"(?:\s+[a-z][\w'’-]*){0,2}?)\s+(?:think|say|feel|reckon|make\s+of)\b(?![^?]*\b(?:it|this|that|them)\b)",
                       re.I)
"""A view asked of its own people, named by their kind, and of nothing pointed back at."""


def asks_own_view(question: str) -> bool:
    """"and what do the campaigners think?": another side's view, asked whole; not "and what do they think?", nor
    "and what does the union think about it?" (what "it" is, the conversation says)."""
    m = _OWN_VIEW.match(question)
    return m is not None and not _PRONOUN.search(m.group("who"))
