"""qa/retrieval/retrieve.py: reciprocal rank fusion of the vector and keyword rankings, and the hybrid search
that keeps the head of each ranking."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from support import FakeEmbedder

from core.types import ArticleInfo
from ingest.keywords import KeywordIndex
from ingest.store import ArticleStore, StoredPassage
from qa.retrieval.corpus import Corpus, Snapshot
from qa.retrieval.retrieve import HybridSearch, rrf


class RankedStore(ArticleStore):
    """An ArticleStore whose vector search gives a fixed ranking. Nothing else is set up: any other call to
    Chroma would fail, so the test sees exactly what the search reads from the store."""

    def __init__(self, ranking: list[StoredPassage], similarity: float = 0.9):
        self.ranking = ranking
        self.similarity = similarity
        self.searched: list[tuple[str, int, dict | None]] = []

    def vector_search(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[StoredPassage, float]]:
        self.searched.append(("index", k, where))
        return [(p, self.similarity) for p in self.ranking[:k]]

    def exact_vector_search(self, vector: np.ndarray, k: int, where: dict | None) -> list[tuple[StoredPassage, float]]:
        self.searched.append(("exact", k, where))
        return [(p, self.similarity) for p in self.ranking[:k]]


@dataclass(frozen=True)
class KeywordRanking(Snapshot):
    """A snapshot whose keyword search gives a fixed ranking (the real one reads the SQLite index)."""

    ranking: tuple[StoredPassage, ...] = ()

    def keyword_search(self, query_terms: list[str], k: int, sources: set[str] | None = None) -> list[StoredPassage]:
        return [p for p in self.ranking if sources is None or p.source in sources][:k]


class FixedCorpus(Corpus):
    """A corpus that always shows the same snapshot (the real one follows the store's generation)."""

    def __init__(self, snapshot: Snapshot):
        super().__init__(snapshot.store, snapshot.index)
        self.fixed = snapshot

    def snapshot(self) -> Snapshot:
        return self.fixed


def article(source: str, content_hash: str = "h") -> ArticleInfo:
    return ArticleInfo(source=source, title="t", date=None, content_hash=content_hash, size_bytes=1, passages=1,
                       sentences=1, ingested_at=0.0, title_start=0, title_end=1, date_start=-1, date_end=-1)


def passage(name: str, content_hash: str = "h") -> StoredPassage:
    return StoredPassage(id=name, source="a.txt", content_hash=content_hash, index=0, start=0, end=1, text=name,
                         sentences=())


def test_rrf_rewards_agreement_between_rankings():
    scores = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["c"] == pytest.approx(1 / 63)
    assert max(scores, key=scores.get) in {"a", "b"} and scores["d"] < scores["a"]


def test_the_head_of_each_ranking_survives_fusion(tmp_path):
    vector = [passage(n) for n in "ABCDEFGH"]
    keyword = [passage("Z")] + vector[7:0:-1]  # Z first by keywords, then the vector list reversed
    store = RankedStore(vector)
    snap = KeywordRanking(generation="g", articles={"a.txt": article("a.txt")},
                          index=KeywordIndex(tmp_path / "keywords.sqlite"), store=store, ranking=tuple(keyword))

    got = [r.passage.id for r in HybridSearch(FixedCorpus(snap), FakeEmbedder(), k=8).search("q", limit=3).passages]
    assert "Z" in got and "A" in got and len(got) == 3


def test_passages_of_a_superseded_version_are_not_retrieved(tmp_path):
    old, new = passage("old", content_hash="h0"), passage("new")
    store = RankedStore([old, new])
    snap = KeywordRanking(generation="g", articles={"a.txt": article("a.txt")},
                          index=KeywordIndex(tmp_path / "keywords.sqlite"), store=store, ranking=(new,))

    found = HybridSearch(FixedCorpus(snap), FakeEmbedder(), k=8).search("q").passages
    assert [(r.passage.id, r.vector_rank, r.bm25_rank) for r in found] == [("new", 1, 1)]
    assert found[0].fused == pytest.approx(2 / 61)


def test_a_small_store_is_searched_exactly_and_a_large_one_by_the_index(tmp_path):
    ranking = [passage(n) for n in "ABC"]
    for count, way in ((3, "exact"), (21, "index")):
        store = RankedStore(ranking)
        articles = {f"{i}.txt": article(f"{i}.txt") for i in range(count)}
        snap = KeywordRanking(generation="g", articles=articles, index=KeywordIndex(tmp_path / f"k{count}.sqlite"),
                              store=store, ranking=tuple(ranking))
        HybridSearch(FixedCorpus(snap), FakeEmbedder(), k=8).search("q", limit=3)
        assert [s[0] for s in store.searched] == [way], count
