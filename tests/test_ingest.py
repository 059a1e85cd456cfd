"""ingest/pipeline.py, store.py and `python -m ingest`: files in, passages in Chroma, nothing lost on failure."""
from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from core.errors import IngestError, StoreUnavailable
from ingest import ArticleStore, find_articles, ingest_files, load_article, open_client, seed_if_empty, split_passages
from lang.normalize import clean
from ingest.pipeline import passage_vectors

PORT_V1 = ("date 2023-11-06\nRussia wants a naval base in Tobruk. The port needs extensive construction work.\n\n"
           "The United States takes the plan very seriously.")
PORT_V2 = ("date 2023-11-07\nRussia has dropped its plan for Tobruk. Officials now talk about Benghazi instead.\n\n"
           "Washington welcomed the change.")


def stored_passages(store, source):
    return sorted(store.iter_passages(where={"source": source}), key=lambda p: (p.content_hash, p.index))


def visible_texts(store, source) -> list[str]:
    """What a reader sees of an article: the passages of the version the registry names."""
    info = store.article(source)
    return [p.text for p in stored_passages(store, source) if info and p.content_hash == info.content_hash]


def stored_sentence_hashes(store, source) -> set[str]:
    """Versions of the article that sentence vectors are stored for."""
    got = store.view().sentences.get(where={"source": source}, include=["metadatas"])
    return {m["content_hash"] for m in got["metadatas"]}


def only(report):
    assert len(report.results) == 1, report.results
    return report.results[0]


@pytest.fixture
def port_article(write_article, store, fake_embedder, settings):
    """port.txt (PORT_V1) written and ingested; returns its path."""
    path = write_article("port.txt", PORT_V1)
    assert only(ingest_files([path], store, fake_embedder, settings)).status == "added"
    return path


# --- what is stored ---------------------------------------------------------------------

def test_ingested_shipped_article_is_listed_with_title_date_and_passages(shipped_article, store, fake_embedder,
                                                                        settings):
    result = only(ingest_files([shipped_article], store, fake_embedder, settings))

    article = load_article(shipped_article, max_bytes=settings.max_file_bytes)
    info = store.article(shipped_article.name)
    assert result.status == "added" and result.passages == info.passages > 3
    assert result.title == info.title == article.title
    assert info.date == "2023-11-06"
    assert info.content_hash == article.content_hash
    assert article.text[info.title_start:info.title_end] == info.title
    assert article.text[info.date_start:info.date_end] == "2023-11-06"


def test_stored_passages_and_sentences_point_exactly_into_the_source_text(shipped_article, store, fake_embedder,
                                                                         settings):
    ingest_files([shipped_article], store, fake_embedder, settings)
    article = load_article(shipped_article, max_bytes=settings.max_file_bytes)

    passages = stored_passages(store, shipped_article.name)

    assert [p.text for p in passages] == [p.text for p in split_passages(article, settings.passage_chars)]
    for p in passages:
        assert p.text == article.text[p.start:p.end]
        assert all(p.start <= s.start < s.end <= p.end for s in p.sentences)
    assert sum(len(p.sentences) for p in passages) == store.article(shipped_article.name).sentences
    vectors = store.sentence_vectors(passages)
    assert set(vectors) == {p.id for p in passages}
    assert all(vectors[p.id].shape == (len(p.sentences), 384) for p in passages)


@pytest.mark.integration
def test_vector_search_finds_the_passage_that_answers(shipped_article, store, embedder, settings):
    ingest_files([shipped_article], store, embedder, settings)

    question = embedder.encode(["How many Wagner fighters stayed after the cease-fire?"])[0]

    (best, score), *_ = store.vector_search(question, k=3)

    assert "approximately two thousand Wagner" in best.text
    assert 0 < score <= 1


def test_date_line_article_is_stored_with_its_date_and_without_the_date_line(write_article, store, fake_embedder,
                                                                             settings):
    path = write_article("port.txt", PORT_V1)

    ingest_files([path], store, fake_embedder, settings)

    assert store.article("port.txt").date == "2023-11-06"
    assert store.article("port.txt").title == "Russia wants a naval base in Tobruk."
    texts = visible_texts(store, "port.txt")
    assert texts[0].startswith("Russia wants")
    assert not any("2023-11-06" in t or t.startswith("date") for t in texts)
    metas = store.view().passages.get(where={"source": "port.txt"}, include=["metadatas"])["metadatas"]
    assert {(m["date"], m["date_ord"]) for m in metas} == {("2023-11-06", 20231106)}


def test_html_script_text_never_reaches_the_store(write_article, store, fake_embedder, settings):
    path = write_article("page.html", (
        "<html><head><title>Tobruk</title><script>var tracker = 'SCRIPTSECRET';</script></head><body>"
        "<h1>Russia eyes Tobruk</h1><p>The port needs work.</p><script>alert('INLINESECRET')</script>"
        "<p>Work starts soon.</p></body></html>"))

    result = only(ingest_files([path], store, fake_embedder, settings))

    texts = visible_texts(store, "page.html")
    assert result.status == "added" and result.title == "Russia eyes Tobruk"
    assert "The port needs work." in " ".join(texts)
    assert not any("SECRET" in t or "alert" in t or "tracker" in t for t in texts)


def test_cp1252_article_is_stored_with_its_accents(write_article, store, fake_embedder, settings):
    text = "Le café est fermé. La rentrée scolaire a eu lieu à Paris, où les élèves étaient nombreux."
    path = write_article("paris.txt", text, encoding="cp1252")

    assert only(ingest_files([path], store, fake_embedder, settings)).status == "added"
    assert " ".join(visible_texts(store, "paris.txt")) == text


def test_folder_of_articles_is_ingested_in_one_run(write_article, tmp_path, store, fake_embedder, settings):
    write_article("a.txt", "Russia wants a port in Tobruk.")
    write_article("b.md", "# Haftar in Moscow\n\nHaftar met Putin in September.")
    write_article("c.html", "<p>Wagner fighters stayed in Libya.</p>")

    report = ingest_files(find_articles([tmp_path / "articles"]), store, fake_embedder, settings)

    assert [(r.source, r.status) for r in report.results] == [("a.txt", "added"), ("b.md", "added"),
                                                              ("c.html", "added")]
    assert list(store.articles()) == ["a.txt", "b.md", "c.html"]
    assert store.article("b.md").title == "Haftar in Moscow"
    assert report.summary().startswith("3 added;")


def test_seed_fills_an_empty_store_once(store, fake_embedder, settings, shipped_article):
    report = seed_if_empty(store, fake_embedder, settings)

    assert [r.status for r in report.results] == ["added"]
    assert list(store.articles()) == [shipped_article.name]
    assert seed_if_empty(store, fake_embedder, settings) is None


# --- versions ---------------------------------------------------------------------------

def test_reingest_of_unchanged_file_changes_nothing(port_article, store, fake_embedder, settings):
    before = store.article("port.txt")
    count, generation = store.view().passages.count(), store.generation()

    result = only(ingest_files([port_article], store, fake_embedder, settings))

    assert result.status == "unchanged"
    assert result.passages == before.passages
    assert store.view().passages.count() == count
    assert store.article("port.txt") == before
    assert store.generation() == generation


def test_changed_file_replaces_the_old_version_completely(port_article, store, fake_embedder, settings):
    old = store.article("port.txt")
    port_article.write_text(PORT_V2, encoding="utf-8")

    result = only(ingest_files([port_article], store, fake_embedder, settings))

    new = store.article("port.txt")
    assert result.status == "replaced"
    assert new.content_hash != old.content_hash and new.date == "2023-11-07"
    assert list(store.articles()) == ["port.txt"]
    assert len(store.view().registry.get(where={"source": "port.txt"})["ids"]) == 1
    texts = visible_texts(store, "port.txt")
    assert "Washington welcomed the change." in texts[-1]
    assert {p.content_hash for p in stored_passages(store, "port.txt")} == {new.content_hash}
    assert stored_sentence_hashes(store, "port.txt") == {new.content_hash}
    assert not any("Tobruk. The port needs" in p.text for p in stored_passages(store, "port.txt"))


def test_removed_article_disappears_with_all_its_passages(port_article, shipped_article, store, fake_embedder,
                                                         settings):
    ingest_files([shipped_article], store, fake_embedder, settings)
    generation = store.generation()

    assert store.remove("port.txt") is True

    assert list(store.articles()) == [shipped_article.name]
    assert stored_passages(store, "port.txt") == []
    assert stored_sentence_hashes(store, "port.txt") == set()
    assert store.generation() != generation
    assert visible_texts(store, shipped_article.name)
    assert store.remove("port.txt") is False


def test_crash_between_writing_passages_and_publishing_keeps_the_old_version_and_rerun_completes(
        port_article, store, fake_embedder, settings):
    old = store.article("port.txt")
    old_texts = visible_texts(store, "port.txt")
    port_article.write_text(PORT_V2, encoding="utf-8")
    new_article = load_article(port_article, max_bytes=settings.max_file_bytes)
    passages = split_passages(new_article, settings.passage_chars)
    sentence_vecs = [fake_embedder.encode([clean(new_article.text[s.start:s.end]) for s in p.sentences])
                     for p in passages]
    store.write_versions([(new_article, passages, sentence_vecs)], passage_vectors(sentence_vecs))  # then "crash"

    assert store.article("port.txt") == old
    assert visible_texts(store, "port.txt") == old_texts

    result = only(ingest_files([port_article], store, fake_embedder, settings))

    assert result.status == "replaced"
    assert store.article("port.txt").content_hash == new_article.content_hash
    assert visible_texts(store, "port.txt") == [p.text for p in passages]
    assert {p.content_hash for p in stored_passages(store, "port.txt")} == {new_article.content_hash}


# --- bad input never loses what is stored -------------------------------------------------

def _noise() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(128, 256) for _ in range(3000))


@pytest.mark.parametrize("name, content, fragments", [
    pytest.param("missing.txt", None, ["not found", "missing.txt"], id="missing path"),
    pytest.param("folder.txt", "dir", ["is a folder", "folder.txt"], id="folder"),
    pytest.param("empty.txt", b"", ["empty file", "empty.txt"], id="empty"),
    pytest.param("blank.txt", b"\n  \t\n\n", ["empty file", "blank.txt"], id="whitespace only"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4, ["binary file", "image.txt"],
                 id="binary"),
    pytest.param("noise.txt", _noise(), ["not UTF-8", "noise.txt"], id="random bytes"),
    pytest.param("big.txt", ("The port needs work. " * 600).encode(), ["too large", "big.txt", "QA_MAX_FILE_MB"],
                 id="over the size limit"),
    pytest.param("baddate.txt", b"date 2023-13-01\nText.", ["bad date line", "2023-13-01"], id="impossible date"),
])
def test_bad_file_fails_with_one_line_reason_and_keeps_stored_articles(
        port_article, write_article, tmp_path, store, fake_embedder, settings, name, content, fragments):
    settings = dataclasses.replace(settings, max_file_mb=0.01)  # 10485 bytes: only big.txt is over it
    if content == "dir":
        path = tmp_path / name
        path.mkdir()
    elif content is None:
        path = tmp_path / name
    else:
        path = write_article(name, content)
    before, generation = store.article("port.txt"), store.generation()
    texts = visible_texts(store, "port.txt")

    result = only(ingest_files([path], store, fake_embedder, settings))

    assert result.status == "failed"
    assert "\n" not in result.error
    assert all(f in result.error for f in fragments), result.error
    assert store.article("port.txt") == before
    assert visible_texts(store, "port.txt") == texts
    assert store.generation() == generation
    assert list(store.articles()) == ["port.txt"]


def test_bad_file_in_a_batch_does_not_stop_the_good_ones(write_article, store, fake_embedder, settings):
    good = write_article("good.txt", PORT_V1)
    empty = write_article("empty.txt", b"")

    report = ingest_files([empty, good], store, fake_embedder, settings)

    assert [(r.source, r.status) for r in report.results] == [("empty.txt", "failed"), ("good.txt", "added")]
    assert list(store.articles()) == ["good.txt"]
    assert "1 added, 1 failed" in report.summary()


def test_missing_path_or_folder_without_articles_is_refused_before_ingest(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8")

    with pytest.raises(IngestError, match=r"^not found: .*typo\.txt"):
        find_articles([tmp_path / "typo.txt"])
    with pytest.raises(IngestError, match=r"^no articles in .*photos: expected .*\.txt"):
        find_articles([tmp_path / "photos"])


# --- what is embedded ----------------------------------------------------------------------

def test_every_file_reported_added_is_stored(write_article, tmp_path, store, fake_embedder, settings):
    write_article("2023/report.txt", "Russia wants a naval base in Tobruk.")
    write_article("2024/report.txt", "Haftar met Putin in Moscow.")

    report = ingest_files(find_articles([tmp_path / "articles"]), store, fake_embedder, settings)

    assert report.count("added") + report.count("replaced") == len(store.articles())


def test_reingest_of_unchanged_file_embeds_nothing(write_article, store, fake_embedder, settings):
    path = write_article("port.txt", PORT_V1)
    ingest_files([path], store, fake_embedder, settings)
    fake_embedder.calls.clear()

    assert only(ingest_files([path], store, fake_embedder, settings)).status == "unchanged"
    assert fake_embedder.calls == []


def test_rerun_after_a_crash_reuses_the_passages_already_written(write_article, store, fake_embedder, settings):
    path = write_article("port.txt", PORT_V1)
    article = load_article(path, max_bytes=settings.max_file_bytes)
    passages = split_passages(article, settings.passage_chars)
    vecs = [fake_embedder.encode([article.text[s.start:s.end] for s in p.sentences]) for p in passages]
    store.write_versions([(article, passages, vecs)], passage_vectors(vecs))  # then "crash" before publishing
    assert store.articles() == {}
    fake_embedder.calls.clear()

    assert only(ingest_files([path], store, fake_embedder, settings)).status == "added"
    assert [t for call in fake_embedder.calls for t in call] == []
    assert visible_texts(store, "port.txt") == [p.text for p in passages]


def test_fake_embedder_gives_deterministic_unit_vectors_that_reflect_shared_words(fake_embedder):
    a, b, c, empty = fake_embedder.encode(["Russia wants Tobruk", "Tobruk port for Russia", "Cheese recipes", ""])

    assert a.shape == (384,) and a.dtype == np.float32
    assert all(np.isclose(np.linalg.norm(v), 1.0) for v in (a, b, c, empty))
    assert a @ b > a @ c
    assert np.array_equal(fake_embedder.encode(["Russia wants Tobruk"])[0], a)
    assert fake_embedder.embed_query("Russia wants Tobruk") == pytest.approx(a.tolist())
    assert fake_embedder.encode([]).shape == (0, 384)


# --- the command line ---------------------------------------------------------------------

def assert_one_error_line(stderr: str, *fragments: str) -> None:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, stderr
    assert all(f in lines[0] for f in fragments), stderr


def test_cli_missing_file_exits_nonzero_with_one_error_line_and_keeps_stored_articles(run_cli, tmp_path,
                                                                                       port_article, store):
    before = store.article("port.txt")

    done = run_cli("ingest", tmp_path / "nowhere.txt")

    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [f"error: not found: {tmp_path / 'nowhere.txt'} (check the path)"]
    assert done.stdout == ""
    assert store.article("port.txt") == before


def test_cli_folder_without_articles_exits_nonzero_and_keeps_stored_articles(run_cli, tmp_path, port_article, store):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8")
    before = store.article("port.txt")

    done = run_cli("ingest", tmp_path / "photos")

    assert done.returncode != 0
    assert_one_error_line(done.stderr, "no articles in", "photos", ".txt", ".md", ".html")
    assert store.article("port.txt") == before


def test_cli_bad_setting_gives_one_error_line_not_a_traceback(run_cli):
    done = run_cli("ingest", "--list", env={"QA_MAX_FILE_MB": "five"})

    assert done.returncode != 0
    assert_one_error_line(done.stderr, "QA_MAX_FILE_MB", "five")


def test_cli_without_arguments_shows_usage(run_cli):
    done = run_cli("ingest")

    assert done.returncode == 2
    assert "usage: python -m ingest" in done.stderr
    assert_one_error_line(done.stderr, "--list", "--remove SOURCE")


@pytest.mark.integration
def test_cli_ingests_good_files_reports_bad_ones_and_lists_the_result(run_cli, write_article):
    good = write_article("port.txt", PORT_V1)
    empty = write_article("empty.txt", b"")

    done = run_cli("ingest", good, empty, "--list")  # --list runs after the files are ingested

    assert done.returncode == 1
    assert "added: port.txt (" in done.stdout
    assert "1 added, 1 failed" in done.stdout
    assert_one_error_line(done.stderr, "empty file", "empty.txt")
    (row,) = [line for line in done.stdout.splitlines() if line.startswith("port.txt ")]
    assert "2023-11-06" in row and "Russia wants a naval base in Tobruk." in row


def test_cli_removes_a_stored_article_and_refuses_an_unknown_one(run_cli, port_article):
    removed = run_cli("ingest", "--remove", "port.txt", "--list")  # --list runs after the removal
    again = run_cli("ingest", "--remove", "port.txt")

    assert removed.returncode == 0
    assert removed.stdout.splitlines() == ["removed: port.txt", "no articles stored"]
    assert again.returncode == 1
    assert_one_error_line(again.stderr, "no stored article named 'port.txt'", "--list")


def test_packed_sentence_vectors_keep_cosine_similarity():
    from ingest.store import pack_vectors, unpack_vectors

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((4, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    query = vectors[0] + 0.5 * vectors[1]
    query /= np.linalg.norm(query)
    unpacked = unpack_vectors(pack_vectors(vectors))
    assert unpacked.shape == (4, 384)
    assert np.allclose(unpacked @ query, vectors @ query, atol=0.01)


# --- a store that fails a write ------------------------------------------------------------

class StoreFailingOneWrite(ArticleStore):
    """An ArticleStore whose `fail_on`-th write of new versions (counting from 1) fails as a server gone away does."""

    fail_on: int | None = None
    writes = 0

    def write_versions(self, batch, passage_vectors):
        self.writes += 1
        if self.writes == self.fail_on:
            raise StoreUnavailable("the Chroma server at 127.0.0.1:8000 is not reachable (ConnectError: "
                                   "[Errno 111] Connection refused); check that it is running")
        super().write_versions(batch, passage_vectors)


def test_a_failed_write_gives_each_file_of_its_group_and_after_it_a_failed_result_and_loses_nothing(
        write_article, settings, fake_embedder):
    settings = dataclasses.replace(settings, ingest_group=1)  # one article per group: three groups
    store = StoreFailingOneWrite(open_client(settings), settings.collection)
    port = write_article("port.txt", PORT_V1)
    ingest_files([port], store, fake_embedder, settings)
    store.fail_on = store.writes + 2  # the second group's
    old, old_texts = store.article("port.txt"), visible_texts(store, "port.txt")
    port.write_text(PORT_V2, encoding="utf-8")
    first = write_article("first.txt", "Haftar met Putin in Moscow.")
    later = write_article("later.txt", "Wagner fighters stayed in Libya.")
    seen = []

    report = ingest_files([first, port, later], store, fake_embedder, settings, progress=seen.append)

    assert [(r.source, r.status) for r in report.results] == [("first.txt", "added"), ("port.txt", "failed"),
                                                              ("later.txt", "failed")]
    assert seen == report.results
    for failed in report.failed:
        assert "\n" not in failed.error and "127.0.0.1:8000 is not reachable" in failed.error
    assert store.article("port.txt") == old and visible_texts(store, "port.txt") == old_texts
    assert list(store.articles()) == ["first.txt", "port.txt"]
    assert "1 added, 2 failed" in report.summary()


class StoreFailingCleanup(ArticleStore):
    """An ArticleStore whose deletes of old versions fail (as a server that went away right after a write)."""

    deletes_fail = False

    def _delete(self, where):
        if self.deletes_fail:
            raise StoreUnavailable("the Chroma server at 127.0.0.1:8000 is not reachable (ConnectError: "
                                   "[Errno 111] Connection refused); check that it is running")
        super()._delete(where)


def test_a_failed_cleanup_after_publishing_reports_the_file_stored_and_is_retried_at_the_next_write(
        write_article, settings, fake_embedder, caplog):
    store = StoreFailingCleanup(open_client(settings), settings.collection)
    port = write_article("port.txt", PORT_V1)
    ingest_files([port], store, fake_embedder, settings)
    store.deletes_fail = True
    port.write_text(PORT_V2, encoding="utf-8")

    result = only(ingest_files([port], store, fake_embedder, settings))

    assert result.status == "replaced" and result.error is None
    new = load_article(port, max_bytes=settings.max_file_bytes)
    assert visible_texts(store, "port.txt") == [p.text for p in split_passages(new, settings.passage_chars)]
    assert "could not delete their old versions" in caplog.text and "port.txt" in caplog.text
    assert len({p.content_hash for p in stored_passages(store, "port.txt")}) == 2  # the old one is still there

    store.deletes_fail = False
    ingest_files([write_article("other.txt", "Haftar met Putin in Moscow.")], store, fake_embedder, settings)

    assert {p.content_hash for p in stored_passages(store, "port.txt")} == {store.article("port.txt").content_hash}
    assert stored_sentence_hashes(store, "port.txt") == {store.article("port.txt").content_hash}
