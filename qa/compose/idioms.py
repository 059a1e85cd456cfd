"""A yes/no question's idiom read as the plain verb it means: "did the whale make it?" asks whether it survived, which
"the whale died" answers No. Only where the idiom closes the claim: "did she make it to the final?" asks of getting
somewhere, and "make it clear" is another phrase."""
from __future__ import annotations

import re

__all__ = ["as_plain", "left_idiom"]

_MADE_IT = re.compile(r"\b(?:make|made|makes)\s+it(?:\s+through)?(?:\s+(?:in\s+the\s+end|after\s+all|alive|or\s+not))?"
                      r"(?=\s*[?.!]*\s*$)", re.I)


def as_plain(question: str, sentence: str) -> str:
    """The question with "make it" (at its end: "did he make it?", "did the dog make it in the end?") as "survive";
    as asked where the sentence tells a survival that did not last or was of a part only ("survived the crash but
    died", "survived the night but never reached the summit": "make it" may mean either)."""
    if _SURVIVED_BUT.search(sentence):
        return question
    return _MADE_IT.sub("survive", question, count=1)


_SURVIVED_BUT = re.compile(r"\bsurviv\w*\b[^.;]*?\b(?:but|before|until|then|only\s+to)\b", re.I)


def left_idiom(question: str) -> bool:
    """Is "make it" still in the question (as_plain left it): its light verb says nothing a sentence can be checked
    against ("did the pilot make it?" is not answered Yes by "The pilot survived the crash but died")."""
    return _MADE_IT.search(question) is not None
