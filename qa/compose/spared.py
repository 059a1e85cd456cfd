"""A yes/no question whether something is done to a thing ("Is the mobile library getting cut as well?",
"Will the school be affected?") answered No by a sentence that says the thing is not affected ("The mobile library
van ... is not affected", "is unaffected", "will be spared", "is exempt")."""
from __future__ import annotations

import re

from lang.rules import AUXILIARIES, INDEFINITES
from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["spared"]

_SPARED = re.compile(r"\b(?:(?:is|are|was|were|be|been|being)\s+(?:not|n[o’']t)\s+(?:being\s+|going\s+to\s+be\s+)?"
                     r"(?:affected|touched|included|hit)|(?:is|are|was|were|be|been)\s+(?:unaffected|untouched|"
                     r"spared|exempt(?:ed)?)|(?:will|would)\s+not\s+be\s+(?:affected|touched|included|hit)|"
                     r"(?:isn|aren|wasn|weren|won)[’']t\s+(?:be\s+)?(?:affected|touched|included|hit))\b", re.I)
_DONE_TO = frozenset(base_stem(w) for w in """cut close closed closing shut scrap scrapped axe axed hit affect affected
change changed reduce reduced stop stopped end ended lose lost merge merged move moved sell sold demolish demolished
remove removed touch touched harm harmed damage damaged disrupt disrupted delay delayed cancel cancelled canceled
include included""".split())
"""Verbs of something done to a thing, which "is not affected" denies."""
_BY_THE_WAY = frozenset("also too well either".split())


def spared(question: str, sentence: str) -> bool:
    """Does the sentence say that the thing the question asks about is not affected, where the question asks
    whether something is done to it? The thing's words must all be said before "not affected" (its subject)."""
    ws = words(question)
    if len(ws) < 3 or ws[0] not in AUXILIARIES:
        return False
    m = _SPARED.search(sentence)
    if m is None:
        return False
    verbs = [i for i, w in enumerate(ws) if i > 1 and base_stem(w) in _DONE_TO]
    if not verbs:
        return False
    thing = {base_stem(w) for w in ws[1:verbs[0]] if w not in STOPWORDS and w not in INDEFINITES
             and w not in ("getting", "being", "going")}
    rest = {base_stem(w) for w in ws[verbs[0] + 1:] if w not in STOPWORDS and w not in _BY_THE_WAY}
    said = words(sentence[:m.start()])
    subject = {base_stem(w) for w in said}
    if not thing or not thing <= subject or rest - subject:
        return False
    # Nothing but a determiner before the thing's first word: "The mobile library is not affected" spares
    # another library than "the library".
    first = next(i for i, w in enumerate(said) if base_stem(w) in thing)
    return all(w in STOPWORDS for w in said[:first])
