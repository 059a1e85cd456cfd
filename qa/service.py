"""The process-wide service: one store, one embedder, one corpus snapshot, shared by every caller."""
from __future__ import annotations

import sys
import threading
from typing import Callable, Iterator

from core.settings import Settings, get_settings
from core.types import ArticleInfo
from ingest.embed import get_embedder
from ingest.pipeline import IngestReport, IngestResult, ingest_files, seed_if_empty
from ingest.store import ArticleStore

from .pipeline import AnswerChain, Turn, validate
from .compose import Answerer, ExtractiveAnswerer
from .corpus import Corpus
from .keywords import KeywordIndex
from .filters import Filters
from .retrieve import HybridRetriever, HybridSearch
from .types import Answer


class QAService:
    """Answers questions and ingests articles. Dependencies come in; defaults are built by `default()`."""

    def __init__(self, store: ArticleStore, embedder, settings: Settings, answerer: Answerer | None = None,
                 judge=None):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.corpus = Corpus(store, KeywordIndex.of(settings))
        self.search = HybridSearch(self.corpus, embedder, k=settings.retrieve_k)
        self.answerer = answerer or ExtractiveAnswerer()
        self.chain = AnswerChain(self.search, store, self.answerer, settings, judge)
        self._seed_lock = threading.Lock()
        self._seeded = False
        self._write_lock = threading.Lock()

    @classmethod
    def default(cls, settings: Settings | None = None, judge=None) -> "QAService":
        settings = settings or get_settings()
        embedder = get_embedder(settings)
        store = ArticleStore.open(settings, embedder)
        from . import short
        from .generate import make_answerer

        # The answer-phrase tagger (spaCy, ~2 s) loads in the background while the caller starts up.
        threading.Thread(target=short.warm_up, name="load-spacy", daemon=True).start()
        return cls(store, embedder, settings, make_answerer(settings, embedder), judge)

    @property
    def retriever(self) -> HybridRetriever:
        """The hybrid search as a LangChain BaseRetriever."""
        return HybridRetriever(search=self.search)

    # -- articles ----------------------------------------------------------------------------
    def ensure_seeded(self, announce: Callable[[str], None] | None = None) -> IngestReport | None:
        """Ingest the shipped articles (QA_SEED_DIR) on the first start of an empty store, and say so.

        The store remembers that this moment has passed (also for a store that already had articles),
        so removing every article later leaves it empty instead of seeding it again."""
        if self._seeded:
            return None
        with self._seed_lock:
            if self._seeded:
                return None
            report = None
            with self._write_lock:
                if not self.store.was_seeded():
                    report = seed_if_empty(self.store, self.embedder, self.settings)
                    self.store.mark_seeded()
            self._seeded = True
        if report is not None:
            say = announce or (lambda msg: print(msg, file=sys.stderr))
            say(f"The store was empty: ingested the shipped articles from {self.settings.seed_dir} "
                f"({report.summary()}). This happens once: articles you remove stay removed.")
        return report

    def articles(self) -> dict[str, ArticleInfo]:
        return self.corpus.snapshot().articles

    def ingest(self, paths: list[str], sources: dict[str, str] | None = None,
               progress: Callable[[IngestResult], None] | None = None) -> IngestReport:
        with self._write_lock:
            report = ingest_files(paths, self.store, self.embedder, self.settings, progress=progress, sources=sources)
            self.corpus.snapshot()  # index the new articles' keywords now, not at the next question
            return report

    def remove(self, source: str) -> bool:
        with self._write_lock:
            removed = self.store.remove(source)
            self.corpus.snapshot()
            return removed

    # -- questions ----------------------------------------------------------------------------
    def _turn(self, question, history, sources, since, until) -> Turn:
        validate(question, self.settings.max_question_chars)  # before seeding: a refused question costs nothing
        self.ensure_seeded()
        return Turn(question=question, history=list(history or []), filters=Filters.of(sources, since, until))

    def answer(self, question: str, history: list | None = None, *, sources=None, since=None,
               until=None) -> Answer:
        """Answer with cited spans, or abstain. Raises QuestionError for an empty or too long question."""
        return self.chain.runnable.invoke(self._turn(question, history, sources, since, until))

    def stream(self, question: str, history: list | None = None, *, sources=None, since=None,
               until=None) -> Iterator[str | Answer]:
        """Yield text chunks as they are produced, then the final Answer as the last item."""
        yield from self.chain.runnable.stream(self._turn(question, history, sources, since, until))


_default: QAService | None = None
_default_lock = threading.Lock()


def get_service() -> QAService:
    """The process-wide service (models and store are loaded once, on first use)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = QAService.default()
    return _default


def answer(question: str, history: list | None = None, *, sources=None, since=None, until=None) -> Answer:
    """Answer a question about the ingested articles, with citations (see qa.types.Answer)."""
    validate(question, get_settings().max_question_chars)  # refused before the model and store load
    return get_service().answer(question, history, sources=sources, since=since, until=until)


def stream(question: str, history: list | None = None, *, sources=None, since=None,
           until=None) -> Iterator[str | Answer]:
    validate(question, get_settings().max_question_chars)  # refused before the model and store load
    yield from get_service().stream(question, history, sources=sources, since=since, until=until)
