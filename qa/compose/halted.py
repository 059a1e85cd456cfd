"""A thing stopped for now: "Skylark Balloon Flights has stopped all its flights until at least Monday, 1 September"
answers "is skylark still doing flights this week?" No, as "The pub stopped serving food last year" answers "is the pub
still serving food?". Only where the one asked about (or "it"/"they") stopped the very thing asked, told as done ("has
suspended", "halted"), not as wanted or to come ("will stop", "may halt") nor as a past that may have ended ("had
stopped", "stopped … for a week")."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["halted", "halted_in_part"]

_ASKS_GOING_ON = re.compile(r"^\W*(?:is|are|does|do)\s+(?P<who>.+?)\s+(?:still\s+)?(?P<verb>[a-z]+ing|run|runs|do|does|offer|"
                            r"offers|operate|operates|hold|holds|fly|flies)\s+(?P<what>[^?]+?)\s*[?.!]*$", re.I)
_ASKS_BARE = re.compile(r"^\W*(?:is|are)\s+(?P<who>.+?)\s+(?:still\s+)?(?P<verb>[a-z]+ing)\s*[?.!]*$", re.I)
_HALTED = re.compile(r"\b(?:(?P<perfect>has|have)\s+(?:now\s+)?)?(?:stopped|suspended|halted|paused|cancelled|canceled|grounded|axed|"
                     r"scrapped|called\s+off|put\s+on\s+hold)\s+(?:all\s+|every\s+|any\s+)?(?:of\s+)?(?:its\s+|their\s+|"
                     r"the\s+|his\s+|her\s+)?(?:(?P<ing>[a-z]+ing)\s+)?"
                     r"(?P<what>[\w-]+(?:\s+(?!until\b|while\b|for\b|from\b|on\b|in\b|at\b|after\b|because\b|and\b|but\b|"
                     r"to\b|that\b|which\b|with\b|during\b|over\b|pending\b|last\b|this\b|earlier\b|ago\b|since\b|(?:19|20)\d\d\b)"
                     r"[\w-]+){0,2})(?P<rest>[^.;]*)", re.I)
_FOR_NOW = re.compile(r"\s*(?:$|[.;]|,(?!\s*(?:except|apart|other|with|but|save))|\b(?:until|last\s+(?:year|month|week|"
                      r"spring|summer|autumn|winter)\b(?!\s+(?:for|but|and|while))|(?:in\s+)?(?:19|20)\d\d\b(?!\s+(?:for|but|and|while))|while|for\s+now|indefinitely|"
                      r"with\s+immediate\s+effect|pending|following|because|due\s+to|amid|this\s+week|for\s+the\s+(?:rest|time\s+being|summer|winter|spring|autumn|"
                      r"season|holidays?|week|month|year)|as\s+(?:a|the)\b))",
                      re.I)
"""What may follow the thing stopped when all of it is: when and why ("until at least Monday", "while the inquiry goes
on"), not a part of it ("on Sundays", "to Spain", "for new clients", "that clash with the football")."""
_UNDONE = re.compile(r"\b(?:resum\w*|restart\w*|reopen\w*|reinstat\w*|again|since|back|returned|now\s+runs?|"
                     r"denied|denies|deny|untrue|not\s+true|false|reports?|claim\w*|rumou?rs?|not|never|whether|if|"
                     r"fear\w*|unclear|say|says|according|allegedly|reportedly|asked|except|apart\s+from|other\s+than|"
                     r"only|but\s+not)\b", re.I)
"""A halt since lifted ("but brought it back last year"), denied, feared, asked or only reported, or one with an
exception ("except to care homes", "with only emergency cases going ahead"): it settles nothing."""
_DOING = frozenset(base_stem(w) for w in "running doing holding offering operating providing taking".split())
_NOT_DONE = re.compile(r"\b(?:had|would|could|might|may|should|must|will|to|not|never|n't|did|'d|almost|nearly)\s*$", re.I)
_STOPPING = re.compile(r"(?:stop|suspend|halt|paus|cancel|ground|ax|scrap|call)", re.I)
_ANOTHER = re.compile(r"\b(?:a|an|another|other|nearby|neighbouring|rival|sister)\b", re.I)
_HEADS = frozenset(base_stem(w) for w in "service services session sessions".split())
"""A noun after the one asked that only names its kind of thing ("coaching sessions" are coaching)."""
_NOW = frozenset({"now", "still", "today", "week", "weekend", "month", "currently", "anymore", "right"})


def halted(question: str, sentence: str) -> bool:
    """Does the question ask whether someone is (still) doing a thing, the sentence telling that they have stopped,
    suspended or cancelled that very thing, all of it ("has stopped all its flights"), and not that it has started
    again?"""
    return _halt(question, sentence) == "all"


def halted_in_part(question: str, sentence: str) -> bool:
    """Only a kind of the thing asked is stopped ("is the bakery doing deliveries?" / "has stopped Sunday deliveries"):
    neither a Yes nor a No."""
    return _halt(question, sentence) == "part"


def _halt(question: str, sentence: str) -> str:
    if (bare := _ASKS_BARE.match(question)) and re.search(r"\b(?:stopped|halted|suspended|ceased|paused)\s+"
                                                          + re.escape(bare.group("verb")) + r"\b", sentence, re.I):
        return "part"  # "is the ferry still running?" / "The ferry stopped running yesterday because of high winds"
    m = _ASKS_GOING_ON.match(question)
    if m is None or _UNDONE.search(sentence) or _STOPPING.match(m.group("verb")):  # "are police stopping traffic?"
        return ""
    asked = [base_stem(w) for w in words(m.group("what")) if w not in STOPWORDS and w not in _NOW]
    who = {base_stem(w) for w in words(m.group("who")) if w not in STOPWORDS}
    for h in _HALTED.finditer(sentence):
        ing = base_stem(h.group("ing") or "")  # "stopped serving food"; but "cancelled its coaching sessions" is a thing
        stopped = [ing] * (ing in asked) + [base_stem(w) for w in words(h.group("what"))]
        # The doer is the clause's own subject, just before the verb ("The firm said it has …" is the firm's; not
        # "The school said a nearby school has cancelled …").
        before = sentence[:h.start()]
        own = re.split(r"[,;]|\b(?:said|says|that|and|but)\b", before)[-1]
        if _ANOTHER.search(own):
            continue  # "a nearby school has cancelled …": another one
        if re.search(r"\b(?:been|be|being|is|are|was|were|get|gets|got)\s*$", own, re.I):
            continue  # "The warden has been suspended on full pay": the one asked is what was stopped
        if not h.group("perfect") and _NOT_DONE.search(own):
            return "part"  # "had stopped" by then, "would stop", "did not stop": not a halt told as standing now
        pronoun = re.fullmatch(r"\W*(?:it|they)\s*", own, re.I) is not None  # "It has …", "The firm said it has …"
        by_them = not who or who & {base_stem(w) for w in words(own)} or pronoun and (
            own.strip() == before.strip() or who & {base_stem(w) for w in words(before)})
        if not asked or asked[0] not in stopped:
            continue
        if not h.group("perfect"):  # told in the plain past: a stop that stands only as the story's own plain fact
            return "all" if _plain_stop(who, before, h.group("rest"), sentence) and not (
                kinds_of(stopped, asked, m.group("verb"), ing)) else "part"
        if not by_them:
            continue
        return "part" if kinds_of(stopped, asked, m.group("verb"), ing) or not _FOR_NOW.match(h.group("rest")) else "all"
    return ""


def kinds_of(stopped: list[str], asked: list[str], verb: str, ing: str) -> bool:
    """Is what was stopped a kind or a part of what is asked ("Sunday deliveries"; "French exchange trips" are not
    French, "bin collections" the collecting asked), or another deed ("stopped making cars" for "selling cars"; not a
    verb of doing at all, "stopped running flights")?"""
    at = stopped.index(asked[0])
    head = set(stopped[at + 1:]) - set(asked) - _HEADS - {base_stem(verb)}
    return bool(set(stopped[:at]) - set(asked) or head or ing and ing not in asked and ing not in {base_stem(verb), *_DOING})


_FRONTED = re.compile(r"\W*(?:(?:In\s+(?:19|20)\d\d|Last\s+(?:year|month|week|spring|summer|autumn|winter)|Earlier\s+this\s+"
                      r"(?:year|month))\s*,?\s*)?(?:the\s+)?(?P<subject>[^,;]*?)\s*$", re.I)
_PAST_POINT = re.compile(r"\s*(?:(?:last\s+(?:year|month|week|spring|summer|autumn|winter)|in\s+(?:19|20)\d\d|"
                         r"(?:[\w-]+\s+){1,2}ago)\s*)?(?:$|\.\s*$|,\s*(?:the\s+)?[\w'’ -]{1,40}?\s+said\s*\.?\s*$)", re.I)
_WHILE = re.compile(r"\b(?:briefly|temporarily|for\s+(?:a|an|two|three|several|some|the)\b|while|until|during|pending|when|then|"
                    r"before|after|return\w*|now|again|reversed|other|another|sister|next\s+door)\b", re.I)


def _plain_stop(who: set[str], before: str, rest: str, sentence: str) -> bool:
    """A stop told in the plain past stands now only as the sentence's own fact: it opens with the very one asked ("The
    pub stopped …", "In 2015 the firm stopped …", no one else's, no one's report of it), and ends with no more than a
    time gone by and who said so ("last year, the landlord said"); nothing that it was for a while or has changed."""
    subject = _FRONTED.fullmatch(before)
    return subject is not None and {base_stem(w) for w in words(subject.group("subject")) if w not in STOPWORDS} == who \
        and bool(who) and _PAST_POINT.match(rest) is not None and not _WHILE.search(sentence)
