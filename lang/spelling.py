"""Names as people type them: a name one or two letters away from a name in the articles is that name."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .aliases import aliases
from .words import FUNCTION_WORDS, stem


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


class Speller:
    """Corrects the words of a question that the articles never use to the articles' word they were meant to be
    ("Lindquist" -> "Lindqvist"): only words of four letters or more, by first letter, within allowed_edits."""

    def __init__(self, words: Iterable[str], common: frozenset[str] = frozenset()):
        self._common = common
        """Words never corrected: an English word or a well-known name typed on purpose."""
        self._known = set(words)
        self._by_first: dict[str, list[str]] = defaultdict(list)
        for w in self._known:
            self._by_first[w[0]].append(w)

    @classmethod
    def of_terms(cls, terms: Iterable[str], common: frozenset[str] = frozenset()) -> "Speller":
        """From a keyword index's terms: word stems, name word pairs ("ilse_brandt"), and a country's one term
        (lang/aliases.py) read back as the words of its names ("poland", "polish")."""
        countries: dict[str, list[str]] = defaultdict(list)
        for phrase, term in aliases().phrases.items():
            countries[term].extend(phrase.split())
        words = [w for t in terms for w in (countries.get(t, ()) if t.startswith("zzcountry") else t.split("_"))]
        return cls((w for w in words if len(w) >= 4 and w.isalpha()), common)

    def knows(self, word: str) -> bool:
        w = word.lower()
        return w in self._known or stem(w) in self._known

    def correct(self, word: str) -> str | None:
        """The articles' word that `word` was meant to be, or None (known already, too short, nothing close)."""
        w = word.lower()
        limit = allowed_edits(w)
        if limit == 0 or self.knows(w) or w in FUNCTION_WORDS or w in self._common or not w.isalpha():
            return None
        found = process.extractOne(w, self._by_first.get(w[0], ()), scorer=DamerauLevenshtein.distance,
                                   score_cutoff=limit)
        if found is None or not same_word(w, found[0]):
            return None
        return found[0]

    def fix(self, text: str) -> str:
        """The text with each misspelled word replaced, in the case it was typed ("Lindquist's" -> "Lindqvist's")."""
        def swap(m: re.Match) -> str:
            word = m.group(0)
            right = self.correct(word)
            if right is None:
                return word
            return right.capitalize() if word[:1].isupper() else right
        return re.sub(r"[^\W\d_]+", swap, text)
