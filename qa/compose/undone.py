"""A yes/no question whether a thing was done to ("was the inspection announced in advance?") answered No by a
sentence that calls that very thing by the verb's "un-" adjective ("an unannounced inspection", "the unauthorised
strike", "an unplanned stop")."""
from __future__ import annotations

import re

from lang.words import stem, words

__all__ = ["undone_as_adjective"]

_ASKED = re.compile(r"^\s*(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:the|a|an|this|that|their|its)\s+"
                    r"(?P<what>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?P<verb>[a-z]{3,}(?:ed|en))\b(?P<rest>[^?]*)", re.I)
"""A thing, then the verb done to it ("was the inspection announced in advance?")."""


def undone_as_adjective(question: str, sentence: str) -> bool:
    """Does the sentence call the thing asked about, by its head noun, "un" + the verb asked ("an unannounced
    inspection", two words between at most; "the building was uninsured"), the verb nowhere else in it?"""
    m = _ASKED.match(question)
    if m is None:
        return False
    verb, noun = m.group("verb").lower(), words(m.group("what"))[-1]
    said = re.search(r"\bun" + re.escape(verb) + r"\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w'’-]+)\b", sentence, re.I)
    if said is None or stem(said.group("noun").lower()) != stem(noun):
        # Or said of it: "The building was uninsured", "the work remains unfinished".
        said = re.search(r"\b(?P<noun>[\w'’-]+)\s+(?:was|were|is|are|remains?|remained|had\s+been|has\s+been)\s+"
                         r"(?:still\s+|completely\s+|entirely\s+)?un" + re.escape(verb) + r"\b", sentence, re.I)
        if said is None or stem(said.group("noun").lower()) != stem(noun):
            return False
    rest = sentence[:said.start()] + sentence[said.end():]
    return re.search(r"(?<![\w-])" + re.escape(verb) + r"\b", rest, re.I) is None
