"""What a yes/no question asks of a quantity: whether a thing is there at all ("Is there a fee for ...?"), and
whether all of something was ("Were all flights cancelled?"), which a count does not say."""
from __future__ import annotations

import re

from lang.rules import CONDITIONALS, INDEFINITES, MODALS, NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["count_only", "there_is"]


def there_is(asked: list[str], text: str, before: str = "", modal: str = "") -> str | None:
    """"Is there a fee for parking at night?": "Yes" when the sentence speaks of the thing ("Fees for night
    parking start at 3 euros") with one more word of the question (or "It" for the thing the sentence before
    named: "The hub will offer ... It will keep 4,000 books"), "No" when it says there is none ("no fines",
    "there are no survivors"); None when it is not there, only supposed ("if", "whether", "may"), denied
    elsewhere in the sentence ("A hub with a shelf of books is not a library"), or the question names nothing
    more to check it against ("" then: no verdict from the rest of the sentence either). `modal`: the question's
    own ("will there be ...?"), which the sentence may say without supposing anything ("It will keep ...")."""
    kept = [w for w in asked if w not in STOPWORDS and w not in NEGATIONS and w not in INDEFINITES
            and w not in _HOW_MUCH]  # "are there enough beds": the thing is the beds
    if not kept or {m.group(0) for m in _SUPPOSED.finditer(text)} - {modal}:
        return None
    sentence = words(text)
    thing, rest = base_stem(kept[0]), {base_stem(w) for w in kept[1:]}
    said = [base_stem(w) for w in sentence]
    at = next((i for i, w in enumerate(said) if w == thing), None)
    if at is None:
        return None
    if any(w in NEGATIONS for w in sentence[max(0, at - 3):at]):
        return "No"  # "no fines", "there were no survivors", "without any warning"
    if any(w in NEGATIONS for w in sentence):
        return ""
    if rest and not rest & set(said) and _POINTS_BACK.match(text):
        last = re.split(r"(?<=[.!?])\s+", before.strip())[-1] if before.strip() else ""
        said = said + [base_stem(w) for w in words(last)]
    return "Yes" if rest and rest & set(said) else None


_POINTS_BACK = re.compile(r"^\s*(?:it|they|this)\b", re.I)


_HOW_MUCH = frozenset("enough more fewer less many much sufficient plenty".split())
_SUPPOSED = re.compile(r"\b(?:%s)\b" % "|".join(sorted(CONDITIONALS | MODALS)))
"""Lower case only: "May" the month supposes nothing."""


def count_only(question: str, sentence: str) -> bool:
    """Does the question ask about all of something ("Were all flights cancelled?", "Did every school close?")
    that the sentence does not say all of ("cancelled 86 flights")? Then its Yes is not given."""
    return _ALL.search(question) is not None and _ALL.search(sentence) is None


_ALL = re.compile(r"\b(?:all|every|each|entire|whole|everyone|everybody|everything)\b", re.I)
