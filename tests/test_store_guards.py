"""ingest/store.py guards: the store remembers which embedding model made its vectors and refuses another one;
a request Chroma refuses is reported as what it is, not as a server that is down."""
from __future__ import annotations

import dataclasses

import httpx
import numpy as np
import pytest

from core.errors import EmbeddingMismatch, StoreRefused
from core.errors import StoreUnavailable
from ingest import ArticleStore, ingest_files
from ingest.store import DEFAULT_EMBEDDING_MODEL, EmbeddingRecord

ARTICLE = "date 2023-11-06\nRussia wants a naval base in Tobruk. The port needs extensive construction work."


@pytest.fixture
def filled(write_article, store, fake_embedder, settings) -> ArticleStore:
    """The tmp store with one article ingested by the 384-dimension fake embedder."""
    report = ingest_files([write_article("port.txt", ARTICLE)], store, fake_embedder, settings)
    assert [r.status for r in report.results] == ["added"]
    return store


# --- which embedding model made the vectors -----------------------------------------------

def test_first_write_records_the_embedding_model_and_dimension(filled, settings):
    recorded = EmbeddingRecord(model=DEFAULT_EMBEDDING_MODEL, dimension=384)

    assert filled.embedding_record() == recorded
    assert ArticleStore.open(settings).embedding_record() == recorded


def test_empty_store_has_no_record(store):
    assert store.embedding_record() is None


def test_opening_with_another_embedding_model_is_refused_saying_what_to_do(filled, settings):
    other = dataclasses.replace(settings, embedding_model="/models/all-mpnet-base-v2")

    with pytest.raises(EmbeddingMismatch) as excinfo:
        ArticleStore.open(other)

    message = str(excinfo.value)
    assert isinstance(excinfo.value, StoreUnavailable) and "\n" not in message
    for part in (DEFAULT_EMBEDDING_MODEL, "384", "/models/all-mpnet-base-v2", "QA_EMBEDDING_MODEL",
                 "QA_CHROMA_PATH", "QA_COLLECTION", str(settings.chroma_path)):
        assert part in message


def test_opening_with_an_embedder_of_another_dimension_is_refused(filled, settings, fake_embedder):
    with pytest.raises(EmbeddingMismatch, match="384 dimensions.*64 dimensions"):
        ArticleStore.open(settings, type(fake_embedder)(dimension=64))


def test_opening_with_the_same_model_works(filled, settings, fake_embedder):
    assert list(ArticleStore.open(settings, fake_embedder).articles()) == ["port.txt"]


def test_old_store_without_a_record_is_opened_and_recorded_on_its_next_write(filled, settings, write_article,
                                                                            fake_embedder):
    filled.view().registry.delete(where={"kind": "embedding"})  # as a store written before the record existed
    other = dataclasses.replace(settings, embedding_model="/models/other")

    store = ArticleStore.open(other, fake_embedder)
    assert store.embedding_record() is None
    ingest_files([write_article("more.txt", "Haftar met the minister in Moscow.")], store, fake_embedder, other)

    assert store.embedding_record() == EmbeddingRecord(model="/models/other", dimension=384)


def test_cli_with_another_embedding_model_gives_one_error_line(filled, run_cli):
    done = run_cli("ingest", "--list", env={"QA_EMBEDDING_MODEL": "/models/other"})

    assert done.returncode == 1 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "QA_EMBEDDING_MODEL" in lines[0]


# --- what went wrong, said plainly --------------------------------------------------------

def test_request_chroma_refuses_is_reported_as_refused_not_as_a_server_down(filled):
    with pytest.raises(StoreRefused) as excinfo:
        filled.vector_search(np.ones(8, dtype=np.float32) / np.sqrt(8), k=3)

    message = str(excinfo.value)
    assert "dimension" in message and "QA_EMBEDDING_MODEL" in message
    assert "running" not in message and "\n" not in message


class _Unreachable:
    """Stands in for a collection whose server went away."""

    def get(self, *args, **kwargs):
        raise httpx.ConnectError("[Errno 111] Connection refused")


def test_connection_failure_is_reported_as_unavailable_with_how_to_fix(filled, monkeypatch):
    monkeypatch.setattr(filled.view(), "registry", _Unreachable())

    with pytest.raises(StoreUnavailable) as excinfo:
        filled.articles()

    assert not isinstance(excinfo.value, StoreRefused)
    assert "Connection refused" in str(excinfo.value) and "not reachable" in str(excinfo.value)


def test_bad_collection_name_names_the_setting(settings):
    with pytest.raises(StoreRefused, match="QA_COLLECTION"):
        ArticleStore.open(dataclasses.replace(settings, collection="x"))


@pytest.mark.parametrize("bug", [IndexError("list index out of range"), AttributeError("no attribute 'x'"),
                                 RuntimeError("our own invariant broke")])
def test_our_own_bug_inside_a_store_call_raises_as_it_is_not_as_a_refusal(filled, bug):
    def buggy(view):
        view.passages.count()
        raise bug

    with pytest.raises(type(bug)) as excinfo:
        filled._call(buggy)
    assert excinfo.value is bug and not isinstance(excinfo.value, StoreUnavailable)
