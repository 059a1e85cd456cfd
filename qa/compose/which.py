"""A "which" asked of a sentence that says only that there was one ("Which supermarket wanted the land?" / "… offered
a strip to a supermarket chain"): it does not say which, so it is not shown as the answer."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, is_number, names

__all__ = ["which_unnamed"]

_WHICH = re.compile(r"^\s*which\s+(?P<noun>[a-z]+)\b", re.I)
_NOT_A_KIND = frozenset("time times year years day days month months date kind sort type way one ones".split())
"""Words after "which" that ask for a time or a sort, not for which one of a kind."""


def which_unnamed(question: str, sentence: str) -> str | None:
    """The words in which the sentence speaks of the kind asked about only as one of them ("a supermarket chain",
    "an unnamed buyer"), where it names nothing the question does not; None when it names one, or when the
    question asks no "which"."""
    m = _WHICH.match(question)
    noun = m.group("noun").lower() if m else ""
    if not noun or noun in STOPWORDS or noun in _NOT_A_KIND or noun.endswith(("ed", "ing", "ly")):
        return None  # "what fixed set of factors …": a word that describes, not the kind asked about
    one = re.search(rf"\b(?:an?|one|another)\s+(?:(?:unnamed|undisclosed|unidentified|local|national|major|large|"
                    rf"small|private|foreign)\s+)?{re.escape(noun)}s?\b(?:\s+(?:chain|company|firm|group|operator))?"
                    rf"(?!\s+(?:[\w-]+\s+)?of\b)", sentence, re.I)
    asked = {w.lower() for n in names(question) for w in n.split()}
    named = [n for n in names(sentence) if not is_number(n) and not {w.lower() for w in n.split()} <= asked]
    return one.group(0) if one and not named else None
