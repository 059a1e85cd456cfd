"""A stand-in for qa.QAService with scripted answers, so page tests do not depend on the model's answers.

`ScriptedService` has the methods the page calls (`settings`, `articles()`, `stream()`, `answer()`,
`ingest()`, `ensure_seeded()`, `remove()`); answers are built from articles written in the test, with
offsets cut from their text like the real ones.
"""
from __future__ import annotations

import dataclasses
import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from core.settings import Settings
from core.types import ArticleInfo
from qa import Answer, Citation, Short
from qa.types import Level


@dataclass
class FakeArticle:
    source: str
    title: str
    date: str | None
    text: str

    def info(self, ingested_at: float = 0.0) -> ArticleInfo:
        return ArticleInfo(source=self.source, title=self.title, date=self.date,
                           content_hash=hashlib.sha256(self.text.encode()).hexdigest(), passages=1,
                           sentences=self.text.count(". ") + 1, size_bytes=len(self.text.encode()),
                           ingested_at=ingested_at, title_start=0, title_end=len(self.title), date_start=-1,
                           date_end=-1)

    def cite(self, quote: str, index: int = 1, role: str = "support") -> Citation:
        """A citation of `quote` (its first occurrence), inside the article's whole text as its passage."""
        start = self.text.index(quote)
        end = start + len(quote)
        return Citation(index=index, source=self.source, title=self.title, date=self.date,
                        passage_id=f"{self.source}#0", start=start, end=end, quote=self.text[start:end], score=0.8,
                        passage_start=0, passage_end=len(self.text), passage_text=self.text, role=role)

    def short(self, phrase: str, citation: Citation, confidence: float = 0.9) -> Short:
        start = citation.start + citation.quote.index(phrase)
        return Short(text=phrase, citation=citation.index, start=start, end=start + len(phrase),
                     quote=self.text[start:start + len(phrase)], confidence=confidence)


@dataclass
class IngestResult:
    path: str
    source: str
    status: str
    passages: int = 0
    error: str | None = None


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)


class ScriptedService:
    """Answers by `script(question) -> Answer`; `hold` (an Event), when set up, keeps each answer pending
    until the test sets it. Uploads of text files become articles (title: first line)."""

    def __init__(self, settings: Settings, articles: list[FakeArticle], script: Callable[[str], Answer]):
        self.settings = settings
        self._articles = {a.source: a for a in articles}
        self._ingested = {a.source: 0.0 for a in articles}
        self.script = script
        self.hold: threading.Event | None = None
        self.asked: list[dict] = []

    def ensure_seeded(self, announce=None):
        return None

    def articles(self) -> dict[str, ArticleInfo]:
        return {name: a.info(self._ingested[name]) for name, a in self._articles.items()}

    def stream(self, question: str, history: list | None = None, *, sources=None, since=None,
               until=None) -> Iterator[str | Answer]:
        self.asked.append({"question": question, "history": history, "sources": sources, "since": since,
                           "until": until})
        answer = self.script(question)
        words = answer.text.split(" ")
        yield words[0] + " "
        hold = self.hold  # read once: the test may take it away meanwhile
        if hold is not None:
            assert hold.wait(30), "the test never released the answer"
        yield " ".join(words[1:])
        yield answer

    def answer(self, question: str, history: list | None = None, **filters) -> Answer:
        *_, answer = self.stream(question, history, **filters)
        return answer

    def ingest(self, paths: list[str], sources: dict[str, str] | None = None, progress=None,
               read_ahead: bool = False) -> IngestReport:
        report = IngestReport()
        for path in paths:
            name = (sources or {}).get(path, Path(path).name)
            text = Path(path).read_text(encoding="utf-8")
            title = text.strip().splitlines()[0].lstrip("# ") if text.strip() else ""
            if not title:
                error = f"empty file: {path} has no text to ingest"
                report.results.append(IngestResult(path, name, "failed", error=error))
                continue
            status = "replaced" if name in self._articles else "added"
            self._articles[name] = FakeArticle(name, title, None, text)
            self._ingested[name] = time.time()
            report.results.append(IngestResult(path, name, status, passages=1))
        return report

    def remove(self, source: str) -> bool:
        return self._articles.pop(source, None) is not None


def fake_settings(folder: Path) -> Settings:
    """Settings with every path of the page (seed articles, uploads, feedback) inside `folder`."""
    seed = folder / "seed"
    seed.mkdir(parents=True, exist_ok=True)
    return dataclasses.replace(Settings(), chroma_path=folder / "chroma", chroma_host=None, seed_dir=seed,
                               upload_dir=folder / "uploads", feedback_path=folder / "feedback.jsonl",
                               keyword_index=folder / "keywords.sqlite3")


def refusal(question: str, closest: Citation | None = None, reason: str = "no sentence says it") -> Answer:
    text = "The articles don't say." + (" The closest passage [1] is not an answer." if closest else "")
    cites = (dataclasses.replace(closest, role="closest"),) if closest else ()
    return Answer(text=text, citations=cites, level=Level.REFUSED, reason=reason, question=question, searched=question)
