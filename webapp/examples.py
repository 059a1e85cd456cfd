"""The example questions under the empty chat: those shipped beside an article, else suggested from its text.

A shipped article may have a sidecar `<article>.questions.json`: a JSON list of
`{"question": "...", "expect": "...", "phrase": "..."}` (a plain string is a question with nothing expected).
`expect` is "refused" when the articles do not answer it, else a piece of the article's text that the answer's
first citation holds; `phrase`, if given, is the only answer phrase that may be shown in bold. A test asks
every shipped example through the real product and checks both. Ingest reads only article suffixes
(.txt, .md, .html), so the sidecar is never ingested as an article.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from core.errors import AskError
from ingest.load import load_article

from .suggest import suggest_questions
from .uploads import upload_file_name

SIDECAR_SUFFIX = ".questions.json"
MAX_EXAMPLES = 6
REFUSED = "refused"


@dataclass(frozen=True)
class Example:
    question: str
    expect: str | None = None
    """"refused", or text the first citation of the answer holds; None when nothing is recorded."""
    phrase: str | None = None
    """The answer phrase (Answer.short) if one is shown; None when not recorded."""


def sidecar_path(folder: Path, source: str) -> Path:
    """Where the example questions of the article stored as `source` live inside `folder`."""
    stem = PurePosixPath(source).with_suffix("").as_posix()
    return folder / f"{stem}{SIDECAR_SUFFIX}"


def read_examples(path: Path) -> list[Example]:
    """The examples of one sidecar; a missing or malformed file has none (examples are optional)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, list):
        return []
    out = []
    for item in data:
        fields = {"question": item} if isinstance(item, str) else item if isinstance(item, dict) else {}
        question = fields.get("question")
        if isinstance(question, str) and question.strip():
            expect, phrase = (fields.get(k) for k in ("expect", "phrase"))
            out.append(Example(" ".join(question.split()), expect if isinstance(expect, str) and expect else None,
                               phrase if isinstance(phrase, str) and phrase else None))
    return out


def read_questions(path: Path) -> list[str]:
    return [e.question for e in read_examples(path)]


MAX_REMEMBERED_ARTICLES = 1_000
"""How many article versions' suggested questions are remembered (a few hundred bytes each). The page asks for
the newest articles' examples and those of each upload, so the recently used ones are all that is reused; the
least recently used is forgotten first (and suggested again from its file, some ms, if asked), so a
long-running server that sees ever new versions does not grow. Could move to core/settings.py."""


class ExampleQuestions:
    """The examples of the loaded articles, newest ingested first: an article's sidecar in one of `folders`,
    else questions suggested from its file there (remembered per article version, for the `max_remembered`
    versions used most recently)."""

    def __init__(self, folders: list[Path], max_bytes: int, max_remembered: int = MAX_REMEMBERED_ARTICLES):
        self.folders = folders
        self.max_bytes = max_bytes
        self.max_remembered = max_remembered
        self._suggested: OrderedDict[tuple[str, str], list[str]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def remembered(self) -> int:
        """How many article versions' suggestions are remembered now."""
        return len(self._suggested)

    def of_article(self, info) -> list[str]:
        for folder in self.folders:
            questions = read_questions(sidecar_path(folder, info.source))
            if questions:
                return questions
        return self.suggested(info)

    def suggested(self, info) -> list[str]:
        key = (info.source, info.content_hash)
        with self._lock:
            if key in self._suggested:
                self._suggested.move_to_end(key)
                return self._suggested[key]
        questions: list[str] = []
        for folder in self.folders:
            # An upload's file is named safely, its article as given (see uploads.upload_file_name).
            path = next((p for p in (folder / info.source, folder / upload_file_name(info.source)) if p.is_file()),
                        None)
            if path is not None:
                try:
                    article = load_article(path, max_bytes=self.max_bytes, source=info.source)
                except AskError:
                    break  # the file changed since it was ingested; no suggestions rather than wrong ones
                if article.content_hash == info.content_hash:  # else it changed: its questions may not fit
                    questions = suggest_questions(article.title, article.text[article.body.start:article.body.end])
                break
        with self._lock:
            self._suggested[key] = questions
            while len(self._suggested) > self.max_remembered:
                self._suggested.popitem(last=False)
        return questions

    def __call__(self, articles: dict) -> list[str]:
        infos = sorted(articles.values(), key=lambda a: (a.ingested_at, a.date or "", a.source), reverse=True)
        out: list[str] = []
        for info in infos:
            out.extend(q for q in self.of_article(info) if q not in out)
            if len(out) >= MAX_EXAMPLES:
                break
        return out[:MAX_EXAMPLES]


def example_questions(articles: dict, folders: list[Path], max_bytes: int = 5 * 1024 * 1024) -> list[str]:
    """Example questions of the loaded articles (see ExampleQuestions), without remembering suggestions."""
    return ExampleQuestions(folders, max_bytes)(articles)
