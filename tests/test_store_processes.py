"""ingest/store.py with two real processes on one embedded store: an answering process sees what another
process ingested (vector search included), and a second writer is refused before it writes anything."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from core.errors import StoreUnavailable
from core.settings import PROJECT_DIR, Settings
from ingest import ArticleStore, StoreBusy, ingest_files

HARBOUR = "date 2024-03-01\nThe Velmora harbour got a new ferry terminal. The mayor Ilse Tornberg opened it in March."
BRIDGE = "date 2024-04-02\nA bridge over the Ostrava river collapsed in Kelnport. Engineers blamed the rusted steel."

# A second process: ingests the files given, with the fake embedder, into the store QA_CHROMA_PATH names.
INGEST_WITH_FAKE = """
import sys
sys.path.insert(0, "tests")
from support import FakeEmbedder
from core.settings import Settings
from ingest import ArticleStore, ingest_files
settings = Settings.from_env()
embedder = FakeEmbedder()
report = ingest_files(sys.argv[1:], ArticleStore.open(settings, embedder), embedder, settings)
print(report.summary())
"""

# A second process that holds the store's writer lock until its stdin closes.
HOLD_WRITER_LOCK = """
import sys
from core.settings import Settings
from ingest import ArticleStore
with ArticleStore.open(Settings.from_env()).writing():
    print("holding", flush=True)
    sys.stdin.read()
"""


def child_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
    return {**env, "QA_CHROMA_PATH": str(settings.chroma_path), "QA_KEYWORD_INDEX": str(settings.keyword_index),
            "PYTHONDONTWRITEBYTECODE": "1"}


def run_child(code: str, settings: Settings, *args) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=PROJECT_DIR, env=child_env(settings),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def opened(write_article, store, fake_embedder, settings) -> ArticleStore:
    """The tmp store with harbour.txt ingested by this process, its vector index loaded by a first search."""
    ingest_files([write_article("harbour.txt", HARBOUR)], store, fake_embedder, settings)
    assert [p.source for p, _ in store.vector_search(fake_embedder.encode(["ferry"])[0], 3)] == ["harbour.txt"]
    return store


def test_filtered_vector_search_after_another_process_ingested_finds_its_article(opened, write_article, settings,
                                                                               fake_embedder):
    run_child(INGEST_WITH_FAKE, settings, write_article("bridge.txt", BRIDGE))
    question = fake_embedder.encode(["Which bridge collapsed in Kelnport?"])[0]

    hits = opened.vector_search(question, 5, where={"source": {"$in": ["bridge.txt", "harbour.txt"]}})

    assert {p.source for p, _ in hits} == {"bridge.txt", "harbour.txt"}
    assert hits[0][0].source == "bridge.txt"


def test_the_next_snapshot_after_another_process_ingested_lets_vector_search_find_its_article(opened, write_article,
                                                                                             settings, fake_embedder):
    from ingest.keywords import KeywordIndex
    from qa.retrieval.corpus import Corpus

    corpus = Corpus(opened, KeywordIndex.of(settings))
    corpus.snapshot()
    run_child(INGEST_WITH_FAKE, settings, write_article("bridge.txt", BRIDGE))
    question = fake_embedder.encode(["Which bridge collapsed in Kelnport?"])[0]

    assert set(corpus.snapshot().articles) == {"bridge.txt", "harbour.txt"}  # the next question's snapshot

    assert [p.source for p, _ in opened.vector_search(question, 5)][:1] == ["bridge.txt"]
    assert {p.source for p, _ in opened.exact_vector_search(question, 5, {"source": "bridge.txt"})} == {"bridge.txt"}


def test_following_its_own_writes_does_not_reopen_the_store(opened, write_article, fake_embedder, settings):
    client = opened.view().client
    ingest_files([write_article("bridge.txt", BRIDGE)], opened, fake_embedder, settings)
    opened.follow()
    assert opened.view().client is client


def test_cli_ingest_while_another_process_writes_is_refused_before_anything_is_written(opened, write_article,
                                                                                      run_cli):
    before, generation = opened.articles(), opened.generation()
    with opened.writing():
        done = run_cli("ingest", write_article("bridge.txt", BRIDGE))

    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("error: another process is writing to the Chroma store ")
    assert str(opened.location.removeprefix("the Chroma store ")) in line
    assert "wait for it to finish" in line and "QA_CHROMA_HOST" in line
    assert opened.articles() == before and opened.generation() == generation


def test_ingest_here_while_another_process_holds_the_writer_lock_is_refused(opened, write_article, fake_embedder,
                                                                           settings):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER_LOCK], cwd=PROJECT_DIR, env=child_env(settings),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n", holder.stderr.read()
        before = opened.articles()
        with pytest.raises(StoreBusy) as excinfo:
            ingest_files([write_article("bridge.txt", BRIDGE)], opened, fake_embedder, settings)
        with pytest.raises(StoreBusy):
            opened.remove("harbour.txt")
        assert isinstance(excinfo.value, StoreUnavailable) and "\n" not in str(excinfo.value)
        assert opened.articles() == before
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0
    # The lock goes with the process that held it: writing works again.
    assert [r.status for r in ingest_files([write_article("bridge.txt", BRIDGE)], opened, fake_embedder,
                                           settings).results] == ["added"]


@pytest.mark.integration
def test_the_answering_process_answers_from_an_article_the_cli_ingested(settings, embedder, write_article, run_cli):
    from qa import QAService

    service = QAService.of(ArticleStore.open(settings, embedder), embedder, settings)
    service.ingest([str(write_article("harbour.txt", HARBOUR))])  # this process writes too, as an upload does
    assert service.answer("Who opened the ferry terminal?").citations[0].source == "harbour.txt"

    done = run_cli("ingest", write_article("bridge.txt", BRIDGE))  # the README's second terminal
    assert done.returncode == 0, done.stderr

    for filters in ({}, {"sources": ["bridge.txt"]}, {"since": "2024-04-01"}, {"sources": ["bridge.txt",
                                                                                          "harbour.txt"]}):
        answer = service.answer("What did the engineers blame for the collapse?", **filters)
        assert not answer.abstained, (filters, answer.reason)
        assert answer.citations[0].source == "bridge.txt", filters
        assert "rusted steel" in answer.citations[0].quote

    service.ingest([str(write_article("fair.txt", "date 2024-05-05\nThe Zelvik book fair drew nine thousand "
                                                   "visitors."))])  # and writes again after the CLI
    assert service.answer("How many visitors did the Zelvik book fair draw?").citations[0].source == "fair.txt"
    assert service.answer("What collapsed in Kelnport?", since="2024-04-01").citations[0].source == "bridge.txt"
    listed = run_cli("ingest", "--list")
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["bridge.txt", "fair.txt", "harbour.txt"]


def test_the_first_start_is_marked_only_under_the_writer_lock(opened, settings, fake_embedder):
    from qa import QAService

    service = QAService.of(opened, fake_embedder, settings, reader=None)  # a store with articles, never seeded
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER_LOCK], cwd=PROJECT_DIR, env=child_env(settings),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n", holder.stderr.read()
        with pytest.raises(StoreBusy):
            service.ensure_seeded()
        assert not opened.was_seeded()  # nothing written while another process writes
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0
    assert service.ensure_seeded() is None  # the store had articles: nothing ingested, the first start marked
    assert opened.was_seeded() and list(opened.articles()) == ["harbour.txt"]
