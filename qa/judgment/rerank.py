"""The second stage of ranking: the reader reads the best few candidates of the first-stage ranker, and a
small logistic model combines both. Its signals, one row per read candidate and a few per question, are
computed here the same way at training time (training/judge.py) and when answering."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .reader import Reading
from .scores import ranks, softmax

RERANK_FEATURES = (
    "first_stage", "first_stage_gap", "first_stage_rank", "relevance", "relevance_gap", "relevance_rank",
    "relevance_share", "no_phrase", "phrase_p",
)
READER_QUESTION_FEATURES = (
    "reader_top_relevance", "reader_best_relevance", "reader_top_share", "reader_top_no_phrase",
    "reader_top_phrase_p", "reader_margin", "rerank_top", "rerank_margin",
)


def rerank_matrix(first_stage: np.ndarray, readings: list[Reading]) -> np.ndarray:
    """One row per read candidate (in first-stage order), columns as RERANK_FEATURES."""
    rel = np.array([r.relevance for r in readings])
    cols = {
        "first_stage": first_stage,
        "first_stage_gap": first_stage - first_stage.max(),
        "first_stage_rank": 1.0 / ranks(first_stage),
        "relevance": rel,
        "relevance_gap": rel - rel.max(),
        "relevance_rank": 1.0 / ranks(rel),
        "relevance_share": softmax(rel),
        "no_phrase": np.array([r.no_phrase_p for r in readings]),
        "phrase_p": np.array([r.phrase_p for r in readings]),
    }
    return np.column_stack([cols[name] for name in RERANK_FEATURES])


@dataclass(frozen=True)
class Reranked:
    """The read candidates' combined logits and the question-level reader signals."""

    read: np.ndarray
    """Indices of the read candidates (into the candidate list), best first by the combined logit."""
    logits: np.ndarray
    """Combined logit of each read candidate, in the order of `read`."""
    question_row: np.ndarray
    """READER_QUESTION_FEATURES."""
    readings: tuple[Reading, ...]
    """The reader's view of each read candidate, in the order of `read`."""


def rerank(top: np.ndarray, first_stage: np.ndarray, readings: list[Reading], logits: np.ndarray) -> Reranked:
    """Order the read candidates `top` (first-stage order; `first_stage` their first-stage logits) by the
    combined `logits`, and summarize what the reader saw for the answerability model."""
    order = np.argsort(-logits, kind="stable")
    rel = np.array([r.relevance for r in readings])
    share = softmax(rel)
    best = int(order[0])
    second = float(logits[order[1]]) if len(order) > 1 else float(logits[best]) - 5.0
    rel_sorted = np.sort(rel)[::-1]
    f = {
        "reader_top_relevance": float(rel[best]),
        "reader_best_relevance": float(rel.max()),
        "reader_top_share": float(share[best]),
        "reader_top_no_phrase": readings[best].no_phrase_p,
        "reader_top_phrase_p": readings[best].phrase_p,
        "reader_margin": float(rel_sorted[0] - rel_sorted[1]) if len(rel) > 1 else 5.0,
        "rerank_top": float(logits[best]),
        "rerank_margin": float(logits[best]) - second,
    }
    return Reranked(top[order], logits[order], np.array([f[n] for n in READER_QUESTION_FEATURES]),
                    tuple(readings[int(i)] for i in order))
