"""A yes/no question whether something goes up or down ("Are ferry fares going up this winter?") answered No by a
sentence that says it will not change ("Fares will not change this winter", "… will be frozen", "… would not
increase"): of the thing asked about, said of it as its subject."""
from __future__ import annotations

import re

from lang.opposites import DOWN, UP
from lang.rules import AUXILIARIES
from lang.words import STOPWORDS, words

from .clauses import base_stem
from .phrasal_read import phrasal_said

__all__ = ["unchanged"]

_WAYS = {"up": frozenset(base_stem(w) for w in UP + ["raise", "hike"]),
         "down": frozenset(base_stem(w) for w in DOWN + ["cut", "reduce", "lower"])}
_NOT = r"(?:will|would|does|do|did|is|are|has|have|had|was|were)\s*(?:not|n[’']t)\s+(?:be\s+|been\s+)?"
_SAME = re.compile(rf"\b(?:{_NOT}(?P<verb>chang(?:e|ed)|rais(?:e|ed)|increas(?:e|ed)|ris(?:e|en)|go\s+up|cut|"
                   r"reduc(?:e|ed)|fall(?:en)?|go\s+down|decreas(?:e|ed))|(?:will|would|is|are|was|were|has|have|had)"
                   r"\s+(?:be\s+|been\s+)?(?:stay(?:ed)?\s+|remain(?:ed)?\s+|kept\s+)?(?:the\s+same|unchanged|frozen)|"
                   r"(?:stays?|remains?|stayed|remained)\s+(?:the\s+same|unchanged|frozen))\b", re.I)
"""Said not to change: "will not change", "would not increase", "will be frozen", "remain unchanged"."""


def unchanged(question: str, sentence: str) -> bool:
    """Does the sentence say that the thing the question asks goes up (or down) will not change, or will not go
    that way? The sentence's subject, right before it, must be a word the question asks about: "Council tax will
    not change, but parking charges will rise" does not answer "are parking charges going up?"."""
    ws = words(question)
    if len(ws) < 3 or ws[0] not in AUXILIARIES or _IF.search(sentence):
        return False
    stems = [base_stem(w) for w in ws]
    meant = set(stems) | phrasal_said(ws)  # "going up" is "rise"
    way = next((w for w, verbs in _WAYS.items() if meant & verbs), None)
    if way is None:
        return False
    asked = {s for w, s in zip(ws[1:], stems[1:]) if w not in STOPWORDS and s not in _WAYS[way]}
    for m in _SAME.finditer(sentence):
        verb = (m.group("verb") or "").lower()
        if verb and not verb.startswith("chang") and base_stem(verb.split()[0]) not in _WAYS[way] and not (
                verb.startswith("go") and verb.endswith(way)):
            continue  # "will not fall" says nothing of going up
        subject = [w for w in words(sentence[:m.start()]) if w not in STOPWORDS][-1:]
        if subject and base_stem(subject[0]) in asked:
            return True
    return False


_IF = re.compile(r"\b(?:if|unless|whether|could|might|may)\b", re.I)
"""Only supposed or possible: settles nothing."""
