"""How someone gets somewhere: "how are the children getting to school?" is answered by a sentence that says they
are "taken by the boat", "go by bus" or walk, about them (the judge, fitted on questions that ask for a phrase,
refuses such sentences as if they had to hold a name or a number)."""
from __future__ import annotations

import re

from lang.paraphrase import said_for
from lang.words import STOPWORDS, stem, terms, words

__all__ = ["travels_by"]

_ASKS_MEANS = re.compile(r"^\s*how\s+(?:are|is|do|does|will|were|was|did|can|could)\s+(?P<who>.+?)\s+(?:getting|get|going|"
                         r"go|travell?ing|travel|commuting|commute|reaching|reach|moving|move)\b", re.I)
_BY = re.compile(r"\b(?:taken|carried|driven|ferried|flown|bus(?:s)?ed|brought|taking|going|go|goes|went|travel(?:l)?ing|"
                 r"travel(?:s|led)?|getting|get|gets|moved|moving|reach(?:ing)?)\b[^.;]{0,40}?\bby\s+(?:the\s+|a\s+|an\s+)?"
                 r"[a-z]+|\bon\s+foot\b|\bwalk(?:s|ing|ed)?\b", re.I)


def travels_by(question: str, sentence: str) -> bool:
    """Does the sentence say how those the question asks about get somewhere ("how are the kids getting to
    school?" / "The 41 children ... are being taken by the boat")? Its head word must be there, or one of like
    meaning ("kids" / "children")."""
    m = _ASKS_MEANS.match(question)
    if m is None or _BY.search(sentence) is None:
        return False
    head = next((w for w in reversed(words(m.group("who"))) if w not in STOPWORDS), None)
    return head is not None and said_for(stem(head), set(terms(sentence))) is not None
