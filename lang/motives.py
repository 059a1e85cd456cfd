"""A question that asks why someone holds a view ("why does the director want the statue returned?", "why is
Quilliam against it?", "why do campaigners oppose the move?"): a stance is explained by what its holder says, so
it is answered from their reported words, not from the sentence that best matches the question's words."""
from __future__ import annotations

import re

_MOTIVE = re.compile(
    r"^\s*(?:and\s+|so\s+)?why\s+(?:does|did|do|would)\s+(?P<x>[^?]+?)\s+(?:want|wants|think|believe|reckon|feel|say|oppose|"
    r"support|back(?!\s*(?:down|track|off|out)\b)|object|fear|worry|insist|argue|prefer|disagree|dislike|hate|critici[sz]e|blame)\b(?P<y>[^?]*)"
    r"|^\s*(?:and\s+|so\s+)?why(?:\s+(?:is|are|was|were)|'s|’s)\s+(?P<x2>[^?]+?)\s+(?:(?:so|very|really|that|this|still)\s+)?(?:against|opposed\s+to|"
    r"in\s+favou?r\s+of|for|behind|keen\s+on|worried|concerned|angry|annoyed|furious|unhappy|upset|critical\s+of|sceptical|"
    r"skeptical|defending|backing|supporting|opposing|objecting\s+to|fighting|pushing\s+for|campaigning\s+(?:for|against))"
    r"\b(?P<y2>[^?]*)", re.I)


def asks_motive(question: str) -> tuple[str, str] | None:
    """(whose view, what it is about) for "why does X want/think/oppose … Y?", "why is X against Y?"; None for any
    other question (a deed: "why did the mayor resign?" is answered by what happened)."""
    m = _MOTIVE.match(" ".join(question.split()))
    if m is None:
        return None
    holder = (m.group("x") or m.group("x2")).strip()
    about = (m.group("y") if m.group("x") else m.group("y2")) or ""
    return holder, about.strip(" ?.!")


_WHY_DEED = re.compile(r"^\s*(?:and\s+|so\s+)?why\s+(?P<aux>did|does|do|is|are|was|were|has|have|had|will|would)\s+"
                       r"(?P<rest>[^?]+?)\s*[?.!]*\s*$", re.I)
_BE = frozenset("is are was were".split())
_PASSIVE = frozenset("be been being get got getting".split())


def asks_deed(question: str) -> list[tuple[str, str]]:
    """The ways to read "why did the council raise the rents?" as (who did it, what they did): each first few words
    as the doer ("the council", "raise the rents"), for whoever knows the names to choose among; none for a view
    (asks_motive) or for a deed told in the passive ("why was the quota cut?", "why were they sacked?": no doer)."""
    m = _WHY_DEED.match(" ".join(question.split()))
    if m is None or asks_motive(question) is not None:
        return []
    ws = m.group("rest").split()
    be = m.group("aux").lower() in _BE
    verbs = set() if be else _verbs_at(ws)
    reads = []
    for k in range(1, min(5, len(ws))):
        deed = ws[k:]
        if be and not deed[0].lower().endswith("ing") or deed[0].lower() in _PASSIVE:
            continue  # "why was the mayor sacked?", "why will the line be shut?": what was done to them
        if not be and k not in verbs and not changed_mind(" ".join(deed)):  # "back down", which it tags an adverb
            continue  # "why did norvik shares fall?": "shares" is no deed of Norvik's
        reads.append((" ".join(ws[:k]), " ".join(deed)))
        owner = re.match(r"(.+?)['’]s\s", " ".join(ws[:k]))
        if owner:  # "the council's cabinet": the council speaks for it too
            reads.append((owner.group(1), " ".join(deed)))
    return reads


def _verbs_at(ws: list[str]) -> set[int]:
    """Which words are verbs, by their index in `ws`, read as a statement ("norvik shares fall.")."""
    from lang.tagging import parse  # spaCy only for a "why" of someone's deed

    starts = {len(" ".join(ws[:k])) + (1 if k else 0): k for k in range(len(ws))}
    return {starts[t.idx] for t in parse(" ".join(ws) + ".") if t.idx in starts and t.tag_.startswith("VB")}


_CHANGED_MIND = re.compile(r"(?:back(?:s|ed|ing)?\s*(?:down|track\w*)|climb(?:s|ed|ing)?\s+down|(?:do|did|does)\s+a\s+u-?turn|"
                           r"u-?turn\w*|revers(?:e|es|ed|ing)\b|chang(?:e|es|ed|ing)\s+(?:\w+\s+)?minds?|row(?:s|ed|ing)?\s+back|"
                           r"relent\w*|cave[ds]?\b|caving|give\s+in|gave\s+in|giv(?:es|ing)\s+in|rethink\w*)", re.I)


def changed_mind(deed: str) -> bool:
    """Is the deed a change of mind ("back down", "do a U-turn", "reverse", "change their minds")? Why it came is in
    what the doer said when it came, not the case they first made."""
    return _CHANGED_MIND.match(deed) is not None
