"""Server mode: ingest and list through a real `chroma run` server on a loopback port, and a server that is down."""
from __future__ import annotations

import dataclasses

import pytest

from core.errors import StoreUnavailable
from ingest import ArticleStore, ingest_files, open_client

pytestmark = pytest.mark.integration

HOST = "127.0.0.1"


@pytest.fixture
def chroma_server(tmp_path, start_chroma):
    """A `chroma run` server on a free loopback port, storing in tmp_path/server; stopped after the test."""
    return start_chroma(tmp_path / "server")


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
