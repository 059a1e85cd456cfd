"""qa/service.py: the shipped articles are seeded once, on the first start of an empty store; a question that
cannot be asked is refused before any model or store is loaded."""
from __future__ import annotations

import pytest

import qa.service
from support import SHIPPED_ARTICLE
from core.errors import QuestionError
from ingest import ArticleStore, ingest_files
from qa import QAService


def service(settings, embedder) -> QAService:
    """A service as a fresh process builds it (a new store handle: nothing remembered in memory)."""
    return QAService.of(ArticleStore.open(settings, embedder), embedder, settings)


# --- seeding ----------------------------------------------------------------------------------

def test_first_start_of_an_empty_store_seeds_the_shipped_articles_and_says_so(settings, fake_embedder):
    said: list[str] = []

    report = service(settings, fake_embedder).ensure_seeded(announce=said.append)

    assert [r.status for r in report.results] == ["added"]
    assert list(service(settings, fake_embedder).articles()) == [SHIPPED_ARTICLE.name]
    assert len(said) == 1 and str(settings.seed_dir) in said[0] and "once" in said[0]


def test_removing_the_last_article_does_not_bring_the_shipped_one_back(settings, fake_embedder):
    first = service(settings, fake_embedder)
    first.ensure_seeded(announce=lambda msg: None)
    assert first.remove(SHIPPED_ARTICLE.name)

    later = service(settings, fake_embedder)  # the next start, or the next `python -m qa` call
    said: list[str] = []
    assert later.ensure_seeded(announce=said.append) is None
    later.answer("Which ship anchored off Tobruk?")

    assert later.store.articles() == {} and said == []


def test_store_filled_before_the_first_question_is_never_seeded(settings, fake_embedder, write_article):
    store = ArticleStore.open(settings, fake_embedder)
    ingest_files([write_article("port.txt", "Russia wants a naval base in Tobruk.")], store, fake_embedder, settings)

    first = service(settings, fake_embedder)
    assert first.ensure_seeded(announce=lambda msg: None) is None
    assert first.remove("port.txt")

    assert service(settings, fake_embedder).ensure_seeded(announce=lambda msg: None) is None
    assert store.articles() == {}


# --- questions refused at the edge ----------------------------------------------------------------

@pytest.fixture
def nothing_loaded(monkeypatch):
    """No process-wide service yet, and building one fails the test."""
    def load(*args, **kwargs):
        raise AssertionError("the model and store were loaded for a question that is refused anyway")

    monkeypatch.setattr(qa.service, "_default", None)
    monkeypatch.setattr(qa.service.QAService, "default", classmethod(load))


@pytest.mark.parametrize("question, why", [("   ", "empty question"), ("why " * 600, "question too long")])
def test_question_that_cannot_be_asked_is_refused_before_anything_loads(nothing_loaded, question, why):
    with pytest.raises(QuestionError, match=why):
        qa.service.answer(question)
    with pytest.raises(QuestionError, match=why):
        next(qa.service.stream(question))


def test_cli_refuses_a_too_long_question_before_touching_the_store(run_cli):
    from support import free_port

    done = run_cli("qa", "why " * 600, env={"QA_CHROMA_HOST": "127.0.0.1", "QA_CHROMA_PORT": str(free_port()),
                                            "QA_EMBEDDING_MODEL": "/nonexistent/model"})

    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: question too long: 2400 characters, the limit is 2000 (QA_MAX_QUESTION_CHARS); "
        "ask about one thing at a time"]
