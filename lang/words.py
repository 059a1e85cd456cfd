"""Words, terms, names and numbers: the small language toolkit shared by retrieval and evidence."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import Stemmer

from .aliases import aliases


def glasgow_stop_words() -> frozenset[str]:
    """The Glasgow IR group's English stop words as scikit-learn ships them, kept as a data file beside this
    module (tests/test_lang_rules.py checks it against scikit-learn's): importing scikit-learn would add 1.4 s
    to every start for one list."""
    lines = (Path(__file__).with_name("stop_words.txt")).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


_stemmer = Stemmer.Stemmer("english")
# Hyphenated words count as their parts ("Roth-Weber", "2019-2020", "cease-fire").
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
# scikit-learn's list adds conjunctions and adverbs ("since", "although", "whereas") that start
# questions and sentences in capitals without being names.
FUNCTION_WORDS = STOPWORDS | QUESTION_WORDS | glasgow_stop_words()
NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
million millions billion billions trillion dozen dozens half quarter single double twice once
first second third fourth fifth sixth seventh eighth ninth tenth
""".split())
MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NUMBER = re.compile(r"\d")


def words(text: str) -> list[str]:
    """Lower-case words, possessives dropped ("Roth’s" -> "roth")."""
    return [w.lower() for w in _tokens(text)]


def _tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) if len(w) > 2 else w for w in _WORD.findall(text)]


def term_words(text: str) -> list[str]:
    """Lower-case content words, each country name, adjective or abbreviation merged into one term."""
    tokens = _tokens(text)
    table = aliases()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        hit = table.match(tokens, i) if tokens[i][:1].isupper() else None
        if hit:
            out.append(hit[0])
            i += hit[1]
            continue
        w = tokens[i].lower()
        if w not in STOPWORDS:
            out.append(w)
        i += 1
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """Stems of the content words: the units of keyword search and of lexical evidence."""
    return [stem(w) for w in term_words(text)]


def roots(text: str) -> set[str]:
    """The content words' stems, a noun made from a verb by its verb ("closure", "close": "clos"; "approval",
    "approve": "approv"): what a topic is matched by, however the article words the deed."""
    return {root_of(t) for t in terms(text)}


def root_of(term: str) -> str:
    """The root of one stem, as `roots` reads each ("rise": "ris", "closur": "clos")."""
    cut = _DERIVED.sub("", term)
    return (cut if len(cut) >= 4 else term).removesuffix("e")


_DERIVED = re.compile(r"(?:ure|ur|ment|al)$")


def same_root(a: str, b: str) -> bool:
    """Two stems of one word family ("suspend" / "suspens", "clos" / "closur"): the same root, or alike in all but
    the last letter of each, six at least (not "protest" / "protect", "contract" / "contrast")."""
    if root_of(a) == root_of(b):
        return True
    n = len(os.path.commonprefix([a, b]))
    return n >= 6 and max(len(a), len(b)) - n <= 1


def terms_many(texts: list[str]) -> list[list[str]]:
    """terms() for many texts at once (PyStemmer stems a whole list in C)."""
    out = []
    for text in texts:
        out.append(_stemmer.stemWords(term_words(text)))
    return out


def is_number(word: str) -> bool:
    return bool(_NUMBER.search(word)) or word.lower() in NUMBER_WORDS


_CONNECTORS = {"of", "the", "de", "al", "bin", "von", "van", "la", "le", "du", "del", "da"}


_ABBREVIATIONS = frozenset("capt prof corp bros govt sept assn dept univ supt insp gen col sgt lt rev jr sr st mr mrs ms dr"
                           .split())


def _ends_sentence(word: str) -> bool:
    """Does a full stop after this word of a name end a sentence ("… said Derek Ostrowski. Councillor Alison …"),
    rather than an abbreviation ("Dr. Ana Roth", "U.S. Navy", "Prof. Weber")?"""
    return word.isdigit() or (len(word) >= 4 and not word.isupper() and word.lower() not in _ABBREVIATIONS)


def names(text: str) -> list[str]:
    """Proper names and numbers in a text: runs of capitalized words ("Mayor Anna Roth",
    "Jean-Luc Weber"), digits ("2022", "August 22" -> "August 22"). The first word of the
    text counts only when it is not a common word ("Who", "The", "Since")."""
    tokens = list(re.finditer(r"[\w’'-]+(?:&[\w’'-]+)*", text))  # "A&E", "AT&T", "P&O Ferries": one name
    out: list[str] = []
    run: list[str] = []
    first_word = True
    prev_end = -1
    for m in tokens:
        word = m.group(0)
        gap = text[prev_end:m.start()] if prev_end >= 0 else ""
        sentence_start = first_word or re.search(r"[.!?:;\"“]\s*$", gap) is not None
        capital = word[:1].isupper() or word[:1].isdigit()
        # A capitalized function word ("Since", "Which", "Although") starts no name; an abbreviation
        # in capitals ("US") is one, though "us" is a function word.
        lower = re.sub(r"['’]s$", "", word.lower())  # "What's", "Who's": the question word
        acronym = word.isupper() and len(word) > 1
        common = not acronym and (lower in STOPWORDS or lower in QUESTION_WORDS
                                  or (sentence_start and lower in FUNCTION_WORDS))
        # A spaced dash parts two names ("LANCHESTER — Corin Vasey": a date line, then the story); "Lennon–McCartney"
        # is one.
        breaks = bool(re.search(r"[,;:()\"“”]|\s[—–]|[—–]\s", gap)) or (  # "… was 17. Priya Halloway said …"
            bool(run) and re.match(r"\.\s", gap) is not None and _ends_sentence(run[-1]))
        if run and (breaks or not (capital or (word.lower() in _CONNECTORS and not breaks))):
            out.append(" ".join(run).strip())
            run = []
        if capital and not common:
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


def name_keys(name: str) -> list[str]:
    """The keyword terms that say an article names `name`: the pairs of its words as written, lower-cased
    and not stemmed ("Lentos Energy" -> "lentos_energy", which "Lento Energy" is not), or its one term."""
    parts = term_words(name)
    return [f"{a}_{b}" for a, b in zip(parts, parts[1:])] if len(parts) > 1 else terms(name)


def name_pairs(text: str) -> list[str]:
    """Consecutive word pairs of the text's multi-word names, as single keyword terms ("Tamsin Foundation"
    -> "tamsin_foundation"): keyword search then ranks the exact name above look-alikes that share one word
    ("Tamsen Foundation", "Tamsin Bank"). Used by the keyword index only, not by the evidence signals."""
    return [key for name in names(text) if len(term_words(name)) > 1 for key in name_keys(name)]


def another_of_its_kind(asked: str, question: str, sentence: str) -> bool:
    """Does the question name a thing (`asked`, a stem) as known ("the road") that the sentence names only as a new
    one, said to be another ("the only other way out … is a single-track moor road")?"""
    def dets(text: str, reach: int) -> list[str]:  # the nearest determiner up to `reach` words before each mention
        tokens = [t.lower() for t in re.findall(r"[\w'’-]+", text)]
        return [next((d for d in reversed(tokens[max(0, k - reach):k]) if d in _DETERMINERS), "")
                for k, t in enumerate(tokens) if stem(t) == asked]
    asked_as, said_as = dets(question, 1), dets(sentence, 3)  # "the road" asked; "a single-track moor road" said
    # News brings in the very one asked about with "a" too ("A lorry driver was fined …"): only a sentence that says
    # it is another ("The only other way out … is a farm road") tells it apart.
    return "the" in asked_as and bool(said_as) and all(d in ("a", "an", "another") for d in said_as) and \
        _OTHER.search(sentence) is not None


_DETERMINERS = frozenset("the a an this that its their his her our another".split())
_OTHER = re.compile(r"\b(?:other|another|different|alternative|second)\b", re.I)


def cased_as(question: str, text: str) -> str:
    """The question with each word typed in lower case that the text writes only as a name, capitalized inside its
    sentences and never in lower case ("will castlegate lower the rent?" / "… said Castlegate Estates": "will
    Castlegate lower the rent?"): a parser reads a lower-case name as a verb. Not the question's first word, nor
    one after a determiner ("did the union accept?": a thing named by its kind), nor a word that only opens a
    sentence or a line ("Rents rose").""" 
    # After a word in lower case: not a Title Case headline's ("Will Fares Rise").
    written = {m.group(1) for m in re.finditer(r"\b[a-z][\w'’-]*,?\s+([A-Z][a-z][\w'’-]*)", text)}
    lower = {w.lower() for w in re.findall(r"\b[a-z][\w'’-]*", text)}
    out = question.split(" ")
    for i in range(1, len(out)):
        w = out[i]
        if w[:1].islower() and out[i - 1].lower() not in _DETERMINERS and w.capitalize() in written \
                and w not in lower and w not in STOPWORDS:
            out[i] = w.capitalize()
        # The rest of a name the text writes whole ("hollins lea": "Hollins Lea").
        elif w[:1].islower() and out[i - 1][:1].isupper() and i > 1 and w not in lower and w not in STOPWORDS \
                and f"{out[i - 1]} {w.capitalize()}" in text:
            out[i] = w.capitalize()
    return " ".join(out)
