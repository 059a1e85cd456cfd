"""A deed only nearly done, or done to a part of the thing asked: "They almost finished the mural" and "They finished
the outline of the mural" give no Yes to "did they finish the mural?", nor "cleared part of the beach" to "did they
clear the beach?"."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["partly_done"]

_NEARLY = r"(?:almost|nearly|all\s+but|partly|partially|half|largely|mostly|virtually|\d+\s*(?:%|per\s*cent))"
_PART = (r"(?:part|parts|half|some|most|much|a\s+(?:third|quarter|fraction|section|corner|stretch)|the\s+(?:outline|start|"
         r"beginning|edge|first\s+(?:part|half|stage|phase|section)|top|bottom|front|back|rest))\s+of\s+(?:the\s+|its\s+|their\s+)?")


def partly_done(question: str, sentence: str) -> bool:
    """Is a verb of the question told in the sentence only as nearly done, or done only to a part of its object?"""
    if re.search(r"\b(?:" + _NEARLY + "|" + _PART + ")", question, re.I):
        return False  # "has the council tried to sell part of the park?": the part is what is asked
    asked = [w for w in words(question)[1:] if w not in STOPWORDS]
    verbs = {base_stem(w) for w in asked}
    told = re.findall(r"[\w'’-]+", sentence)
    for i, w in enumerate(told):
        if base_stem(w.lower()) not in verbs:
            continue
        if re.search(_NEARLY + r"\s*$", " ".join(told[max(0, i - 2):i]), re.I):
            return True  # "almost finished"
        rest = " ".join(told[i + 1:i + 8])
        part = re.match(r"(?:[a-z]+ing\s+)?" + _PART + r"(?P<thing>[\w'’-]+(?:\s+[\w'’-]+)?)", rest, re.I)  # "finished
        # painting the outline of the mural" too
        if part and {base_stem(t.lower()) for t in part.group("thing").split()} & {base_stem(a) for a in asked}:
            return True  # "cleared part of the beach"
    return False
