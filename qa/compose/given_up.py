"""A deed that did not happen, told without a "not": an offer turned down ("a dealer offered him £20,000 for the
fragments, but he turned it down" answers "did he sell the rock to the dealer?" No), and a hope given up for a
reason that rules it out ("had hoped to take it to a quarry, but decided it was too dangerous to move" answers "did
they move it to a quarry?" No)."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["hope_given_up", "hope_ruled_out", "offer_turned_down"]

_ASKS_DONE = re.compile(r"^\W*(?:did|has|have|had|was|were)\b", re.I)
_OFFER = re.compile(r"\b(?:offer(?:ed|s)?|bid)\b", re.I)
_TURNED_DOWN = re.compile(r"\b(?:turned\s+(?:it|them|the\s+(?:offer|bid)|(?:it|the\s+(?:offer|bid))\s+)?down|"
                          r"rejected|declined|refused)\b(?!\s+to\b)", re.I)
_DOWN_OFFER = re.compile(r"\b(?:turned\s+down|rejected|declined|refused)\s+(?:an|the|a|their|his|her|its)\s+"
                         r"(?:[\w£$€,.-]+\s+){0,3}?(?:offer|bid)\b", re.I)
_SELLING = frozenset(base_stem(w) for w in "sell accept take agree".split())
_UNDONE = re.compile(r"\b(?:later|eventually|finally|relented|changed\s+(?:his|her|their|its)\s+mind|at\s+first|"
                     r"initially|until|unless|if|whether|would|might|may|could)\b", re.I)
"""A refusal later undone, or only foreseen or on a condition: it settles nothing."""


def offer_turned_down(question: str, sentence: str) -> bool:
    """Does the question ask whether a sale or an offer was taken ("did he sell ...", "did they accept ..."), the
    sentence telling an offer that was then turned down, and of what the question names (every other word it asks
    is in the sentence)?"""
    ws = words(question)
    if not _ASKS_DONE.match(question) or not _SELLING & {base_stem(w) for w in ws}:
        return False
    offer, down = _OFFER.search(sentence), _TURNED_DOWN.search(sentence)
    if offer is None or down is None or _UNDONE.search(sentence[min(offer.start(), down.start()):]):
        return False
    if down.start() < offer.start() and not _DOWN_OFFER.search(sentence):
        return False  # "rejected calls for a sale, and offered ...": the offer turned down comes first or is its object
    said = {base_stem(w) for w in words(sentence)}
    asked = {base_stem(w) for w in ws[1:] if w not in STOPWORDS} - _SELLING - said
    return not asked - _SOLD_THINGS


_SOLD_THINGS = frozenset(base_stem(w) for w in "it them rock find item piece stake share shares business firm company "
                         "land house home property".split())
"""What a sale is of may be named by its kind in the question and by name in the sentence (its words need not be there)."""

_HOPED = re.compile(r"\b(?:had|originally)\s+(?:hoped|planned|wanted|intended|meant|aimed)\s+to\b(?P<hope>[^,;]*?),?\s+but\b"
                    r"(?P<then>.*)$", re.I)
_RULED_OUT = re.compile(r"\btoo\s+\w+\s+to\b|\b(?:impossible|unable|could\s+not|couldn[’']t|decided\s+against|instead|"
                        r"abandoned|dropped|scrapped|called\s+off|gave\s+up|not\s+(?:possible|safe))\b", re.I)


def hope_ruled_out(sentence: str) -> str | None:
    """What the sentence says was hoped or planned and then ruled out ("had hoped to lift the bomb out and take it to a
    quarry, but decided it was too dangerous": "lift the bomb out and take it to a quarry"), None when it says none."""
    m = _HOPED.search(sentence)
    return m.group("hope") if m is not None and _RULED_OUT.search(m.group("then")) else None


def hope_given_up(question: str, sentence: str) -> bool:
    """Does the question ask whether a deed was done, the sentence telling it only as hoped or planned before
    ("had hoped to"), then set aside by what ruled it out ("but ... too dangerous to", "but could not"), every word the
    question asks being in the sentence and one in the hope itself?"""
    if not _ASKS_DONE.match(question) or (m := _HOPED.search(sentence)) is None or not _RULED_OUT.search(m.group("then")):
        return False
    asked = {base_stem(w) for w in words(question)[1:] if w not in STOPWORDS} - _ENDED_UP
    said = {base_stem(w) for w in words(sentence)}
    return bool(asked) and asked <= said and bool(asked & {base_stem(w) for w in words(m.group("hope"))})


_ENDED_UP = frozenset(base_stem(w) for w in "end ended up actually finally manage managed".split())
