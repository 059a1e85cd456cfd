"""Ingest throughput against raw embedding of the same sentences."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from core.settings import Settings
from ingest.load import load_article
from lang.normalize import clean
from ingest.pipeline import IngestReport, ingest_files
from ingest.split import split_passages
from ingest.store import ArticleStore

@dataclass(frozen=True)
class IngestRate:
    """Ingest of some articles into a store that did not have them, against embedding their sentences alone."""

    label: str
    articles: int
    chars: int
    passages: int
    sentences: int
    ingest_s: float
    embed_in_ingest_s: float
    """Part of ingest_s spent in embedder.encode."""
    raw_embed_s: float
    """embedder.encode on the same sentence texts outside ingest, one call per chunk of articles."""
    kb_per_s: float
    passages_per_s: float
    raw_kb_per_s: float
    ingest_vs_raw: float
    """Ingest throughput as a share of raw embedding throughput (target: >= 0.9)."""

    @classmethod
    def of(cls, label: str, reports: list[IngestReport], sentences: int, raw_embed_s: float) -> "IngestRate":
        written = [r for report in reports for r in report.results if r.status in ("added", "replaced")]
        return cls.total(label, len(written), sum(r.chars for r in written), sum(r.passages for r in written),
                         sentences, sum(r.seconds for r in reports), sum(r.embed_seconds for r in reports),
                         raw_embed_s)

    @classmethod
    def total(cls, label: str, articles: int, chars: int, passages: int, sentences: int, ingest_s: float,
              embed_in_ingest_s: float, raw_embed_s: float) -> "IngestRate":
        def rate(x: float, s: float) -> float:
            return round(x / s, 1) if s > 0 else 0.0

        # Six places: a small article's embedding with a fast embedder takes well under a millisecond.
        return cls(label, articles, chars, passages, sentences, round(ingest_s, 6), round(embed_in_ingest_s, 6),
                   round(raw_embed_s, 6), rate(chars / 1000, ingest_s), rate(passages, ingest_s),
                   rate(chars / 1000, raw_embed_s), round(raw_embed_s / ingest_s, 3) if ingest_s > 0 else 0.0)

    @classmethod
    def sum(cls, label: str, parts: list["IngestRate"]) -> "IngestRate":
        return cls.total(label, sum(p.articles for p in parts), sum(p.chars for p in parts),
                         sum(p.passages for p in parts), sum(p.sentences for p in parts),
                         sum(p.ingest_s for p in parts), sum(p.embed_in_ingest_s for p in parts),
                         sum(p.raw_embed_s for p in parts))


def sentence_texts(paths: Iterable[Path], settings: Settings) -> list[str]:
    """The texts ingest embeds for these files: every sentence of every passage, cleaned."""
    texts = []
    for path in paths:
        article = load_article(path, max_bytes=settings.max_file_bytes)
        texts.extend(clean(article.text[s.start:s.end]) for p in split_passages(article, settings.passage_chars)
                     for s in p.sentences)
    return texts


def measure_ingest(label: str, paths: list[Path], store: ArticleStore, embedder, settings: Settings,
                   progress: bool = False, chunk: int = 100, raw_every: int = 1) -> IngestRate:
    """Ingest the files (new to the store) and time raw encodes of the same sentences.

    The load of a shared machine drifts, so ingest and raw embedding are timed in alternation, chunk
    by chunk, raw first on every other chunk (before and after when there is one chunk): neither side
    gets all the quiet minutes. With raw_every=N only every Nth chunk is also encoded raw, and the raw
    time is scaled to all sentences (long runs: raw embedding of everything would double them).
    """
    from tqdm import tqdm

    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    reports: list[IngestReport] = []
    raw_s, sentences, raw_sentences = 0.0, 0, 0
    with tqdm(total=len(paths), desc=f"ingest {label}", unit="article", disable=not progress or len(paths) < 2,
              file=sys.stderr, leave=False) as bar:
        for n, part in enumerate(chunks):
            texts = sentence_texts(part, settings)
            timed = n % raw_every == 0 or len(chunks) == 1
            before = timed and ((n // raw_every) % 2 == 1 or len(chunks) == 1)
            raws = [time_encode(embedder, texts, settings)] if before else []
            reports.append(ingest_files(part, store, embedder, settings, progress=lambda _: bar.update(1)))
            if timed and (not before or len(chunks) == 1):
                raws.append(time_encode(embedder, texts, settings))
            if raws:
                raw_s += sum(raws) / len(raws)
                raw_sentences += len(texts)
            sentences += len(texts)
    if raw_sentences and raw_sentences < sentences:
        raw_s *= sentences / raw_sentences
    for report in reports:
        if report.failed:
            raise RuntimeError(f"bench ingest failed: {report.failed[0].error}")
        if report.count("unchanged"):
            raise RuntimeError(f"bench ingest of {label}: the store already had these articles (use a fresh store)")
    return IngestRate.of(label, reports, sentences, raw_s)


def time_encode(embedder, texts: list[str], settings: Settings) -> float:
    """Seconds for one embedder.encode call, with the batch size ingest uses."""
    t = time.perf_counter()
    embedder.encode(texts, batch_size=settings.embed_batch_size)
    return time.perf_counter() - t
