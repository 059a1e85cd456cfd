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
    ("did the owners sell the firm", "The owners rejected a £5m offer for the firm."),
    ("did they end up moving it to a quarry", QUARRY),
    ("did they move the shell", "Army experts had hoped to move the shell, but it was too dangerous."),
    ("did they open the pool in may", "The council had planned to open the pool in May, but could not because of a leak."),
])
def test_an_offer_turned_down_or_a_hope_ruled_out_is_no(question, sentence):
    assert yes_no(question, sentence) == "No"


@pytest.mark.parametrize("question, sentence", [
    ("did he sell the rock", "He was offered £20,000 for the rock but turned it down at first, and later sold it."),
    ("did he sell the rock to the museum", "A dealer offered £20,000 for the rock, but he turned it down."),
    ("did they sell the club", "The owners rejected calls to step down and offered fans a meeting."),
    ("did they finish the work", "The team had hoped to finish the work by May, but it took until June."),
    ("did he sell the house", "He rejected an offer of £200,000 and sold the house to his neighbour instead."),
    ("did she agree to the deal", "She turned down the first offer, then agreed to a deal worth £3m."),
    ("did the board accept the offer", "Shareholders rejected the offer, but the board had already accepted it."),
    ("did the family accept the offer", "Neighbours rejected the offer, but the family took it."),
    ("did the farmer sell the land", "A developer offered the farmer £1m for the land, but the council rejected the plans."),
    ("did the firm accept the bid", "The firm has not rejected the bid, a spokesman said."),
    ("did the firm accept the bid", "The firm denied reports that it had rejected the bid."),
    ("did they open the cafe", "They had planned to open the cafe in May, but delays meant it could not open until July."),
    ("did they hold the festival", "They had planned to hold the festival in the park, but it was moved to the beach instead."),
    ("did he retire", "He had originally planned to retire in 2020, but decided against it and retired in 2023."),
    ("did she swim the channel", "She had hoped to swim it in one go, but the tide made that impossible, so she swam it twice."),
    ("was she home for christmas", "She had hoped to be home for Christmas, but doctors said it was too early to say."),
    ("did he sell the rock", "He turned down a £20,000 bid from a dealer, but a museum bought the rock for £25,000."),
    ("did they close the road", "Officers had hoped to avoid closing the road, but the damage was too severe."),
    ("did she finish the race", "She had hoped to finish the race in under four hours, but an injury made that impossible."),
    ("did they launch the boat", "They had planned to launch the boat on Saturday, but the river was too high, and it went "
     "in the water on Monday."),
])
def test_an_offer_taken_after_all_refused_by_another_or_a_hope_only_put_off_is_no_no(question, sentence):
    assert yes_no(question, sentence) != "No"


@pytest.mark.parametrize("question, expected", [
    ("did the whale make it", "did the whale survive"),
    ("did the dog make it in the end?", "did the dog survive?"),
    ("did he make it to the final", "did he make it to the final"),
    ("did they make it clear", "did they make it clear"),
])
def test_make_it_at_the_end_of_the_claim_is_survive(question, expected):
    assert as_plain(question, "The whale died.") == expected


def test_make_it_is_left_as_asked_where_a_survival_did_not_last():
    assert as_plain("did the pilot make it", "The pilot survived the crash but died two days later.") == \
        "did the pilot make it"


@pytest.mark.parametrize("question, sentence, expected", [
    ("did the whale make it", "The whale died the same night.", "No"),
    ("did the dog make it", "The dog survived the fall.", "Yes"),
])
def test_make_it_is_answered_by_survival(question, sentence, expected):
    assert yes_no(question, sentence) == expected
