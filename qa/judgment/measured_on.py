"""A thing's measure told in the sentence after the one that names it: "how high was the nest?" is answered by "It
hung about 18 metres up a lime tree", which follows "The nest was about the size of a football …" and calls the nest
only "it". The ranker and the reader see the nest missing from it and put the sentence that names it first, though
that one gives no measure; this puts the next one first when it gives a measure of the kind asked, taking the first
one's confidence (both are that thing's, and only one says what was asked)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.question import MONEY, Question

if TYPE_CHECKING:  # evidence calls this module
    from .evidence import Scored

MEASURED_LOOKS = 6
"""How far down the evidence the sentence after the best one is looked for."""
_UNITS = frozenset({"length", "length_or_time", "time", "weight", MONEY})
_POINTS_BACK = re.compile(r"^\W*(?:it|they)\s+(?!(?:is|was|are|were|has\s+been|had\s+been)\s+(?:thought|believed|said|"
                          r"hoped|expected|understood|likely|unlikely|unclear|not|possible|feared|reported|claimed)\b)"
                          r"(?!(?:said|say|says|added|told|hope|hoped|think|thought|believe|believed)\b)", re.I)
"""A sentence that goes on about the thing just named ("It hung …", "They weigh …"); not "It is thought …", nor a
body's words ("They said …")."""


def measured_on_first(q: Question, evidence: tuple[Scored, ...]) -> tuple[Scored, ...]:
    """The evidence with the sentence right after the best one first, when a measure is asked ("how high", "how much"),
    the best one gives none of its kind, and the next one, which goes on about it ("It …"), does."""
    if q.unit not in _UNITS or len(evidence) < 2 or evidence[0].fits:
        return evidence
    best = evidence[0]
    for k, e in enumerate(evidence[1:MEASURED_LOOKS], start=1):
        if e.passage_id == best.passage_id and e.index == best.index + 1 and e.fits and set(e.missing) <= set(
                best.missing) and _POINTS_BACK.match(e.text):
            return (replace(e, confidence=best.confidence, score=best.score), *evidence[:k], *evidence[k + 1:])
    return evidence
