"""An answer phrase its own sentence denies: "Who will run the pub?" is not answered **volunteers** by "The pub
will not be run by volunteers"; the phrase is what the sentence says is not the case."""
from __future__ import annotations

import re
from typing import Sequence

from lang.rules import negated
from lang.words import stem, terms
from qa.judgment.evidence import Scored

from .clauses import parse_fast

__all__ = ["affirmed_after", "denied_phrase"]

_NEGATIONS = frozenset({"not", "n't", "never"})


def denied_phrase(sentence: str, start: int, end: int) -> bool:
    """Is the phrase at sentence[start:end] an argument of a verb the sentence negates (its subject, object or
    agent, or the object of a preposition of it)? A phrase in another clause than the negated one is not."""
    doc = parse_fast(sentence)
    span = [t for t in doc if start <= t.idx < end]
    head = next((t for t in span if not (start <= t.head.idx < end) or t.head.i == t.i), None)
    if head is None or head.dep_ not in _ARGUMENTS:
        return False
    for _ in range(3):  # "volunteers" <- "by" <- "run"
        head = head.head
        if head.lower_ in ("until", "till"):
            return False  # "did not notify them until March 4": it did, on March 4
        if head.dep_ not in _LINKS:  # the verb (the fast parse has no tags: known by its place)
            return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in head.children)
    return False


_ARGUMENTS = frozenset("nsubj nsubjpass dobj pobj attr dative oprd".split())
_LINKS = frozenset("prep agent pobj".split())
"""What lies between an argument and its verb: "run <- by <- volunteers"."""


def affirmed_after(evidence: Sequence[Scored], best: Scored, question: str) -> Scored | None:
    """For "who / which / what ...?" whose best sentence says only who did not ("The pub will not be run by
    volunteers."): the next sentence of its passage that says it of someone ("... Kit Donnelly, who will run the
    pub with his wife"), by the same verb, not negated. None when the question itself asks who did not."""
    if negated(question) or not _WH.match(question) or not negated(best.text):
        return None
    shared = set(terms(question)) & set(terms(best.text))
    after = sorted((ev for ev in evidence if ev.passage_id == best.passage_id
                    and best.index < ev.index <= best.index + 2), key=lambda ev: ev.index)
    return next((ev for ev in after if not negated(ev.text) and shared & set(terms(ev.text)) & _verbs(best.text)),
                None)


def _verbs(sentence: str) -> set[str]:
    """The stems of the verbs the sentence negates ("run" in "will not be run by volunteers")."""
    return {stem(t.head.lower_) for t in parse_fast(sentence) if t.dep_ == "neg"}


_WH = re.compile(r"^\s*(?:who|whom|which|what)\b", re.I)
