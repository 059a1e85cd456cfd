"""Whether the article speaks of a person as "he" or "she": for a chat's "the council woman", and for a "…," she
said." that cannot be a man's."""
from __future__ import annotations

import re

from .article import ArticleDoc
from .entities import Entity

__all__ = ["pronoun_of"]

_SUBJECT = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s+(?:said|says|added|told|explained|warned|insisted|admitted|claimed|argued|"
                      r"believes|thinks|is|was|has|had|will|would|wants|wanted|hopes|hoped)\b")
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")


def pronoun_of(doc: ArticleDoc, e: Entity) -> str | None:
    """"he" or "she", as the article speaks of the person after first naming them (the rest of that sentence, then
    the next), as the subject of a saying, a state or the next sentence and outside quotation marks ("“He said he would pay me
    back,” she said" is hers); None when it says neither."""
    at = doc.text.find(e.name, e.first) if e.first >= 0 else -1
    line = doc.line_at(at) if at >= 0 else None
    if line is None:
        return None
    after = doc.text[at + len(e.name):line.end]
    if line.number + 1 < len(doc.lines):
        after += " " + doc.lines[line.number + 1].text
    m = _SUBJECT.search(_QUOTE.sub(" ", after))
    if m is None and line.number + 1 < len(doc.lines):  # "He handed it to the board on Monday."
        m = re.match(r"\s*(?P<p>He|She)\b", doc.lines[line.number + 1].text)
    return m.group("p").lower() if m else None
