"""The article's dated events in date order: each sentence that dates something, its date resolved (a relative
date against the article's date or the date told just before it: "the next day", "a month later")."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from lang.dates import MONTH, YEAR, DateMention, anchors, find_dates, guessed_year, is_dateline
from lang.words import is_number, terms

from .article import ArticleDoc, Line


@dataclass(frozen=True)
class Event:
    line: Line
    date: DateMention
    """The date as the sentence writes it, with source offsets (start/end are into the article's text)."""
    also: tuple[DateMention, ...] = ()
    """The sentence's other dates ("on Sunday and ... the next day"): an event asked about by one of them is
    this sentence too."""

    @property
    def key(self) -> tuple:
        return self.date.value, self.line.number


def events(doc: ArticleDoc) -> list[Event]:
    """One event per dated sentence (its first date), in date order (computed once per article version)."""
    return doc.derived("events", _build)


def _build(doc: ArticleDoc) -> list[Event]:
    out: list[Event] = []
    previous: DateMention | None = None
    reference, year_known = doc.reference
    for line in doc.lines:
        found = find_dates(line.text, reference, previous)
        if line.number < 3 and found and is_dateline(line.text, found[0]):
            found = found[1:]  # the date line dates the article, not its first event
        if not year_known:
            found = [guessed_year(d) for d in found]
        # "“Six months ago we did not know …,” she said": a speaker's loose look back, no event's date
        found = [d for d in found if not (d.relative and _in_quote(line.text, d.start))]
        if not found:
            continue
        dated = [d for d in found if anchors(line.text, d, reference)]
        previous = dated[-1] if dated else previous or found[-1]
        placed = [replace(d, start=line.start + d.start, end=line.start + d.end) for d in found]
        out.append(Event(line, placed[0], tuple(placed[1:])))
    return sorted(out, key=lambda e: e.key)


def _in_quote(text: str, at: int) -> bool:
    """Is the position inside quotation marks (curly, or straight ones opened and not yet closed)?"""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def on(doc: ArticleDoc, asked: DateMention) -> list[Event]:
    """The events on the asked date (a day, a month or a year), each dated by its date that falls on it."""
    found = []
    for e in events(doc):
        match = next((d for d in (e.date, *e.also) if _within(d, asked)), None)
        if match is not None:
            found.append(Event(e.line, match, e.also))
    return sorted(found, key=lambda e: e.key)


def _within(d: DateMention, asked: DateMention) -> bool:
    if asked.precision == YEAR or d.precision == YEAR:
        return d.value.year == asked.value.year
    if asked.precision == MONTH or d.precision == MONTH:
        return (d.value.year, d.value.month) == (asked.value.year, asked.value.month)
    return d.value == asked.value


def after(doc: ArticleDoc, anchor: Line, before: bool = False) -> tuple[Event | None, Event | None]:
    """(the anchor's event, the event that came next — or just before), None where the article has none."""
    evs = events(doc)
    mine = next((e for e in evs if e.line.number == anchor.number), None)
    if mine is None:
        return None, None
    # The sentence may tell what came next itself ("recommended it in January 2022, but a month later ..."); not
    # what it planned for after the article's day ("agreed to raise the levy from next March"): that has not happened.
    today = doc.reference[0]
    own = [d for d in mine.also if (d.value < mine.date.value if before else mine.date.value < d.value and (
        today is None or d.value <= today))]
    if own:
        return mine, Event(mine.line, own[-1] if before else own[0], mine.also)
    i = evs.index(mine)
    others = evs[:i][::-1] if before else evs[i + 1:]
    # The same event told twice ("on September 28" and "a month later") is not what came next.
    # A relative date told just after the event ("The next day, ...") counts from it, so it comes after it.
    step = next((e for e in others if (not _within(e.date, mine.date) and not _within(mine.date, e.date)) or (
        not before and e.date.relative and 0 < e.line.number - mine.line.number <= 2)), None)
    return mine, step


def same_day(doc: ArticleDoc, step: Event, limit: int = 3) -> list[Event]:
    """`step` and the article's other events on exactly its date, in article order: what happened next is
    often several things told on the same day."""
    alike = [e for e in events(doc) if e.date.precision == step.date.precision and e.date.value == step.date.value]
    return sorted(alike, key=lambda e: e.line.number)[:limit] if step in alike else [step]


def following(doc: ArticleDoc, step: Event, limit: int, within: dt.timedelta = dt.timedelta(days=31)) -> list[Event]:
    """`step` and the events after it in date order, `limit` in all, each within `within` of `step` (the
    aftermath, not the rest of the article's story)."""
    evs = events(doc)
    if step not in evs:
        return same_day(doc, step, limit)
    return [e for e in evs[evs.index(step):] if e.date.value - step.date.value <= within][:limit]


_THEN = re.compile(r"\b(?:afterwards?|subsequently|thereafter|since then|then|later)\b", re.I)


def goes_on(text: str) -> bool:
    """Does the sentence say it comes after the one before it ("The sheds will then be cleaned", "Afterwards, ...";
    not "since then", "by then")?"""
    return _NEXT.search(text) is not None or any(
        is_number(m.group("n")) or m.group("n").lower() in ("a", "an", "few", "several") for m in _LATER.finditer(text))


_NEXT = re.compile(r"(?<!since )(?<!until )(?<!till )(?<!by )(?<!back )(?<!was )(?<!is )\b(?:then|afterwards?|after that|"
                   r"subsequently|thereafter)\b(?!\s*,?\s*(?:he|she|they|it)\s+(?:said|added))"
                   r"|^\s*(?:the\s+)?(?:next|following)\s+(?:day|morning|week|month)\b", re.I)
_LATER = re.compile(r"\b(?P<n>[\w-]+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+later\b(?!\s+than)", re.I)
"""A sentence that comes after the one before it: "then", "afterwards"; "A week later", "… about eight hours later"
(not "two years later than planned"); opened by "The next day"."""


def tells_what_followed(text: str, event_words: set[str]) -> bool:
    """Does the sentence go on, past the event asked about, to what came of it ("Cyclone Hela killed 200 people,
    and the government afterwards promised ...")?"""
    last = max((m.end() for m in re.finditer(r"[\w'’-]+", text) if set(terms(m.group(0))) & event_words), default=-1)
    return last >= 0 and _THEN.search(text, last) is not None


def label(event: Event) -> str:
    """"August 23, 2023 (“the next day”)" for a resolved date; the date as written otherwise."""
    if not event.date.year_known and _FROM_THE_DAY.search(event.date.text):
        return event.date.text  # "this week" of an article whose day is a guess: no month made up for it
    shown = event.date.label()
    if event.date.relative and shown.lower() not in event.date.text.lower():
        return f"{shown} (“{event.date.text}”)"
    if event.date.precision == YEAR:  # "2019-2020" as written
        return re.sub(r"^(?:in|since|by|until|of|from)\s+", "", event.date.text, flags=re.I)
    return shown


_FROM_THE_DAY = re.compile(r"\b(?:this|last|next)\s+(?:week|month|year)\b|\b(?:today|tonight|yesterday)\b|\bago\b", re.I)
"""Words that count from the article's own day."""


def parse_asked(text: str, doc: ArticleDoc) -> DateMention | None:
    """The date a question asks about, read as the article would write it."""
    reference, year_known = doc.reference
    found = find_dates(text, reference) or find_dates(f"in {text}", reference)  # "what happened in 2020": "2020"
    if not found:
        return None
    return found[0] if year_known else guessed_year(found[0])
