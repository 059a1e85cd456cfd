"""A short sentence that only announces what its paragraph goes on to tell ("The licence comes with conditions.",
"Students reacted with anger."): the sentences after it are the answer."""
from __future__ import annotations

import re
from typing import Sequence

from lang.words import stem
from lang.words import words as words_of

from qa.judgment.evidence import Scored
from qa.question import Question

TOPIC_WORDS = 8
"""A best sentence this short announces what the sentences after it tell: for a "why" that gives no reason ("Some
experts urged caution.", compose.reason_after), who and why; for "what conditions …?", the list."""

LISTED = 3
"""How many sentences after a short one that announces them ("The licence comes with conditions.") are cited."""


_ANNOUNCES = re.compile(r"\b(?:with|includes?|including|has|have|had|sets?\s+out|lists?|follow|following)\s+"
                        r"(?:(?:several|some|new|further|strict|these|the\s+following)\s+)?[a-z]+s\W*$", re.I)
"""A sentence that names what comes without telling it ("comes with conditions", "sets out new rules"); not one that
tells it already ("Police closed two roads.")."""


def listed_after(evidence: Sequence[Scored], best: Scored, q: Question) -> list[Scored]:
    """"What conditions come with the licence?" / "The licence comes with conditions.": a short best sentence that
    ends in the plural the question asks for only announces what its paragraph goes on to tell; the sentences after
    it in its passage (LISTED at most, one after another) tell it."""
    ws = words_of(best.text)
    if q.wh not in ("what", "which") or not ws or len(ws) > TOPIC_WORDS or not ws[-1].endswith("s") \
            or stem(ws[-1]) not in set(q.terms) or not _ANNOUNCES.search(best.text):
        return []
    after = {ev.index: ev for ev in evidence if ev.passage_id == best.passage_id and ev.source == best.source}
    told = []
    for k in range(best.index + 1, best.index + 1 + LISTED):
        if k not in after:
            break
        told.append(after[k])
    return told
