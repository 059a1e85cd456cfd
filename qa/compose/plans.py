"""A plan denied: "Is the university planning to cut other subjects?" is answered No by "... had no plans to cut
any other subjects" (or "no intention of cutting ..."): the deed planned, and what it is done to, must be the
question's; who plans may be named otherwise ("Ashgrove" / "the university"). So is an option ruled out: "Are they
putting in a temporary bridge?" is No by "a temporary bridge had been considered but ruled out", and a deed to come
denied ("will staff be made redundant?" / "the school denied claims that staff would be made redundant")."""
from __future__ import annotations

import re

from lang.paraphrase import said_for
from lang.phrasal import phrasal_meanings
from lang.tagging import verb_base
from lang.words import STOPWORDS, stem, words

from .clauses import base_stem, parse_full

__all__ = ["plan_denied"]


def plan_denied(question: str, sentence: str) -> bool:
    """Does the sentence deny the plan the question asks about, or rule out what it asks will be done?"""
    if ruled_out(question, sentence) or denied_ahead(question, sentence):
        return True
    asked = _ASKS_PLAN.match(question)
    if asked is None:
        return False
    verb, rest = asked.group("verb"), asked.group("rest")
    said = {base_stem(w) for w in words(sentence)}
    for m in _NO_PLAN.finditer(sentence):
        if base_stem(m.group("verb")) == base_stem(verb):
            wanted = {base_stem(w) for w in words(rest) if w not in STOPWORDS and w not in _VAGUE}
            return wanted <= said
    return False


def ruled_out(question: str, sentence: str) -> bool:
    """Does the sentence rule out (scrap, shelve, drop) what the question asks will be done or is being done ("will
    customers get money off their bills?" / "ruled out cutting customers' bills")? Every word the sentence gives the
    thing ruled out must be asked, and its deed ("cutting") too, in its own words or by a light verb ("get money
    off")."""
    if not _ASKS_AHEAD.match(question):
        return False
    meant = set(phrasal_meanings(question))  # "going up" means "rise"
    asked = {stem(w) for w in words(question)} | meant
    for m in _RULED_OUT.finditer(sentence):
        thing = [w for w in words(m.group("before") or m.group("after") or "") if w not in STOPWORDS]
        deed = bool(thing) and thing[0].endswith("ing")
        if not thing or not all(stem(w) in asked for w in thing[int(deed):]):
            continue
        if deed and said_for(stem(verb_base(thing[0])), asked | meant) is None and (
                meant or any(verb_base(w) not in _LIGHT for w in _verbs(question))):
            continue  # "will they raise bills?" / "ruled out cutting bills": another deed
        return True
    return False


def denied_ahead(question: str, sentence: str) -> bool:
    """Does the sentence deny that what the question asks will be done will be ("will staff be made redundant?" /
    "… denied claims on social media that staff would be made redundant")? Only a deed to come (its "would" or
    "will"), which whoever denies it may speak for; a deed done ("denied that the officer used force") stays
    disputed. The clause denied must say only what is asked, every word of it ("would close permanently" denies
    less than "will it close?"), and end the sentence; nor may the denial be denied, put off or of another time."""
    if not _ASKS_AHEAD.match(question):
        return False
    asked = {base_stem(w) for w in words(question)[1:] if w not in STOPWORDS and w not in _VAGUE and w != "going"
             and verb_base(w) not in _LIGHT}  # "getting made redundant": "redundant"
    for m in _DENIED_AHEAD.finditer(sentence):
        if _NOT_DENIED.search(sentence[:m.start()]) or not re.fullmatch(r"\s*[.!]?\s*", sentence[m.end():]) or \
                re.search(r"\b(?:not|never|no|all|most|some|many|every|also|too|either)\b|n't", m.group("clause"), re.I) or \
                not _SPEAKS_FOR.search(sentence[:m.start()]):
            continue  # "has not denied that …", "… , although he could not rule it out", "denied that they would not"
        clause = [base_stem(w) for w in words(m.group("clause")) if w not in STOPWORDS and w not in _DEED_TO_COME
                  and verb_base(w) not in _LIGHT]
        if asked and clause and all(said_for(c, asked) or c in asked for c in clause) and \
                all(said_for(a, set(clause)) or a in clause for a in asked):
            return True
    return False


_DENIED_AHEAD = re.compile(r"\b(?:denied|denies)\s+(?:(?:the\s+)?(?:claims?|reports?|suggestions?|"
                           r"rumou?rs?|speculation|fears)\s+(?:[\w\s]{0,30}?\s)?)?that\s+(?P<clause>[^.;:!?,]*?\b(?:would|will|"
                           r"was\s+going\s+to|were\s+going\s+to|planned\s+to)\s+[^.;:!?,]*?)(?=\s*(?:[.;:!?,]|$))", re.I)
"""A deed to come denied, to the end of its clause: "denied claims on social media that staff would be made redundant"."""
_NOT_DENIED = re.compile(r"\b(?:not|never|neither|nor|nobody|no\s+one|few|refused|declined|failed|unable|expected|likely|"
                         r"may|might|could|will|would|had|previously|initially|originally|first|once|then|ago|last|"
                         r"earlier|in\s+\d{4}|claim\w*|say|says|said|wrongly|falsely)\b|n't", re.I)
"""Before the denial: the denial itself denied, put off, or of another time ("refused to deny", "had denied", "last
year denied"); then it says nothing of what is to come now."""
_SPEAKS_FOR = re.compile(r"^\W*(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:council|company|firm|trust|school|academy|board|"
                         r"authority|department|ministry|government|operator|owners?|practice|hospital|club|college|"
                         r"university|spokes(?:man|woman|person)|chiefs?|director|manager|leader|head|chair\w*|boss|"
                         r"executive|minister)\b[^,]*$", re.I)
"""Who denies it speaks for the deed: a body that would do it, or one who speaks for one, and nothing else said first
("Residents denied …", "Campaigners claim the council denied …" speak for no one)."""
_DEED_TO_COME = frozenset({"would", "will", "was", "were", "going", "planned", "not", "never"} | {"n't"})


def _verbs(question: str) -> list[str]:
    """The question's verbs past its first word, by their tags."""
    return [t.lower_ for t in parse_full(question)[1:] if t.tag_.startswith("VB")]


_LIGHT = frozenset("get give have make put take do go keep see be".split())
"""Verbs that say little of the deed themselves ("get money off the bills")."""
_ASKS_AHEAD = re.compile(r"^\s*(?:will|would)\b|^\s*(?:is|are|am)\b.*?(?:\bgoing\s+to\b|\w+ing\b)", re.I)
"""A question about what will be done or is being done."""
_RULED_OUT = re.compile(
    r"\b(?:ruled\s+out|scrapped|shelved|abandoned|dropped)\s+(?:plans?\s+(?:to|for)\s+|the\s+idea\s+of\s+)?"
    r"(?P<after>(?:(?:a|an|the|any)\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+)"
    r"|(?P<before>\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:had\s+|has\s+|have\s+)?(?:been|was|were)\s+"
    r"(?:considered\s+but\s+|later\s+|since\s+)?(?:ruled\s+out|scrapped|shelved|abandoned|dropped)\b", re.I)
"""What was ruled out: "ruled out cutting customers' bills", "a temporary bridge had been considered but ruled out"."""
_ASKS_PLAN = re.compile(r"^\s*(?:is|are|was|were|does|do|did|has|have)\s+.+?\s+(?:planning|plans?|planned|intending|"
                        r"intends?|going)\s+to\s+(?P<verb>\w+)(?P<rest>.*)$", re.I)
_NO_PLAN = re.compile(r"\bno\s+(?:immediate\s+|current\s+|further\s+)?(?:plans?|intention|intent)\s+(?:to|of)\s+"
                      r"(?P<verb>\w+)", re.I)
_VAGUE = frozenset("any other more further too also else yet still".split())
"""Words that widen the question ("any other subjects too") without naming what is asked."""
