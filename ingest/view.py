"""Which view of the Chroma store a call runs on: an embedded store is reopened to follow other processes'
writes, and the system of a view left behind is stopped once the calls still running through it are done."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import chromadb

from core.errors import StoreRefused, StoreUnavailable, one_line

from .chroma import (client_system, embedded_folder, fresh_embedded_client, hold_system, is_connection_error,
                     is_stale_view, refused, release_system)

T = TypeVar("T")


@dataclass(eq=False)
class StoreView:
    client: chromadb.ClientAPI
    passages: Any
    sentences: Any
    registry: Any
    system: Any = None
    """The embedded Chroma system (None for a server): stopped once no view or call uses it."""
    langchain: Any = None
    """The passage collection as a langchain-chroma vector store, made on first use."""


def open_view(client: chromadb.ClientAPI, name: str, location: str) -> StoreView:
    """The collections of `name` through `client`, created when missing."""
    try:
        cfg = {"hnsw": {"space": "cosine"}}
        # embedding_function=None: vectors always come from our embedder, never chromadb's
        # default (which would download a model).
        passages = client.get_or_create_collection(name, embedding_function=None, configuration=cfg)
        # One record per passage holding its sentences' vectors (packed int8), read by id only:
        # a 1-dimension placeholder embedding keeps Chroma's index work for it negligible.
        sentences = client.get_or_create_collection(f"{name}-sentences", embedding_function=None)
        registry = client.get_or_create_collection(f"{name}-registry", embedding_function=None)
    except Exception as exc:
        if is_connection_error(exc):
            raise StoreUnavailable(f"{location} is not reachable ({one_line(exc)}); "
                                   f"check that it is running") from exc
        raise StoreRefused(f"cannot open the Chroma collections '{name}' in {location}: "
                           f"{one_line(exc)} (QA_COLLECTION names them)") from exc
    return StoreView(client, passages, sentences, registry, client_system(client))


class OfView:
    """A store attribute read from the view its Chroma call runs on (`Following._viewing`)."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, store, owner=None):
        return self if store is None else getattr(store._viewing(), self.name)

    def __set__(self, store, value) -> None:
        setattr(store._view, self.name, value)


class Following:
    """The view half of ArticleStore. A handle remembers the generation its view holds (`_seen`); `follow()`
    reopens an embedded store that another process changed, and a call that finds its view stale is
    retried once on a fresh one. Needs `name`, `location` and `generation()` from the store."""

    name: str
    location: str
    generation: Callable[[], str]
    # The collections (and client) of the view this thread's Chroma call runs on, else of the current view.
    client = OfView()
    passages = OfView()
    sentences = OfView()
    registry = OfView()

    def _open_first_view(self, client: chromadb.ClientAPI) -> None:
        self._folder = embedded_folder(client)
        self._reopen_lock = threading.RLock()
        self._view_lock = threading.Lock()
        self._local = threading.local()
        self._view: StoreView | None = None
        self._open_collections(client)
        self._seen = self.generation()
        """The generation this handle's view of an embedded store holds (every change up to it is seen)."""

    def _viewing(self) -> StoreView:
        return getattr(self._local, "view", None) or self._view

    def _open_collections(self, client: chromadb.ClientAPI) -> None:
        view = open_view(client, self.name, self.location)
        hold_system(view.system)  # held while it is this handle's view
        with self._view_lock:
            old, self._view = self._view, view
        if old is not None:
            release_system(old.system)  # stops once the calls still running through it are done

    def follow(self) -> str:
        """The store's generation, read now; an embedded store that another process changed is reopened
        first, so that vector search sees its articles too."""
        generation = self.generation()
        if self._folder is not None and generation != self._seen:
            self._reopen(if_behind=True)
        return generation

    def _reopen(self, if_behind: bool = False, failed: StoreView | None = None) -> None:
        """A fresh view of the embedded store. Threads still searching through the old one finish there.
        `failed`: the view a call found stale; nothing is done when another thread replaced it meanwhile."""
        with self._reopen_lock:
            if failed is not None and failed is not self._view:
                return
            generation = self.generation()  # read before the new view loads: it holds at least this one
            if if_behind and self._seen == generation:
                return  # another thread reopened meanwhile
            self._open_collections(fresh_embedded_client(self._folder))
            self._seen = generation

    def _generation_lock(self):
        # Held across this handle's generation write and the update of `_seen`: a follow() in between
        # would take the handle's own change for another process's and reopen for nothing.
        return self._reopen_lock

    def _generation_written(self, before: str, after: str) -> None:
        if before == self._seen:  # nobody else wrote since this view was current: it holds our change too
            self._seen = after

    def _call(self, call: Callable[[], T]) -> T:
        """Run a Chroma call (a function of no arguments that reads this handle's collections when called)."""
        if getattr(self._local, "view", None) is not None:
            return self._translated(call)  # a call inside a call: on the same view
        view = self._take_view()
        try:
            return self._on(view, call)
        except StoreRefused as exc:
            # Another process wrote a record that this view's embedded vector index lacks (its generation
            # is not published yet, or not followed yet): once more, on a fresh view.
            if self._folder is None or not is_stale_view(exc.__cause__):
                raise
        self._reopen(failed=view)
        return self._on(self._take_view(), call)

    def _take_view(self) -> StoreView:
        """The current view, held (its system kept running) until `_on` is done with it."""
        with self._view_lock:
            view = self._view
            hold_system(view.system)
        return view

    def _on(self, view: StoreView, call: Callable[[], T]) -> T:
        self._local.view = view
        try:
            return self._translated(call)
        finally:
            self._local.view = None
            release_system(view.system)

    def _translated(self, call: Callable[[], T]) -> T:
        """call(), with what Chroma raises said as StoreUnavailable / StoreRefused."""
        try:
            return call()
        except (ValueError, TypeError, KeyError):
            raise  # our bugs, not the store's
        except Exception as exc:
            raise refused(exc, self.location) from exc
