"""A person's later words: "when is Varro's report due?" is answered by "She said an interim report was expected
within eight weeks.", which comes after the sentence that names her and calls her only "she". The ranker and the
reader see the name missing from it and put the sentence that names her first, though that one says nothing
else asked; this puts the later one first when it says more of the rest of the question."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from lang.rules import speaks_as_pronoun
from lang.words import MONTHS, WEEKDAYS, is_number, names, terms, words
from qa.question import Question, without_note

if TYPE_CHECKING:  # evidence calls this module
    from .evidence import Scored

SPOKEN_LOOKS = 4
"""How far down the evidence a person's later sentence is looked for."""


def spoken_on_first(q: Question, evidence: tuple[Scored, ...]) -> tuple[Scored, ...]:
    """The evidence with a sentence that continues the asked person's words ("He added ...", "She said ...")
    first, when the best sentence names the person but shares less of the rest of the question than it does. It
    takes the best one's confidence: both are that person's account, and which of them says what was asked is
    read from the question's other words."""
    # Its names as typed, a follow-up's too ("when is her report due?" searched as "... Ines Varro's report ...").
    asked = tuple(re.sub(r"['’]s?$", "", n) for n in names(without_note(q.text)) if not is_number(n))
    if not asked or len(evidence) < 2:
        return evidence
    best = evidence[0]
    named = {t for n in asked for t in terms(n)}
    typed = set(terms(without_note(q.text)))  # not the names of earlier turns that a note adds
    rest = {t: w for t, w in q.weights.items() if t in typed and t not in named}
    if not rest or not named <= set(terms(best.text)):
        return evidence
    said = sum(w for t, w in rest.items() if t in set(terms(best.text)))
    for k, e in enumerate(evidence[1:SPOKEN_LOOKS], start=1):
        if not speaks_as_pronoun(e.text) or e.source != best.source or not _last_named(e, asked):
            continue
        if sum(w for t, w in rest.items() if t in set(terms(e.text))) > said:
            moved = replace(e, confidence=best.confidence)
            return (moved, *evidence[:k], *evidence[k + 1:])
    return evidence


def _last_named(e: Scored, asked: tuple[str, ...]) -> bool:
    """Is the last name before the sentence in its passage one of the asked names (by its last word: "Varro"
    for "Ines Varro")? Then its "he" or "she" is that person."""
    before = [n for n in names(e.candidate.passage_text[:max(0, e.start - e.candidate.passage_start)])
              if not all(w in MONTHS or w in WEEKDAYS or is_number(w) for w in words(n))]  # not "on Monday"
    if not before:
        return False
    last = before[-1].split()[-1].lower()
    return any(last == n.split()[-1].lower() for n in asked)
