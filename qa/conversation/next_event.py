""""What happened after that?" asks what came after the event the last answer told: the question is put with
that sentence ("what happened after the group put forward an amendment ...?"), which the answer skills find in the
article and read on from."""
from __future__ import annotations

import re

from lang.words import STOPWORDS

__all__ = ["after_the_answer"]

_NEXT = re.compile(r"^\s*(?:(?:and|so|ok|okay)\s+)?(?:(?:what|wat)\s+(?:happened|came|followed)\s+(?:after\s+"
                   r"(?:that|this|it)|next|then|afterwards)|then\s+what)\s*[?.!]*\s*$", re.I)
"""Of what came after, in the past: "what happens next?" asks what is still to come (lang/next_steps.py)."""
_CITED = re.compile(r"^(?P<said>.+?[.!?][\"”’]?)(?:\s*\[\d+\])?(?=\s+[A-Z\"“‘]|\s*$)", re.S)
"""The answer's first sentence (its citation markers may have been taken out of the chat's history)."""
_LABEL = re.compile(r"^\s*(?:(?:Yes|No)\.\s+|Next, the article says:\s+|[^:\"“]{2,80}\):\s+)")
"""What an answer puts before the sentence it cites: a verdict, "Next, …", or whose words they are."""
_UNANSWERED = re.compile(r"^\s*The articles? (?:may not|doesn't|don't|does not|do not|never)\b")
"""An answer that gave no event: the closest sentence shown is no "that" to go on from."""


def after_the_answer(question: str, answer: str) -> str | None:
    """"What happened after <the sentence the last answer cited first>?", or None when the question does not ask
    what came next or the answer cited nothing."""
    if not _NEXT.match(question) or _UNANSWERED.match(answer):
        return None
    m = _CITED.match(_LABEL.sub("", answer.strip(), count=1))
    if m is None:
        return None
    said = m.group("said").strip().rstrip(".")
    if said.split(" ", 1)[0].lower() in STOPWORDS:  # "the council approved it", but "Hollinbrook's MP said"
        said = said[:1].lower() + said[1:]
    return f"What happened after {said}?" if said else None
