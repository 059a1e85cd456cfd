"""Answers a reader would not take from the sentence shown (a finishing time for "what time does it start?", since
when a pier has been shut for "when will it reopen?", a count of pupils for "how many teachers?"), and verdicts a
reader draws from ordinary news wording: "all other births" is not all births, a deed to come that its doer denies
is No, "seven to two in favour" is not all of them, an inquiry that "will open" is not over. And the chat's own
words: "who else is involved?" after a list of people, "the tidemark woman", "the unions view"."""
from __future__ import annotations

from dataclasses import replace

import pytest

from lang.forms import Kind, form
from lang.normalize import shorthand_spelled
from lang.opposites import other_kind
from qa.compose.part_only import part_only
from qa.compose.still import not_begun
from qa.compose.tally import unanimous
from qa.conversation.followup import resolve
from qa.conversation.who_else import who_else
from qa.judgment.abstain import decide
from qa.judgment.answer_kinds import end_not_start, since_not_return
from qa.judgment.evidence import Scored, Selection
from qa.question import analyze
from qa.skills.holders import role_holder, without_anyone
from qa.types import Level
from support import article_doc, scored_sentence


def _decided(question: str, sentence: str):
    best: Scored = replace(scored_sentence(sentence, 0), confidence=0.8)
    return decide(analyze(question, lambda term: 1.0), Selection((best,), None, 0.9), threshold=0.4, sure=0.8)


def test_a_time_of_the_other_end_is_shown_as_the_closest_sentence_not_as_the_answer():
    start = "what time does the library open in the morning"
    d = _decided(start, "The library will close at 6pm instead of 8pm.")
    assert d.level is Level.DOUBTFUL and d.reason == "it gives when it ends, not when it starts"
    assert end_not_start(start, "The library will close at 6pm instead of 8pm from Monday.") is False  # "from"
    assert end_not_start("when does the school day start", "The school day will finish at 4pm.")
    assert not end_not_start("when does the school day start", "The school day will start at 8.40am and finish at 4pm.")
    assert not end_not_start("when does the school day end", "The school day will finish at 4pm.")  # asked the end
    assert not end_not_start("when does the school day start", "The school day will be longer next year.")  # no end
    # an end that tells the opening too: the road opens when it stops being closed
    assert not end_not_start("when does the road open", "The road will stay closed until 14 March.")
    assert not end_not_start("when does the market open", "Trading gets under way at 8am and the market closes at 4pm.")


def test_since_when_a_state_has_held_does_not_answer_when_it_ends():
    asked = "when is the west wing going to reopen"
    d = _decided(asked, "The west wing has been closed since a fire in March 2021.")
    assert d.level is Level.DOUBTFUL and "since when" in d.reason
    assert since_not_return("when will the ferry be back", "The ferry has been out of service since May.")
    assert not since_not_return(asked, "The west wing, closed since March 2021, will reopen in June.")
    assert not since_not_return("when did the west wing close", "The west wing has been closed since March 2021.")
    assert not since_not_return(asked, "The towpath has been closed since a collapse in 2021, but is due to open in June.")
    assert not since_not_return(asked, "The road will stay closed until Friday, having been shut since Monday.")


def test_an_age_range_is_no_count_of_what_is_asked():
    d = _decided("how many teachers work at the school", "Brackley High, which has 900 pupils aged 11 to 16, will "
                                                         "close on Fridays.")
    assert d.level is Level.DOUBTFUL
    assert _decided("how many pupils attend the school", "Brackley High, which has 900 pupils aged 11 to 16, will "
                                                         "close on Fridays.").level is not Level.DOUBTFUL


def test_a_state_of_another_thing_is_the_other_kind_where_the_thing_asked_is_not_said():
    assert other_kind("how much will a permanent fix cost", "The council may put in a temporary bridge costing "
                                                             "£300,000.") == ("permanent", "temporary")
    assert other_kind("how much will the permanent fix cost", "A permanent fix will cost £2m.") is None
    assert other_kind("how much will the permanent repair cost", "After a temporary closure in May, engineers put the "
                                                                 "cost of fixing the road for good at £2m.") is None
    # the thing said, with no state beside it: as before, not of another thing
    assert other_kind("how much will the permanent bridge cost", "The bridge will cost £2m, and a temporary "
                                                                  "path is planned.") is None


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    ("are all the patients moving to the new ward?", "All other patients will move to the new ward in May.", ""),
    ("are all the staff moving?", "The remaining staff will move to the Leeds office.", ""),
    ("are all the rooms closing?", "Two rooms have shut, and the other rooms will close by May.", ""),  # they may too
    ("are all the other patients moving?", "All other patients will move to the new ward in May.", None),  # as asked
    ("are all the trains cancelled?", "The other trains will run as normal.", None),  # another deed
    ("are all bins collected weekly?", "Bins will be collected every other week.", None),  # "other" of the week
])
def test_all_other_of_a_group_gives_no_verdict_either_way(question, sentence, verdict):
    assert part_only(question, sentence) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    ("will drivers be made redundant", "The firm denied claims that drivers would be made redundant.", "No"),
    ("is the pool going to shut", "Leisure chiefs have denied rumours that the pool will shut.", "No"),
    # what is denied is less than what is asked, or the denial is itself denied or undone
    ("will the pool shut", "Leisure chiefs have denied rumours that the pool will shut next year.", None),
    ("will the bridge close", "The firm denied that the bridge would close permanently.", None),
    ("will staff be made redundant", "The school has not denied claims that staff would be made redundant.", None),
    ("will the bridge close", "Mr Hale denied that the bridge will close, but the council said it will close.", None),
    ("will the pool close", "Ann Lyle, who denied that she would stand down, said the pool will close in May.", "Yes"),
    ("will the pool close", "Mr Hale refused to deny that the pool would close.", None),
    ("will the pool close", "The council previously denied that the pool would close.", None),  # another time
    ("will the pool close", "Mr Hale denied that the pool would close, although he could not rule it out.", None),
    ("will the pool close", "Residents rejected claims that the pool would close.", None),  # not theirs to say
    ("will the company charge visitors to use the path", "The company denied reports that it would charge visitors "
                                                         "to use the path.", None),  # "it": not the words asked
    ("will the pool close", "Residents denied that the pool would close.", None),  # they speak for no one
    # a deed done, denied, stays disputed; another thing's future is not the one asked
    ("did the officer use force", "Police denied that the officer used force.", None),
    ("will the school close", "The council denied that the library would close.", None),
])
def test_a_deed_to_come_denied_is_no(question, sentence, verdict):
    from qa.compose.yesno import yes_no
    assert yes_no(question, sentence) == verdict


def test_a_tally_with_any_against_says_not_all_backed_it():
    assert unanimous("did all the governors back it", "Governors voted eight to three in favour.") == "No"
    assert unanimous("did all the councillors back the plan", "Councillors backed the plan by nine votes to two.") == "No"
    # a range, another body's tally, or a tally of another thing says nothing of it
    assert unanimous("did all the councillors agree", "Councillors agreed to cut opening days from seven to six.") is None
    assert unanimous("did all the councillors back the plan", "The plan, which the cabinet approved by six votes to "
                                                               "two, goes to full council.") is None
    assert unanimous("did all the governors back the head", "Governors backed the plan by eight votes to three.") is None
    assert unanimous("did all the governors back it", "Governors backed it by six votes to none.") is None  # as said
    assert unanimous("did all the governors back it", "Governors voted unanimously to back it despite protests.") is None
    assert unanimous("did all the governors attend", "Governors voted eight to three in favour.") is None


def test_what_is_still_to_begin_is_not_over():
    assert not_begun("is the hearing over", "A public hearing will open at the civic centre on 4 May.")
    assert not_begun("has the festival happened yet", "The festival will take place in August.")
    assert not_begun("is the trial over", "The trial is due to start in March.")
    assert not not_begun("is the strike over", "Talks will begin on Monday to end the strike.")  # talks, not the strike
    assert not not_begun("is the hearing over", "The hearing closed on Friday.")
    assert not not_begun("is the trial over", "Sentencing in the trial will take place on Friday.")  # not its subject
    assert not not_begun("has the consultation finished", "A second consultation will open in June.")  # another one
    assert not not_begun("is the strike over", "The strike is over and staff will start back on Monday.")


def test_who_else_after_a_list_of_people_asks_for_the_bodies():
    assert who_else("who else is involved", "who are the people in the canal story") == \
        "Which organisations are in the canal story?"
    assert who_else("who else is involved, like companies or groups", "who is in it") is None  # no list asked
    assert who_else("anyone else involved?", "which organisations are mentioned") == "Which people are there?"
    assert who_else("who is involved", "who are the people in the canal story") is None
    history = [{"role": "user", "content": "who are the people in the canal story"},
               {"role": "assistant", "content": "2 people in “Canal to reopen”:\n- Ada Lomax: the trust's chair [1]"}]
    assert resolve("who else is involved?", history).searched == "Which organisations are in the canal story?"


CANAL = """# Canal trust takes over lock

The Harnley Canal Trust has taken over Crane Lock from Marlow Waterways.

Dev Patel, the trust's project manager, said work would start in May. "We have waited long enough," he said.

Joan Reeve, Marlow Waterways' operations chief, said the handover went smoothly. She said staff would stay on.
"""


def test_a_person_of_a_named_body_and_of_the_sex_asked():
    doc = article_doc(CANAL)
    assert role_holder(doc, "marlow woman").name == "Joan Reeve"
    assert role_holder(doc, "trust guy").name == "Dev Patel"
    assert role_holder(doc, "trust woman") is None  # the trust's only person is spoken of as "he"
    assert without_anyone("dev patil guy") == "dev patil"
    assert without_anyone("union guy") is None  # a body's person: asked by role


@pytest.mark.parametrize("typed, meant", [
    ("whats the unions view on it", "what's the union's view on it"),
    ("what are the campaigners views", "what are the campaigners' views"),
    ("whats the councils position", "what's the council's position"),
    ("the unions view it as a threat", "the unions view it as a threat"),  # not asked: the words as typed
])
def test_a_possessive_typed_without_its_apostrophe(typed, meant):
    assert shorthand_spelled(typed) == meant


def test_a_plural_possessive_asks_for_a_view():
    f = form("what are the campaigners' views")
    assert f is not None and f.kind is Kind.OPINION and f.subject == "the campaigners"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence", [
    ("did fewer than half back the plan", "Of the 900 replies, 76% backed the plan."),  # was Yes: the bare claim
    ("did more than half of members vote for the strike", "91% of members voted against the strike."),
    ("did more than half of parents back the ban", "More than half of teachers backed the ban, but only a third of "
                                                   "parents did."),
])
def test_a_share_asked_against_a_bound_is_never_read_as_the_bare_claim(question, sentence):
    from qa.compose.yesno import yes_no
    assert yes_no(question, sentence) is None


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    ("do you have to pay for the shuttle", "The shuttle is free and runs every half hour.", "No"),
    ("is there a charge for parking", "Parking will be free of charge.", "No"),
    ("do you have to pay for parking", "Parking is free until 6pm.", None),  # free only for a while
    ("do you have to pay for the bus", "The shuttle is free and runs every half hour.", None),  # another thing
    ("do you have to pay for the shuttle", "On Sundays the shuttle is free.", None),  # a condition before it
    ("do you have to pay for the shuttle", "Parking at the shuttle terminal is free.", None),  # not the shuttle
    ("do you have to pay for the shuttle", "It is unclear whether the shuttle will remain free.", None),
    ("is there a fee for the course", "The course is free.", "No"),
    ("is there a charge for parking", "Parking is free of charge for the first hour, then £2 an hour.", None),
    ("do you have to pay for the ferry", "The ferry is free and runs on weekdays, but costs £2 at weekends.", None),
    ("do you have to pay for the car park", "The other car park is free.", None),
])
def test_paying_asked_of_what_is_free(question, sentence, verdict):
    from qa.compose.yesno import yes_no
    assert yes_no(question, sentence) == verdict


def test_a_sum_paid_for_a_part_of_the_thing_asked_is_not_its_price():
    from qa.judgment.sums import priced_other
    asked = "how much did they pay for the mill"
    assert priced_other(asked, "She said the flats were the only way to pay for repairs to the mill's roof, which "
                               "she put at £2.1 million.")
    assert not priced_other(asked, "Harlow Homes paid £900,000 for the mill.")
    assert not priced_other(asked, "They paid for the mill with a loan of £900,000.")
    assert not priced_other("how much did the council pay for the land", "The council paid for the purchase of the land, "
                                                                           "which cost £400,000.")


def test_a_she_said_is_not_the_words_of_a_man_named_before():
    from qa.skills.pronouns import pronoun_of
    from qa.skills.speakers import statements

    doc = article_doc("""# Village petition

HADLEY — Martin Hale, chair of the parish council, started a petition against the closure. He handed it to the board on Monday.

"People chose this village because it had a doctor," Hale said.

A patient at the branch for 34 years said she had given up driving. "Everything I need is here," she said.
""")
    hale = next(s.speaker for s in statements(doc) if s.speaker.name == "Martin Hale")
    assert pronoun_of(doc, hale) == "he"
    said = [s.line.text for s in statements(doc) if s.speaker.name == "Martin Hale"]
    assert any("chose this village" in t for t in said) and not any("Everything I need" in t for t in said)


def test_another_sides_view_asked_with_and_is_asked_whole():
    history = [{"role": "user", "content": "whats the union's view on it"},
               {"role": "assistant", "content": "Ann Lowe (the union's organiser): Ann Lowe blamed the board. [1]"}]
    assert resolve("and what do the campaigners think", history).searched == "and what do the campaigners think"
    assert "Ann Lowe" in resolve("and what do they think", history).searched  # "they" points back
    assert "Ann Lowe" in resolve("and what does the union think about it", history).searched  # so does "it"


@pytest.mark.parametrize("question, money", [
    ("what's the bus fare from hadley to wexton", True),
    ("what is the new stall fee", True),
    ("what were the wages of the drivers", True),
    ("what's the bus route", False),
    ("what is the feeling in the town", False),
])
def test_a_fare_or_a_fee_asked_wants_a_sum_of_money(question, money):
    from qa.question import MONEY
    assert (analyze(question, lambda term: 1.0).unit == MONEY) is money
