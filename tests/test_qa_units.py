"""Fast tests of the answer step's pure parts: fusion, follow-ups, question analysis, evidence, abstention."""
from __future__ import annotations

import pytest

from ingest.errors import QuestionError
from qa import chitchat, meta
from qa.abstain import Signals, decide
from qa.evidence import fits, names_missing
from qa.filters import Filters, date_ord
from qa.followup import resolve
from qa.pipeline import validate
from qa.question import AGE, DATE, NUMBER, analyze
from qa.retrieve import rrf


def flat_idf(term: str) -> float:
    return 1.0


def test_rrf_rewards_agreement_between_rankings():
    scores = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert scores["c"] == pytest.approx(1 / 63)
    assert max(scores, key=scores.get) in {"a", "b"} and scores["d"] < scores["a"]


def test_standalone_question_is_not_rewritten():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": "Former US Special Envoy Jonathan Winer said so [1]"}]
    assert resolve("Where is Tartus?", history).searched == "Where is Tartus?"
    assert resolve("hi", history).searched == "hi"


def test_pronoun_follow_up_takes_the_person_of_a_who_is_question():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": "Former US Special Envoy to Libya Jonathan Winer commented [1]"}]
    r = resolve("What did he say about ports?", history)
    assert r.searched == "What did Jonathan Winer say about ports?"
    assert r.context == ("Jonathan Winer",)


def test_possessive_follow_up_takes_the_person_the_answer_named():
    history = [{"role": "user", "content": "Who visited Lakeside on May 3?"},
               {"role": "assistant", "content": "Mayor Ilse Brandt visited Lakeside on May 3 [1]"}]
    assert resolve("What was her position?", history).searched == "What was Mayor Ilse Brandt's position?"


def test_follow_up_about_a_thing_appends_the_context_names():
    history = [{"role": "user", "content": "What was the home port of the Admiral Kuznetsov?"},
               {"role": "assistant", "content": "Its home port of Severomorsk [1]"}]
    r = resolve("What war did it take part in?", history)
    assert r.searched.startswith("What war did it take part in?") and "Admiral Kuznetsov" in r.searched


def test_follow_up_without_history_stays_as_it_is():
    assert resolve("What was his position?", []).searched == "What was his position?"


def test_history_accepts_gradio_message_dicts_with_html_and_markers():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": [{"type": "text", "text": "<b>Envoy</b> Jonathan Winer [1]"}]}]
    assert "Jonathan Winer" in resolve("What did he say?", history).searched


def test_question_analysis_finds_names_and_wanted_kind():
    q = analyze("How many Russian soldiers are stationed in Tartus?", flat_idf)
    assert q.wants == NUMBER and q.counted[-1] == "soldier"
    assert "Tartus" in q.names
    assert analyze("When did the bridge open?", flat_idf).wants == DATE
    assert analyze("How old is Ilse Brandt?", flat_idf).wants == AGE
    assert analyze("Who is Ilse Brandt?", flat_idf).wants is None


def test_general_words_weigh_little():
    q = analyze("What does Russia want to build in Tobruk?", lambda t: 2.0)
    assert q.weights["want"] < q.weights["tobruk"]


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


def _signals(**kw) -> Signals:
    base = dict(missing_names=(), semantic=0.6, coverage=0.9, context_coverage=0.9, fits=True, agreement=True)
    base.update(kw)
    return Signals(**base)


def test_abstains_when_a_name_of_the_question_is_missing():
    q = analyze("What did China say?", flat_idf)
    d = decide(q, _signals(missing_names=("China",)))
    assert d.abstain and "China" in d.reason


def test_abstains_when_the_wanted_kind_of_answer_is_absent():
    q = analyze("How deep is the harbour?", flat_idf)
    d = decide(q, _signals(fits=False))
    assert d.abstain and "number" in d.reason


def test_answers_when_evidence_covers_the_question():
    q = analyze("Where is the harbour?", flat_idf)
    assert not decide(q, _signals()).abstain


def test_semantic_agreement_rescues_a_paraphrase_but_not_an_unrelated_sentence():
    q = analyze("What does Russia want to build?", flat_idf)
    assert not decide(q, _signals(coverage=0.3, context_coverage=0.3, semantic=0.6)).abstain
    assert decide(q, _signals(coverage=0.2, context_coverage=0.2, semantic=0.2, agreement=False)).abstain


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


def test_an_organisation_needs_more_than_its_generic_last_word():
    q = analyze("How many people does Luar Foundation employ?", flat_idf)
    assert names_missing(q, "The Bernor Foundation employs 300 people.") == ["Luar Foundation"]
    assert names_missing(q, "The Luar Foundation employs 300 people.") == []


def test_a_sentence_naming_the_subject_without_the_relation_is_no_answer():
    from qa.abstain import relation_coverage

    q = analyze("Who is the mayor of Pellendorf?", flat_idf)
    assert relation_coverage(q, "Speaking in Pellendorf, the minister praised the bridge.") == 0.0
    assert relation_coverage(q, "Anna Roth, the mayor of Pellendorf, opened the bridge.") == 1.0
    d = decide(q, _signals(relation=0.0, semantic=0.3))
    assert d.abstain


def test_compound_words_match_their_head():
    from qa.text import terms_match

    assert terms_match("summer", "midsummer") and terms_match("russia", "russian")
    assert not terms_match("train", "restraint") and not terms_match("port", "support")


def test_the_head_of_each_ranking_survives_fusion():
    from types import SimpleNamespace

    from ingest.store import StoredPassage
    from qa.retrieve import HybridSearch

    def passage(name: str) -> StoredPassage:
        return StoredPassage(id=name, source="a.txt", content_hash="h", index=0, start=0, end=1, text=name,
                             sentences=())

    vector = [passage(n) for n in "ABCDEFGH"]
    keyword = [passage("Z")] + vector[7:0:-1]  # Z first by keywords, then the vector list reversed
    snap = SimpleNamespace(is_current=lambda p: True, mask=lambda f: None, passages=keyword,
                           bm25_search=lambda terms, k, mask: [(i, 10.0 - i) for i in range(len(keyword))])
    store = SimpleNamespace(vector_search=lambda vec, k, where: [(p, 0.9) for p in vector])
    corpus = SimpleNamespace(snapshot=lambda: snap, store=store)
    embedder = SimpleNamespace(embed_query=lambda q: [1.0, 0.0])

    got = [r.passage.id for r in HybridSearch(corpus, embedder, k=8).search("q", limit=3).passages]
    assert "Z" in got and "A" in got and len(got) == 3
