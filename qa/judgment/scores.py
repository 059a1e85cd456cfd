"""The small numeric helpers every stage of judgment shares: probabilities from logits, and ranks."""
from __future__ import annotations

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def softmax(x: np.ndarray) -> np.ndarray:
    """Over the last axis (stable: the largest logit is subtracted first)."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def ranks(values: np.ndarray) -> np.ndarray:
    """1 for the largest value, 2 for the next... (ties keep their order)."""
    order = np.argsort(-values, kind="stable")
    out = np.empty(len(values), dtype=np.int64)
    out[order] = np.arange(1, len(values) + 1)
    return out
