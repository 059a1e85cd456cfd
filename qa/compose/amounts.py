"""A yes/no question about a sum done ("has the society raised the full £350,000?", "did they raise more than
£100,000?") settled by the sentence's sum for the same deed ("the society had raised £138,000"): a smaller sum
than the one asked is No; a larger one answers "more than", never the bare sum (raising £400,000 raised £350,000).
And "more than" or "fewer than" a count of something ("was he chairman for more than 10 years?") by the sentence's
count of the same thing ("had been chairman for eleven years"), every other word asked in the sentence."""
from __future__ import annotations

import re

from lang.paraphrase import covered, said_for
from lang.rules import NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import asserted, base_stem, clause_head, denies, parse_fast, word_stem

__all__ = ["amount_verdict"]

_SUM = re.compile(r"(?P<sign>[$€£¥])\s?(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>million|billion|thousand|bn|m|k)\b)?",
                  re.I)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_MORE = re.compile(r"\b(?:more than|over|above|at least|in excess of)\s*$", re.I)
_LESS = re.compile(r"\b(?:less than|under|below|fewer than)\s*$", re.I)
_ROUGH = re.compile(r"\b(?:more than|over|above|at least|in excess of|about|around|roughly|some|nearly|almost)\s*$",
                    re.I)
_WHOLE = frozenset(base_stem(w) for w in "full whole entire total all".split())
"""Words that ask for the sum itself, not for more of the claim."""


def amount_verdict(question: str, sentence: str) -> str | None:
    asked = list(_SUM.finditer(question))
    if len(asked) != 1:
        return _count_verdict(question, sentence) if not asked else None
    sign, want = asked[0].group("sign"), _value(asked[0])
    before = question[:asked[0].start()]
    way = ">" if _MORE.search(before) else "<" if _LESS.search(before) else "="
    rest = {base_stem(w) for w in words(question[:asked[0].start()] + " " + question[asked[0].end():])[1:]
            if w not in STOPWORDS and not w[:1].isdigit()} - _WHOLE - {"more", "less", "yet", "alreadi", "already"}
    doc = parse_fast(sentence)
    for m in _SUM.finditer(sentence):
        if m.group("sign") != sign:
            continue
        verb = _deed_of(doc, m.start())
        if verb is None or said_for(word_stem(verb), rest) is None and not any(said_for(r, {word_stem(verb)}) for r in rest) \
                or not covered(rest, {word_stem(t) for t in doc}):
            continue
        own = [t for t in doc if clause_head(t) == clause_head(verb)]
        head = doc[clause_head(verb)]
        if not asserted(head, own, frozenset({word_stem(verb)}), set()) or any(
                denies(t, {verb.i, head.i}, frozenset({word_stem(verb)})) for t in own):
            continue
        said, rough = _value(m), _ROUGH.search(sentence[:m.start()]) is not None
        if way == "=":
            return "No" if said < want and not rough else None
        if way == ">":
            return "Yes" if said > want else None if rough else "No"
        return "Yes" if said < want and not rough else None if rough else "No"
    return None


def _value(m: re.Match) -> float:
    return float(m.group("n").replace(",", "")) * _SCALE.get((m.group("scale") or "").lower(), 1)


def _deed_of(doc, at: int):
    """The verb whose object the sum at character `at` is ("had raised £138,000"), or None."""
    token = next((t for t in doc if t.idx <= at < t.idx + len(t.text) or t.idx > at), None)
    while token is not None and token.dep_ not in ("dobj", "npadvmod", "attr", "pobj", "nsubj", "ROOT"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token.head if token is not None and token.dep_ in ("dobj", "npadvmod") else None


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_NUMBER = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_COUNT = r"(?P<n>\d[\d,]*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|" \
         r"four|five|six|seven|eight|nine))?|" + "|".join(_UNITS[::-1]) + r")\s+(?P<unit>[a-z]+)"
_ASKED_COUNT = re.compile(r"\b(?P<way>more than|over|at least|fewer than|less than|under)\s+" + _COUNT, re.I)
_SAID_COUNT = re.compile(r"(?<![\w£$€¥.,])" + _COUNT, re.I)
_ANY_NUMBER = re.compile(r"(?<![\w.,])(?:\d[\d,.]*|" + "|".join(_UNITS[::-1]) + r"|twenty|thirty|forty|fifty|sixty|"
                         r"seventy|eighty|ninety)\b", re.I)


def _count_verdict(question: str, sentence: str) -> str | None:
    """"Was he chairman for more than 10 years?" / "had been chairman for eleven years": Yes."""
    m = _ASKED_COUNT.search(question)
    if m is None or any(w in NEGATIONS for w in words(sentence)):
        return None
    unit, want = base_stem(m.group("unit")), _count(m.group("n"))
    rest = {base_stem(w) for w in words(question[:m.start()] + " " + question[m.end():])[1:]
            if w not in STOPWORDS and not w[:1].isdigit()}
    said = {base_stem(w) for w in words(sentence)}
    if want is None or not covered(rest, said):
        return None
    way, found, counted = m.group("way").lower(), set(), 0
    for s in _SAID_COUNT.finditer(sentence):
        have = _count(s.group("n"))
        if base_stem(s.group("unit")) != unit or have is None:
            continue
        counted += 1
        if _ROUGH.search(sentence[:s.start()]):
            continue
        bigger = have >= want if way == "at least" else have > want
        found.add("Yes" if (bigger if way in ("more than", "over", "at least") else have < want) else "No")
    # Another count beside it ("Of 118 households …, only 47 received a call"): which one is the deed's is not
    # read here.
    others = len(_ANY_NUMBER.findall(sentence)) > counted
    return found.pop() if len(found) == 1 and not others else None


def _count(n: str) -> float | None:
    n = n.lower().replace(",", "")
    if n[:1].isdigit():
        return float(n)
    parts = re.split(r"[-\s]", n)
    return sum(_NUMBER[p] for p in parts) if all(p in _NUMBER for p in parts) else None
