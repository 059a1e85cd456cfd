"""qa/focus.py: a question that names something is searched in the articles that name it, as written."""
from __future__ import annotations

from types import SimpleNamespace

from qa.retrieval.focus import naming_articles
from qa.question import analyze

# Which articles hold which name keys (lang.words.name_keys: word pairs of multi-word names, else the term).
HOLDINGS = {
    "lentor.txt": {"lentor_energy", "lentor", "energi", "putin"},
    "lenta.txt": {"lenta_energy", "lenta", "energi"},
    "kremlin.txt": {"vladimir_putin", "vladimir", "putin"},
    "weather.txt": {"rain"},
}


def snapshot():
    def naming(keys, sources=None):
        pool = set(HOLDINGS) if sources is None else set(sources)
        return {s for s in pool if all(k in HOLDINGS[s] for k in keys)}

    return SimpleNamespace(articles=dict.fromkeys(HOLDINGS), sources_naming=naming)


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
    from qa.pipeline import Turn

    for name, count in companies.items():
        source = f"{name.lower().replace(' ', '-')}.txt"
        question = f"How many people does {name} employ?"
        turn = svc.chain.retrieve(svc.chain.prepare(Turn(question=question)))
        assert {r.passage.source for r in turn.retrieval.passages} == {source}, name  # only the named article
        answer = svc.answer(question)
        assert count in answer.text and answer.citations[0].source == source, name
