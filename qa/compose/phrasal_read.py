"""A yes/no question's phrasal verb read against the sentence: "did prices go down?" asks what "prices fell" says,
and "went up" is not "go down"."""
from __future__ import annotations

from lang.opposites import opposite
from lang.phrasal import PARTICLES, means

from .clauses import base_stem

__all__ = ["as_said", "phrasal_said"]


def phrasal_said(ws: list[str]) -> set[str]:
    """The stems of the one-word verbs that the phrasal verbs among these words mean."""
    return {m for w, p in zip(ws, ws[1:]) if p in PARTICLES for m in means(base_stem(w), p)}


def as_said(ws: list[str], asked: set[str], said: set[str], sentence: list[str]) -> tuple[set[str], int]:
    """The question's words with its phrasal verb ("go down", whose particle is a stop word) read as the
    sentence's one-word verb for it ("fell"), or kept whole so that the bare verb ("went up") does not pass for
    it; and 1 when the sentence has that verb's opposite outcome (its verb, for the count of shared words)."""
    for w, p in zip(ws[1:], ws[2:]):
        meant = means(base_stem(w), p) if p in PARTICLES else frozenset()
        if not meant or any(base_stem(a) == base_stem(w) and b == p for a, b in zip(sentence, sentence[1:])):
            continue  # the sentence uses the same phrasal verb
        found = sorted(meant & said)
        asked = (asked - {base_stem(w), p}) | {found[0] if found else f"{base_stem(w)} {p}"}
        return asked, int(not found and any(opposite(m, x) for m in meant for x in said))
    return asked, 0
