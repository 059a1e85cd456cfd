"""Asked whether something happened for the first time ("was it the first time they met?", "is this the first time
inspectors found problems?"): a sentence that calls the same deed the first says Yes ("It was the first meeting
between them"); one that tells of it before ("A previous inspection had already found problems", "not the first
time") says No."""
from __future__ import annotations

import re

from lang.rules import negated
from lang.words import STOPWORDS, names, words

from .clauses import base_stem

_ASKED = re.compile(r"^\s*(?:is|was|will|would)\s+(?:this|it|that|these|those|they)\s+(?:be\s+)?(?:the\s+)?"
                    r"(?:very\s+)?first\b(?:\s+(?:time|ever|occasion))?\s*(.*)$", re.I)
_FIRST = re.compile(r"\b(?:the|their|its|his|her|a)\s+(?:very\s+)?first\b|\bfirst[- ]ever\b", re.I)
_BEFORE = re.compile(r"\b(?:previous(?:ly)?|earlier|already|again|once\s+before|last\s+time|second|third|not\s+for"
                     r"\s+the\s+first|not\s+the\s+first)\b", re.I)

_SINCE = re.compile(r"\bsince\b|\bin\s+(?:\w+\s+)?(?:years|decades|months|weeks|a\s+(?:decade|generation|century))\b",
                    re.I)
""""The first strike in 30 years", "the first since 2010": there were others before."""


def first_time(question: str, sentence: str) -> str | None:
    """"Yes" or "No" for "is/was it the first (time) <deed>?" when the sentence names the deed (a content word
    of it: all, or half of a longer one) as the first or as done before; None otherwise."""
    m = _ASKED.match(question)
    if m is None:
        return None
    named = {w for n in names(m.group(1)) for w in words(n)}  # "at Hollowmere": where, not the deed
    deed = {base_stem(w) for w in words(m.group(1)) if w not in STOPWORDS and w not in named}
    said = {base_stem(w) for w in words(sentence)}
    # Every word of a short deed; at least half of a longer one, two or more ("at hollowmere" typed in lower case
    # reads as a word).
    if not deed or not (deed <= said or len(deed & said) >= max(2, len(deed) / 2)):
        return None
    before = _BEFORE.search(sentence)
    if before is not None:
        return "No"  # "A previous inspection had already found problems"; "not the first time"
    if _FIRST.search(sentence) and not negated(sentence) and not _SINCE.search(sentence):
        return "Yes"
    return None
