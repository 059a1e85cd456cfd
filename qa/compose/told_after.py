"""A person's deed told just after the sentence that names them, by "he" or "she": "Gordon Pybus, 74, who has
lived on Tanner's Row …, was in his kitchen when it struck. … He is now staying with his daughter in Coldby." For
"where is Gordon Pybus staying?", the second says what is asked; the first only names him."""
from __future__ import annotations

import re
from typing import Sequence

from lang.rules import KIND_NOUNS, TITLES
from lang.words import names, terms, words
from qa.judgment.evidence import Scored
from qa.question import Question

__all__ = ["told_after_name"]

_POINTS_BACK = re.compile(r"^(?:he|she)\b", re.I)  # the sentence's own subject, not a quote's


def told_after_name(q: Question, near: Sequence[Scored]) -> int | None:
    """The index in `near` of a sentence of the best one's passage, after it, that opens with "he" or "she" and holds
    at least half of the question's words other than its names, where the best sentence holds none of them and names
    the one asked about; None otherwise."""
    if not near:
        return None
    # A follow-up's "he", put as the name it stands for; a name typed in lower case, as the passage writes it.
    typed = set(words(q.text))
    asked_names = q.names or tuple(names(q.text)) or tuple(n for n in names(near[0].text) if set(words(n)) <= typed)
    if not asked_names:
        return None
    best = near[0]
    named = {t for n in asked_names for t in terms(n)}
    rest = set(q.terms) - named
    if not rest or rest & set(terms(best.text)) or not named & set(terms(best.text)):
        return None
    for i, e in enumerate(near[1:], 1):
        if e.passage_id != best.passage_id or e.start <= best.start:
            continue
        # Between the two, no one else named or spoken of ("his wife", "Firefighter Alan Pike"), and no pronoun of
        # the other sex for the one named ("Gordon Pybus … his kitchen" / "She is now staying …").
        between = e.passage_text[best.end - e.passage_start:e.start - e.passage_start]
        # Or their own words: a quotation in the first person, "he said" in it or just before it ("… ," he said.
        # "I'm staying with my daughter for now …").
        pointed = _POINTS_BACK.match(e.text) or (_SAID_BY.search(e.text) or _SAID_BY.search(between[-80:])) if \
            _FIRST_PERSON.match(e.text) else _POINTS_BACK.match(e.text)
        if not pointed:
            continue
        others = [n for n in names(between) if not set(terms(n)) & named] + _BESIDE.findall(best.text) + [
            n for n in names(best.text) if len(n.split()) >= 2 and not set(terms(n)) & named
            and n.split()[-1].lower() not in _PLACES]  # "pulled out by Alan Pike", not "Tanner's Row"
        others += [w for w in words(between) if w.removesuffix("s") in _PERSONS]  # "A passing driver stopped …"
        sex = pointed.group("p").lower() if pointed.re is _SAID_BY else pointed.group(0).lower()
        other_sex = _HER if sex == "he" else _HIS
        if others or _KIN.search(between) or other_sex.search(best.text + " " + between):
            continue
        held = rest & set(terms(e.text))
        if 2 * len(held) >= len(rest):
            return i
    return None


_FIRST_PERSON = re.compile(r"\s*[\"“](?=[^\"”]*\b(?:I|I'm|I’m|I've|I’ve|my|me)\b)")
_SAID_BY = re.compile(r"[,\"”]\s*(?P<p>he|she)\s+(?:said|says|added|told\s+\w+)\b", re.I)
_PERSONS = KIND_NOUNS["person"] | TITLES
_PLACES = KIND_NOUNS["place"] | frozenset("row close way gardens court place crescent drive hill green terrace walk "
                                          "estate".split())
_BESIDE = re.compile(r"\b(?i:" + "|".join(sorted(_PERSONS)) + r")\s+[A-Z][\w'’-]+")
"""Another person named by role in the best sentence itself ("pulled from the rubble by firefighter Alan Pike")."""
_HIS = re.compile(r"\b(?:he|him|his)\b", re.I)
_HER = re.compile(r"\b(?:she|her|hers)\b", re.I)
_KIN = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+)?(?:wife|husband|partner|son|daughter|mother|father|brother|sister|neighbour|neighbor|friend|"
                  r"colleague|boss)\b", re.I)
