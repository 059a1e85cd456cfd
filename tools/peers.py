"""Simple peers measured on the same questions as the product (`python -m tools.eval DATASET --peers`).

Each peer shows one piece of text and never abstains:
- the best sentence of all ingested articles by BM25 (bm25s over stemmed sentence terms),
  by MiniLM cosine (the stored sentence vectors), and by reciprocal rank fusion of both;
- the LangChain tutorial's retrieval: 1,000-character chunks (RecursiveCharacterTextSplitter,
  200 overlap) in an InMemoryVectorStore, the top chunk as the answer.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

import bm25s
import numpy as np
from langchain_core.vectorstores import InMemoryVectorStore
from langchain_text_splitters import RecursiveCharacterTextSplitter

from qa.retrieval.corpus import Snapshot
from qa.retrieval.retrieve import RRF_K
from lang.words import terms, terms_many


@dataclass(frozen=True)
class PeerAnswer:
    text: str
    latency_ms: float


class SentencePeers:
    """Best-sentence peers over every sentence of the snapshot's articles."""

    def __init__(self, snapshot: Snapshot, store, embedder):
        self.embedder = embedder
        self.sentences: list[str] = []
        vectors = []
        passages = sorted((p for p in store.iter_passages() if snapshot.is_current(p)),
                          key=lambda p: (p.source, p.index))
        by_id = store.sentence_vectors(passages)
        for p in passages:
            vecs = by_id[p.id]
            for n, span in enumerate(p.sentences):
                self.sentences.append(p.text[span.start - p.start:span.end - p.start])
                vectors.append(vecs[n])
        self.vectors = np.vstack(vectors).astype(np.float32)
        self.bm25 = bm25s.BM25()
        self.bm25.index(terms_many(self.sentences), show_progress=False)

    def rankings(self, question: str) -> tuple[np.ndarray, np.ndarray]:
        qv = np.asarray(self.embedder.embed_query(question), dtype=np.float32)
        cos_order = np.argsort(-(self.vectors @ qv), kind="stable")
        qt = terms(question)
        bm = self.bm25.get_scores(qt) if qt else np.zeros(len(self.sentences))
        return cos_order, np.argsort(-np.asarray(bm), kind="stable")

    def answers(self, question: str) -> dict[str, PeerAnswer]:
        t = time.perf_counter()
        cos_order, bm_order = self.rankings(question)
        fused = np.zeros(len(self.sentences))
        for order in (cos_order, bm_order):
            fused[order] += 1.0 / (RRF_K + np.arange(1, len(order) + 1))
        ms = (time.perf_counter() - t) * 1000
        return {"BM25 best sentence": PeerAnswer(self.sentences[bm_order[0]], ms),
                "MiniLM best sentence": PeerAnswer(self.sentences[cos_order[0]], ms),
                "RRF best sentence": PeerAnswer(self.sentences[int(np.argmax(fused))], ms)}


class TutorialPeer:
    """The LangChain RAG tutorial's retrieval step: the top 1,000-character chunk."""

    def __init__(self, texts: dict[str, str], embedder):
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.store = InMemoryVectorStore(embedder)
        chunks = [c for text in texts.values() for c in splitter.split_text(text)]
        self.store.add_texts(chunks)

    def answers(self, question: str) -> dict[str, PeerAnswer]:
        t = time.perf_counter()
        doc = self.store.similarity_search(question, k=1)[0]
        return {"LangChain tutorial top chunk": PeerAnswer(doc.page_content, (time.perf_counter() - t) * 1000)}


def all_peers(snapshot: Snapshot, store, embedder, texts: dict[str, str]) -> list[Callable[[str], dict[str, PeerAnswer]]]:
    return [SentencePeers(snapshot, store, embedder).answers, TutorialPeer(texts, embedder).answers]
