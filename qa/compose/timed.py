"""Questions of a time: "when does the merger happen?" answered by a sentence that dates every word asked ("will
merge … from next April"; a thing stopped "until 3 November" dates when it resumes), and "how did X do last
season?" by one that names X in that time."""
from __future__ import annotations

import re

from lang.paraphrase import covered
from lang.rules import has_date
from lang.tagging import base_terms
from lang.words import names, stem, terms
from qa.question import Question

__all__ = ["FARED", "fared_in", "time_of"]

_EVENT_WORDS = frozenset(stem(w) for w in "happen occur take place actually exactly really finally".split())
_RESUMED = frozenset(stem(w) for w in "resume restart reopen return continue".split())
_UNTIL = re.compile(r"\b(?:adjourn|suspend|paus|postpon|halt|clos|shut|stopp)\w*\s+(?:the\s+|its\s+|their\s+)?"
                    r"(?P<thing>[\w'’-]+)\s+until\s+(?P<when>[^,.;]+)|\b(?P<kept>[\w'’-]+)\s+(?:will|would|is\s+to|is|are)\s+"
                    r"(?:stay|remain|be|being)?\s*(?:closed|shut|suspended|adjourned|paused)\s+until\s+"
                    r"(?P<till>[^,.;]+)", re.I)
"""A thing stopped until a time ("adjourned the inquest until 3 November", "the pool will stay closed until May"):
then it resumes."""


def time_of(asked: set[str], sentence: str) -> bool:
    """Does a sentence that gives a time speak of every word "when" asks about ("When does the merger actually
    happen?" / "... will merge into a single organisation from next April"), but for the words that only ask
    for the time of an event ("happen", "take place") or stress the question ("actually"), and for a "resume"
    the sentence says by what stops until then ("when does the inquest resume?" / "adjourned the inquest until
    3 November")?"""
    asked = asked - _EVENT_WORDS - (_RESUMED if _stopped_until(asked, sentence) else frozenset())
    said = set(terms(sentence)) | set(base_terms(sentence))
    return bool(asked) and all(covered({a}, said) for a in asked)


_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|easter|new\s+year|"
                  r"next\s+(?:week|month|year))\b", re.I)
_DONE_BY = re.compile(r"\b(?:is|are|has|have)\s+(?:been\s+)?(?:completed?|done|finished|made|carried\s+out)\b", re.I)
"""A date that is only when something else is done ("until a survey is completed in March")."""


def _stopped_until(asked: set[str], sentence: str) -> bool:
    """Is a thing asked about stopped until a date ("adjourned the inquest until 3 November"): the thing right after
    the verb, or its subject, and a date after "until" (not "until the council decides its future")?"""
    for m in _UNTIL.finditer(sentence):
        thing, when = m.group("thing") or m.group("kept"), m.group("when") or m.group("till")
        if stem(thing.lower()) in asked and (has_date(when) or _DAY.search(when)) and not _DONE_BY.search(when):
            return True
    return False


FARED = re.compile(r"^\s*how\s+(?:did|does|do|has|have|is|are|was|were)\s+(?P<x>[^?]+?)\s+(?:do|doing|done|fare|fared|"
                   r"faring|perform|performed|performing)\b(?P<when>[^?]*?)\s*\??\s*$", re.I)
""""How did X do last season?", "how is the company doing?": how someone or something did, in the time asked."""


def fared_in(q: Question, when: str, sentence: str) -> bool:
    """Does the sentence speak of whom the question names (the last word of each name) in the time it asks ("Ashby,
    whose side finished ninth in League One last season" for "how did Kevin Ashby's team do last season")? A
    question that names no one is left to the judge: "the team" may be any team."""
    said = set(terms(sentence))
    named = names(q.text)  # also those a follow-up took from the chat: "how did his team do?" after "who is Ashby?"
    return bool(named) and all(terms(n)[-1:] and terms(n)[-1] in said for n in named) and set(terms(when)) <= said
