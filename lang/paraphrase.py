"""Words a question may use for its sentence's words: as the crowd of SQuAD's training questions used them
("died" for "deaths", "finished" for "completed"; mined by training/paraphrases.py into paraphrases.json), one
way only (the question's word is stood for by the sentence's: "Did anyone die?" is answered by "no deaths");
and WordNet's same-meaning words that MiniLM also puts close ("hurt" / "injured", "alter" / "change"; mined by
training/wordnet_pairs.py into wordnet_pairs.json), both ways; and a number's ways up, or down, for each other."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from lang.opposites import DOWN, UP, wordnet_pairs
from lang.tagging import verb_base
from lang.words import stem


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    record = json.loads(Path(__file__).with_name("paraphrases.json").read_text(encoding="utf-8"))
    table: dict[str, set[str]] = {}
    for asked, said, asked_word, said_word in record["pairs"]:
        # Both as stemmed ("began") and as an irregular verb's base stemmed ("begin"): the yes/no check reads a
        # sentence's verbs by their base ("beginning" and "began" are both "begin").
        for a in {asked, stem(verb_base(asked_word))}:
            table.setdefault(a, set()).update({said, stem(verb_base(said_word))})
    # WordNet's words are their base forms already ("wound" is the injury, not "wind" past).
    for a, b in wordnet_pairs()["same"]:
        table.setdefault(stem(a), set()).add(stem(b))
        table.setdefault(stem(b), set()).add(stem(a))
    # Everyday verbs and the formal ones news writes for them ("do they get interest?" / "will receive interest"),
    # which neither the crowd's pairs nor WordNet's close ones hold: "get" has too many senses for either.
    for a, b in _EVERYDAY:
        table.setdefault(stem(a), set()).add(stem(b))
        table.setdefault(stem(b), set()).add(stem(a))
    # Any way up says what any other way up says ("did the price drop?" / "it fell 6 percent").
    for way in (UP, DOWN):
        for a in way:
            table.setdefault(stem(a), set()).update(stem(b) for b in way if b != a)
    # Units of time are never one another ("this year" / "the 14-day deadline"): the crowd's pairs hold "day" for
    # "year" where a question's span of time was answered in another unit.
    return {k: frozenset(x for x in v if x == k or not {k, x} <= _TIME_UNITS) for k, v in table.items()}


_TIME_UNITS = frozenset(stem(w) for w in "second minute hour day night week weekend fortnight month year decade century"
                        .split())
_EVERYDAY = [pair.split() for pair in "get receive,get obtain,give provide,need require,buy purchase,help assist,"
              "support back,kid child,kids children"
              .split(",")]


def said_for(asked: str, said: Iterable[str]) -> str | None:
    """The stem among the sentence's stems `said` that stands for the question's stem `asked`: itself when
    there, else a paraphrase; None when neither is."""
    said = said if isinstance(said, (set, frozenset)) else set(said)
    if asked in said:
        return asked
    return next((s for s in sorted(_table().get(asked, ())) if s in said), None)


@lru_cache(maxsize=1)
def _nominals() -> dict[str, frozenset[str]]:
    record = json.loads(Path(__file__).with_name("nominals.json").read_text(encoding="utf-8"))
    table: dict[str, set[str]] = {}
    for verb, nouns in record["nominals"].items():
        table.setdefault(stem(verb), set()).update(stem(n) for n in nouns)
    return {k: frozenset(v) for k, v in table.items()}


def deed_nouns(asked: str) -> frozenset[str]:
    """The stems of the nouns that name the deed of the verb stem `asked` ("injur": "injuri"), from WordNet's
    derivations (training/nominals.py): "No injuries were reported" denies "was anyone injured?"."""
    return _nominals().get(asked, frozenset())


def covered(asked: Iterable[str], said: Iterable[str]) -> bool:
    """Is every stem of `asked` in `said`, itself or by a paraphrase?"""
    said = set(said)
    return all(said_for(a, said) is not None for a in asked)
