"""Whom the article has say what an answer cited ("According to who?", "Who said that?"): the speaker of the
cited sentence ("..., the agency said", "according to police", a quotation that goes on), else the person or
organisation that is its subject ("The land registry has valued the estate at ..."), else the plain fact that
the article says it in its own voice."""
from __future__ import annotations

import re

from qa.compose.compose import Draft
from qa.retrieval.corpus import Snapshot
from qa.types import Citation, Level, Route, Short

from .article import ArticleDoc, Library, Line
from .cite import Citer, SkillAnswer
from .entities import PLACE, Entity, entities
from .speakers import resolve, statements

_CLAUSE = re.compile(r"\s*(?:which|who|whose|that)\b", re.I)
"""A role told in a relative clause ("which covers half the budget") does not read as a title in brackets."""
_FINDS = frozenset("""value report find record count confirm calculate assess measure rate rank publish release
show list identify register estimate put survey""".split())
"""Verbs by which a subject vouches for a fact it did not say ("The agency has valued the items at ...",
"Police found the car"): its subject is the fact's likely source."""
_THE = re.compile(r"\bthe\s+$", re.I)


def attributed(library: Library, snap: Snapshot, cited: Citation) -> SkillAnswer | None:
    """The source of the sentence that `cited` quotes, cited; None when its article is no longer loaded."""
    found = library.cited(snap.articles.get(cited.source), cited.start)
    if found is None:
        return None
    doc, line = found
    citer = Citer()
    n = citer.cite(doc, line)
    said = next((s.speaker for s in statements(doc) if s.line.number == line.number), None)
    who = said or subject_of(doc, line)
    if who is None:
        text = f"The article names no source for this; it says it in its own words: {line.text.strip()} [{n}]"
        return SkillAnswer(Draft(text, tuple(citer.citations), Route.OPINION), level=Level.LIKELY, confidence=0.5)
    role = f" ({who.role.strip()})" if who.role and len(who.role) <= 80 and not _CLAUSE.match(who.role) else ""
    named, short = who.name, None
    alias = next((a for a in sorted(who.aliases, key=len, reverse=True) if a in line.text), None)
    if alias is not None:  # the name in bold where the cited sentence itself names it, "the" and all
        s = line.start + line.text.find(alias)
        short = Short(text=alias, citation=n, start=s, end=s + len(alias), quote=alias)
        the = _THE.search(line.text[:s - line.start])
        named = (the.group(0).lower() if the else "") + alias
    text = f"According to {named}{role}: {line.text.strip()} [{n}]"
    # A speaker named by a verb of saying is read off the sentence; a subject is the likely source, not a sure one.
    level, confidence = (Level.SURE, 1.0) if said is not None else (Level.LIKELY, 0.6)
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.OPINION, short=short), level=level,
                       confidence=confidence)


def subject_of(doc: ArticleDoc, line: Line) -> Entity | None:
    """The person or organisation that vouches for the sentence as the subject of its main verb, when that verb
    finds, counts or values something (_FINDS) and the article names the subject."""
    span = doc.doc.char_span(line.start, line.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.lemma_.lower() not in _FINDS:
        return None  # "The agency must still approve the design": its subject does not vouch for the fact
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    found = resolve(subject, entities(doc), None)
    # The subject itself must be the name: "900 workers at Brenner Steel" are not the company.
    if found is None or found.kind == PLACE or not any(subject.text in a.split() for a in found.aliases):
        return None
    return found

