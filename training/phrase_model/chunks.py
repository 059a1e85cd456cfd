"""Candidate answer phrases of a sentence (names, numbers with their units, amounts, dates, noun phrases),
read off the Penn tags of spaCy's tagger (lang/tagging.py); tagged sentences are cached, and several are
tagged in one batch."""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from lang.rules import YEAR
from lang.tagging import pipeline
from lang.words import MONTHS, stem

# Only the tagger runs (with its tok2vec): about 1.6 ms for a 27-word sentence on one core. The NER
# would add about 2.5 ms, past the 3 ms budget of the whole step, for 1 to 2 points of token F1 (measured
# on held-out articles), so names, numbers and dates come from tag rules; the parser is not needed either.
TAGGER_EXCLUDE = ("parser", "lemmatizer", "attribute_ruler", "senter", "ner")
MAX_CANDIDATE_TOKENS = 12
CACHE_SENTENCES = 4096

_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS",
                      "HYPH", "NFP", "$", "VBG"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "$"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_EDGE_TAGS = frozenset({"POS", "HYPH", "NFP", ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "_SP"})
_ARTICLES = frozenset({"a", "an", "the"})
@dataclass(frozen=True)
class Chunk:
    """A candidate answer phrase of a sentence (a name, a number with its unit, a date, a noun phrase)."""

    start: int
    end: int
    """Character offsets into the sentence."""
    first: int
    last: int
    """Token indices (inclusive first, exclusive last)."""
    label: str
    kind: str
    """'number', 'date' or 'chunk'."""


@dataclass(frozen=True)
class Parsed:
    """What the candidates' features need of a sentence: tokens, their tags and stems, and the candidates."""

    text: str
    tags: tuple[str, ...]
    stems: tuple[str, ...]
    candidates: tuple[Chunk, ...]



def nlp():
    """The tagger pipeline, loaded once on first use."""
    return pipeline(TAGGER_EXCLUDE)


_cache: OrderedDict[str, Parsed] = OrderedDict()
_lock = threading.Lock()  # the chat answers several questions at once


def parse(sentence: str) -> Parsed:
    """Tags and candidate spans of a sentence (cached: evidence sentences recur)."""
    return parse_many([sentence])[0]


def parse_many(sentences: list[str]) -> list[Parsed]:
    """parse() for several sentences, tagging the ones not cached in one batch."""
    with _lock:
        missing = [s for s in dict.fromkeys(sentences) if s not in _cache]
        for sentence, doc in zip(missing, nlp().pipe(missing)):
            _cache[sentence] = parsed_from_doc(doc)
        out = []
        for s in sentences:
            _cache.move_to_end(s)
            out.append(_cache[s])
        while len(_cache) > CACHE_SENTENCES:
            _cache.popitem(last=False)
        return out


def parsed_from_doc(doc) -> Parsed:
    """Parsed of a spaCy Doc (the training script runs many sentences through `nlp().pipe`)."""
    tokens = list(doc)
    return Parsed(
        text=doc.text,
        tags=tuple(t.tag_ for t in tokens),
        stems=tuple(stem(t.text.lower()) for t in tokens),
        candidates=tuple(_candidates(doc)),
    )


def _candidates(doc) -> list[Chunk]:
    tokens = list(doc)
    tags = [t.tag_ for t in tokens]
    spans: dict[tuple[int, int], tuple[str, str]] = {}

    def add(first: int, last: int, label: str, kind: str) -> None:
        # Articles, possessive endings, punctuation and spaces are not part of the phrase shown.
        while first < last and (tokens[first].lower_ in _ARTICLES or tags[first] in _EDGE_TAGS):
            first += 1
        while last > first and (tags[last - 1] in _EDGE_TAGS or tags[last - 1] == "DT"):
            last -= 1
        if first >= last or last - first > MAX_CANDIDATE_TOKENS:
            return
        if not any(tags[i] in _NOUN_TAGS or tokens[i].like_num for i in range(first, last)) and kind == "chunk":
            return
        spans.setdefault((first, last), (label, kind))

    for first, last, label in _rule_entities(tokens, tags):
        add(first, last, label, "number" if label in ("NUM", "NUM_UNIT", "MONEY", "PERCENT") else "date")

    chunks = _noun_runs(tags)
    for first, last in chunks:
        proper = all(tags[i] in _PROPER_TAGS or tags[i] in ("DT", "POS", "HYPH") for i in range(first, last))
        add(first, last, "PROPN" if proper else "NP", "chunk")
        if proper and last - first >= 2:
            add(first + 1, last, "PROPN", "chunk")  # without a title: "President Vladimir Putin"
        # Parts of a run: before and after a possessive, and its trailing noun sequence.
        for i in range(first, last):
            if tags[i] == "POS":
                add(first, i, "NP", "chunk")
                add(i + 1, last, "NP", "chunk")
        head = last
        while head > first and tags[head - 1] in ("NN", "NNS", "NNP", "NNPS"):
            head -= 1
        if first < head < last:
            add(head, last, "NP", "chunk")
    # "the capital of France": a noun phrase with its "of" complement.
    for (f1, l1), (f2, l2) in zip(chunks, chunks[1:]):
        if l1 + 1 == f2 and tokens[l1].lower_ == "of":
            add(f1, l2, "NP_OF", "chunk")
    out = []
    for (first, last), (label, kind) in spans.items():
        out.append(Chunk(start=tokens[first].idx, end=tokens[last - 1].idx + len(tokens[last - 1].text),
                             first=first, last=last, label=label, kind=kind))
    return sorted(out, key=lambda c: (c.start, c.end))




def _rule_entities(tokens, tags) -> list[tuple[int, int, str]]:
    """Numbers (with a unit noun after, a modifier before), amounts of money, percentages and dates,
    read from the tags: what NER would label, for the pipeline without NER."""
    out = []
    i = 0
    while i < len(tokens):
        if tags[i] != "CD" and not (tags[i] == "$" and i + 1 < len(tokens) and tags[i + 1] == "CD"):
            i += 1
            continue
        first = i
        j = i + 1 if tags[i] == "$" else i
        while j < len(tokens) and tags[j] in ("CD", "HYPH") or (j < len(tokens) and tokens[j].lower_ in ("to", "and")
                                                                 and j + 1 < len(tokens) and tags[j + 1] == "CD"):
            j += 1
        last = j
        text = " ".join(t.lower_ for t in tokens[first:last])
        months = any(t.lower_ in MONTHS for t in tokens[max(0, first - 2):min(len(tokens), last + 2)])
        if tags[first] == "$":
            label = "MONEY"
        elif last < len(tokens) and tokens[last].lower_ in ("%", "percent", "per"):
            label, last = "PERCENT", last + 1
        elif months or (YEAR.fullmatch(text) is not None):
            label = "DATE"
            while first > 0 and (tokens[first - 1].lower_ in MONTHS or tags[first - 1] == "CD"):
                first -= 1
            while last < len(tokens) and (tokens[last].lower_ in MONTHS or tags[last] == "CD"
                                          or (tokens[last].text == "," and last + 1 < len(tokens)
                                              and YEAR.fullmatch(tokens[last + 1].text) is not None
                                              and tags[last - 1] == "CD" and first < last - 1)):
                last += 1
        else:
            label = "NUM"
        out.append((first, last, label))
        if label == "NUM":
            unit = last
            while unit < len(tokens) and tags[unit] in ("NN", "NNS", "JJ", "HYPH") and unit - last < 3:
                unit += 1
            if unit > last:
                out.append((first, unit, "NUM_UNIT"))
        # A modifier before the number: "approximately two thousand", "more than 1,100".
        before = first
        if before > 0 and tokens[before - 1].lower_ == "than" and before > 1:
            before -= 2
        elif before > 0 and tags[before - 1] in ("RB", "JJR"):
            before -= 1
        if before < first:
            out.append((before, last, label))
        i = max(last, i + 1)
    # Months on their own ("in September").
    for k, t in enumerate(tokens):
        if t.lower_ in MONTHS and tags[k] == "NNP":
            out.append((k, k + 1, "DATE"))
    return out


def _noun_runs(tags: list[str]) -> list[tuple[int, int]]:
    runs, first = [], None
    for i, tag in enumerate(tags + ["END"]):
        if tag in _NP_TAGS:
            if first is None:
                first = i
        elif first is not None:
            runs.append((first, i))
            first = None
    return runs


