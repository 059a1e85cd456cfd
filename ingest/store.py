"""The Chroma store: passages (searched), their sentence vectors (evidence), and a registry of articles.

A reader sees an article only through its registry entry (`registry.py`), which names the current version
(content hash). Ingest writes a new version's passages first, then flips the registry entry in one write,
then deletes the old version: at every moment exactly one version is visible.

Why it is built this way: only chromadb's public API is used (PersistentClient, HttpClient, `Client.close`,
collections, the types in `chromadb.errors`), so a chromadb upgrade that changes its insides cannot break the
store silently; what chromadb says without a type of its own is recognised in one place (`chroma.py`) under a
test that fails when an upgrade changes it. An embedded store's vector index does not follow other processes'
writes, so this process keeps one client per store folder and replaces it (closes it, opens a new one) when
the registry's generation marker says another process changed the store (`embedded.py`, `view.py`); one
writing process at a time holds a lock file (`writer.py`). A Chroma server (`chroma run`) needs none of it.
The parts are composed, not mixed in: `Collections` runs every Chroma call, `Registry` keeps the registry.
The registry entries and each passage's sentence vectors (int8, in metadata) are records read by id with a
1-dimension placeholder embedding: a collection with the real sentence vectors as embeddings would make Chroma
build a vector index over every sentence (several times the passages, at 10,000 articles) that nothing
searches. The same records also work unchanged through a Chroma server, which a side SQLite file would not.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Any, Iterator

import chromadb
import numpy as np

from core.errors import StoreRefused, StoreUnavailable
from core.settings import Settings, get_settings
from core.types import Article, ArticleInfo, Passage

from .chroma import open_client, store_location
from .records import StoredPassage, pack_vectors, passage_meta, sentence_meta, stored_passage, unpack_vectors
from .registry import DEFAULT_EMBEDDING_MODEL, EmbeddingRecord, Registry, embedding_model_name
from .view import Collections, StoreView
from .writer import writer_lock

__all__ = ["ArticleStore", "DEFAULT_EMBEDDING_MODEL", "EmbeddingRecord", "StoredPassage", "embedding_model_name",
           "open_client", "pack_vectors", "store_location", "unpack_vectors"]

_PAGE = 5000
log = logging.getLogger(__name__)


class ArticleStore:
    """All reads and writes of the Chroma collections go through here.

    `model` names the embedding model this process uses (see `embedding_model_name`); with it, and with
    `embedder`'s dimension, opening a store whose vectors another model made is refused. The store takes
    over `client`: for an embedded store, the process's one client of that folder is used (`embedded.py`).
    `follow()` (each question) and `writing()` (each ingest) reopen an embedded store another process changed.
    """

    def __init__(self, client: chromadb.ClientAPI, collection: str = "articles", embedder=None,
                 model: str | None = None, location: str = "the Chroma store"):
        self.name = collection
        self.embedder = embedder
        self.location = location
        self.collections = Collections(client, collection, location)
        self.registry = Registry(self.collections, collection, model, location)
        self.collections.seen = self.registry.generation()
        self._leftovers: set[str] = set()
        """Articles whose old versions are still stored: their deletion failed after a publish."""
        self.registry.check_embedding(embedder)

    @classmethod
    def open(cls, settings: Settings | None = None, embedder=None) -> "ArticleStore":
        settings = settings or get_settings()
        return cls(open_client(settings), settings.collection, embedder, model=embedding_model_name(settings),
                   location=store_location(settings))

    # --- the registry, as readers use it ------------------------------------------------------
    def articles(self, where: dict | None = None, ids: list[str] | None = None) -> dict[str, ArticleInfo]:
        return self.registry.articles(where, ids)

    def refresh_articles(self, known: dict[str, ArticleInfo], since: float) -> dict[str, ArticleInfo]:
        return self.registry.refresh_articles(known, since)

    def article(self, source: str) -> ArticleInfo | None:
        return self.registry.article(source)

    def generation(self) -> str:
        return self.registry.generation()

    def was_seeded(self) -> bool:
        return self.registry.was_seeded()

    def mark_seeded(self) -> None:
        self.registry.mark_seeded()

    def embedding_record(self) -> EmbeddingRecord | None:
        return self.registry.embedding_record()

    def check_embedding(self, embedder=None) -> None:
        """Refuse (EmbeddingMismatch) an embedder of another model or dimension than the stored vectors'."""
        self.registry.check_embedding(embedder)

    def follow(self) -> str:
        """The store's generation, read now; an embedded store that another process changed is reopened first."""
        return self.collections.follow(self.registry.generation)

    def view(self) -> StoreView:
        """The collections as they are now (to look at them; a reopen leaves this view behind)."""
        return self.collections.view()

    def _call(self, fn):
        """fn(view), through `collections.call` (Chroma's errors said as ours)."""
        return self.collections.call(fn)

    def langchain(self, view: StoreView):
        """`view`'s passage collection as a langchain-chroma vector store, with our embedder passed explicitly."""
        if view.langchain is None:
            from langchain_chroma import Chroma

            view.langchain = Chroma(client=view.client, collection_name=self.name, embedding_function=self.embedder,
                                    create_collection_if_not_exists=False)
        return view.langchain

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store for writing. An embedded store takes one writing process at a time: another one
        is refused (StoreBusy) before anything is written. A server orders its writers itself."""
        if self.collections.folder is None:
            self._drop_leftovers()
            yield
            return
        with writer_lock(self.collections.folder, self.location):
            self.follow()  # write from a view that holds every other process's writes
            self._drop_leftovers()
            yield

    # --- writes -------------------------------------------------------------------------
    def existing_passage_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return set(self._call(lambda v: v.passages.get(ids=ids, include=[]))["ids"])

    def write_versions(self, batch: list[tuple[Article, list[Passage], list[np.ndarray]]],
                       passage_vectors: np.ndarray) -> None:
        """Write passages and sentence vectors of several articles' new versions in a few writes
        (one Chroma write per collection and page: per-article writes cost more than embedding)."""
        p_all, p_meta, s_meta = [], [], []
        for article, passages, sentence_vectors in batch:
            for p, vecs in zip(passages, sentence_vectors):
                p_all.append(p)
                p_meta.append(passage_meta(p, article))
                s_meta.append(sentence_meta(p, vecs))
        if not p_all:
            return
        passage_vectors = np.asarray(passage_vectors)
        self.registry.check_embedding(dimension=passage_vectors.shape[1])
        for i in range(0, len(p_all), _PAGE):
            page = slice(i, i + _PAGE)
            ids = [p.id for p in p_all[page]]
            self._call(lambda v: v.sentences.upsert(ids=ids, embeddings=[[1.0]] * len(ids), metadatas=s_meta[page]))
            # Passages after their sentence vectors: a passage present means its vectors are (resumable ingest).
            self._call(lambda v: v.passages.upsert(ids=ids, embeddings=passage_vectors[page],
                                                    documents=[p.text for p in p_all[page]], metadatas=p_meta[page]))
        # After the write: if Chroma refused these vectors (an old store of another dimension), nothing
        # is recorded that would misdescribe the vectors it holds.
        self.registry.record_embedding(passage_vectors.shape[1])

    def publish_many(self, published: list[tuple[Article, int, int]]) -> None:
        """Make these versions visible in one registry write, then drop every other version of them (when that
        fails, at the start of the next write)."""
        if not published:
            return
        now = time.time()
        infos = [ArticleInfo.of(a, passages, sentences, now) for a, passages, sentences in published]
        # The registry write is the commit point: from here on these versions are the stored ones, and an old
        # version left behind is only dead weight (readers follow the registry).
        self.registry.publish_entries(infos, [a.title for a, _, _ in published])
        sources = sorted({a.source for a, _, _ in published})
        hashes = sorted({a.content_hash for a, _, _ in published})
        try:
            self._delete({"$and": [{"source": {"$in": sources}}, {"content_hash": {"$nin": hashes}}]})
        except StoreUnavailable as exc:
            log.warning("published %s but could not delete their old versions (%s); trying again at the next "
                        "write", ", ".join(sources), exc)
            self._leftovers.update(sources)

    def _drop_leftovers(self) -> None:
        """Delete the old versions a failed cleanup left, before this write reads or writes anything (then no
        version of theirs can be half-written)."""
        if not self._leftovers:
            return
        sources = sorted(self._leftovers)
        try:
            current = self.articles(ids=[f"article:{s}" for s in sources])
            for source in sources:
                self.drop_other_versions(source, keep=current[source].content_hash if source in current else None)
                self._leftovers.discard(source)
        except StoreUnavailable as exc:
            log.warning("could not delete the old versions of %s yet (%s)", ", ".join(sorted(self._leftovers)), exc)

    def drop_other_versions(self, source: str, keep: str | None) -> None:
        where: dict[str, Any] = {"source": source}
        if keep is not None:
            where = {"$and": [{"source": source}, {"content_hash": {"$ne": keep}}]}
        self._delete(where)

    def _delete(self, where: dict) -> None:
        self._call(lambda v: v.passages.delete(where=where))
        self._call(lambda v: v.sentences.delete(where=where))

    def remove(self, source: str) -> bool:
        """Remove an article: hidden at once (registry: the commit point), then its passages deleted."""
        with self.writing():
            if self.article(source) is None:
                return False
            self.registry.unpublish(source)
            self._leftovers.add(source)
            self._drop_leftovers()
            return True

    # --- reads --------------------------------------------------------------------------
    def iter_passages(self, where: dict | None = None) -> Iterator[StoredPassage]:
        """Every stored passage (all versions; callers filter by the registry)."""
        offset = 0
        while True:
            got = self._call(lambda v: v.passages.get(where=where, include=["documents", "metadatas"],
                                                       limit=_PAGE, offset=offset))
            for pid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                yield stored_passage(pid, doc, meta)
            if len(got["ids"]) < _PAGE:
                return
            offset += _PAGE

    def passages_by_id(self, ids: list[str]) -> dict[str, StoredPassage]:
        """These passages (those that exist), by id."""
        if not ids:
            return {}
        got = self._call(lambda v: v.passages.get(ids=list(dict.fromkeys(ids)), include=["documents", "metadatas"]))
        return {pid: stored_passage(pid, doc, meta) for pid, doc, meta in zip(got["ids"], got["documents"],
                                                                            got["metadatas"])}

    def first_passage(self, source: str, content_hash: str) -> StoredPassage | None:
        """The first passage of this version of an article."""
        where = {"$and": [{"source": source}, {"content_hash": content_hash}, {"index": 0}]}
        got = self._call(lambda v: v.passages.get(where=where, include=["documents", "metadatas"], limit=1))
        return stored_passage(got["ids"][0], got["documents"][0], got["metadatas"][0]) if got["ids"] else None

    def vector_search(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[StoredPassage, float]]:
        """Nearest passages with cosine similarity, through langchain-chroma."""
        count = self._call(lambda v: v.passages.count())
        if count == 0:
            return []
        self._check_query(vector)
        query = np.asarray(vector, dtype=np.float32).tolist()
        hits = self._call(lambda v: self.langchain(v).similarity_search_by_vector_with_relevance_scores(
            query, k=min(k, count), filter=where))
        # The collection's space is cosine: the score langchain-chroma returns is the cosine distance.
        return [(stored_passage(doc.id, doc.page_content, doc.metadata), 1.0 - float(distance))
                for doc, distance in hits]

    def exact_vector_search(self, vector: np.ndarray, k: int, where: dict | None) -> list[tuple[StoredPassage, float]]:
        """Nearest passages among the few that `where` admits (None: all, in a small store), by exact cosine over
        all of them: for a filter down to a few articles, reading their vectors beats Chroma's filtered index
        search (~50 ms at 10,000 articles) and misses nothing."""
        self._check_query(vector)
        got = self._call(lambda v: v.passages.get(where=where, include=["embeddings", "documents", "metadatas"]))
        if not got["ids"]:
            return []
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        sims = vectors @ np.asarray(vector, dtype=np.float32) / np.maximum(np.linalg.norm(vectors, axis=1), 1e-12)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(stored_passage(got["ids"][i], got["documents"][i], got["metadatas"][i]), float(sims[i]))
                for i in order]

    def _check_query(self, vector: np.ndarray) -> None:
        """Refuse a query vector of another dimension than the stored ones, saying what to do."""
        record = self.registry.known_embedding()
        if record is not None and np.shape(vector)[-1] != record.dimension:
            raise StoreRefused(
                f"{self.location} holds vectors of {record.dimension} dimensions, but the question's vector has "
                f"{np.shape(vector)[-1]}: the stored vectors and this process's embedding model differ in "
                f"dimension: set QA_EMBEDDING_MODEL back to the model that made them, or ingest into a new store "
                f"(another QA_CHROMA_PATH or QA_COLLECTION)")

    def sentence_vectors(self, passages: list[StoredPassage]) -> dict[str, np.ndarray]:
        """Sentence vectors of these passages, keyed by passage id (rows in sentence order)."""
        if not passages:
            return {}
        got = self._call(lambda v: v.sentences.get(ids=[p.id for p in passages], include=["metadatas"]))
        return {pid: unpack_vectors(meta["vectors"]) for pid, meta in zip(got["ids"], got["metadatas"])}
