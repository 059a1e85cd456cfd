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
_TURNED_DOWN = re.compile(r"\b(?:(?P<who>he|she|they|it|we|i)\s+)?(?:turned\s+(?:it|them|the\s+(?:offer|bid))\s+down|"
                          r"(?:turned\s+down|rejected|declined|refused)(?=\s+(?:it|them|the\s+offer|the\s+bid|that\s+offer|an?\s+"
                          r"(?:[\w£$€,.-]+\s+){0,3}?(?:offer|bid))\b|\s*[.,;]|\s*$))", re.I)
"""A refusal of the offer itself ("turned it down", "rejected the offer", "refused."), not of something else ("rejected
the plans"), with its doer when a pronoun says it."""
_SELLING = frozenset(base_stem(w) for w in "sell accept take agree".split())
_DONE_AFTER = frozenset(base_stem(w) for w in "sell sold accept accepted agree agreed take took taken buy bought auction "
                         "fetch fetched".split())
_UNDONE = re.compile(r"\b(?:later|eventually|finally|then|instead|relented|changed\s+(?:his|her|their|its)\s+mind|"
                     r"at\s+first|initially|until|unless|if|whether|would|might|may|could|not|never|denied|denies|"
                     r"untrue|claims?|claimed|reports?|reportedly|according|allegedly|changed\s+hands)\b", re.I)
"""A refusal later undone, denied, or only foreseen or on a condition: it settles nothing."""


def offer_turned_down(question: str, sentence: str) -> bool:
    """Does the question ask whether a sale or an offer was taken ("did he sell ...", "did they accept ..."), the
    sentence telling an offer that its doer ("he", or the one the question names) then turned down, no sale or
    acceptance told anywhere in it, and of what the question names (every other word it asks is in the sentence)?"""
    ws = words(question)
    if not _ASKS_DONE.match(question) or not _SELLING & {base_stem(w) for w in ws}:
        return False
    offer, down = _OFFER.search(sentence), _TURNED_DOWN.search(sentence)
    if offer is None or down is None or _UNDONE.search(sentence) or _DONE_AFTER & {base_stem(w) for w in words(
            sentence)}:
        return False  # "rejected an offer … and sold the house to his neighbour": sold all the same
    # The one who turned it down: a pronoun for the one asked about, or the words just before the refusal asked.
    subject = ws[1:2] if ws[1:2] and ws[1] in ("he", "she", "they", "it", "we", "i") else []
    just_before = {base_stem(w) for w in words(sentence[max(0, down.start() - 40):down.start()])}
    asked_who = {base_stem(w) for w in ws[1:3] if w not in STOPWORDS}
    if not (down.group("who") and (subject or not asked_who - {base_stem(w) for w in words(sentence[:down.start()])})
            or asked_who & just_before):
        return False  # "Shareholders rejected the offer": another's refusal
    said = {base_stem(w) for w in words(sentence)}
    asked = {base_stem(w) for w in ws[1:] if w not in STOPWORDS} - _SELLING - said
    return not asked - _SOLD_THINGS


_SOLD_THINGS = frozenset(base_stem(w) for w in "it them rock find item piece stake share shares business firm company "
                         "land house home property".split())
"""What a sale is of may be named by its kind in the question and by name in the sentence (its words need not be there)."""

_HOPED = re.compile(r"\b(?:had|originally)\s+(?:hoped|planned|wanted|intended|meant|aimed)\s+to\b(?P<hope>[^,;]*?),?\s+but\b"
                    r"(?P<then>.*)$", re.I)
_RULED_OUT = re.compile(r"\btoo\s+(?!early\b|soon\b)\w+(?:\s+to\b|\s*[.,;]|\s*$)|\b(?:impossible|unable|could\s+not|"
                        r"couldn[’']t|decided\s+against|abandoned|dropped|scrapped|called\s+off|gave\s+up|not\s+(?:possible|"
                        r"safe))\b", re.I)
_DELAYED = re.compile(r"\b(?:until|later|delay\w*|postpon\w*|instead|moved|eventually|finally|so\s+(?:she|he|they|it))\b",
                      re.I)
_ANOTHER_DAY = re.compile(r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the\s+(?:next|following)\s+"
                          r"\w+)\b", re.I)
"""A day told after what ruled the hope out ("…, and it went in the water on Monday"): done after all, another day."""
_ONLY_HOW = re.compile(r"\b(?:avoid\w*|in\s+under|in\s+full|in\s+one\s+go|in\s+a\s+day|within|extra|more|faster|quicker|"
                       r"by\s+\w+|before|at\s+least|on\s+time|in\s+time)\b", re.I)
"""A hope of a manner, a target or an avoidance ("to finish in under four hours", "to avoid closing the road"): its
ruling out says nothing of the deed itself."""
"""A hope only put off, moved or done another way ("could not open until July", "so she swam it in two stages")."""


def hope_ruled_out(sentence: str) -> str | None:
    """What the sentence says was hoped or planned and then ruled out ("had hoped to lift the bomb out and take it to a
    quarry, but decided it was too dangerous": "lift the bomb out and take it to a quarry"), None when it says none."""
    m = _HOPED.search(sentence)
    ruled = _RULED_OUT.search(m.group("then")) if m is not None else None
    if ruled is None or _DELAYED.search(m.group("then")) or _ANOTHER_DAY.search(m.group("then")[ruled.end():]) or \
            _ONLY_HOW.search(m.group("hope")):
        return None
    # The deed told again after the "but", outside what bars it ("… and retired in 2023"): done after all.
    hoped = {base_stem(w) for w in words(m.group("hope")) if w not in STOPWORDS}
    barred = _RULED_OUT.sub(" ", re.sub(r"\btoo\s+\w+\s+to\s+\w+", " ", m.group("then")))
    return None if hoped & {base_stem(w) for w in words(barred)} - _LIGHT else m.group("hope")


def hope_given_up(question: str, sentence: str) -> bool:
    """Does the question ask whether a deed was done, the sentence telling it only as hoped or planned before
    ("had hoped to"), then set aside by what ruled it out ("but ... too dangerous to", "but could not"), every word the
    question asks being in the sentence and one in the hope itself?"""
    if not _ASKS_DONE.match(question) or (hope := hope_ruled_out(sentence)) is None:
        return False
    asked = {base_stem(w) for w in words(question)[1:] if w not in STOPWORDS} - _ENDED_UP
    said = {base_stem(w) for w in words(sentence)}
    return bool(asked) and asked <= said and bool(asked & {base_stem(w) for w in words(hope)})


_ENDED_UP = frozenset(base_stem(w) for w in "end ended up actually finally manage managed".split())
_LIGHT = frozenset(base_stem(w) for w in "get go make do have be take put".split())
