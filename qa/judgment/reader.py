"""The reader: a MiniLM cross-encoder fine-tuned on SQuAD v1.1 (training/reader.py) that reads the question
against each candidate sentence, scores how well the sentence answers it, and marks the answer phrase in it
(or says no phrase there answers). An int8 ONNX file run by onnxruntime, loaded once, lazily."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.settings import MODELS_DIR

from .scores import softmax
from .reader_input import Encoded, batch, encode_many, span_mask

MODEL_PATH = MODELS_DIR / "reader.onnx"
RECORD_PATH = MODELS_DIR / "reader.json"
MAX_PHRASE_PIECES = 16
"""The longest answer phrase the span head may mark, in word pieces (SQuAD's answers are short)."""


@dataclass(frozen=True)
class Reading:
    """What the reader makes of one (question, sentence) pair."""

    relevance: float
    """The relevance head's logit: how well the sentence answers (compare within one question)."""
    phrase_start: int
    phrase_end: int
    """Character offsets of the best phrase in the sentence (start == end when there is none)."""
    phrase_p: float
    """The span head's probability of that phrase (start and end together)."""
    no_phrase_p: float
    """The span head's probability that no phrase of this sentence answers."""


def best_span(start: np.ndarray, end: np.ndarray, e: Encoded) -> tuple[int, int, float, float]:
    """(first piece, last piece, p(phrase), p(no phrase)) from one pair's masked start/end logits; pieces are
    indices into the pair, 0 ([CLS]) meaning no phrase."""
    ps, pe = softmax(start), softmax(end)
    first, n = e.sentence_first, len(e.offsets)
    if n == 0:
        return 0, 0, 0.0, 1.0
    s, t = ps[first:first + n], pe[first:first + n]
    joint = np.triu(np.outer(s, t)) - np.triu(np.outer(s, t), MAX_PHRASE_PIECES)  # start <= end < start + max
    i, j = np.unravel_index(int(np.argmax(joint)), joint.shape)
    return first + int(i), first + int(j), float(joint[i, j]), float(ps[0] * pe[0])


def phrase_chars(sentence: str, e: Encoded, first: int, last: int) -> tuple[int, int]:
    """Character offsets of pieces first..last, widened to whole words (a word piece is never shown alone)."""
    a, b = e.offsets[first - e.sentence_first][0], e.offsets[last - e.sentence_first][1]
    while a > 0 and sentence[a - 1].isalnum():
        a -= 1
    while b < len(sentence) and sentence[b].isalnum():
        b += 1
    # A phrase that already spans a hyphen ("34-year") is not cut inside its compound ("34-year-old"); one that
    # stops before the first hyphen ("Denver" of "Denver-based") keeps its own word.
    word_start = a
    while word_start > 0 and not sentence[word_start - 1].isspace():
        word_start -= 1
    if "-" in sentence[word_start:b]:
        while b + 1 < len(sentence) and sentence[b] == "-" and sentence[b + 1].isalnum():
            b += 1
            while b < len(sentence) and sentence[b].isalnum():
                b += 1
    return a, b


class Reader:
    """Scores candidate sentences for a question; `read(question, sentences)` -> one Reading per sentence."""

    def __init__(self, path: Path = MODEL_PATH, threads: int = 0):
        self.path = Path(path)
        self.threads = threads
        self._session = None
        self._record: dict | None = None
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self.path.exists()

    def _load(self):
        if self._session is None:
            with self._lock:
                if self._session is None:
                    import onnxruntime as ort

                    opts = ort.SessionOptions()
                    if self.threads:
                        opts.intra_op_num_threads = self.threads
                    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                    self._session = ort.InferenceSession(str(self.path), opts, providers=["CPUExecutionProvider"])
        return self._session

    def warm_up(self) -> None:
        self.read("Who?", ["Someone."])

    @property
    def uses_context(self) -> bool:
        """Whether the model was trained to read each sentence with the one before it."""
        return bool(self.record().get("context_tokens"))

    def read(self, question: str, sentences: list[str], contexts: list[str] | None = None) -> list[Reading]:
        """One Reading per sentence; `contexts` (the sentence before each, "" for none) are read only by a
        model trained with them, so that either kind of model reads what it was trained on."""
        if not sentences:
            return []
        enc = encode_many(question, sentences, contexts if contexts is not None and self.uses_context else None)
        inputs = batch(enc)
        relevance, start, end = self._load().run(["relevance", "start", "end"], inputs)
        allowed = span_mask(enc, inputs["input_ids"].shape[1])
        start = np.where(allowed, start, -1e4)
        end = np.where(allowed, end, -1e4)
        out = []
        for k, (sentence, e) in enumerate(zip(sentences, enc)):
            first, last, p, p_none = best_span(start[k], end[k], e)
            a, b = phrase_chars(sentence, e, first, last) if first else (0, 0)
            out.append(Reading(float(relevance[k]), a, b, p, p_none))
        return out

    def record(self) -> dict:
        """The training record beside the weights (data, steps, minutes, hardware, held-out figures)."""
        if self._record is None:
            path = self.path.with_suffix(".json")
            self._record = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return self._record
