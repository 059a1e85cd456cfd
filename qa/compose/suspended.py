"""A prison sentence suspended is no time in prison: "Pennock was sentenced to 16 weeks in prison, suspended for 12
months" answers "did he actually go to jail?" No. Only where the sentence opens with the one asked (by name, or "He" /
"She") and tells that very sentence given to them, and nothing else of prison: no term served as well, before or
after, no sentence only possible, asked for or ruled out, nor anyone else's."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

__all__ = ["suspended_only"]

_TO_PRISON = re.compile(r"^\W*(?:did|was|has)\s+(?P<who>.+?)\s+(?:actually\s+|really\s+|even\s+)?"
                        r"(?:(?:go|gone|get|got)\s+(?:sent\s+)?(?:to|into)\s+(?:jail|prison)|(?:get|got|been)\s+"
                        r"(?:jailed|imprisoned|locked\s+up|put\s+behind\s+bars|sent\s+to\s+(?:jail|prison))|go\s+behind\s+bars|"
                        r"jailed|imprisoned|locked\s+up|sent\s+to\s+(?:jail|prison))\s*[?.!]*\s*$", re.I)
"""Whether someone went to prison for it; not whether they will, or ever did before ("has he been to prison before?")."""
_GIVEN = re.compile(r"^\W*(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?<!['’]s)(?:,\s+(?:\d{1,3}|aged\s+\d{1,3})"
                    r"(?:,\s+of\s+[^,.;]+(?:,\s+[A-Z][\w'’-]+)*)?,)?\s+(?:was|has\s+been)\s+(?:given|handed|sentenced)\b"
                    r"[^.;]*?(?:a\s+suspended\s+(?:prison|jail|custodial)\s+sentence|(?:in\s+prison|in\s+jail|imprisonment|"
                    r"custody|detention)\s*,?\s+(?:wholly\s+)?suspended\s+for\b[^.;]*)\s*[.]?\s*$")
""""Gavin Pennock, 47, of Keeper's Cottage, Kelthorpe, was sentenced … to 16 weeks in prison, suspended for 12
months.", "He was given a suspended prison sentence.": the sentence given to the one it opens with, ending there."""
_ELSE = re.compile(r"\b(?:and|but|then|later|instead|also|after|before|remand|spent|serve[sd]?|serving|jailed|imprisoned|"
                   r"avoided|against|not|never|could|may|might|would|will|expected|asked|face[sd]?|facing|likely|"
                   r"previous(?:ly)?|earlier|again|returned|breach\w*|activated|immediate|plus|further|with|overturned|"
                   r"appeal\w*|sent|custody|detention)\b", re.I)
"""Anything else of prison or of the sentence told beside it: no verdict."""


def suspended_only(question: str, sentence: str) -> bool:
    """Does the question ask whether someone went to prison, the sentence telling only that a prison sentence given to
    them was suspended?"""
    m, given = _TO_PRISON.match(question), _GIVEN.match(sentence)
    if m is None or given is None or _ELSE.search(sentence):
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    told = [w for w in words(given.group("who"))]
    if not who:
        return told == words(m.group("who"))  # "did he …?" / "He was given …"
    return all(w in told for w in who) and told[-1] == who[-1]  # "Gavin Pennock" for "pennock"; not "Smith Jones"
