"""Yes/no asked in a chat's own words: "can I …?" is not answered by what a body will do (qa/compose/core_claim.py);
a thing stopped answers "is X still doing it?" No, a kind of it stopped settles nothing (qa/compose/halted.py);
"came first" is a win (lang/phrasal.py); "some kind of" adds nothing; "how often" is answered by "every six months"
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
])
def test_a_deed_asked_of_the_asker_is_answered_only_by_one_anyone_may_do(question, sentence, expected):
    assert yes_no(question, sentence) == expected


FLIGHTS = "Skylark Balloon Flights has stopped all its flights until at least Monday, 1 September while the inquiry goes on."


@pytest.mark.parametrize("question, sentence, expected", [
    ("is skylark still doing flights this week", FLIGHTS, "No"),
    ("is the firm still running tours", "The firm has suspended all tours until March.", "No"),
    ("does the club still run coaching", "It has cancelled its coaching sessions for the summer.", "No"),
    ("is the council still collecting bins", "The council said it has suspended bin collections in the area.", "No"),
    ("is the bakery doing sunday deliveries", "The bakery has stopped Sunday deliveries.", "No"),
    ("is the bakery doing deliveries", "The bakery has stopped Sunday deliveries.", None),  # only on Sundays
    ("is the firm still running tours", "The firm had suspended tours but resumed them on Friday.", None),
    ("is the firm running tours", "The council said it has suspended its tours.", None),  # "it" is the council
    ("is the firm still running tours", "The firm will stop its tours in May.", None),  # still to come
])
def test_a_thing_stopped_for_now_is_not_still_done(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question, sentence, expected", [
    ("did wobbly wendy actually win the poll", 'In the poll, "Wobbly Wendy" came first with 6,212 votes.', "Yes"),
    ("did the reds win", "The Blues came first, ahead of the Reds.", None),
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
])
def test_how_often_is_answered_by_a_frequency_in_words(sentence, given):
    assert fits(analyze("how often was the embankment checked", lambda t: 1.0), sentence) is given
