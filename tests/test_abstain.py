"""qa/judgment/abstain.py: answer or refuse by the judge's probability, how sure, and a reason a reader can check."""
from __future__ import annotations

from qa.judgment.abstain import decide
from qa.judgment.evidence import Scored, Selection
from qa.question import analyze
from qa.types import Level


def flat_idf(term: str) -> float:
    return 1.0


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
