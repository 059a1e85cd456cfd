"""A yes/no question's idiom read as the plain verb it means: "did the whale make it?" asks whether it survived, which
"the whale died" answers No. Only where the idiom closes the claim: "did she make it to the final?" asks of getting
somewhere, and "make it clear" is another phrase."""
from __future__ import annotations

import re

__all__ = ["as_plain"]

_MADE_IT = re.compile(r"\b(?:make|made|makes)\s+it(?:\s+through)?(?:\s+(?:in\s+the\s+end|after\s+all|alive|or\s+not))?"
                      r"(?=\s*[?.!]*\s*$)", re.I)


def as_plain(question: str) -> str:
    """The question with "make it" (at its end: "did he make it?", "did the dog make it in the end?") as "survive"."""
    return _MADE_IT.sub("survive", question, count=1)
