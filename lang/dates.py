"""Dates written in news text, absolute ("September 28, 2023", "January 2017", "in 2019") and relative ("the
next day", "a month later", "on Tuesday", "last year"), resolved to calendar dates against the article's date
or the date last mentioned before them."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

DAY, MONTH, YEAR = "day", "month", "year"

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
_MONTH = r"(?P<month>%s)\b\.?" % "|".join(sorted(_MONTHS, key=len, reverse=True))  # not "this dec(ision)"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_COUNT = r"(?P<count>\d{1,2}|%s)" % "|".join(_NUMBERS)
_UNIT = r"(?P<unit>day|week|month|year)s?"

# Longest forms first: one span is read once, by the first pattern that claims it.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3][0-9])\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?\d)", re.I)),
    ("dm", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>1[0-9]{{3}}|20[0-9]{{2}})\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|by|until|early|late|mid-?|last|this)\s+{_MONTH}(?!\s*\d)", re.I)),
    ("range", re.compile(r"\b(?P<year>1[0-9]{3}|20[0-9]{2})\s*[-–—/]\s*(?:1[0-9]{3}|20[0-9]{2}|[0-9]{2})\b")),
    ("year", re.compile(r"\b(?:in|since|by|until|of|from|early|late|mid-?)\s+(?P<year>1[0-9]{3}|20[0-9]{2})\b(?!s)", re.I)),
    ("later", re.compile(rf"\b(?:(?P<next>the\s+(?:next|following)\s+(?P<nunit>day|week|month|year))|{_COUNT}\s+{_UNIT}\s+"
                         rf"(?P<dir>later|after(?:wards?)?|earlier|before)|(?P<prev>the\s+(?:previous|preceding)\s+"
                         rf"(?P<punit>day|week|month|year)|the\s+day\s+before))\b", re.I)),
    ("ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tonight|(?:last|this|next)\s+(?:week|month|year))\b", re.I)),
    ("weekday", re.compile(r"\b(?P<prep>on|last|this|next)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    """A date in a text: `text == source[start:end]`, and the calendar date it stands for."""

    start: int
    end: int
    text: str
    value: dt.date
    precision: str
    """DAY, MONTH or YEAR: how much of `value` the text gives."""
    relative: bool
    """Resolved against another date (the article's, or one mentioned before it)."""
    year_known: bool = True
    """False where the year is a guess (an article dated "Nov. 14" without a year): the label leaves it out."""

    def label(self) -> str:
        """The date as a reader wants it: "2023-08-23", "January 2017", "2019"."""
        if self.precision == YEAR:
            return str(self.value.year)
        if not self.year_known:
            if _WEEKDAY_WORD.search(self.text):  # which day of the month depends on the year
                return _WEEKDAY_WORD.search(self.text).group(0).capitalize()
            if self.precision == MONTH:
                return calendar.month_name[self.value.month]
            return f"{calendar.month_name[self.value.month]} {self.value.day}"
        if self.precision == MONTH:
            return f"{calendar.month_name[self.value.month]} {self.value.year}"
        return f"{calendar.month_name[self.value.month]} {self.value.day}, {self.value.year}"


_WEEKDAY_WORD = re.compile(r"\b(?:%s)\b" % "|".join(_WEEKDAYS), re.I)
_WRITTEN_YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b")


def dateline(head: str, today: dt.date) -> tuple[dt.date, bool] | None:
    """The date an undated article gives at its top ("CALLOWAY, Nov. 14 (Wire) —", "Updated 3:05 PM, May 20,
    2023"), and whether it writes the year; without one, the year is the latest that does not put the date
    after `today` (the day the article was added). None when its first lines give no such date."""
    for line in [ln for ln in head.splitlines() if ln.strip()][:3]:
        for d in find_dates(line[:120], today):
            if is_dateline(line, d):
                written = bool(_WRITTEN_YEAR.search(d.text))
                if not written and d.value > today:  # an article is not dated after the day it was added
                    return _shift(d.value, "year", -1), False
                return d.value, written
    return None


def is_dateline(line: str, mention: DateMention) -> bool:
    """Does the mention date the article at the top of a line ("CALLOWAY, Nov. 14 (Wire) —") rather than an
    event in a sentence ("What happened on May 2, 2020")?"""
    head = line[line.rfind("\n", 0, mention.start) + 1:mention.start]  # a headline may share its text
    return (mention.precision == DAY and not mention.relative and len(head) <= 80
            and re.search(r"(?:^|\s)[a-z]", head) is None)


def planned(text: str, mention: DateMention, reported: bool = True) -> bool:
    """Is the date one the text's clause plans for rather than one something happened on ("is due to end on
    Sunday", "will ballot members in April")? With `reported`, a plan told with "would" counts too ("said the
    union would ballot in April"), though such a plan may since have happened ("he would visit on August 22")."""
    clause = re.split(r"[,;:]", text[:mention.start])[-1]
    return _PLANNED.search(clause) is not None or reported and re.search(r"\bwould\b", clause, re.I) is not None


def anchors(text: str, mention: DateMention, published: dt.date | None) -> bool:
    """Can "the next day" or "two weeks later" count from this date? Not from a year named in passing, nor from a
    date still to come: planned, or after the article ("would fall from nine to six from 1 April")."""
    return mention.precision != YEAR and not planned(text, mention, reported=False) and (
        published is None or mention.value <= published)


_FORWARD = {"weekday": ("week", 1), "month": ("year", 1)}
"""How far a weekday or a month said without a year moves when the clause plans for it."""
_PLANNED = re.compile(r"\b(?:will|shall|is\s+due|are\s+due|due\s+to|plan(?:s|ned)?\s+to|is\s+planned|are\s+"
                      r"planned|expected|scheduled|set\s+to|until)\b", re.I)


def guessed_year(mention: DateMention) -> DateMention:
    """The mention, marked as resolved against a guessed year unless it writes its own."""
    if mention.precision == YEAR or _WRITTEN_YEAR.search(mention.text):
        return mention
    return replace(mention, year_known=False)


def find_dates(text: str, published: dt.date | None, previous: DateMention | None = None) -> list[DateMention]:
    """The dates of `text`, in text order. A day without a year takes the year that puts it closest to the
    article (a month alone, the article's year or the year before); "later"/"the next day" count from the date
    mentioned just before (`previous` carries it across sentences); deictic words ("yesterday", "on Tuesday")
    from `published`."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if kind == "weekday" and not m.group("prep"):
                s = m.start("weekday")
            if any(s < te and ts < e for ts, te in taken) or kind == "month" and m.group("month") == "may" and re.match(
                    r"\s+[a-z]", text[m.end():]):
                continue  # "this may be": a month alone before a word is written "May"
            taken.append((s, e))
            found.append((s, e, kind, m))
    out: list[DateMention] = []
    found.sort()
    for i, (s, e, kind, m) in enumerate(found):
        if kind == "weekday" and i + 1 < len(found) and found[i + 1][2] in _DAY_KINDS and re.fullmatch(
                r"\s*,?\s*(?:the\s+)?", text[e:found[i + 1][0]]):
            continue  # "on Monday, 13 January": one day, the one its date names (not the last Monday before the article)
        resolved = _resolve(kind, m, published, previous)
        if resolved is None:
            continue
        value, precision, relative = resolved
        mention = DateMention(s, e, text[s:e], value, precision, relative)
        if kind in _FORWARD and published is not None and value < published and planned(text, mention):
            # "is due to end on Sunday", "will ballot members in April": the one to come, not the one just past
            mention = replace(mention, value=_shift(value, *_FORWARD[kind]))
        out.append(mention)
        if previous is None or anchors(text, mention, published):
            previous = mention
    return out


_DAY_KINDS = frozenset({"mdy", "dmy", "iso", "dm"})
"""A date that names its day: a weekday just before it is the same day ("Monday, 13 January"); not "Monday, May 12",
which may be "on Monday, May's 12 councillors"."""


def _resolve(kind: str, m: re.Match, published: dt.date | None, previous: DateMention | None):
    g = m.groupdict()
    try:
        if kind in ("mdy", "dmy", "iso"):
            month = int(g["month"]) if kind == "iso" else _MONTHS[g["month"].lower()]
            return dt.date(int(g["year"]), month, int(g["day"])), DAY, False
        if kind in ("md", "dm"):
            # News leaves out the year of the dates nearest it: of the article's year and the year before, the one
            # that puts the date closest to the article ("September 28" in a January article is last year's; "a
            # second strike on 30 March" in a 13 March article is this year's, still to come).
            base = published or (previous.value if previous is not None else None)
            if base is None:
                return None
            month, day = _MONTHS[g["month"].lower()], int(g["day"])
            years = (base.year - 1, base.year) if published is not None else (base.year,)
            value = min((dt.date(y, month, day) for y in years), key=lambda d: (abs((d - base).days), d > base))
            return value, DAY, False
        if kind == "month":
            if published is None:
                return None
            month = _MONTHS[g["month"].lower()]
            year = published.year - (1 if month > published.month else 0)  # "in March" of a May article
            return dt.date(year, month, 1), MONTH, False
        if kind == "my":
            return dt.date(int(g["year"]), _MONTHS[g["month"].lower()], 1), MONTH, False
        if kind in ("range", "year"):
            return dt.date(int(g["year"]), 1, 1), YEAR, False
    except ValueError:  # "February 30"
        return None
    if kind == "later":
        if previous is None:
            return None
        if g["next"]:
            unit, count, sign = g["nunit"].lower(), 1, 1
        elif g["prev"]:
            unit, count, sign = (g["punit"] or "day").lower(), 1, -1
        else:
            count = _count(g["count"])
            unit, sign = g["unit"].lower(), (1 if g["dir"].lower().startswith(("later", "after")) else -1)
        if count is None:
            return None
        return _shift(previous.value, unit, sign * count), _precision(unit, previous.precision), True
    if published is None:
        return None
    if kind == "ago":
        count = _count(g["count"])
        if count is None:
            return None
        unit = g["unit"].lower()
        return _shift(published, unit, -count), _precision(unit, DAY), True
    if kind == "deictic":
        word = " ".join(g["word"].lower().split())
        if word in ("today", "tonight"):
            return published, DAY, True
        if word == "yesterday":
            return published - dt.timedelta(days=1), DAY, True
        which, unit = word.split()
        shift = {"last": -1, "this": 0, "next": 1}[which]
        return _shift(published, unit, shift), (YEAR if unit == "year" else MONTH), True
    if kind == "weekday":
        target = _WEEKDAYS[g["weekday"].lower()]
        prep = (g["prep"] or "").lower()
        back = (published.weekday() - target) % 7
        if prep == "next":
            return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7), DAY, True
        if prep == "last" and back == 0:
            back = 7
        return published - dt.timedelta(days=back), DAY, True  # news: "on Tuesday" is the Tuesday just past
    return None


def _count(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _NUMBERS.get(w)


def _precision(unit: str, base: str) -> str:
    coarse = {"day": DAY, "week": DAY, "month": MONTH, "year": YEAR}[unit]
    order = [DAY, MONTH, YEAR]
    return max(coarse, base, key=order.index)


def _shift(value: dt.date, unit: str, count: int) -> dt.date:
    if unit in ("day", "week"):
        return value + dt.timedelta(days=_UNITS[unit] * count)
    months = value.month - 1 + count * (12 if unit == "year" else 1)
    year, month = value.year + months // 12, months % 12 + 1
    return dt.date(year, month, min(value.day, calendar.monthrange(year, month)[1]))
