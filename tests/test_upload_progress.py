"""Ingest reports embedding progress from inside (sentences embedded / total, time left) for the chat's upload."""
from __future__ import annotations

import dataclasses

from ingest import ingest_files
from ingest.pipeline import EMBED_PROGRESS_SENTENCES, EmbedProgress


def long_article(sentences: int) -> str:
    return "date 2024-03-01\nHarbour log\n\n" + " ".join(
        f"Ship number {i} docked at berth {i % 7} on a calm morning." for i in range(sentences))


def test_embedding_progress_counts_sentences_up_to_the_total(write_article, store, fake_embedder, settings):
    path = write_article("log.txt", long_article(600))
    reports: list[EmbedProgress] = []
    report = ingest_files([path], store, fake_embedder, settings, on_embedded=reports.append)

    assert report.results[0].status == "added"
    total = reports[-1].sentences_total
    assert total >= 600
    done = [r.sentences_done for r in reports]
    assert done == sorted(done) and done[0] == 0 and done[-1] == total
    assert len(reports) >= 1 + total // EMBED_PROGRESS_SENTENCES  # one report per slice, not one at the end
    assert all(len(call) <= EMBED_PROGRESS_SENTENCES for call in fake_embedder.calls)
    assert reports[-1].seconds_left == 0.0 or reports[-1].seconds_left is None


def test_progress_object_with_an_embedded_method_gets_the_reports(write_article, store, fake_embedder, settings):
    """The chat passes one reporter through `QAService.ingest(progress=...)`: files and embedding both reach it."""
    path = write_article("log.txt", long_article(300))

    class Reporter:
        def __init__(self):
            self.files, self.embedded_reports = [], []

        def __call__(self, result):
            self.files.append(result.source)

        def embedded(self, progress: EmbedProgress):
            self.embedded_reports.append(progress)

    reporter = Reporter()
    ingest_files([path], store, fake_embedder, settings, progress=reporter)
    assert reporter.files == ["log.txt"]
    assert reporter.embedded_reports[-1].sentences_done == reporter.embedded_reports[-1].sentences_total > 0


def test_time_left_follows_the_speed_so_far():
    assert EmbedProgress(100, 400, 2.0).seconds_left == 6.0
    assert EmbedProgress(0, 400, 0.0).seconds_left is None


def test_without_a_progress_callback_embedding_is_one_call_per_group(write_article, store, fake_embedder, settings):
    path = write_article("log.txt", long_article(600))
    ingest_files([path], store, fake_embedder, dataclasses.replace(settings, ingest_group=10_000))
    assert len(fake_embedder.calls) == 1
