"""A bare question word after an answer ("Why?", "When?", "how come?") asks the previous question again with it:
"When did X visit Y?" + "Why?" is "Why did X visit Y?"; of a view, why they hold it; of who did something, why
the one the answer named did it."""
from __future__ import annotations

import re

from lang.rules import AUXILIARIES, auxiliary
from lang.words import QUESTION_WORDS

__all__ = ["ask_again", "of_the_doer"]


def ask_again(wh: str, previous: str) -> str:
    """The previous question asked with another question word: "When did X visit Y?" + "Why?" -> "Why did X
    visit Y?"; "Did X visit Y?" + "When?" -> "When did X visit Y?"."""
    wh = {"how come": "why", "what for": "why"}.get(wh.lower(), wh.lower())
    view = _VIEW_ASKED.match(previous)
    if view and wh == "why":  # "what does the union think about it?" + "why?": why they think so
        return f"Why {view.group('aux').lower()} {view.group('x')} think so?"
    counted = _COUNTED.match(previous)
    # Not "how much is the fine?": "why is the fine?" asks nothing.
    if counted and (counted.group("noun").strip() or counted.group("aux").lower() not in _BE
                    or re.search(r"\w(?:ed|en|ing)\b", counted.group("rest"))):  # "how many people were stranded?" + "when?": when were people stranded
        noun, aux, rest = counted.group("noun").strip(), counted.group("aux"), counted.group("rest").rstrip(" ?.!")
        asked = f"{aux} {noun} {rest}" if noun and aux.lower() not in _DO else f"{aux} {rest} {noun}"
        return f"{wh.capitalize()} {asked.strip()}?"
    ws = _CONTRACTED.sub(r"\1 is", previous).split()  # "what's X going to do?" + "by when?": by when is X going to
    first = ws[0].lower() if ws else ""
    if first in QUESTION_WORDS and len(ws) > 1 and auxiliary(ws[1]) in AUXILIARIES:
        asked = " ".join([wh.capitalize()] + ws[1:])
        # "what will she do?" + "by when?": by when will she do it (not "… do?", which asks what)
        return re.sub(r"\b(do|doing)\s*([?.!]*)$", r"\1 it\2", asked) if first == "what" else asked
    if auxiliary(first) in AUXILIARIES:
        return f"{wh.capitalize()} {previous[:1].lower()}{previous[1:]}"
    return f"{wh.capitalize()}? {previous}"


_COUNTED = re.compile(r"^\s*how\s+(?:many|much)\s+(?P<noun>(?:[\w'’-]+\s+){0,3}?)(?P<aux>" + "|".join(sorted(AUXILIARIES))
                      + r")\s+(?P<rest>.+)$", re.I)
"""A question of how many or how much, whose "when?" asks when it happened to them ("how many people were
stranded?": when were people stranded; "how many jobs did the mill cut?": when did the mill cut jobs)."""
_DO = frozenset("do does did".split())
_CONTRACTED = re.compile(r"^\s*(what|where|when|how)['’]s\b", re.I)
_BE = frozenset("is are was were am".split())
_VIEW_ASKED = re.compile(r"^\s*(?:what|how)\s+(?P<aux>does|did|do)\s+(?P<x>.+?)\s+(?:think|reckon|believe|feel|say|"
                         r"make\s+of)\b", re.I)
"""A question of someone's view ("what does he reckon caused it?"), whose "why?" asks why they hold it."""


def of_the_doer(wh: str, previous: str, doer: str) -> str | None:
    """"Who refused to sell the land?" answered Hugh Strathairn, + "why?": "Why did Hugh Strathairn refuse to sell
    the land?"; None when the previous question does not ask who did something."""
    if not re.match(r"^\s*who(?:\s+|'s\b|’s\b)\w?", previous, re.I) or wh.lower() not in ("why", "how", "when", "where", "how come"):
        return None
    from lang.tagging import parse  # spaCy only for such a follow-up

    doc = parse(previous.strip().rstrip("?.! "))
    verb = doc[1] if len(doc) > 2 else None
    if verb is None or verb.tag_ not in ("VBD", "VBZ") or verb.dep_ != "ROOT":
        return None
    asked = {"how come": "why"}.get(wh.lower(), wh.lower())
    if verb.lemma_ == "be":  # "who's the councillor defending the rise?": why is he defending it
        return _of_the_one_described(asked, verb, doc, doer)
    aux = "did" if verb.tag_ == "VBD" else "does"
    return f"{asked.capitalize()} {aux} {doer} {verb.lemma_}{verb.whitespace_}{doc[2:].text}?"


def _of_the_one_described(wh: str, be, doc, doer: str) -> str | None:
    """"Who's the councillor defending the rent rise?" + "why?": "Why is <doer> defending the rent rise?"; "who was
    the woman who found the dog?" + "when?": "When did <doer> find the dog?"; None when the one asked about is
    described by no deed ("who is the mayor?")."""
    person = next((t for t in be.children if t.dep_ == "attr" and t.pos_ == "NOUN"), None)
    deed = next((t for t in person.children if t.dep_ in ("acl", "relcl") and t.pos_ == "VERB"), None) if person else None
    if deed is None:
        return None
    rest = doc[deed.i + 1:].text
    if deed.dep_ == "acl" and deed.tag_ == "VBG":
        return f"{wh.capitalize()} {'was' if be.tag_ == 'VBD' else 'is'} {doer} {deed.text} {rest}".rstrip() + "?"
    if deed.dep_ == "relcl" and deed.tag_ in ("VBD", "VBZ") and doc[deed.i - 1].lower_ in ("who", "that"):
        aux = "did" if deed.tag_ == "VBD" else "does"
        return f"{wh.capitalize()} {aux} {doer} {deed.lemma_} {rest}".rstrip() + "?"
    return None
