"""A question that asks what follows from a condition ("What will happen if the strike goes on?", "what happens if
nobody buys the mill", "what if it rains"), and the conditions a sentence states ("If the walkout lasts past
Friday, …", "… would close by spring unless a buyer is found")."""
from __future__ import annotations

import re

_ASKS = re.compile(r"^\s*(?:and\s+|so\s+)?what(?:'s|’s|s|\s+is)?\s+(?:(?:will|would|could|might|may|is\s+going\s+to|"
                   r"happens?|going\s+to)\s*(?:happen\s+)?)?(?:if|unless|in\s+case)\s+(?P<cond>.+?)\s*[?.!]*\s*$",
                   re.I)
""""What will happen if …?", and the short "what if …?"."""
_STATED = re.compile(r"\b(?:if|unless|in\s+case)\s+(?P<cond>[^,;:.!?\"“”]+)", re.I)
"""Not "should": far more often advice ("the council should act") than a condition ("Should talks fail, …")."""


def asks_condition(question: str) -> str | None:
    """The condition the question asks the outcome of ("the strike goes on"); None otherwise."""
    m = _ASKS.match(" ".join(question.split()))
    return m.group("cond") if m is not None and len(m.group("cond").split()) >= 2 else None


def conditions(sentence: str) -> list[str]:
    """The conditions the sentence states, each up to the next comma or the sentence's end."""
    return [m.group("cond").strip() for m in _STATED.finditer(sentence) if len(m.group("cond").split()) >= 2]
