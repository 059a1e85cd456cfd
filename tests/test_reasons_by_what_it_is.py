"""Why, where the article gives the reason without the question's words: a body named by what it is ("The brewery
closed the pub, saying …" for "why did the brewery shut the pub?"), the deed named by its noun ("the cut was prompted
by …") and what it is needed for ("the increase is needed to close a gap")."""
from __future__ import annotations

from qa.skills.causes import why
from qa.skills.deeds import doer_reason
from support import article_doc

PUB = """# Villagers buy their pub

The Wenbury Community Pub Society completed the purchase of the Drovers Arms from Harwell & Tate Brewery on Friday.

The brewery closed the 17th-century pub in January 2023, saying it was no longer profitable.

A spokesperson for Harwell & Tate said the brewery wished the society well.
"""

FERRY = """# Ferry cuts winter sailings

The company that runs the ferry to the Isle of Velmore will cut its winter timetable from six sailings a day to four.

The Velmore Sound Ferry Company said the reduced timetable would run until 28 March.

Managing director Alasdair Crennell said the decision was forced by a sharp rise in fuel prices.
"""


def test_a_body_named_by_what_it_is_gives_its_reason_in_what_it_said_as_it_did_it():
    found = doer_reason([article_doc(PUB)], [("the brewery", "shut the drovers arms")])
    assert found is not None and "saying it was no longer profitable" in found.draft.text
    assert doer_reason([article_doc(PUB)], [("the council", "shut the drovers arms")]) is None  # no such body


def test_the_decision_is_no_deed_asked_but_a_closure_prompted_by_something_is():
    # "the decision" may be anyone's: another story told in between ("Separately, Arriva will cut …").
    assert why([article_doc(FERRY)], "why is the ferry company cutting sailings") is None
    closure = FERRY.replace("said the decision was forced by", "said the cut was prompted by")
    found = why([article_doc(closure)], "why is the ferry company cutting sailings")
    assert found is not None and "prompted by a sharp rise in fuel prices" in found.draft.text
    doubted = closure.replace("Managing director Alasdair Crennell said", "Opponents claim")
    assert why([article_doc(doubted)], "why is the ferry company cutting sailings") is None


def test_a_body_named_by_what_it_is_must_be_the_only_one_and_do_the_deed_asked():
    two = PUB + "\nElsewhere, Greene Valley Brewery has been selling pubs.\n"
    assert doer_reason([article_doc(two)], [("the brewery", "shut the drovers arms")]) is None  # which brewery?
    assert doer_reason([article_doc(PUB)], [("the brewery", "sell the drovers arms")]) is None  # it closed it


PARKING = """# Trust doubles parking charges

The Wrenfield Hospitals NHS Trust will raise the monthly permit for staff from £18 to £42 from 1 April.

The trust says the increase is needed to close a £1.9 million gap in its estates budget.

"We have not taken this decision lightly," said Dr Helen Farrowby, the trust's chief executive.
"""


def test_what_a_deed_is_needed_for_is_its_reason_and_the_doers_other_words_are_not():
    from lang.reasons import explains

    assert explains("The trust says the increase is needed to close a gap in its budget.")
    assert not explains("The road is needed to be resurfaced.")
    # The article states it ("the increase", the phrasal verb's meaning): the sentence path cites that, not the
    # chief executive's words.
    assert doer_reason([article_doc(PARKING)], [("the trust", "putting up parking charges")]) is None
