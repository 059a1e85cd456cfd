"""An event that went ahead was not called off, and one called off did not go ahead: "a wedding on Saturday, 20
September went ahead as planned" answers "did the wedding get called off?" No; "The concert was cancelled because of
the storm" answers "did the concert go ahead?" No. Only where the thing asked (its last word) is named just before the
verb, and the sentence tells the one outcome, not both, nor either denied or only planned."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["went_ahead"]

_OFF = r"(?:cancell?ed|called\s+off|scrapped|postponed|abandoned|axed)"
_ON = r"(?:went\s+ahead|took\s+place|was\s+held|were\s+held|carried\s+on)"
_ASKS_OFF = re.compile(r"^\W*(?:was|were|has|have|did|is|are)\s+(?P<thing>.+?)\s+(?:get\s+|got\s+|been\s+|be\s+)?" + _OFF
                       + r"\s*[?.!]*$", re.I)
_ASKS_ON = re.compile(r"^\W*(?:did|has|have)\s+(?P<thing>.+?)\s+(?:still\s+)?(?:go\s+ahead|gone\s+ahead|take\s+place|taken\s+place|"
                      r"happen|happened)\s*[?.!]*$", re.I)
_UNSURE = re.compile(r"\b(?:not|never|n't|may|might|could|would|will|if|whether|plan\w*|expected|due|hope\w*|likely|"
                     r"unless|until|despite\s+calls|threat\w*)\b", re.I)


def went_ahead(question: str, sentence: str) -> bool:
    """Does the sentence tell the other outcome of the very event asked about (so the answer is No)?"""
    for asks, told, other in ((_ASKS_OFF, _ON, _OFF), (_ASKS_ON, _OFF, _ON)):
        m = asks.match(question)
        if m is None:
            continue
        head = re.split(r"\s+(?:at|in|on|of|for|near|by|from|with)\s+", m.group("thing"), maxsplit=1)[0]  # "the wedding"
        thing = [base_stem(w) for w in words(head) if w not in STOPWORDS]
        if not thing or re.search(other, sentence, re.I) or _UNSURE.search(re.sub(r"\bas\s+planned\b", "", sentence)):
            return False  # both outcomes told ("was postponed, then went ahead"), or one only planned or denied
        for verb in re.finditer(r"\b" + told + r"\b", sentence, re.I):
            near = [base_stem(w) for w in words(sentence[:verb.start()])[-8:]]
            if thing[-1] in near:
                return True
    return False
