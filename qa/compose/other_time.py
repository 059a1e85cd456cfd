"""A Yes that the sentence only seems to give: the thing it tells of is another of the kind asked about ("A similar
bus ran in Saltby" for "is the bus running?"), or it tells of a time gone by where the question asks what is going
on now ("is the bus running?" / "a bus ran there last year")."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["another_one", "past_for_now"]

_ANOTHER = re.compile(r"\b(?:a\s+similar|similar|another|other|a\s+second|an\s+earlier|a\s+previous|a\s+former|"
                      r"the\s+previous|the\s+former)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+)\b", re.I)


def another_one(question: str, sentence: str) -> bool:
    """Does the sentence tell of "a similar" / "another" / "a previous" thing of a kind the question asks about,
    the question itself not asking of another?"""
    asked = {base_stem(w) for m in re.finditer(r"\b(?:the|this|that)\s+([a-z-]+)(?:\s+([a-z-]+))?", question, re.I)
             for w in m.groups() if w}
    asked -= _TIMES  # "for another year" is no other market
    if _ANOTHER.search(question) or re.search(r"\b(?:second|third|new|more|other)\b", question, re.I):
        return False
    others = [m for m in _ANOTHER.finditer(sentence) if base_stem(m.group("noun")) in asked]
    if not others:
        return False
    # Only where every mention of it is the other one ("The dog survived, but another dog was killed": this one too).
    noun = base_stem(others[0].group("noun"))
    return sum(base_stem(w) == noun for w in words(sentence)) == sum(base_stem(m.group("noun")) == noun for m in others)


_TIMES = frozenset(base_stem(w) for w in "year month week day time season term night weekend".split())
_GOING_ON = re.compile(r"^\W*(?:is|are|am)\b(?P<rest>[^?]*)", re.I)
_PAST = re.compile(r"\b(?:last\s+(?:year|month|week|summer|winter|spring|autumn|season)|ago|previously|"
                   r"formerly|(?:in|until)\s+(?:1[0-9]{3}|20[0-9]{2})|between\s+(?:1[0-9]{3}|20[0-9]{2})|"
                   r"until\s+(?:last|recently)|in\s+the\s+(?:1[0-9]|20)\d0s|(?:up\s+to|before)\s+(?:1[0-9]{3}|20[0-9]{2})|"
                   r"until\s+(?:the\s+end\s+of\s+|[A-Z][a-z]+\s+)(?:1[0-9]{3}|20[0-9]{2}))\b", re.I)
_TO_COME = re.compile(r"^\W*(?:will|does|do|can)\b(?P<rest>[^?]*)", re.I)
_PAST_BE = frozenset({"was", "were"})  # "is" and "was" share a stem: the passive's own "was" is no verb asked
_PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "will", "'s", "'re", "being"})


def past_for_now(question: str, sentence: str) -> bool:
    """Does the question ask what is going on now or what will be ("is the bus running?", "will the trains run on
    Sunday?"), the sentence telling its verb only in the past, of a time gone by ("ran ... last year")?"""
    if not _PAST.search(sentence):
        return False
    if m := _GOING_ON.match(question):
        told = words(sentence)
        doing = [w for w in words(m.group("rest")) if w.endswith("ing") and w not in ("going", "being", "nothing")
                 and w not in STOPWORDS]
        # "is the market held on fridays?" / "was held on Fridays until 2020": the passive told only with "was"
        doing += [w for w in words(m.group("rest")) if w not in STOPWORDS and w != base_stem(w) and any(
            t == w and told[i - 1:i] in (["was"], ["were"]) for i, t in enumerate(told))]
    elif m := _TO_COME.match(question):
        # The asked verb is the word the sentence tells in another form ("run" / "ran"); a noun it repeats as asked.
        told = words(sentence)
        doing = [w for w in words(m.group("rest")) if w not in STOPWORDS and w not in told
                 and any(base_stem(t) == base_stem(w) and (t.endswith("ed") or t != base_stem(t) and not t.endswith("s"))
                         for t in told)]  # told in a past form ("ran"), not a plural ("sundays")
    else:
        return False
    if not doing:
        return False
    # The time gone by in the clause of the verb asked ("Trains ran normally on Tuesday, a day after the storm that
    # hit two days ago" tells of Tuesday, not of "ago").
    fronted = re.match(r"\W*(?:[A-Za-z]+\s+){0,3}?(?:" + _PAST.pattern + r")\s*,", sentence, re.I)
    told_in = sentence[:fronted.end() - 1] + sentence[fronted.end():] if fronted else sentence  # "Last year, buses ran"
    clauses = re.split(r"[,;]|\b(?:which|that|who|after|before|when)\b", told_in)
    stems = {base_stem(w) for w in doing}
    own = [c for c in clauses if any(base_stem(w) in stems for w in words(c))]
    if not own or not all(_PAST.search(c) for c in own):
        return False
    told = words(sentence)
    forms = [(i, w) for i, w in enumerate(told) if base_stem(w) in stems]
    # Told only in a simple past ("ran", "operated"): no "-ing", no present or future auxiliary just before it.
    return bool(forms) and all(not w.endswith("ing") and (w.endswith("ed") or w != base_stem(w) and not w.endswith("s"))
                               and not _PRESENT_AUX & set(told[max(0, i - 2):i]) for i, w in forms if w not in _PAST_BE)

