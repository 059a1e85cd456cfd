"""A change told from one figure to another settles which way it goes, and whether the new figure passes a bound
(qa/compose/change.py, through yes_no)."""
from __future__ import annotations

import pytest

from qa.compose.change import change_verdict
from qa.compose.yesno import yes_no

FEES = "The rest will come from a bank loan, and adult membership fees will rise from £210 to £245 a year from January."
HOURS = "Opening hours at Hensby will rise from 32 to 58 a week."
BERTH = "The annual fee for a ten-metre berth will go up from £1,450 to £2,030."


@pytest.mark.parametrize("question, sentence, expected", [
    ("will membership get more expensive", FEES, "Yes"),
    ("will membership get cheaper", FEES, "No"),
    ("will hensby be open more hours than it is now", HOURS, "Yes"),
    ("will hensby be open fewer hours", HOURS, "No"),
    ("will staffed hours go up", "Staffed hours will fall from 32 to 20 a week.", "No"),
    ("did the population grow", "The population fell from 5,000 to 4,200 between 2010 and 2020.", "No"),
    ("is a 10m berth going to cost over 2k a year now", BERTH, "Yes"),
    ("will a berth cost less than £2,000", BERTH, "No"),
    ("will a berth cost more than £3,000", BERTH, "No"),
])
def test_a_change_from_one_figure_to_another_settles_which_way_it_goes(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence", [
    ("will fees go up", "Fees could rise from £210 to £245."),  # only possible
    ("will the journey get more expensive", "Journey times will rise from 20 to 30 minutes."),  # not a sum
    ("will bus fares go up", "Parking charges will rise from £2 to £3."),  # another thing's
    ("were fees higher before", FEES),  # the old figure asked about
])
def test_a_change_not_certain_not_of_the_thing_asked_or_not_the_only_one_settles_nothing(question, sentence):
    assert yes_no(question, sentence) is None


@pytest.mark.parametrize("sentence", [
    "The club said fees would not rise from £210 to £245 as feared.",  # denied: the claim's own clause decides
    "Fees will rise from £210 to £245 and rents will fall from £900 to £850.",  # two changes: which is whose
])
def test_a_change_denied_or_one_of_two_is_left_to_the_claims_own_clause(sentence):
    assert change_verdict("will fees go up", sentence) is None
