"""Files -> stored passages: load, split, embed in groups, write, publish."""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from core.errors import AskError, IngestError
from core.settings import Settings, get_settings
from core.types import ArticleInfo

from .load import load_article
from .split import split_passages
from .store import ArticleStore
from .vectors import EMBED_PROGRESS_SENTENCES, EmbeddedGroup, Prepared, embed_group, passage_vectors

__all__ = ["EMBED_PROGRESS_SENTENCES", "EmbedProgress", "IngestReport", "IngestResult", "Prepared", "ingest_files",
           "passage_vectors", "prepare", "seed_if_empty"]


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


def prepare(path: str, source: str, current: ArticleInfo | None, settings: Settings) -> Prepared | IngestResult:
    """Read and split one file: what to embed, or the file's result already (unchanged, or failed)."""
    try:
        article = load_article(path, max_bytes=settings.max_file_bytes, source=source)
    except IngestError as exc:
        return IngestResult(path, source, "failed", error=str(exc))
    if current and current.content_hash == article.content_hash:
        return IngestResult(path, source, "unchanged", passages=current.passages, title=current.title)
    passages = split_passages(article, settings.passage_chars)
    if not passages:
        return IngestResult(path, source, "failed", error=f"empty file: {path} has no sentences to ingest")
    return Prepared(path, article, passages, replaces=current is not None)


def ingest_files(paths: Iterable[str | Path], store: ArticleStore, embedder, settings: Settings | None = None,
                 progress: Callable[[IngestResult], None] | None = None,
                 sources: dict[str, str] | None = None,
                 on_embedded: Callable[[EmbedProgress], None] | None = None) -> IngestReport:
    """Ingest each file; every file gets its result (a bad file, or a failed write, is reported), and
    nothing stored is lost.

    `progress` is called with each file's result; `on_embedded` (or else a `progress.embedded` method,
    when the progress object has one) is told how many sentences are embedded as embedding goes on.
    `sources` optionally names the article for a path (e.g. the original name of an upload).
    Articles are embedded in groups; while one group is written to Chroma (a thread of its own),
    the next one is read and embedded. Another process writing to the same embedded store is refused
    (StoreBusy) before anything is read.
    """
    settings = settings or get_settings()
    report = IngestReport()
    t0 = time.perf_counter()
    with store.writing(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write") as writer:
        run = _Run(store, embedder, settings, report, progress, on_embedded or getattr(progress, "embedded", None),
                   writer)
        try:
            for path in paths:
                path = str(path)
                run.take(path, (sources or {}).get(path) or Path(path).name)
            run.flush()
        finally:
            run.collect()
    report.seconds = time.perf_counter() - t0
    return report


class _EmbedCounter:
    """Sentences read and embedded so far in one run, told to `on_embedded` as embedding goes on."""

    def __init__(self, on_embedded: Callable[[EmbedProgress], None] | None):
        self.on_embedded = on_embedded
        self.read = 0
        self.done = 0
        self.seconds = 0.0
        """Seconds the run's finished groups spent embedding."""

    def embedded(self, n: int, group_seconds: float = 0.0) -> None:
        self.done += n
        if self.on_embedded:
            self.on_embedded(EmbedProgress(self.done, self.read, self.seconds + group_seconds))


class _Run:
    """One call of `ingest_files`: files are taken one at a time and gathered into groups; each group is
    embedded here while the group before it is written to the store by `writer` (one write at a time, in
    order). Once the store fails a group, no later file is tried: each gets a failed result saying why."""

    def __init__(self, store: ArticleStore, embedder, settings: Settings, report: IngestReport,
                 progress: Callable[[IngestResult], None] | None,
                 on_embedded: Callable[[EmbedProgress], None] | None, writer: ThreadPoolExecutor):
        self.store, self.embedder, self.settings = store, embedder, settings
        self.report, self.progress, self.writer = report, progress, writer
        self.counter = _EmbedCounter(on_embedded)
        self.known = store.articles()
        self.names: dict[str, str] = {}
        """Path of each article name taken so far."""
        self.group: list[Prepared] = []
        self.in_flight: tuple[Future, list[Prepared]] | None = None
        self.failure: str | None = None
        """Why the store failed the first group it failed."""

    def done(self, result: IngestResult) -> None:
        self.report.results.append(result)
        if self.progress:
            self.progress(result)

    def take(self, path: str, source: str) -> None:
        if self.failure is not None:
            self.done(IngestResult(path, source, "failed", error=self._after_failure(path)))
            return
        if source in self.names:
            self.done(IngestResult(path, source, "failed", error=f"two files are named {source}: "
                                   f"{self.names[source]} and {path}; ingest their folder, or rename one"))
            return
        self.names[source] = path
        item = prepare(path, source, self.known.get(source), self.settings)
        if isinstance(item, IngestResult):
            self.done(item)
            return
        self.group.append(item)
        self.counter.read += item.sentences
        if sum(g.sentences for g in self.group) >= self.settings.ingest_group:
            self.flush()

    def flush(self) -> None:
        """Embed the gathered group, then hand it to the writer once the write before it is done."""
        group, self.group = self.group, []
        if not group:
            return
        self.counter.embedded(0)
        try:
            embedded = embed_group(group, self.store, self.embedder, self.settings,
                                   self.counter.embedded if self.counter.on_embedded else None)
        except AskError as exc:  # the store failed to say which passages a killed run wrote
            self.collect()
            self.fail(group, str(exc))
            return
        self.counter.seconds += embedded.embed_seconds
        self.report.embed_seconds = self.counter.seconds
        self.collect()
        if self.failure is not None:
            for item in group:
                self.done(IngestResult(item.path, item.article.source, "failed", error=self._after_failure(item.path)))
            return
        self.in_flight = (self.writer.submit(store_group, embedded, self.store), group)

    def collect(self) -> None:
        """Wait for the write in flight and report its files."""
        if self.in_flight is None:
            return
        (future, group), self.in_flight = self.in_flight, None
        try:
            results = future.result()
        except AskError as exc:  # the store's errors; a bug raises
            self.fail(group, str(exc))
            return
        for result in results:
            self.done(result)

    def fail(self, group: list[Prepared], reason: str) -> None:
        """The store failed this group: its files are not stored, and no later file is tried."""
        self.failure = self.failure or reason
        for item in group:
            self.done(IngestResult(item.path, item.article.source, "failed",
                                   error=f"{item.path} was not stored: {reason}"))

    def _after_failure(self, path: str) -> str:
        return f"{path} was not ingested: the store failed on an earlier file ({self.failure})"


def store_group(batch: EmbeddedGroup, store: ArticleStore) -> list[IngestResult]:
    """Write a group's new versions, then publish them together."""
    store.write_versions(batch.versions, batch.passage_vectors)
    store.publish_many([(item.article, len(item.passages), item.sentences) for item in batch.group])
    return [IngestResult(item.path, item.article.source, "replaced" if item.replaces else "added",
                         passages=len(item.passages), chars=item.article.body.end - item.article.body.start,
                         title=item.article.title) for item in batch.group]


def seed_if_empty(store: ArticleStore, embedder, settings: Settings | None = None) -> IngestReport | None:
    """Ingest the shipped articles (QA_SEED_DIR) when the store has none; None if it had some."""
    settings = settings or get_settings()
    if store.articles():
        return None
    from .load import find_articles

    return ingest_files(find_articles([settings.seed_dir]), store, embedder, settings)
