""""Do you have to pay for the ferry?" is No where the sentence says "The ferry is free": paying asked, and the thing
said to cost nothing, by its own word."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, stem, words

__all__ = ["paid_for_free"]

_ASKS_PAY = re.compile(r"^\W*(?:do|does|did|will|would|is|are|am)\b.*?(?:\b(?:have|has|need|needs|got)\s+to\s+pay\b|"
                       r"\bcost\s+(?:anything|money|extra)\b|\bis\s+there\s+(?:a|any)\s+(?:charge|fee|cost)\b|"
                       r"\b(?:be|get|being)\s+charged\b|\bcharge\s+(?:for|to)\b)", re.I)
_SAYS_FREE = re.compile(r"\b(?:is|are|was|were|will\s+be|will\s+(?:stay|remain)|remains?|stays?)\s+(?:completely\s+|"
                        r"entirely\s+)?free\b(?!\s+(?:of|from)\s+(?!charge\b))|\bfree\s+of\s+charge\b|\bat\s+no\s+"
                        r"(?:cost|charge)\b|\bno\s+(?:charge|fee)\s+(?:for|to)\b", re.I)
"""Said to cost nothing ("is free", "free of charge", "at no cost"); not "free of debt", "free from traffic"."""
_PAYING = frozenset(stem(w) for w in """have has need needs got pay paying paid cost costs anything money extra charge
charged charges fee fees there be get being you we i they people anyone use using""".split())
_WHEN_OR_IF = re.compile(r"\b(?:if|unless|until|only|except|but|after|before|for\s+(?:the\s+)?first)\b", re.I)


def paid_for_free(question: str, sentence: str) -> bool:
    """Does the sentence say that what the question asks one must pay for costs nothing, with no condition ("free
    until March", "free for the first hour", "free for residents only")? Every other word asked must be said."""
    if not _ASKS_PAY.match(question) or not _SAYS_FREE.search(sentence) or _WHEN_OR_IF.search(sentence):
        return False
    asked = {stem(w) for w in words(question)[1:] if w not in STOPWORDS} - _PAYING
    said = {stem(w) for w in words(sentence)}
    return bool(asked) and asked <= said
