"""Words that look like they point back at the conversation but point at nothing earlier: an existential "there"
("is there a port?"), the "it" of "is it true that …", and a possessive bound to the question's own subject ("has
the ombudsman published *its* findings?" is the ombudsman's, whatever the last turn was about)."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS, LEADS, TITLES
from lang.words import words

__all__ = ["unbound"]

_NOT_ANAPHORA = re.compile(r"\b(?:(?:is|are|was|were|will|would|could|has|have|had)\s+there|there\s+(?:is|are|was|"
                           r"were|will|would|has|have|had|be|been))\b|\b(?:is|was)\s+it\s+(?:true|false|possible|"
                           r"likely|known|clear)\b|\bit\s+(?:is|was)\s+(?:said|reported|known|claimed)\b", re.I)
_OPENING = (r"^\s*(?:and\s+|so\s+)?(?:(?:what|when|why|how|where|who)\s+)?(?:has|have|had|did|does|do|is|are|was|were|"
            r"will|would|can|could|should)\s+(?P<lead>the)\s+")
_ITS = re.compile(_OPENING + r"(?:[\w'’-]+\s+){0,2}?[\w'’-]*[^\Ws'’]\s+(?:[\w'’-]+\s+){1,3}?(?P<own>its)\b", re.I)
_THEIR = re.compile(_OPENING + r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+s\s+(?:[\w'’-]+\s+){1,3}?(?P<own>their)\b", re.I)
_PEOPLE = KIND_NOUNS["person"] | TITLES | LEADS | frozenset("man woman boy girl person".split())
"""The subject a yes/no or question-word question opens with ("the ombudsman", "the tenants"), then its verb and
the possessive of one like it in number: "its" after a singular noun, "their" after a plural one."""


_BETWEEN = frozenset("about against on for to with from over in at of by into after before than".split())
"""A word between the subject and the possessive that makes it another's ("has the club appealed against its
decision": the decision is the council's)."""


_ANSWERING = frozenset("""accept accepted accepts reject rejected rejects welcome welcomed welcomes oppose opposed opposes
back backed backs support supported supports criticise criticised criticises criticize criticized challenge challenged
dispute disputed consider considered considering approve approved review reviewed match matched beat improve
improved""".split())
"""Verbs whose object is most often another's ("did the union accept its offer?": the firm's offer)."""


def unbound(question: str) -> str:
    """The question without the words that point at nothing earlier."""
    question = _NOT_ANAPHORA.sub(" ", question)
    for bound in (_ITS, _THEIR):
        m = bound.match(question)
        said = words(question[m.end("lead"):m.start("own")]) if m is not None else []
        # Straight after its verb, of a body ("has the ombudsman published its findings"); not a person's, whose
        # "its" is some body's ("did the minister criticise its decision").
        if m is not None and not set(said) & (_BETWEEN | _PEOPLE | _ANSWERING):
            question = question[:m.start("own")] + "the" + question[m.end("own"):]
    return question
