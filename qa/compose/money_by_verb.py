"""A sum asked by its verb ("how much will it save?", "how much did the council pay?") is given by a sentence whose
same verb carries a sum of money within a few words ("… saving an estimated £1.2 million a year"): it answers in the
form asked, whatever the judge, fitted on phrases, makes of it. Not a sum only hoped for or possible."""
from __future__ import annotations

import re

from lang.tagging import verb_base
from lang.words import stem

__all__ = ["priced_by"]

_ASKS = re.compile(r"^\W*how\s+much\s+(?:money\s+)?(?:will|would|does|did|do|is|are|was|were|has|have|had|can|could)\s+"
                   r"(?P<who>(?:[\w'’-]+\s+){0,5}?)(?P<verb>save|saving|cost|costing|raise|raising|pay|paying|spend|"
                   r"spending|lose|losing|earn|earning)\b", re.I)
_SUM = re.compile(r"[£$€]\s?\d")
_UNSURE = re.compile(r"\b(?:hopes?|hoping|aims?|aiming|could|might|may|if|unless|target|wants?|not|never|denied|denies|"
                     r"must|needs?\s+to|trying|tries|bid|set\s+to|expected\s+to)\b")
_STOPS = re.compile(r",|\bbut\b|\band\b|\bwith\b")


def priced_by(question: str, sentence: str) -> bool:
    """Does the sentence give a sum of money right after the verb the question asks the sum of?"""
    m = _ASKS.match(question)
    if m is None or _UNSURE.search(sentence):
        return False
    asked = stem(verb_base(m.group("verb").lower()))
    who = [w for w in m.group("who").lower().split() if w not in ("the", "a", "an", "it", "they", "this", "that", "its")]
    for w in re.finditer(r"[A-Za-z]+", sentence):
        if stem(verb_base(w.group(0).lower())) == asked:
            near = " ".join(_STOPS.split(sentence[w.end():])[0].split()[:5])  # up to a comma, "but", "and", "with"
            before = sentence[:w.start()].lower()
            if _SUM.search(near) and all(re.search(rf"\b{re.escape(x)}", before) for x in who):
                return True  # by the one asked about ("the council paid", not "The developer paid £2m to the council")
    return False
