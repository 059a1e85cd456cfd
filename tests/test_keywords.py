"""ingest/keywords.py: the shared on-disk keyword index follows the store by article, never by a full rebuild,
and a process that did not ingest catches up at its next question; ingest/registry.py `refresh_articles`
reads only what changed in the registry."""
from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
import subprocess
import sys

import pytest

from core.errors import StoreRefused, StoreUnavailable
from core.settings import DATA_DIR, Settings
from ingest import ArticleStore, ingest_files
from ingest import keywords
from qa.retrieval.corpus import Corpus
from qa.retrieval.filters import Filters
from ingest.keywords import KeywordIndex
from lang.words import terms

HARBOUR = "date 2024-03-01\nThe Velmora harbour will get a new ferry terminal. The mayor Ilse Tornberg opened it."
BRIDGE = "date 2024-04-02\nA bridge over the Ostrava river collapsed in Kelnport. Engineers blamed the steel."
HARBOUR_V2 = "date 2024-03-01\nThe Velmora harbour will close its ferry terminal. Ilse Tornberg regretted it."


def sources_found(index: KeywordIndex, store: ArticleStore, question: str, **kw) -> list[str]:
    found = store.passages_by_id([pid for pid, _ in index.search(terms(question), 5, **kw)])
    return sorted({p.source for p in found.values()})


@pytest.fixture
def two(write_article, store, fake_embedder, settings) -> ArticleStore:
    ingest_files([write_article("harbour.txt", HARBOUR), write_article("bridge.txt", BRIDGE)], store, fake_embedder,
                 settings)
    return store


def test_sync_indexes_every_article_then_follows_replace_and_remove_by_article(two, tmp_path, write_article,
                                                                              fake_embedder, settings):
    index = KeywordIndex(tmp_path / "k.sqlite3")
    assert index.sync(two) == keywords.SyncReport(added=2, dropped=0)
    assert sources_found(index, two, "Which harbour gets a ferry terminal?") == ["harbour.txt"]
    assert sources_found(index, two, "What collapsed in Kelnport?") == ["bridge.txt"]
    assert index.sync(two) == keywords.SyncReport(0, 0)  # same generation: nothing read, nothing written

    ingest_files([write_article("harbour.txt", HARBOUR_V2)], two, fake_embedder, settings)
    assert index.sync(two) == keywords.SyncReport(added=1, dropped=1)  # the new version only; bridge untouched
    assert sources_found(index, two, "Who regretted the closure?") == ["harbour.txt"]
    assert index.search(terms("opened"), 5) == []  # the old version's words are gone
    assert index.passage_count() == sum(i.passages for i in two.articles().values())

    two.remove("bridge.txt")
    assert index.sync(two) == keywords.SyncReport(added=0, dropped=1)
    assert sources_found(index, two, "What collapsed in Kelnport?") == []


def test_search_ranks_by_bm25_and_keeps_to_the_sources_given(two, tmp_path):
    index = KeywordIndex(tmp_path / "k.sqlite3")
    index.sync(two)
    hits = index.search(terms("Velmora harbour ferry terminal"), 5)
    assert hits and all(score > 0 for _, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert sources_found(index, two, "harbour bridge", sources={"bridge.txt"}) == ["bridge.txt"]
    assert index.search(terms("harbour"), 5, sources=set()) == []
    df = index.document_frequencies(terms("harbour nothingsuch"))
    assert df == {"harbour": 1}


def test_an_index_of_another_format_is_rebuilt(two, tmp_path, monkeypatch):
    index = KeywordIndex(tmp_path / "k.sqlite3")
    index.sync(two)
    monkeypatch.setattr(keywords, "FORMAT", "test-next")
    assert KeywordIndex(tmp_path / "k.sqlite3").sync(two) == keywords.SyncReport(added=2, dropped=0)


def test_a_damaged_index_file_is_refused_saying_it_can_be_deleted(tmp_path, two):
    bad = tmp_path / "k.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreRefused, match="keyword index .*delete the file: it is rebuilt"):
        KeywordIndex(bad).sync(two)


def test_a_process_that_did_not_ingest_catches_up_at_its_next_question(two, tmp_path, write_article, fake_embedder,
                                                                      settings):
    reader = Corpus(two, KeywordIndex(tmp_path / "k.sqlite3"))
    before = reader.snapshot()
    assert set(before.articles) == {"harbour.txt", "bridge.txt"}
    # Another process (its own store handle, nothing shared in memory) adds an article and replaces one.
    writer = ArticleStore.open(settings)
    ingest_files([write_article("fair.txt", "date 2024-05-05\nThe Zelvik book fair drew nine thousand visitors."),
                  write_article("harbour.txt", HARBOUR_V2)], writer, fake_embedder, settings)
    after = reader.snapshot()
    assert after.generation != before.generation
    assert after.articles == writer.articles()
    assert [p.source for p in after.keyword_search(terms("Zelvik book fair"), 3)] == ["fair.txt"]
    assert [p.source for p in after.keyword_search(terms("regretted"), 3)] == ["harbour.txt"]
    assert after.keyword_search(terms("fair"), 3, after.sources(Filters.of(sources=["bridge.txt"]))) == []
    assert after.first_passage("fair.txt").index == 0


def test_refresh_articles_equals_a_full_read_after_adds_replaces_and_removes(two, write_article, fake_embedder,
                                                                             settings):
    import time

    known, read_at = two.articles(), time.time()
    ingest_files([write_article("fair.txt", "The Zelvik book fair drew nine thousand visitors."),
                  write_article("harbour.txt", HARBOUR_V2)], two, fake_embedder, settings)
    two.remove("bridge.txt")
    refreshed = two.refresh_articles(known, read_at)
    assert refreshed == two.articles()
    assert refreshed["harbour.txt"].content_hash != known["harbour.txt"].content_hash


def test_default_index_location_follows_the_store():
    embedded = Settings(chroma_path=DATA_DIR / "x", collection="news")
    assert embedded.keyword_index_path == DATA_DIR / "x" / "qa-keywords" / "news.sqlite3"
    server = dataclasses.replace(embedded, chroma_host="10.0.0.5", chroma_port=8123)
    assert server.keyword_index_path.name == "10.0.0.5-8123-news.sqlite3"  # in the user's cache: tests/test_settings.py
    assert not server.keyword_index_path.is_relative_to(DATA_DIR)
    assert dataclasses.replace(server, keyword_index=DATA_DIR / "k.db").keyword_index_path == DATA_DIR / "k.db"


def test_index_holds_terms_not_text(two, tmp_path):
    index = KeywordIndex(tmp_path / "k.sqlite3")
    index.sync(two)
    with sqlite3.connect(tmp_path / "k.sqlite3") as db:
        stored = " ".join(row[0] for row in db.execute("SELECT terms FROM passages"))
    assert "tornberg" in stored and "Tornberg" not in stored and "The Velmora" not in stored


@pytest.mark.integration
def test_ingest_cli_leaves_the_shared_index_current(run_cli, settings, write_article):
    done = run_cli("ingest", write_article("harbour.txt", HARBOUR))
    assert done.returncode == 0, done.stderr
    index = KeywordIndex(settings.keyword_index)
    store = ArticleStore.open(settings)
    with sqlite3.connect(settings.keyword_index) as db:  # read as-is: no reader has synced it
        synced = dict(db.execute("SELECT key, value FROM meta"))["generation"]
        assert dict(db.execute("SELECT source, content_hash FROM articles")) == {
            "harbour.txt": store.articles()["harbour.txt"].content_hash}
    assert synced == store.generation()
    assert sources_found(index, store, "Which harbour gets a ferry terminal?") == ["harbour.txt"]

    removed = run_cli("ingest", "--remove", "harbour.txt")
    assert removed.returncode == 0, removed.stderr
    assert index.search(terms("harbour"), 5) == []


def test_the_exact_multi_word_name_outranks_look_alikes_sharing_its_words(write_article, store, fake_embedder,
                                                                         settings, tmp_path):
    ingest_files([write_article("kovik.txt", "Kovik Foundation was founded in 1897 by Farid Kalaez. "
                                             "Savik Bank opened a branch in the old town."),
                  write_article("savik.txt", "Savik Foundation hired forty people this spring.")],
                 store, fake_embedder, settings)
    assert _first_found(store, tmp_path, "Who founded Savik Foundation?") == "savik.txt"
    assert "savik_foundation" in keywords.query_terms("Who founded Savik Foundation?")


def _first_found(store, tmp_path, question: str) -> str:
    """The source of the passage keyword search ranks first for the question, on a fresh index of the store."""
    index = KeywordIndex(tmp_path / "k.sqlite3")
    index.sync(store)
    pid = index.search(keywords.query_terms(question), 2)[0][0]
    return store.passages_by_id([pid])[pid].source


def test_an_irregular_verb_form_is_found_by_its_base(write_article, store, fake_embedder, settings, tmp_path):
    ingest_files([write_article("club.txt", "The club sold its captain to a rival for 12 million pounds."),
                  write_article("shop.txt", "The club shop opened a club cafe for club members.")],
                 store, fake_embedder, settings)
    assert _first_found(store, tmp_path, "Who did the club sell?") == "club.txt"
    assert {"sold", "sell"} <= set(keywords.keyword_terms(["The club sold its captain."])[0])
    # A phrasal verb asked is also looked for by what it means: "put the fares up" finds "raised fares".
    assert {"rais", "increas"} <= set(keywords.query_terms("Why did the council put the fares up?"))


# A slow process: reads its view of the store, says so, waits for a line on stdin, then syncs from that view.
SYNC_FROM_AN_OLD_VIEW = """
import sys
from core.settings import Settings
from ingest import ArticleStore
from ingest.keywords import KeywordIndex
settings = Settings.from_env()
store = ArticleStore.open(settings)
generation, articles = store.generation(), store.articles()
print("viewed", flush=True)
sys.stdin.readline()
print(KeywordIndex.of(settings).sync(store, articles, generation), flush=True)
"""


def test_a_slow_process_syncing_from_an_older_view_neither_drops_an_article_nor_rolls_the_index_back(
        two, settings, write_article, fake_embedder):
    import os
    import subprocess
    import sys

    from core.settings import PROJECT_DIR

    index = KeywordIndex.of(settings)
    index.sync(two)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("QA_")},
           "QA_CHROMA_PATH": str(settings.chroma_path), "QA_KEYWORD_INDEX": str(settings.keyword_index)}
    slow = subprocess.Popen([sys.executable, "-c", SYNC_FROM_AN_OLD_VIEW], cwd=PROJECT_DIR, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert slow.stdout.readline() == "viewed\n", slow.stderr.read()
        # Meanwhile this process ingests an article and indexes it, as `python -m ingest` does.
        ingest_files([write_article("fair.txt", "The Zelvik book fair drew nine thousand visitors.")], two,
                     fake_embedder, settings)
        index.sync(two)
        slow.stdin.write("go\n")
        slow.stdin.flush()
        out, err = slow.communicate(timeout=120)
    finally:
        if slow.poll() is None:
            slow.kill()
            slow.wait()
    assert slow.returncode == 0, err

    with sqlite3.connect(settings.keyword_index) as db:
        indexed = dict(db.execute("SELECT source, content_hash FROM articles"))
        stamped = dict(db.execute("SELECT key, value FROM meta"))["generation"]
    assert indexed == {s: info.content_hash for s, info in two.articles().items()}
    assert stamped == two.generation()
    assert sources_found(index, two, "Zelvik book fair") == ["fair.txt"]


# --- another process syncing meanwhile ------------------------------------------------------------

# Another process holding the index's write lock, as a long `python -m ingest` sync does, until its stdin closes.
HOLD_THE_INDEX = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


@contextlib.contextmanager
def index_held_by_another_process(path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_INDEX, str(path)], text=True, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert holder.stdout.readline() == "locked\n", holder.stderr.read()
        yield
    finally:
        holder.stdin.close()
        assert holder.wait(timeout=60) == 0


def test_a_question_while_another_process_syncs_answers_from_the_index_as_it_is_and_catches_up_after(
        two, settings, write_article, fake_embedder):
    index = KeywordIndex.of(settings)
    reader = Corpus(two, index)
    reader.snapshot()
    writer = ArticleStore.open(settings)  # another process's ingest: the index is behind the store now
    ingest_files([write_article("fair.txt", "The Zelvik book fair drew nine thousand visitors.")], writer,
                 fake_embedder, settings)

    with index_held_by_another_process(settings.keyword_index):
        snapshot = reader.snapshot()  # neither waits for the other process nor fails
        assert "fair.txt" in snapshot.articles
        assert [p.source for p in snapshot.keyword_search(terms("Velmora harbour"), 3)] == ["harbour.txt"]
        assert snapshot.keyword_search(terms("Zelvik book fair"), 3) == []

    index._catch_up.join(60)  # started by the sync that found the index busy
    assert [p.source for p in reader.snapshot().keyword_search(terms("Zelvik book fair"), 3)] == ["fair.txt"]


def test_a_sync_that_must_index_while_the_index_stays_locked_says_so(two, tmp_path):
    path = tmp_path / "k.sqlite3"
    KeywordIndex(path).sync(two)
    two.remove("bridge.txt")

    with index_held_by_another_process(path), pytest.raises(StoreUnavailable) as excinfo:
        KeywordIndex(path, wait_s=0.1).sync(two, wait=True)

    assert "keyword index" in str(excinfo.value) and "locked by another process" in str(excinfo.value)
    assert "\n" not in str(excinfo.value)


class FailingSecondRead:
    """A store whose second read of passages fails, as a server going away half-way through a sync."""

    def __init__(self, store: ArticleStore):
        self.store, self.reads = store, 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def iter_passages(self, where=None):
        self.reads += 1
        if self.reads == 2:
            raise StoreUnavailable("the Chroma server at 127.0.0.1:8000 is not reachable")
        return self.store.iter_passages(where)


def test_a_sync_commits_batch_by_batch_so_an_interrupted_one_keeps_what_it_indexed(two, tmp_path, monkeypatch):
    monkeypatch.setattr(keywords, "_BATCH", 1)
    index = KeywordIndex(tmp_path / "k.sqlite3")

    with pytest.raises(StoreUnavailable):
        index.sync(FailingSecondRead(two))

    assert index.passage_count() > 0
    assert index.sync(two) == keywords.SyncReport(added=1, dropped=0)  # only the article the first one missed
