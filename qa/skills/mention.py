"""Whether the articles mention something at all ("Is X mentioned anywhere?"): read from every sentence, not
from the one retrieval ranks first."""
from __future__ import annotations

from lang.acronyms import expansion
from lang.forms import is_acronym
from lang.rules import TITLES, name_in, text_keys
from lang.words import STOPWORDS
from qa.compose.compose import Draft
from qa.judgment.abstain import refusal
from qa.types import Level, Route, Short

from .article import ArticleDoc, Line
from .cite import Citer, SkillAnswer, clip
from .entities import Entity, entities

MAX_QUOTED = 3
"""A mention is shown by this many of the sentences that make it (the count says how many in all)."""


def mentions_of(doc: ArticleDoc, asked: str) -> list[Line]:
    """`mentioning`, a name ("Brandt") also by the article's other names for the same one ("Mayor Ilse Brandt")."""
    entity = next((e for e in entities(doc) if e.matches(asked, True)), None) \
        if any(w[:1].isupper() for w in asked.split()) else None
    return mentioning(doc, asked, entity)


def mentioning(doc: ArticleDoc, asked: str, entity: Entity | None) -> list[Line]:
    """The article's sentences that mention it: every word of it (as a stem, a country by any of its names), or
    any name the article gives the same person or body; an acronym it never writes, by its words ("the EC":
    "European Commission")."""
    found = [ln for ln in doc.lines if name_in(asked, text_keys(ln.text), every_word=True)
             or (entity is not None and any(a in ln.text for a in entity.aliases))]
    if not found and is_acronym(asked):
        spelled = expansion(asked, doc.text)
        found = mentioning(doc, spelled.text, None) if spelled else []
    if not found and asked == asked.lower() and asked.title() != asked:
        found = mentioning(doc, asked.title(), entity)  # "turkey" typed in lower case: the country by its names
    return found


def unnamed(asked: str, docs: list[ArticleDoc]) -> SkillAnswer | None:
    """"Who is john smith?" of a name none of the articles has: a refusal that says so, not that the closest
    passage does not say who it is. None when an article mentions it, or when it reads as a role ("mayor")."""
    ws = asked.split()
    if not 1 <= len(ws) <= 3 or not all(w.isalpha() and w.lower() not in STOPWORDS | TITLES for w in ws):
        return None
    if any(mentioning(d, asked, None) or mentioning(d, asked.title(), None) for d in docs):
        return None
    reason = f"they never mention “{asked}”"
    return SkillAnswer(Draft(refusal(reason, False), (), Route.ABSTAIN), level=Level.REFUSED, confidence=0.0,
                       reason=reason)


def mentioned(found: list[tuple[ArticleDoc, list[Line]]], asked: str, searched: int, limit: int,
              verdict: bool = True) -> SkillAnswer:
    """"Yes", how many sentences mention it and the first of them, cited, for up to `limit` articles; "No" when
    none of the `searched` articles does. Without `verdict` (asked what they say of it), no Yes or No."""
    if not found:
        where = "the article never mentions" if searched == 1 else f"none of the {searched} articles mentions"
        text = f"No: {where} “{asked}”." if verdict else f"{where[:1].upper()}{where[1:]} “{asked}”."
        return SkillAnswer(Draft(text, (), Route.MENTION))
    citer = Citer()
    parts = []
    for doc, lines in found[:limit]:
        shown = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in lines[:MAX_QUOTED])
        count = "1 sentence mentions" if len(lines) == 1 else f"{len(lines)} sentences mention"
        first = "" if len(lines) <= MAX_QUOTED else f" (the first {MAX_QUOTED})"
        parts.append(f"In “{clip(doc.info.title)}”, {count} “{asked}”{first}: {shown}")
    if len(found) > limit:
        parts.append(f"(and {len(found) - limit} more articles)")
    if not verdict:
        return SkillAnswer(Draft("\n\n".join(parts), tuple(citer.citations), Route.MENTION))
    c = citer.citations[0]
    short = Short(text="Yes", citation=c.index, start=c.start, end=c.end, quote=c.quote)
    return SkillAnswer(Draft("Yes. " + "\n\n".join(parts), tuple(citer.citations), Route.MENTION, short=short))
