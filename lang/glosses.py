"""How a text explains a term in its own words: "a sell-on clause, which gives the club a share of any future
fee", "the quay, a 120-metre concrete pier", "A sell-on clause is a promise of ..." (general English: a
non-restrictive relative clause, an apposition or a copula right after the term), or the thing it names before
it ("The statue, known as the Horseman of Nsaro, ..."), or what is done under it ("lights turned off under a system
known as part-night lighting")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .acronyms import Expansion

MAX_TERM_WORDS = 6
MIN_GLOSS_WORDS, MAX_GLOSS_WORDS = 2, 30

_INTRO = re.compile(
    r",\s*(?:which|who|that)\s+(?:(?:is|are|was|were)\s+)?"  # "X, which (is) ..."
    r"|,\s*(?=(?:an?|the)\s)"  # "X, a ..." (an apposition)
    r"|\s+(?:is|are|means|refers\s+to|describes)\s+(?=(?:an?|the|when|where|how|that)\b)"  # "X is a ..."
    r"|(?P<dash>\s*(?:—|–|\s-)\s*)(?=[a-z])",  # 'what drivers call "split shifts" — days on which ...'
    re.I)
_ARTICLE = re.compile(r"(?:an?|the)\s", re.I)
_END = re.compile(r"[,;.:!?()\[\]—–\"“”]|\s-\s")
_DASH_END = re.compile(r"[;.:!?()\[\]—–\"“”]|\s-\s")
"""A dash apposition runs to the next dash or the sentence's end, over its commas."""
_QUOTED = re.compile(r"[\"”’']?")


@dataclass(frozen=True)
class Gloss(Expansion):
    """The explaining words: `text == source[start:end]`."""


def gloss(term: str, text: str, appositions: bool = True) -> Gloss | None:
    """The first place where the text explains `term` right after naming it, or None. Only the clause itself
    ("gives the club a share of any future fee"), never more than one clause. Without `appositions`, not a
    bare ", a ..." after the term, which may be another noun phrase ("As part of the merger, the board ...")."""
    words = term.split()
    if not words or len(words) > MAX_TERM_WORDS:
        return None
    # The term as named, or its plural ("a split shift" / "split shifts"), maybe in quotes.
    last = words[-1]
    singular = {last, last[:-3] + "y" if last.lower().endswith("ies") else last[:-1] if last.lower().endswith("s") else last}
    singular |= {w[:-1] + "ies" for w in singular if w.lower().endswith("y")}  # "levy" named as "levies"
    ending = "(?:" + "|".join(re.escape(w) for w in sorted(singular, key=len, reverse=True)) + r")(?:e?s|ies)?"
    named = re.compile(r"(?<![\w-])" + "".join(re.escape(w) + r"[\s-]+" for w in words[:-1]) + ending + r"(?![\w-])", re.I)
    for m in named.finditer(text):
        quoted = _QUOTED.match(text, m.end())
        intro = _INTRO.match(text, quoted.end())
        if intro is None or intro.group("dash") and not quoted.group() and not _ARTICLE.match(text, intro.end()):
            continue  # a dash goes on with an apposition after a term in quotes or "a", "the": not "— and left"
        if not appositions and re.fullmatch(r",\s*", intro.group()):
            continue
        start = intro.end()
        end_at = (_DASH_END if intro.group("dash") else _END).search(text, start)
        end = end_at.start() if end_at else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if MIN_GLOSS_WORDS <= len(text[start:end].split()) <= MAX_GLOSS_WORDS:
            return Gloss(start, end, text[start:end])
    # What is done in it ("explained that in courier fraud the criminals phone their victim …"); or, the term named
    # first in full, what its last noun is said to be ("… a tuned mass damper had been fitted. … the damper is a
    # two-tonne steel weight hung on springs").
    first = named.search(text)
    # A common noun's term only ("in Storm Darragh the site was flooded" tells of a time, not what it is); its last noun
    # only in what someone explains ("explained that the damper is a …"; not "The gate is a listed iron structure").
    later = [re.compile(r"\b(?i:in)\s+(?:an?\s+)?(?=[a-z])(?i:" + named.pattern + r"),?\s+(?=(?:the|an?|people|someone|they|you)\s)"),
             re.compile(r"\bexplain(?:s|ed)?\s+(?:that\s+)?the\s+" + ending + r"(?![\w-])\s+(?:is|are)\s+(?=an?\s)", re.I)]
    later = later if len(words) >= 2 and first else []  # one word ("in court, the judge …") is too often no term
    for m in (m for pattern in later for m in pattern.finditer(text, first.end() if pattern is not later[0] else 0)):
        end_at = _END.search(text, m.end())
        end = end_at.start() if end_at else len(text)
        if MIN_GLOSS_WORDS <= len(text[m.end():end].split()) <= MAX_GLOSS_WORDS:
            return Gloss(m.end(), end, text[m.end():end])
    # The whole phrase that opens the sentence ("The old mill by the river, known as Brown's Mill"), not its last noun.
    known = re.compile(r"(?:^|(?<=[.!?\n—]))\s*((?:the|an?|its|their|his|her)\s+[^,.;:!?()\"“”—]{1,60}?),\s*"
                       r"(?:(?:also|widely|locally|commonly)\s+)?(?:known\s+as|dubbed|nicknamed|called)\s+(?:the\s+)?"
                       + named.pattern, re.I)
    m = known.search(text) or _done_under(named.pattern).search(text)
    return Gloss(m.start(1), m.end(1), m.group(1)) if m else None


@lru_cache(maxsize=64)
def _done_under(named: str) -> re.Pattern:
    """What is done "under a system known as X" ("streetlights will be turned off overnight under a system known as
    part-night lighting"): the clause before it, from the sentence's start, told in the passive or of what people
    are ("are treated at home"), and not set in a time of its own ("after …", "In 2019, …")."""
    return re.compile(r"(?:^|(?<=[.!?]\s))(?![^.;:!?\n]*\b(?:said|says|told|is\s+one\s+of|are\s+among|after|before|when|"
                      r"in\s+\d{4}|not\s+clear|how\s+many|fewer|more\s+than)\b)((?=[^.;:!?\n—]*\b(?:is|are|was|were|be|been)\s+"
                      r"(?:\w+\s+)?(?:\w+(?:ed|en|wn)|done|put|set|cut|kept|left|sent|spent|built|lost|paid|held|told|found|made|"
                      r"sold|bought|run|shut)\b)"
                      r"[^.;:!?\"“”\n—]{10,200}?)\s+(?:under|through)\s+(?:a|an|the)\s+"
                      r"(?:[\w-]+\s+)?(?:system|scheme|process|practice|method|approach|policy|arrangement|technique|"
                      r"model|programme|program)\s*,?\s*(?:(?:also|widely|commonly)\s+)?(?:known\s+as|called|dubbed)\s+"
                      r"(?:the\s+)?" + named, re.I)
