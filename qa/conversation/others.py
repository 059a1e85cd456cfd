"""Whom "and her?" asks about: another person than the one the last question was about, named in the last answer
or the ones before ("which shop owners are quoted?", "what did Fallowfield say?", "and her?": the other owner)."""
from __future__ import annotations

import calendar
import re

from lang.rules import PRONOUNS
from lang.words import names, words

_CALENDAR = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name) if w)
"""Capitalised words that name no one: "Saturday morning opening hours"."""
_ROW = re.compile(r"(?:^|\s)-\s+([A-Z][^:\[\n(]{0,60}?)\s*(?::|\[|\()")
"""A row of a list answer, as the chat history holds it (its lines run together): the name before the role
("... - Priya Lendrum: who owns a florist's")."""


def another(person: str, answers: list[str]) -> list[str]:
    """The names of people other than `person` in these answers (oldest first), from the latest answer that names
    one: first those the tagger takes for people (a name in a list the user is going through), then, when none,
    any name ("his wife, Nell", which it may take for something else)."""
    said_by = set(words(person))
    listed = [[n.strip() for n in _ROW.findall(a) if not set(words(n)) & said_by] for a in reversed(answers)]
    candidates = [[n for n in names(a) if n[:1].isalpha() and not set(words(n)) & said_by
                   and words(n)[0] not in PRONOUNS and words(n)[0] not in _CALENDAR and not n.isupper()
                   and not re.search(r"[\"“]\s*" + re.escape(n), a)]  # nor a quote's first word ("Half")
                  for a in reversed(answers)]
    if not any(candidates):
        return []
    from lang.tagging import parse  # spaCy only for "and her?"

    for found, rows, a in zip(candidates, listed, reversed(answers)):
        if rows:  # a list's rows are its names ("- Priya Lendrum: who owns a florist's"), whatever the tagger says
            return rows
        people = {e.text for e in parse(a).ents if e.label_ == "PERSON"}
        tagged = [n for n in found if any(p in n or n in p for p in people)]
        if tagged:
            return tagged
    return next(found for found in candidates if found)
