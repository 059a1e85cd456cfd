"""The form of a question that asks for a list of the story's names: its people, organisations or places ("who are
the people in the story?", "which unions are named?", "which shop owners are quoted?"), or whom it quotes."""
from __future__ import annotations

import re

from .rules import KIND_NOUNS, ORGANISATION_SORTS, TITLES
from .story_words import ART as _ART, Q_END as _Q_END

PERSON, ORGANISATION, PLACE, ANY = "person", "organisation", "place", "any"
SPEAKER = "speaker"

_ANY_ORGANISATION = r"organi[sz]ations?|orgs?|groups?|companies|company|agencies|institutions|parties|firms|bodies|outfits"
_ENTITY_NOUNS = {
    PERSON: r"people|persons|person|individuals|characters|officials|figures|players|actors|names|leaders|politicians|"
            r"everyone|everybody",
    ORGANISATION: _ANY_ORGANISATION + "|" + "|".join(sorted(ORGANISATION_SORTS)),
    PLACE: r"places?|locations?|countries|country|cities|city|towns?|regions?|nations",
}
_ENTITY_ALL = "|".join(_ENTITY_NOUNS.values())
_ENTITIES = re.compile(
    rf"^\s*(?:(?:can|could|would)\s+you\s+|please\s+)?(?:list|name|give\s+me|show\s+me|tell\s+me|who\s+are|"
    rf"which|what|how\s+many)\s+(?:(?:all|each|of|the|main|key|important|different|various|named|other|individual|notable)\s+)*(?P<noun>{_ENTITY_ALL})\b"
    rf"(?P<more>(?:\s*(?:,|and|or|&|/)\s*(?:the\s+)?(?:{_ENTITY_ALL})\b)*)"  # "groups and parties"
    rf"(?!\s+(?:did|does|do|was|were|has|have|had|will|would|can|could)\b(?!\s+(?:the\s+|this\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_ART}|story)\b))"
    rf"(?P<rest>.*)$"
    rf"|^\s*who(?:'s|’s|\s+is|\s+are)\s+(?:involved|mentioned|named|in\s+(?:the|this)\s+(?P<story>(?:[\w'’-]+\s+){{0,3}}?)"
    rf"{_ART}|who)\b(?P<rest2>.*)$", re.I)
# A list question names the story, not a deed: "Which people were arrested?" asks a fact, so the noun must be
# followed by nothing, or by "in/mentioned/involved/named/are there" and the story.
_LIST_TAIL = re.compile(r"^\s*(?:(?:are|were|is|get|got)\s+)?(?:mentioned|named|involved|featured|discussed|cited|"
                        r"quoted|there|in\b|from\b|of\b|does\b|do\b|did\b|appear|play|c[oa]me\s+up|show\s+up|feature|,|\?|$)", re.I)

_SPEAKERS = re.compile(
    rf"^\s*(?:who(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+gets?|\s+got)\s+(?:being\s+)?(?:quoted|interviewed|cited)"
    rf"|who\s+said\s+what|who\s+(?:are|were)\s+the\s+sources|(?:which|what)\s+(?:people|experts|officials|sources|"
    rf"voices)\s+(?:are|were|does\s+(?:the|this)\s+{_ART}|did\s+(?:the|this)\s+{_ART})\s+(?:quoted|interviewed|"
    rf"cited|quote|cite)|(?:list|show|give\s+me)\s+(?:all\s+)?(?:the\s+)?quotes)\b"
    # Not "Who was quoted as saying ...?": that asks for one speaker.
    rf"(?P<rest>(?:\s+(?:in|for|by|from)\s+[^?]*)?)" + _Q_END, re.I)
"""Who the article quotes: its speakers, each with what they said first."""
_PEOPLE_SORT = re.compile(r"^\s*(?:which|what|who\s+are\s+the)\s+(?P<sort>(?:[\w'’-]+\s+){0,2}?[\w'’-]+?s)\s+(?:are|were)\s+"
                          r"(?P<how>quoted|named|mentioned|interviewed|cited|in\b)(?P<rest>[^?]*)\s*[?.!]*\s*$", re.I)
"""People of a sort the story names or quotes: "which shop owners are quoted in the cycle lane story?"."""


def listed(q: str) -> tuple[str, str, str] | None:
    """(the words naming the story, the kind of name, the sort asked for or "") when the question asks for a list of
    the story's names, else None. For people of a sort ("shop owners") the sort is the words a role must say."""
    if m := _SPEAKERS.match(q):
        return m.group("rest"), SPEAKER, ""
    m = _ENTITIES.match(q)
    if m and (m.group("rest2") is not None or _LIST_TAIL.match(m.group("rest") or "")):
        nouns = [(m.group("noun") or "people").lower()] + re.findall(rf"\b(?:{_ENTITY_ALL})\b", (m.group("more") or "").lower())
        kinds = {next((k for k, pattern in _ENTITY_NOUNS.items() if re.fullmatch(pattern, n)), ANY) for n in nouns}
        entity = kinds.pop() if len(kinds) == 1 and "names" not in nouns else ANY
        return (m.group("rest") or m.group("story") or m.group("rest2") or "", entity,
                ORGANISATION_SORTS.get(nouns[0], "") if len(nouns) == 1 and not re.fullmatch(_ANY_ORGANISATION, nouns[0])
                else "")
    m = _PEOPLE_SORT.match(q)
    last = m.group("sort").split()[-1].lower()[:-1] if m else ""
    if m and (last in KIND_NOUNS["person"] or last in TITLES):  # "shop owners", "councillors", "residents"
        return m.group("rest"), PERSON, m.group("sort").lower()
    return None
