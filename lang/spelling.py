"""Names as people type them: a name one or two letters away from a name in the articles is that name."""
from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein


def allowed_edits(word: str) -> int:
    """Typos a word of this length may carry and still be itself: none below 4 letters ("Lee" is not "Lea"),
    one up to 7, two beyond."""
    n = len(word)
    return 0 if n < 4 else 1 if n <= 7 else 2


def same_word(typed: str, written: str) -> bool:
    """Is `typed` the word `written` with at most a few typos (letters swapped, missing, doubled, wrong)?"""
    a, b = typed.lower(), written.lower()
    if a == b:
        return True
    limit = min(allowed_edits(a), allowed_edits(b))
    return limit > 0 and a[:1] == b[:1] and DamerauLevenshtein.distance(a, b, score_cutoff=limit) <= limit


def closest(typed: str, vocabulary) -> str | None:
    """The word of `vocabulary` that `typed` is, typos allowed; the nearest when several are; None when none is."""
    best, best_d = None, None
    a = typed.lower()
    for w in vocabulary:
        if not same_word(a, w):
            continue
        d = DamerauLevenshtein.distance(a, w.lower())
        if best_d is None or d < best_d:
            best, best_d = w, d
    return best
