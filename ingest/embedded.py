"""This process's one Chroma client of each embedded store folder, replaced when other processes wrote.

Chroma's embedded mode loads a collection's vector index once per client system and does not follow other
processes' writes. PersistentClients of one folder in a process share that system until the last of them is
closed (`Client.close()`); the next PersistentClient then loads the index from disk again. So every handle of
a folder in this process shares the one client kept here, and `reopen` waits for the calls running through it,
closes it and opens a new one. Only public chromadb API is used; a client of the folder opened elsewhere in
the process (not through `open_client`/ArticleStore) would keep the old system alive and defeat the reopen.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import chromadb

OpenClient = Callable[[str], chromadb.ClientAPI]


class SharedFolder:
    """One embedded folder's client. Calls run through it at once (`calling`); a reopen waits until none runs
    and holds new calls back meanwhile (a few milliseconds: a close and an open)."""

    def __init__(self, path: str, client: chromadb.ClientAPI, open_client: OpenClient):
        self.path = path
        self._client: chromadb.ClientAPI | None = client
        self._open_client = open_client
        self.epoch = 0
        """Reopens started so far: a call sees the client of the epoch it started in."""
        self._changed = threading.Condition()
        self._calls = 0
        self._reopening = False
        self._local = threading.local()

    def in_call(self) -> bool:
        """Whether this thread is inside a call through this folder."""
        return getattr(self._local, "depth", 0) > 0

    @contextmanager
    def calling(self) -> Iterator[tuple[chromadb.ClientAPI, int]]:
        """The client and its epoch, which stay valid until the block ends (a call inside a call reuses them)."""
        depth = getattr(self._local, "depth", 0)
        with self._changed:
            while self._reopening and depth == 0:
                self._changed.wait()
            if self._client is None:  # the last reopen closed the old client but failed to open a new one
                self._client = self._open_client(self.path)
            self._calls += 1
            client, epoch = self._client, self.epoch
        self._local.depth = depth + 1
        try:
            yield client, epoch
        finally:
            self._local.depth = depth
            with self._changed:
                self._calls -= 1
                self._changed.notify_all()

    def reopen(self, ticket: int) -> None:
        """A new client, unless a reopen started after `ticket` (an epoch read earlier) already gave one."""
        if self.in_call():
            raise RuntimeError("a store's view cannot be reopened from inside a call through it")
        with self._changed:
            while self._reopening:
                self._changed.wait()
            if self.epoch != ticket:
                return
            self._reopening = True
            self.epoch += 1
            while self._calls:
                self._changed.wait()
            old, self._client = self._client, None
        try:
            if old is not None:
                old.close()  # the last client of the system: Chroma stops it and frees its index
            client = self._open_client(self.path)
            with self._changed:
                self._client = client
        finally:
            with self._changed:
                self._reopening = False
                self._changed.notify_all()


_folders: dict[str, SharedFolder] = {}
_folders_lock = threading.Lock()


def shared_folder(folder: Path, client: chromadb.ClientAPI, open_client: OpenClient) -> SharedFolder:
    """The process's SharedFolder of `folder`, which takes over `client` (a client of that folder): it becomes
    the folder's client, or is closed when the folder has one already (its system is the same one)."""
    key = str(Path(folder).resolve())
    with _folders_lock:
        shared = _folders.get(key)
        if shared is None:
            shared = _folders[key] = SharedFolder(key, client, open_client)
            return shared
    with shared.calling() as (current, _):
        if client is not current:
            client.close()
    return shared
