"""The process-wide service: one store, one embedder, one corpus snapshot, shared by every caller."""
from __future__ import annotations

import sys
import threading
from typing import Callable, Iterator

from core.settings import Settings, get_settings
from core.types import ArticleInfo
from ingest.embed import get_embedder, whole_words
from ingest.pipeline import IngestReport, IngestResult, ingest_files, seed_if_empty
from ingest.store import ArticleStore

from .pipeline import AnswerChain
from qa.compose.compose import Answerer, ExtractiveAnswerer
from qa.retrieval.corpus import Corpus
from ingest.keywords import KeywordIndex
from qa.retrieval.retrieve import HybridRetriever, HybridSearch
from .judgment import judge as judges
from .judgment.judge import Judge
from .judgment.reader import Reader
from .request import Request, check
from .skills.answer import Skills
from .types import Answer


READ_AHEAD = 20
"""New articles read ahead for the answer skills after an ingest (the rest are read when first asked about)."""


class QAService:
    """Answers questions and ingests articles. Dependencies come in; defaults are built by `default()`."""

    def __init__(self, store: ArticleStore, embedder, settings: Settings, keywords: KeywordIndex, judge: Judge,
                 reader: Reader | None = None, answerer: Answerer | None = None):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.corpus = Corpus(store, keywords)
        self.search = HybridSearch(self.corpus, embedder, k=settings.retrieve_k)
        self.answerer = answerer or ExtractiveAnswerer()
        self.chain = AnswerChain(self.search, store, self.answerer, settings, judge, reader,
                                 Skills(store, common=whole_words(settings), embed=embedder.encode))
        self._seed_lock = threading.Lock()
        self._seeded = False
        self._write_lock = threading.Lock()

    @classmethod
    def of(cls, store: ArticleStore, embedder, settings: Settings, answerer: Answerer | None = None,
           judge: Judge | None = None, reader: Reader | None | str = "shipped") -> "QAService":
        """The service over this store and embedder, with the store's keyword index and, unless given, the
        committed judge and reader (`reader=None`: answer without the reader)."""
        if reader == "shipped":
            shipped = Reader()
            reader = shipped if shipped.available else None
        return cls(store, embedder, settings, KeywordIndex.of(settings), judge or judges.load(), reader, answerer)

    @classmethod
    def default(cls, settings: Settings | None = None, judge: Judge | None = None,
                reader: Reader | None | str = "shipped") -> "QAService":
        """The service with the shipped models: the embedder, the store and keyword index of `settings`,
        the committed judge, and the committed reader (`reader=None`: without it, as before it existed)."""
        settings = settings or get_settings()
        embedder = get_embedder(settings)
        store = ArticleStore.open(settings, embedder)
        from .compose.generate import make_answerer

        service = cls.of(store, embedder, settings, make_answerer(settings, embedder), judge, reader)
        # spaCy (the yes/no parser and the answer skills; ~2 s) and the reader load in the background.
        # Not a daemon: a process that exits while native code is still loading aborts ("terminate called
        # without an active exception"), so an early exit waits for the load to finish instead.
        threading.Thread(target=_warm_up, args=(service.chain.judge, service.chain.reader), name="load-models").start()
        return service

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
                # The writer lock only when there is something to write: a question must not wait for it.
                if not self.store.was_seeded():
                    with self.store.writing():  # the seed ingest and the mark: one write of this process
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
               progress: Callable[[IngestResult], None] | None = None, read_ahead: bool = False) -> IngestReport:
        """Ingest files; with `read_ahead` (the chat's uploads), the new articles are then read for the answer
        skills in a background thread, so that the first summary of an upload is quick."""
        with self._write_lock:
            report = ingest_files(paths, self.store, self.embedder, self.settings, progress=progress, sources=sources)
            snap = self.corpus.snapshot()  # index the new articles' keywords now, not at the next question
        if read_ahead and self.chain.skills is not None:
            self.chain.skills.read_ahead([snap.articles[r.source] for r in report.results
                                          if r.source in snap.articles][:READ_AHEAD])
        return report

    def remove(self, source: str) -> bool:
        with self._write_lock:
            removed = self.store.remove(source)
            self.corpus.snapshot()
            return removed

    # -- questions ----------------------------------------------------------------------------
    def check(self, question, history=None, sources=None, since=None, until=None) -> Request:
        """The request checked against this service's limits (QuestionError says what to fix)."""
        return check(question, history, sources, since, until, max_chars=self.settings.max_question_chars)

    def _asked(self, request: Request) -> Request:
        self.ensure_seeded()  # after the check: a refused question costs nothing
        return request

    def answer(self, question: str | Request, history: list | None = None, *, sources=None, since=None,
               until=None) -> Answer:
        """Answer with cited spans, or abstain. Raises QuestionError for bad input (empty or too long
        question, a date that is not YYYY-MM-DD, From after To)."""
        request = question if isinstance(question, Request) else self.check(question, history, sources, since, until)
        return self.chain.runnable.invoke(self._asked(request))

    def stream(self, question: str | Request, history: list | None = None, *, sources=None, since=None,
               until=None) -> Iterator[str | Answer]:
        """Yield text chunks as they are produced, then the final Answer as the last item."""
        request = question if isinstance(question, Request) else self.check(question, history, sources, since, until)
        yield from self.chain.streaming.stream(self._asked(request))


def _warm_up(judge: Judge, reader: Reader | None) -> None:
    from .compose import yesno

    yesno.warm_up()
    from lang.tagging import pipeline

    pipeline(())  # the whole pipeline: the answer skills' names and roles, the yes/no check of a claim
    if reader is not None:
        reader.warm_up()


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
    # Checked before the model and the store load: bad input is refused at once.
    request = check(question, history, sources, since, until, max_chars=get_settings().max_question_chars)
    return get_service().answer(request)


def stream(question: str, history: list | None = None, *, sources=None, since=None,
           until=None) -> Iterator[str | Answer]:
    request = check(question, history, sources, since, until, max_chars=get_settings().max_question_chars)
    yield from get_service().stream(request)
