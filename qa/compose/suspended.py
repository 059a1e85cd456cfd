"""A prison sentence suspended is no time in prison: "was sentenced to 16 weeks in prison, suspended for 12 months"
answers "did he actually go to jail?" No. Only where the one asked is named in the sentence (or it tells of "he" or
"she"), and no other term is served at once ("was jailed for a year and given a suspended sentence for …")."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

__all__ = ["suspended_only"]

_TO_PRISON = re.compile(r"^\W*(?:did|does|will|is|was|has|have)\s+(?P<who>.+?)\s+(?:actually\s+|really\s+|even\s+)?"
                        r"(?:(?:go|going|gone|been|be|get|got|getting)\s+(?:sent\s+)?(?:to|into)\s+(?:jail|prison)|"
                        r"(?:get|got|getting|been|be)\s+(?:jailed|imprisoned|locked\s+up|put\s+behind\s+bars)|"
                        r"(?:go|going|gone|been|be)\s+behind\s+bars|(?:been\s+)?(?:jailed|imprisoned|locked\s+up))\b", re.I)
_SUSPENDED = re.compile(r"\bsuspended\s+(?:prison|jail|custodial)\s+sentence|\b(?:in\s+prison|in\s+jail|jail|prison|"
                        r"imprisonment|custody|detention)\s*,?\s+(?:wholly\s+)?suspended\s+for\b", re.I)
_SERVED = re.compile(r"\b(?:jailed|imprisoned|locked\s+up|behind\s+bars|immediate|remanded|sent\s+(?:straight\s+)?to\s+"
                     r"(?:prison|jail)|will\s+serve|must\s+serve|served|serving|activated|breach\w*)\b", re.I)


def suspended_only(question: str, sentence: str) -> bool:
    """Does the question ask whether someone went to prison, the sentence telling that their prison sentence was
    suspended, and no term served?"""
    m = _TO_PRISON.match(question)
    if m is None or not _SUSPENDED.search(sentence) or _SERVED.search(sentence):
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    told = set(words(sentence))
    return all(w in told for w in who) if who else bool(re.match(r"\W*(?:he|she)\b", sentence, re.I))
