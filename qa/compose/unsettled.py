"""Is a yes/no question's claim held by the sentence only as wanted, planned, possible or still to be decided? Then
the sentence settles nothing (moved out of yesno.py, which reads the claim itself)."""
from __future__ import annotations

import re

from lang.rules import AUXILIARIES, INDEFINITES, MODALS, NEGATIONS, auxiliary
from lang.words import STOPWORDS, words

from .clauses import asserted, base_stem, clause_head, denies, parse_fast, word_stem

__all__ = ["going_to", "unsettled"]


def unsettled(question: str, sentence: str) -> bool:
    """Does the sentence hold the claim asked only as wanted, planned, possible or still to be decided ("aims to open",
    "there is talk of opening", "still has to be approved", "may close")? Then it settles nothing. Something under way
    ("Is X building ...?") is left alone: an aim is close to it. The subject may be unsaid (named elsewhere)."""
    ws = words(question)
    if not ws or auxiliary(ws[0]) not in AUXILIARIES or "or" in ws:
        return False
    going = going_to(ws)  # "Is X going to move ...?" asks about the future, not something under way
    kept = [w for w in ws[1:] if w not in STOPWORDS and w not in NEGATIONS and w not in INDEFINITES
            and not (going and w == "going")]
    whether = re.split(r"\bwhether\b", sentence, maxsplit=1, flags=re.I)
    if len(whether) == 2 and len(kept) >= 2 and {base_stem(w) for w in kept} <= {base_stem(w) for w in words(whether[1])}:
        return True  # "Is the town getting a hub?" / "... until a decision is made on whether the town should get a hub"
    if auxiliary(ws[0]) in ("is", "are", "am") and any(w.endswith("ing") and not (going and w == "going")
                                                       for w in ws[1:]):
        return False
    said = {base_stem(w) for w in words(sentence)}
    present = [i for i, w in enumerate(kept) if base_stem(w) in said]
    if len(present) < 2 or any(base_stem(w) not in said for w in kept[present[0]:]) or present[0] > 1:
        return False  # every word from the first one found on must be there; before it, one subject word at most
    asked = frozenset(base_stem(w) for w in kept if base_stem(w) in said)
    doc = parse_fast(sentence)
    clause_of = {t.i: clause_head(t) for t in doc}
    held: dict[int, set[str]] = {}
    for t in doc:
        if word_stem(t) in asked:
            held.setdefault(clause_of[t.i], set()).add(word_stem(t))
    # The clause whose own verb is asked about first ("... was approved in 2022 and would open in 2026" for "has
    # the plant opened?": the subject sits in the first clause, the claim in the second), then the most words.
    head = doc[max(held.items(), key=lambda kv: (word_stem(doc[kv[0]]) in asked, len(kv[1])))[0]]
    own = [t for t in doc if clause_of[t.i] == head.i]
    if any(denies(t, {head.i}, asked) for t in own) or _intent_denied(head):
        return False  # denied, not unsettled
    modals = {auxiliary(w) for w in ws} & MODALS
    return not asserted(head, own, asked, modals) or _named_as_noun(head)


def _intent_denied(verb) -> bool:
    """Is the claim held under a denied aim ("had no plans to close", "does not intend to sell")? That is no
    plan, not a plan: the sentence does not leave it open."""
    t = verb
    for _ in range(3):  # up through "plans to", "of", "intention of"
        if t.head.i == t.i or t.dep_ not in ("xcomp", "acl", "pcomp", "pobj", "prep", "relcl"):
            return False
        t = t.head
        if any(c.dep_ in ("neg", "det") and c.lower_ in NEGATIONS for c in t.children):
            return True
    return False


def going_to(ws: list[str]) -> bool:
    """"Is X going to ...?": the future asked, as "Will X ...?" asks it."""
    return auxiliary(ws[0]) in ("is", "are", "am") and any(a == "going" and b == "to" for a, b in zip(ws, ws[1:]))


def _named_as_noun(verb) -> bool:
    """An event named by a noun rather than stated ("talk of opening", "plans for building", "the idea of
    closing"): a gerund under a preposition that belongs to a noun (read from the dependencies: this parser has
    no tagger)."""
    return verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.dep_ in _NOMINAL


_NOMINAL = frozenset("nsubj nsubjpass dobj attr pobj appos oprd".split())
