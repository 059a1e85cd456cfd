"""How a passage is kept in Chroma: its metadata, its sentences' spans, and its sentence vectors packed small."""
from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from core.types import Article, Passage, Span


@dataclass(frozen=True)
class StoredPassage:
    id: str
    source: str
    content_hash: str
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...]


def pack_vectors(vectors: np.ndarray) -> str:
    """Unit vectors as base64 int8 (x127; a short rows x dims header): cosine stays within ~1%, and the
    store keeps one small string per passage (Chroma indexes metadata strings, so size matters)."""
    arr = np.clip(np.rint(np.asarray(vectors, dtype=np.float32) * 127), -127, 127).astype(np.int8)
    return f"{arr.shape[0]}x{arr.shape[1]}:" + base64.b64encode(arr.tobytes()).decode("ascii")


def unpack_vectors(raw: str) -> np.ndarray:
    shape, data = raw.split(":", 1)
    rows, dims = (int(x) for x in shape.split("x"))
    arr = np.frombuffer(base64.b64decode(data), dtype=np.int8).reshape(rows, dims).astype(np.float32) / 127
    return arr / np.maximum(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12)


def _encode_spans(spans: Iterable[Span]) -> str:
    return ";".join(f"{s.start}:{s.end}" for s in spans)


def _decode_spans(raw: str) -> tuple[Span, ...]:
    return tuple(Span(int(a), int(b)) for a, b in (part.split(":") for part in raw.split(";") if part))


def passage_meta(p: Passage, article: Article) -> dict[str, Any]:
    """A passage's metadata in the passage collection (what filters and readers use)."""
    return {"source": p.source, "title": article.title, "date": article.date or "", "date_ord": article.date_ord,
            "index": p.index, "start": p.start, "end": p.end, "content_hash": p.content_hash,
            "sentences": _encode_spans(p.sentences)}


def sentence_meta(p: Passage, vectors: np.ndarray) -> dict[str, Any]:
    """A passage's record in the sentence collection: its sentences' vectors."""
    return {"source": p.source, "content_hash": p.content_hash, "vectors": pack_vectors(vectors)}


def stored_passage(pid: str, doc: str, meta: dict) -> StoredPassage:
    return StoredPassage(id=pid, source=meta["source"], content_hash=meta["content_hash"], index=meta["index"],
                         start=meta["start"], end=meta["end"], text=doc, sentences=_decode_spans(meta["sentences"]))
