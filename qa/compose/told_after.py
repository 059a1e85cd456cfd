"""A person's deed told just after the sentence that names them, by "he" or "she": "Gordon Pybus, 74, who has
lived on Tanner's Row …, was in his kitchen when it struck. … He is now staying with his daughter in Coldby." For
"where is Gordon Pybus staying?", the second says what is asked; the first only names him."""
from __future__ import annotations

import re
from typing import Sequence

from lang.words import names, terms
from qa.judgment.evidence import Scored
from qa.question import Question

__all__ = ["told_after_name"]

_POINTS_BACK = re.compile(r"^\W*(?:he|she)\b", re.I)


def told_after_name(q: Question, near: Sequence[Scored]) -> int | None:
    """The index in `near` of a sentence of the best one's passage, after it, that opens with "he" or "she" and holds
    at least half of the question's words other than its names, where the best sentence holds none of them and names
    the one asked about; None otherwise."""
    asked_names = q.names or tuple(names(q.text))  # a follow-up's "he", put as the name it stands for
    if not near or not asked_names:
        return None
    best = near[0]
    named = {t for n in asked_names for t in terms(n)}
    rest = set(q.terms) - named
    if not rest or rest & set(terms(best.text)) or not named & set(terms(best.text)):
        return None
    for i, e in enumerate(near[1:], 1):
        if e.passage_id != best.passage_id or e.start <= best.start or not _POINTS_BACK.match(e.text):
            continue
        held = rest & set(terms(e.text))
        if 2 * len(held) >= len(rest):
            return i
    return None
