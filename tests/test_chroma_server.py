"""Server mode: ingest and list through a real `chroma run` server on a loopback port, and a server that is down."""
from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ingest import ArticleStore, StoreUnavailable, ingest_files, open_client

pytestmark = pytest.mark.integration

CHROMA_CLI = Path(sys.executable).parent / "chroma"
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _answers_heartbeat(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@dataclasses.dataclass
class ChromaServer:
    process: subprocess.Popen
    port: int
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@pytest.fixture
def chroma_server(tmp_path):
    """A `chroma run` server on a free loopback port, storing in tmp_path/server; stopped after the test."""
    if not CHROMA_CLI.exists():
        pytest.skip(f"the chroma CLI is not installed next to {sys.executable}")
    port = _free_port()
    log = tmp_path / "chroma-server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(CHROMA_CLI), "run", "--host", HOST, "--port", str(port),
                                    "--path", str(tmp_path / "server")], stdout=out, stderr=subprocess.STDOUT)
    server = ChromaServer(process, port, log)
    try:
        # A bound on waiting for start-up, not a timing assertion.
        deadline = time.monotonic() + 60
        while not _answers_heartbeat(port):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma run did not start on port {port}:\n{log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield server
    finally:
        server.stop()


@pytest.fixture
def settings(settings, chroma_server):
    """The shared tmp settings, pointed at the running server (so `store` and `run_cli` use it)."""
    return dataclasses.replace(settings, chroma_host=HOST, chroma_port=chroma_server.port)


def test_articles_ingested_through_the_server_are_listed(store, embedder, settings, shipped_article, write_article,
                                                         run_cli):
    port = write_article("port.txt", "date 2023-11-06\nRussia wants a naval base in Tobruk. The port is small.")

    report = ingest_files([shipped_article, port], store, embedder, settings)
    again = ingest_files([port], store, embedder, settings)
    listed = run_cli("ingest", "--list")

    assert [r.status for r in report.results] == ["added", "added"]
    assert [r.status for r in again.results] == ["unchanged"]
    assert list(ArticleStore.open(settings).articles()) == ["port.txt", shipped_article.name]
    assert listed.returncode == 0, listed.stderr
    assert "port.txt " in listed.stdout and shipped_article.name in listed.stdout
    assert not settings.chroma_path.exists(), "the embedded store folder was used instead of the server"


def test_stopped_server_is_reported_as_unavailable_naming_host_and_port(store, settings, chroma_server, run_cli):
    assert store.articles() == {}

    chroma_server.stop()

    with pytest.raises(StoreUnavailable) as excinfo:
        open_client(settings)
    message = str(excinfo.value)
    assert f"{HOST}:{chroma_server.port}" in message and "chroma run" in message and "\n" not in message
    with pytest.raises(StoreUnavailable, match="check that it is running"):
        store.articles()
    listed = run_cli("ingest", "--list")
    assert listed.returncode == 1
    assert listed.stderr.strip().splitlines() == [f"error: {message}"]
