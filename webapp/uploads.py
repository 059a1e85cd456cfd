"""Uploaded articles: names as given and safe file names, staging until ingest succeeds, the per-file report and
the progress line."""
from __future__ import annotations

import hashlib
import html
import logging
import os
import re
import shutil
import unicodedata
import uuid
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from core.errors import AskError

from .render import count

log = logging.getLogger(__name__)


def safe_upload_name(name: str) -> str:
    """A file name that stays inside the upload folder: no folders, no leading dots, no odd characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in base).strip(" .")
    base = re.sub(r"\s+", " ", base)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:120].strip(" .") or "article"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def upload_file_name(name: str) -> str:
    """Where the upload the reader named `name` is stored in the upload folder. The article keeps the name as
    given; only its file is named safely, with a digest of the given name when making it safe changed it, so
    "a&b.txt" and "a+b.txt" do not overwrite each other's file."""
    safe = safe_upload_name(name)
    if safe == re.split(r"[\\/]", name or "")[-1]:
        return safe
    stem, dot, suffix = safe.rpartition(".")
    digest = hashlib.sha1((name or "").encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}.{suffix}" if dot else f"{safe}-{digest}"


def stage_upload(src: str | Path, name: str, upload_dir: Path) -> Path:
    """Copy an uploaded file into a fresh folder under upload_dir/.incoming; returns the copy.

    The copy replaces the stored file only after it ingests well (see `keep_upload`), so a bad
    upload changes nothing. A copy that fails leaves no staging folder behind.
    """
    staging = (upload_dir / ".incoming" / uuid.uuid4().hex).resolve()
    target = (staging / upload_file_name(name)).resolve()
    if not target.is_relative_to(upload_dir.resolve()):
        raise ValueError(f"refusing to store {name!r} outside {upload_dir}")
    staging.mkdir(parents=True)
    try:
        shutil.copyfile(src, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def keep_upload(staged: Path, upload_dir: Path) -> Path:
    """Move an ingested upload to its place, replacing an earlier file of the same name."""
    final = upload_dir.resolve() / staged.name
    os.replace(staged, final)
    staged.parent.rmdir()
    return final


def discard_upload(staged: Path) -> None:
    """Remove a staged upload and its staging folder; a failure here is logged, not raised (the report matters
    more than the leftover, which the log names)."""
    try:
        staged.unlink(missing_ok=True)
        staged.parent.rmdir()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not remove the staged upload %s: %s", staged.parent, exc)


class Failure(Enum):
    """Why an upload was not added (or not wholly): a typed kind, said in the reader's words by `words()`
    (the report line names the file already)."""

    EMPTY = "empty", "empty: there is no text in it"
    # A binary file named .txt: its name is not the problem.
    BINARY = ("binary",
              "not text, whatever its name says (an image, a PDF?): save the article as text and add it again")
    NOT_UTF8 = "not-utf8", "could not be read as text: save it as UTF-8 and add it again"
    UNSUPPORTED = "unsupported", "unsupported file type: add .txt, .md or .html articles"
    TOO_LARGE = "too-large", "too large — the limit is {limit_mb:g} MB"
    SAME_NAME = "same-name", "two files have this name; add one at a time"
    NOT_STAGED = ("not-staged",
                  "could not be copied into the upload folder ({reason}): nothing was added; add it again")
    NOT_KEPT = ("not-kept",
                "its file could not be saved in the upload folder ({reason}); add it again to keep a copy")
    STORE = "store", "{message}"
    """The store cannot be used; its message says what to do."""
    UNEXPECTED = ("unexpected",
                  "something went wrong while adding it (the app's log says what); nothing was kept: try again")
    OTHER = "other", "{message}"
    """Ingest's own one-line message, of no kind the page words itself."""

    def __init__(self, code: str, template: str):
        self.code = code
        self.template = template

    def words(self, **details) -> str:
        return self.template.format(**details)

    @classmethod
    def of_ingest_error(cls, message: str) -> "Failure":
        """The kind of a file ingest refused. Ingest reports a failed file as a message only, so its kind is read
        here, in this one place, from the message's first words (tests load each kind of bad file, so a
        change of ingest's wording fails them)."""
        kind = message.partition(":")[0]
        return _INGEST_KINDS.get(kind, cls.OTHER)


_INGEST_KINDS = {"empty file": Failure.EMPTY, "binary file": Failure.BINARY, "not UTF-8 text": Failure.NOT_UTF8,
                 "unsupported file type": Failure.UNSUPPORTED}


class UploadLine(NamedTuple):
    """One file's line of the upload report."""

    status: str
    """'added', 'replaced', 'unchanged' or 'failed'."""
    name: str
    """The article's name as the reader gave it."""
    detail: str


def failed_line(name: str, failure: Failure, **details) -> UploadLine:
    return UploadLine("failed", name, failure.words(**details))


def upload_line(result) -> UploadLine:
    """The report line of one ingested upload."""
    if result.status == "failed":
        message = result.error or "could not be ingested"
        # Ingest's message names the staged copy; the line names the file already.
        name = result.source
        text = message.replace(result.path, name).replace(f" {name} ", " ").replace(f" {name}:", ":")
        return failed_line(name, Failure.of_ingest_error(message), message=" ".join(text.split()))
    detail = {"added": "added", "replaced": "replaced the earlier version",
              "unchanged": "already loaded, unchanged"}[result.status]
    return UploadLine(result.status, result.source, f"{detail} · {count(result.passages, 'passage')}")


def ingest_staged(service, staged: dict[str, str], upload_dir: Path, on_embedded=None) -> dict[str, UploadLine]:
    """Ingest staged uploads (staged path -> article name), keep those that went in and discard the rest.

    Returns a report line per staged path. Runs to the end even if nobody waits for it any more (the page
    was closed), so no upload is left half-kept. `on_embedded` gets ingest's embedding progress. Whatever
    fails, nothing stays staged: a store that cannot be used is a line per file, a bug is raised (after
    the clean-up) for the log.
    """
    class Reporter:
        def __call__(self, result) -> None:
            pass

        def embedded(self, progress) -> None:
            if on_embedded is not None:
                on_embedded(progress)

    try:
        report = service.ingest(list(staged), sources=staged, progress=Reporter(), read_ahead=True)
    except BaseException as exc:
        for path in staged:
            discard_upload(Path(path))
        if isinstance(exc, AskError):  # the store is down or busy: the message says what to do
            return {path: failed_line(name, Failure.STORE, message=str(exc)) for path, name in staged.items()}
        raise
    lines = {}
    for r in report.results:
        if r.path in staged and r.path not in lines:
            lines[r.path] = _settle(r, upload_dir)
    for path, name in staged.items():
        if path not in lines:  # ingest said nothing of it (a bug): not kept, and said so
            log.error("ingest returned no result for the upload %s (%s)", name, path)
            discard_upload(Path(path))
            lines[path] = failed_line(name, Failure.UNEXPECTED)
    return {path: lines[path] for path in staged}


def _settle(result, upload_dir: Path) -> UploadLine:
    """Keep an ingested upload's file (or discard a failed one); its report line says if the file could not
    be kept, while the article itself is in the store."""
    line = upload_line(result)
    if result.status == "failed":
        discard_upload(Path(result.path))
        return line
    try:
        keep_upload(Path(result.path), upload_dir)
    except OSError as exc:
        log.warning("could not keep the upload %s in %s: %s", result.source, upload_dir, exc)
        discard_upload(Path(result.path))
        reason = exc.strerror or type(exc).__name__
        return line._replace(detail=f"{line.detail}; {Failure.NOT_KEPT.words(reason=reason)}")
    return line


def render_upload_report(lines: list[UploadLine]) -> str:
    """Upload results, one line a file: (status, name, detail). Questions to try on what was added are
    rendered beside it (render.render_suggestions)."""
    icons = {"added": "✓", "replaced": "✓", "unchanged": "=", "failed": "✗"}
    items = "".join(
        f'<li class="qa-up-{html.escape(status)}"><span class="qa-up-icon">{icons.get(status, "·")}</span>'
        f'<span class="qa-up-name">{html.escape(name)}</span><span class="qa-up-sep">: </span>'
        f'<span class="qa-up-detail">{html.escape(detail)}</span></li>'
        for status, name, detail in lines)
    return f'<ul class="qa-upload-report">{items}</ul>'


def _duration(seconds: float) -> str:
    seconds = max(1, round(seconds))
    return f"{seconds} s" if seconds < 90 else f"{round(seconds / 60)} min"


def render_progress(files: int, done: int = 0, total: int = 0, seconds_left: float | None = None) -> str:
    """The one progress display of an upload: sentences embedded of those read so far, and time left."""
    what = count(files, "file")
    if total <= 0:
        text, bar = f"Reading {what}…", "<progress></progress>"
    elif done >= total:
        text, bar = f"Embedded all {total:,} sentences of {what}; saving…", f'<progress value="{total}" max="{total}"></progress>'
    else:
        left = "" if seconds_left is None else f" · about {_duration(seconds_left)} left"
        text = f"Embedding {what}: {done:,} of {total:,} sentences{left}"
        bar = f'<progress value="{done}" max="{total}"></progress>'
    return f'<div class="qa-progress" role="status">{bar}<span class="qa-progress-text">{html.escape(text)}</span></div>'
