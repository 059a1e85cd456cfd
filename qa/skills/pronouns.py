"""Whether the article speaks of a person as "he" or "she": for a chat's "the council woman", and for a "…," she
said." that cannot be a man's."""
from __future__ import annotations

import re

from .article import ArticleDoc
from .entities import PERSON, Entity, entities

__all__ = ["pronoun_of"]

_SAYING = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s+(?:said|says|added|told|explained|warned|insisted|admitted|claimed|argued)\b")
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")
_TITLE = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she"}
_KIN = re.compile(r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|widow|partner)\b", re.I)
_OWN_KIN = re.compile(r"\s*(?:his|her|their|the|a)\s+(?:\w+\s+)?(husband|wife|son|daughter|father|mother|brother|sister|"
                      r"grandson|granddaughter|grandfather|grandmother|uncle|aunt|nephew|niece|widow|widower)\b", re.I)
"""A role that is the person's own kinship ("her husband"), which says their sex; not "who was there with her husband"."""
_MEN = frozenset("husband son father brother grandson grandfather uncle nephew widower".split())
_PEOPLE = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:\w+\s+)?(?:patient|woman|man|"
                     r"resident|mother|father|customer|pupil|child|girl|boy|friend|neighbour|victim|driver)s?\b")
"""Another person in the sentence that first names someone: the next sentence's "He" or "She" may be theirs."""


def pronoun_of(doc: ArticleDoc, e: Entity) -> str | None:
    """"he" or "she", as the article calls the person: by a title before their surname anywhere ("Ms Tarrant"), else
    by the "he said" or "she said" of the sentence that first names them (outside quotation marks: "“He said
    he would pay me back,” she said" is hers), else by the "He" or "She" that opens the next one where the first
    names no one else; None when it says none of these."""
    kin = _OWN_KIN.match(e.role) if e.role else None  # "her husband": a man
    kin = kin or re.search(_OWN_KIN.pattern.replace("(?:his|her|their|the|a)", "(?:his|her|their|whose)") + r"\s*,?\s+"
                           + re.escape(e.name) + r"\b", doc.text, re.I)  # "Joan Webb, whose husband Neil …"
    if kin is not None:
        return "he" if kin.group(1).lower() in _MEN else "she"
    surname = e.name.split()[-1]
    titled = {t.group(1).lower() for t in re.finditer(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(surname)}\b", doc.text)}
    if len(titled) == 1 and not _KIN.search(doc.text):  # "Ms Tarrant"; not where a wife or son may share the name
        return _TITLE[titled.pop()]
    at = doc.text.find(e.name, e.first) if e.first >= 0 else -1
    line = doc.line_at(at) if at >= 0 else None
    if line is None:
        return None
    rest = _QUOTE.sub(" ", line.text.replace(e.role, "") if e.role else line.text)
    if _PEOPLE.search(rest) or any(o.kind == PERSON and o != e and o.name.split()[-1] in rest for o in entities(doc)):
        return None  # another person in that sentence: its "he" or "she", or the next one's, may be theirs
    m = _SAYING.search(_QUOTE.sub(" ", doc.text[at + len(e.name):line.end]))
    if m is None and line.number + 1 < len(doc.lines):
        m = re.match(r"\s*(?P<p>He|She)\b", doc.lines[line.number + 1].text)  # "He handed it to the board."
    return m.group("p").lower() if m else None
