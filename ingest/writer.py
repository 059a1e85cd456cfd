"""One writing process at a time on an embedded store.

Chroma's embedded mode keeps its vector index in the memory of each process that writes: two processes
writing at once can each persist an index the other's records are missing from. So a write (an ingest, an
upload, a removal) holds an exclusive lock on a file in the store folder, and a second process is refused
before it writes anything. The lock is `flock`: the kernel drops it when its process dies, so a killed
ingest never leaves the store locked. A Chroma server orders several writers itself and needs no lock.
"""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from core.errors import StoreUnavailable

LOCK_FILE = "qa-writer.lock"


class StoreBusy(StoreUnavailable):
    """Another process is writing to the embedded store."""


@dataclass
class _Holder:
    """This process's hold on one store folder's lock: threads of the process take turns (re-entrant)."""

    turn: threading.RLock = field(default_factory=threading.RLock)
    depth: int = 0
    fd: int | None = None


_holders: dict[str, _Holder] = {}
_holders_lock = threading.Lock()


@contextmanager
def writer_lock(folder: Path, location: str) -> Iterator[None]:
    """Hold the writer lock of the embedded store in `folder` (`location` names it in the message), or raise
    StoreBusy at once when another process holds it."""
    with _holders_lock:
        holder = _holders.setdefault(str(Path(folder).resolve()), _Holder())
    with holder.turn:
        if holder.depth == 0:
            holder.fd = _take(Path(folder), location)
        holder.depth += 1
        try:
            yield
        finally:
            holder.depth -= 1
            if holder.depth == 0:
                os.close(holder.fd)  # closing the file releases the lock
                holder.fd = None


def _take(folder: Path, location: str) -> int:
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreUnavailable(f"cannot write to {location}: {exc.strerror}: {folder / LOCK_FILE} (check the "
                               f"folder's permissions, or set QA_CHROMA_PATH to another folder)") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        who = f"process {holder}: " if holder.isdigit() else ""
        raise StoreBusy(f"another process is writing to {location} ({who}an ingest, or an upload in the chat): "
                        f"wait for it to finish and try again; for several writers at once, run a Chroma server "
                        f"and set QA_CHROMA_HOST (README: Running at scale)") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)  # who holds it, for the other process's message
    return fd
