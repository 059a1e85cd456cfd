"""The upload handler: files dropped on the page are checked, staged, ingested with progress, then reported."""
from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import gradio as gr

from ingest.load import SUPPORTED_SUFFIXES

from .library import Library
from .render import render_suggestions
from .suggest import MAX_SUGGESTIONS
from .uploads import (Failure, UploadLine, failed_line, ingest_staged, render_progress, render_upload_report,
                      stage_upload)

PROGRESS_EVERY_S = 0.4
"""Least time between two upload progress updates sent to the page."""


def unchanged() -> tuple[dict, dict, dict]:
    """The header, chooser and chat left as they are while an upload runs."""
    return gr.update(), gr.update(), gr.update()


class UploadHandler:
    """`upload(files)` yields (drop zone, status, header, chooser, chat). The drop zone is emptied at the end,
    whatever happened, so it is ready for the next file; the status says what happened to each file."""

    def __init__(self, service, settings, library: Library):
        self.service = service
        self.settings = settings
        self.library = library

    def upload(self, files: list[str] | None):
        if not files:
            yield None, gr.update(), *self.library.refresh()
            return
        lines: dict[int, UploadLine] = {}  # upload position -> report line
        staged: dict[str, str] = {}  # staged path -> article name
        position: dict[str, int] = {}
        # The article keeps the name it was given (shown escaped); only its stored file is named safely.
        names = [Path(src).name for src in files]
        settings = self.settings
        for i, (src, name) in enumerate(zip(files, names)):
            if names.count(name) > 1:  # which one is meant? One line for the name, nothing ingested
                if names.index(name) == i:
                    lines[i] = failed_line(name, Failure.SAME_NAME)
            elif Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                lines[i] = failed_line(name, Failure.UNSUPPORTED)
            elif Path(src).stat().st_size > settings.max_file_bytes:
                lines[i] = failed_line(name, Failure.TOO_LARGE, limit_mb=settings.max_file_mb)
            else:
                try:
                    path = str(stage_upload(src, name, settings.upload_dir))
                except OSError as exc:  # a full disk, a folder we may not write: this file fails, the rest go on
                    lines[i] = failed_line(name, Failure.NOT_STAGED, reason=exc.strerror or type(exc).__name__)
                    continue
                staged[path], position[path] = name, i
        if staged:
            yield gr.update(), render_progress(len(staged)), *unchanged()
            try:
                done = yield from self._with_progress(
                    len(staged), lambda report: ingest_staged(self.service, staged, settings.upload_dir, report))
            except Exception:
                # A bug: ingest_staged kept nothing; the report says so before the error goes on to the log.
                lines.update({position[path]: failed_line(name, Failure.UNEXPECTED) for path, name in staged.items()})
                yield None, render_upload_report([lines[i] for i in sorted(lines)]), *self.library.refresh()
                raise
            lines.update({position[path]: line for path, line in done.items()})
        report = [lines[i] for i in sorted(lines)]
        shown = render_upload_report(report) + render_suggestions(self.suggestions(report))
        yield None, shown, *self.library.refresh()

    def suggestions(self, report: list[UploadLine]) -> list[tuple[str, str]]:
        """Questions to try on the articles just added or replaced, each (question, article name): asked of that
        article alone."""
        added = [name for status, name, _ in report if status in ("added", "replaced")]
        if not added:
            return []
        articles = self.library.articles()
        out: list[tuple[str, str]] = []
        for name in added:
            if name in articles:
                out.extend((q, name) for q in self.library.examples.of_article(articles[name])
                           if q not in (asked for asked, _ in out))
        return out[:MAX_SUGGESTIONS]

    def _with_progress(self, files: int, work):
        """Run work(report) in a thread while this generator yields the progress display (the request
        thread must stay free to send it); returns what work returned."""
        events: queue.Queue = queue.Queue()
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["value"] = work(events.put)
            except BaseException as exc:  # re-raised in the request thread below, so Gradio reports it
                outcome["error"] = exc
            finally:
                events.put(None)

        threading.Thread(target=run, name="upload-ingest", daemon=True).start()
        last_sent = 0.0
        while True:
            progress = events.get()
            while progress is not None and not events.empty():
                progress = events.get()  # only the newest report matters
            if progress is None:
                break
            if time.monotonic() - last_sent >= PROGRESS_EVERY_S:
                last_sent = time.monotonic()
                yield (gr.update(), render_progress(files, progress.sentences_done, progress.sentences_total,
                                                    progress.seconds_left), *unchanged())
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]
