"""Whose claim a clause states: the question's words outside the clause that holds most of them may only be
what its subject points at (a relative clause's noun, a pronoun's name, the body a speaker's role names)."""
from __future__ import annotations

from lang.rules import KIND_NOUNS, PRONOUNS

from .clauses import SUBJECTS, word_stem

__all__ = ["rest_is_its_subject"]

_OBJECTS = frozenset({"dobj", "dative"})
_OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her"})


def _by_its_kind(token) -> bool:
    """A body named by its kind ("the authority", "the company"), as a speaker's own body is in what they say."""
    return token.lower_ in KIND_NOUNS["organisation"] and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def rest_is_its_subject(doc, head, rest: set[str], clause_of: dict[int, int]) -> bool:
    """The question's words outside the claim's clause may only be what its subject points at: the noun a
    relative clause describes ("Brandt, who opened ..."), or the name an enclosing clause gives a pronoun
    or a shared subject ("the mayor visited Lyon, although she ...")."""
    if not rest:
        return True
    if rest <= {word_stem(t) for c in head.children if c.dep_ == "ccomp" for t in c.subtree}:
        return True  # what a saying said: "Has X said how many drivers ...?"
    if head.dep_ in ("relcl", "acl"):
        inside = {t.i for t in head.subtree}
        return rest <= {word_stem(t) for t in head.head.subtree if t.i not in inside}
    if any(c.dep_ in _OBJECTS and c.lower_ in _OBJECT_PRONOUNS for c in head.children) and \
            rest <= {word_stem(t) for t in doc[:head.i] if clause_of[t.i] != head.i}:
        return True  # "The protesters waited, but the mayor did not meet them": "them" is who was named before
    subject = [c for c in head.children if c.dep_ in SUBJECTS]
    if subject and subject[0].lower_ not in PRONOUNS and not _by_its_kind(subject[0]):
        return False  # the clause names someone else (not "the authority" its chief executive speaks for)
    # A body by its kind is the one a speaker's role names ("MVT chief executive X said the authority …"), not the
    # speaker itself ("The union said the company …").
    kind = bool(subject) and subject[0].lower_ not in PRONOUNS
    outer, t = set(), head
    while t.head.i != t.i:  # up through the enclosing clauses
        t = doc[clause_of[t.head.i]]
        outer |= {word_stem(u) for u in doc if clause_of[u.i] == t.i and not (kind and u.dep_ not in _MODIFIERS)}
    return rest <= outer


_MODIFIERS = frozenset("nmod compound poss amod".split())


