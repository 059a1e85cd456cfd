"""qa/compose/rival.py: an answer set in an earlier year beside the story's own answer in its lead."""
from __future__ import annotations

from dataclasses import replace

from qa.compose.rival import story_rival
from qa.question import analyze
from support import scored_sentence


def _sentence(text: str, passage: int, index: int, fits: bool = True):
    return scored_sentence(text, index, f"a.txt#v1#{passage}", start=1000 * passage + 100 * index, fits=fits)


EARLIER = _sentence("Eastmoor was fined £240,000 in 2019 for a smaller spill into the River Wendle.", 5, 1)
LEAD = _sentence("A water company has been fined £1.8 million after sewage poured into the river.", 0, 1)


def test_the_lead_is_cited_beside_an_answer_set_in_an_earlier_year():
    q = analyze("how much was eastmoor fined?", lambda t: 1.0)
    assert story_rival([EARLIER, LEAD], EARLIER, q) is LEAD


def test_a_question_that_asks_about_that_year_has_no_rival():
    q = analyze("how much was eastmoor fined in 2019?", lambda t: 1.0)
    assert story_rival([EARLIER, LEAD], EARLIER, q) is None


def test_a_sentence_other_than_the_lead_is_no_rival():
    costs = _sentence("The judge fined the company and ordered it to pay £96,000 in costs.", 0, 2)
    q = analyze("how much was eastmoor fined?", lambda t: 1.0)
    assert story_rival([EARLIER, costs], EARLIER, q) is None


def test_a_lead_without_the_kind_of_answer_asked_is_no_rival():
    q = analyze("how much was eastmoor fined?", lambda t: 1.0)
    assert story_rival([EARLIER, replace(LEAD, fits=False)], EARLIER, q) is None


def test_a_best_answer_set_in_no_year_has_no_rival():
    now = _sentence("Eastmoor was fined £1.8 million on Thursday.", 1, 0)
    q = analyze("how much was eastmoor fined?", lambda t: 1.0)
    assert story_rival([now, LEAD], now, q) is None


def test_a_when_question_has_no_rival_the_year_is_its_answer():
    q = analyze("when was eastmoor fined?", lambda t: 1.0)
    assert story_rival([EARLIER, LEAD], EARLIER, q) is None


def test_a_name_typed_in_lower_case_is_no_word_the_two_share():
    founded = _sentence("Telma, founded in 1921 in the port city of Aarhus, employs about 9,000 people.", 3, 0)
    lead = _sentence("Norvik said it had agreed to buy its rival Telma for $4.2 billion in cash.", 0, 1)
    q = analyze("how many people work at telma", lambda t: 1.0)
    assert story_rival([founded, lead], founded, q) is None
