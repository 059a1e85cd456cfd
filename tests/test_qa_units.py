"""Fast tests of the answer step's pure parts: fusion, question analysis, evidence, abstention."""
from __future__ import annotations

import pytest

from core.errors import QuestionError
from qa.conversation import chitchat, meta
from qa.judgment.abstain import decide
from qa.judgment.evidence import Scored, Selection
from qa.judgment.features import fits, names_missing, relation_coverage
from qa.retrieval.filters import Filters, date_ord
from qa.request import check_question as validate
from qa.question import AGE, DATE, NUMBER, analyze
from qa.retrieval.retrieve import rrf
from qa.types import Level


def flat_idf(term: str) -> float:
    return 1.0


def test_rrf_rewards_agreement_between_rankings():
    scores = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["c"] == pytest.approx(1 / 63)
    assert max(scores, key=scores.get) in {"a", "b"} and scores["d"] < scores["a"]


def test_names_from_earlier_turns_are_not_required_of_the_evidence():
    parsed = analyze("Where are they based? (Jonathan Winer)", flat_idf, context=("Jonathan Winer",))
    assert parsed.names == ()
    assert names_missing(parsed, "The envoys are based in Tunis.") == []


def test_question_analysis_finds_names_and_wanted_kind():
    q = analyze("How many Russian soldiers are stationed in Tartus?", flat_idf)
    assert q.wants == NUMBER and q.counted[-1] == "soldier"
    assert "Tartus" in q.names
    assert analyze("When did the bridge open?", flat_idf).wants == DATE
    assert analyze("How old is Ilse Brandt?", flat_idf).wants == AGE
    assert analyze("Who is Ilse Brandt?", flat_idf).wants is None


def test_how_many_needs_a_number_with_the_counted_thing():
    q = analyze("How many bridges does Lakeside have?", flat_idf)
    assert fits(q, "Lakeside has three bridges over the river.")
    assert not fits(q, "Lakeside has three parks.")
    assert not fits(q, "Lakeside has bridges over the river.")


def test_age_and_date_questions_need_an_age_or_a_date():
    assert not fits(analyze("How old is Ilse Brandt?", flat_idf), "Ilse Brandt is the mayor of Lakeside.")
    assert fits(analyze("How old is Ilse Brandt?", flat_idf), "Ilse Brandt, aged 54, is the mayor.")
    assert fits(analyze("When did the bridge open?", flat_idf), "The bridge opened in March 2021.")
    assert not fits(analyze("When did the bridge open?", flat_idf), "The bridge opened with a ceremony.")


def test_names_missing_from_the_evidence_are_reported():
    q = analyze("What did China say about the Haftar-Putin meeting?", flat_idf)
    assert names_missing(q, "Haftar met Putin in Moscow.") == ["China"]
    assert names_missing(analyze("Who won the 2022 World Cup?", flat_idf), "The World Cup was won in 2018.") == [
        "2022 World Cup"]


def _best(text: str, passage: str | None = None, missing: tuple[str, ...] = (), fits: bool = True) -> Scored:
    passage = passage or text
    return Scored(passage_rank=0, passage_id="a#1#0", source="a.txt", start=0, end=len(text), text=text,
                  passage_start=0, passage_end=len(passage), passage_text=passage, semantic=0.5, coverage=0.5,
                  context_coverage=0.5, fits=fits, score=0.5, missing=missing)


def _selected(best: Scored, p_answerable: float, confidence: float = 0.5) -> Selection:
    return Selection([best], None, p_answerable, confidence)


def test_the_judges_probability_decides_and_the_reason_names_a_missing_name():
    q = analyze("What did China say?", flat_idf)
    best = _best("Haftar met Putin in Moscow.", missing=("China",))
    assert not decide(q, _selected(best, 0.7), threshold=0.4, sure=0.8).abstain
    d = decide(q, _selected(best, 0.2), threshold=0.4, sure=0.8)
    assert d.abstain and d.support == 0.2 and "never mention China" in d.reason and d.level == Level.REFUSED


def test_an_answer_is_sure_or_likely_by_its_confidence():
    q = analyze("Who designed the bridge?", flat_idf)
    best = _best("Ana Roth designed the bridge.")
    assert decide(q, _selected(best, 0.9, confidence=0.85), threshold=0.4, sure=0.8).level == Level.SURE
    likely = decide(q, _selected(best, 0.9, confidence=0.6), threshold=0.4, sure=0.8)
    assert likely.level == Level.LIKELY and not likely.abstain and likely.confidence == 0.6


def test_the_reason_names_the_wanted_kind_of_answer_when_it_is_absent():
    q = analyze("How deep is the harbour?", flat_idf)
    d = decide(q, _selected(_best("The harbour is sheltered.", fits=False), 0.1), threshold=0.4, sure=0.8)
    assert d.abstain and "no number" in d.reason


def test_the_reason_quotes_the_question_words_the_closest_passage_lacks():
    q = analyze("Who designed the bridge?", flat_idf)
    d = decide(q, _selected(_best("The bridge opened in 2021."), 0.1), threshold=0.4, sure=0.8)
    assert d.abstain and "“designed”" in d.reason and "bridge" not in d.reason


def test_questions_about_the_article_itself_are_recognized():
    assert meta.kind("What is the date of the article?") == "date"
    assert meta.kind("When was this article published?") == "date"
    assert meta.kind("What is this article about?") == "about"
    assert meta.kind("Which research company published the report on Wagner?") is None
    assert meta.kind("What date did the bridge open?") is None


def test_small_talk_gets_a_reply_and_questions_do_not():
    assert chitchat.reply("Hi!") and chitchat.reply("thank you")
    assert chitchat.reply("Who is the mayor?") is None


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "\u200b"])
def test_empty_question_is_refused(question):
    with pytest.raises(QuestionError, match="empty question"):
        validate(question, 2000)


def test_too_long_question_is_refused_with_the_limit():
    with pytest.raises(QuestionError, match="10000 characters, the limit is 2000"):
        validate("why " * 2500, 2000)


def test_odd_unicode_is_normalized_not_refused():
    assert validate("Who is “Haftar”\u00a0?", 2000) == 'Who is "Haftar" ?'


def test_filters_build_chroma_where_and_refuse_bad_dates():
    f = Filters.of(sources=["a.txt"], since="2023-01-01", until="2023-12-31")
    assert f.chroma_where() == {"$and": [{"source": {"$in": ["a.txt"]}}, {"date_ord": {"$gte": 20230101}},
                                         {"date_ord": {"$lte": 20231231}}]}
    assert Filters.of().chroma_where() is None
    assert date_ord("2023-11-06") == 20231106
    with pytest.raises(QuestionError, match="YYYY-MM-DD"):
        Filters.of(since="last week")


def test_how_long_needs_a_length_or_a_duration_not_any_number():
    q = analyze("How long is the bridge?", flat_idf)
    assert not fits(q, "The bridge will cost 12 million euros.")
    assert fits(q, "The bridge is 800 metres long.")
    assert fits(analyze("How long did the siege last?", flat_idf), "The siege lasted three months.")
    assert not fits(analyze("How far is Tobruk from Benghazi?", flat_idf), "Tobruk has 120,000 inhabitants.")


def test_a_surname_is_enough_for_a_person_but_numbers_must_all_be_there():
    q = analyze("Where is Khalifa Haftar's headquarters?", flat_idf)
    assert names_missing(q, "Haftar, who has his headquarters in Benghazi") == []
    assert names_missing(analyze("What happened in May 2021?", flat_idf), "In May 2020 the bridge opened.") == [
        "May 2021"]


def test_what_will_it_cost_needs_a_number():
    q = analyze("What will the port cost?", flat_idf)
    assert q.wants == NUMBER
    assert not fits(q, "The port requires extensive construction work.")


def test_a_sentence_naming_the_subject_without_the_relation_is_no_answer():
    from lang.words import terms

    q = analyze("Who is the mayor of Pellendorf?", flat_idf)
    assert relation_coverage(q, set(terms("Speaking in Pellendorf, the minister praised the bridge."))) == 0.0
    assert relation_coverage(q, set(terms("Anna Roth, the mayor of Pellendorf, opened the bridge."))) == 1.0


def test_terms_match_by_stem_not_by_prefix():
    from lang.words import terms

    assert terms("sold") != terms("soldier") and terms("port") != terms("Portugal")
    assert terms("ports") == terms("port")


def test_a_country_its_adjective_and_its_abbreviation_are_one_term():
    from lang.words import terms

    assert terms("the United States") == terms("the US") == terms("American")
    assert terms("Russia") == terms("Russian") and terms("Libya") == terms("Libyan's")
    assert terms("they told us") == terms("they told us about it")  # the pronoun "us" is not the country
    assert not any(t.startswith("zzcountry") for t in terms("they told us"))


def test_a_country_named_differently_in_the_evidence_is_not_missing():
    q = analyze("Why is the United States worried?", flat_idf)
    assert names_missing(q, "The US administration is worried about the port.") == []


def test_capitalized_function_words_are_not_names():
    from lang.words import names

    assert names("Since when has Haftar been Russia's ally?") == ["Haftar", "Russia"]
    assert names("Which ship anchored off Tobruk?") == ["Tobruk"]
    assert names("Although Winer spoke, the US said nothing.") == ["Winer", "US"]


def test_the_head_of_each_ranking_survives_fusion():
    from types import SimpleNamespace

    from ingest.store import StoredPassage
    from qa.retrieval.retrieve import HybridSearch

    def passage(name: str) -> StoredPassage:
        return StoredPassage(id=name, source="a.txt", content_hash="h", index=0, start=0, end=1, text=name,
                             sentences=())

    vector = [passage(n) for n in "ABCDEFGH"]
    keyword = [passage("Z")] + vector[7:0:-1]  # Z first by keywords, then the vector list reversed
    snap = SimpleNamespace(is_current=lambda p: True, sources=lambda f: None,
                           keyword_search=lambda terms, k, sources: keyword[:k])
    store = SimpleNamespace(vector_search=lambda vec, k, where: [(p, 0.9) for p in vector])
    corpus = SimpleNamespace(snapshot=lambda: snap, store=store)
    embedder = SimpleNamespace(embed_query=lambda q: [1.0, 0.0])

    got = [r.passage.id for r in HybridSearch(corpus, embedder, k=8).search("q", limit=3).passages]
    assert "Z" in got and "A" in got and len(got) == 3


def test_a_headline_line_is_not_evidence_but_a_first_sentence_title_is():
    from qa.judgment.evidence import is_headline

    def info(start: int, end: int):
        from core.types import ArticleInfo

        return ArticleInfo(source="a.txt", title="t", date=None, content_hash="h", size_bytes=1, passages=1,
                           sentences=1, ingested_at=0.0, title_start=start, title_end=end, date_start=-1, date_end=-1)

    headline = "Mayor of Elmford faces questions over rail freight"
    assert is_headline(headline, 16, 16 + len(headline), info(16, 16 + len(headline)))
    stated = "The mayor of Elmford, Ana Roth, faced questions on Monday."
    assert not is_headline(stated, 16, 16 + len(stated), info(16, 16 + len(stated)))  # a sentence is a statement
    assert not is_headline(headline, 200, 250, info(16, 66))  # not the title
    assert not is_headline(headline, 16, 66, None)


def test_candidates_skip_the_headline_unless_nothing_else_was_found():
    from types import SimpleNamespace

    import numpy as np

    from core.types import ArticleInfo, Span
    from ingest.store import StoredPassage
    from qa.judgment.evidence import candidates

    text = "Mayor of Elmford faces questions\n\nAna Roth, the mayor of Elmford, said no."
    info = ArticleInfo(source="a.txt", title="Mayor of Elmford faces questions", date=None, content_hash="h",
                       size_bytes=len(text), passages=1, sentences=2, ingested_at=0.0, title_start=0, title_end=32,
                       date_start=-1, date_end=-1)
    both = StoredPassage(id="p0", source="a.txt", content_hash="h", index=0, start=0, end=len(text), text=text,
                         sentences=(Span(0, 32), Span(34, len(text))))
    only_title = StoredPassage(id="p1", source="a.txt", content_hash="h", index=0, start=0, end=32, text=text[:32],
                               sentences=(Span(0, 32),))
    store = SimpleNamespace(sentence_vectors=lambda ps: {p.id: np.ones((len(p.sentences), 2)) for p in ps})

    def retrieval(p):
        return SimpleNamespace(passages=[SimpleNamespace(passage=p, vector_rank=1, bm25_rank=1)],
                               snapshot=SimpleNamespace(articles={"a.txt": info}), query_vector=np.ones(2))

    assert [c.text for c in candidates(retrieval(both), store, 5)] == ["Ana Roth, the mayor of Elmford, said no."]
    assert [c.text for c in candidates(retrieval(only_title), store, 5)] == ["Mayor of Elmford faces questions"]
