"""What one question sees of the store: the visible articles and keyword search over their passages.

A Snapshot follows the store's generation marker. When another process (or this one) ingests or removes
an article, the next question reads the registry again, brings the shared keyword index up to date
(`KeywordIndex.sync`, which indexes only what changed), and, on an embedded store, reopens it so that
vector search sees the change too (`ArticleStore.follow`). No passage text is held in memory: keyword
hits are read from Chroma by id, like vector hits.
"""
from __future__ import annotations

import re

import threading
import time
from dataclasses import dataclass, field

from core.types import ArticleInfo
from ingest.store import ArticleStore, StoredPassage

from lang.spelling import Speller
from lang.words import FUNCTION_WORDS, stem, words

from .filters import Filters
from ingest.keywords import KeywordIndex, bm25_idf


@dataclass(frozen=True)
class Snapshot:
    generation: str
    articles: dict[str, ArticleInfo]
    index: KeywordIndex = field(repr=False)
    store: ArticleStore = field(repr=False)
    passage_count: int = 0
    _df: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    """Document frequencies looked up so far (terms of this snapshot's questions)."""
    _speller: list = field(default_factory=list, repr=False, compare=False)
    """The Speller, once built (a list: the snapshot itself is frozen)."""

    def idf(self, term: str) -> float:
        df = self._df.get(term)
        if df is None:
            df = self.index.document_frequencies([term]).get(term, 0)
            if len(self._df) > 100_000:  # a long-lived snapshot: keep the cache bounded
                self._df.clear()
            self._df[term] = df
        return bm25_idf(self.passage_count, df)

    def document_frequency(self, term: str) -> int:
        """In how many passages the term occurs (looked up once per snapshot)."""
        if term not in self._df:
            self.idf(term)
        return self._df.get(term, 0)

    def spelled(self, text: str, common: frozenset[str] = frozenset()) -> str:
        """The text with the words the articles never use read as the articles' words they were meant to be.
        The speller (the index's whole vocabulary) is built only when such a word is asked about."""
        # Common words are read too when typed as a name or after a name word ("Judge Brant", "janet coil").
        ws = words(text)
        capitals = {w.lower() for w in re.findall(r"(?<=\S\s)[A-Z][a-z]+", text)}
        rare = [w for i, w in enumerate(ws) if len(w) >= 4 and w not in FUNCTION_WORDS
                and (w not in common or w in capitals or (i and ws[i - 1] not in FUNCTION_WORDS))
                and self.document_frequency(stem(w)) == 0]
        if not rare and len(ws) > 1:
            # A name typed with a slip in a short word ("karen lui" for Karen Liu) is made of words the
            # articles use; the speller's names tell (read once per snapshot, then cheap).
            speller = self.speller(common)
            rare = [w for a, w in zip(ws, ws[1:]) if len(w) >= 3 and speller.misnamed(a, w)]
        return self.speller(common).fix(text) if rare else text

    def speller(self, common: frozenset[str] = frozenset()) -> Speller:
        """The articles' own words to correct a question's typos against (read once per snapshot); `common`
        words are never corrected."""
        if not self._speller:
            self._speller.append(Speller.of_terms(self.index.vocabulary(), common))
        return self._speller[0]

    def is_current(self, passage: StoredPassage) -> bool:
        info = self.articles.get(passage.source)
        return info is not None and info.content_hash == passage.content_hash

    def sources(self, filters: Filters) -> set[str] | None:
        """The articles inside the filter; None when nothing is filtered."""
        if filters.empty:
            return None
        return {s for s, info in self.articles.items() if filters.admits(info)}

    def keyword_search(self, query_terms: list[str], k: int, sources: set[str] | None = None) -> list[StoredPassage]:
        """The k best current passages by BM25, best first."""
        hits = self.index.search(query_terms, k + 5, sources)  # a few spare: old versions are dropped below
        found = self.store.passages_by_id([pid for pid, _ in hits])
        return [p for p in (found.get(pid) for pid, _ in hits) if p is not None and self.is_current(p)][:k]

    def sources_naming(self, keys: list[str], sources: set[str] | None = None) -> set[str]:
        """The articles (among `sources`; None: all) that mention every one of these name keys
        (lang.words.name_keys) somewhere."""
        return self.index.sources_with_all(keys, sources)

    def first_passage(self, source: str) -> StoredPassage | None:
        info = self.articles.get(source)
        return self.store.first_passage(source, info.content_hash) if info else None


class Corpus:
    """Keeps a Snapshot in step with the store; safe to use from several threads."""

    def __init__(self, store: ArticleStore, index: KeywordIndex):
        self.store = store
        self.index = index
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._read_at = 0.0

    def snapshot(self) -> Snapshot:
        generation = self.store.follow()
        snap = self._snapshot
        if snap is not None and snap.generation == generation:
            return snap
        with self._lock:
            if self._snapshot is None or self._snapshot.generation != generation:
                self._snapshot = self._load(generation)
            return self._snapshot

    def _load(self, generation: str) -> Snapshot:
        read_at = time.time()
        old = self._snapshot
        articles = (self.store.articles() if old is None
                    else self.store.refresh_articles(old.articles, self._read_at))
        self._read_at = read_at
        self.index.sync(self.store, articles, generation)
        return Snapshot(generation=generation, articles=articles, index=self.index, store=self.store,
                        passage_count=self.index.passage_count())
