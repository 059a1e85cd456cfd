"""Abstention: decide from several signals whether the evidence answers the question at all."""
from __future__ import annotations

from dataclasses import dataclass

from .evidence import Scored, names_missing
from .question import AGE, DATE, NUMBER, Question
from .retrieve import Retrieval
from .text import LIGHT_WORDS, stem, terms, terms_match, words

_WANTS_WORDS = {NUMBER: "number", DATE: "date or time", AGE: "age"}


@dataclass(frozen=True)
class Signals:
    missing_names: tuple[str, ...]
    """Names or numbers of the question that the best evidence passage never mentions."""
    semantic: float
    """Cosine similarity of question and best sentence."""
    coverage: float
    """Weighted share of question terms in the best sentence."""
    context_coverage: float
    """The same over the best sentence's passage."""
    fits: bool
    """The kind of answer wanted (number, date, age) occurs in the evidence."""
    agreement: bool
    """Vector and keyword search both rank the best passage near the top."""
    relation: float = 1.0
    """Share of the question's other words (not its names, not general words) in the best sentence:
    "Who is the mayor of X?" is not answered by a sentence that only mentions X."""


@dataclass(frozen=True)
class Decision:
    abstain: bool
    support: float
    """0..1: how well the evidence supports answering."""
    reason: str
    signals: Signals


def gather(q: Question, best: Scored, retrieval: Retrieval) -> Signals:
    top = next(r for r in retrieval.passages if r.passage.id == best.passage_id)
    return Signals(
        missing_names=tuple(names_missing(q, best.passage_text)),
        semantic=best.semantic,
        coverage=best.coverage,
        context_coverage=best.context_coverage,
        fits=best.fits,
        agreement=(top.vector_rank or 99) <= 3 and (top.bm25_rank or 99) <= 3,
        relation=relation_coverage(q, best.text),
    )


def relation_coverage(q: Question, sentence: str) -> float:
    """Weighted share of the question's non-name, non-general terms found in the sentence (1.0 if none)."""
    name_terms = {t for n in q.names for t in terms(n)}
    light = {stem(w) for w in LIGHT_WORDS}
    rel = {t: w for t, w in q.weights.items() if t not in name_terms and t not in light}
    if not rel:
        return 1.0
    found = terms(sentence) + words(sentence)
    return sum(w for t, w in rel.items() if any(terms_match(t, f) for f in found)) / sum(rel.values())


def decide(q: Question, s: Signals, threshold: float = 0.5) -> Decision:
    # Lexical coverage is the main evidence; semantic similarity vouches for the part of the
    # question that the evidence words differently ("want to build" vs "aims to open").
    semantic = min(max((s.semantic - 0.2) / 0.4, 0.0), 1.0)
    lexical = max(s.coverage, 0.8 * s.context_coverage)
    support = min(1.0, lexical + (1.0 - lexical) * 0.8 * semantic + (0.1 if s.agreement else 0.0))
    if s.missing_names:
        names = ", ".join(s.missing_names)
        return Decision(True, min(support, 0.2), f"they never mention {names} in this context", s)
    if not s.fits:
        return Decision(True, min(support, 0.3), f"they give no {_WANTS_WORDS[q.wants]} for this", s)
    if s.relation == 0.0 and s.semantic < 0.45:
        return Decision(True, min(support, 0.4), "the passages that mention it don't say this", s)
    if support < threshold:
        return Decision(True, support, "no passage says this", s)
    return Decision(False, support, "", s)
