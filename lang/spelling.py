"""Names as people type them: a name one or two letters away from a name in the articles is that name."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from jellyfish import metaphone
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .aliases import aliases
from .words import FUNCTION_WORDS, stem


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words a question types on purpose ("gist"), not typos of an article's word ("gust"): WordNet's
    lower-case words of four letters or more (built by training/english_words.py)."""
    text = Path(__file__).with_name("english_words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def allowed_edits(word: str) -> int:
    """Typos a word of this length may carry and still be itself: none below 4 letters ("Lee" is not "Lea"),
    one up to 7, two beyond."""
    n = len(word)
    return 0 if n < 4 else 1 if n <= 7 else 2


def name_edits(name: str) -> int:
    """Typos a whole name typed after its first word may carry: a word's allowance up to 14 letters, then three
    ("aldous fenwrite" for "Aldous Fenwright": a surname typed as it sounds). The first word, typed as written,
    has already picked out the name among the few the articles have."""
    return 3 if len(name) >= 15 else allowed_edits(name)


def same_word(typed: str, written: str) -> bool:
    """Is `typed` the word `written` with at most a few typos (letters swapped, missing, doubled, wrong, or one
    letter typed out of place)?"""
    a, b = typed.lower(), written.lower()
    if a == b:
        return True
    limit = min(allowed_edits(a), allowed_edits(b))
    return limit > 0 and a[:1] == b[:1] and (
        DamerauLevenshtein.distance(a, b, score_cutoff=limit) <= limit or _letter_moved(a, b))


MOVED_MIN = 5
"""A word this long or longer with one letter typed out of place ("Marsdne" for "Marsden") is still itself: two edits
by count, one slip of the hand. Shorter anagrams are often other words."""


def _letter_moved(a: str, b: str) -> bool:
    """Is `b` the word `a` with one letter taken out and put back elsewhere (not two letters swapped: "Carol" is
    not "Coral")?"""
    if len(a) != len(b) or len(a) < MOVED_MIN or sorted(a) != sorted(b):
        return False
    for i, c in enumerate(a):
        rest = a[:i] + a[i + 1:]
        if any(rest[:j] + c + rest[j:] == b for j in range(len(a))):
            return True
    return False


SOUND_MIN = 6
"""A word this long or longer typed as it sounds ("fenwrite", "wright") is still itself within three edits; shorter ones
that sound alike are often other names ("Marsh" / "March", "Lea" / "Lee")."""


def sounds_as(typed: str, written: str) -> bool:
    """Is `typed` the name word `written` spelled as it sounds: the same first letter, the same metaphone code and at
    most three edits, both of SOUND_MIN letters or more?"""
    a, b = typed.lower(), written.lower()
    return min(len(a), len(b)) >= SOUND_MIN and a[:1] == b[:1] and metaphone(a) == metaphone(b) \
        and DamerauLevenshtein.distance(a, b, score_cutoff=3) <= 3


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

    def __init__(self, words: Iterable[str], common: frozenset[str] = frozenset(),
                 pairs: Iterable[tuple[str, str]] = ()):
        self._common = common | english_words()  # "gist" is no typo of the article's "gust"
        """Words not corrected unless typed as a name: an English word or a well-known name typed on purpose."""
        self._common_stems = frozenset(stem(w) for w in common if w.isalpha())
        """A word typed in lower case with the stem of a common word ("evils", "inventing") is that word."""
        ordered = list(dict.fromkeys(words))
        self._known = set(ordered)
        self._by_first: dict[str, list[str]] = defaultdict(list)
        self._by_letters: dict[str, list[str]] = defaultdict(list)
        for w in ordered:  # in the order given (the most used first): that word wins a tie, in every run
            self._by_first[w[0]].append(w)
            self._by_letters["".join(sorted(w))].append(w)
        self._next: dict[str, set[str]] = defaultdict(set)
        """The words that follow each word inside the articles' multi-word names ("janet" -> {"coyle"})."""
        for a, b in pairs:
            self._next[a].add(b)
        self._name_words: dict[str, list[str]] = defaultdict(list)
        for w in sorted({w for a, b in pairs for w in (a, b)}):
            self._name_words[w[0]].append(w)

    @classmethod
    def of_terms(cls, terms: Iterable[str], common: frozenset[str] = frozenset()) -> "Speller":
        """From a keyword index's terms: word stems, name word pairs ("ilse_brandt"), and a country's one term
        (lang/aliases.py) read back as the words of its names ("poland", "polish")."""
        countries: dict[str, list[str]] = defaultdict(list)
        for phrase, term in aliases().phrases.items():
            countries[term].extend(phrase.split())
        terms = list(terms)
        # The words the articles write first (most used first); a country's other names after them, so that a
        # tie goes to a word of the text ("Nion" -> "Nixon", not Japan's "Nihon").
        words = [w for t in terms if not t.startswith("zzcountry") for w in t.split("_")]
        words += [w for t in terms if t.startswith("zzcountry") for w in countries.get(t, ())]
        pairs = [tuple(t.split("_")) for t in terms if t.count("_") == 1 and not t.startswith("zzcountry")]
        return cls((w for w in words if len(w) >= 4 and w.isalpha()), common,
                   [(a, b) for a, b in pairs if a.isalpha() and b.isalpha()])

    def misnamed(self, after: str, word: str) -> list[str]:
        """The words that follow `after` in the articles' names and that `word`, typed after it, is a typo of
        (the typo budget is the whole name's: "janet coil" -> "coyle", two letters in eleven); none when the
        articles have the name as typed."""
        a, w = after.lower(), word.lower()
        names = self._next.get(a, ())
        if not names or w in names:
            return []
        budget = name_edits(f"{a} {w}")
        return [b for b in names if b[:1] == w[:1] and (DamerauLevenshtein.distance(w, b) <= budget or sounds_as(w, b))]

    def knows(self, word: str) -> bool:
        w = word.lower()
        return w in self._known or stem(w) in self._known

    def correct(self, word: str, named: bool = False, after: str | None = None) -> str | None:
        """The articles' word that `word` was meant to be, or None (known already, too short, nothing close).

        `named`: typed with a capital inside the question, so meant as a name: a common word ("Brant", "Grant")
        is then read as the articles' name it is close to. `after`: the word typed just before; when the articles
        have a name of that word and one close to this one, the typo budget is the whole name's ("janet coil"
        -> "janet coyle": two letters in eleven)."""
        w = word.lower()
        if w in FUNCTION_WORDS or not w.isalpha():
            return None
        if after is not None:
            # Even a word the articles use elsewhere ("lui", the stem of "Luis") is a typo inside a name they
            # never write that way ("karen lui" -> "karen liu").
            following = self.misnamed(after, w)
            if following:
                return min(following, key=lambda b: DamerauLevenshtein.distance(w, b))
        if self.knows(w):
            return None
        limit = allowed_edits(w)
        if limit == 0 or (w in self._common and not named):
            return None
        pool = self._name_words if w in self._common else self._by_first
        candidates = pool.get(w[0], ())
        found = process.extractOne(w, candidates, scorer=DamerauLevenshtein.distance, score_cutoff=limit)
        if found is None and w not in self._common:
            moved = [v for v in self._by_letters.get("".join(sorted(w)), ()) if _letter_moved(w, v) and v[0] == w[0]]
            found = (moved[0], 2) if moved else None
        if found is not None and same_word(w, found[0]):
            return found[0] if named else _surface(w, found[0], "", self._common, self._name_words)
        if not named and stem(w) in self._common_stems:
            return None
        # The articles' words are stems ("hospit", "vaccin"): a typo before an ending ("hosptial", "vacinated")
        # is the stem typed wrong and an ending the stem takes (stem("hospit" + "al") == "hospit").
        for cut in range(len(w) - 1, 3, -1):
            head, ending = w[:cut], w[cut:]
            found = process.extractOne(head, candidates, scorer=DamerauLevenshtein.distance,
                                       score_cutoff=allowed_edits(head))
            if found is not None and found[0] != head and stem(found[0] + ending) == found[0] \
                    and same_word(w, found[0] + ending):
                return _surface(w, found[0], ending, self._common, self._name_words)
        return None

    def fix(self, text: str) -> str:
        """The text with each misspelled word replaced, in the case it was typed ("Lindquist's" -> "Lindqvist's")."""
        tokens = list(re.finditer(r"[^\W\d_]+", text))
        # In a question typed in title case a capital says nothing.
        title_case = sum(t.group(0)[:1].isupper() for t in tokens[1:]) > len(tokens[1:]) / 2
        out, end = [], 0
        for i, m in enumerate(tokens):
            word = m.group(0)
            gap = text[tokens[i - 1].end():m.start()] if i else ""
            # A capital after the question's first word, not after a sentence's end, is a name as typed.
            named = i > 0 and not title_case and word[:1].isupper() and not re.search(r"[.!?:;\"“]", gap)
            after = tokens[i - 1].group(0) if i and gap.strip() == "" else None
            right = self.correct(word, named, after)
            out.append(text[end:m.start()])
            out.append(word if right is None else right.capitalize() if word[:1].isupper() else right)
            end = m.end()
        out.append(text[end:])
        return "".join(out)


_ENDINGS = ("", "e", "s", "es", "ed", "ing", "al", "y", "ies", "ion", "er", "ers")


def _surface(typed: str, found: str, ending: str, common: frozenset[str],
             names: dict[str, list[str]] | None = None) -> str:
    """A word for the stem `found` as the question would write it ("peopl" -> "people", "hospit" + "al"):
    a form the articles write as a name word ("skyvail" -> "skyvale", not the stem "skyval"); else, of the stem
    and the stem with an ending it takes, the closest to what was typed; on a tie a common word, then the one as
    long as what was typed."""
    forms = dict.fromkeys([found + ending, found, *(found + e for e in _ENDINGS if stem(found + e) == found)])
    written = [f for f in forms if f in (names or {}).get(f[0], ())]
    if written:
        return written[0]
    order = {f: i for i, f in enumerate(forms)}
    return min(order, key=lambda f: (DamerauLevenshtein.distance(typed, f), f not in common,
                                     abs(len(f) - len(typed)), order[f]))
