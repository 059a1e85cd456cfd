"""The signals the learned judge reads: one row per candidate sentence, one row per question.

Every signal is a plain number computed the same way at training time (`training.judge`) and when
answering, so the committed model sees at run time exactly what it was fitted on.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from qa.question import Question
from lang.rules import gives_reason, has_date, name_in, negated, text_keys
from lang.words import is_number, names, terms, words
from qa.retrieval.retrieve import RRF_K

from .answer_kinds import fits
from .scores import ranks

"""Reciprocal rank fusion's usual constant (the sentence-level fusion of cosine and BM25)."""
BM25_K1, BM25_B = 1.2, 0.75
"""The usual BM25 constants (as in bm25s and Lucene)."""

RELATIVE_TIME = re.compile(r"\b(a|an|one|two|three|few|several|\d+) (days?|weeks?|months?|years?) (later|earlier|before|"
                           r"after|ago)\b|\b(the )?(next|following|previous) (day|week|month|year)\b|\b(yesterday|"
                           r"today|tomorrow|the same day|that day|then)\b", re.I)
WH = ("who", "when", "where", "why", "how", "which", "what", "yesno")


@dataclass(frozen=True)
class Sentence:
    """Where a sentence sits: its article, its passage, its offsets (`text == source[start:end]`)."""

    passage_rank: int
    """The rank of its passage in the fused retrieval (0 = first)."""
    passage_id: str
    source: str
    start: int
    end: int
    text: str
    passage_start: int
    passage_end: int
    passage_text: str


@dataclass(frozen=True)
class Candidate(Sentence):
    """A sentence of a retrieved passage, with what retrieval knows about it."""

    index: int
    """The sentence's position in its passage."""
    cosine: float
    passage_vector_rank: int | None
    passage_bm25_rank: int | None


def previous_sentences(cands: list[Candidate], chosen) -> list[str]:
    """The sentence before each chosen candidate in its passage ("" for a passage's first): every sentence of a
    retrieved passage is a candidate, so it is found among them."""
    at = {(c.passage_id, c.index): c.text for c in cands}
    return [at.get((cands[int(i)].passage_id, cands[int(i)].index - 1), "") for i in chosen]


SENTENCE_FEATURES = (
    "cosine", "cosine_rank", "bm25", "bm25_share", "bm25_rank", "rrf", "rrf_rank", "passage_rank",
    "passage_vector_rank", "passage_bm25_rank", "coverage", "passage_coverage", "neighbour_coverage",
    "fits", "wants_kind", "names_missing", "names_missing_passage", "new_names", "relation", "length",
    "has_number", "has_date", "relative_time", "first_in_passage",
)
QUESTION_FEATURES = (
    "top_score", "margin", "top_cosine", "max_cosine", "top_coverage", "max_coverage", "top_passage_coverage",
    "top_relation", "names_missing", "names_missing_all", "fits", "fits_top3", "wants_kind",
    "agreement", "negation", "question_terms", "top_bm25", "top_rrf", "rarest_missing_passage",
    "rarest_missing_sentence", "any_name_missing", "any_name_missing_all",
) + tuple(f"wh_{w}" for w in WH)


@lru_cache(maxsize=65536)
def term_set(text: str) -> frozenset[str]:
    """terms(text) as a set, cached: the same passages come back question after question."""
    return frozenset(terms(text))


def _recip(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def coverage(q: Question, found: set[str]) -> float:
    """Weighted share of the question's terms among `found` (rare terms weigh more)."""
    total = sum(q.weights.values())
    return sum(w for t, w in q.weights.items() if t in found) / total if total > 0 else 0.0


def names_missing(q: Question, text: str) -> list[str]:
    """The question's names and numbers that the text does not mention (lang.rules.name_in)."""
    found = text_keys(text)
    return [name for name in q.names if not name_in(name, found)]


def new_names(q: Question, text: str) -> list[str]:
    """Names in the text that the question does not already mention."""
    qn = {t for n in q.names for t in terms(n)}
    return [n for n in names(text) if not set(terms(n)) <= qn]


def relation_coverage(q: Question, found: set[str]) -> float:
    """Weighted share of the question's terms that are not part of its names (1.0 if there are none):
    "Who is the mayor of X?" is not answered by a sentence that only mentions X."""
    name_terms = {t for n in q.names for t in terms(n)}
    rel = {t: w for t, w in q.weights.items() if t not in name_terms}
    total = sum(rel.values())
    return sum(w for t, w in rel.items() if t in found) / total if total > 0 else 1.0


def bm25_scores(q: Question, sentence_terms: list[list[str]], idf) -> np.ndarray:
    """BM25 of each sentence for the question's terms. The term rarity comes from the whole store
    (`idf`), not from these few sentences, which would make every shared word look rare."""
    if not sentence_terms:
        return np.zeros(0)
    avg = max(sum(len(t) for t in sentence_terms) / len(sentence_terms), 1.0)
    out = np.zeros(len(sentence_terms))
    for i, ts in enumerate(sentence_terms):
        counts: dict[str, int] = {}
        for t in ts:
            counts[t] = counts.get(t, 0) + 1
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(ts) / avg)
        out[i] = sum(idf(t) * counts[t] * (BM25_K1 + 1) / (counts[t] + norm) for t in q.terms if t in counts)
    return out


@dataclass(frozen=True)
class SentenceSignals:
    """The per-sentence rows and the readable signals the reasons are built from."""

    matrix: np.ndarray
    """One row per candidate, columns as SENTENCE_FEATURES."""
    rrf: np.ndarray
    """Sentence-level reciprocal rank fusion of cosine and BM25: the base ranking."""
    missing: list[list[str]]
    """For each candidate: the question's names its passage does not mention."""
    coverage: np.ndarray
    passage_coverage: np.ndarray
    fits: np.ndarray


def sentence_signals(q: Question, cands: list[Candidate], idf) -> SentenceSignals:
    n = len(cands)
    col = {name: np.zeros(n) for name in SENTENCE_FEATURES}
    if n == 0:
        return SentenceSignals(np.zeros((0, len(SENTENCE_FEATURES))), np.zeros(0), [], np.zeros(0), np.zeros(0),
                               np.zeros(0, dtype=bool))
    sent_terms = [terms(c.text) for c in cands]
    sent_sets = [term_set(c.text) for c in cands]
    passage_sets: dict[str, set[str]] = {}
    passage_missing: dict[str, list[str]] = {}
    for c in cands:
        if c.passage_id not in passage_sets:
            passage_sets[c.passage_id] = term_set(c.passage_text)
            passage_missing[c.passage_id] = names_missing(q, c.passage_text)
    cos = np.array([c.cosine for c in cands])
    bm = bm25_scores(q, sent_terms, idf)
    r_cos, r_bm = ranks(cos), ranks(bm)
    rrf = 1.0 / (RRF_K + r_cos) + 1.0 / (RRF_K + r_bm)
    cov = np.array([coverage(q, s) for s in sent_sets])
    by_pos = {(c.passage_id, c.index): i for i, c in enumerate(cands)}
    n_names = max(len(q.names), 1)
    col["cosine"] = cos
    col["cosine_rank"] = 1.0 / r_cos
    col["bm25"] = np.log1p(bm)
    col["bm25_share"] = bm / bm.max() if bm.max() > 0 else bm
    col["bm25_rank"] = 1.0 / r_bm
    col["rrf"] = rrf * RRF_K / 2  # 1.0 for a sentence both rankings put first
    col["rrf_rank"] = 1.0 / ranks(rrf)
    col["coverage"] = cov
    col["wants_kind"] = np.full(n, float(q.wants is not None))
    fit = np.zeros(n, dtype=bool)
    for i, c in enumerate(cands):
        neighbours = [by_pos.get((c.passage_id, c.index + d)) for d in (-1, 1)]
        col["passage_rank"][i] = 1.0 / (1 + c.passage_rank)
        col["passage_vector_rank"][i] = _recip(c.passage_vector_rank)
        col["passage_bm25_rank"][i] = _recip(c.passage_bm25_rank)
        col["passage_coverage"][i] = coverage(q, passage_sets[c.passage_id])
        col["neighbour_coverage"][i] = max([cov[j] for j in neighbours if j is not None], default=0.0)
        fit[i] = fits(q, c.text)
        col["names_missing"][i] = len(names_missing(q, c.text)) / n_names if q.names else 0.0
        col["names_missing_passage"][i] = len(passage_missing[c.passage_id]) / n_names if q.names else 0.0
        col["new_names"][i] = min(len(new_names(q, c.text)), 3) / 3
        col["relation"][i] = relation_coverage(q, sent_sets[i])
        col["length"][i] = math.log1p(len(sent_terms[i]))
        col["has_number"][i] = float(any(is_number(w) for w in words(c.text)))
        col["has_date"][i] = float(has_date(c.text))
        col["relative_time"][i] = float(bool(RELATIVE_TIME.search(c.text)))
        col["first_in_passage"][i] = float(c.index == 0)
    col["fits"] = fit.astype(float)
    matrix = np.column_stack([col[name] for name in SENTENCE_FEATURES])
    return SentenceSignals(matrix, rrf, [passage_missing[c.passage_id] for c in cands], cov,
                           col["passage_coverage"], fit)


def question_row(q: Question, cands: list[Candidate], sig: SentenceSignals, scores: np.ndarray,
                 order: np.ndarray) -> np.ndarray:
    """The question-level row for the answerability model; `order` ranks the candidates (best first)
    by `scores`, the ranker's logits."""
    m = sig.matrix
    f = dict.fromkeys(QUESTION_FEATURES, 0.0)
    top = order[0]
    idx = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    f["top_score"] = float(scores[top])
    f["margin"] = float(scores[top] - scores[order[1]]) if len(order) > 1 else 1.0
    f["top_cosine"] = m[top, idx["cosine"]]
    f["max_cosine"] = float(m[:, idx["cosine"]].max())
    f["top_coverage"] = m[top, idx["coverage"]]
    f["max_coverage"] = float(m[:, idx["coverage"]].max())
    f["top_passage_coverage"] = m[top, idx["passage_coverage"]]
    f["top_relation"] = m[top, idx["relation"]]
    f["names_missing"] = m[top, idx["names_missing_passage"]]
    f["names_missing_all"] = float(m[:, idx["names_missing_passage"]].min())
    f["fits"] = m[top, idx["fits"]]
    f["fits_top3"] = float(m[order[:3], idx["fits"]].max())
    f["wants_kind"] = float(q.wants is not None)
    total = sum(q.weights.values())
    f["agreement"] = float(m[top, idx["passage_vector_rank"]] >= 1 / 3 and m[top, idx["passage_bm25_rank"]] >= 1 / 3)
    f["negation"] = float(negated(q.text))
    f["question_terms"] = math.log1p(len(q.terms)) if total > 0 else 0.0
    f["top_bm25"] = m[top, idx["bm25"]]
    f["top_rrf"] = m[top, idx["rrf"]]
    # The rarest question term the best passage / sentence lacks, relative to the rarest term overall.
    heaviest = max(q.weights.values(), default=0.0) or 1.0
    top_c = cands[top]
    passage_terms = frozenset().union(*(term_set(c.text) for c in cands if c.passage_id == top_c.passage_id))
    sentence_terms = term_set(top_c.text)
    f["rarest_missing_passage"] = max((w for t, w in q.weights.items() if t not in passage_terms), default=0.0) / heaviest
    f["rarest_missing_sentence"] = max((w for t, w in q.weights.items() if t not in sentence_terms),
                                       default=0.0) / heaviest
    # A count, not a share: one absent name among three is still an absent name.
    f["any_name_missing"] = float(bool(sig.missing[top]))
    f["any_name_missing_all"] = float(all(sig.missing[i] for i in order[:5]))
    f[f"wh_{q.wh if q.wh in WH else 'what'}"] = 1.0
    return np.array([f[name] for name in QUESTION_FEATURES])


def anchor(cands: list[Candidate], best: Candidate) -> Candidate | None:
    """For a "when" answered without a date: the sentence before it in its passage that dates it — the
    nearest earlier dated sentence for a relative time ("a month later"), the one just before otherwise
    ("It was the first meeting." after "They met on 3 May.")."""
    if has_date(best.text):
        return None
    earlier = sorted((c for c in cands if c.passage_id == best.passage_id and c.index < best.index),
                     key=lambda c: -c.index)
    if not RELATIVE_TIME.search(best.text):
        earlier = [c for c in earlier if c.index == best.index - 1]
    return next((c for c in earlier if has_date(c.text)), None)


def reason_after(cands: list[Candidate], best: Candidate) -> Candidate | None:
    """For a "why" whose best sentence states the fact but not its reason: the next sentence of its passage,
    when that one gives a reason ("... is taken seriously." + "Because the port would ...")."""
    if gives_reason(best.text):
        return None
    return next((c for c in cands if c.passage_id == best.passage_id and c.index == best.index + 1
                 and gives_reason(c.text)), None)
