"""Yes/no: a thing gone without ("leaving staff without their March wages"), an amount left unsaid by its noun
("did not disclose the value of its offer"), a deed told by its noun ("an application was submitted"), funding as
money and a claim read in the passive; follow-ups: a possessive bound to the question's own subject."""
from __future__ import annotations

import pytest

from qa.compose.lacking import went_without
from qa.compose.yesno import yes_no
from qa.conversation.followup import needs_context, resolve

WAGES = ("WYEMOUTH — Fennimore's, the family-owned bakery chain with 42 shops, has collapsed into administration, "
         "leaving about 460 staff without their March wages.")


@pytest.mark.parametrize("question, sentence, lacked", [
    ("did staff get their march wages", WAGES, True),
    ("were the staff paid", WAGES, True),  # wages are pay
    ("were the drivers paid", "Drivers have gone without pay for six weeks.", True),
    ("did staff get their wages", "No member of staff has been left without their wages, they said.", False),
    ("did staff get their wages", "Staff were left without their wages until Friday, when they were paid.", False),
    ("did managers get their wages", "Managers were paid in full, leaving staff without their wages.", False),
    ("did the village have power", "Engineers restored power to the village, which had been without power.", False),
    ("did staff get their wages", "The company denied leaving staff without their wages.", False),
    ("did the drivers get paid", "Drivers ran services without pay rises for six years.", False),  # rises, not pay
    ("did staff get their wages", "Staff were left without their wages again, the union alleged.", False),
    ("did the village have power", "The storm left 300 homes in the village without power for two days.", True),
    ("did staff get their wages", "Staff could be left without their wages.", False),  # only feared
    ("did the shops get their deliveries", "Staff without their wages blamed the shops.", False),  # another's lack
    ("did staff get a bonus", WAGES, False),  # another thing
    ("did staff get their wages", "Staff were paid without delay.", False),
])
def test_a_thing_gone_without_denies_having_it(question, sentence, lacked):
    assert went_without(question, sentence) is lacked


def test_gone_without_answers_no():
    assert yes_no("did staff get their march wages", WAGES) == "No"
    assert yes_no("did staff get their march wages", "Staff got their March wages on Friday.") == "Yes"


@pytest.mark.parametrize("question, sentence, verdict", [
    ("has ovenbrook said how much its offering", "Ovenbrook did not disclose the value of its offer.", "No"),
    ("has ovenbrook said how much it is offering", "Ovenbrook did not disclose the price of its offer.", "No"),
    ("has ovenbrook said how many shops it wants", "Ovenbrook did not disclose the value of its offer.", None),
    ("has ovenbrook said how much its offering", "Ovenbrook said the value of its offer was £2m.", None),
    ("has ovenbrook said how much it is offering", "Ovenbrook did not say the size of its offer had changed.", None),
    ("has the council said how much it will cost", "The council did not disclose the cost of the fees.", None),
])
def test_an_amount_left_unsaid_by_its_noun_answers_whether_it_was_said(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, follows_up", [
    ("has the ombudsman published its findings yet", False),
    ("did the tenants get their money back", False),
    ("what did the council say about its plans", True),  # after "about": maybe another's
    ("has the club appealed against its decision", True),  # the decision appealed is another's
    ("did the minister criticise its decision", True),  # a person's "its" is some body's
    ("did the union accept its offer", True),  # an offer accepted is another's
    ("has it published its findings", True),
    ("did the vote change their minds", True),  # "their" is not the vote's
    ("did the ministers publish its report", True),  # nor "its" the ministers'
])
def test_a_possessive_of_the_questions_own_subject_points_at_nothing_earlier(question, follows_up):
    assert needs_context(question) is follows_up


def test_a_follow_up_with_its_own_subject_is_searched_as_asked():
    history = [{"role": "user", "content": "did the council find anything when it inspected the flats"},
               {"role": "assistant", "content": "The council's team found hazards in nine of them. [1]"}]
    asked = "has the ombudsman published its findings yet"
    assert resolve(asked, history).searched == asked


PLANNING = ("A planning application for the new base was submitted to the district council last week, and a decision "
            "is expected in May.")


@pytest.mark.parametrize("question, sentence, done", [
    ("have they applied for planning permission for the new base yet", PLANNING, True),
    ("has the club appealed", "The club lodged an appeal on Friday.", True),
    ("has the council apologised", "The council issued an apology to residents.", True),
    ("did residents complain", "Residents made 40 complaints to the council.", True),
    ("has the club appealed", "The club is expected to lodge an appeal.", False),  # planned
    ("has the club appealed", "The club has until Friday to lodge an appeal.", False),  # still to do
    ("has the club appealed", "No appeal was lodged by the club.", False),  # denied
    ("has the council apologised", "Residents asked the council to issue an apology.", False),  # asked of it
    ("has the council apologised", "The union issued an apology to residents.", False),  # another's deed
    ("have they applied for a licence", PLANNING, False),  # another thing applied for
    ("has the club appealed", "An appeal was lodged by the club on Friday.", True),
    ("has the council apologised", "The council has stopped short of issuing an apology.", False),
    ("has the company apologised", "A former company director issued an apology.", False),  # a director's
    ("has the council apologised", "An apology was issued to the council by the developer.", False),  # to it
    ("has the company complained", "Customers made complaints to the company.", False),
    ("has the club appealed", "Rivals United lodged an appeal against the club's promotion.", False),
    ("has the club appealed", "A fan lodged an appeal on behalf of the club.", False),
])
def test_a_deed_told_by_its_noun_and_a_verb_of_doing_it_was_done(question, sentence, done):
    from qa.compose.by_noun import done_as_noun

    assert done_as_noun(question, sentence) is done


def test_a_deed_told_by_its_noun_answers_yes():
    assert yes_no("have they applied for planning permission for the new base yet", PLANNING) == "Yes"


def test_funding_is_money():
    assert yes_no("does the team get any government money", "The team receives no government funding.") == "No"
    assert yes_no("does the team get any government money", "The team receives government funding.") == "Yes"


@pytest.mark.parametrize("question, sentence, verdict", [
    ("does the minister support the trial", "However, the trial has been opposed by the Local Government Minister, "
     "Adrian Fellgate, who wrote to the council in June urging it to end the scheme.", "No"),
    ("does the minister support the trial", "The trial has been supported by the minister.", "Yes"),
    ("does the union support the trial", "The trial has been opposed by the minister.", None),  # another's view
    ("was the trial opposed by the minister", "The trial has been opposed by the minister.", "Yes"),
    ("does the minister support the trial", "The trial has been opposed by the minister's predecessor.", None),
    ("does the minister support the trial", "The trial would be opposed by the minister, aides said.", None),
    ("does the minister support the plan", "The plan is opposed by the shadow minister.", None),
    ("does the minister support the plan", "The plan was once opposed by the minister but he has since changed his "
     "mind.", None),
    ("does the minister support the trial", "The trial had been opposed by the minister until last week.", None),
])
def test_a_claim_asked_in_the_active_is_read_in_the_passive_by_its_doer(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_and_then_goes_on_from_the_last_answers_sentence_whatever_came_around_it():
    told = ("Next, the article says: Fellow runners gave him CPR until paramedics arrived. [1] (after “Callum "
            "Reddaway, a geography teacher at Eastwick Park…” [2]) ")
    history = [{"role": "user", "content": "what happened after callum redaway collapsed"},
               {"role": "assistant", "content": told}]
    assert resolve("and then?", history).searched == \
        "What happened after Fellow runners gave him CPR until paramedics arrived?"
    # The short phrase an answer opens with, its markers gone from the chat's history, is not the event.
    short = [{"role": "user", "content": "what happened to her"},
             {"role": "assistant", "content": "Injured. The volunteer Hannah Lusk was injured on the descent."}]
    assert resolve("and then?", short).searched == \
        "What happened after the volunteer Hannah Lusk was injured on the descent?"
