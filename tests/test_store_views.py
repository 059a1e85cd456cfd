"""ingest/view.py and ingest/embedded.py: an embedded store is reopened (its one client in this process closed
and opened again) to follow other writers without leaking what it leaves behind, waits for the calls in flight,
and reopens only when it has to."""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager

import pytest
from chromadb.errors import InternalError

from ingest import ArticleStore, ingest_files, open_client

HARBOUR = "date 2024-03-01\nThe Velmora harbour got a new ferry terminal. The mayor Ilse Tornberg opened it."
HARBOUR_V2 = "date 2024-03-01\nThe Velmora harbour closed its ferry terminal. Ilse Tornberg regretted it."
STALE = "Error executing plan: Internal error: Error finding id"
"""What Chroma's embedded index says for a record another process wrote (tests/test_chroma_errors.py)."""


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files through /proc")
def test_many_reopens_keep_the_open_files_bounded(store, settings, write_article, fake_embedder):
    other = ArticleStore.open(settings)  # another writer (a process, as far as `store` can tell)
    texts = [HARBOUR, HARBOUR_V2]
    question = fake_embedder.encode(["Who regretted the closure?"])[0]
    opened = []
    for i in range(12):
        ingest_files([write_article("harbour.txt", texts[i % 2])], other, fake_embedder, settings)
        epoch = store.view().epoch
        store.follow()  # sees the other writer's change: reopens
        assert store.view().epoch == epoch + 1
        assert [p.source for p, _ in store.vector_search(question, 3)] == ["harbour.txt"]
        opened.append(open_files())

    # The clients left behind were closed: a leak grows by one or more per reopen (ten here), while the
    # process's other threads (a background read of an article) may hold a file or two at any moment.
    assert min(opened[-3:]) <= opened[1] + 2, opened
    assert list(other.articles()) == ["harbour.txt"]


def test_a_reopen_waits_for_the_call_in_flight_which_finishes_on_its_view(store, write_article, fake_embedder,
                                                                          settings):
    ingest_files([write_article("harbour.txt", HARBOUR)], store, fake_embedder, settings)
    old = store.view()
    started, go = threading.Event(), threading.Event()
    out: dict = {}

    def slow_count(view):
        started.set()
        assert go.wait(60)
        return view.passages.count()

    worker = threading.Thread(target=lambda: out.setdefault("count", store._call(slow_count)))
    reopen = threading.Thread(target=lambda: store.collections.follow(lambda: "another process wrote"))
    worker.start()
    try:
        assert started.wait(60)
        reopen.start()
        reopen.join(0.5)
        assert reopen.is_alive()  # waiting for the call in flight
    finally:
        go.set()  # a failure above must not leave the worker waiting
        worker.join(60)
        reopen.join(60)

    assert out["count"] == 1
    assert store.view().client is not old.client and store.view().passages.count() == 1


# --- reopening only when it is needed ---------------------------------------------------------

class SignallingLock:
    """A store's generation lock that sets `blocked` when `thread` has to wait for it."""

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
                                                                                    fake_embedder, monkeypatch):
    store = ArticleStore(open_client(settings), settings.collection)
    ingest_files([write_article("harbour.txt", HARBOUR)], store, fake_embedder, settings)
    client = store.view().client
    blocked_or_done = threading.Event()

    def follow() -> None:
        try:
            store.follow()
        finally:
            blocked_or_done.set()

    question = threading.Thread(target=follow, name="question")
    collections = store.collections
    collections.generation_lock = SignallingLock(collections.generation_lock, "question", blocked_or_done)
    changing = collections.changing_generation

    @contextmanager
    def publishing(read_generation):
        with changing(read_generation) as written:
            def hooked(after: str) -> None:  # the new generation is in the registry; `seen` is not updated yet
                question.start()
                assert blocked_or_done.wait(60)
                written(after)

            yield hooked

    monkeypatch.setattr(collections, "changing_generation", publishing)
    ingest_files([write_article("harbour.txt", HARBOUR_V2)], store, fake_embedder, settings)
    question.join(60)

    assert not question.is_alive() and store.view().client is client
    assert store.follow() == store.generation()


def test_threads_finding_the_view_stale_at_once_reopen_it_once(store):
    stale = store.view()
    threads = 4
    all_failing = threading.Barrier(threads)

    def search(view) -> str:
        if view.epoch == stale.epoch:  # the view every thread started on lacks a record another process wrote
            all_failing.wait(60)
            raise InternalError(STALE)
        return "found"

    results: list[str] = []
    workers = [threading.Thread(target=lambda: results.append(store._call(search))) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)

    assert results == ["found"] * threads
    assert store.view().epoch == stale.epoch + 1


def test_a_stale_view_is_retried_once_and_then_refused(store):
    from core.errors import StoreRefused

    calls = []

    def always_stale(view):
        calls.append(view.epoch)
        raise InternalError(STALE)

    with pytest.raises(StoreRefused, match="Error finding id"):
        store._call(always_stale)
    assert len(calls) == 2 and calls[1] == calls[0] + 1
