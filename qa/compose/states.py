"""A yes/no question about a state ("Is the closure permanent?", "Were the hens outside when the virus hit?")
answered No by a sentence that puts its subject in the opposite state ("the closure was temporary", "The hens had
been kept indoors"): WordNet's opposite adjectives and adverbs (lang/opposites.py), said of the subject by a verb
of being or keeping, not negated, wanted or supposed."""
from __future__ import annotations

import re

from lang.opposites import opposite_state
from lang.paraphrase import said_for
from lang.rules import INDEFINITES, MODALS, NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import base_stem, parse_fast, word_stem

__all__ = ["fixed_term", "state_as_thing", "state_denied"]


def _after(sentence: str, state: str) -> str:
    """The sentence after the first word `state`."""
    m = re.search(rf"\b{re.escape(state)}\b", sentence, re.I)
    return sentence[m.end():] if m else ""


def _own_subject(sentence: str, state: str, asked: set[str]) -> bool:
    """Is the subject of the clause that gives the state ("will shut", "will stay closed") one the question asks of,
    by its head word (the coast road "between Pellworth and Sandrick Haven"), not a thing of it ("the school's
    canteen")?"""
    for t in parse_fast(sentence):
        if t.lower_ != state.lower():
            continue
        verb = t if t.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl") else t.head
        for subject in verb.children:  # a dateline may be one too
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            own = [c for c in subject.subtree if c.i == subject.i or c.head.i == subject.i and c.dep_ in ("compound", "amod")]
            said = {word_stem(c) for c in own}
            # The thing asked, no other of its kind ("the slip road", "the car park", "other museums"), or its name
            # in full ("Hollins Lea House" for "hollins lea").
            if said <= asked or asked <= said and all(c.text[:1].isupper() for c in own):
                return True
        return False
    return False


def _to_come_for_good(sentence: str, said: list[str], at: int, now_or_ahead: bool, asked: set[str]) -> bool:
    """Is the state told with "will" at `at` one that holds from now or for good, of the thing asked? Not "will be
    closed on Friday" (nothing of now, unless it goes on or the question asks ahead), "will shut if …", "will stay
    closed on Mondays" or "to lorries" (only then, or to some), "will shut temporarily", a fear, or "The school's
    canteen will shut" (not the school)."""
    after = _after(sentence, said[at])
    return bool(now_or_ahead) and not set(said[at:]) & _UNSURE and _FOR_GOOD.match(after) is not None \
        and not _FOR_A_WHILE.search(re.split(r"[;.]|\bbut\b", after)[0]) and not _SUPPOSED.search(sentence) \
        and _own_subject(sentence, said[at], asked)


def state_denied(question: str, sentence: str) -> bool:
    """Does the sentence give the question's subject the opposite of the state asked about? Every other word
    asked must be in the sentence (its subject), but for a time the question sets it in ("when the virus hit")."""
    ws = words(question)
    if not ws or ws[0] not in _BE:
        return False
    end = next((i for i, w in enumerate(ws) if i > 1 and w in _WHEN), len(ws))
    asked = [w for w in ws[1:end] if w not in STOPWORDS and w not in NEGATIONS and w not in INDEFINITES
             and w not in _NOW and w not in _BEING]  # "is it staying open?" asks the state
    said = words(sentence)
    stems = {base_stem(w) for w in said}
    for state in asked:
        at = next((i for i, w in enumerate(said) if opposite_state(state, w)), None)
        if at is None:
            continue
        rest = [w for w in asked if w != state]
        if any(state in w for w in said) or not rest or any(said_for(base_stem(w), stems) is None for w in rest):
            return False  # the state itself there too ("reopened"), or the subject not
        before = said[max(0, at - 4):at]
        if set(before) & _WILL and not _to_come_for_good(sentence, said, at, set(before) & _KEEPS or set(ws) & _AHEAD,
                                                          {base_stem(w) for w in rest}):
            return False
        # A state to come, told as what will be ("will stay closed", "will shut on 13 December"), is said where it
        # goes on from now or the question asks what is to come ("is it staying open?"); what may, could or should
        # be is not.
        return bool(set(before) & _BEING or at and said[at - 1] in _WILL) \
            and not set(before) & (NEGATIONS | (MODALS - _WILL) | _UNSURE) and said[at - 1] not in _DETERMINERS
    return False


_PERMANENT = re.compile(r"^\W*(?:is|are|was|were|will)\s+(?:the|this|that|their|its|his|her)\s+(?P<x>(?:[\w'’-]+\s+){0,3}?"
                        r"[\w'’-]+?)s?\s+(?:be\s+)?(?:permanent|for\s+good|for\s+ever|forever)\s*[?.!]*\s*$", re.I)
_OTHER_TERM = re.compile(r"\b(?:replac\w*|previous|former|old|expired|existing|earlier|last|another|new|permanent\w*|could|"
                         r"may|might|extend\w*|renew\w*)\b", re.I)
_TERM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|\d+)"


def fixed_term(question: str, sentence: str) -> bool:
    """"Is the licence permanent?" is No where the sentence gives the thing a fixed term ("a five-year licence", "the
    licence runs for ten years", "a temporary licence"): a term that ends is not for good. Its last word named as
    asked, not negated."""
    m = _PERMANENT.match(question)
    if m is None or any(w in NEGATIONS for w in words(sentence)) or _OTHER_TERM.search(sentence):
        return False  # "The new licence replaces a five-year licence": the term is the old one's
    thing = re.escape(m.group("x").split()[-1])
    return re.search(rf"\b(?:{_TERM}[- ](?:year|month|week|day)|temporary|interim|trial|fixed-term)\s+(?:[\w-]+\s+)?"
                     rf"{thing}s?\b|\b{thing}s?\b[^.;]{{0,40}}?\b(?:runs?|lasts?|valid|granted|issued)\s+for\s+(?:a\s+)?{_TERM}\s+"
                     rf"(?:years?|months?|weeks?)\b", sentence, re.I) is not None


_STATE_Q = re.compile(r"^\W*(?:is|are|was|were)\s+(?:(?:the|this|that|its|their|his|her)\s+)?(?P<words>[a-z][\w'’-]*"
                      r"(?:\s+[a-z][\w'’-]*){1,3}?)(?:\s+(?:again|now|still|yet|already|rn|today))*\s*[?.!]*\s*$", re.I)
_THING_DEPS = frozenset("dobj nsubj nsubjpass poss compound".split())
"""Not "made of steel", "described as a male": a state after "of" or "as"."""


def state_as_thing(question: str, sentence: str) -> bool:
    """Does a question of a state ("is the church roof lead again?": its last word the state) find that word in the
    sentence only as a thing another verb acts on ("stripped the lead from the roof")? Then the sentence does not
    say the subject is so."""
    m = _STATE_Q.match(question)
    if m is None:
        return False
    ws = m.group("words").lower().split()
    state = ws[-1]
    if any(w in STOPWORDS or w.endswith("ing") for w in ws) or state.endswith(("ed", "en", "id", "wn")):
        return False  # only "the X Y state": not "is he still getting paid", "were flights cancelled on Thursday"
    found = [t for t in parse_fast(sentence) if t.lower_ == state or word_stem(t) == base_stem(state)]
    return bool(found) and all(t.dep_ in _THING_DEPS for t in found)


_BE = frozenset("is are was were am".split())
_WHEN = frozenset("when while before after during since until".split())
_NOW = frozenset("still now currently yet already again".split())
_WILL = frozenset({"will"})  # not a reported "would": the road may be open by now
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
_SEASON = r"(?:week|month|year|spring|summer|autumn|winter)"
_FOR_GOOD = re.compile(rf"\s*(?:$|[,.;—]|permanently\b|for\s+good\b|until\b|from\b|(?:next|this)\s+{_SEASON}\b|"
                       rf"on\s+(?:\w+day,?\s+)?\d|in\s+(?:the\s+)?(?:spring|summer|autumn|winter|new\s+year|{_MONTH})\b|"
                       rf"at\s+the\s+end\s+of\s+(?:the\s+|this\s+)?(?:year|month|week|term|season)\b)", re.I)
"""What may follow a state to come that is for good, or from a date on ("will shut on 13 December", "will stay closed
until April"); not "on Mondays", "to lorries", "temporarily", "for two weeks", "over Christmas", "at 11pm"."""
_SUPPOSED = re.compile(r"\b(?i:fears?|feared|expects?|expected|hopes?|hoped|warns?|warned|predict\w*|believes?|believed|"
                       r"thinks?|thought|likely|unless|if|whether|could|might|claims?|claimed)\b|\bmay\b")  # not "until May"
"""A state to come that someone only fears, expects or claims ("Campaigners fear the library will stay closed")."""
_FOR_A_WHILE = re.compile(r"temporar|overnight|\beach\b|\bevery\b|\bweeknights?\b|\bnights?\b|\bwhile\b|\bholidays?\b|"
                          r"\bfor\s+(?:a|an|one|\d+|two|three|four|five|six|several|a\s+few)\s+(?:\w+\s+)?(?:hours?|days?|nights?|"
                          r"weeks?|months?)\b|\buntil\s+\d", re.I)
"""A closing for a while only ("on 4 May for one day", ", temporarily,", "from 8pm until 6am")."""
_KEEPS = frozenset("stay stays remain remains keep keeps".split())
"""A state that goes on: "will stay closed" is closed now."""
_AHEAD = frozenset("staying remaining keeping will going".split())
"""What a question asks of the time to come ("is it staying open?", "will it reopen?")."""
_BEING = frozenset("""is are was were be been being remain remains remained remaining stay stays stayed staying kept keep
keeps keeping left seem seems seemed became become becomes""".split())
"""Verbs that give their subject a state ("was temporary", "had been kept indoors")."""
_UNSURE = frozenset("if unless whether".split())
_DETERMINERS = frozenset("the a an this that its their his her".split())
