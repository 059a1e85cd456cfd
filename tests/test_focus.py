"""qa/retrieval/focus.py: a question that names something is searched in the articles that name it, as written."""
from __future__ import annotations

from core.types import ArticleInfo
from ingest.keywords import KeywordIndex
from ingest.store import ArticleStore
from qa.question import analyze
from qa.retrieval.corpus import Snapshot
from qa.retrieval.focus import mentions, naming_articles

# Which articles hold which name keys (lang.words.name_keys: word pairs of multi-word names, else the term).
HOLDINGS = {
    "lentor.txt": {"lentor_energy", "lentor", "energi", "putin"},
    "lenta.txt": {"lenta_energy", "lenta", "energi"},
    "kremlin.txt": {"vladimir_putin", "vladimir", "putin"},
    "weather.txt": {"rain"},
}


class HeldKeys(KeywordIndex):
    """A keyword index that knows only which articles hold which keys (no SQLite file: any other call fails)."""

    def __init__(self, holdings: dict[str, set[str]]):
        self.holdings = holdings

    def sources_with_all(self, keys: list[str], sources: set[str] | None = None) -> set[str]:
        pool = set(self.holdings) if sources is None else set(sources)
        return {s for s in pool if all(k in self.holdings[s] for k in keys)}


class UnreadStore(ArticleStore):
    """A store that focus never reads (no Chroma: any call fails)."""

    def __init__(self):
        pass


def article(source: str) -> ArticleInfo:
    return ArticleInfo(source=source, title=source, date=None, content_hash="h", size_bytes=1, passages=1,
                       sentences=1, ingested_at=0.0, title_start=0, title_end=1, date_start=-1, date_end=-1)


def snapshot() -> Snapshot:
    return Snapshot(generation="g", articles={s: article(s) for s in HOLDINGS}, index=HeldKeys(HOLDINGS),
                    store=UnreadStore())


def ask(question: str, scope=None):
    return naming_articles(analyze(question, lambda t: 1.0), snapshot(), scope)


def test_a_multi_word_name_as_written_singles_out_its_article_among_look_alikes():
    assert ask("How many people does Lentor Energy employ?") == {"lentor.txt"}
    assert ask("Who founded Lenta Energy?") == {"lenta.txt"}


def test_a_name_no_article_writes_so_falls_back_to_its_last_word():
    assert ask("What did President Putin say?") == {"lentor.txt", "kremlin.txt"}


def test_no_focus_without_names_for_unknown_names_or_when_every_article_names_them():
    assert ask("Will it rain tomorrow?") is None            # no names
    assert ask("Who runs Zelvik Holdings?") is None         # nobody names it: search everything
    assert ask("What did Putin say?", scope={"lentor.txt", "kremlin.txt"}) is None  # the whole scope names him
    assert ask("What did Putin say?", scope={"lentor.txt", "weather.txt"}) == {"lentor.txt"}


def test_a_name_is_mentioned_when_an_article_in_scope_names_it_as_written_or_by_its_last_word():
    named = mentions(snapshot(), None)
    assert named("Lentor Energy") and named("Vladimir Putin") and named("President Putin")
    assert not named("Arvel Mining") and not named("Merkel")
    assert not mentions(snapshot(), {"weather.txt"})("Vladimir Putin")  # not in the articles in scope


def test_numbers_are_not_names_to_focus_on():
    assert ask("What happened in 2019?") is None


def test_the_service_answers_from_the_named_company_among_look_alikes(write_article, store, fake_embedder, settings):
    from ingest import ingest_files
    from qa.service import QAService

    companies = {"Lentor Energy": "4,872", "Lenta Energy": "30,004", "Lentos Energy": "912", "Lento Energy": "7,310",
                 "Lentor Mining": "15,005"}
    paths = [write_article(f"{name.lower().replace(' ', '-')}.txt",
                           f"date 2024-01-0{i + 1}\n{name} reports a good year\n\n{name} now employs {count} people "
                           f"across the region. The energy market grew, and {name} expects to hire more people.")
             for i, (name, count) in enumerate(companies.items())]
    ingest_files(paths, store, fake_embedder, settings)
    svc = QAService.of(store, fake_embedder, settings)
    from qa.request import Request
    from qa.retrieval.filters import Filters

    for name, count in companies.items():
        source = f"{name.lower().replace(' ', '-')}.txt"
        question = f"How many people does {name} employ?"
        found = svc.chain.retrieve(svc.chain.prepare(Request(question, (), Filters())))
        assert {r.passage.source for r in found.retrieval.passages} == {source}, name  # only the named article
        answer = svc.answer(question)
        assert count in answer.text and answer.citations[0].source == source, name
