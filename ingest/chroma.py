"""Opening Chroma (a server, or an embedded store folder) and saying plainly what went wrong with it."""
from __future__ import annotations

import threading
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from core.errors import StoreRefused, StoreUnavailable, one_line
from core.settings import Settings, get_settings


def store_location(settings: Settings) -> str:
    """The store as a user knows it: the server's address or the folder."""
    if settings.chroma_host:
        return f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
    return f"the Chroma store {settings.chroma_path}"


def is_connection_error(exc: BaseException) -> bool:
    """A server that is down or unreachable, as opposed to one that answered with an error."""
    import httpx

    seen = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, ConnectionError, TimeoutError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def is_stale_view(exc: BaseException) -> bool:
    """Chroma's embedded vector index, loaded before another process wrote, asked for a record it lacks."""
    return "Error finding id" in str(exc)


def refused(exc: BaseException, location: str) -> StoreUnavailable:
    """What to raise for an exception from a Chroma call: unreachable, or refused and why."""
    if is_connection_error(exc):
        return StoreUnavailable(f"{location} is not reachable ({type(exc).__name__}: {one_line(exc)}); "
                                f"check that it is running")
    hint = ""
    if "dimension" in str(exc).lower():
        hint = (" - the stored vectors and this process's embedding model differ in dimension: set "
                "QA_EMBEDDING_MODEL back to the model that made them, or ingest into a new store "
                "(another QA_CHROMA_PATH or QA_COLLECTION)")
    return StoreRefused(f"{location} refused the request ({type(exc).__name__}: {one_line(exc)}){hint}")


def _chroma_settings() -> ChromaSettings:
    return ChromaSettings(anonymized_telemetry=False)


def open_client(settings: Settings | None = None) -> chromadb.ClientAPI:
    """A Chroma client: HTTP when QA_CHROMA_HOST is set, else the embedded store folder."""
    settings = settings or get_settings()
    if settings.chroma_host:
        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                         settings=_chroma_settings())
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for a server that is down
            raise StoreUnavailable(f"Chroma server at {where} is not reachable ({type(exc).__name__}); "
                                   f"start it with `chroma run --host {settings.chroma_host} --port {settings.chroma_port}` "
                                   f"or unset QA_CHROMA_HOST") from exc
        return client
    path = settings.chroma_path
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())
    except Exception as exc:
        raise StoreUnavailable(f"cannot open the Chroma store folder {path}: {exc} "
                               f"(is it corrupted or used by another program? set QA_CHROMA_PATH to another folder)") from exc


def embedded_folder(client: chromadb.ClientAPI) -> Path | None:
    """The folder of an embedded (in-process) Chroma store; None for a server."""
    chroma = client.get_settings()
    embedded = chroma.is_persistent and chroma.chroma_api_impl == "chromadb.api.rust.RustBindingsAPI"
    return Path(chroma.persist_directory) if embedded else None


def fresh_embedded_client(folder: Path) -> chromadb.ClientAPI:
    """A client of the embedded store in `folder` on a Chroma system of its own.

    Chroma's embedded vector index is loaded once per system and does not follow writes by other processes;
    PersistentClient would hand back the process's cached system. The new system also becomes the one
    later PersistentClients of this folder get. The old one is stopped by `release_system` once nobody
    uses it any more (a system is never freed by Python alone in time: its native index outlives it)."""
    from chromadb.api import ServerAPI
    from chromadb.api.client import Client
    from chromadb.config import System
    from chromadb.telemetry.product import ProductTelemetryClient

    chroma = _chroma_settings()
    chroma.persist_directory = str(folder)
    chroma.is_persistent = True
    system = System(chroma)
    system.instance(ProductTelemetryClient)
    system.instance(ServerAPI)
    system.start()
    return Client.from_system(system)


# --- when an embedded system may stop ----------------------------------------------------------
# Every view of an embedded store (ingest/view.py) holds its system while it is a handle's current view,
# and again during each call through it; handles of one folder in this process may share a system.
# The count lives on the system itself: keyed by id(), a system freed without its last release would hand
# its count to a new one at the same address, which then never stops.
_USERS = "_ask_the_article_users"
_users_lock = threading.Lock()


def client_system(client: chromadb.ClientAPI):
    """The Chroma system behind an embedded client (the one its collections call into); None for a server."""
    if embedded_folder(client) is None:
        return None
    # The client's own server component: Client._system would look up the folder's newest system instead.
    return client._server._system


def hold_system(system) -> None:
    if system is not None:
        with _users_lock:
            setattr(system, _USERS, getattr(system, _USERS, 0) + 1)


def release_system(system) -> None:
    """One use of `system` ended; the last one stops it, unless later clients of its folder would get it."""
    if system is None:
        return
    from chromadb.api.shared_system_client import SharedSystemClient

    with _users_lock:
        left = getattr(system, _USERS) - 1
        setattr(system, _USERS, left)
        if left:
            return
        # Still the one a new PersistentClient of the folder gets (Chroma's process-wide cache): keep it.
        if SharedSystemClient._identifier_to_system.get(system.settings.persist_directory) is system:
            return
    system.stop()
