"""Yes/no asked in a chat's own words: "can I …?" is answered only by what anyone may do, not by what a body, a
named person or a narrowed group does (qa/compose/asker.py, qa/compose/core_claim.py);
a thing stopped answers "is X still doing it?" No, a kind of it stopped settles nothing (qa/compose/halted.py);
"some kind of" adds nothing; "how often" is answered by "every six months"
(qa/judgment/answer_kinds.fits)."""
from __future__ import annotations

import pytest

from qa.compose.yesno import yes_no
from qa.judgment.answer_kinds import fits
from qa.question import analyze

LIFT = ("The trust said it would lift all eleven boats out by crane and take them by road to the marina, where "
        "residential boaters will be offered free moorings.")


@pytest.mark.parametrize("question, sentence, expected", [
    ("can i take my boat down that bit this summer", LIFT, None),  # the trust takes them, not the one asking
    ("can i park there", "The council said it would park its vans there.", None),
    ("can i park there", "Visitors can park there for free.", "Yes"),
    ("can you park there", "You can park there for free.", "Yes"),
    ("can i swim in the lake", "People can swim in the lake from May.", "Yes"),
    ("can i just turn up", "Patients will have to book through a phone line rather than turn up.", "No"),
    ("can i park there", "Kestrel Vale Council can now park there.", None),
    ("can i park there", "Blue badge holders can park there.", None),
    ("can i park there", "Only residents can park there.", None),
    ("can i park there", "Kestrel Vale residents can park there.", None),
    ("can we park there", "Staff can park there during the day.", None),
    ("can i swim in the lake", "Members can swim in the lake from May.", None),
    ("do i need a ticket", "Children under five do not need a ticket.", None),
    ("can i get a refund", "Customers who booked before May can get a refund.", None),
    ("do i have to pay for parking", "Parking is free.", "No"),
    ("can visitors park there", "Visitors can no longer park there.", None),  # "no longer" is no Yes
    ("can i smoke there", "Staff cannot smoke there.", None),
    ("do we know what the pill will cost", "The maker has not said how much the pill will cost.", "No"),  # not a deed
    ("can i get a bus pass", "Older people can get a free bus pass.", None),
    ("can i travel free", "Over-60s can travel free on the buses.", None),
    ("can we park on the street", "Residents can park on the street, the council said, but visitors must use the car park.",
     None),
])
def test_a_deed_asked_of_the_asker_is_answered_only_by_one_anyone_may_do(question, sentence, expected):
    assert yes_no(question, sentence) == expected


FLIGHTS = "Skylark Balloon Flights has stopped all its flights until at least Monday, 1 September while the inquiry goes on."


@pytest.mark.parametrize("question, sentence, expected", [
    ("is skylark still doing flights this week", FLIGHTS, "No"),
    ("is the firm still running tours", "The firm has suspended all tours until March.", "No"),
    ("does the club still run coaching", "It has cancelled its coaching sessions for the summer.", "No"),
    ("is the council still collecting bins", "The council said it has suspended bin collections until further notice.",
     "No"),
    ("is the bakery doing sunday deliveries", "The bakery has stopped Sunday deliveries.", "No"),
    ("is the bakery doing deliveries", "The bakery has stopped Sunday deliveries.", None),  # only on Sundays
    ("is the firm still running tours", "The firm had suspended tours but resumed them on Friday.", None),
    ("is the firm running tours", "The council said it has suspended its tours.", None),  # "it" is the council
    ("is the firm still running tours", "The firm will stop its tours in May.", None),  # still to come
    ("is the firm still running tours", "The firm has stopped running tours.", "No"),
    ("is the bakery still doing deliveries", "The bakery has stopped deliveries on Sundays.", None),  # some of them
    ("is the airline still running flights", "The airline has cancelled flights to Spain.", None),
    ("is the school still teaching french", "The school has stopped French exchange trips.", None),
    ("is the firm still running tours", "The firm has denied claims that it has cancelled its tours.", None),
    ("is the firm still running tours", "The firm had suspended tours for a month after the crash in 2021.", None),
    ("is the council still running the bus", "The council said it had stopped the bus in 2019 but brought it back.", None),
    ("is the school still running the breakfast club", "The school said a nearby school has cancelled its breakfast club.",
     None),
    ("is the bakery still doing deliveries", "The bakery has stopped deliveries, except to care homes.", None),
    ("is the hospital still doing operations", "The hospital has cancelled operations, with only emergency cases going "
     "ahead.", None),
    ("is the club still running sessions", "Parents fear the club has stopped sessions.", None),
    ("is the surgery still doing walk-ins", "The surgery has stopped walk-ins, a patient claimed.", None),
])
def test_a_thing_stopped_for_now_is_not_still_done(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did the club win", "The club said its players' welfare came first.", None),  # a priority, not a win
    ("is there some kind of talk about scams you can go to", "OPAN is holding free talks on scams on Monday.", "Yes"),
    ("is there any sort of refund", "The firm gives no refunds.", "No"),
])
def test_chat_wording_reads_as_the_claim(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("sentence, given", [
    ("The embankment has been checked every six months since.", True),
    ("Buses run twice a day.", True),
    ("The market is held weekly.", True),
    ("The embankment was checked in November.", False),
    ("The fair comes to town every summer.", True),
    ("The bridge is inspected every two to three years.", True),
    ("The bridge has an annual inspection.", True),
    ("Each year group has its own playground.", False),  # a year group, not a frequency
    ("Police have officers in each quarter of the city.", False),
    ("The Daily Echo reported the cracks.", False),  # a paper's name
    ("Every morning session was cancelled.", False),
])
def test_how_often_is_answered_by_a_frequency_in_words(sentence, given):
    assert fits(analyze("how often was the embankment checked", lambda t: 1.0), sentence) is given


@pytest.mark.parametrize("question, sentence, expected", [
    ("is the pub still serving food", "The pub stopped serving food last year, the landlord said.", "No"),
    ("is the firm still making cars", "In 2015 the firm stopped making cars.", "No"),
    ("is the firm still selling cars", "In 2015 the firm stopped making cars.", None),  # another deed stopped
    ("is the pub still serving food", "The pub stopped serving food for a month last year.", None),  # a while only
    ("is the pub still serving food", "The pub had stopped serving food before the fire.", None),  # then, not now
    ("is the pub still serving food", "The pub stopped serving food at 9pm.", None),
    ("is the pub still serving food", "The pub stopped serving food last year but has since resumed.", "Yes"),
    ("are police stopping traffic", "Police have stopped traffic until the road is cleared.", "Yes"),  # the deed asked
    ("is the warden still getting paid", "The warden has been suspended on full pay.", "Yes"),
    ("is the pub still serving food", "The cafe next to the pub stopped serving food last year.", None),  # another's
    ("is the pub still serving food", "Residents said the pub stopped serving food last year.", None),  # a report
    ("is the pub still serving food", "The pub briefly stopped serving food last year.", None),
    ("is the bakery still selling bread", "The bakery stopped selling bread until the flour shortage ended.", None),
    ("is the ferry still running", "The ferry stopped running yesterday because of high winds.", None),  # was a Yes
])
def test_a_stop_told_in_the_plain_past_answers_whether_it_goes_on(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("is parking no longer free", "Parking is no longer free at the site.", None),  # was a wrong No
    ("is parking no longer free", "Parking is no longer free on Sundays.", None),  # narrower than asked
    ("is parking no longer free", "Parking is no longer free.", "Yes"),  # the very change asked
    ("is parking no longer free", "Parking is free at the site.", None),
    ("is the market held on fridays", "The market was held on Fridays until 2020.", None),
    ("is the school closed", "The school was closed in 2019.", None),
    ("is the market held on fridays", "The market is held on Fridays.", "Yes"),
    ("did the kittens make it", "Two of the five kittens survived.", None),  # some of them did
    ("did the kittens survive", "All five kittens survived.", "Yes"),
    ("did any of the kittens survive", "Two of the five kittens survived.", "Yes"),
    ("did the trees survive the storm", "Several of the trees survived the storm.", None),
    ("did the pupils pass", "90 per cent of the pupils passed.", None),
    ("did the staff keep their jobs", "Twenty of the 30 staff kept their jobs.", None),
])
def test_a_verdict_only_where_the_sentence_tells_the_claim_as_asked(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did pennock actually go to jail", "Gavin Pennock, 47, was sentenced on Tuesday to 16 weeks in prison, suspended for "
                                        "12 months.", "No"),
    ("did he go to prison", "He was given a suspended prison sentence.", "No"),
    ("was pennock jailed", "Gavin Pennock was given a suspended prison sentence.", "No"),
    ("did pennock go to jail", "Gavin Pennock was jailed for a year and given a suspended sentence for another offence.",
     None),  # a term served as well
    ("did smith go to jail", "Gavin Pennock was given a suspended prison sentence.", None),  # another man
    ("did smith go to jail", "Smith's co-defendant, Jones, was given a suspended prison sentence.", None),
    ("will smith go to jail", "Smith could face a suspended prison sentence.", None),  # only possible
    ("did smith go to jail", "Smith, who spent three weeks in prison on remand, was given a suspended prison sentence.",
     None),
    ("did smith go to jail", "Smith was given a suspended prison sentence for the theft and sentenced to 10 months for "
                             "the burglary.", None),
])
def test_a_suspended_prison_sentence_is_no_time_in_prison(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("was this the first sighting in marlshire", "It was the first confirmed sighting of the species in Marlshire.", "Yes"),
    ("was this the first sighting in marlshire", "It was the first confirmed sighting of a hornet nest in Marlshire.",
     None),  # a narrower first
    ("was this the first case in the county", "It was the first confirmed case in the county, after two suspected "
                                              "cases last month.", None),  # others not so known
    ("was this the first sighting in marlshire", "It was the first confirmed sighting in North Marlshire.", None),
])
def test_a_first_as_it_is_known_is_the_first_unless_others_not_so_known_are_told(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("is the cafe open", "The café has been closed since the find.", "No"),  # typed without its accent
    ("is the cafe open now", "The café has been closed since the find.", "No"),
    ("is the cafe open at present", "The cafe's owners opened it in 2010 but it shut in May.", None),
    ("is the road closed right now", "The road was closed yesterday.", None),  # then, not now
    ("is he in prison at the moment", "He spent a year in prison.", None),
])
def test_a_word_typed_without_its_accent_and_now_in_chat_words(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("are the hornets more dangerous than wasps", "The hornets are no more dangerous to people than common wasps.", "No"),
    ("are asian hornets worse for ppl than normal wasps", "The hornets are no more dangerous to people than common "
                                                          "wasps, the agency said.", "No"),  # worse: more of a harm
    ("is the new road faster than the old one", "The new road is no faster than the old one.", "No"),
    ("are the hornets more dangerous than wasps", "Wasps are no more dangerous than hornets.", None),  # other way round
    ("is the new bridge bigger than the old one", "The new bridge is no wider than the old one.", None),
    ("were more than 50 people there", "No more than 50 people were there.", None),  # a bound, not a comparison
    ("are the hornets more dangerous than wasps", "The hornets are more dangerous than wasps.", "Yes"),
])
def test_a_comparison_denied_is_no(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did they finish the mural", "They almost finished the mural before the rain.", None),  # was a wrong Yes
    ("did they manage to finish the mural", "They finished the outline of the mural.", None),  # a part of it
    ("did the volunteers manage to clear the beach", "The volunteers cleared part of the beach.", None),
    ("did they manage to finish the mural", "They finished the mural on Sunday.", "Yes"),
    ("did they manage to finish the operation", "They could not finish the operation.", "No"),
])
def test_a_deed_nearly_done_or_done_to_a_part_is_no_yes(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did the wedding at the church get called off", "The vicar agreed to close the churchyard for two days, and a "
                                                     "wedding on Saturday, 20 September went ahead as planned.", "No"),
    ("did the concert go ahead", "The concert was cancelled because of the storm.", "No"),
    ("was the fete cancelled", "The fete took place on Saturday, organisers said.", "No"),
    ("was the wedding cancelled", "The wedding was postponed in May but went ahead in June.", None),  # both told
    ("did the concert go ahead", "The concert will go ahead unless it rains.", None),  # only planned
    ("was the match called off", "The reserve match went ahead, but the first-team game was called off.", None),
])
def test_an_event_that_went_ahead_was_not_called_off(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("are taxis allowed thru the bus gate", "A bus gate is a short section of road that only buses, taxis and bicycles "
                                            "are allowed to use.", "Yes"),
    ("are cars allowed through the bus gate", "A bus gate is a short section of road that only buses, taxis and "
                                              "bicycles are allowed to use.", None),  # left to the rest
    ("are taxis allowed through the gate", "Only buses are allowed through the gate.", None),
    ("are taxis allowed through the bus gate", "Only buses, taxis and bicycles will be allowed to use it from next "
                                               "year.", None),  # still to come
    ("are taxis allowed on the bridge", "A bus gate is a road that only buses, taxis and bicycles are allowed to use.",
     None),  # another thing
])
def test_one_listed_among_the_only_ones_allowed_is_allowed(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did the crew manage to rescue the dog", "The crew managed to rescue the dog.", "Yes"),
    ("did the crew manage to rescue the dog", "The crew did not manage to rescue the dog.", "No"),
    ("did smith go to jail", "Smith was given a suspended prison sentence, which was overturned by the Court of Appeal, "
                             "which sent him to prison.", None),  # the clause after it tells the rest
    ("did he go to jail", "She was given a suspended prison sentence.", None),  # another person
    ("are european hornets more dangerous than asian hornets", "Asian hornets are no more dangerous than wasps, and "
                                                               "European hornets are larger.", None),
    ("are hornets more dangerous than wasps", "Hornets, which are no more dangerous than bees, are far more dangerous "
                                              "than wasps, experts said.", None),  # another comparison told too
    ("is the road closed right now", "The council's contractors closed the road in 2019.", None),
])
def test_review_mends_of_this_round(question, sentence, expected):
    assert yes_no(question, sentence) == expected
