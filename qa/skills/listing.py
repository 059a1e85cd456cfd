"""The lists a skill answers with: a story's people (organisations, places, names) with the roles the article
gives them, and the speakers it quotes with what each said first. One block of text per article, its rows cited."""
from __future__ import annotations

import re

from lang.list_forms import ANY, ORGANISATION, PERSON, PLACE
from lang.rules import ORGANISATION_SORTS

from .article import ArticleDoc
from .cite import Citer, clip
from .entities import Entity, entities
from .speakers import Statement, asked_terms, called, known_as, statements

MAX_LISTED = 10
"""A list shows this many rows (its count says how many in all)."""
_NOUN = {PERSON: ("person", "people"), ORGANISATION: ("organisation", "organisations"), PLACE: ("place", "places")}


def named(doc: ArticleDoc, kind: str, citer: Citer, sort: str = "") -> str:
    """The names of this kind (ANY: all), most mentioned first, each with its role, cited where introduced;
    "" when the article has none. A sort of organisation asked for ("union") keeps those whose name or role says
    they are one, whatever the tagger took them for (a hospital is often tagged a place)."""
    if sort and kind == PERSON:  # "which shop owners are quoted?": those whose role says what they are
        head = asked_terms(sort.split()[-1])  # an owner of a florist's is a shop owner too
        every = [e for e in entities(doc) if e.kind == PERSON and known_as(head, called(doc, e))]
    else:
        every = [e for e in entities(doc) if e.kind != PERSON and _is_a(sort, e)] if sort else [  # not "Club chairman X"
            e for e in entities(doc) if kind == ANY or e.kind == kind]
    if not every:
        return ""
    rows = []
    for e in every[:MAX_LISTED]:
        n = citer.cite(doc, doc.lines[e.line])
        rows.append(f"- {e.name}: {e.role} [{n}]" if e.role else f"- {e.name} [{n}]")
    noun = _NOUN.get(kind, ("name", "names"))[len(every) > 1]
    shown = f" (the first {MAX_LISTED})" if len(every) > MAX_LISTED else ""
    return f"{len(every)} {noun} in “{clip(doc.info.title)}”, most mentioned first{shown}:\n" + "\n".join(rows)


def _is_a(sort: str, e: Entity) -> bool:
    """Is it one of the sort: named so ("Harrowby General Hospital"), or its role's noun ("the union that
    represents ..."), not a role that only speaks of some ("the company that cleans both hospitals")?"""
    plural = next((p for p, one in ORGANISATION_SORTS.items() if one == sort), sort)
    noun = rf"(?:{re.escape(sort)}|{re.escape(plural)})\b"
    return re.search(rf"\b{noun}", e.name, re.I) is not None or re.match(
        rf"(?:the|an?)?\s*(?:[\w'’-]+\s+){{0,3}}?{noun}", e.role, re.I) is not None


def quoted(doc: ArticleDoc, citer: Citer) -> str:
    """Whoever the article quotes or reports, in the order they first speak, with that first statement; ""
    when it quotes no one."""
    first: dict[str, Statement] = {}
    for st in statements(doc):
        first.setdefault(st.speaker.name, st)
    if not first:
        return ""
    rows = []
    for st in list(first.values())[:MAX_LISTED]:
        who = f"{st.speaker.name} ({st.speaker.role})" if st.speaker.role else st.speaker.name
        rows.append(f"- {who}: {st.line.text.strip()} [{citer.cite(doc, st.line)}]")
    count = "1 speaker" if len(first) == 1 else f"{len(first)} speakers"
    shown = f" (the first {MAX_LISTED})" if len(first) > MAX_LISTED else ""
    return f"{count} quoted in “{clip(doc.info.title)}”, in the order they speak{shown}:\n" + "\n".join(rows)
