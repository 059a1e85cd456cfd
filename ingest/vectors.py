"""A group of articles' vectors: every sentence embedded once, in one pass for the whole group; a passage's
vector is the normalized mean of its sentences'."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.settings import Settings
from core.types import Article, Passage
from lang.normalize import clean

from .store import ArticleStore

EMBED_PROGRESS_SENTENCES = 256
"""With an embedding progress callback, sentences are embedded this many at a time, one report after each."""


@dataclass(frozen=True)
class Prepared:
    """A file read and split, waiting to be embedded with its group."""

    path: str
    article: Article
    passages: list[Passage]
    replaces: bool
    """Whether another version of the article is stored."""

    @property
    def sentences(self) -> int:
        return sum(len(p.sentences) for p in self.passages)


@dataclass(frozen=True)
class EmbeddedGroup:
    """A group's new versions with their vectors, ready to write (passages a killed run wrote are left out)."""

    group: list[Prepared]
    versions: list[tuple[Article, list[Passage], list[np.ndarray]]]
    passage_vectors: np.ndarray
    embed_seconds: float


def embed_group(group: list[Prepared], store: ArticleStore, embedder, settings: Settings,
                embedded: Callable[[int, float], None] | None = None) -> EmbeddedGroup:
    """Embed the sentences of all prepared articles at once (skipping passages a killed run already wrote).

    With `embedded`, sentences are embedded in slices and `embedded(n, seconds)` is called after each
    slice (and once for the sentences skipped) with the seconds this group has spent embedding so far.
    """
    existing = store.existing_passage_ids([p.id for item in group for p in item.passages])
    todo = [(item, [p for p in item.passages if p.id not in existing]) for item in group]
    texts = [clean(item.article.text[s.start:s.end]) for item, missing in todo for p in missing for s in p.sentences]
    t = time.perf_counter()
    if embedded is not None:
        skipped = sum(len(p.sentences) for item in group for p in item.passages if p.id in existing)
        if skipped:
            embedded(skipped, 0.0)
    if embedded is None or not texts:
        vectors = embedder.encode(texts, batch_size=settings.embed_batch_size) if texts else None
    else:
        parts = []
        for lo in range(0, len(texts), EMBED_PROGRESS_SENTENCES):
            parts.append(embedder.encode(texts[lo:lo + EMBED_PROGRESS_SENTENCES], batch_size=settings.embed_batch_size))
            embedded(len(parts[-1]), time.perf_counter() - t)
        vectors = np.concatenate(parts)
    embed_seconds = time.perf_counter() - t
    versions, all_sentence_vecs = [], []
    row = 0
    for item, missing in todo:
        sentence_vecs = []
        for p in missing:
            sentence_vecs.append(vectors[row:row + len(p.sentences)])
            row += len(p.sentences)
        versions.append((item.article, missing, sentence_vecs))
        all_sentence_vecs.extend(sentence_vecs)
    return EmbeddedGroup(group, versions, passage_vectors(all_sentence_vecs), embed_seconds)


def passage_vectors(sentence_vectors: list[np.ndarray]) -> np.ndarray:
    """A passage's vector is the normalized mean of its sentence vectors: one embedding pass
    serves both passage search and sentence-level evidence."""
    if not sentence_vectors:
        return np.zeros((0, 0), dtype=np.float32)
    means = np.stack([v.mean(axis=0) for v in sentence_vectors])
    return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)).astype(np.float32)
