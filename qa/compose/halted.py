"""A thing stopped for now: "Skylark Balloon Flights has stopped all its flights until at least Monday, 1 September"
answers "is skylark still doing flights this week?" No. Only where the one asked about (or "it"/"they") stopped the
very thing asked, told as done ("has suspended", "halted"), not as wanted or to come ("will stop", "may halt")."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["halted", "halted_in_part"]

_ASKS_GOING_ON = re.compile(r"^\W*(?:is|are|does|do)\s+(?P<who>.+?)\s+(?:still\s+)?(?P<verb>[a-z]+ing|run|runs|do|does|offer|"
                            r"offers|operate|operates|hold|holds|fly|flies)\s+(?P<what>[^?]+?)\s*[?.!]*$", re.I)
_HALTED = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?(?:stopped|suspended|halted|paused|cancelled|canceled|grounded|"
                     r"axed|scrapped|called\s+off|put\s+on\s+hold)\s+(?:all\s+|every\s+|any\s+)?(?:of\s+)?(?:its\s+|their\s+|"
                     r"the\s+|his\s+|her\s+)?(?P<what>[\w-]+(?:\s+(?!until\b|while\b|for\b|from\b|on\b|in\b|at\b|after\b|"
                     r"because\b|and\b|but\b)[\w-]+){0,2})", re.I)
_UNDONE = re.compile(r"\b(?:resumed|restarted|reopened|again|since|but\s+(?:has|have|will)|until\s+(?:last|yesterday|"
                     r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?![^.]*\b(?:next|at\s+least)\b))", re.I)
"""A halt since lifted ("had suspended flights but resumed them on Friday"), or over already."""
_NOW = frozenset({"now", "still", "today", "week", "weekend", "month", "currently", "anymore", "right"})


def halted(question: str, sentence: str) -> bool:
    """Does the question ask whether someone is (still) doing a thing, the sentence telling that they have stopped,
    suspended or cancelled that very thing, all of it ("has stopped all its flights"), and not that it has started
    again?"""
    return _halt(question, sentence) == "all"


def halted_in_part(question: str, sentence: str) -> bool:
    """Only a kind of the thing asked is stopped ("is the bakery doing deliveries?" / "has stopped Sunday deliveries"):
    neither a Yes nor a No."""
    return _halt(question, sentence) == "part"


def _halt(question: str, sentence: str) -> str:
    m = _ASKS_GOING_ON.match(question)
    if m is None or _UNDONE.search(sentence):
        return ""
    asked = [base_stem(w) for w in words(m.group("what")) if w not in STOPWORDS and w not in _NOW]
    who = {base_stem(w) for w in words(m.group("who")) if w not in STOPWORDS}
    for h in _HALTED.finditer(sentence):
        stopped = [base_stem(w) for w in words(h.group("what"))]
        doer = {base_stem(w) for w in words(sentence[:h.start()])}
        by_them = not who or who & doer or re.match(r"\W*(?:it|they)\s*$", sentence[:h.start()],
                                                      re.I) is not None
        if asked and asked[0] in stopped and by_them:
            kinds = set(stopped[:stopped.index(asked[0])]) - set(asked)  # "Sunday deliveries": a kind of them
            return "part" if kinds else "all"
    return ""
