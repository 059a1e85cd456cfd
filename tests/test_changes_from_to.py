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
    ("will a berth cost less than £2,000 a year", BERTH, "No"),
    ("will a berth cost more than £3,000 a year", BERTH, "No"),
    ("did membership fall", "Membership fell from 2,400 to 1,900 members between 2019 and 2023.", "Yes"),
    ("will journey times be shorter", "Journey times will be cut from 40 to 30 minutes.", "Yes"),
    ("will the route be longer", "The route will be cut from 300 to 250 km.", "No"),
    ("will fees go down", "Fees will be reduced from £245 to £210.", "Yes"),
])
def test_a_change_from_one_figure_to_another_settles_which_way_it_goes(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence", [
    ("will fees go up", "Fees could rise from £210 to £245."),  # only possible
    ("will the journey get more expensive", "Journey times will rise from 20 to 30 minutes."),  # not a sum
    ("will bus fares go up", "Parking charges will rise from £2 to £3."),  # another thing's
    ("were fees higher before", FEES),  # the old figure asked about
    ("will the waiting time be more than 10 months", "Waiting times will fall from 12 to 8 months."),  # a unit
])
def test_a_change_not_certain_not_of_the_thing_asked_or_not_the_only_one_settles_nothing(question, sentence):
    assert yes_no(question, sentence) is None


@pytest.mark.parametrize("sentence", [
    "The club said fees would not rise from £210 to £245 as feared.",  # denied: the claim's own clause decides
    "Fees will rise from £210 to £245 and rents will fall from £900 to £850.",  # two changes: which is whose
])
def test_a_change_denied_or_one_of_two_is_left_to_the_claims_own_clause(sentence):
    assert change_verdict("will fees go up", sentence) is None


@pytest.mark.parametrize("question, sentence", [
    ("did visitor numbers rise", "Visitor numbers fell sharply from 2019 to 2021."),  # years, not figures
    ("did fees rise by more than £50", "Fees rose from £210 to £245."),  # a bound on the change itself
    ("will the increase be under £10", "The monthly fee will rise from £32 to £38 a month."),
    ("will a year's membership cost more than £400", "Fees will rise from £32 to £38 a month."),  # another period
    ("will a berth cost less than £2,000", BERTH),  # an annual fee against a sum told with no period
    ("will the library be open fewer hours",
     "Staff numbers at the library will fall from 12 to 8, but opening hours will stay the same."),  # another clause
    ("will there be more staff", "Opening hours will rise from 32 to 58 a week, but staff will be cut."),
    ("will a child ticket cost more than £5", "Adult tickets will rise from £4 to £6, while child tickets stay at £3."),
    ("will it get more expensive for pensioners", "The pensioners' discount will be cut from £50 to £20."),  # reversed
    ("will bus journeys be more expensive", "The subsidy for each bus journey will be cut from £2 to £1."),
    ("did prices rise", "Prices rose from 40 to 30 pence."),  # told the wrong way round: misread, not answered
])
def test_a_change_of_years_of_its_own_size_another_period_clause_or_a_price_cut_gives_no_verdict(question, sentence):
    assert change_verdict(question, sentence) is None


@pytest.mark.parametrize("question, sentence, expected", [
    ("so is a 10m berth gonna cost over 2k a year now", BERTH, "Yes"),  # a chat's "so", and "gonna"
    ("and did they appeal", "They lodged an appeal on Monday.", "Yes"),
])
def test_a_chats_so_or_and_and_the_questions_own_going_to_are_read_through(question, sentence, expected):
    assert yes_no(question, sentence) == expected


def test_going_to_still_asks_of_a_plan_outside_sums():
    assert yes_no("is the council going to sell the stadium", "The council has no intention of selling the stadium.") \
        == "No"


# The second review's sentences: another thing's change in the clause, a change undone or only feared, a bound on the
# change itself or a figure asked, another time, another quantity, kilometres.
@pytest.mark.parametrize("question, sentence", [
    ("did visitor numbers rise",
     "Visitor numbers at the Ashby Museum fell by a third last year after entry prices were raised from £5 to £8."),
    ("did membership fall",
     "Membership fell after annual fees rose from £30 to £45."),
    ("did sales go up",
     "Sales dropped when the price went up from £1 to £1.50."),
    ("will fees go up",
     "The council has scrapped a rise in fees from £210 to £245."),
    ("will fees go up",
     "Councillors blocked a move to raise fees from £210 to £245."),
    ("will fees go up",
     "Members will vote on whether fees should rise from £210 to £245."),
    ("will fees go up",
     "Campaigners fear fees will rise from £210 to £245."),
    ("will fees go up",
     "Fees were due to rise from £210 to £245 but the plan was scrapped."),
    ("did fees rise more than £50",
     "Fees rose from £210 to £245."),
    ("is the increase over £50",
     "Fees rose from £210 to £245."),
    ("will council tax go up more than 5%",
     "Council tax will rise from £1,800 to £1,890."),
    ("will fees be higher than £300",
     "Fees will rise from £210 to £245."),
    ("will fees rise to £300",
     "Fees will rise from £210 to £245."),
    ("will fees be cut to £200",
     "Fees will be cut from £245 to £210."),
    ("did fees rise in 2024",
     "Fees rose from £200 to £210 in 2022."),
    ("did the population fall",
     "The population rose from 5,000 to 6,000 in the 1990s but has fallen since."),
    ("has the fee gone up",
     "Fees will rise from £210 to £245 in January."),
    ("will there be more buses",
     "The interval between buses will rise from 10 to 20 minutes."),
    ("will the school get more pupils",
     "The school's pupil premium funding will rise from £50,000 to £60,000."),
    ("will waiting lists be shorter",
     "Funding for waiting list clearance will rise from £2m to £3m."),
    ("will parking charges go up",
     "Parking fines will rise from £50 to £70."),
    ("will the route be over 20k",
     "The route will be extended from 15 to 25 kilometres."),
    ("will the number of complaints rise", "The number of staff handling complaints will be cut from 12 to 8."),
])
def test_the_second_reviews_sentences_give_no_verdict_from_the_change(question, sentence):
    assert change_verdict(question, sentence) is None


def test_a_bound_in_the_period_of_the_sum_is_read():
    assert change_verdict("will rents be under £600 a month", "Rents will rise from £500 to £650 a month.") == "No"


@pytest.mark.parametrize("question, sentence", [
    ("have fees gone up", "Fees fell from £245 to £210 in 2020 and rose to £260 last year."),  # a later change
    ("have fees gone down", "The fee was cut from £245 to £210 in March, then increased again to £250 in June."),
    ("will the journey be under 1 hour", "The journey will be cut from 50 to 45 minutes."),  # a bound not on a sum
    ("will council tax be over 5%", "Council tax will rise from £1,800 to £1,890."),
    ("will fees for over 65s be under £200", "Fees will rise from £210 to £245."),  # a group asked too
    ("will fees be over £240 in 2026", "Fees will rise from £210 to £245 in April 2028."),  # a time asked too
    ("was the fine more than 50k", "The fine was cut on appeal from £80,000 to £40,000."),  # a sum once paid
])
def test_the_third_reviews_sentences_give_no_verdict_from_the_change(question, sentence):
    assert change_verdict(question, sentence) is None


def test_a_past_sum_answers_no_question_of_the_future():
    assert yes_no("is it going to cost more than £5,000", "The repairs cost £6,000 last year.") is None
