"""What caused a thing, asked as people ask it ("what caused the outbreak?", "what was the cause of the fire?", "what
led to the closure?"): the sentence that names the cause of that thing (qa/skills/causes.py), else the one sentence
that gives "the most likely cause" with the thing left unsaid, where its paragraph or the story speaks of the thing.
Likely: whose account it is, the sentence may not say."""
from __future__ import annotations

import re

from lang.words import roots
from qa.compose.clauses import parse_fast
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .causes import DOUBTED, LITTLE, reason_named
from .cite import Citer, SkillAnswer
from .sequence import same_passage

__all__ = ["asks_cause", "caused"]

_ASKS = re.compile(r"^\s*(?:and\s+|so\s+)?wh?at(?:\s+(?:caused|causes|triggered|sparked|led\s+to|(?:was|is)\s+behind)|"
                   r"(?:\s+(?:was|is)|['’]s)\s+the\s+(?:(?:most\s+)?likely\s+|main\s+|probable\s+|root\s+)?cause\s+of)"
                   r"\s+(?P<thing>[^?]+?)\s*[?.!]*\s*$", re.I)
_BARE = re.compile(r"\b(?:the|its)\s+(?:(?:most\s+)?(?:likely|probable)\s+|main\s+|chief\s+|root\s+|underlying\s+|"
                   r"immediate\s+)?cause\s+(?:was|is|had\s+been|has\s+been)\s+(?!not\b|never\b|unknown|unclear|still\b|"
                   r"yet\b|being\b|under\b|to\s+be\b|a\s+mystery|a\s+matter|likely\s+to|thought\b|believed\b|"
                   r"\w+ed\b(?=\s*(?:as|by|to|in|at|[.,;]|$))|known\b|shown\b)", re.I)
"""A cause told with its thing left to the paragraph ("said the most likely cause was contact with wild birds"); not
one still unknown, only known to someone, or someone's business ("the cause is a matter for police", "has been
identified")."""


def asks_cause(question: str) -> str | None:
    """The thing whose cause is asked ("the outbreak" of "what caused the outbreak?"), or None."""
    m = _ASKS.match(question)
    return m.group("thing") if m else None


def caused(docs: list[ArticleDoc], thing: str) -> SkillAnswer | None:
    """The sentence that names the cause of the thing, or the one that gives a cause with the thing unsaid; None when
    none does, or more than one gives a bare cause in an article."""
    asked = roots(thing) - LITTLE
    if not asked:
        return None
    for doc in docs:
        if (found := reason_named(doc, asked, set(), set())) is not None:
            return found
        if (found := _began_when(doc, thing, asked)) is not None:
            return found
        bare = [ln for ln in doc.lines if _BARE.search(ln.text) and not DOUBTED.search(ln.text)]
        if len(bare) != 1:
            continue
        line = bare[0]
        # The thing told in the sentence, or named in the one after it as what a deed came before or after ("… in the
        # days before the outbreak", not "The cull was delayed …" for "what caused the delay?"), or the one
        # before it when that tells one event only ("The fire broke out at 2am."; not "homes were flooded …, and
        # 3,000 homes lost power": which one's cause?).
        near = roots(line.text)
        after = doc.lines[line.number + 1] if line.number + 1 < len(doc.lines) else None
        if after is not None and same_passage(after, line):
            near |= {r for t in parse_fast(after.text) if t.dep_ == "pobj" for r in roots(t.text)}  # "before the outbreak"
        before = doc.lines[line.number - 1] if line.number > 0 else None
        if before is not None and _one_event(before.text):
            near |= roots(before.text)
        if not asked <= near:
            continue
        citer = Citer()
        return SkillAnswer(Draft(f"{line.text.strip()} [{citer.cite(doc, line)}]", tuple(citer.citations),
                                 Route.EXTRACTIVE), Level.LIKELY, 0.6)
    return None


_HEAD = re.compile(r"^\s*(?:the\s+|its\s+|this\s+|that\s+)?(?P<head>(?:[\w'’-]+\s+){0,3}?[\w-]+?)(?:s)?(?=\s+(?:at|in|on|of|"
                   r"for|near|outside|inside|across|from|to|during|last|this|that|which)\b|\s*$)", re.I)
_BEGAN = (r"(?:s)?\s+(?:(?:began|started|happened|occurred|broke\s+out)\s+when\s+(?:a|an)\s+(?!(?:man|woman|boy|girl|"
          r"person|child|resident|neighbour|family|couple|group|few|number|lot)\b)[\w-]+(?:\s+[\w-]+){0,10}?\s+"
          r"(?:[a-z]+ed|went|hit|struck|caught|fell|broke|blew|burst|came|ran|set|cut|tore|gave\s+way)\b|"
          r"was\s+(?:caused|triggered|sparked)\s+by)")
"""Its start told by a thing that set it off ("began when a digger … went through a cable", "was caused by"), not by
a time or by where people were ("broke out after the family had gone to bed", "started when the miller was away")."""


def _began_when(doc: ArticleDoc, thing: str, asked: set[str]) -> SkillAnswer | None:
    """"The cut began when a digger … went through an underground cable" answers "what caused the power cut at the
    hospital?": the thing (its last word, "cut") the subject of "began / started / broke out when …", its words told in
    that sentence's passage. Only one such sentence in the article."""
    m = _HEAD.match(thing)
    if m is None:
        return None
    head = re.escape(m.group("head").split()[-1])
    told = re.compile(rf"^\W*(?:the|its|this|that)\s+(?:[\w-]+\s+){{0,2}}?{head}{_BEGAN}", re.I)
    found = [ln for ln in doc.lines if told.search(ln.text) and not DOUBTED.search(ln.text)]
    if len(found) != 1:
        return None
    line = found[0]
    near = set().union(*(roots(ln.text) for ln in doc.lines if ln is line or same_passage(ln, line)))
    if not asked <= near:
        return None
    citer = Citer()
    return SkillAnswer(Draft(f"{line.text.strip()} [{citer.cite(doc, line)}]", tuple(citer.citations), Route.EXTRACTIVE),
                       Level.LIKELY, 0.6)


def _one_event(text: str) -> bool:
    """Does the sentence tell one deed, not two joined ("… were flooded, and 3,000 homes lost power")?"""
    return sum(t.dep_ == "ROOT" or t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               for t in parse_fast(text)) == 1
