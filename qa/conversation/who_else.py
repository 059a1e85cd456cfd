""""Who else is involved?" after a list of the story's people (or of its organisations): the other sort of names
in the same story, as "and the organisations?" asks it."""
from __future__ import annotations

import re

from lang.forms import Kind, form

_WHO_ELSE = re.compile(r"^\s*(?:and\s+)?(?:who|what|which\s+\w+)\s+else\s+(?:is|are|was|were|'s|’s|gets?|got)?\s*"
                       r"(?:involved|in\s+(?:it|this|that|the\s+story)|mentioned|named|there|part\s+of\s+(?:it|this))\b"
                       r"|^\s*(?:and\s+)?(?:any(?:one|body)?\s+)?else\s+involved\b", re.I)
_BODIES_ASKED = re.compile(r"\b(?:compan(?:y|ies)|groups?|organi[sz]ations?|bodies|firms?|charit(?:y|ies)|councils?)\b",
                           re.I)
_PEOPLE_ASKED = re.compile(r"\b(?:people|persons?|individuals?)\b", re.I)


def who_else(question: str, previous: str) -> str | None:
    """The question "who else is involved?" asks after `previous`, a question for a list of one sort of names; None
    for any other question, or when `previous` asked for no such list."""
    m = _WHO_ELSE.match(question)
    if m is None or not re.match(r"\s*(?:[,;:–—-]|like\b|such\s+as\b|[?.!]*\s*$)", question[m.end():], re.I):
        return None  # "who else is involved in the campaign?" asks more than the list
    before = form(previous)
    if before is None or before.kind is not Kind.ENTITIES:
        return None
    people = before.entity == "person" or bool(_BODIES_ASKED.search(question))
    if _PEOPLE_ASKED.search(question) and not _BODIES_ASKED.search(question):
        people = False
    sorts = "organisations" if people else "people"
    return f"Which {sorts} are in the {before.subject} story?" if before.subject else f"Which {sorts} are there?"
