""""Do you have to pay for the ferry?" is No where the sentence says "The ferry is free": paying asked, and the thing
said to cost nothing, by its own word."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, stem, words

__all__ = ["free_said", "paid_for_free"]

_ASKS_PAY = re.compile(r"^\W*(?:(?:do|does|did|will|would|is|are|am)\b.*?)?(?:\b(?:have|has|need|needs|got)\s+to\s+pay\b|"
                       r"\bcost\s+(?:anything|money|extra)\b|\bis\s+there\s+(?:a|any)\s+(?:charge|fee|cost)\b|"
                       r"\b(?:be|get|being)\s+charged\b|\bcharge\s+(?:for|to)\b)", re.I)
_SAYS_FREE = re.compile(r"^\W*(?:the\s+)?(?P<thing>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:is|are|will\s+be|will\s+(?:stay|remain)|"
                        r"remains?|stays?)\s+(?:completely\s+|entirely\s+)?(?:free(?:\s+of\s+charge)?|at\s+no\s+(?:cost|charge))"
                        r"(?P<tail>\s*[.!]?\s*$|\s+and\s+(?:runs?|opens?|operates?|sails?)\b.*)", re.I)
"""The sentence's own subject said to cost nothing, now, as the whole of what is said of it ("The ferry is free and
runs …"); not "free for members", "On Sundays the ferry is free", "was free", "Parking at the ferry terminal"."""
_PAYING = frozenset(stem(w) for w in """have has need needs got pay paying paid cost costs anything money extra charge
charged charges fee fees there be get being you we i they people anyone use using""".split())
_OTHERWISE = re.compile(r"\b(?:not|never|no\s+longer|but|if|unless|until|only|except|costs?|charged?|charges|pay|pays|"
                        r"paid|fees?|argue[sd]?|claim(?:s|ed)?|said\s+to|£|\$|€)|n't", re.I)
"""A condition, a price said beside it, or only a claim: then not free to all, or not said so."""


_TAIL = re.compile(r"\b(?:but|only|until|till|when|after|before|except|unless|if|cost\w*|pay\w*|fares?|fees?|residents?|"
                   r"visitors?|members?|groups?|weekends?|weekdays|summer|winter)\b|[£$€;]", re.I)
"""What the "and runs …" after "is free" may say that makes it free only sometimes, or to some."""


def paid_for_free(question: str, sentence: str) -> bool:
    """Does the sentence say that what the question asks one must pay for costs nothing: the thing itself, every word of
    it asked, the subject the sentence opens with, "is free" all it says of it? Every other word asked must be said."""
    m = _SAYS_FREE.match(sentence)
    if not _ASKS_PAY.match(question) or m is None or _OTHERWISE.search(m.group("thing")) or _TAIL.search(m.group("tail")):
        return False  # "The ferry is free and runs on weekdays, but costs £2 at weekends"
    asked = {stem(w) for w in words(question)[1:] if w not in STOPWORDS} - _PAYING
    said = words(m.group("thing"))
    thing = {stem(w) for w in said if w not in STOPWORDS}
    return bool(asked) and bool(thing) and thing <= asked and asked <= {stem(w) for w in words(sentence)} and all(
        w not in STOPWORDS or w == "the" for w in said)  # not "that car park", "some car parks", "the other …"


_FREE_SAID = re.compile(r"\bfree\s+of\s+charge\b|\bat\s+no\s+(?:cost|charge)\b|\bno\s+(?:charge|fee)\b|\bis\s+free\b", re.I)


def free_said(question: str, sentence: str) -> bool:
    """Paying asked, where the sentence speaks of it as free at all ("free of charge during the festival"): whatever
    it says, its "charge" is no Yes to "is there a charge?"."""
    return _ASKS_PAY.match(question) is not None and _FREE_SAID.search(sentence) is not None
