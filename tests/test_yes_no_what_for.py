"""Yes or no on what a deed is "to" do: "did the council vote to close the library?" is not answered Yes by "voted to
keep the library open" (another bid), "can councils pay to keep lights on?" is by "will be able to pay £95 … to keep
lights on" (what the paying is for), and "will the beer stop being made?" is No by "would continue to be made"."""
from __future__ import annotations

import pytest

from qa.compose.yesno import yes_no


@pytest.mark.parametrize("question, sentence, verdict", [
    ("did the council vote to close the library", "The council voted to keep the library open.", None),
    ("did the council vote to close the library", "The council voted to shut the library.", "Yes"),
    ("did the council vote to close the library", "The council did not vote to close the library.", "No"),
    ("did the members vote to strike", "The members voted by 80 percent to accept the offer.", None),
    ("can parish councils pay to keep lights on", "Parish councils will be able to pay £95 a year to keep lights on.",
     "Yes"),
    ("did the council pay to fix the road", "The council paid £5,000 to fix the bridge.", None),
    ("did the council vote to close the library", "The council voted to close and sell the pool.", None),
    ("will the beer stop being made", "The beer will continue to be made at Farrowgate.", "No"),
    ("will the bus stop running", "The train will continue to run on the diversion.", None),  # another thing
    ("did the strike stop?", "The strike continued until Friday.", None),  # then it stopped
    ("will the buses stop running?", "Buses will continue to run until 10pm.", None),
    ("did the club stop paying the player?", "The club continued to pay the player's agent.", None),  # another one
    ("did the government pay the rebels?", "The government paid £5m to fight the rebels.", None),  # a thing of the aim
    ("will the beer stop being made", "The company will continue to sell the beer.", None),  # another deed
])
def test_what_a_deed_is_to_do_is_part_of_the_claim(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the cull over", "Once the cull is complete, the farm will be cleansed and disinfected.", None),
    ("is the road open", "When the road is open, buses will return.", None),
    ("is the road open", "Buses will not return until the road is open.", None),
    ("was the road reopened", "When the road was reopened, traffic returned.", "Yes"),  # told as done
    ("is the cull complete", "The cull is complete, and the farm will be cleansed.", "Yes"),
])
def test_a_state_told_only_as_the_time_something_will_happen_is_not_said(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is it still safe to eat eggs", '"Properly cooked poultry and eggs are safe to eat," she said.', "Yes"),
    ("is the road still closed", "The road is closed to all traffic.", "Yes"),
    ("is the road still closed", "The road was closed until May.", None),  # a time gone by
    ("is tom reed still the chairman", "Tom Reed is the former chairman of Carrow Rovers.", None),  # a role held then
    ("is smith still the coach", "Smith is the ex-coach of the club.", None),
    ("is smith still the manager?", "Smith is the manager of Harton FC now, having left Carrow Rovers in May.", None),
])
def test_still_asks_of_now_which_the_present_tells(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_a_deed_told_as_done_before_what_will_follow_is_said():
    assert yes_no("did the bridge collapse", "After the bridge collapsed, trains will be diverted.") == "Yes"
    assert yes_no("is the cull complete", "After the cull is complete, the farm will be cleansed.") is None


def test_a_to_clause_whose_object_is_left_unsaid_says_it_where_the_text_before_names_it():
    q = "has anyone signed up to drive the minibus"
    assert yes_no(q, "31 residents have signed up to drive.", "The scheme would use a minibus.") == "Yes"
    assert yes_no(q, "31 residents have signed up to drive.") is None  # the minibus named nowhere
    assert yes_no("did the council vote to close the library", "Councillors voted on Monday to close.",
                  "The pool has lost money for years.") is None


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the cull over", "Around 38,000 hens are being culled at a farm near Ebbersley.", None),  # named, not ended
    ("is the strike over", "Drivers are striking again this week.", None),
    ("is the strike over", "The strike is over, the union said.", "Yes"),
    ("is the strike over", "The exhibition ends this weekend.", None),  # an end told: read as asked
    ("is the war over", "The war ended his career.", None),
])
def test_over_asks_whether_it_ended_not_whether_it_is_named(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("has pritchley lodged a legal challenge yet", "Pritchley said he would consider a legal challenge.", "No"),
    ("has the club appealed yet", "The club is considering an appeal.", "No"),
    ("has the club appealed", "The club is considering an appeal.", None),  # not done, but "yet" was not asked
    ("did they apologise", "The residents demanded an apology.", None),  # asked for, not given
    ("has pritchley lodged a challenge yet", "Jones said she would consider a legal challenge.", None),  # another
    ("did the club consider an appeal", "The club is considering an appeal.", "Yes"),  # the weighing asked
    ("has the firm paid compensation yet", "The firm paid £500 to each family and is looking at further "
                                           "compensation.", None),  # paid already
    ("has the council lodged a legal challenge yet", "The council said residents were considering a legal challenge.",
     None),  # the residents weigh it
])
def test_a_deed_only_weighed_is_not_done(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
