"""What came next (or just before) an event the question names: the article's next dated event, or what the
sentence itself goes on to tell."""
from __future__ import annotations

import datetime as dt
import re

from lang.dates import find_dates
from lang.paraphrase import covered
from lang.rules import is_reporting
from lang.words import STOPWORDS, terms, words
from qa.compose.compose import Draft
from qa.types import Level, Route

from . import timeline
from .article import ArticleDoc, Line
from .by_the_clock import next_by_clock
from .cite import Citer, SkillAnswer, clip


def came_after(docs: list[ArticleDoc], event: str, before: bool) -> SkillAnswer | None:
    """What came after (before) the event the question names: the sentence of these articles that names it best
    (most of its terms, and of as many, the one that names it as asked: "The cull began", not "will be culled"),
    then what came next. None when no sentence names half of it."""
    wanted, said = set(terms(event)), set(words(event)) - STOPWORDS
    if not wanted:
        return None
    best: tuple[float, ArticleDoc, Line] | None = None
    shares: list[tuple[float, ArticleDoc, Line]] = []
    for doc in docs:
        for line in (ln for ln in doc.lines if not doc.is_headline(ln)):  # a headline is no one event
            share = len(wanted & set(terms(line.text))) / len(wanted) + 0.01 * len(said & set(words(line.text)))
            shares.append((share, doc, line))
            if best is None or share > best[0]:
                best = (share, doc, line)
    if best is None or best[0] < 0.5:
        return None
    _, doc, anchor = best
    dated = {e.line.number for e in timeline.events(doc)}
    if anchor is _lead(doc) and anchor.number not in dated:
        # The lead sums the story up ("Wall paintings … have been found"); the event itself is told just after it, dated
        # ("The paintings were discovered on Monday, 13 January"): that one, where it names half of it.
        told = [(share, line) for share, d, line in shares if d is doc and line.number in dated and share >= 0.5 and
                0 < line.number - anchor.number <= 2 and not _ANOTHER_TIME.search(line.text)]
        anchor = max(told, key=lambda t: (t[0], -t[1].number))[1] if told else anchor
    return what_came(doc, anchor, wanted, before)


_ANOTHER_TIME = re.compile(r"\b(?:similar|another|other|previous|previously|earlier|same|will|would|is\s+to|are\s+to|due|"
                           r"expected|planned|set\s+to|last\s+year|years?\s+ago)\b|^\W*In\s+(?:19|20)\d\d\b", re.I)
"""Another event of the kind, or one still to come ("Similar paintings were found … in 1998", "will go on show"): not
the event the lead sums up."""


def _lead(doc: ArticleDoc) -> Line | None:
    return next((ln for ln in doc.lines if not doc.is_headline(ln)), None)


def to_come_after(docs: list[ArticleDoc], event: str) -> SkillAnswer | None:
    """"What happens after the branch shuts?": the sentences that tell what is to come once it has happened ("The
    cash machine will be removed when the branch closes"), up to two, in article order; None when none does."""
    wanted = set(terms(event))
    if not wanted:
        return None
    for doc in docs:
        found = [ln for ln in doc.lines if not doc.is_headline(ln) and _TO_COME.search(ln.text) and any(
            covered(wanted, terms(" ".join(ln.text[m.end():].split()[:6]))) for m in _ONCE.finditer(ln.text))]
        if found:
            citer = Citer()
            told = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in found[:2])
            return SkillAnswer(Draft(f"After that, the article says: {told}", tuple(citer.citations), Route.TIMELINE),
                               level=Level.LIKELY, confidence=0.5)
    return None


_ONCE = re.compile(r"\b(?:after|once|when|following)\b", re.I)
_TO_COME = re.compile(r"\b(?:will|would|is\s+to|are\s+to|is\s+due|are\s+due|can|could)\b", re.I)


def what_came(doc: ArticleDoc, anchor: Line, wanted: set[str], before: bool) -> SkillAnswer | None:
    """The answer to "what happened after (before) <the event in `anchor`>"; `wanted`: the event's terms."""
    mine, step = timeline.after(doc, anchor, before=before)
    citer = Citer()
    if not before and (step is None or step.line.number != anchor.number) and timeline.tells_what_followed(
            anchor.text, wanted):
        n = citer.cite(doc, anchor)
        return SkillAnswer(Draft(f"Next, the article says: {anchor.text.strip()} [{n}]", tuple(citer.citations),
                                 Route.TIMELINE), level=Level.LIKELY, confidence=0.5)
    following = doc.lines[anchor.number + 1] if anchor.number + 1 < len(doc.lines) else None
    told_on = not before and following is not None and same_passage(following, anchor) and (
        timeline.goes_on(following.text) or _carries_on(following.text) or narrates(following.text))
    if told_on:
        mine = None  # "The cull began on Thursday. The sheds will then be cleaned ...": the next sentence says it
    if not before and (clocked := next_by_clock(doc, anchor, MAX_AFTER)) is not None:
        return clocked  # a day told by the clock: what came later that day, in time order
    if mine is None:  # the event is not dated: what the article tells next (or just before)
        k = anchor.number + (-1 if before else 1)
        if not 0 <= k < len(doc.lines):
            return None
        shown = [doc.lines[k]]
        after = doc.lines[k + 1] if told_on and k + 1 < len(doc.lines) else None
        if after is not None and same_passage(after, anchor) and narrates(after.text):
            shown.append(after)  # "A boulder struck her, breaking her leg. She was carried off the hill …"
        told = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in shown)
        a = citer.cite(doc, anchor)
        word = "Before that" if before else "Next"
        return SkillAnswer(Draft(f"{word}, the article says: {told} (after “{clip(anchor.text)}” [{a}])",
                                 tuple(citer.citations), Route.TIMELINE), level=Level.LIKELY, confidence=0.5)
    if step is None:
        n = citer.cite(doc, anchor, role="closest")
        word = "before" if before else "after"
        text = (f"The article doesn't say what happened {word} that: it reports no later event. "
                f"The event you mean is [{n}], shown for reference.") if not before else (
                f"The article doesn't say what happened before that. The event you mean is [{n}], shown for "
                f"reference.")
        return SkillAnswer(Draft(text, tuple(citer.citations), Route.ABSTAIN), level=Level.REFUSED,
                           confidence=0.0, reason=f"no dated event {word} the one asked about")
    shown = [e for e in (timeline.same_day(doc, step) if before else timeline.following(doc, step, MAX_AFTER))
             if e is step or e.line.number != anchor.number]
    if len({e.date.value for e in shown}) > 1:  # the aftermath over several days, in date order
        anchor_n = citer.cite(doc, anchor)
        rows = "\n".join(f"- {timeline.label(e)}: {e.line.text.strip()} [{citer.cite(doc, e.line)}]" for e in shown)
        text = f"After {timeline.label(mine)} [{anchor_n}], the article tells, in date order:\n{rows}"
        return SkillAnswer(Draft(text, tuple(citer.citations), Route.TIMELINE))
    told = " ".join(f"{e.line.text.strip()} [{citer.cite(doc, e.line)}]" for e in shown)
    anchor_n = citer.cite(doc, anchor)
    word, relation = ("Before", "before") if before else ("Next", "after")
    text = f"{word}, {timeline.label(step)}: {told} ({relation} {timeline.label(mine)} [{anchor_n}])"
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.TIMELINE))


def _carries_on(text: str) -> bool:
    """Does the sentence go on with the one before it, undated, its doer a pronoun ("In 2020, he apologised after
    …" / "He repaid £1,900 …") or what was done pointed back to ("That plan was dropped …"): what came of it, not
    what was said of it?"""
    return _ITS_DOER.match(text) is not None and not find_dates(text, None)


_ITS_DOER = re.compile(r"^\s*(?:(?:He|She|They)\s+(?!(?:said|says|added|told|tells|also\s+said|is|are|was|were|has|have|"
                       r"had|will|would|can|could|may|might|believes?|thinks?|wants?|hopes?)\b)[a-z]+\b|"
                       r"(?:That|This|The)\s+(?:plan|move|deal|bid|idea|proposal|scheme|offer|attempt|sale)\s+(?:was|were)\s+"
                       r"[a-z]+(?:ed|en)\b)")


def narrates(text: str) -> bool:
    """Does the sentence tell, undated, a deed done in the past to someone the sentence before named, pointed back to
    by a pronoun ("A loose boulder struck her …", "She was carried off the hill …"): the story going on, not what was
    said of it ("She said …"), a state ("She was 34") or what came before ("He was previously convicted …")?"""
    if find_dates(text, _ANY_DAY) or not _PRONOUN.search(text) or _BACKGROUND.search(text):  # "on Monday": a date
        return False
    from lang.tagging import parse  # spaCy only for "and then?"

    root = next((t for t in parse(text) if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or is_reporting(root.text) or root.tag_ not in ("VBD", "VBN"):
        return False
    if root.tag_ == "VBN" and not any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in root.children):
        return False  # "She had joined in 2017": told from before, not next
    if root.lemma_.lower() in _WHAT_THEY_WERE:
        return False  # "He was known to regulars as a gentle giant": who they were, not what befell them
    # Done to them ("struck her", "She was carried off"): what they did themselves may be their story before it ("He
    # bought the pub with his wife").
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in _PRONOUNS for c in root.children)


_ANY_DAY = dt.date(2000, 1, 1)
_WHAT_THEY_WERE = frozenset("""know love like remember describe regard consider think believe raise bear educate marry
name nickname base employ train qualify honour honor bring survive adore respect adopt grow""".split())
_BACKGROUND = re.compile(r"\b(?:previously|earlier|already|once|formerly|before|had|years?\s+ago)\b", re.I)
"""Told from before the event, not after it ("He was previously convicted of assault")."""
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them)\b", re.I)


def same_passage(a: Line, b: Line) -> bool:
    return a.passage is not None and b.passage is not None and a.passage.id == b.passage.id


MAX_AFTER = 4
""""What happened after X" shows up to this many of the events that followed it, the next one first."""
