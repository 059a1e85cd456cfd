"""Files -> stored passages: load, split, embed in batches, write, publish."""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from core.errors import IngestError
from .load import load_article
from lang.normalize import clean
from core.settings import Settings, get_settings
from .split import split_passages
from .store import ArticleStore
from core.types import Article, Passage


@dataclass(frozen=True)
class IngestResult:
    path: str
    source: str
    status: str
    """'added', 'replaced', 'unchanged' or 'failed'."""
    passages: int = 0
    chars: int = 0
    error: str | None = None
    title: str | None = None


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if r.status == "failed"]

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def chars(self) -> int:
        return sum(r.chars for r in self.results if r.status in ("added", "replaced"))

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "replaced", "unchanged", "failed") if self.count(s)]
        passages = sum(r.passages for r in self.results if r.status in ("added", "replaced"))
        rate = f", {self.chars / 1000 / self.seconds:.1f} KB/s" if self.seconds > 0 and self.chars else ""
        return f"{', '.join(parts) or 'nothing to do'}; {passages} passages written in {self.seconds:.1f} s{rate}"


@dataclass(frozen=True)
class EmbedProgress:
    """How far embedding has got: sentences embedded of those read so far (files read later add to the total)."""

    sentences_done: int
    sentences_total: int
    seconds: float
    """Seconds spent embedding so far."""

    @property
    def seconds_left(self) -> float | None:
        """Time left at the speed so far; None before the first sentences are embedded."""
        if self.sentences_done <= 0 or self.seconds <= 0:
            return None
        return (self.sentences_total - self.sentences_done) * self.seconds / self.sentences_done


EMBED_PROGRESS_SENTENCES = 256
"""With an embedding progress callback, sentences are embedded this many at a time, one report after each."""


@dataclass
class _Pending:
    path: str
    article: Article
    passages: list[Passage]
    replaces: bool


def ingest_files(paths: Iterable[str | Path], store: ArticleStore, embedder, settings: Settings | None = None,
                 progress: Callable[[IngestResult], None] | None = None,
                 sources: dict[str, str] | None = None,
                 on_embedded: Callable[[EmbedProgress], None] | None = None) -> IngestReport:
    """Ingest each file; a bad file is reported and skipped, nothing stored is lost.

    `progress` is called with each file's result; `on_embedded` (or else a `progress.embedded` method,
    when the progress object has one) is told how many sentences are embedded as embedding goes on.
    `sources` optionally names the article for a path (e.g. the original name of an upload).
    Articles are embedded in groups; while one group is written to Chroma (a thread of its own),
    the next one is read and embedded.
    """
    settings = settings or get_settings()
    report = IngestReport()
    t0 = time.perf_counter()
    known = store.articles()
    group: list[_Pending] = []
    writing: Future | None = None
    on_embedded = on_embedded or getattr(progress, "embedded", None)
    sentences = {"read": 0, "done": 0}

    def embedded(n: int, group_seconds: float = 0.0) -> None:
        sentences["done"] += n
        if on_embedded:
            on_embedded(EmbedProgress(sentences["done"], sentences["read"], report.embed_seconds + group_seconds))

    def done(result: IngestResult) -> None:
        report.results.append(result)
        if progress:
            progress(result)

    def collect() -> None:
        nonlocal writing
        if writing is not None:
            results, writing = writing.result(), None  # re-raises a failed write here
            for result in results:
                done(result)

    def flush(writer: ThreadPoolExecutor) -> None:
        nonlocal writing
        if not group:
            return
        embedded(0)
        batch = _embed_group(list(group), store, embedder, settings, embedded if on_embedded else None)
        report.embed_seconds += batch.embed_seconds
        group.clear()
        collect()  # one write at a time, in order
        writing = writer.submit(_store_group, batch, store)

    seen: dict[str, str] = {}
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write") as writer:
        try:
            for path in paths:
                path = str(path)
                source = (sources or {}).get(path) or Path(path).name
                if source in seen:
                    done(IngestResult(path, source, "failed", error=f"two files are named {source}: {seen[source]} "
                                      f"and {path}; ingest their folder, or rename one"))
                    continue
                seen[source] = path
                try:
                    article = load_article(path, max_bytes=settings.max_file_bytes, source=source)
                except IngestError as exc:
                    done(IngestResult(path, source, "failed", error=str(exc)))
                    continue
                current = known.get(source)
                if current and current.content_hash == article.content_hash:
                    done(IngestResult(path, source, "unchanged", passages=current.passages, title=current.title))
                    continue
                passages = split_passages(article, settings.passage_chars)
                if not passages:
                    done(IngestResult(path, source, "failed", error=f"empty file: {path} has no sentences to ingest"))
                    continue
                group.append(_Pending(path, article, passages, replaces=current is not None))
                sentences["read"] += sum(len(p.sentences) for p in passages)
                if sum(len(p.sentences) for g in group for p in g.passages) >= settings.ingest_group:
                    flush(writer)
            flush(writer)
        finally:
            collect()
    report.seconds = time.perf_counter() - t0
    return report


@dataclass
class _Batch:
    group: list[_Pending]
    versions: list[tuple[Article, list[Passage], list[np.ndarray]]]
    passage_vectors: np.ndarray
    embed_seconds: float


def _embed_group(group: list[_Pending], store: ArticleStore, embedder, settings: Settings,
                 embedded: Callable[[int, float], None] | None = None) -> _Batch:
    """Embed the sentences of all pending articles at once (skipping passages a killed run already wrote).

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
    return _Batch(group, versions, passage_vectors(all_sentence_vecs), embed_seconds)


def _store_group(batch: _Batch, store: ArticleStore) -> list[IngestResult]:
    """Write a group's new versions, then publish them together."""
    store.write_versions(batch.versions, batch.passage_vectors)
    store.publish_many([(item.article, len(item.passages), sum(len(p.sentences) for p in item.passages))
                        for item in batch.group])
    return [IngestResult(item.path, item.article.source, "replaced" if item.replaces else "added",
                         passages=len(item.passages), chars=item.article.body.end - item.article.body.start,
                         title=item.article.title) for item in batch.group]


def passage_vectors(sentence_vectors: list[np.ndarray]) -> np.ndarray:
    """A passage's vector is the normalized mean of its sentence vectors: one embedding pass
    serves both passage search and sentence-level evidence."""
    if not sentence_vectors:
        return np.zeros((0, 0), dtype=np.float32)
    means = np.stack([v.mean(axis=0) for v in sentence_vectors])
    return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def seed_if_empty(store: ArticleStore, embedder, settings: Settings | None = None) -> IngestReport | None:
    """Ingest the shipped articles (QA_SEED_DIR) when the store has none; None if it had some."""
    settings = settings or get_settings()
    if store.articles():
        return None
    from .load import find_articles

    return ingest_files(find_articles([settings.seed_dir]), store, embedder, settings)
