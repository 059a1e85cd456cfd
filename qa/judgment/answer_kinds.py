"""Whether a sentence gives the kind of answer a question wants: a date, an age, an amount of money, a length of
time, a number of the things counted. A signal of the judge, and the ground of refusals that say "they give no
amount of money for this"."""
from __future__ import annotations

import re

from lang.rules import YEAR, has_date
from lang.paraphrase import said_for
from lang.reasons import explains
from lang.words import MONTHS, STOPWORDS, is_number, stem, terms, words
from qa.question import AGE, CLOCK, DATE, MONEY, UNITS, Question

_TIME_WORDS = re.compile(r"\b(\d+(st|nd|rd|th)? century|centuries|decade|yesterday|today|tomorrow|ago|later|earlier|"
                         r"next (day|week|month|year)|last (week|month|year)|(mon|tues|wednes|thurs|fri|satur|sun)day|"
                         # "within three weeks", "in two days", "next spring", "before the autumn": when, from now
                         r"(within|in) (a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+) "
                         r"(hours?|days?|weeks?|months?|years?)|(next|this|last|the|by|until) (spring|summer|autumn|"
                         r"winter)|(next|this|last) fall)\b", re.I)
_AMOUNT_IN_WORDS = (
    r"\d(?:[\d,.]*)\s*(?:million|billion|trillion|thousand|m|bn|k)?\s*(?-i:[A-Z][a-z]+\s+)?"  # "310 Danish kroner"
    r"(?:dollars?|euros?|pounds? sterling|pounds?|yen|yuan|renminbi|rupees?|francs?|cents?|pence|kron[ae]r|kronor|"
    r"krona|rubles?|roubles?|pesos?|reais|lira|shekels?|dinars?|dirhams?|riyals?|won|rand|naira|shillings?|marks?|"
    r"guilders?|zloty)\b")
_PENCE = r"\b\d+(?:\.\d+)?p\b"
"""Pence as British news writes them ("39p", "36.5p a litre")."""
_MONEY_SAID = re.compile(
    r"[$€£¥₹]\s?\d|\b(?:usd|eur|gbp|chf|jpy|cny|inr|rs)\.?\s?\d|\b(?:us|a|c|nz|hk)\$\s?\d|\d\s?(?:usd|eur|gbp|chf)\b|"
    + _PENCE + "|" + _AMOUNT_IN_WORDS, re.I)
_MONEY_SPAN = re.compile(r"(?:\b(?:us|a|c|nz|hk))?[$€£¥₹]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|thousand|m|bn|k)\b)?|"
                         + _PENCE + "|" + _AMOUNT_IN_WORDS, re.I)
"""An amount of money as a whole ("£18,000", "250 euros", "1.2 million dollars")."""


CLOCK_SAID = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}[.:]\d{2}\s?(?:hours|hrs|GMT|BST|"
                        r"UTC|local\s+time)\b|\b(?:noon|midday|midnight|o'clock|o’clock|dawn|dusk|lunchtime|teatime|"
                        r"early\s+hours|rush\s+hour)\b|\b(?:half|quarter)\s+(?:past|to)\s+\w+|\b(?:[01]?\d|2[0-3]):[0-5]\d\b|"
                        r"\b(?:at|around|after|before|until|by)\s+(?:around\s+|about\s+|just\s+)?(?:(?:[01]?\d|2[0-3])[.:][0-5]\d"
                        r"(?![\d%])|(?:[01]?\d|2[0-3])\s+(?:tonight|last\s+night|at\s+night|this\s+(?:morning|evening|afternoon)|"
                        r"in\s+the\s+(?:morning|afternoon|evening)))", re.I)
"""A time of day ("3.40pm", "10 a.m.", "14:30 GMT", "midnight")."""


def says_money(text: str) -> bool:
    """Does the text give an amount of money ("£15,000", "250 euros")?"""
    return bool(_MONEY_SAID.search(text))


def counts(text: str) -> bool:
    """Does the text hold a number that is not an amount of money or a time of day ("41 restaurant meals", not
    "250 euros" or "at 3:40 p.m.")?"""
    return any(is_number(w) for w in words(_MONEY_SPAN.sub(" ", CLOCK_SAID.sub(" ", text))))


_BY_WHEN = re.compile(r"^\W*(?:by|until|till)\s+when\b", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|before|deadline|no\s+later\s+than|ends?|ending|expires?|runs?\s+out)\b", re.I)
_FREQUENCY_SAID = re.compile(r"\b(?:every|each)\s+(?:other\s+|few\s+|couple\s+of\s+|[a-z]+\s+(?:to|or)\s+[a-z]+\s+|\d+\s+(?:to|or|-)\s*"
                             r"\d+\s+|[a-z]+\s+|\d+\s+)?(?:minute|hour|day|night|week|fortnight|month|quarter|year|season|"
                             r"morning|evening|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|summer|"
                             r"winter|spring|autumn|easter|christmas|term)s?\b(?!\s+(?:group|session|ticket|holder|pass|"
                             r"of|[a-z]+(?:er|ers|ion|ions)\b))|\b(?:once|twice|three\s+times|several\s+times|a\s+few\s+times|"
                             r"\d+\s+times)\s+(?:a|an|per|each|every)\s+\w+|(?-i:\b(?:daily|weekly|fortnightly|monthly|"
                             r"quarterly|annually|yearly|hourly|nightly|biannually|annual|biannual|twice-yearly)\b)", re.I)
"""How often, in words or figures ("every six months", "twice a year", "weekly")."""
_AGE = re.compile(r"\b\d+[- ]years?[- ]old\b|\baged? \d+|\bage of \d+|\(\d{1,3}\)|\bborn\b", re.I)
_SPAN_SAID = re.compile(r"\b(?:until|till|through(?:out)?)\s+\w|\b(?:for|over|within)\s+(?:(?:several|a\s+few|many|"
                        r"some|the\s+next|the\s+past|the\s+coming)\s+)?(?:days|weeks|months|years|decades|hours)\b", re.I)
"""A length of time given without a number ("until the spring floods", "for several weeks")."""
_TAKE_WORDS = re.compile(r"\b(?:take|takes|taken|taking|took)\b", re.I)
_IN_WORDS = re.compile(r"\b(?:several|a\s+few|many)\s+(?:minutes|hours|days|weeks|months|years|decades)\b|\b(?:take|takes|"
                       r"took|taking|about|around|nearly|almost|over|for|within|just|under|more\s+than|less\s+than|"
                       r"at\s+least)\s+(?:an?|half\s+an?)\s+(?:minute|hour|day|week|fortnight|month|year|decade)\b", re.I)
"""A length of time in words: "several weeks", "about an hour" (not "210,000 passengers a year", a rate)."""


def fits(q: Question, sentence: str) -> bool:
    """Does the sentence contain the kind of answer the question wants (number, date, age)?"""
    if q.wants is None:
        return True
    if q.wants == AGE:
        return bool(_AGE.search(sentence))
    ws = words(sentence)
    if q.unit == CLOCK:
        return bool(CLOCK_SAID.search(sentence))
    if q.wants == DATE and _BY_WHEN.match(q.text) and not _DEADLINE.search(sentence):
        return False  # "by when?" / "until when?" wants an end or a deadline, not when a thing starts
    if q.wants == DATE:
        return bool(YEAR.search(sentence) or _TIME_WORDS.search(sentence) or any(w in MONTHS for w in ws)
                    or CLOCK_SAID.search(sentence))
    if q.unit in ("time", "length_or_time") and _IN_WORDS.search(sentence):
        return True  # "will take several weeks", "took about an hour"
    span = _SPAN_SAID.search(sentence)
    runs_until = span is not None and span.group(0)[:1] in "ut" and not _TAKE_WORDS.search(sentence[:span.start()][-30:])
    if q.unit in ("time", "length_or_time") and span and not (_TAKE_WORDS.search(q.text) and runs_until):
        return True  # "How long will the ban last?" / "at least until the spring floods" (not "would run until", asked
        # how long it takes; but "will take until spring")
    if q.unit == "frequency" and _FREQUENCY_SAID.search(sentence):
        return True  # "How often is it checked?" / "every six months", "twice a year", "weekly"
    question_numbers = {w for w in words(q.text) if is_number(w)}
    numbers = [i for i, w in enumerate(ws) if is_number(w) and w not in question_numbers]
    if not numbers:
        return False
    if q.unit == MONEY:  # "how much does it cost": an amount with its currency
        return bool(_MONEY_SAID.search(sentence))
    if q.unit is not None:  # "how long": a number followed closely by a unit of the right kind
        units = UNITS[q.unit]
        # "a 92-year-old bridge" gives an age, not a duration.
        # "210,000 passengers a year" gives a rate, not a duration.
        return any(ws[j] in units and ws[j + 1:j + 2] != ["old"] and ws[j - 1] not in ("a", "per", "each", "every")
                   for i in numbers for j in range(i + 1, min(i + 4, len(ws))))
    if q.counted:  # "how many soldiers": the counted thing must be there too
        return q.counted[-1] in set(terms(sentence))
    return True


def counts_other(q: Question, sentence: str, start: int, end: int) -> bool:
    """Does the phrase `sentence[start:end]` answer "how many X" with a count of something else ("how many buses"
    / "runs *64* routes")? Read from the words right after its number: a noun there that is not X. Unsure (no
    noun follows, or X is as general as "people") is not "something else"."""
    if not q.counted or q.counted[-1] in _ANY_COUNTED or "how many" not in q.text.lower():
        return False
    numbers = [m for m in re.finditer(r"\w[\w,.]*", sentence[start:end]) if is_number(m.group().rstrip(",."))]
    if not numbers:
        return False
    at = start + numbers[-1].end()
    part = _PART_OF.match(sentence, at)  # "six of them full-time", "three of them children": what follows counts
    after = _COUNTED_NOUN.match(sentence, part.end() if part else at)
    if part and (after is None or after.group(1).lower() in STOPWORDS):
        # "41 vacant beds …, but only 12 of them are …": "them" are what the count before it counted.
        before = [m for m in _COUNT_SAID.finditer(sentence[:start]) if is_number(m.group().rstrip(",."))
                  and not _TIME_AFTER.match(sentence, m.end())]  # not the "two years" it took
        after = _COUNTED_RUN.match(sentence, before[-1].end()) if before else None
        said = {stem(w) for w in re.findall(r"[a-z][\w'-]*", after.group(0))} - STOPWORDS if after else set()
        return bool(said) and not any(said_for(c, said) is not None or any(s[:4] == c[:4] for s in said)
                                      for c in q.counted)
    if after is None or after.group(1).lower() in STOPWORDS:
        return False
    said = {stem(w) for w in after.group(1, 2) if w}
    return not any(said_for(c, said) is not None or any(s[:4] == c[:4] for s in said) for c in q.counted)


def counts_only_other(q: Question, sentence: str) -> bool:
    """Does every number of the sentence count something other than the X of "how many X" ("how many farms
    supply Fellmart?" / "Fellmart, which runs 412 stores")? False when it has none, or when one may count X."""
    # Not a sum, a time of day, a year, an age or a day of a month ("41p", "3.40pm", "in 2019", "aged 11 to 18",
    # "on 3 March"): no counts.
    masked = _NOT_COUNTS.sub(lambda m: " " * len(m.group()), sentence)
    found = [m for m in _COUNT_SAID.finditer(masked) if m.group().rstrip(",.").lower() not in q.text.lower()]
    return bool(found) and all(counts_other(q, sentence, m.start(), m.end()) for m in found)


_COUNT_SAID = re.compile(r"\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                         r"fifty|hundreds?|thousands?|dozens?)\b", re.I)
"""A count as written: in figures, or in words ("three days"; not "one", which is as often "one of them")."""
_NOT_COUNTS = re.compile("|".join([_MONEY_SPAN.pattern, CLOCK_SAID.pattern, r"\b(?:1[5-9]|20)\d\d\b",
                                   r"\baged?\s+(?:between\s+)?\d+(?:\s*(?:to|and|-|–)\s*\d+)?",
                                   r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:%s)\b" % "|".join(m.capitalize() for m in MONTHS),
                                   r"\b(?:%s)\s+\d{1,2}\b" % "|".join(m.capitalize() for m in MONTHS)]), re.I)


_PART_OF = re.compile(r"\s+of\s+(?:them|those|these|which|whom)\b", re.I)
_ANY_COUNTED = frozenset(stem(w) for w in "people persons times ones things".split())
_COUNTED_NOUN = re.compile(r"(?:\s+|-(?=[a-z])(?!strong\b))(?:(?:million|billion|thousand|hundred|more|other|new|extra)\s+)?([a-z][\w'-]*)"
                           r"(?:\s+([a-z][\w'-]*))?")
"""The words after a number, lower case: the thing it counts ("64 routes", "1.2 million members", "a 12-acre site";
not "a 300-strong crowd", where the crowd is counted)."""


_TIME_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b", re.I)
_COUNTED_RUN = re.compile(r"(?:\s+[a-z][\w'-]*){1,4}")
"""The words after an earlier count, up to four in lower case ("41 vacant care home beds")."""


_NAMER = re.compile(r"^\s*who\s+(?:(?:will|would|is\s+going\s+to|is\s+to|did|has|had|gets?\s+to)\s+)?"
                    r"(?:names?|named|renames?|renamed|dubs?|dubbed)\b", re.I)  # not "who called the coastguard?"
_NAME_GIVEN = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+(?:re)?(?:named|called|dubbed)\s+(?:as\s+)?(?=[A-Z\"“'‘])")
_BY = re.compile(r"\bby\s+(?:the\s+)?[A-Z]")


def name_given(question: str, before: str) -> bool:
    """Is the phrase that follows `before` the name given, where the question asks who gives it ("who will name the
    boat?" / "The boat will be named | Winifred Castellow")?"""
    given = _NAME_GIVEN.search(before + "X") if _NAMER.match(question) else None  # "X": the phrase's first letter
    return given is not None and given.end() == len(before)


def only_name_given(question: str, sentence: str) -> bool:
    """Does the sentence give only the name, not who gives it, where the question asks who does ("The boat will be
    named Winifred Castellow at a ceremony": no one "by" whom)?"""
    return _NAMER.match(question) is not None and _NAME_GIVEN.search(sentence) is not None \
        and not _BY.search(sentence)


_ENDS_Q = re.compile(r"^\s*(?:and\s+)?when\s+(?:does|do|will|did|is|are|was|would)\s+(?P<thing>.+?)\s+(?:end|finish|stop|expire|"
                     r"run\s+out|come\s+to\s+an\s+end|conclude|be\s+over)\b", re.I)
_GIVES_END = re.compile(r"\b(?:until|till|to\s+run\s+to|ends?|ended|ending|finish(?:es|ed|ing)?|expires?|expired|through|"
                        r"concludes?|concluded|last\s+day|over\s+by)\b", re.I)
_STARTS = re.compile(r"\b(?:starting|starts?|started|begins?|beginning|began|from|launch(?:es|ed|ing)?|takes?\s+effect|"
                     r"comes?\s+into\s+force)\b", re.I)


def start_not_end(question: str, sentence: str) -> bool:
    """Does the sentence date only the start of what "when does it end?" asks ("… will cut its winter timetable …,
    starting on 3 November")?"""
    m = _ENDS_Q.match(question)
    ended = m.group(0).split()[-1].lower() if m else ""  # "when would it stop …?" / "would stop admitting … from"
    return m is not None and _STARTS.search(sentence) is not None and _GIVES_END.search(sentence) is None \
        and re.search(rf"\b{ended[:4]}\w*", sentence, re.I) is None


_STARTS_Q = re.compile(r"^\s*(?:and\s+)?(?:when|(?:at\s+)?what\s+time)\s+(?:does|do|will|did|is|are|was|would)\s+(?P<thing>.+?)"
                       r"\s+(?P<verb>start|begin|open|kick\s+off)\b", re.I)


_ENDS_AT = re.compile(r"\b(?:finish(?:es|ed)?|ends?|ended|clos(?:e|es|ed)|shuts?)\s+(?:at|by)\s+(?=\d)", re.I)
_OPENING_TOLD = re.compile(r"\b(?:start|begin|began|from|until|till|when|first|ready|under\s*way|get\s+going)|open", re.I)


def end_not_start(question: str, sentence: str) -> bool:
    """Does the sentence give only the time of day the thing ends ("The school day will finish at 4.15pm instead of
    3.05pm"), where "what time does it start?" asks the other? Only a time told with its ending word, and no word of
    an opening ("reopen", "from", "until", "when") anywhere in the sentence."""
    m = _STARTS_Q.match(question)
    ends = _ENDS_AT.search(sentence)
    return m is not None and ends is not None and CLOCK_SAID.match(sentence, ends.end()) is not None \
        and _OPENING_TOLD.search(sentence) is None and CLOCK_SAID.search(sentence[:ends.start()]) is None \
        and all(re.search(r"(?:instead\s+of|rather\s+than|not|from)\s+$", sentence[:c.start()], re.I)
                for c in list(CLOCK_SAID.finditer(sentence, ends.end()))[1:])  # "… at 4.15pm instead of 3.05pm"


_RETURN_Q = re.compile(r"^\s*(?:and\s+)?when\s+.*\b(?:re-?(?:open|start|sume|turn)\w*|(?:open|be\s+open)\s+again|be\s+back)\b", re.I)
_SINCE = re.compile(r"\b(?:been|remained|stayed)\s+(?:[\w-]+\s+){0,3}?(?:since|from)\b", re.I)
_AHEAD = re.compile(r"\b(?:will|would|due|expected?|until|till|by|set\s+to|plans?|planned|hopes?|open\w*|again|back|"
                    r"re-?(?:open|start|sum|turn)\w*|on\s+course|finish\w*|welcome\w*|for\s+(?:a|an|\d+|one|two|three|four|five|"
                    r"six|eight|ten|twelve)[\s-]+(?:\w+[\s-]+)?(?:days?|weeks?|months?|years?))\b", re.I)


def since_not_return(question: str, sentence: str) -> bool:
    """Does the sentence date only since when a state has held, where the question asks when it ends by a return
    ("when is the pier going to reopen?" / "has been closed since storms in December 2019"), and say nothing of
    what is to come ("but is due to open in June", "will stay closed until the autumn")?"""
    return _RETURN_Q.match(question) is not None and _SINCE.search(sentence) is not None \
        and _AHEAD.search(sentence) is None


def end_told(question: str, sentence: str) -> bool:
    """Does the sentence tell when the thing "when does it end?" asks about ends ("the reduced timetable would run
    until 28 March"): an end's word, a date, and a word of the thing?"""
    m = _ENDS_Q.match(question)
    return m is not None and _GIVES_END.search(sentence) is not None and has_date(sentence) \
        and bool(set(terms(m.group("thing"))) & set(terms(sentence)))


def only_told_again(question: str, sentence: str) -> bool:
    """Does the sentence only tell again what "why …?" asks about, with a time or a place at most ("Why did the
    ferry sink?" / "The ferry sank off Larn Point the next day."): every word asked, and four new ones at most, each a
    name, a number or a word of time or place?"""
    asked = set(terms(question)) - {"why"}
    said = set(terms(sentence)) | {stem(w) for w in words(sentence)}
    asked_stems = {stem(w) for w in words(question) if w not in STOPWORDS} - {"whi", "why", "did", "doe"}
    named = {stem(w.lower()) for w in re.findall(r"\b[A-Z][\w'’-]*", sentence)}
    extra = set(terms(sentence)) - asked
    return bool(asked) and asked_stems <= said and len(extra) <= 4 and not explains(sentence) and all(
        is_number(w) or w in named or w in _WHEN_WHERE for w in extra)


_WHEN_WHERE = frozenset(stem(w) for w in """near next last day days week weeks month months year years morning afternoon
evening night later earlier ago today yesterday tomorrow weekend hour hours minute minutes north south east west outside
inside early late""".split()) | {stem(m) for m in MONTHS}
"""Words that only place or time what happened ("off Larn Point the next day")."""


def counted_together(question: str, sentence: str) -> bool:
    """Does "how many … in X?" meet a count the sentence gives for X and another place together ("How many were sold
    in Canada?" / "… 48,000 battery packs sold in the United States and Canada"): not X's alone?"""
    asked = re.search(r"\b(?:in|from|to|for)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", question)
    if asked is None:
        return False
    place = re.escape(asked.group(1))
    other = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
    joined = re.compile(rf"{other}\s+(?:and|or)\s+(?:the\s+)?{place}\b|\b{place}\s+(?:and|or)\s+{other}")
    return joined.search(sentence) is not None and joined.search(question) is None  # both asked: both counted


def age_beside(q: Question, sentence: str) -> bool:
    """Does the sentence give the age of someone the question names the way news does, after the name between
    commas ("Ana Lind, 41, was elected")? The name as typed, capitals or not ("how old is lind")."""
    asked = {w for w in words(q.text) if w not in STOPWORDS and not is_number(w)}
    return any(m.group(1).lower() in asked for m in _AGE_BESIDE.finditer(sentence))


_AGE_BESIDE = re.compile(r"\b([A-Z][\w'-]+)\s*,\s*\d{1,3}\s*,")
