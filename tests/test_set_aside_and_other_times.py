"""A yes/no claim the sentence sets aside for another ("rather than turn up": No), and a Yes the sentence only seems
to give: another of the kind asked about ("a similar bus ran"), a time gone by for what is asked of now, a span of
time in another unit (qa/compose/instead.py, qa/compose/other_time.py, lang/paraphrase.py; through yes_no)."""
from __future__ import annotations

import pytest

from lang.paraphrase import said_for
from qa.compose.yesno import yes_no

BOOK = "Patients will have to book through a phone line rather than turn up, because the board wants to stop queues."
REPAIR = "The council will repair the bridge rather than replace it."
SALTBY = "A similar bus ran in Saltby for eight months last year and treated 5,400 patients."


@pytest.mark.parametrize("question, sentence, expected", [
    ("can i just turn up at the bus", BOOK, "No"),
    ("will the council replace the bridge", REPAIR, "No"),
    ("will the council repair the bridge", REPAIR, "Yes"),
    ("will they repair the bridge", "They will repair the road rather than the bridge.", "No"),
    ("will the money go to roads", "The money will go to schools instead of roads.", "No"),
    ("is the bridge being replaced", "The bridge will be repaired rather than replaced, the council said.", "No"),
])
def test_what_comes_after_rather_than_or_instead_of_is_not_done(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence", [
    ("is the bus running rn", SALTBY),
    ("did the bus run", SALTBY),
    ("is the bus running", "A bus ran in Saltby for eight months last year."),
    ("is the ferry operating", "The ferry operated between the islands until last year."),
    ("did they find it this year", "The find was reported within the 14-day legal deadline."),
    ("will the trains run on sunday", "Last year, buses ran instead of trains on Sunday."),
    ("does the cafe open on mondays", "Last year the cafe opened on Mondays."),
    ("can you swim in the lake", "People swam in the lake until 2019."),
    ("is the ferry running", "In 2019, the ferry ran twice a day."),
    ("can you swim in the lake", "People swam in the lake in the 1960s."),
    ("does the train stop at oakley", "The train stopped at Oakley until May 2021."),
])
def test_another_of_its_kind_or_another_time_gives_no_yes(question, sentence):
    assert yes_no(question, sentence) is None


@pytest.mark.parametrize("question, sentence", [
    ("is the bus running", "The bus is running every Tuesday."),
    ("is the ferry operating", "The ferry has operated between the islands since 2019."),
    ("was there another bus", "Another bus ran in Saltby."),
    ("will the council pay for it", "The council will pay for the repairs, as it did last year."),
    ("does the club meet on tuesdays", "The club meets on Tuesdays, as it has since 1990."),
    ("did the trains run on sunday", "Last year, trains ran on Sunday."),
])
def test_the_same_one_now_or_another_asked_of_is_still_yes(question, sentence):
    assert yes_no(question, sentence) == "Yes"


def test_a_unit_of_time_never_stands_for_another():
    assert said_for("year", {"day", "find"}) is None
    assert said_for("year", {"year"}) == "year"


@pytest.mark.parametrize("question, sentence, expected", [
    ("is the licence permanent", "The trust was granted a five-year licence for the release in July.", "No"),
    ("is the closure permanent", "The council announced a six-month closure of the bridge.", "No"),
    ("is the ban permanent", "The ban runs for three years.", "No"),
    ("is the licence permanent", "The licence is not a five-year licence.", None),
])
def test_a_thing_given_a_fixed_term_is_not_permanent(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    # The state asked is only a thing another verb acts on: no Yes.
    ("is the church roof lead again now", "Two men who stripped the lead from the roof of a village church were jailed.",
     None),
    ("is the museum free", "Entry to the museum is free.", "Yes"),
    ("is the roof lead", "The roof is lead.", "Yes"),
    # A day's event put off is off that day; put off with no day asked, nothing is settled.
    ("is the rugby match on saturday still on", "The club has postponed Saturday's home match against Hallam Vale.", "No"),
    ("is the match on sunday still on", "The club has postponed Saturday's home match against Hallam Vale.", None),
    ("is the fair going ahead", "The club has postponed its fair until June.", None),
    ("is the regatta still going ahead", "The regatta has been cancelled.", "No"),
    ("is the show still on", "The show had been cancelled twice in the past because of rain.", None),
])
def test_a_state_only_acted_on_and_a_days_event_put_off(question, sentence, expected):
    assert yes_no(question, sentence) == expected


REPAIRS = "Repairs to the roof have cost £148,000, but the church's insurance pays out only £7,500 for metal theft."


@pytest.mark.parametrize("question, expected", [
    ("did the repairs cost over 100k", "Yes"),
    ("did the repairs cost over £200,000", "No"),
    ("did the insurance pay out more than £10,000", "No"),
])
def test_a_sum_is_read_in_the_clause_that_holds_what_is_asked(question, expected):
    assert yes_no(question, REPAIRS) == expected


def test_two_sums_in_one_clause_settle_nothing():
    assert yes_no("did the repairs cost over 100k", "Repairs cost £148,000 and £20,000 more for scaffolding.") is None


@pytest.mark.parametrize("question, sentence, expected", [
    ("was anyone killed in the tornado", "No one was seriously hurt.", "No"),
    ("did anyone die", "No one was injured in the crash.", "No"),
    ("was anyone killed", "Two people were hurt.", None),  # hurt need not be killed
    ("did anyone die", "No one was injured in the first blast, but a man died later.", "Yes"),
])
def test_where_no_one_was_hurt_no_one_was_killed(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("are the farmers happy about it", "Farmers in the lower valley have raised concerns.", "No"),
    ("are residents happy with the plan", "Residents have objected to the plan.", "No"),
    ("are residents happy with the plan", "The council said residents were angry about the plan.", "No"),
    ("are the farmers happy about it", "Farmers in the lower valley have not raised concerns.", None),
    ("are residents happy with the plan", "Councillors raised concerns about the plan.", None),  # others
    ("are the farmers happy about the fund", "Farmers raised concerns about the dams.", None),  # another thing
])
def test_content_asked_discontent_told(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    # What a review of these rules found: a choice wished or set on a condition, this one told beside another, a
    # deed going on, an old term, a state after "of", a cancelling undone, a delay of hours, others hurt, a view
    # changed or another's, sums that add up or are disputed.
    ("will the council repair the bridge", "Residents want the council to repair the road rather than the bridge.",
     None),
    ("will they fix the bridge", "If money is short, the council will fix the road rather than the bridge.", None),
    ("did the dog survive", "The dog survived, but another dog was killed.", "Yes"),
    ("are the police investigating", "Police are now actively investigating the attack, which happened two weeks ago.",
     "Yes"),
    ("is the licence permanent", "The new licence replaces a five-year licence that expired in March.", None),
    ("is the bridge steel", "The bridge is made of steel.", "Yes"),
    ("is the concert still on", "The concert had been called off but was reinstated after a new sponsor came forward.",
     None),
    ("is the parade on monday going ahead", "Organisers have postponed Monday's parade until the afternoon.", None),
    ("did anyone die", "No one else was hurt.", None),
    ("are councillors happy with the budget", "Councillors voted for the budget despite criticism from residents.",
     None),
    ("were the players happy with the result", "The players were frustrated with the referee but pleased with the result.",
     None),
    ("did the landlord pay more than £1,000", "The landlord paid £800 in March; he paid another £900 in April.", None),
    ("did the council pay more than £1m", "The council says it paid £500,000, but campaigners claim it paid £2m.", None),
    # A second review.
    ("is the bridge open", "Walkers should use the ferry rather than the bridge, which remains open to pedestrians.",
     None),
    ("is the market running this year", "The market will run for another year.", "Yes"),
    ("are the trains running", "Trains ran normally on Tuesday, a day after the storm that hit two days ago.", "Yes"),
    ("is the parade on sunday still on", "Organisers had postponed Sunday's parade because of rain, but it will now go "
                                         "ahead.", None),
    ("were any animals killed", "No one was hurt in the fire.", None),
    ("are the farmers happy with the plan", "The minister denied that farmers were angry about the plan.", None),
    ("are residents happy", "Some residents have complained about noise.", None),
    # A third review.
    ("will the match be played at home", "The match will be played at Brook Park instead of at home.", "No"),
    ("is the council cutting bin collections", "The council is cutting street cleaning rather than bin collections.",
     "No"),
    ("was anyone killed", "The driver was not hurt.", None),
    ("are the teachers happy with the pay offer", "If teachers are unhappy with the pay offer, they will strike.", None),
    ("did the project cost more than £2m", "The project cost £1.5m, although critics say the true figure is £2.4m.",
     None),
])
def test_what_the_review_of_these_rules_found(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("has the deal actually gone through yet", "The deal was completed on Friday, 30 May.", "Yes"),
    ("has the firm taken on more staff", "The firm has hired 20 new staff.", "Yes"),
    ("did the council look into it", "The council investigated the complaints.", "Yes"),
])
def test_a_phrasal_verb_asked_is_the_one_word_verb_told(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("are there more than 100 people working there", "It employs 142 people at its site.", "Yes"),
    ("are more than 200 people working there", "It employs 142 people at its site.", "No"),
    ("does the pump work", "The firm employs 40 engineers to maintain the pump.", None),  # only a count of people
])
def test_a_count_of_people_working_is_told_by_employs(question, sentence, expected):
    assert yes_no(question, sentence) == expected
