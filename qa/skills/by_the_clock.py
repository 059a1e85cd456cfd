"""What came next in a day the article tells by the clock ("spotted at about 6.20am", "arrived at 7.05am", "closed
the car park at midday", "done at 9.35pm"): the events after the one asked about, in time order, until the article
moves to another day."""
from __future__ import annotations

import re

from lang.dates import find_dates
from qa.compose.compose import Draft
from qa.types import Route

from .article import ArticleDoc, Line
from .cite import Citer, SkillAnswer, clip

__all__ = ["clock_times", "next_by_clock"]

_CLOCK = re.compile(r"\b(?P<h>\d{1,2})(?:[.:](?P<m>[0-5]\d))?\s?(?P<ap>am|pm|a\.m\.|p\.m\.)(?!\w)|"
                    r"\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s?(?:am|pm))|\b(?P<noon>midday|noon)\b", re.I)
_NEXT_DAY = re.compile(r"\b(?:the\s+next\s+(?:day|morning)|overnight|the\s+following\s+(?:day|morning)|"
                       r"(?:on|by|until|from)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                       r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:morning|afternoon|evening|"
                       r"night))\b", re.I)
"""The article moving to another day: its clock times after it are of that day."""
_NOT_THEN = re.compile(r"\b(?:due|expected|hoped|planned|scheduled|will|would|is\s+to|are\s+to|usually|normally|"
                       r"typically|every|the\s+night\s+before|the\s+day\s+before|the\s+previous\s+(?:night|evening|day)|"
                       r"the\s+evening\s+before|earlier|had\s+\w+ed|had\s+been)\b", re.I)
"""A time of what is still to come ("due at 7.48pm", "will reopen at 6pm"), of what is usual ("usually opens at"), or of
the day before ("at 10pm the night before", "had locked up at 6pm"): no event later that day."""


def clock_times(text: str) -> list[tuple[int, str]]:
    """The times of day the text tells, as (minutes after midnight, as written), in text order."""
    out = []
    for m in _CLOCK.finditer(text):
        if m.group("noon"):
            out.append((12 * 60, m.group(0)))
        elif m.group("h24") is not None:
            out.append((int(m.group("h24")) * 60 + int(m.group("m24")), m.group(0)))
        else:
            h = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
            if int(m.group("h")) <= 12:
                out.append((h * 60 + int(m.group("m") or 0), m.group(0)))
    return out


def next_by_clock(doc: ArticleDoc, anchor: Line, limit: int) -> SkillAnswer | None:
    """The events told by the clock after the anchor's own time, later in the same day, in time order (up to
    `limit`); None when the anchor tells no time of day, or fewer than two later times are told that day."""
    told = clock_times(anchor.text)
    if not told:
        return None
    start = told[0][0]
    later: list[tuple[int, str, Line]] = []
    for line in doc.lines[anchor.number + 1:]:
        if _NEXT_DAY.search(line.text) or find_dates(line.text, None):
            break  # another day: its times are not later than the anchor's
        # Past midnight, a night's small hours come after its evening ("called at 11.40pm … the roof fell at 1.15am").
        times = [(t + (24 * 60 if start >= 18 * 60 and t <= 6 * 60 else 0), said) for t, said in clock_times(line.text)]
        times = [t for t in times if t[0] > start]
        if times and not _NOT_THEN.search(line.text):
            later.append((times[0][0], times[0][1], line))
    if len(later) < 2:
        return None
    later.sort(key=lambda t: t[0])
    citer = Citer()
    a = citer.cite(doc, anchor)
    rows = "\n".join(f"- {said}: {line.text.strip()} [{citer.cite(doc, line)}]" for _, said, line in later[:limit])
    text = f"After {told[0][1]} (“{clip(anchor.text)}” [{a}]), the article tells, by the clock:\n{rows}"
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.TIMELINE))
