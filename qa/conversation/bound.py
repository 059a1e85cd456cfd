"""Words that look like they point back at the conversation but point at nothing earlier: an existential "there"
("is there a port?"), the "it" of "is it true that …", and a possessive bound to the question's own subject ("has
the ombudsman published *its* findings?" is the ombudsman's, whatever the last turn was about)."""
from __future__ import annotations

import re

__all__ = ["unbound"]

_NOT_ANAPHORA = re.compile(r"\b(?:(?:is|are|was|were|will|would|could|has|have|had)\s+there|there\s+(?:is|are|was|"
                           r"were|will|would|has|have|had|be|been))\b|\b(?:is|was)\s+it\s+(?:true|false|possible|"
                           r"likely|known|clear)\b|\bit\s+(?:is|was)\s+(?:said|reported|known|claimed)\b", re.I)
_OPENING = (r"^\s*(?:and\s+|so\s+)?(?:(?:what|when|why|how|where|who)\s+)?(?:has|have|had|did|does|do|is|are|was|were|"
            r"will|would|can|could|should)\s+the\s+")
_ITS = re.compile(_OPENING + r"(?:[\w'’-]+\s+){0,2}?[\w'’-]*[^\Ws'’]\s+(?:[\w'’-]+\s+){1,3}?(?P<own>its)\b", re.I)
_THEIR = re.compile(_OPENING + r"(?:[\w'’-]+\s+){0,2}?[\w'’-]+s\s+(?:[\w'’-]+\s+){1,3}?(?P<own>their)\b", re.I)
"""The subject a yes/no or question-word question opens with ("the ombudsman", "the tenants"), then its verb and
the possessive of one like it in number: "its" after a singular noun, "their" after a plural one."""


def unbound(question: str) -> str:
    """The question without the words that point at nothing earlier."""
    question = _NOT_ANAPHORA.sub(" ", question)
    for bound in (_ITS, _THEIR):
        m = bound.match(question)
        if m is not None:
            question = question[:m.start("own")] + "the" + question[m.end("own"):]
    return question
