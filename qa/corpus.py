"""An in-process snapshot of the visible articles: their passages and a BM25 index over them.

The snapshot follows the store's generation marker: when another process (or this one) ingests
or removes an article, the next question reloads only what changed and rebuilds the BM25 index.
"""
from __future__ import annotations

import math
import threading
from collections import Counter
from dataclasses import dataclass

import bm25s
import numpy as np

from core.types import ArticleInfo
from ingest.normalize import clean
from ingest.store import ArticleStore, StoredPassage

from .filters import Filters
from .text import terms_many


@dataclass(frozen=True)
class Snapshot:
    generation: str
    articles: dict[str, ArticleInfo]
    passages: tuple[StoredPassage, ...]
    bm25: bm25s.BM25 | None
    df: dict[str, int]
    """In how many passages each term occurs (for term weights)."""

    def idf(self, term: str) -> float:
        n = max(len(self.passages), 1)
        return math.log(1 + (n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5))

    def is_current(self, passage: StoredPassage) -> bool:
        info = self.articles.get(passage.source)
        return info is not None and info.content_hash == passage.content_hash

    def mask(self, filters: Filters) -> np.ndarray | None:
        """1 for passages inside the filter, 0 outside; None when nothing is filtered."""
        if filters.empty:
            return None
        ok = {s for s, info in self.articles.items() if filters.admits(info)}
        return np.fromiter((p.source in ok for p in self.passages), dtype=np.float32, count=len(self.passages))

    def bm25_search(self, query_terms: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        if self.bm25 is None or not query_terms:
            return []
        known = [t for t in query_terms if t in self.df]
        if not known:
            return []
        k = min(k, len(self.passages))
        docs, scores = self.bm25.retrieve([known], k=k, show_progress=False, weight_mask=mask)
        return [(int(d), float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]


class Corpus:
    """Keeps a Snapshot in step with the store; safe to use from several threads."""

    def __init__(self, store: ArticleStore):
        self.store = store
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._terms: dict[str, list[str]] = {}  # passage id -> terms, reused across rebuilds
        self._df: Counter = Counter()

    def snapshot(self) -> Snapshot:
        generation = self.store.generation()
        snap = self._snapshot
        if snap is not None and snap.generation == generation:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.generation != generation:
                self._snapshot = self._load(generation)
            return self._snapshot

    def _load(self, generation: str) -> Snapshot:
        articles = self.store.articles()
        old = self._snapshot
        if old is None:
            changed = set(articles)
            kept: list[StoredPassage] = []
        else:
            changed = {s for s, info in articles.items()
                       if s not in old.articles or old.articles[s].content_hash != info.content_hash}
            kept = [p for p in old.passages if p.source in articles and p.source not in changed]
        fresh: list[StoredPassage] = []
        if changed:
            where = {"source": {"$in": sorted(changed)}} if old is not None else None
            fresh = [p for p in self.store.iter_passages(where)
                     if p.source in articles and articles[p.source].content_hash == p.content_hash]
        passages = tuple(sorted(kept + fresh, key=lambda p: (p.source, p.index)))
        new_terms = terms_many([clean(p.text) for p in fresh])
        live = {p.id for p in passages}
        # Document frequencies follow the change: subtract dropped passages, add new ones.
        for pid in [pid for pid in self._terms if pid not in live]:
            self._df.subtract(set(self._terms.pop(pid)))
        for p, ts in zip(fresh, new_terms):
            self._terms[p.id] = ts
            self._df.update(set(ts))
        corpus_terms = [self._terms[p.id] for p in passages]
        df = {t: n for t, n in self._df.items() if n > 0}
        bm25 = None
        if passages:
            bm25 = bm25s.BM25()
            bm25.index(corpus_terms, show_progress=False)
        return Snapshot(generation=generation, articles=articles, passages=passages,
                        bm25=bm25, df=df)
