"""qa/judgment/evidence.py: the candidate sentences of the retrieved passages, headlines only as a last resort."""
from __future__ import annotations

import numpy as np

from core.types import ArticleInfo, Span
from ingest.keywords import KeywordIndex
from ingest.store import ArticleStore, StoredPassage
from qa.judgment.evidence import candidates, is_headline
from qa.retrieval.corpus import Snapshot
from qa.retrieval.retrieve import Retrieval, Retrieved


class UnitSentenceVectors(ArticleStore):
    """An ArticleStore whose sentence vectors are all ones (of `dimension`). Nothing else is set up: any other
    call to Chroma would fail."""

    def __init__(self, dimension: int = 2):
        self.dimension = dimension

    def sentence_vectors(self, passages: list[StoredPassage]) -> dict[str, np.ndarray]:
        return {p.id: np.ones((len(p.sentences), self.dimension)) for p in passages}


def info(start: int, end: int) -> ArticleInfo:
    return ArticleInfo(source="a.txt", title="t", date=None, content_hash="h", size_bytes=1, passages=1, sentences=1,
                       ingested_at=0.0, title_start=start, title_end=end, date_start=-1, date_end=-1)


def test_a_headline_line_is_not_evidence_but_a_first_sentence_title_is():
    headline = "Mayor of Elmford faces questions over rail freight"
    assert is_headline(headline, 16, 16 + len(headline), info(16, 16 + len(headline)))
    stated = "The mayor of Elmford, Ana Roth, faced questions on Monday."
    assert not is_headline(stated, 16, 16 + len(stated), info(16, 16 + len(stated)))  # a sentence is a statement
    assert not is_headline(headline, 200, 250, info(16, 66))  # not the title
    assert not is_headline(headline, 16, 66, None)


def test_candidates_skip_the_headline_unless_nothing_else_was_found(tmp_path):
    text = "Mayor of Elmford faces questions\n\nAna Roth, the mayor of Elmford, said no."
    article = ArticleInfo(source="a.txt", title="Mayor of Elmford faces questions", date=None, content_hash="h",
                          size_bytes=len(text), passages=1, sentences=2, ingested_at=0.0, title_start=0,
                          title_end=32, date_start=-1, date_end=-1)
    both = StoredPassage(id="p0", source="a.txt", content_hash="h", index=0, start=0, end=len(text), text=text,
                         sentences=(Span(0, 32), Span(34, len(text))))
    only_title = StoredPassage(id="p1", source="a.txt", content_hash="h", index=0, start=0, end=32, text=text[:32],
                               sentences=(Span(0, 32),))
    store = UnitSentenceVectors()
    snap = Snapshot(generation="g", articles={"a.txt": article}, index=KeywordIndex(tmp_path / "keywords.sqlite"),
                    store=store)

    def retrieval(p: StoredPassage) -> Retrieval:
        return Retrieval(query="q", query_vector=np.ones(2), query_terms=(), snapshot=snap,
                         passages=(Retrieved(passage=p, fused=2 / 61, vector_rank=1, bm25_rank=1),))

    assert [c.text for c in candidates(retrieval(both), store, 5)] == ["Ana Roth, the mayor of Elmford, said no."]
    assert [c.text for c in candidates(retrieval(only_title), store, 5)] == ["Mayor of Elmford faces questions"]


def test_a_phrase_the_question_already_holds_is_never_the_answer():
    from qa.judgment.evidence import echoes_question

    assert echoes_question("Okafor", "When did Ruiz meet Okafor in Lagos?")
    assert echoes_question("the meeting in Lagos", "What happened after the meeting in Lagos?")
    assert not echoes_question("September 28", "When did Ruiz meet Okafor in Lagos?")
    assert not echoes_question("Ruiz", "Whom did Okafor meet in Lagos?")
    assert not echoes_question("", "Who?")
    # An acronym the question asks about, spelled out, is held by the question too (typed in lower case or not).
    assert echoes_question("Office for Workplace Standards", "who is in charge of the OWS?")
    assert echoes_question("Office for Workplace Standards", "who is in charge of the ows")
    assert not echoes_question("World Health Organization", "Who warned about the virus?")  # "who" is a word
    assert not echoes_question("Helena Marsh", "Who runs the OWS?")


def test_a_wire_storys_date_line_is_never_the_answer_phrase():
    from qa.judgment import judge as judges
    from qa.judgment.evidence import Scored, answer_phrase
    from qa.judgment.features import Candidate
    from qa.judgment.reader import Reading
    from qa.question import analyze

    text = "ASHBY — The retailer Corvel said on Tuesday that hackers led by Ivo Brandt had stolen its data."
    sentence = Candidate(passage_rank=0, passage_id="a#h#0", source="a.txt", start=0, end=len(text), text=text,
                         passage_start=0, passage_end=len(text), passage_text=text, index=0, cosine=0.5,
                         passage_vector_rank=1, passage_bm25_rank=1)
    q = analyze("who were the hackers behind the attack", lambda t: 1.0)

    def read(start: int, end: int) -> Scored:
        return Scored(sentence, coverage=1.0, context_coverage=1.0, fits=True, score=0.9, confidence=0.95,
                      reading=Reading(relevance=5.0, phrase_start=start, phrase_end=end, phrase_p=0.95,
                                      no_phrase_p=0.01))

    judge = judges.load()
    assert answer_phrase(q, read(0, 5), 0.95, judge) is None  # "ASHBY"
    name = text.index("Ivo Brandt")
    found = answer_phrase(q, read(name, name + len("Ivo Brandt")), 0.95, judge)
    assert found is not None and found.text == "Ivo Brandt"


def test_a_measure_asked_is_shown_in_bold_only_with_its_unit():
    from qa.judgment import judge as judges
    from qa.judgment.evidence import Scored, answer_phrase
    from qa.judgment.features import Candidate
    from qa.judgment.reader import Reading
    from qa.question import analyze

    text = "The council will tear down the 92-year-old bridge, and the work is expected to take about three years."
    sentence = Candidate(passage_rank=0, passage_id="a#h#0", source="a.txt", start=0, end=len(text), text=text,
                         passage_start=0, passage_end=len(text), passage_text=text, index=0, cosine=0.5,
                         passage_vector_rank=1, passage_bm25_rank=1)

    def phrase(question: str, found: str):
        start = text.index(found)
        read = Scored(sentence, coverage=1.0, context_coverage=1.0, fits=True, score=0.9, confidence=0.95,
                      reading=Reading(relevance=5.0, phrase_start=start, phrase_end=start + len(found),
                                      phrase_p=0.95, no_phrase_p=0.01))
        return answer_phrase(analyze(question, lambda t: 1.0), read, 0.95, judges.load())

    assert phrase("how long is the bridge", "92-year-old") is None  # an age, not a length
    assert phrase("how long will the work take", "about three years").text == "about three years"
    assert phrase("how old is the bridge", "92-year-old").text == "92-year-old"
