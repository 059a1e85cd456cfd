"""Words, terms, names and numbers: the small language toolkit shared by retrieval and evidence."""
from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_stemmer = Stemmer.Stemmer("english")
# Hyphenated words count as their parts ("Haftar-Putin", "2019-2020", "cease-fire").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$")

# Function words carry no evidence; the question words also say what kind of answer is wanted.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom whose why will with would you your yours yourself yourselves
according said says say tell tells told one's s t
""".split())
QUESTION_WORDS = frozenset("what when where which who whom whose why how".split())
# Verbs and nouns so general that a question may use them without the article doing so.
LIGHT_WORDS = frozenset("""
want wants wanted do does did make makes made get gets got happen happened happens take took taken give gave
given go went come came use used name named called call kind type thing things way mean means meant
people person many much first last new old large big small time year years like
""".split())

NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
million millions billion billions trillion dozen dozens half quarter single double twice once
first second third fourth fifth sixth seventh eighth ninth tenth
""".split())
MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_NUMBER = re.compile(r"\d")


def words(text: str) -> list[str]:
    """Lower-case words, possessives dropped ("Haftar’s" -> "haftar")."""
    return [_POSSESSIVE.sub("", w.lower()) if len(w) > 2 else w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Stems of the content words: the units of keyword search and of lexical evidence."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def terms_many(texts: list[str]) -> list[list[str]]:
    """terms() for many texts at once (PyStemmer stems a whole list in C)."""
    out = []
    for text in texts:
        ws = [w for w in words(text) if w not in STOPWORDS]
        out.append(_stemmer.stemWords(ws))
    return out


def is_number(word: str) -> bool:
    return bool(_NUMBER.search(word)) or word.lower() in NUMBER_WORDS


def terms_match(a: str, b: str) -> bool:
    """Stems match, or one is a prefix of the other ("russia"/"russian", "libya"/"libyan")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    # Compounds end with their head: "midsummer" is a summer, "warship" a ship.
    return len(short) >= 5 and long_.endswith(short)


_CONNECTORS = {"of", "the", "de", "al", "bin", "von", "van", "la", "le", "du", "del", "da"}


def names(text: str) -> list[str]:
    """Proper names and numbers in a text: runs of capitalized words ("Admiral Kuznetsov",
    "Junus-Bek Yevkurov"), digits ("2022", "August 22" -> "August 22"). The first word of the
    text counts only when it is not a common word ("Who", "The", "Russia")."""
    tokens = list(re.finditer(r"[\w’'-]+", text))
    out: list[str] = []
    run: list[str] = []
    first_word = True
    prev_end = -1
    for m in tokens:
        word = m.group(0)
        gap = text[prev_end:m.start()] if prev_end >= 0 else ""
        sentence_start = first_word or re.search(r"[.!?:;\"“]\s*$", gap) is not None
        capital = word[:1].isupper() or word[:1].isdigit()
        common = word.lower() in STOPWORDS or word.lower() in QUESTION_WORDS
        breaks = bool(re.search(r"[,;:()\"“”]", gap))
        if run and (breaks or not (capital or (word.lower() in _CONNECTORS and not breaks))):
            out.append(" ".join(run).strip())
            run = []
        if capital and not (sentence_start and common):
            run.append(_POSSESSIVE.sub("", word) if len(word) > 2 else word)
        elif run and word.lower() in _CONNECTORS:
            run.append(word)
        first_word = False
        prev_end = m.end()
    if run:
        out.append(" ".join(run))
    cleaned = []
    for name in out:
        parts = name.split()
        while parts and parts[-1].lower() in _CONNECTORS:
            parts.pop()
        if parts:
            cleaned.append(" ".join(parts))
    return cleaned
