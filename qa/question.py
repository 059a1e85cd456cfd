"""What a question asks: its weighted terms, the names it mentions, the kind of answer it wants."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from core.settings import MODELS_DIR

from lang.rules import AUXILIARIES, auxiliary, question_word
from lang.words import STOPWORDS, names, stem, terms, words

# The kinds of answer that can be checked for in a sentence.
NUMBER, DATE, AGE = "number", "date", "age"
_PRICE_ASKED = re.compile(r"\bwhat(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+the\s+(?:[\w-]+\s+){0,3}?(?:fares?|"
                          r"fees?|prices?|rents?|salary|wages?|tolls?)(?=\s*(?:[?.!]|$)|\s+(?:of|for|from|to|on|in|at|now|per|"
                          r"each|a|an|going|be|will|this|next|these\s+days)\b)"
                          r"|\bhow\s+much\s+(?:is|are|was|were|will\s+be)\s+(?:(?:the|a|an|one|each)\s+)?(?:[\w-]+\s+){0,2}?"
                          r"(?:tickets?|memberships?|berths?|fares?|fees?|subscriptions?|passes|pass|permits?|licen[cs]es?|"
                          r"rents?|seats?|entry|admission|parking|meals?|pints?)(?=\s*(?:[?.!]|$)|\s+(?:in|at|for|on|per|each|a|"
                          r"now|this|these)\b)", re.I)
""""What's the bus fare?", "how much are junior memberships?": a sum of money, named by what it is paid as."""
_KIND_PATTERNS = [
    (re.compile(r"\bhow old\b|\bhow many years old\b|\bwhat age\b|\bat what age\b", re.I), AGE),
    (re.compile(r"\bhow (many|much|long|far|deep|tall|high|wide|big|large|heavy|often|fast)\b"
                r"|\bwhat (percentage|percent|number|amount)\b", re.I), NUMBER),
    (re.compile(r"\bwhat (will|would|does|did|do|is|was|are|were)\b.*\b(cost|costs|price|worth)\b", re.I), NUMBER),
    (_PRICE_ASKED, NUMBER),
    (re.compile(r"^\s*(?:(?:by|until|till|since)\s+)?when\b|\b(what|which) (year|date|day|month|century|decade|time)\b|"
                r"\bin what year\b", re.I), DATE),
]


# "how long/far/deep..." needs a number with a unit of the right kind, not any number.
_UNIT_OF = {"long": "length_or_time", "far": "length", "deep": "length", "tall": "length", "high": "length",
            "wide": "length", "heavy": "weight", "fast": "speed", "often": "frequency", "big": "size",
            "large": "size"}
UNITS = {
    "length": set("""mm cm m km metre metres meter meters kilometre kilometres kilometer kilometers mile miles
        foot feet ft inch inches yard yards nautical""".split()),
    "time": set("""second seconds minute minutes hour hours day days week weeks fortnight fortnights month months year
        years decade decades century centuries generation generations""".split()),
    "weight": set("""g kg gram grams kilogram kilograms kilo kilos tonne tonnes ton tons pound pounds lb lbs
        ounce ounces""".split()),
    "speed": set("""mph kph knots knot km/h""".split()),
    "frequency": set("""daily weekly monthly yearly annually hourly times once twice every""".split()),
    "size": set("""square acres acre hectares hectare km2 sq""".split()),
}
UNITS["length_or_time"] = UNITS["length"] | UNITS["time"]
_TAKES = re.compile(r"^\W*how\s+long\s+(?:does|do|did|will|would|could|can|might|should|is\s+it\s+going\s+to)\s+"
                    r"(?:[\w'’-]+\s+){1,6}?(?:take|last)\b(?!\s+(?:\w+\s+)?(?:to\s+)?(?:walk|drive|cover|cross)\b)", re.I)
"""A "how long" that asks for a time: the question's own verb takes or lasts ("how long does the crossing take?", "how
long did the strike last?"); not "how long is the trail that takes walkers round the lake?"."""
CLOCK = "clock"
"""The unit of "What time did X ...?": a time of day ("3.40pm", "noon"), which a day or a year does not give."""
_CLOCK_ASKED = re.compile(r"\b(?:what|which)\s+time\b(?!\s+of\s+(?:the\s+)?(?:year|season|month|week)|\s*(?:frame|scale|limit|"
                          r"period|line|table|span|lag|slot)s?\b)", re.I)
MONEY = "money"
"""The unit of "How much does X pay / cost / earn ...?": an amount of money, not a share or a count."""
_MONEY_ASKED = re.compile(r"\bhow much\b(?! of\b)(?:\W+\w+){0,8}?\W+(?:pay|pays|paid|paying|cost|costs|costing|"
                          r"spend|spends|spent|spending|charge|charges|charged|earn|earns|earned|earning|owe|owes|"
                          r"owed|fined?|worth|valued)\b", re.I)
# "How much did costs rise?" asks for a change, which a share answers as well as a sum.
_CHANGE = re.compile(r"\b(?:increas|rais|ris|rose|fall|fell|drop|grow|grew|declin|chang|cut|doubl|jump|climb|shrank|"
                     r"shrink|go up|went up|go down|went down)\w*\b", re.I)


@dataclass(frozen=True)
class Question:
    text: str
    terms: tuple[str, ...]
    """Content-word stems, in order, without duplicates."""
    weights: dict[str, float]
    """Weight of each term: rare in the articles weighs more; very general words weigh little."""
    names: tuple[str, ...]
    """Proper names and numbers the question mentions; the evidence must mention them too."""
    wants: str | None
    """NUMBER, DATE or AGE when the answer must contain one; None otherwise."""
    counted: tuple[str, ...]
    """For "how many X ...": the stems of X (the thing counted)."""
    wh: str
    """The question word (who, what, when, ...) or 'yesno'."""
    unit: str | None = None
    """For "how long/far/deep/heavy...": the kind of unit the number must carry (a key of UNITS); MONEY for "how
    much does X cost"; CLOCK for "what time"."""


def with_note(question: str, context: list[str]) -> str:
    """A follow-up searched with what its pronouns or ellipsis stand for, as a note: "Did they comment? (Velora)"."""
    return f"{question.rstrip()} ({', '.join(context)})"


_BOUND = r"(?:more|fewer|less)\s+than|over|under|above|below|at\s+(?:least|most)|up\s+to"


def _bound(name: str, text: str) -> bool:
    """Is the number a bound the question compares a sum or a large count with ("was the fine more than 50k?", "did
    over 2,000 sign?")? The evidence need not repeat it, as it must repeat a name; an age ("under 12", "over 60s"),
    a year or a small count ("more than 12 hours") it must."""
    if not name[:1].isdigit() or name.lower().endswith("s") or re.fullmatch(r"(?:1[89]|20)\d\d", name):
        return False
    if re.fullmatch(r"[\d,.]+(?:k|bn)", name, re.I):  # "50k" typed as one word
        return re.search(rf"\b(?:{_BOUND})\s+[$€£¥]?\s?{re.escape(name)}(?!\w)", text, re.I) is not None
    return re.search(rf"\b(?:{_BOUND})\s+(?:[$€£¥]\s?[\d,.]*{re.escape(name)}(?!\w)|[\d,.]*{re.escape(name)}\s*"
                     rf"(?:k|grand|thousand|million|bn|billion)\b|\d{{1,3}},{re.escape(name)}(?!\w)|"
                     rf"{re.escape(name)}(?:,\d{{3}})+(?!\w))", text, re.I) is not None


_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def without_note(question: str) -> str:
    """The question itself, without the note `with_note` added: the claim a yes/no question asks about."""
    return _NOTE.sub("", question) or question


@cache
def echo_rates() -> dict[str, float]:
    """How often each common question word reappears in the sentence that answers it (training/echo.py)."""
    return json.loads((MODELS_DIR / "echo.json").read_text(encoding="utf-8"))["echo"]


def term_factors(text: str, context: tuple[str, ...] = ()) -> dict[str, float]:
    """Each term of the question and what its rarity is multiplied by: less for a name of earlier turns, and
    for a common word by how often answers repeat it (training/echo.py)."""
    known = {t for name in context for t in terms(name)}
    named = {t for n in names(text) for t in terms(n)}
    echo = echo_rates()
    return {t: (0.3 if t in known else 1.0) * (1.0 if t in named else echo.get(t, 1.0))
            for t in dict.fromkeys(terms(text))}


def analyze(text: str, idf, context: tuple[str, ...] = ()) -> Question:
    """`idf(term) -> float` gives term rarity in the current articles. `context` names come from
    earlier turns: they help find the passage, but they are not the question's own names (the
    evidence need not repeat them) and the answer is about the rest. A word that answers rarely repeat
    ("refer", "happen", "think") weighs by how often they do: its absence says little."""
    known = {t for name in context for t in terms(name)}
    weights = {t: factor * idf(t) for t, factor in term_factors(text, context).items()}
    own = [n for n in dict.fromkeys(names(text)) if not set(terms(n)) <= known and not _bound(n, text)]
    wants = next((kind for pattern, kind in _KIND_PATTERNS if pattern.search(text)), None)
    ws = words(text)
    wh = question_word(text) or ("yesno" if ws and auxiliary(ws[0]) in AUXILIARIES else "what")
    unit = next((_UNIT_OF[ws[i + 1]] for i in range(len(ws) - 1) if ws[i] == "how" and ws[i + 1] in _UNIT_OF), None)
    if unit == "length_or_time" and (_TAKES.search(text) or set(ws) & {"ago", "wait", "waiting", "waited"}):
        # "how long does the crossing take?", "how long ago …", "how long have they been waiting?": a time
        unit = "time"
    if unit is None and (_MONEY_ASKED.search(text) or _PRICE_ASKED.search(text)) and not _CHANGE.search(text):
        unit = MONEY
    if wants == DATE and _CLOCK_ASKED.search(text):
        unit = CLOCK
    return Question(text=text, terms=tuple(weights), weights=weights, names=tuple(own),
                    wants=wants, counted=tuple(_counted(ws)), wh=wh, unit=unit)


def _counted(ws: list[str]) -> list[str]:
    for i in range(len(ws) - 1):
        if ws[i] == "how" and ws[i + 1] in ("many", "much"):
            out = []
            if ws[i + 1] == "many" and ws[i + 2:] and _done(ws[i + 2]) and (
                    len(ws) == i + 3 or ws[i + 3] in STOPWORDS):  # not "how many registered voters"
                return []  # "how many signed the petition?": people, unsaid; not a count of petitions
            for w in ws[i + 2:]:
                if w in AUXILIARIES:
                    break
                if w in _COMPARATIVES:
                    return []  # "how much faster is the new line": a difference, not a thing counted
                if out and w in ("a", "an", "per"):
                    break  # "how many eggs a day": the eggs are counted, the day is the rate
                if w not in STOPWORDS:
                    out.append(stem(w))
            return out
    return []


def _done(word: str) -> bool:
    """A past form of a verb ("signed", "voted", "stopped"), by its base being an English word."""
    from lang.spelling import english_words

    known = english_words()
    return word.endswith("ed") and len(word) >= 5 and (word[:-2] in known or word[:-1] in known or (
        len(word) > 6 and word[-3] == word[-4] and word[:-3] in known))


_COMPARATIVES = frozenset("""faster slower quicker higher lower bigger smaller larger longer shorter cheaper dearer
older younger newer greater richer poorer heavier lighter wider narrower deeper stronger weaker better worse
further farther warmer colder hotter safer louder earlier later""".split())
