""""What caused the outbreak?" as people ask it: the sentence that names the thing's cause, or the one that gives "the
most likely cause" with the thing left to its paragraph (qa/skills/what_caused.py); never a cause still unknown, one
of two, or one told where the thing asked is nowhere near."""
from __future__ import annotations

import pytest

from qa.skills.what_caused import asks_cause, caused
from qa.types import Level
from support import article_doc

FLU = """# Bird flu confirmed at poultry farm

ASHBY — Around 20,000 hens are being culled at a farm near Ashby after bird flu was confirmed there on Monday.

The farm's vet reported suspected disease on Sunday.

Dr Ruth Kell, the agency's vet, said the most likely cause was contact with wild birds. Geese had been seen next to the hens' range in the days before the outbreak.

The farm employs 12 people.
"""


@pytest.mark.parametrize("question, thing", [
    ("what caused the outbreak", "the outbreak"),
    ("What was the cause of the fire?", "the fire"),
    ("whats the main cause of the delay", None),  # "whats" is spelled out before a skill reads it
    ("what's the likely cause of the delay", "the delay"),
    ("and what led to the closure?", "the closure"),
    ("what was behind the decision", "the decision"),
    ("what did the cause say", None),
    ("why did it happen", None),
])
def test_a_question_of_what_caused_a_thing_names_the_thing(question, thing):
    assert asks_cause(question) == thing


def test_the_most_likely_cause_told_beside_the_thing_answers_as_likely():
    found = caused([article_doc(FLU)], "the outbreak")
    assert found is not None and found.level is Level.LIKELY
    assert found.draft.text.startswith("Dr Ruth Kell, the agency's vet, said the most likely cause was contact")


@pytest.mark.parametrize("text, thing", [
    (FLU, "the delay"),  # nothing near speaks of a delay
    (FLU.replace("the most likely cause was", "the cause was still unknown, not"), "the outbreak"),
    (FLU.replace("said the most likely cause was", "said it was not clear whether the cause was"), "the outbreak"),
    (FLU + "\nA second vet said the main cause was poor fencing near the outbreak site.\n", "the outbreak"),  # two
])
def test_no_cause_from_an_unknown_one_two_of_them_or_another_thing(text, thing):
    assert caused([article_doc(text)], thing) is None


def test_a_bare_cause_after_two_events_is_no_ones_but_after_one_it_is_that_ones():
    two = ("# Flooding and power cut hit Carrow\n\nCARROW — Dozens of homes in Carrow were flooded on Tuesday night after the "
           "river burst its banks, and about 3,000 homes lost power.\n\nEngineers said the most likely cause was a "
           "lightning strike on the substation. Power was restored by Wednesday.\n")
    assert caused([article_doc(two)], "the flood") is None
    one = ("# Fire at mill\n\nASHBY — A fire broke out at the old mill at 2am on Sunday.\n\nFire officers said the "
           "most likely cause was an electrical fault.\n")
    found = caused([article_doc(one)], "the fire")
    assert found is not None and "electrical fault" in found.draft.text


def test_a_cause_named_for_the_thing_outright_comes_first():
    text = FLU + "\nThe cause of the outbreak was a broken fence, the report found.\n"
    found = caused([article_doc(text)], "the outbreak")
    assert found is not None and "broken fence" in found.draft.text and found.level is Level.SURE


BREWERY = """# Hartley's Brewery to close after 120 years

ASHBY — Hartley's Brewery, which has made beer in Ashby since 1901, will close in the spring with the loss of 40 jobs, its owner said on Tuesday.

Tom Reed, the owner's chief executive, blamed falling sales of cask ale and rising energy costs.

Ruth Hartley, the founder's great-granddaughter, said the family had agreed the sale because no one else wanted to run it.

Frank Bell, the head brewer, has worked at Hartley's for 34 years.
"""


@pytest.mark.parametrize("question", ["why is the brewery closing", "why is hartleys closing"])
def test_the_story_event_is_answered_by_the_one_blame_told_after_it_not_a_namesakes_reason(question):
    from qa.skills.causes import why

    found = why([article_doc(BREWERY)], question)
    assert found is not None and found.level is Level.LIKELY
    assert found.draft.text.startswith("Tom Reed, the owner's chief executive, blamed falling sales")


def test_a_blame_for_another_deed_or_a_second_blame_answers_nothing():
    from qa.skills.causes import why

    other = BREWERY.replace("blamed falling sales of cask ale and rising energy costs",
                            "blamed the union for the strike")
    found = why([article_doc(other)], "why is the brewery closing")
    assert found is None or "blamed" not in found.draft.text
    twice = BREWERY + "\nThe union blamed the owner's greed.\n"
    found = why([article_doc(twice)], "why is the brewery closing")
    assert found is None or "blamed" not in found.draft.text


def test_a_blame_for_another_things_deed_or_by_an_unnamed_he_answers_nothing():
    from qa.skills.causes import why

    car_park = BREWERY.replace("Tom Reed, the owner's chief executive, blamed falling sales of cask ale and rising "
                               "energy costs.", "Jim Hale, a regular at the Crown, blamed the council for a car park "
                                                "closing near the pub.")
    found = why([article_doc(car_park)], "why is the brewery closing")
    assert found is None or "Jim Hale" not in found.draft.text
    he = BREWERY.replace("Tom Reed, the owner's chief executive, blamed", "He blamed")
    found = why([article_doc(he)], "why is the brewery closing")
    assert found is None or "He blamed" not in found.draft.text


@pytest.mark.parametrize("said", ["the cause is a matter for police", "the cause has been identified",
                                  "the cause was known to the owners"])
def test_a_cause_that_says_nothing_of_what_it_was_is_none(said):
    assert caused([article_doc(FLU.replace("the most likely cause was contact with wild birds", said))],
                  "the outbreak") is None


def test_the_next_sentence_names_the_thing_only_as_what_a_deed_came_before():
    delayed = FLU.replace("Geese had been seen next to the hens' range in the days before the outbreak.",
                          "The cull was delayed by a shortage of slaughter teams.")
    assert caused([article_doc(delayed)], "the delay") is None


def test_a_blame_told_after_the_article_turns_to_another_story_is_that_ones():
    from qa.skills.causes import why

    text = ("# The Crown pub to close\n\nASHBY — The Crown pub in Ashby will close in May, its owner said.\n\n"
            "Separately, Hartley's Brewery said it would cut 10 jobs.\n\n"
            "Tom Reed, Hartley's chief executive, blamed rising energy costs.\n")
    found = why([article_doc(text)], "why is the pub closing")
    assert found is None or "Tom Reed" not in found.draft.text


@pytest.mark.parametrize("doer, text, owned", [
    ("garsides", "Garside's Brewery will close.", True),
    ("halloways", "Sales fell. Halloway's, the largest shop on Kingsgate, has been worst hit.", True),
    ("hartleys", "He has worked at Hartley's for 34 years.", True),
    ("garsides", "Garside's Labour colleagues backed him.", False),  # a person's colleagues
    ("williams", "Prince William's Duchy owns the land.", False),
    ("the councils", "The council's Labour leader spoke.", False),
    ("hartleys", "He met them at Hartley's house.", False),
])
def test_a_firm_named_after_a_person_is_told_by_a_firms_word(doer, text, owned):
    from qa.skills.deeds import _owned_name

    assert _owned_name(doer, text) is owned


def test_a_cause_told_by_a_participle_as_an_adjective_is_a_cause():
    found = caused([article_doc(FLU.replace("contact with wild birds", "infected wild birds"))], "the outbreak")
    assert found is not None and "infected wild birds" in found.draft.text


CLINIC = """# Lowmoor clinic to close

LOWMOOR — Residents of Lowmoor will have to travel to Hexton for blood tests after the health trust confirmed it will close the village clinic in June.

The clinic opened in 1994 and sees about 80 patients a week.

Dr Ruth Amble, the trust's medical director, said the decision was forced by a shortage of nurses and the cost of repairs.

Hal Pryce, who runs the village shop, backed the move because "the building is falling apart".

The trust's finance chief said the change was driven by "a budget that has not grown in ten years".
"""


@pytest.mark.parametrize("question", ["why is the clinic closing", "why is the lowmoor clinic closing"])
def test_the_decision_forced_by_a_cause_answers_why_the_storys_own_deed_was_done(question):
    from qa.skills.causes import why

    found = why([article_doc(CLINIC)], question)
    assert found is not None and found.draft.text.startswith("Dr Ruth Amble, the trust's medical director, said the "
                                                             "decision was forced by a shortage of nurses")


def test_the_decision_answers_only_a_deed_of_the_story_itself():
    from qa.skills.causes import why

    found = why([article_doc(CLINIC)], "why is the shop closing")  # the lede closes no shop
    assert found is None or "decision was forced" not in found.draft.text
    doubted = CLINIC.replace("said the decision was forced by", "denied the decision was forced by")
    found = why([article_doc(doubted)], "why is the clinic closing")
    assert found is None or "decision was forced" not in found.draft.text


CUT = """# Hospital loses power

MARLOW — A hospital lost power for 40 minutes on Tuesday.

The cut began when a digger working on a building site went through an underground cable, blacking out 2,000 homes as well as the hospital. The power company said most supplies were back within two hours.

The meeting began after 10pm.
"""


@pytest.mark.parametrize("thing, found", [
    ("the power cut at the hospital", "The cut began when a digger"),  # its start told by what set it off
    ("the power cut", "The cut began when a digger"),
    ("the meeting", None),  # a start told by a time
    ("the fire", None),
])
def test_a_thing_that_began_when_something_happened_was_caused_by_it(thing, found):
    answer = caused([article_doc(CUT)], thing)
    assert (answer.draft.text[:len(found)] if answer else None) == found


@pytest.mark.parametrize("sentence", [
    "The fire broke out after the family had gone to bed, at about 11.30pm.",  # a time, not a cause
    "The fire started when the miller and his wife were away.",  # where people were
    "The fire started when a family was asleep upstairs.",
])
def test_a_start_told_by_a_time_or_by_where_people_were_is_no_cause(sentence):
    text = f"# Barn fire\n\nKELBY — A barn burned down on Sunday.\n\n{sentence} Firefighters were there for six hours.\n"
    assert caused([article_doc(text)], "the fire") is None
