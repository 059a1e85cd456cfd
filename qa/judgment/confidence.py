"""How sure an answer is, and whether its phrase may be shown in bold: the signals of the two calibration
models (fitted on held-out articles by training/judge.py) and the levels they lead to."""
from __future__ import annotations

import math

import numpy as np

from qa.types import Level

CONFIDENCE_FEATURES = ("answerable_logit", "top_logit", "margin", "top_share")
"""What the calibrated confidence (the probability that the cited sentence answers) is read from."""
PHRASE_FEATURES = ("confidence_logit", "phrase_logit", "no_phrase_logit", "phrase_words")
"""What the probability that the answer phrase is right is read from."""


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def confidence_row(p_answerable: float, logits: np.ndarray) -> np.ndarray:
    """`logits`: the final ranking's logits of the candidates, best first."""
    top = float(logits[0])
    second = float(logits[1]) if len(logits) > 1 else top - 5.0
    head = logits[:5] - top
    share = 1.0 / float(np.exp(head).sum())
    return np.array([logit(p_answerable), top, top - second, share])


def phrase_row(confidence: float, phrase_p: float, no_phrase_p: float, words: int) -> np.ndarray:
    # Logits, not probabilities: the phrases worth showing are the ones near certainty, where a probability
    # no longer separates them linearly.
    return np.array([logit(confidence), logit(phrase_p), logit(no_phrase_p), math.log1p(words)])


def level(abstained: bool, confidence: float, sure: float, doubt: float = 0.0) -> Level:
    """refused / sure / likely / doubtful: `sure` is the least confidence shown as sure, `doubt` the least shown
    as an answer at all (both from the judge's training record)."""
    if abstained:
        return Level.REFUSED
    if confidence >= sure:
        return Level.SURE
    return Level.LIKELY if confidence >= doubt else Level.DOUBTFUL
