"""Two answers to one question: "how much was Eastmoor fined?" is answered by "Eastmoor was fined £240,000 in
2019" (an earlier case, set in its year) and by the story's own "A water company has been fined £1.8 million".
Asked with no time, the question may mean either; most likely the story's own. Both are cited, and no phrase is
put first as the answer: a wrong bold answer is worse than none."""
from __future__ import annotations

import re
from typing import Sequence

from lang.words import names as names_in, terms
from qa.judgment.evidence import Scored
from qa.question import NUMBER, Question

__all__ = ["story_rival"]

_IN_A_YEAR = re.compile(r"\b(?:in|since|during|back\s+in|by|until)\s+(?:(?:early|late|mid-?)\s*)?(?:1[6-9]\d\d|20\d\d)\b",
                        re.I)
_YEAR = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
LOOKS_AT = 4
"""How far down the evidence a rival answer is looked for."""


def story_rival(evidence: Sequence[Scored], best: Scored, q: Question) -> Scored | None:
    """The article's lead, when it is a runner-up that answers the same question (the answer's kind, a word of the
    question that is no name) with no year, where the best sentence sets its answer in a year the question does not ask
    about; None otherwise."""
    # A quantity only: for "when" the year is the answer.
    if q.wants != NUMBER or _YEAR.search(q.text) or not _IN_A_YEAR.search(best.text) or not best.fits:
        return None
    # Not a name, even typed in lower case ("how many people work at telma?" / "Telma, founded in 1921, ..."):
    # the word both sentences share must be what is asked of it ("fined").
    names = {t for n in (*q.names, *names_in(best.text)) for t in terms(n)}
    asked = set(q.terms) - names
    for ev in evidence[1:LOOKS_AT]:
        if ev.source == best.source and _leads(ev) and ev.fits and not _YEAR.search(ev.text) \
                and asked & set(terms(ev.text)) & set(terms(best.text)):
            return ev
    return None


def _leads(ev: Scored) -> bool:
    """Is the sentence the article's lead (the first of its first passage, after a headline if there is one),
    which tells the story's own event?"""
    return ev.passage_id.rpartition("#")[2] == "0" and ev.index <= 1
