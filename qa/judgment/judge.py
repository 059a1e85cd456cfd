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

from .features import QUESTION_FEATURES, SENTENCE_FEATURES

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


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


@dataclass(frozen=True)
class Judge:
    ranker: Linear | None
    """None: the sentence-level fusion (RRF of cosine and BM25) ranks, because the learned ranker
    did not beat it on held-out articles."""
    answerable: Linear
    threshold: float
    """Abstain when P(the articles answer) is below this."""
    meta: dict

    def rank_logits(self, matrix: np.ndarray, rrf: np.ndarray) -> np.ndarray:
        if self.ranker is None:
            # The fusion score as a logit-like number: only its order matters.
            return np.log(np.maximum(rrf, 1e-9))
        return self.ranker.logits(matrix)

    def p_answerable(self, row: np.ndarray) -> float:
        return float(sigmoid(self.answerable.logits(row))[0])

    def to_json(self) -> dict:
        return {"ranker": self.ranker.to_json() if self.ranker else None, "answerable": self.answerable.to_json(),
                "threshold": self.threshold, "meta": self.meta}

    @classmethod
    def from_json(cls, d: dict) -> "Judge":
        ranker = Linear.from_json(d["ranker"], SENTENCE_FEATURES) if d.get("ranker") else None
        return cls(ranker, Linear.from_json(d["answerable"], QUESTION_FEATURES), float(d["threshold"]),
                   d.get("meta", {}))

    def save(self, path: Path = MODEL_PATH) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Judge:
    if not path.exists():
        raise FileNotFoundError(f"the judge model {path} is missing; build it with `python -m training.judge`")
    return Judge.from_json(json.loads(path.read_text(encoding="utf-8")))
