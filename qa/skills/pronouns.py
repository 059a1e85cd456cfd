"""Whether the article speaks of a person as "he" or "she": for a chat's "the council woman", and for a "…," she
said." that cannot be a man's."""
from __future__ import annotations

import re

from .article import ArticleDoc
from .entities import Entity

__all__ = ["pronoun_of"]

_SAYING = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s+(?:said|says|added|told|explained|warned|insisted|admitted|claimed|argued)\b")
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")
_TITLE = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}


def pronoun_of(doc: ArticleDoc, e: Entity) -> str | None:
    """"he" or "she", as the article calls the person: by a title before their surname anywhere ("Ms Tarrant"), else
    by the "he said" or "she said" of the sentence that first names them (outside quotation marks: "“He said
    he would pay me back,” she said" is hers), else by the "He" or "She" that opens the next one; None when
    it says none of these."""
    surname = e.name.split()[-1]
    titled = re.search(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(surname)}\b", doc.text)
    if titled:
        return _TITLE[titled.group(1).lower()]
    at = doc.text.find(e.name, e.first) if e.first >= 0 else -1
    line = doc.line_at(at) if at >= 0 else None
    if line is None:
        return None
    m = _SAYING.search(_QUOTE.sub(" ", doc.text[at + len(e.name):line.end]))
    if m is None and line.number + 1 < len(doc.lines):  # "He handed it to the board on Monday."
        m = re.match(r"\s*(?P<p>He|She)\b", doc.lines[line.number + 1].text)
    return m.group("p").lower() if m else None
