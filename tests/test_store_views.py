"""ingest/store.py views of an embedded store: reopening to follow other writers stops the systems it leaves
behind (once nobody uses them), and a handle reopens only when it has to."""
from __future__ import annotations

import gc
import threading

import pytest

import ingest.view
from ingest import ArticleStore, ingest_files, open_client

HARBOUR = "date 2024-03-01\nThe Velmora harbour got a new ferry terminal. The mayor Ilse Tornberg opened it."
HARBOUR_V2 = "date 2024-03-01\nThe Velmora harbour closed its ferry terminal. Ilse Tornberg regretted it."


def running_systems(store: ArticleStore) -> int:
    """Chroma systems of the store's folder in this process that were started and not stopped."""
    from chromadb.config import System

    folder = str(store._folder)
    # type(o), not isinstance(o, ...): some objects (numpy's NpzFile views) raise when asked for __class__.
    return sum(1 for o in gc.get_objects()
               if issubclass(type(o), System) and o._running and o.settings.persist_directory == folder)


@pytest.fixture
def no_gc():
    """Without the cyclic collector, a system nobody stopped stays countable (as its memory stays in use)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_many_reopens_keep_the_number_of_running_systems_bounded(store, settings, write_article, fake_embedder,
                                                                  no_gc):
    other = ArticleStore.open(settings)  # another writer (a process, as far as `store` can tell)
    texts = [HARBOUR, HARBOUR_V2]
    for i in range(12):
        ingest_files([write_article("harbour.txt", texts[i % 2])], other, fake_embedder, settings)
        store.follow()  # sees the other writer's change: reopens

    assert running_systems(store) <= 2  # this handle's view, and the one the other handle still uses
    question = fake_embedder.encode(["Who regretted the closure?"])[0]
    assert [p.source for p, _ in store.vector_search(question, 3)] == ["harbour.txt"]
    assert list(other.articles()) == ["harbour.txt"]


def test_a_call_in_flight_during_a_reopen_finishes_on_its_view_which_then_stops(store, write_article,
                                                                                 fake_embedder, settings, no_gc):
    ingest_files([write_article("harbour.txt", HARBOUR)], store, fake_embedder, settings)
    started, go = threading.Event(), threading.Event()
    out: dict = {}

    def slow_count():
        started.set()
        assert go.wait(60)
        return store.passages.count()

    def search():
        out["count"] = store._call(slow_count)

    worker = threading.Thread(target=search)
    worker.start()
    try:
        assert started.wait(60)
        store._reopen()
        assert running_systems(store) == 2  # the old view still serves the call in flight
    finally:
        go.set()  # a failure above must not leave the worker waiting
        worker.join(60)

    assert out["count"] == store.passages.count() > 0
    assert running_systems(store) == 1


# --- reopening only when it is needed ---------------------------------------------------------

class PublishingStore(ArticleStore):
    """Runs `during_publish` (once) between writing a new generation and taking it as seen."""

    during_publish = None

    def _generation_written(self, before: str, after: str) -> None:
        hook, self.during_publish = self.during_publish, None
        if hook is not None:
            hook()
        super()._generation_written(before, after)


class SignallingLock:
    """A store's reopen lock that sets `blocked` when `thread` has to wait for it."""

    def __init__(self, lock, thread_name: str, blocked: threading.Event):
        self.lock, self.thread_name, self.blocked = lock, thread_name, blocked

    def __enter__(self):
        if not self.lock.acquire(blocking=False):
            if threading.current_thread().name == self.thread_name:
                self.blocked.set()
            self.lock.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()


def test_a_question_following_the_store_while_this_handle_publishes_does_not_reopen(settings, write_article,
                                                                                    fake_embedder):
    store = PublishingStore(open_client(settings), settings.collection)
    ingest_files([write_article("harbour.txt", HARBOUR)], store, fake_embedder, settings)
    client = store.client
    blocked_or_done = threading.Event()

    def follow() -> None:
        try:
            store.follow()
        finally:
            blocked_or_done.set()

    question = threading.Thread(target=follow, name="question")
    store._reopen_lock = SignallingLock(store._reopen_lock, "question", blocked_or_done)

    def during_publish() -> None:  # the new generation is in the registry; `_seen` is not updated yet
        question.start()
        assert blocked_or_done.wait(60)

    store.during_publish = during_publish
    ingest_files([write_article("harbour.txt", HARBOUR_V2)], store, fake_embedder, settings)
    question.join(60)

    assert not question.is_alive() and store.client is client
    assert store.follow() == store.generation()


def test_threads_finding_the_view_stale_at_once_reopen_it_once(store, monkeypatch):
    reopens = []

    def counted(folder):
        reopens.append(folder)
        return open_client_of(folder)

    open_client_of = ingest.view.fresh_embedded_client
    monkeypatch.setattr(ingest.view, "fresh_embedded_client", counted)
    stale = store.passages
    threads = 4
    all_failing = threading.Barrier(threads)

    def search() -> str:
        if store.passages is stale:  # the view every thread started on lacks a record another process wrote
            all_failing.wait(60)
            raise RuntimeError("Error finding id 7")
        return "found"

    results: list[str] = []
    workers = [threading.Thread(target=lambda: results.append(store._call(search))) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)

    assert results == ["found"] * threads
    assert len(reopens) == 1
