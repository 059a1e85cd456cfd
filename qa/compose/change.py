"""A change told from one figure to another ("adult membership fees will rise from £210 to £245", "staffed hours
will fall from 32 to 20") settles a yes/no question that asks which way it goes ("will membership get more
expensive?", "will the library be open more hours?": Yes; "will staffed hours go up?": No), or whether the new
figure passes a bound ("will a berth cost over £2k a year?" / "will go up from £1,450 to £2,030": Yes)."""
from __future__ import annotations

import re

from lang.paraphrase import covered
from lang.words import STOPWORDS, words

from .clauses import base_stem

_FIGURE = r"[$€£¥]?\s?\d[\d,]*(?:\.\d+)?\s*(?:%|per\s+cent|percent|k|m|bn|million|billion|thousand)?"
_CHANGE = re.compile(rf"\b(?P<verb>ris(?:e|es|ing)|rose|increas(?:e|es|ed|ing)|go(?:es)?\s+up|going\s+up|went\s+up|"
                     rf"gone\s+up|grow(?:s|n)?|grew|fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|"
                     rf"go(?:es)?\s+down|went\s+down|cut|reduced?|lengthen(?:ed)?|extend(?:ed)?|shrink|shrank)\s+"
                     rf"(?:\w+\s+){{0,2}}?from\s+(?P<a>{_FIGURE})\s+to\s+(?P<b>{_FIGURE})", re.I)
_UNSURE = re.compile(r"\b(?:could|might|may|if|unless|proposed|proposal|plans?\s+to|considering|hopes?|would|"
                     r"wants?|called\s+for|asked\s+for|not|n't|never|no)\b", re.I)
"""A change only possible, wanted or denied settles nothing."""
_UP = frozenset("more higher longer bigger larger greater dearer pricier expensive increase increased rise risen "
                "up grow extended".split())
_DOWN = frozenset("less fewer lower shorter smaller cheaper decrease decreased fall fallen drop dropped down cut "
                  "reduced shrink".split())
_BOUND = re.compile(r"\b(?P<way>more\s+than|over|above|less\s+than|under|below)\s+(?P<n>[$€£¥]?\s?\d[\d,]*(?:\.\d+)?"
                    r"\s*(?:k|grand|thousand|million|m|bn)?)\b", re.I)
_BEFORE = re.compile(r"\b(?:before|previously|used\s+to|last\s+year|originally|at\s+first)\b", re.I)
_MONEY = frozenset("expensive dearer pricier cheaper cost costs costing pay paying price prices fee fees charge "
                   "charges".split())
"""Words that ask of a sum of money: a change of something else ("journey times will rise from 20 to 30 minutes")
does not answer them, and a change of a sum says them ("will a berth cost over £2k?" / "fee … from £1,450 to £2,030")."""
_SCALES = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def _value(figure: str) -> float | None:
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?", figure.replace(" ", " "), re.I)
    if m is None:
        return None
    return float(m.group(1).replace(",", "")) * _SCALES.get((m.group(2) or "").lower(), 1.0)


def change_verdict(question: str, sentence: str) -> str | None:
    """Yes, No or None (not a change of the thing asked, not told as done or certain, or not which way it goes)."""
    changes = list(_CHANGE.finditer(sentence))
    if len(changes) != 1 or _UNSURE.search(sentence) or _BEFORE.search(question):
        return None
    change = changes[0]
    old, new = _value(change.group("a")), _value(change.group("b"))
    if old is None or new is None or old == new or ("£" in change.group("a")) != ("£" in change.group("b")):
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
        if limit is None or not _about_it(rest, sentence):
            return None
        over = bound.group("way").lower() in ("more than", "over", "above")
        return None if new == limit else "Yes" if (new > limit) == over else "No"
    if bool(up) == bool(down) or not _about_it(ws, sentence):
        return None
    return "Yes" if (new > old) == bool(up) else "No"


def _about_it(ws: list[str], sentence: str) -> bool:
    """Is every other word asked said in the sentence (or like one there)? The words that ask, the direction and the
    bound aside."""
    rest = {base_stem(w) for w in ws[1:] if w not in STOPWORDS and w not in _UP and w not in _DOWN
            and not w[:1].isdigit() and w not in ("now", "get", "getting", "gonna", "going", "year", "a")}
    return covered(rest, {base_stem(w) for w in words(sentence)})
