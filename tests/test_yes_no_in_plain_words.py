"""Yes/no in the words a chat uses: "going up" against "will not change", "ok with" as support, "carry on" as
continue, "on purpose" as deliberately, a finding held as true, a state kept ("will stay closed"), and "did they say
how many offers it got?" against "declined to say how many offers it had received"."""
from __future__ import annotations

import pytest

from qa.compose.unchanged import unchanged
from qa.compose.yesno import yes_no


@pytest.mark.parametrize("question, sentence, said", [
    ("are ferry fares going up this winter", "Fares will not change this winter, the company said.", True),
    ("is the partnership increasing the subsidy", "A spokesperson said the subsidy would not increase this year.",
     True),  # what is raised, said not to rise
    ("will fares rise", "Fares will be frozen next year.", True),
    ("will fares rise", "Fares will be frozen until 2027.", False),  # and then?
    ("are fees going up", "Fees have been frozen since 2017 and will rise next year.", False),  # once, not now
    ("are bills going up", "Bills were frozen last year but will rise by 4.99% from April.", False),
    ("are prices going up", "Prices have remained unchanged for six months, but agents expect them to rise.", False),
    ("are bills going up", "The regulator rejected the company's claim that bills would stay the same.", False),
    ("are bus fares going up", "Train fares will not change this year.", False),  # other fares
    ("are rates going up", "Most analysts expect rates to remain unchanged.", False),  # a forecast
    ("are fares going up", "Ministers had promised that fares would be frozen, but they are set to rise.", False),
    ("will rents go up", "Rents will remain unchanged.", True),
    ("are fares going up", "Fares will be frozen for season ticket holders.", False),  # only theirs
    ("are charges going up", "Charges will stay the same at the station, with increases at other car parks.", False),
    ("did fares go up last year", "Fares will be frozen next year.", False),  # asked of a year gone
    ("are bus fares going up next year", "Not all fares will be frozen next year, First Bus has said.", False),
    ("are fares going up", "Under the Green Party's plans, fares would be frozen.", False),  # a plan, not said
    ("are energy bills going up in april", "Energy bills will not change this winter.", False),  # another time
    ("are parking charges going up", "Council tax will not change, but parking charges will rise.", False),
    ("will fares rise", "Fares will not fall.", False),  # the other way
    ("are fares going down", "Fares will not change if the subsidy is renewed.", False),  # only supposed
    ("are the buses still running", "Fares will not change.", False),  # no change asked
])
def test_said_not_to_change_answers_whether_it_goes_up_or_down(question, sentence, said):
    assert unchanged(question, sentence) is said


@pytest.mark.parametrize("question, sentence, verdict", [
    ("are ferry fares going up this winter", "Fares will not change this winter, the company said.", "No"),
    ("is the union ok with compulsory redundancies", "The union said it would oppose any compulsory redundancies.",
     "No"),
    ("are residents happy with the plan", "Residents have backed the plan.", None),  # backing is no contentment
    ("are the players happy with the manager", "The board backed the manager despite the players' complaints.", None),
    ("is the union happy with the deal", "The union had backed the deal in 2019 but now says it is unfair.", None),
    ("is the council ok with the plan", "Residents would oppose the plan.", None),  # another's view
    ("will the youth theatre carry on", "The youth theatre, which has 120 members, will continue.", "Yes"),
    ("will the club carry on", "The club will continue to pay rent until the lease ends, when it will close.", None),
    ("will the festival carry on", "The festival will continue only if a new sponsor is found.", None),
    ("was it started on purpose", "Investigators concluded that the fire was started deliberately.", "Yes"),
    ("was the fire started deliberately", "Investigators found that the fire was started deliberately.", "Yes"),
    ("was the fire started deliberately", "Investigators hope to establish that the fire was started deliberately.",
     None),  # a finding hoped for
    ("was the fire started deliberately", "Tests may show that the fire was started deliberately.", None),
    ("was the fire started deliberately", "Investigators did not find that the fire was started deliberately.", None),
    ("did the firm mislead customers", "If the regulator finds that the firm misled customers, it faces a fine.", None),
    ("did the council act unlawfully", "Campaigners hope the review finds that the council acted unlawfully.", None),
    ("was the driver speeding", "The family claims the report showed that the driver was speeding.", None),
    ("was the bridge safe", "Engineers concluded in 2019 that the bridge was safe, but it collapsed last week.", None),
    ("is the coast road open", "The coast road will be closed from April.", None),  # to come, not now
    ("did the brewery say how many offers it got", "It declined to say how many offers it had received.", "No"),
    ("is the company giving cash refunds", "The company is not offering cash refunds.", "No"),
    ("did the company give staff a pay rise", "The company offered staff a 6 percent pay rise.", None),  # only offered
    ("were passengers given refunds", "They were not offered refunds at the station but later received them.", None),
    ("is the council ok with the new homes", "The council did not support the original plan for 300 homes.", None),
    ("was the crash caused by ice", "Investigators concluded that it was unlikely the crash was caused by ice.", None),
    ("did martin cole lie to investigators", "A tribunal found that the manager, Martin Cole, lied to investigators.",
     "Yes"),
    ("will the shop carry on", "Its sister shop in York will continue.", None),  # another shop
])
def test_yes_or_no_in_the_words_a_chat_uses(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict

