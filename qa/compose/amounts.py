"""A yes/no question about a sum done ("has the society raised the full £350,000?", "did they raise more than
£100,000?") settled by the sentence's one sum, for the same deed by the same doer ("the society had raised
£138,000"): a smaller sum than the one asked is No; a larger one answers "more than", never the bare sum (raising
£400,000 raised £350,000). And "more than" or "fewer than" a count of something ("was he chairman for more than 10
years?") by the sentence's one count of the same thing ("had been chairman for eleven years"), every other word
asked in the sentence, told as done (not "hoped 500 would attend", "will be closed for three weeks")."""
from __future__ import annotations

import re

from lang.paraphrase import covered, said_for
from lang.rules import NEGATIONS, PRONOUNS
from lang.words import STOPWORDS, words

from .change import change_verdict
from .clauses import SUBJECTS, asserted, base_stem, clause_head, denies, parse_fast, word_stem

__all__ = ["amount_verdict", "compares"]

_SUM = re.compile(r"(?P<sign>[$€£¥])\s?(?P<n>\d[\d,]*(?:\.\d+)?)"
                  r"(?:\s*(?P<scale>million|billion|thousand|grand|bn|m|k)\b)?", re.I)
_SCALE = {"thousand": 1e3, "grand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
_MORE = r"more\s+than|over|above|at\s+least|in\s+excess\s+of"
_LESS = r"less\s+than|fewer\s+than|under|below|up\s+to|nearly|almost"
_ABOUT = r"about|around|roughly|some|approximately"
_BOUND = re.compile(rf"\b(?:(?P<more>{_MORE})|(?P<less>{_LESS})|(?P<about>{_ABOUT}))\s*$", re.I)
"""What a number is said with: a floor ("more than 200"), a ceiling ("up to 40", "nearly 500"), or as rough."""
_RATE = re.compile(r"\s*(?:a|an|per|each)\s+(?:day|week|month|year|hour|head|person|night)\b", re.I)
_WHOLE = frozenset(base_stem(w) for w in "full whole entire total all more less fewer yet already".split())
"""Words that ask for the sum itself, or compare it, not more of the claim."""


def compares(question: str) -> bool:
    """Does the question ask whether a count, a share or a sum is above or below one it gives ("more than 10 years",
    "fewer than half")?"""
    return _ASKED_COUNT.search(question) is not None or _ASKED_SHARE.search(question) is not None or any(
        _BOUND.search(question[:m.start()]) for m in _SUM.finditer(question))


def amount_verdict(question: str, sentence: str) -> str | None:
    if (changed := change_verdict(question, sentence)) is not None:  # "more expensive?" / "will rise from £210 to £245"
        return changed
    question = _signed(question, sentence)
    asked = list(_SUM.finditer(question))
    if len(asked) != 1:
        return _count_verdict(question, sentence) if not asked else None
    said = list(_SUM.finditer(sentence))
    if len(said) > 1 and len(clauses := _own_clauses(question, sentence)) == 1:
        return amount_verdict(question, clauses[0])  # "cost £148,000, but the insurance pays out only £7,500"
    if len(said) != 1 or said[0].group("sign") != asked[0].group("sign") or _RATE.match(sentence, said[0].end()):
        return None  # several sums, or a rate ("£900 a day"): which one, and how much in all, is not read here
    bound = _BOUND.search(question[:asked[0].start()])
    way = ("=" if bound is None else ">" if bound.group("more") else "<" if bound.group("less") else "=")
    outside = question[:bound.start() if bound else asked[0].start()] + " " + question[asked[0].end():]
    rest = {base_stem(w) for w in words(outside)[1:] if w not in STOPWORDS and not w[:1].isdigit()} - _WHOLE
    doc = parse_fast(sentence)
    verb = _deed_of(doc, said[0].start())
    if verb is None or not any(said_for(r, {word_stem(verb)}) for r in rest) \
            or not covered(rest, {word_stem(t) for t in doc}) or not _same_doer(question, verb):
        return None
    own = [t for t in doc if clause_head(t) == clause_head(verb)]
    head = doc[clause_head(verb)]
    if not asserted(head, own, frozenset({word_stem(verb)}), set()) or any(
            denies(t, {verb.i, head.i}, frozenset({word_stem(verb)})) for t in own):
        return None
    least = bound is not None and re.match(r"at\s+least", bound.group(), re.I) is not None  # as much counts
    return _settled(way, _value(asked[0]) - 0.01 * least, _value(said[0]), _BOUND.search(sentence[:said[0].start()]))


def _own_clauses(question: str, sentence: str) -> list[str]:
    """The clauses of a sentence of several sums (split at "; " and ", but / while / whereas / although") that hold
    one sum and every word the question asks beside it."""
    asked = {base_stem(w) for w in words(_SUM.sub(" ", question))[1:] if w not in STOPWORDS and not w[:1].isdigit()}
    asked -= _WHOLE | {base_stem(w) for w in ("more", "less", "over", "under", "than", "least", "above", "below")}
    parts = re.split(r";|,\s+(?:but|while|whereas|although|though)\b", sentence)
    if len(parts) < 2 or _ADDED.search(sentence):
        return []  # "paid £800 in March; he paid another £900": the sums add up
    held = [p for p in parts if len(_SUM.findall(p)) == 1 and covered(asked, {base_stem(w) for w in words(p)})]
    # The asked words in no other clause of a sum ("it paid £500,000, but campaigners claim it paid £2m": disputed).
    shared = [p for p in parts if _SUM.search(p) and asked & {base_stem(w) for w in words(p)}]
    return held if len(shared) == 1 else []


_ADDED = re.compile(r"\b(?:another|more|further|additional|also|total|in\s+all|plus|too|says?|said|claim\w*|critic\w*|"
                    r"figure|true|though|although|estimat\w*)\b", re.I)


_BARE = re.compile(rf"\b(?:{_MORE}|{_LESS})\s+(?P<n>\d[\d,]*(?:\.\d+)?)\s*"
                   r"(?:k|thousand|grand|million|bn|billion)\b", re.I)


def _signed(question: str, sentence: str) -> str:
    """A bound's sum typed without its sign ("was the fine more than 50k?"), in the sign of the sentence's sums when
    they all have one ("fined £38,000"): a count of thousands is seldom typed with "k"."""
    m = _BARE.search(question)
    signs = {s.group("sign") for s in _SUM.finditer(sentence)}
    if m is None or _SUM.search(question) or len(signs) != 1:
        return question
    return question[:m.start("n")] + signs.pop() + question[m.start("n"):]


def _settled(way: str, want: float, have: float, bound: re.Match | None) -> str | None:
    """Yes, No or None for the number asked against the one said, and what it is said with."""
    floor, ceiling = bound is not None and bool(bound.group("more")), bound is not None and bool(bound.group("less"))
    rough = bound is not None and bool(bound.group("about"))
    if rough:  # "about 2,340": clear of the number asked by a tenth, or unsure
        low, high = have * 0.9, have * 1.1
    else:
        low, high = (have, float("inf")) if floor else (0.0, have) if ceiling else (have, have)
    if way == "=":  # "the full £350,000": less is No; as much or more, another path's (or unsure)
        return "No" if high < want else None
    at_least = way == ">"
    if at_least:
        return "Yes" if low > want else "No" if high <= want and not floor else None
    return "Yes" if high < want else "No" if low >= want and not ceiling else None


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


def _same_doer(question: str, verb) -> bool:
    """Is the verb's subject the one the question puts before its verb ("did *the developer* pay the council …?" is
    not answered by "The council paid the developer …")? A pronoun, or no subject, may be anyone named."""
    t = verb
    while not any(c.dep_ in SUBJECTS for c in t.children) and t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
        t = t.head
    subject = next((c for c in t.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in PRONOUNS:
        return True
    ws = words(question)
    at = next((i for i, w in enumerate(ws) if i > 1 and said_for(base_stem(w), {word_stem(verb)})), None)
    asked = {base_stem(w) for w in ws[1:at] if w not in STOPWORDS} - _WHOLE if at else set()
    return asked <= {word_stem(u) for u in subject.subtree}


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
         "seventeen eighteen nineteen".split()
_NUMBER = {w: i for i, w in enumerate(_UNITS)} | {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_COUNT = r"(?P<n>\d[\d,]*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|" \
         r"four|five|six|seven|eight|nine))?|" + "|".join(_UNITS[::-1]) + r")\s+(?P<unit>[a-z]+)"
_ASKED_COUNT = re.compile(rf"\b(?P<way>{_MORE}|fewer\s+than|less\s+than|under)\s+" + _COUNT, re.I)
_SAID_COUNT = re.compile(r"(?<![\w£$€¥.,])" + _COUNT, re.I)
_ANY_NUMBER = re.compile(r"(?<![\w.,])(?:\d[\d,.]*|" + "|".join(_UNITS[::-1]) + r"|twenty|thirty|forty|fifty|sixty|"
                         r"seventy|eighty|ninety|hundreds|thousands|dozens?|scores)\b", re.I)
_NOT_DONE = re.compile(r"\b(?:will|would|could|might|may|shall|should|hopes?|hoped|expects?|expected|plans?|planned|"
                       r"aims?|aimed|wants?|wanted)\b|\bup\s+to\b", re.I)
"""A count held as to come, hoped or possible ("Up to 40 jobs could be lost"), not as done."""


def _count_verdict(question: str, sentence: str) -> str | None:
    """"Was he chairman for more than 10 years?" / "had been chairman for eleven years": Yes."""
    m = _ASKED_COUNT.search(question)
    if m is None or any(w in NEGATIONS for w in words(sentence)) or _NOT_DONE.search(question) \
            or _NOT_DONE.search(sentence):
        return None
    if ("against" in words(question)) != ("against" in words(sentence)) or (
            "for" in words(question)) and "against" in words(sentence):
        return None  # "did fewer than 10 vote for it?" / "Eight councillors voted against it"
    unit, want = base_stem(m.group("unit")), _count(m.group("n"))
    rest = {base_stem(w) for w in words(question[:m.start()] + " " + question[m.end():])[1:]
            if w not in STOPWORDS and not w[:1].isdigit()}
    if unit in _PEOPLE and "employ" in {base_stem(w) for w in words(sentence)}:
        rest = {"employ" if r == "work" else r for r in rest}  # "more than 100 people working there?" / "employs 142"
    if want is None or not covered(rest, {base_stem(w) for w in words(sentence)}):
        return None
    way = ">" if re.match(_MORE, m.group("way"), re.I) else "<"
    found = [(s, _count(s.group("n"))) for s in _SAID_COUNT.finditer(sentence) if base_stem(s.group("unit")) == unit]
    # Another count beside it ("Of 118 households …, only 47 received a call"): which one is the deed's is not read.
    if len(found) != 1 or found[0][1] is None or len(_ANY_NUMBER.findall(sentence)) > 1:
        return None
    s, have = found[0]
    return _settled(way, want - (1 if re.match(r"at\s+least", m.group("way"), re.I) else 0), have,
                    _BOUND.search(sentence[:s.start()]))


_PEOPLE = frozenset(base_stem(w) for w in "people person staff worker employee".split())


def _count(n: str) -> float | None:
    n = n.lower().replace(",", "")
    if n[:1].isdigit():
        return float(n)
    parts = re.split(r"[-\s]", n)
    return sum(_NUMBER[p] for p in parts) if all(p in _NUMBER for p in parts) else None


_ASKED_SHARE = re.compile(rf"\b(?P<way>{_MORE}|fewer\s+than|less\s+than|under)\s+(?:(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent|"
                          r"per\s+cent)|(?P<word>half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters))", re.I)
"""A share asked against a bound ("more than 80%", "fewer than half"): no verdict is read from the bare claim, which
the bound may make false ("did fewer than half oppose it?" / "87% opposed it")."""
