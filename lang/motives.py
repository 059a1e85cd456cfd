"""A question that asks why someone holds a view ("why does the director want the statue returned?", "why is
Quilliam against it?", "why do campaigners oppose the move?"): a stance is explained by what its holder says, so
it is answered from their reported words, not from the sentence that best matches the question's words."""
from __future__ import annotations

import re

_MOTIVE = re.compile(
    r"^\s*(?:and\s+|so\s+)?why\s+(?:does|did|do|would)\s+(?P<x>[^?]+?)\s+(?:want|wants|think|believe|feel|say|oppose|"
    r"support|back|object|fear|worry|insist|argue|prefer|disagree|dislike|hate|critici[sz]e|blame)\b(?P<y>[^?]*)"
    r"|^\s*(?:and\s+|so\s+)?why(?:\s+(?:is|are|was|were)|'s|’s)\s+(?P<x2>[^?]+?)\s+(?:against|opposed\s+to|"
    r"in\s+favou?r\s+of|for|behind|keen\s+on|worried|concerned|angry|unhappy|upset|critical\s+of|sceptical|"
    r"skeptical)\b(?P<y2>[^?]*)", re.I)


def asks_motive(question: str) -> tuple[str, str] | None:
    """(whose view, what it is about) for "why does X want/think/oppose … Y?", "why is X against Y?"; None for any
    other question (a deed: "why did the mayor resign?" is answered by what happened)."""
    m = _MOTIVE.match(" ".join(question.split()))
    if m is None:
        return None
    holder = (m.group("x") or m.group("x2")).strip()
    about = (m.group("y") if m.group("x") else m.group("y2")) or ""
    return holder, about.strip(" ?.!")
