"""How a text explains a term in its own words: "a sell-on clause, which gives the club a share of any future
fee", "the quay, a 120-metre concrete pier", "A sell-on clause is a promise of ..." (general English: a
non-restrictive relative clause, an apposition or a copula right after the term)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .acronyms import Expansion

MAX_TERM_WORDS = 6
MIN_GLOSS_WORDS, MAX_GLOSS_WORDS = 2, 30

_INTRO = re.compile(
    r",\s*(?:which|who|that)\s+(?:(?:is|are|was|were)\s+)?"  # "X, which (is) ..."
    r"|,\s*(?=(?:an?|the)\s)"  # "X, a ..." (an apposition)
    r"|\s+(?:is|are|means|refers\s+to|describes)\s+(?=(?:an?|the|when|where|how|that)\b)",  # "X is a ..."
    re.I)
_END = re.compile(r"[,;.:!?()\[\]—–\"“”]|\s-\s")


@dataclass(frozen=True)
class Gloss(Expansion):
    """The explaining words: `text == source[start:end]`."""


def gloss(term: str, text: str) -> Gloss | None:
    """The first place where the text explains `term` right after naming it, or None. Only the clause itself
    ("gives the club a share of any future fee"), never more than one clause."""
    words = term.split()
    if not words or len(words) > MAX_TERM_WORDS:
        return None
    named = re.compile(r"(?<![\w-])" + r"[\s-]+".join(re.escape(w) for w in words) + r"(?![\w-])", re.I)
    for m in named.finditer(text):
        intro = _INTRO.match(text, m.end())
        if intro is None:
            continue
        start = intro.end()
        end_at = _END.search(text, start)
        end = end_at.start() if end_at else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if MIN_GLOSS_WORDS <= len(text[start:end].split()) <= MAX_GLOSS_WORDS:
            return Gloss(start, end, text[start:end])
    return None
