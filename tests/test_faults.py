"""Faults: an ingest killed half-way, a Chroma server that goes down and comes back, a corrupted store
folder, a huge file. Each gets a clear message, and nothing stored is lost or half-visible."""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys

import pytest

from core.errors import IngestError
from core.errors import StoreUnavailable
from ingest import ArticleStore, ingest_files, load_article, open_client
from qa import QAService
from tools.synth import make_corpus

pytestmark = pytest.mark.integration


def assert_consistent(store: ArticleStore) -> None:
    """Every visible article has exactly its published passages and sentences, all of the same version."""
    for source, info in store.articles().items():
        got = store.view().passages.get(where={"$and": [{"source": source}, {"content_hash": info.content_hash}]},
                                 include=[])
        assert len(got["ids"]) == info.passages, source
        vectors = store.sentence_vectors(list(store.iter_passages(where={"$and": [
            {"source": source}, {"content_hash": info.content_hash}]})))
        assert len(vectors) == info.passages and sum(len(v) for v in vectors.values()) == info.sentences, source


def test_ingest_killed_half_way_leaves_a_consistent_store_and_a_rerun_completes(tmp_path, settings, run_cli,
                                                                                embedder):
    corpus = make_corpus(60, tmp_path / "corpus", seed=7)
    env = {**os.environ, "QA_CHROMA_PATH": str(settings.chroma_path), "QA_SEED_DIR": str(settings.seed_dir),
           "QA_KEYWORD_INDEX": str(settings.keyword_index),
           "PYTHONUNBUFFERED": "1", "QA_INGEST_GROUP": "100"}  # small groups: the kill lands between them
    proc = subprocess.Popen([sys.executable, "-m", "ingest", str(tmp_path / "corpus")], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=os.getcwd())
    added = 0
    for line in proc.stdout:
        if line.startswith("added:"):
            added += 1
            if added == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    store = ArticleStore.open(settings, embedder)
    visible = store.articles()
    assert 3 <= len(visible) < len(corpus)
    assert_consistent(store)
    svc = QAService.of(store, embedder, settings)
    assert svc.answer("Who is the mayor?").text

    rerun = run_cli("ingest", str(tmp_path / "corpus"))
    assert rerun.returncode == 0, rerun.stderr
    assert "unchanged" in rerun.stdout and "added" in rerun.stdout
    store = ArticleStore.open(settings, embedder)
    assert len(store.articles()) == len(corpus)
    assert_consistent(store)


def test_chroma_server_down_then_back_recovers_without_restarting_the_app(tmp_path, settings, embedder,
                                                                          start_chroma, write_article):
    server = start_chroma(tmp_path / "server")
    s = dataclasses.replace(settings, chroma_host="127.0.0.1", chroma_port=server.port)
    svc = QAService.of(ArticleStore.open(s, embedder), embedder, s)
    svc.ensure_seeded(announce=lambda msg: None)
    assert "Kuznetsov" in svc.answer("Which ship anchored off Tobruk?").text

    server.stop()
    with pytest.raises(StoreUnavailable, match=f"127.0.0.1:{server.port} is not reachable.*check that it is running"):
        svc.answer("Which ship anchored off Tobruk?")
    with pytest.raises(StoreUnavailable, match=f"127.0.0.1:{server.port} is not reachable"):
        open_client(s)

    server.start()  # same port, same data folder
    assert "Kuznetsov" in svc.answer("Which ship anchored off Tobruk?").text
    assert list(svc.articles()) == ["russia-libya-2023-11-06.txt"]


def test_cli_says_clearly_when_the_chroma_server_is_down(settings, run_cli):
    import socket

    with socket.socket() as closed:  # a loopback port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = run_cli("qa", "Who is Haftar?", env={"QA_CHROMA_HOST": "127.0.0.1", "QA_CHROMA_PORT": str(port)})
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: Chroma server at 127.0.0.1:")
    assert "Traceback" not in result.stderr


def test_corrupted_store_folder_gives_an_error_naming_the_folder(tmp_path, settings):
    folder = tmp_path / "broken-store"
    folder.mkdir()
    (folder / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreUnavailable, match=str(folder)):
        ArticleStore.open(dataclasses.replace(settings, chroma_path=folder))


def test_huge_file_is_refused_without_reading_it(tmp_path, settings, store):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # a 50 MB sparse file
    with pytest.raises(IngestError, match="too large: .*52,428,800 bytes"):
        load_article(huge, max_bytes=settings.max_file_bytes)
    report = ingest_files([huge], store, None, settings)
    assert report.failed and store.articles() == {}
