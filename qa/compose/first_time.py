"""Asked whether something happened for the first time ("was it the first time they met?", "is this the first time
inspectors found problems?"): a sentence that calls the same deed the first says Yes ("It was the first meeting
between them"); one that tells of it before ("A previous inspection had already found problems", "not the first
time") says No. A first "in 30 years" or "since 1998", one only supposed ("would be the first"), another person's,
or a sentence that says both, settles nothing."""
from __future__ import annotations

import re

from lang.rules import negated
from lang.words import STOPWORDS, names, words

from .clauses import base_stem

UNSETTLED = ""
"""Asked of a first time, but the sentence does not settle it: no other reading of it may give a verdict."""

_ASKED = re.compile(r"^\s*(?:is|was|will|would)\s+(?:this|it|that|these|those|they)\s+(?:be\s+)?(?:the\s+)?"
                    r"(?:very\s+)?first\b(?:\s+(?:time|ever|occasion))?\s*(.*)$", re.I)
_FIRST = re.compile(r"\b(?:the|their|its|his|her|a)\s+(?:very\s+)?first(?:[- ]ever)?\s+(?P<known>(?:confirmed|recorded|known|"
                    r"reported|official|documented|verified)\s+)?(?P<next>[\w-]+)", re.I)
"""The first of a deed, maybe as it is known ("the first confirmed sighting")."""
_UNKNOWN = re.compile(r"\b(?:un\w+|suspected|possible|probable|rumou?red|alleged|after|following|although|though|but|"
                      r"despite|since|before)\b", re.I)
"""Others not so known, told beside "the first confirmed …" ("after two suspected cases"): it settles nothing."""
_BEFORE = re.compile(r"\b(?:previous(?:ly)?|earlier|already|again|once\s+before|last\s+time|(?:second|third)\s+time|"
                     r"not\s+for\s+the\s+first|not\s+the\s+first)\b", re.I)
_SINCE = re.compile(r"\bsince\b|\b(?:this|of\s+the)\s+(?:year|century|decade|season|month|week|day)\b|"
                    r"\b(?:in|for)\s+(?:[\w-]+\s+){0,4}(?:years?|decades?|months|weeks|generation|century)\b", re.I)
""""The first strike in 30 years", "the first since 2010", "the first for more than a decade": there were others."""
_SUPPOSED = re.compile(r"\b(?:if|unless|whether|would|could|might|may|denied|denies|deny|claimed|claims)\b", re.I)


def first_time(question: str, sentence: str) -> str | None:
    """"Yes" or "No" for "is/was it the first (time) <deed>?" when the sentence names the deed (a content word
    of it: all, or half of a longer one) as the first or as done before; UNSETTLED when it speaks of a first time
    it does not settle; None when the question asks no such thing or the sentence tells another deed."""
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
    # Someone else's first time ("It was the first time Moss had been sent off" for "... Hart ..."?).
    others = set(words(" ".join(names(sentence)))) - set(words(question))
    if named and others:
        return None
    first = next((f for f in _FIRST.finditer(sentence) if f.group("next").lower() in ("time", "ever", "occasion")
                  or base_stem(f.group("next")) in deed), None)  # "the first meeting", not "the first week"
    # A time before, said of the deed itself (within four words of one of its words: "A previous inspection ...
    # had found problems", "flooded in 2007 and again"; not "which previously ran its own IT, was hacked").
    said_at = [m.start() for m in re.finditer(r"[\w'’-]+", sentence) if base_stem(m.group().lower()) in deed]
    spans = [(min(b.start(), i), max(b.end(), i), b) for b in _BEFORE.finditer(sentence) for i in said_at]
    before = next((b for a, z, b in spans if len(words(sentence[a:z])) <= 5 and "," not in sentence[a:z]), None)
    if _SUPPOSED.search(sentence) or first is not None and (before is not None or _SINCE.search(sentence)):
        return UNSETTLED
    if before is not None:
        return UNSETTLED if negated(sentence) else "No"  # "A previous inspection had already found problems"
    if first is not None and first.group("known") and (_UNKNOWN.search(sentence) or not _only_asked(
            sentence[first.end():], question, named=False)):
        return UNSETTLED  # "the first confirmed case in the county, after two suspected cases"; "in North Marlshire"
    if first is not None and not negated(sentence) and _only_asked(sentence[first.end():], question):
        return "Yes"
    return UNSETTLED if re.search(r"\bfirst\b", sentence, re.I) else None  # "in the first week of March": not this


def _only_asked(rest: str, question: str, named: bool = True) -> bool:
    """Is the first time no narrower than the deed asked ("the first time the river had flooded the museum" for "has
    the river flooded?" is not): the clause after it says nothing the question does not, but names (unless `named` is
    False: "in North Marlshire" is narrower than "in Marlshire")."""
    clause = re.split(r"[,;:.]", rest, maxsplit=1)[0]
    asked = {base_stem(w) for w in words(question)}
    return all(base_stem(w.lower()) in asked or w in STOPWORDS or named and w[:1].isupper() or w in _EVER
               for w in re.findall(r"[\w'’-]+", clause))


_EVER = frozenset("history ever species kind type sort".split())
"""Words after a first that narrow nothing: "in the firm's history" is ever; "of the species", its kind."""
