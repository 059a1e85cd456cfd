"""Hybrid retrieval: Chroma vector search and BM25 (the shared keyword index) over the same passages,
fused by rank."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ingest.store import StoredPassage

from .corpus import Corpus, Snapshot
from .filters import Filters
from ingest.keywords import query_terms
from lang.words import terms

EXACT_SOURCES = 20
"""At most this many articles in scope (a filter, or the whole store): vector search reads their passages' vectors
(exact)."""
RRF_K = 60  # the usual constant of reciprocal rank fusion: damps the head of each ranking


@dataclass(frozen=True)
class Retrieved:
    passage: StoredPassage
    fused: float
    vector_rank: int | None
    bm25_rank: int | None


@dataclass(frozen=True)
class Retrieval:
    query: str
    query_vector: np.ndarray = field(repr=False)
    query_terms: tuple[str, ...]
    passages: tuple[Retrieved, ...]
    snapshot: Snapshot = field(repr=False)


def rrf(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum over rankings of 1 / (k + rank), ranks from 1."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
    return scores


class HybridSearch:
    """Vector + BM25 search over the visible passages."""

    def __init__(self, corpus: Corpus, embedder, k: int = 20):
        self.corpus = corpus
        self.embedder = embedder
        self.k = k

    def search(self, query: str, filters: Filters | None = None, limit: int = 8, snapshot: Snapshot | None = None,
               heads: int = 2, query_vector: np.ndarray | None = None) -> Retrieval:
        """The `limit` best passages by fused rank; the top `heads` of each ranking always among them
        (a passage that keyword search ranks first may be missing from the vector list, and fusion alone
        would then rank it below passages both lists found at middling ranks). `query_vector`: the query's
        embedding when the caller has it already (training embeds its questions in batches)."""
        filters = filters or Filters()
        snap = snapshot or self.corpus.snapshot()
        qvec = np.asarray(self.embedder.embed_query(query) if query_vector is None else query_vector, dtype=np.float32)
        qterms = tuple(terms(query))
        # Ask Chroma for a few more than k: superseded versions of an article being replaced
        # may take some slots and are dropped below.
        # A few articles (a filter, or a small store): exact cosine over all their passages, which misses none
        # and answers the same in every run (the approximate index can leave out a near one).
        few = len(filters.sources if filters.sources is not None else snap.articles) <= EXACT_SOURCES
        search = self.corpus.store.exact_vector_search if few else self.corpus.store.vector_search
        hits = search(qvec, self.k + 5, filters.chroma_where())
        vector = [(p, sim) for p, sim in hits if snap.is_current(p)][: self.k]
        keyword = snap.keyword_search(query_terms(query), self.k, snap.sources(filters))
        v_ids = [p.id for p, _ in vector]
        b_ids = [p.id for p in keyword]
        fused = rrf([v_ids, b_ids])
        by_id = {p.id: p for p, _ in vector} | {p.id: p for p in keyword}
        ranked = sorted(fused, key=lambda pid: -fused[pid])
        must = list(dict.fromkeys(b_ids[:heads] + v_ids[:heads]))[:limit]
        rest = [pid for pid in ranked if pid not in must][: max(0, limit - len(must))]
        order = sorted(must + rest, key=lambda pid: -fused[pid])
        return Retrieval(query=query, query_vector=qvec, query_terms=qterms, snapshot=snap, passages=tuple(
            Retrieved(passage=by_id[pid], fused=fused[pid],
                      vector_rank=v_ids.index(pid) + 1 if pid in v_ids else None,
                      bm25_rank=b_ids.index(pid) + 1 if pid in b_ids else None)
            for pid in order))


class HybridRetriever(BaseRetriever):
    """The hybrid search as a LangChain retriever, for people who compose LangChain chains."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    search: HybridSearch
    limit: int = 8

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        result = self.search.search(query, limit=self.limit)
        return [Document(page_content=r.passage.text, id=r.passage.id,
                         metadata={"source": r.passage.source, "start": r.passage.start, "end": r.passage.end,
                                   "index": r.passage.index, "fused_score": r.fused,
                                   "vector_rank": r.vector_rank, "bm25_rank": r.bm25_rank})
                for r in result.passages]
