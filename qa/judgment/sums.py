"""What a sum was paid for: "how much did the zoo pay for the red pandas?" is not answered by "the zoo had spent
£18,000 on new fencing", a sentence that never names the pandas and spends each of its sums on another thing. A
signal of the judge's refusal, like a count of other things (answer_kinds)."""
from __future__ import annotations

import re

from lang.words import roots

__all__ = ["hoped_only", "priced_other"]

_ASKED = re.compile(r"\bhow\s+much\s+(?:(?:did|does|do|will|would|has|have|had)\s+(?:[\w'’-]+\s+){1,4}?"
                    r"(?:pay|spend|paid|spent|invest)\s+(?:for|on|in)\s+(?P<x1>[^?,.;]+)"
                    r"|(?:did|does|do|will|would)\s+(?P<x2>(?:[\w'’-]+\s+){1,5}?)cost\b"
                    r"|(?:is|was|were|are)\s+(?P<x3>(?:[\w'’-]+\s+){1,5}?)worth\b)", re.I)
_SUM = (r"(?:(?:about|around|nearly|almost|over|some|roughly)\s+|more\s+than\s+|up\s+to\s+)?[$€£]\s?\d[\d,.]*"
        r"(?:\s*(?:million|billion|thousand|m|bn|k)\b)?")
_SPENT_ON = re.compile(r"\b(?:spent|spend|spends|spending)\s+" + _SUM + r"\s+on\s+(?P<y>[^,.;:()]+)", re.I)
"""A sum spent on a thing ("spent £18,000 on new fencing"): what follows "on" is what it bought. Not "paid £5m for
him" or "the crossing will cost £40m", which may name the very thing asked in other words."""
_PAID_FOR = re.compile(r"\b(?:pay|pays|paid|paying|spend|spends|spent|spending)\s+(?:for|on)\s+(?:the\s+|a\s+|an\s+)?"
                       r"(?P<head>[\w'’-]+)(?P<rest>\s+to\s+[^,.;:()]+)", re.I)
"""Work paid for on a thing ("pay for repairs to the pier's deck"): what is done to it, not the thing (not "the
purchase of the land", "most of the bridge", "spaces at the car park")."""
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|against|up\s+from|down\s+from)\s+$", re.I)
_POINTING = frozenset("it its which that this they them these those what him her".split())
"""A thing the sentence points back to ("it cost £5m"): it may be the one asked, so the sum may answer."""


def priced_other(question: str, sentence: str) -> bool:
    """Does the question ask what was paid for, or what is worth, a thing (its words), and does the sentence, never
    naming it, spend every sum it gives on something else ("spent £18,000 on new fencing")? False when unsure: a
    sum spent on nothing said, on a word that points back, or on a name."""
    m = _ASKED.search(question)
    asked = roots(next((g for g in m.groups() if g), "")) - _POINTING if m else set()
    sums = list(re.finditer(r"(?<![\w$€£])" + _SUM, sentence, re.I))
    if not asked or not sums:
        return False
    if any(not roots(y.group("head")) & asked and roots(y.group("rest")) & asked and not roots(y.group("head")) & _POINTING
           for y in _PAID_FOR.finditer(sentence)):
        return True  # "pay for the pier" / "the only way to pay for repairs to the pier's deck": a part of it, or a deed
    if asked & roots(sentence):
        return False  # the thing asked is named there
    tied = [(t.start(), t.end(), t.group("y")) for t in _SPENT_ON.finditer(sentence)]
    for s in sums:
        if _COMPARED.search(sentence[:s.start()]):
            continue  # "cost £187, compared with about £65 for the old one": the other sum only measures it
        thing = next((y for a, b, y in tied if a <= s.start() < b), None)
        if thing is None or _POINTING & set(thing.lower().split()) or roots(thing) & asked:
            return False
        if any(w[:1].isupper() for w in thing.split()[1:3]):
            return False
    return True


_RAISED_ASKED = re.compile(r"\bhow\s+much\s+(?:money\s+)?(?:has|have|had|did)\s+(?:[\w'’-]+\s+){1,5}?(?:raised?|"
                           r"collected?|made|make|got|get|received?|brought\s+in|bring\s+in)\b", re.I)
"""What has been raised by now ("how much has the appeal raised so far?"), not what is hoped for."""
_TARGET_BEFORE = re.compile(r"\b(?:hopes?|hoping|aims?|aimed|aiming|wants?|wanted|plans?|planned|planning|needs?|"
                            r"seeks?|seeking|trying)\s+to\s+raise\s+(?:the\s+|a\s+further\s+|another\s+|an\s+extra\s+)?"
                            r"(?:remaining\s+)?$|\b(?:target|goal)\s+(?:of|is|was)\s+$|\bstill\s+needs?\s+"
                            r"(?:another\s+|a\s+further\s+|an\s+extra\s+)?$", re.I)
_MET = re.compile(r"\b(?:reached|smashed|beat|beaten|passed|exceeded|hit|met|surpassed|topped|raised|broke)\b", re.I)
"""A target met: "has reached its target of £10,000", "target of £10,000 was passed"."""
"""A sum still to raise: "hopes to raise the remaining £370,000", "a target of £1m", "needs another £50,000"."""


def hoped_only(question: str, sentence: str) -> bool:
    """Does the question ask how much has been raised by now, and is every sum the sentence gives one still to raise
    ("The club hopes to raise the remaining £370,000")? Then no sum raised is given."""
    if not _RAISED_ASKED.search(question):
        return False
    sums = list(re.finditer(r"(?<![\w$€£])" + _SUM, sentence, re.I))
    return bool(sums) and all(_TARGET_BEFORE.search(sentence[max(0, s.start() - 50):s.start()]) and not _MET.search(
        sentence[max(0, s.start() - 40):s.start()] + " ".join(sentence[s.end():].split()[:3])) for s in sums)
