"""The phrase model: a peer of the reader's span head, kept for training only.

Candidate spans come from training.phrase_model.chunks (spaCy's tagger); a conditional logit trained on SQuAD's
answer spans (training/phrases.py, weights in training/checkpoints/short.json) picks one, or none when its best
candidate is weak. The shipped judge takes the reader's span, which is shown more often at the same precision
held out (training.judge reports both); the product does not ship this model.
"""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lang.rules import wants_phrase

from .chunks import Chunk, Parsed, nlp, parse, parse_many, parsed_from_doc
from .features import QuestionInfo, features, question_info

__all__ = ["Chunk", "Parsed", "QuestionInfo", "ShortModel", "ShortSpan", "best_short", "candidates", "features",
           "find_short", "parse", "parse_many", "parsed_from_doc", "question_info", "rank", "wants_phrase", "warm_up"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "checkpoints" / "short.json"

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


def rank(question: str, parsed: Parsed, model: ShortModel) -> list[tuple[float, Chunk]]:
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


def candidates(sentence: str) -> list[ShortSpan]:
    """Every candidate phrase of a sentence (score 0): for inspection and tests."""
    return [ShortSpan(c.start, c.end, sentence[c.start:c.end], 0.0, c.label) for c in parse(sentence).candidates]
