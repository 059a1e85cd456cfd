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
_NAME = r"[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*"
_POST = r"(?:chief\s+executive|managing\s+director|director|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|" \
        r"head|leader|president|boss|ceo|general\s+secretary|secretary)"
_POST_IN = re.compile(rf"(?P<body>{_NAME})['’]s\s+(?:[a-z]+\s+)?{_POST}\b|\b{_POST}(?:\s+[a-z]+){{0,2}}?\s+(?:of|at|for)\s+"
                      rf"(?:the\s+)?(?P<body2>{_NAME})")
"""The body whose voice a post is: "Kestrel Vale Water's director", "director of wastewater at Kestrel Vale Water" (not
"a customer of", "a nurse at")."""
_FORMER = re.compile(r"\b(?:former|ex|deputy|non-executive|retired|interim|was|sacked|stepped\s+down|resigned|quit|left|"
                     r"ousted|removed|until)\b", re.I)


def he_named(question: str, sentence: str, before: str) -> str | None:
    """The sentence with its opening "he"/"she" put as the one person the sentence before names, when the question
    names them ("daniel orrin", "orrin") or the body that sentence gives them a post in ("Kestrel Vale Water's
    director, Daniel Orrin"), that body's name then; else None."""
    opening = _OPENS.match(sentence)
    if opening is None or not before.strip():
        return None
    last = _named_last(_LAST.split(before.strip()))
    posts = [m for m in _POST_IN.finditer(last) if not _FORMER.search(last[max(0, m.start() - 30):m.end()])
             and not re.match(r"[^.;]*\buntil\b", last[m.end():])]
    bodies = [m.group("body") or m.group("body2") for m in posts]
    people = [n for n in names(last) if _person(n) and n not in bodies and not any(n in b for b in bodies)]
    # Only a post told beside the name is theirs ("Daniel Orrin, director of … at X"; not "met the boss of X").
    posts = [m for m in posts if people and _beside(last, people[0], m)]
    bodies = [m.group("body") or m.group("body2") for m in posts]
    if len({n.split()[-1] for n in people}) != 1 or _other_sex(opening.group(0).strip(" \"“").lower(), people[0], last):
        return None
    person = people[0]
    if _someone_else(last, person) or len(re.findall(r"\b" + re.escape(person.split()[-1]) + r"\b", last)) > 1:
        return None  # "found the victim", "attacked by a man", "Orrin's son, James Orrin": "he" may be another
    asked = set(words(question))  # typed in any case ("did daniel orrin apologise")
    own = set(words(person))
    name = person if words(person)[-1] in asked else next((
        b for b in bodies if set(words(b)) <= asked and not set(words(b)) & own), None)
    return opening.group(1) + name + sentence[opening.end():] if name else None


_OTHERS = frozenset("""man men woman women boy boys girl girls child children teenager teenagers youth victim victims
attacker attackers passer-by pedestrian pedestrians driver drivers rider cyclist organiser organisers neighbour neighbours
friend friends colleague colleagues customer customers mother father son daughter wife husband brother sister partner
resident residents officer officers suspect suspects grandfather grandmother grandparents predecessor successor
protester protesters fan fans supporter supporters shopper shoppers landlord landlady tenant tenants pupil pupils
member members spokesman spokeswoman rival rivals opponent opponents challenger challengers boss head family relatives
candidate candidates winner""".split())
"""Words for a person or people other than the one named, beside whom "he" or "she" may mean someone else."""


def _named_last(sentences: list[str]) -> str:
    """The last sentence before, or, where it and the ones before it are only quotes naming no one ("… ," he said.
    "I am sorry to every keeper."), the sentence before those that names the speaker: a quote goes on in his voice."""
    for k in range(len(sentences) - 1, max(-1, len(sentences) - 5), -1):
        if not _QUOTE.search(sentences[k]) or any(_person(n) for n in names(sentences[k])) or not _HIS_OWN.fullmatch(
                _QUOTE_TEXT.sub(" ", sentences[k])):
            return sentences[k]  # a quote of another ("said one supporter", "his lawyer insisted") may be whom "he" means
    return sentences[-1]


_QUOTE = re.compile(r"[\"“”]")
_QUOTE_TEXT = re.compile(r"[\"“][^\"”]*[\"”]")
_HIS_OWN = re.compile(r"\W*(?:(?:he|she)\s+[a-z]+|[a-z]+\s+(?:he|she))?\W*", re.I)
"""Outside its quotes, a quote of the one named says no more than "he said" (or nothing)."""


def _beside(sentence: str, person: str, post: re.Match) -> bool:
    at = sentence.find(person)
    return at >= 0 and (re.fullmatch(r",\s*(?:the\s+|a\s+|an\s+|its\s+)?", sentence[at + len(person):post.start()]) is not None
                        or re.fullmatch(r",?\s*", sentence[post.end():at]) is not None)


def _someone_else(sentence: str, person: str) -> bool:
    """Does the sentence speak of anyone besides the person: a word for a person, a title or another "him"/"her", the
    person's own role told beside the name ("Daniel Orrin, the company's director, said") left aside?"""
    at = sentence.find(person)
    rest = re.sub(r"[^,]*,\s*$", "", sentence[:at]) + re.sub(r"^,[^,]*,", "", sentence[at + len(person):]) \
        if at >= 0 else sentence  # "Kestrel Vale Water's director, Daniel Orrin, said": his own role
    ws = set(words(rest))
    return bool(ws & (_OTHERS | KIND_NOUNS["person"] | TITLES | {"him", "them"})) or (
        "her" in ws and "she" not in ws and "his" in ws)


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
