"""Example questions: the sidecar format with its recorded outcomes, and questions suggested for other articles."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from core.settings import PROJECT_DIR
from core.types import ArticleInfo
from webapp.examples import MAX_EXAMPLES, REFUSED, Example, ExampleQuestions, read_examples, sidecar_path

SHIPPED = PROJECT_DIR / "data" / "articles"


def info(source: str, ingested_at: float = 0.0, content_hash: str = "h") -> ArticleInfo:
    return ArticleInfo(source=source, title="T", date="2024-01-01", content_hash=content_hash, passages=1,
                       sentences=1, size_bytes=1, ingested_at=ingested_at, title_start=0, title_end=1,
                       date_start=-1, date_end=-1)


def ingested(path: Path, ingested_at: float = 0.0) -> ArticleInfo:
    """The stored article of the file as it is now (ingest names a version by its bytes' hash)."""
    return info(path.name, ingested_at, hashlib.sha256(path.read_bytes()).hexdigest())


def test_sidecar_items_are_questions_with_what_to_expect(tmp_path):
    path = tmp_path / "a.questions.json"
    path.write_text(json.dumps([
        {"question": "  Where is  the port? ", "expect": "the port of Tobruk", "phrase": "Tobruk"},
        {"question": "What does it cost?", "expect": REFUSED},
        "A plain question?", {"expect": "no question"}, 7, {"question": ""}]), encoding="utf-8")
    assert read_examples(path) == [Example("Where is the port?", "the port of Tobruk", "Tobruk"),
                                   Example("What does it cost?", REFUSED), Example("A plain question?")]
    path.write_text("{broken", encoding="utf-8")
    assert read_examples(path) == []


def test_every_shipped_example_records_its_outcome():
    sidecars = list(SHIPPED.glob("*.questions.json"))
    assert sidecars
    for path in sidecars:
        examples = read_examples(path)
        assert examples and all(e.expect for e in examples), path
        article = (SHIPPED / path.name.replace(".questions.json", ".txt")).read_text(encoding="utf-8")
        for e in examples:
            assert e.expect == REFUSED or e.expect in article, e  # the expected sentence is the article's own text


def test_an_article_without_a_sidecar_gets_questions_from_its_file(tmp_path):
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "pier.md").write_text("# Pier repairs begin\n\nWork on the pier starts in May, said Mayor Lena Koski. "
                                     "Koski expects it to reopen in June.", encoding="utf-8")
    seed = tmp_path / "seed"
    seed.mkdir()
    sidecar_path(seed, "ferry.txt").write_text(json.dumps(["How long is the crossing?"]), encoding="utf-8")
    examples = ExampleQuestions([seed, uploads], max_bytes=1_000_000)
    loaded = {"ferry.txt": info("ferry.txt", 1.0), "pier.md": ingested(uploads / "pier.md", 2.0),
              "gone.txt": info("gone.txt", 3.0)}
    # Newest ingested first; an article whose file is not there has none.
    assert examples(loaded) == ["What is this article about?", "Who is Mayor Lena Koski?", "How long is the crossing?"]


def test_suggestions_are_remembered_per_article_version(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A note\n\nThe quay opened, said Jon Lund. Lund was glad.", encoding="utf-8")
    examples = ExampleQuestions([tmp_path], max_bytes=1_000_000)
    v1 = ingested(path)
    first = examples.of_article(v1)
    assert "Who is Jon Lund?" in first
    path.write_text("A note\n\nThe quay opened, said Ada Vekk. Vekk was glad.", encoding="utf-8")
    assert examples.of_article(v1) == first
    assert "Who is Ada Vekk?" in examples.of_article(ingested(path))


def test_no_suggestions_from_a_file_that_changed_since_it_was_ingested(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A note\n\nThe quay opened, said Jon Lund. Lund was glad.", encoding="utf-8")
    stored = ingested(path)
    path.write_text("A note\n\nThe quay opened, said Ada Vekk. Vekk was glad.", encoding="utf-8")

    assert ExampleQuestions([tmp_path], max_bytes=1_000_000).of_article(stored) == []


def test_at_most_a_handful_of_examples(tmp_path):
    for i in range(5):
        sidecar_path(tmp_path, f"{i}.txt").write_text(json.dumps([f"Question {i}{j}?" for j in range(3)]),
                                                      encoding="utf-8")
    loaded = {f"{i}.txt": info(f"{i}.txt", float(i)) for i in range(5)}
    shown = ExampleQuestions([tmp_path], 1000)(loaded)
    assert len(shown) == MAX_EXAMPLES and shown[:3] == ["Question 40?", "Question 41?", "Question 42?"]


def test_the_suggestions_remembered_are_bounded_oldest_forgotten_first(tmp_path):
    """A long-running server sees ever new article versions: only the most recently used are remembered."""
    examples = ExampleQuestions([tmp_path], max_bytes=1_000_000, max_remembered=2)
    versions = []
    for name in ("Lund", "Vekk", "Moss"):
        path = tmp_path / f"{name.lower()}.txt"
        path.write_text(f"A note\n\nThe quay opened, said Jon {name}. {name} was glad.", encoding="utf-8")
        versions.append(ingested(path))
        assert f"Who is Jon {name}?" in examples.of_article(versions[-1])
    for path in tmp_path.glob("*.txt"):
        path.unlink()  # from here on, only what is remembered can be shown

    assert examples.remembered == 2
    assert "Who is Jon Moss?" in examples.of_article(versions[2])
    assert examples.of_article(versions[0]) == []  # the oldest was forgotten (and its file is gone)
    assert examples.remembered == 2
