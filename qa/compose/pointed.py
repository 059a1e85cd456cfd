"""A sentence that opens with "He" or "She" right after the one that names the person asked about ("Did Daniel
Orrin apologise?" / "Daniel Orrin, the company's director, said … . He did not apologise."): read with the name in
the pronoun's place. Only where the sentence before names one person and no other, so "he" has no one else to be."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS, TITLES
from lang.words import names, words

__all__ = ["he_named"]

_OPENS = re.compile(r"^(\W*)(?:he|she)\b", re.I)
_LAST = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“]?[A-Z])")
_NAME = r"([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)"
_POST_IN = re.compile(_NAME + r"['’]s\s+[a-z]|\b(?:of|at|for)\s+(?:the\s+)?" + _NAME)
"""The body a post is in: "Kestrel Vale Water's director", "director of wastewater at Kestrel Vale Water"."""


def he_named(question: str, sentence: str, before: str) -> str | None:
    """The sentence with its opening "he"/"she" put as the one person the sentence before names, when the question
    names them ("daniel orrin", "orrin") or the body that sentence gives them a post in ("Kestrel Vale Water's
    director, Daniel Orrin"), that body's name then; else None."""
    opening = _OPENS.match(sentence)
    if opening is None or not before.strip():
        return None
    last = _LAST.split(before.strip())[-1]
    bodies = [m.group(1) or m.group(2) for m in _POST_IN.finditer(last)]
    people = [n for n in names(last) if _person(n) and n not in bodies]
    if len({n.split()[-1] for n in people}) != 1 or _other_sex(opening.group(0).strip(" \"“").lower(), people[0], last):
        return None
    asked = set(words(question))  # typed in any case ("did daniel orrin apologise")
    own = set(words(people[0]))
    name = people[0] if words(people[0])[-1] in asked else next((
        b for b in bodies if set(words(b)) <= asked and not set(words(b)) & own), None)
    return opening.group(1) + name + sentence[opening.end():] if name else None


def _other_sex(pronoun: str, name: str, sentence: str) -> bool:
    """Does the title or a possessive of the sentence before say the person is not the one "he"/"she" means
    ("Mrs Cole", "… of his house" for "He")?"""
    said = set(words(name)) | set(words(sentence))
    return bool(said & ({"mrs", "ms", "miss", "her", "herself"} if pronoun == "he" else {"mr", "his", "himself"}))


def _person(name: str) -> bool:
    """A name of two words or more, or a title and a surname ("Mr Orrin"), not a body's or a place's ("Brindlecombe
    Council", "Mill Lane")."""
    ws = [w for w in words(name) if w not in TITLES]
    return bool(ws) and (len(ws) >= 2 or len(words(name)) > 1) and ws[-1] not in KIND_NOUNS["organisation"] \
        and ws[-1] not in KIND_NOUNS["place"]
