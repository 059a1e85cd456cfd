"""Opening Chroma (a server, or an embedded store folder) and saying plainly what went wrong with it."""
from __future__ import annotations

from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError, InternalError

from core.errors import StoreRefused, StoreUnavailable, one_line
from core.settings import Settings, get_settings


def store_location(settings: Settings) -> str:
    """The store as a user knows it: the server's address or the folder."""
    if settings.chroma_host:
        return f"the Chroma server at {settings.chroma_host}:{settings.chroma_port}"
    return f"the Chroma store {settings.chroma_path}"


# --- what Chroma raised ------------------------------------------------------------------------
# Chroma's own errors are recognised by type (chromadb.errors.ChromaError and its subclasses), a server that
# cannot be reached by httpx's types. What chromadb raises without a type of its own is recognised here and
# nowhere else; tests/test_chroma_errors.py fails when a chromadb upgrade changes any of it.

def is_connection_error(exc: BaseException | None) -> bool:
    """A server that is down or unreachable, as opposed to one that answered with an error. chromadb wraps
    httpx's errors (HttpClient() raises ValueError from a ConnectError), so the whole chain counts."""
    import httpx

    seen = exc
    while seen is not None:
        if isinstance(seen, (httpx.TransportError, ConnectionError, TimeoutError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def is_chroma_failure(exc: BaseException) -> bool:
    """Whether `exc` is the store's failure rather than a bug of ours: one of Chroma's error types, a server
    that cannot be reached, or the bare Exception chromadb's HTTP client raises for a reply it cannot map to
    a ChromaError (`BaseHTTPClient._raise_chroma_error`)."""
    return isinstance(exc, ChromaError) or is_connection_error(exc) or type(exc) is Exception


def is_server_failure_at_connect(exc: BaseException) -> bool:
    """`is_chroma_failure`, or the ValueError that HttpClient() raises while handling one (its way of saying
    "Could not connect to a Chroma server")."""
    wrapped = isinstance(exc, ValueError) and exc.__context__ is not None and is_chroma_failure(exc.__context__)
    return is_chroma_failure(exc) or wrapped


def is_stale_view(exc: BaseException | None) -> bool:
    """Chroma's embedded vector index, loaded before another process wrote, was asked for a record it lacks
    (a filter admitted it). Chroma has no type for this: an InternalError saying "Error finding id"."""
    return isinstance(exc, InternalError) and "Error finding id" in str(exc)


def refused(exc: BaseException, location: str) -> StoreUnavailable:
    """What to raise for Chroma's failure `exc`: unreachable, or refused and why."""
    if is_connection_error(exc):
        return StoreUnavailable(f"{location} is not reachable ({type(exc).__name__}: {one_line(exc)}); "
                                f"check that it is running")
    return StoreRefused(f"{location} refused the request ({type(exc).__name__}: {one_line(exc)})")


# --- opening -----------------------------------------------------------------------------------

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
        except Exception as exc:
            if not is_server_failure_at_connect(exc):
                raise
            raise StoreUnavailable(f"Chroma server at {where} is not reachable ({type(exc).__name__}); "
                                   f"start it with `chroma run --host {settings.chroma_host} --port {settings.chroma_port}` "
                                   f"or unset QA_CHROMA_HOST") from exc
        return client
    return open_folder(settings.chroma_path)


def open_folder(path: Path | str) -> chromadb.ClientAPI:
    """A PersistentClient of the embedded store in `path` (always named by its resolved path: Chroma shares
    one system between the clients of one folder only when they spell it alike)."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path.resolve()), settings=_chroma_settings())
    except (OSError, ChromaError) as exc:
        raise StoreUnavailable(f"cannot open the Chroma store folder {path}: {one_line(exc)} "
                               f"(is it corrupted or used by another program? set QA_CHROMA_PATH to another folder)") from exc


def embedded_folder(client: chromadb.ClientAPI) -> Path | None:
    """The folder of an embedded (in-process) Chroma store; None for a server."""
    chroma = client.get_settings()
    embedded = chroma.is_persistent and chroma.chroma_api_impl == "chromadb.api.rust.RustBindingsAPI"
    return Path(chroma.persist_directory) if embedded else None
