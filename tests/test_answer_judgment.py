"""Judgment end to end, on an article this test writes: the real embedder, Chroma, the committed judge and
reader. "Who is X?" gets a phrase that describes X or no phrase (never another name of the sentence), a
question about something the article never mentions is refused, and every answer says how sure it is."""
from __future__ import annotations

import pytest

from qa.service import QAService
from qa.types import Level

ARTICLE = """date 2025-03-14
# Brightwave names a new chief executive

Brightwave, a battery maker based in Oslo, said on Friday that Mara Voss will become its chief executive in April.
Voss, 48, previously ran the company's factory in Trondheim. The company was founded by Eirik Lund in 2011.

Lund, who remains chairman, said the board chose Voss after a six-month search. Brightwave employs about 1,200
people and sold batteries worth $310 million last year.
"""
OTHER_NAMES = ("Brightwave", "Oslo", "Trondheim", "Eirik Lund", "Lund", "April", "Friday")


@pytest.fixture(scope="module")
def service(tmp_path_factory, embedder):
    from dataclasses import replace

    from core.settings import get_settings
    from ingest.store import ArticleStore

    tmp = tmp_path_factory.mktemp("judgment")
    settings = replace(get_settings(), chroma_path=tmp / "chroma", chroma_host=None, seed_dir=tmp / "none",
                       keyword_index=None)
    svc = QAService.of(ArticleStore.open(settings, embedder), embedder, settings)
    path = tmp / "brightwave.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert not svc.ingest([str(path)]).failed
    return svc


@pytest.fixture(scope="module")
def source_text(service) -> str:
    # A Markdown article's offsets point into the file's text.
    return ARTICLE


@pytest.mark.integration
def test_who_is_x_gets_a_phrase_that_describes_x_or_none(service):
    a = service.answer("Who is Mara Voss?")
    assert not a.abstained and "Voss" in a.citations[0].quote
    if a.short is not None:
        assert a.short.text not in OTHER_NAMES and "Voss" not in a.short.text
        assert a.short.quote == a.short.text
    assert a.level in (Level.SURE, Level.LIKELY) and 0.0 < a.confidence <= 1.0


@pytest.mark.integration
def test_the_phrase_shown_is_cut_from_the_source_by_its_offsets(service, source_text):
    for q in ("Who founded Brightwave?", "How many people does Brightwave employ?", "Who is the chief executive of Brightwave?"):
        a = service.answer(q)
        assert not a.abstained
        for c in a.citations:
            assert source_text[c.start:c.end] == c.quote
        if a.short is not None:
            cited = next(c for c in a.citations if c.index == a.short.citation)
            assert cited.start <= a.short.start < a.short.end <= cited.end
            assert source_text[a.short.start:a.short.end] == a.short.quote


@pytest.mark.integration
def test_a_question_about_someone_the_article_never_mentions_is_refused(service):
    a = service.answer("Who is the chief executive of Northvolt?")
    assert a.abstained and a.level == Level.REFUSED and a.confidence == 0.0 and a.short is None
    assert a.citations and a.citations[0].role == "closest"


@pytest.mark.integration
def test_a_likely_answer_offers_other_sentences_and_a_sure_one_does_not(service):
    for q in ("What does Brightwave make?", "Where is the company's factory?", "When was Brightwave founded?",
              "Who chose Voss?", "How much did Brightwave sell last year?"):
        a = service.answer(q)
        if a.abstained:
            continue
        if a.level in (Level.LIKELY, Level.DOUBTFUL):  # a doubtful one shows the next best too
            assert a.alternatives and all(c.role == "alternative" for c in a.alternatives)
            assert {c.index for c in a.alternatives}.isdisjoint({c.index for c in a.citations})
        else:
            assert a.level == Level.SURE and not a.alternatives
