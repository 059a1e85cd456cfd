"""A vote's tally settles whether it was unanimous: "Was the vote unanimous?" (or "did all the trustees back it?")
is No for "approved the plan by 14 votes to 5" or "voted 6-3", Yes for "voted unanimously" or "by nine votes to none"; and a share settles whether most
were for or against: "Did most parents back the ban?" is Yes for "62 percent of the parents who responded backed the
ban", No for "29 percent backed it" or "62 percent opposed it"."""
from __future__ import annotations

import re

from lang.words import NUMBER_WORDS, STOPWORDS, stem, words

__all__ = ["majority", "tallied", "unanimous"]


def tallied(question: str, sentence: str) -> str | None:
    """"Yes" or "No" where the question asks whether a vote was unanimous or whether most were for or against
    something, and the sentence's tally or share settles it; None otherwise."""
    return unanimous(question, sentence) or majority(question, sentence)


def unanimous(question: str, sentence: str) -> str | None:
    """"Yes" or "No" for a question that asks whether a vote was unanimous; None for any other question, or when
    the sentence gives neither a tally nor "unanimously"."""
    if not _ASKED.search(question):
        return _all_backed(question, sentence)
    if _UNANIMOUS.search(sentence) and not _NOT_UNANIMOUS.search(sentence):
        return "Yes"
    for m in _TALLY.finditer(sentence):
        against = (m.group("against") or m.group("against2")).lower()
        return "Yes" if against in _NONE else "No"
    # Some who voted against, counted (not "no one", "none of the 12"); not in a sentence that dates a vote, which may
    # be another one ("In 2019 councillors voted against a similar scheme").
    some = _SOME_AGAINST.search(sentence)
    return "No" if some and not _NO_ONE.search(sentence[:some.end()]) and not _DATED.search(sentence) else None


_ORDINAL_OR_VAGUE = frozenset("first second third half once twice double single quarter dozens hundreds thousands millions "
                              "billions".split())
_WORD = "|".join(sorted((w for w in NUMBER_WORDS if w.isalpha() and not w.endswith("th") and w not in _ORDINAL_OR_VAGUE),
                        key=len, reverse=True))
"""A count written as a word ("nine"), not an ordinal ("fifth") nor a vague amount ("dozens")."""
_ASKED = re.compile(r"\bunanimous(?:ly)?\b", re.I)
_ALL_BACKED = re.compile(r"^\s*(?:did|do|does|have|has|had|were|are|was)\s+(?:all|every|everyone|everybody)\b(?:\s+(?:of\s+)?"
                         r"(?:the\s+)?(?P<who>[\w'’-]+))?(?:\s+[\w'’-]+){0,1}?\s+(?:backe?d?|support(?:ed)?|vote[ds]?\s+for|"
                         r"agreed?|approved?|endorsed?|in\s+favou?r)\b(?P<rest>[^?]*)", re.I)
""""Did all the trustees back it?": whether everyone who voted was for it, by a tally of their own vote."""
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+(?:a\s+single\s+)?(?:dissent|objection)\b", re.I)
_NOT_UNANIMOUS = re.compile(r"\b(?:not|n't|short\s+of)\s+(?:a\s+)?unanimous", re.I)
_NONE = frozenset({"0", "zero", "nil", "none", "no"})
_TALLY = re.compile(rf"\b(?:\d+|{_WORD})\s+(?:votes?\s+)?to\s+(?P<against>\d+|none|nil|{_WORD})\b(?!\s*(?:percent|%|years?|"
                    rf"months?|days?|people|members|seats)\b)"
                    rf"|\b(?:voted|vote\s+of|by|margin\s+of)\s+(?:\d+)\s*[-–]\s*(?P<against2>\d+)\b", re.I)
"""A tally: "by 14 votes to 5", "nine to two", "voted 6-3"; not a range ("from 2 to 5 percent")."""
_SOME_AGAINST = re.compile(rf"\b(?:\d{{1,3}}|{_WORD}|some|several|a\s+few|a\s+minority)"
                           rf"\s+(?:of\s+(?:the\s+)?)?"
                           rf"(?:[\w'’-]+\s+){{0,3}}?(?:who\s+)?vot(?:ed|ing)\s+against\b", re.I)
"""A count of those who voted against ("one of the three trustees who voted against", "two councillors voted against")."""
_NO_ONE = re.compile(r"\b(?:no|none|nobody|not|zero|nil|neither)\b", re.I)
_DATED = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|"
                    r"october|november|december)\b|\b(?:last|in)\s+(?:year|month|week)\b", re.I)


def _all_backed(question: str, sentence: str) -> str | None:
    """"Did all the trustees back it?" / "Trustees voted seven to two in favour": No.
    The sentence must open with those asked about and go straight on to their own vote and its tally ("Councillors
    backed the plan by nine votes to two"), not another body's, another time's or an amendment's, nor a range ("from
    seven to six")."""
    m = _ALL_BACKED.match(question)
    if m is None or not m.group("who") or _OTHER_VOTE.search(sentence):
        return None
    opens = re.match(rf"^\W*(?:the\s+)?{re.escape(m.group('who'))}\w*\s+(?:all\s+)?(?P<clause>(?:voted|backed|approved|"
                     rf"supported|agreed|endorsed)\b[^,;:]*)", sentence, re.I)
    if opens is None:
        return None
    clause = re.split(r"\s(?:but|and|while|although|though)\s", opens.group("clause"), maxsplit=1)[0]
    wanted = {stem(w) for w in words(m.group("rest")) if w not in STOPWORDS}
    if not wanted <= {stem(x) for x in words(clause)} or re.search(r"\bfrom\s+\S+\s+to\b", clause, re.I):
        return None
    tally = _TALLY.search(clause)
    if tally is None or re.match(r"\s*(?:per\s+cent|percent|%)", clause[tally.end():], re.I):
        return None
    return None if (tally.group("against") or tally.group("against2")).lower() in _NONE else "No"


_OTHER_VOTE = re.compile(r"\b(?:that|after|amendment|last\s+year|first|reading|principle|heard|told|noted|unless|if)\b",
                         re.I)
_A_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b|\bin\s+favou?r\b|\bunanimous(?:ly)?\b", re.I)


def majority(question: str, sentence: str) -> str | None:
    """"Yes" or "No" for "did most X back / oppose Y?" (or "were most X against Y?", "did a majority ...") by the
    first share the sentence gives with a stance after it (or just before: "backed by 31 of the 45"): more than
    half for the stance asked is Yes, more than half for the other stance is No, less than half for the stance
    asked is No. None when the question asks no stance of most, or the sentence shares none of the question's
    other words (a share of something else)."""
    asked = _MOST.search(question)
    stance = _stance(words(question[asked.end():])) if asked else None
    if stance is None:
        return None
    others = {stem(w) for w in words(question) if w not in STOPWORDS and _stance([w]) is None} - {"most", "major"}
    if not others & {stem(w) for w in words(sentence)}:
        return None
    shares = list(_SHARE.finditer(sentence))
    for m, after in zip(shares, shares[1:] + [None]):
        said = _stance(words(sentence[m.end():after.start() if after else len(sentence)])[:12])
        if said is None:  # "backed by 31 of the 45 councillors"
            said = _stance(words(sentence[:m.start()])[-3:])
        if said is None:
            continue
        part = _part(m)
        if part is None or part == 0.5:
            return None
        if part > 0.5:
            return "Yes" if said == stance else "No"
        return "No" if said == stance else None
    return None


def _stance(ws: list[str]) -> int | None:
    """+1 for a word that backs something ("backed", "in favour", "voted for"), -1 for one against it ("opposed",
    "against"), by the first such word; None when there is none."""
    for w, after in zip(ws, ws[1:] + [""]):
        if stem(w) in _FOR or w == "favour" or w == "favor" or (stem(w) == "vote" and after == "for"):
            return 1
        if stem(w) in _AGAINST:
            return -1
    return None


def _part(m: re.Match) -> float | None:
    """The share a match of _SHARE gives, as a fraction."""
    if m.group("percent"):
        return float(m.group("percent").replace(",", "")) / 100
    if m.group("of"):
        whole = float(m.group("whole").replace(",", ""))
        return float(m.group("of").replace(",", "")) / whole if whole else None
    return _FRACTIONS.get(" ".join(m.group("word").lower().split()))


_MOST = re.compile(r"(?<!\bthe )(?<!\bat )\b(?:most|(?:a|the)\s+majority)\b"
                   r"(?!\s+(?:likely|recent|recently|important)\b)", re.I)
_FOR = frozenset(stem(w) for w in "back backed support supported approve approved endorse endorsed welcome welcomed "
                 "want wanted favour favor prefer preferred".split())
_AGAINST = frozenset(stem(w) for w in "oppose opposed against reject rejected object objected".split())
_FRACTIONS = {"majority": 0.51, "two-thirds": 2 / 3, "three-quarters": 0.75, "minority": 0.49, "half": 0.5,
              "a third": 1 / 3, "a quarter": 0.25, "nine in ten": 0.9}
_SHARE = re.compile(r"\b(?P<percent>\d+(?:\.\d+)?)\s*(?:percent|per\s+cent|%)"
                    r"|\b(?P<of>\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<whole>\d[\d,]*)\b"
                    r"|\b(?P<word>(?<=a\s)majority|(?<=a\s)minority|two-thirds|three-quarters|half|a\s+third|"
                    r"a\s+quarter|nine\s+in\s+ten)\b", re.I)
"""A share: "62 percent", "1,200 of the 1,500", "a majority", "two-thirds"."""
