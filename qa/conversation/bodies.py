"""A follow-up's "they" for the body the last turn was about: "what is the MAS?" + "when will they decide?" asks
"when will the MAS decide?". Left as a note, the pronoun reaches the reader unresolved, and the sentence that names
the body only by its acronym ("The MAS will meet next month to decide ...") loses to the one that spells it out."""
from __future__ import annotations

import re

from lang.forms import is_acronym
from lang.rules import KIND_NOUNS

_THEY = re.compile(r"\b(they|them|their)\b", re.I)
_SOMEONE = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.I)


def names_a_body(name: str) -> bool:
    """"MAS", "the Marrowby Agricultural Society", "Tarn Valley Trust": an acronym, or a capitalised name whose
    last word says it is a body."""
    ws = name.split()
    if len(ws) == 1:
        return is_acronym(ws[0])
    return ws[-1].lower() in KIND_NOUNS["organisation"] and all(w[:1].isupper() for w in ws if w.lower() != "the"
                                                                and w.lower() != "of")


def they_as_body(question: str, body: str) -> str | None:
    """The question with its one "they" ("them", "their") put as the body, or None: when the body is no body,
    when "they" comes twice, or when the question also points at a person ("what did she tell them?")."""
    found = list(_THEY.finditer(question))
    if len(found) != 1 or _SOMEONE.search(question) or not names_a_body(body):
        return None
    named = body if body.lower().startswith("the ") else f"the {body}"
    m = found[0]
    put = f"{named}'s" if m.group(1).lower() == "their" else named
    return question[:m.start()] + put + question[m.end():]
