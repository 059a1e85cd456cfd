"""An answer phrase its own sentence denies: "Who will run the pub?" is not answered **volunteers** by "The pub
will not be run by volunteers"; the phrase is what the sentence says is not the case."""
from __future__ import annotations

from .clauses import parse_fast

__all__ = ["denied_phrase"]

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
