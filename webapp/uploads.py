"""Uploaded articles: safe names, staging until ingest succeeds, the per-file report and the progress line."""
from __future__ import annotations

import html
import os
import re
import shutil
import unicodedata
import uuid
from pathlib import Path

from core.errors import StoreUnavailable

from .render import count


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


def stage_upload(src: str | Path, name: str, upload_dir: Path) -> Path:
    """Copy an uploaded file into a fresh folder under upload_dir/.incoming; returns the copy.

    The copy replaces the stored file only after it ingests well (see `keep_upload`), so a bad
    upload changes nothing.
    """
    staging = (upload_dir / ".incoming" / uuid.uuid4().hex).resolve()
    target = (staging / safe_upload_name(name)).resolve()
    if not target.is_relative_to(upload_dir.resolve()):
        raise ValueError(f"refusing to store {name!r} outside {upload_dir}")
    staging.mkdir(parents=True)
    shutil.copyfile(src, target)
    return target


def keep_upload(staged: Path, upload_dir: Path) -> Path:
    """Move an ingested upload to its place, replacing an earlier file of the same name."""
    final = upload_dir.resolve() / staged.name
    os.replace(staged, final)
    staged.parent.rmdir()
    return final


def discard_upload(staged: Path) -> None:
    staged.unlink(missing_ok=True)
    staged.parent.rmdir()


# What ingest's message kinds ("binary file: x.txt does not look like text ...") say on the page, where the line
# names the file already.
FAILURE_WORDS = {
    "empty file": "empty: there is no text in it",
    # A binary file named .txt: its name is not the problem.
    "binary file": "not text, whatever its name says (an image, a PDF?): save the article as text and add it again",
    "not UTF-8 text": "could not be read as text: save it as UTF-8 and add it again",
    "unsupported file type": "unsupported file type: add .txt, .md or .html articles",
}


def failure_words(message: str, name: str) -> str:
    """An ingest error as the upload report says it: in the reader's words, without the file's name."""
    kind, sep, _ = message.partition(":")
    if sep and kind in FAILURE_WORDS:
        return FAILURE_WORDS[kind]
    return " ".join(message.replace(f" {name} ", " ").replace(f" {name}:", ":").split()) or "could not be added"


def too_large_line(name: str, max_file_mb: float) -> tuple[str, str, str]:
    return "failed", name, f"too large — the limit is {max_file_mb:g} MB"


def same_name_line(name: str) -> tuple[str, str, str]:
    return "failed", name, "two files have this name; add one at a time"


def unsupported_line(name: str) -> tuple[str, str, str]:
    return "failed", name, FAILURE_WORDS["unsupported file type"]


def upload_line(result) -> tuple[str, str, str]:
    """(status, article name, what happened) for one ingested upload."""
    if result.status == "failed":
        # The error names the staged copy; the reader knows the file by its own name.
        message = (result.error or "could not be ingested").replace(result.path, result.source)
        return "failed", result.source, failure_words(message, result.source)
    detail = {"added": "added", "replaced": "replaced the earlier version",
              "unchanged": "already loaded, unchanged"}[result.status]
    return result.status, result.source, f"{detail} · {count(result.passages, 'passage')}"


def ingest_staged(service, staged: dict[str, str], upload_dir: Path, on_embedded=None) -> dict[str, tuple[str, str, str]]:
    """Ingest staged uploads (staged path -> article name), keep those that went in and discard the rest.

    Returns a report line per staged path. Runs to the end even if nobody waits for it any more (the page
    was closed), so no upload is left half-kept. `on_embedded` gets ingest's embedding progress.
    """
    class Reporter:
        def __call__(self, result) -> None:
            pass

        def embedded(self, progress) -> None:
            if on_embedded is not None:
                on_embedded(progress)

    try:
        report = service.ingest(list(staged), sources=staged, progress=Reporter(), read_ahead=True)
    except StoreUnavailable as exc:
        for path in staged:
            discard_upload(Path(path))
        return {path: ("failed", name, str(exc)) for path, name in staged.items()}
    lines = {}
    for r in report.results:
        if r.status == "failed":
            discard_upload(Path(r.path))
        else:
            keep_upload(Path(r.path), upload_dir)
        lines[r.path] = upload_line(r)
    return lines


def render_upload_report(lines: list[tuple[str, str, str]], suggestions: list[str] = ()) -> str:
    """Upload results, one line a file: (status, name, detail); then questions to try on what was added
    (buttons that put the question in the question box)."""
    icons = {"added": "✓", "replaced": "✓", "unchanged": "=", "failed": "✗"}
    items = "".join(
        f'<li class="qa-up-{html.escape(status)}"><span class="qa-up-icon">{icons.get(status, "·")}</span>'
        f'<span class="qa-up-name">{html.escape(name)}</span><span class="qa-up-sep">: </span>'
        f'<span class="qa-up-detail">{html.escape(detail)}</span></li>'
        for status, name, detail in lines)
    report = f'<ul class="qa-upload-report">{items}</ul>'
    if suggestions:
        buttons = "".join(f'<button type="button" class="qa-suggest-q">{html.escape(q)}</button>' for q in suggestions)
        report += f'<div class="qa-suggest"><span class="qa-suggest-label">Try asking</span>{buttons}</div>'
    return report


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
