"""Of two clauses that hold as many of a yes/no question's words, the one that states the claim asked about: the
verb asked, joined to a clause whose subject is the question's ("the practice accepted that … and apologised"), or
what a saying says ("Ferrow said it would appeal")."""
from __future__ import annotations

from lang.opposites import opposite
from lang.rules import is_reporting
from lang.words import STOPWORDS

from .clauses import SUBJECTS, word_stem

__all__ = ["own_verb", "reported"]


def own_verb(one, other, asked: frozenset[str]):
    """Of two clauses holding as many of the question's words, the one whose verb is the one asked about and has no
    subject of its own, joined to a clause whose subject is the question's and holds no other word ("the practice
    accepted that … and apologised to patients" for "did the practice apologise?"; not "The deputy mayor criticised
    the mayor and resigned" for "did the mayor resign?"). None for any other pair."""
    found = [c for c in (one, other) if word_stem(c) in asked and c.dep_ == "conj"
             and not any(d.dep_ in SUBJECTS for d in c.children)]
    rest = one if found and found[0].i == other.i else other
    subject = next((c for c in rest.children if c.dep_ in SUBJECTS), None)
    named = {word_stem(t) for t in subject.subtree if t.lower_ not in STOPWORDS} if subject is not None else set()
    # Not one of two opposite outcomes ("Prices fell in March and rose in April" for "did prices rise?").
    return found[0] if len(found) == 1 and named and named <= asked and word_stem(rest) not in asked and not opposite(
        word_stem(rest), word_stem(found[0])) else None


def reported(one, other, saying: bool):
    """Of a saying and what was said, each holding as many of the question's words ("Ferrow said it would
    appeal"), the claim asked about: the saying when the question asks about one ("Has X said ...?"), else
    what was said. None for any other pair of clauses."""
    for says, said in ((one, other), (other, one)):
        if said.dep_ == "ccomp" and said.head.i == says.i and is_reporting(says.text):
            return says if saying else said
    return None
