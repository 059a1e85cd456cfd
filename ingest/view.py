"""The collections of one store and how a call reaches them: Chroma's errors said as ours, and an embedded store
reopened when another process changed it (its vector index does not follow their writes: `embedded.py`)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import chromadb

from core.errors import StoreRefused, StoreUnavailable, one_line

from .chroma import embedded_folder, is_chroma_failure, is_connection_error, is_stale_view, open_folder, refused
from .embedded import SharedFolder, shared_folder

T = TypeVar("T")


@dataclass(eq=False)
class StoreView:
    """A store's three collections through one client (valid until that client is replaced by a reopen)."""

    client: chromadb.ClientAPI
    passages: Any
    sentences: Any
    registry: Any
    epoch: int = 0
    """The SharedFolder epoch of `client` (0 for a server)."""
    langchain: Any = None
    """The passage collection as a langchain-chroma vector store, made on first use."""


def open_view(client: chromadb.ClientAPI, name: str, location: str, epoch: int = 0) -> StoreView:
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
        if not is_chroma_failure(exc):
            raise
        if is_connection_error(exc):
            raise StoreUnavailable(f"{location} is not reachable ({one_line(exc)}); "
                                   f"check that it is running") from exc
        raise StoreRefused(f"cannot open the Chroma collections '{name}' in {location}: "
                           f"{one_line(exc)} (QA_COLLECTION names them)") from exc
    return StoreView(client, passages, sentences, registry, epoch)


class Collections:
    """Every Chroma call of one store handle goes through `call`. On an embedded store, the handle remembers the
    generation its view holds (`seen`); `follow` reopens when another process changed the store, and a call
    that finds its view stale is retried once on a fresh one."""

    def __init__(self, client: chromadb.ClientAPI, name: str, location: str):
        self.name, self.location = name, location
        self.folder: Path | None = embedded_folder(client)
        self._shared: SharedFolder | None = None
        if self.folder is not None:
            self._shared = shared_folder(self.folder, client, open_folder)
            with self._shared.calling() as (client, epoch):
                self._view = open_view(client, name, location, epoch)
        else:
            self._view = open_view(client, name, location)
        self._view_lock = threading.Lock()
        self.generation_lock = threading.RLock()
        """Held from reading the generation marker before a change until `seen` is updated (`generation_written`),
        and by `follow`: a follow in between would take this handle's own change for another process's."""
        self.seen = ""
        """The generation this handle's view of an embedded store holds (every change up to it is seen)."""

    def view(self) -> StoreView:
        """The current view (for a look at the collections; a reopen leaves it behind)."""
        if self._shared is None:
            return self._view
        with self._shared.calling() as (client, epoch):
            return self._view_of(client, epoch)

    def _view_of(self, client: chromadb.ClientAPI, epoch: int) -> StoreView:
        with self._view_lock:
            if self._view.epoch != epoch:
                self._view = open_view(client, self.name, self.location, epoch)
            return self._view

    def call(self, fn: Callable[[StoreView], T]) -> T:
        """fn(view), with what Chroma raises said as StoreUnavailable / StoreRefused (anything else is a bug
        and raises as it is)."""
        if self._shared is None:
            return self._translated(fn, self._view)
        nested = self._shared.in_call()
        with self._shared.calling() as (client, epoch):
            try:
                return self._translated(fn, self._view_of(client, epoch))
            except StoreRefused as exc:
                # Another process wrote a record that this view's vector index lacks (its generation is not
                # published yet, or not followed yet): once more, on a fresh view.
                if nested or not is_stale_view(exc.__cause__):
                    raise
        self._shared.reopen(epoch)
        with self._shared.calling() as (client, epoch):
            return self._translated(fn, self._view_of(client, epoch))

    def _translated(self, fn: Callable[[StoreView], T], view: StoreView) -> T:
        try:
            return fn(view)
        except Exception as exc:
            if not is_chroma_failure(exc):
                raise  # our bug, not the store's
            raise refused(exc, self.location) from exc

    def follow(self, read_generation: Callable[[], str]) -> str:
        """The store's generation, read now; an embedded store that another process changed is reopened first,
        so that vector search sees its articles too."""
        generation = read_generation()
        if self._shared is None or generation == self.seen:
            return generation
        with self.generation_lock:
            generation = read_generation()  # read before the new view loads: it holds at least this one
            if generation != self.seen:  # else another thread reopened meanwhile
                self._shared.reopen(self._shared.epoch)
                self.seen = generation
        return generation

    @contextmanager
    def changing_generation(self, read_generation: Callable[[], str]) -> Iterator[Callable[[str], None]]:
        """Around this handle's write of a new generation: yields `written(after)`, to be called once written."""
        with self.generation_lock:
            before = read_generation()

            def written(after: str) -> None:
                if before == self.seen:  # nobody else wrote since this view was current: it holds our change
                    self.seen = after

            yield written
