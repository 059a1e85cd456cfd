"""Whose words answer "what does X say?": the speaker the question names, by name or by what the article calls
them ("the headteacher": "Headteacher Fiona Castleden"), and a body by its own voice and by its people's ("The NAC
said …" and "…," said Fiona Gartside, the NAC's director)."""
from __future__ import annotations

from .article import ArticleDoc
from .entities import PERSON, Entity
from .speakers import Statement, asked_terms, called, known_as, speaks_for, statements

__all__ = ["said_by"]


def said_by(doc: ArticleDoc, subject: str, head: Entity | None) -> list[Statement]:
    """What the one asked about said, in article order; `head`: whoever the article says leads the body asked
    about ("the commission boss")."""
    # By name first, a first name too: "Maura" is Maura Donnelly, not the husband whose role names "his wife, Maura".
    said = [s for s in statements(doc) if s.speaker.matches(subject) or s.speaker == head
            or s.speaker.name.lower().split()[:1] == [subject.lower()]]
    if any(s.speaker.kind == PERSON for s in said):
        return said
    terms = asked_terms(subject)
    by_role = [s for s in statements(doc) if terms and (known_as(terms, called(doc, s.speaker)) or (
        s.speaker.kind == PERSON and speaks_for(doc, s, subject, terms)))]  # "Its chair, X"
    return sorted({*said, *by_role}, key=lambda s: s.line.start)
