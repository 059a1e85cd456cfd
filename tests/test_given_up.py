"""A deed that did not happen, told without a "not" (qa/compose/given_up.py), and "did it make it?" read as survival
(qa/compose/idioms.py); through yes_no."""
from __future__ import annotations

import pytest

from qa.compose.idioms import as_plain
from qa.compose.yesno import yes_no

DEALER = ("Mr Ferrow said a dealer who turned up at his door on Saturday offered him £20,000 for the fragments, "
          "but he turned it down.")
QUARRY = ("The team's commander said they had hoped to lift the shell out and take it to a quarry, but decided on "
          "Wednesday that it was too dangerous to move.")


@pytest.mark.parametrize("question, sentence", [
    ("did he sell the rock to the dealer", DEALER),
    ("did brackley sell to the german firm", "Brackley had turned down an offer last year from Omsen AG, a German rival."),
    ("did they sell the firm", "The owners rejected a £5m offer for the firm."),
    ("did they end up moving it to a quarry", QUARRY),
    ("did they open the pool in may", "The council had planned to open the pool in May, but could not because of a leak."),
])
def test_an_offer_turned_down_or_a_hope_ruled_out_is_no(question, sentence):
    assert yes_no(question, sentence) == "No"


@pytest.mark.parametrize("question, sentence", [
    ("did he sell the rock", "He was offered £20,000 for the rock but turned it down at first, and later sold it."),
    ("did he sell the rock to the museum", "A dealer offered £20,000 for the rock, but he turned it down."),
    ("did they sell the club", "The owners rejected calls to step down and offered fans a meeting."),
    ("did they finish the work", "The team had hoped to finish the work by May, but it took until June."),
])
def test_an_offer_taken_later_another_buyer_or_a_hope_only_delayed_is_no_no(question, sentence):
    assert yes_no(question, sentence) != "No"


@pytest.mark.parametrize("question, expected", [
    ("did the whale make it", "did the whale survive"),
    ("did the dog make it in the end?", "did the dog survive?"),
    ("did he make it to the final", "did he make it to the final"),
    ("did they make it clear", "did they make it clear"),
])
def test_make_it_at_the_end_of_the_claim_is_survive(question, expected):
    assert as_plain(question) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did the whale make it", "The whale died the same night.", "No"),
    ("did the dog make it", "The dog survived the fall.", "Yes"),
])
def test_make_it_is_answered_by_survival(question, sentence, expected):
    assert yes_no(question, sentence) == expected
