"""Who holds a role the question names ("Who is the mayor?", "Who runs the HWA?"): the person the article gives
that role, named in bold with the sentence that gives it."""
from __future__ import annotations

import re

from lang.rules import LEADS
from qa.types import Route

from .article import ArticleDoc
from .cite import SkillAnswer, with_phrase
from .entities import PERSON, Entity, entities


def holder(docs: list[ArticleDoc], role: str) -> SkillAnswer | None:
    """The first person in these articles who holds the role, in bold, with the sentence that gives it."""
    for doc in docs:
        e = role_holder(doc, role)
        if e is not None:
            line = doc.line_at(e.role_start)
            at = doc.text.find(e.name, line.start, line.end)
            if at >= 0:
                return with_phrase(doc, line, at, at + len(e.name), Route.DEFINITION)
    return None


def role_holder(doc: ArticleDoc, role: str) -> Entity | None:
    """The article's first person whose role has every word of `role`; "head of X" (a leadership word and a
    body) is anyone whose role leads the body by any of its names ("HWA chief executive Rosa Delgado" heads the
    Harlow Water Authority)."""
    wanted = [w for w in re.findall(r"[\w-]+", role.lower()) if w not in ("the", "a", "an", "of")]
    if not wanted:
        return None
    known = entities(doc)
    body = re.sub(r"^\s*\w+\s+of\s+(?:the\s+)?", "", role) if any(w in LEADS for w in wanted) else ""
    named = next((e for e in known if e.kind != PERSON and e.matches(body, True)), None) if body else None
    for e in known:
        have = set(re.findall(r"[\w-]+", e.role.lower()))
        if e.kind != PERSON or not e.role:
            continue
        if named is not None:
            fits = bool(have & LEADS) and any(a.lower() in e.role.lower() for a in named.aliases)
        else:
            fits = all(w in have or (w in LEADS and have & LEADS) for w in wanted)
        if fits:
            return e
    return None
