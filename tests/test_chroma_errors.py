"""What chromadb raises without a type of its own, as ingest/chroma.py recognises it: these tests fail when a
chromadb upgrade changes it (then change the recognisers in ingest/chroma.py with them)."""
from __future__ import annotations

import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from core.settings import PROJECT_DIR
from support import free_port
from ingest.chroma import is_chroma_failure, is_connection_error, is_server_failure_at_connect, is_stale_view



def quiet() -> ChromaSettings:
    """Settings of one client (HttpClient writes its host and port into the object it is given)."""
    return ChromaSettings(anonymized_telemetry=False)

ADD_IN_ANOTHER_PROCESS = """
import sys, chromadb
from chromadb.config import Settings
client = chromadb.PersistentClient(path=sys.argv[1], settings=Settings(anonymized_telemetry=False))
client.get_collection("passages").add(ids=["new"], embeddings=[[0.0, 1.0]], metadatas=[{"kind": "new"}])
"""


def test_a_record_another_process_added_makes_a_filtered_query_raise_what_is_stale_view_recognises(tmp_path):
    client = chromadb.PersistentClient(path=str(tmp_path), settings=quiet())
    passages = client.get_or_create_collection("passages", embedding_function=None)
    passages.add(ids=["old"], embeddings=[[1.0, 0.0]], metadatas=[{"kind": "old"}])
    assert passages.query(query_embeddings=[[1.0, 0.0]], n_results=1)["ids"] == [["old"]]  # the index is loaded
    subprocess.run([sys.executable, "-c", ADD_IN_ANOTHER_PROCESS, str(tmp_path)], cwd=PROJECT_DIR, check=True,
                   timeout=120)

    with pytest.raises(Exception) as excinfo:  # if this stops raising, Chroma follows other processes' writes
        passages.query(query_embeddings=[[0.0, 1.0]], n_results=1, where={"kind": "new"})

    assert is_stale_view(excinfo.value) and is_chroma_failure(excinfo.value)
    client.close()
    fresh = chromadb.PersistentClient(path=str(tmp_path), settings=quiet())  # the last client closed: a new system
    assert fresh.get_collection("passages").query(query_embeddings=[[0.0, 1.0]], n_results=1,
                                                  where={"kind": "new"})["ids"] == [["new"]]
    fresh.close()


def test_a_server_that_is_down_is_recognised_when_the_client_is_made():
    with pytest.raises(Exception) as excinfo:
        chromadb.HttpClient(host="127.0.0.1", port=free_port(), settings=quiet())  # nothing listens there

    assert is_server_failure_at_connect(excinfo.value) and is_connection_error(excinfo.value)


class _NotChroma(BaseHTTPRequestHandler):
    """A server that answers every request with an error Chroma's client cannot map to a ChromaError."""

    def do_GET(self):
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"upstream proxy error")

    def log_message(self, *args) -> None:
        pass


def test_an_error_reply_chroma_cannot_map_is_recognised_as_the_store_failing():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotChroma)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(Exception) as excinfo:
            chromadb.HttpClient(host="127.0.0.1", port=server.server_address[1], settings=quiet())
    finally:
        server.shutdown()

    assert is_server_failure_at_connect(excinfo.value) and not is_connection_error(excinfo.value)
    assert "upstream proxy error" in str(excinfo.value)


def test_our_own_errors_are_not_taken_for_chroma_failures():
    for bug in (IndexError("x"), AttributeError("x"), RuntimeError("x"), ValueError("x"), KeyError("x")):
        assert not is_chroma_failure(bug) and not is_server_failure_at_connect(bug)
