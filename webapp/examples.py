"""Example questions shipped beside an article: `<article>.questions.json` (a JSON list of strings).

Ingest reads only article suffixes (.txt, .md, .html), so the sidecar is never ingested as an article.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

SIDECAR_SUFFIX = ".questions.json"
MAX_EXAMPLES = 6


def sidecar_path(folder: Path, source: str) -> Path:
    """Where the example questions of the article stored as `source` live inside `folder`."""
    stem = PurePosixPath(source).with_suffix("").as_posix()
    return folder / f"{stem}{SIDECAR_SUFFIX}"


def read_questions(path: Path) -> list[str]:
    """The questions of one sidecar; a missing or malformed file has none (examples are optional)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    return [" ".join(q.split()) for q in data if isinstance(q, str) and q.strip()]


def example_questions(articles: dict, folders: list[Path]) -> list[str]:
    """Example questions of the loaded articles that have a sidecar in one of `folders`, newest article first."""
    infos = sorted(articles.values(), key=lambda a: (a.date or "", a.source), reverse=True)
    out: list[str] = []
    for info in infos:
        for folder in folders:
            questions = read_questions(sidecar_path(folder, info.source))
            if questions:
                out.extend(q for q in questions if q not in out)
                break
        if len(out) >= MAX_EXAMPLES:
            break
    return out[:MAX_EXAMPLES]
