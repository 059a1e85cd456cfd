"""Abstention: decide from several signals whether the evidence answers the question at all."""
from __future__ import annotations

from dataclasses import dataclass

from .evidence import Scored, names_missing
from .question import AGE, DATE, NUMBER, Question
from .retrieve import Retrieval

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
    )


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
    if support < threshold:
        return Decision(True, support, "no passage says this", s)
    return Decision(False, support, "", s)
