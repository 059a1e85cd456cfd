"""The learned judge: ranks candidate sentences and gives the probability that the articles answer.

Both are logistic regressions over `qa.features`, fitted by `python -m training.judge` on SQuAD 2.0
articles with cross-validation by article; their coefficients live in `qa/models/judge.json`
(small, readable, no pickle). The abstention threshold was chosen there for at most 5% false
abstentions on held-out articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from core.settings import MODELS_DIR

from .confidence import CONFIDENCE_FEATURES, PHRASE_FEATURES
from .features import QUESTION_FEATURES, SENTENCE_FEATURES
from .rerank import READER_QUESTION_FEATURES, RERANK_FEATURES
from .scores import sigmoid

MODEL_PATH = MODELS_DIR / "judge.json"


@dataclass(frozen=True)
class Linear:
    """A standardized logistic regression: logit = ((x - mean) / scale) @ coef + intercept."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logits(self, x: np.ndarray) -> np.ndarray:
        return ((np.atleast_2d(x) - self.mean) / self.scale) @ self.coef + self.intercept

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": float(self.intercept)}

    @classmethod
    def from_json(cls, d: dict, expected: tuple[str, ...]) -> "Linear":
        if tuple(d["features"]) != expected:
            raise ValueError(f"the judge model was fitted on other features than qa.features computes; "
                             f"rebuild it with `python -m training.judge` ({MODEL_PATH})")
        return cls(tuple(d["features"]), np.asarray(d["mean"]), np.asarray(d["scale"]), np.asarray(d["coef"]),
                   float(d["intercept"]))


@dataclass(frozen=True)
class Judge:
    ranker: Linear | None
    """None: the sentence-level fusion (RRF of cosine and BM25) ranks, because the learned ranker
    did not beat it on held-out articles."""
    answerable: Linear
    """P(the articles answer) over QUESTION_FEATURES, and READER_QUESTION_FEATURES when there is a reranker."""
    threshold: float
    """Abstain when P(the articles answer) is below this."""
    meta: dict
    reranker: Linear | None = None
    """Second stage over RERANK_FEATURES for the `read_top` best first-stage candidates, which the reader
    reads; None when the reader did not win held out (or none was trained)."""
    read_top: int = 0
    confidence: Linear | None = None
    """P(the cited sentence answers) over CONFIDENCE_FEATURES, calibrated on held-out articles."""
    sure: float = 1.0
    """The least confidence at which an answer is shown as sure (else "likely")."""
    phrase: Linear | None = None
    """P(the reader's answer phrase is right) over PHRASE_FEATURES."""
    phrase_threshold: float = 1.0
    """The least phrase probability at which the phrase is shown (chosen for 90% precision held out)."""
    doubt: float = 0.0
    """Below this confidence the best sentence is shown as the closest one, not as an answer ("doubtful")."""

    @property
    def uses_reader(self) -> bool:
        return self.reranker is not None

    def rank_logits(self, matrix: np.ndarray, rrf: np.ndarray) -> np.ndarray:
        if self.ranker is None:
            # The fusion score as a logit-like number: only its order matters.
            return np.log(np.maximum(rrf, 1e-9))
        return self.ranker.logits(matrix)

    def p_answerable(self, row: np.ndarray) -> float:
        return float(sigmoid(self.answerable.logits(row))[0])

    def p_confident(self, row: np.ndarray) -> float:
        return float(sigmoid(self.confidence.logits(row))[0]) if self.confidence is not None else 0.0

    def p_phrase(self, row: np.ndarray) -> float:
        return float(sigmoid(self.phrase.logits(row))[0]) if self.phrase is not None else 0.0

    def to_json(self) -> dict:
        def lin(m: Linear | None):
            return m.to_json() if m is not None else None

        return {"ranker": lin(self.ranker), "answerable": self.answerable.to_json(), "threshold": self.threshold,
                "reranker": lin(self.reranker), "read_top": self.read_top, "confidence": lin(self.confidence),
                "sure": self.sure, "phrase": lin(self.phrase), "phrase_threshold": self.phrase_threshold,
                "phrase_source": "reader", "doubt": self.doubt, "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> "Judge":
        def lin(key: str, names: tuple[str, ...]) -> Linear | None:
            return Linear.from_json(d[key], names) if d.get(key) else None

        if d.get("phrase_source", "reader") != "reader":
            raise ValueError("this judge takes its phrase from the phrase model, which the product no longer ships "
                             "(training/phrase_model); refit it with python -m training.judge")
        reranker = lin("reranker", RERANK_FEATURES)
        question = QUESTION_FEATURES + (READER_QUESTION_FEATURES if reranker is not None else ())
        return cls(lin("ranker", SENTENCE_FEATURES), Linear.from_json(d["answerable"], question),
                   float(d["threshold"]), d.get("meta", {}), reranker, int(d.get("read_top", 0)),
                   lin("confidence", CONFIDENCE_FEATURES), float(d.get("sure", 1.0)), lin("phrase", PHRASE_FEATURES),
                   float(d.get("phrase_threshold", 1.0)), float(d.get("doubt", 0.0)))

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Judge:
    if not path.exists():
        raise FileNotFoundError(f"the judge model {path} is missing; build it with `python -m training.judge`")
    return Judge.from_json(json.loads(path.read_text(encoding="utf-8")))
