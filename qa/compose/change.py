"""A change told from one figure to another ("adult membership fees will rise from £210 to £245", "staffed hours
will fall from 32 to 20") settles a yes/no question that asks which way it goes ("will membership get more
expensive?", "will the library be open more hours?": Yes; "will staffed hours go up?": No), or whether the new
figure passes a bound ("will a berth cost over £2k a year?" / "will go up from £1,450 to £2,030": Yes)."""
from __future__ import annotations

import re

from lang.paraphrase import covered
from lang.words import STOPWORDS, words

from .clauses import base_stem

_SCALE = r"(?:k|m|bn|million|billion|thousand)\b"
_FIGURE = rf"[$€£¥]?\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|per\s+cent|percent)|{_SCALE})?"
_RISE = r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|go(?:es)?\s+up|going\s+up|went\s+up|gone\s+up|" \
        r"grow(?:s|n)?|grew|lengthen(?:ed)?|extend(?:ed)?|raised?"
_FALL = r"fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|go(?:es)?\s+down|went\s+down|cut|" \
        r"reduced?|shrink|shrank|lowered"
_CHANGE = re.compile(rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:\w+\s+){{0,2}}?from\s+(?P<a>{_FIGURE})\s+to\s+"
                     rf"(?P<b>{_FIGURE})", re.I)
_UNSURE = re.compile(r"\b(?:could|might|may|if|unless|proposed|proposal|plans?\s+to|considering|hopes?|would|"
                     r"wants?|called\s+for|asked\s+for|not|n't|never|no)\b", re.I)
"""A change only possible, wanted or denied settles nothing."""
_REVERSED = re.compile(r"\b(?:discounts?|subsid(?:y|ies)|concessions?|rebates?|relief|grants?|allowances?|"
                       r"reductions?|savings?)\b", re.I)
"""A cut to what lowers a price makes it dearer: which way the price goes is not the figures' way."""
_CLAUSE = re.compile(r",?\s+(?:but|while|whereas|although|and)\s+|[;:]\s*", re.I)
_RATE = re.compile(r"\b(?:a|an|per|each)\s+(day|week|fortnight|month|quarter|year|hour|night)\b", re.I)
_UP = frozenset("more higher longer bigger larger greater dearer pricier expensive increase increased rise risen "
                "up grow extended".split())
_DOWN = frozenset("less fewer lower shorter smaller cheaper decrease decreased fall fallen drop dropped down cut "
                  "reduced shrink".split())
_BOUND = re.compile(rf"\b(?P<way>more\s+than|over|above|less\s+than|under|below)\s+"
                    rf"(?P<n>[$€£¥]?\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:grand\b|{_SCALE}))?)", re.I)
_BY = re.compile(r"\bby\s+(?:more\s+than|over|above|less\s+than|under|below)\b"
                 r"|\b(?:increase|rise|cut|drop|fall)\s+be\b", re.I)
"""A bound on the size of the change ("rise by more than £50", "will the increase be under £10"), not the new figure."""
_BEFORE = re.compile(r"\b(?:before|previously|used\s+to|last\s+year|originally|at\s+first)\b", re.I)
_MONEY = frozenset("expensive dearer pricier cheaper cost costs costing pay paying price prices fee fees "
                   "charge charges".split())
"""Words that ask of a sum of money: a change of something else ("journey times will rise from 20 to 30 minutes") does
not answer them, and a change of a sum says them ("will a berth cost over £2k?" / "fee … from £1,450 to £2,030")."""
_ASKING = frozenset("now get gets getting got go goes going gone went gonna year a".split())
"""Words of the question's direction or time ("go up", "get dearer", "a year now"), not of the thing asked."""
_PERIODS = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "nightly": "night"}
_SCALES = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def _value(figure: str) -> float | None:
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?", figure, re.I)
    if m is None:
        return None
    return float(m.group(1).replace(",", "")) * _SCALES.get((m.group(2) or "").lower(), 1.0)


def _year(figure: str) -> bool:
    return re.fullmatch(r"\s*(?:1[89]|20)\d\d\s*", figure) is not None


def change_verdict(question: str, sentence: str) -> str | None:
    """Yes, No or None (not a change of the thing asked, not told as done or certain, not which way it goes, or a
    bound on the change itself)."""
    changes = list(_CHANGE.finditer(sentence))
    if len(changes) != 1 or _UNSURE.search(sentence) or _BEFORE.search(question) or _BY.search(question):
        return None
    change = changes[0]
    old, new = _value(change.group("a")), _value(change.group("b"))
    if old is None or new is None or old == new or _year(change.group("a")) or _year(change.group("b")) \
            or (new > old) != bool(change.group("rise")) or ("£" in change.group("a")) != ("£" in change.group("b")):
        return None  # "from 2019 to 2021" is a time; a rise told by figures that fall is misread
    clause = _CLAUSE.split(sentence[:change.start()])[-1] + sentence[change.start():change.end()]
    if _REVERSED.search(clause):
        return None
    ws = words(question)
    up, down = [w for w in ws if w in _UP], [w for w in ws if w in _DOWN]
    money = re.match(r"\s*[$€£¥]", change.group("b")) is not None
    if set(ws) & _MONEY:
        if not money:
            return None
        ws = [w for w in ws if w not in _MONEY]
    if (bound := _BOUND.search(question)) is not None:
        limit = _value(bound.group("n"))
        rest = [w for w in words(question[:bound.start()] + " " + question[bound.end():]) if w not in _MONEY]
        rate = _period(re.compile(r"\s*" + _RATE.pattern, re.I).match(sentence, change.end()), clause)
        asked = _period(_RATE.search(question), question)
        if limit is None or not _about_it(rest, clause) or rate != asked:
            return None  # "a year's membership" / "… from £32 to £38 a month": another period
        over = bound.group("way").lower() in ("more than", "over", "above")
        return None if new == limit else "Yes" if (new > limit) == over else "No"
    if bool(up) == bool(down) or not _about_it(ws, clause):
        return None
    return "Yes" if (new > old) == bool(up) else "No"


def _period(rate: re.Match | None, text: str) -> str | None:
    """The period a figure is counted by: "£38 a month", "the annual fee" (a year); None when none is told."""
    if rate is not None:
        return rate.group(1).lower()
    return next((p for w, p in _PERIODS.items() if re.search(rf"\b{w}\b", text, re.I)), None)


def _about_it(ws: list[str], clause: str) -> bool:
    """Is every other word asked said in the change's own clause (or like one there)? The words that ask, the
    direction and the bound aside."""
    rest = {base_stem(w) for w in ws[1:] if w not in STOPWORDS and w not in _UP and w not in _DOWN
            and not w[:1].isdigit() and w not in _ASKING}
    return covered(rest, {base_stem(w) for w in words(clause)})
