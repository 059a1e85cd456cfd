"""Reading a chat's question against what the article says: a name typed in lower case is read as the name the article writes whole ("marsh end" is Marsh End, no
verb); "12 of them" counts what the count before it counted; "who will name the ship?" is not answered by the name
the ship will be given; "who is colin?" is the one Colin; "has cancelled its summer fair" says the fair is off."""
from __future__ import annotations

import pytest

from lang.words import cased_as
from qa.compose.yesno import yes_no
from qa.judgment.answer_kinds import counts_other, name_given, only_name_given
from qa.question import analyze
from qa.skills.causes import why
from qa.skills.entities import entities, first_named
from support import article_doc

HOME = """# Care home in Tarnby to close

TARNBY — A care home in Tarnby will close in the spring, leaving 30 residents to find new places.

Families at Marsh End Lodge were told on Monday that it will shut on 1 April, its owner, Oakvale Care, said.

Oakvale Care said it had decided to close the home because the repairs required could not be paid for from its income.

"We looked at every option," said Colin Brathwaite, Oakvale's managing director.

There are 41 vacant beds across the county, but only 12 of them are in homes that can support people with dementia.
"""


def test_a_name_typed_in_lower_case_is_written_whole():
    assert cased_as("is marsh end lodge closing", HOME) == "is Marsh End Lodge closing"
    assert cased_as("will the home close", HOME) == "will the home close"  # no name, nothing to case


@pytest.mark.parametrize("question, other", [
    ("how many of the residents have dementia", True),  # "12 of them" are beds
    ("how many beds can support people with dementia", False),
])
def test_a_count_of_them_counts_what_was_counted_before(question, other):
    line = next(ln for ln in HOME.splitlines() if "12 of them" in ln)
    at = line.index("12")
    assert counts_other(analyze(question, lambda t: 1.0), line, at, at + 2) is other


def test_a_count_of_them_is_not_of_the_time_it_took():
    line = "Inspectors visited 25 care homes over the past two years, and 12 of them were rated inadequate."
    at = line.index("12")
    assert not counts_other(analyze("how many care homes were rated inadequate", lambda t: 1.0), line, at, at + 2)


def test_why_is_not_answered_by_a_reason_for_something_else():
    doc = article_doc(HOME + """
Residents opposed plans to close the pool because it is the only one in the town.

Oakvale had also planned to close its home in Fenby, but kept it open because of demand from the NHS.

More than 200 families were housed in hotels because the hostel was full.
""")
    for asked in ("why is the pool closing", "why is Oakvale closing the Fenby home", "why is there a shortage of housing"):
        found = why([doc], asked)
        assert found is None or not any(w in found.draft.text for w in ("only one in the town", "demand from the NHS",
                                                                         "hostel was full")), asked


def test_the_name_given_does_not_say_who_gives_it():
    assert name_given("who will name the ship", "The ship will be named ")
    assert not name_given("who will name the ship", "The ship will be named by ")
    assert not name_given("what will the ship be called", "The ship will be called ")  # the name is what is asked
    assert only_name_given("who is going to name the boat", "The boat will be named Hope at a ceremony.")
    assert not only_name_given("who named the boat", "The boat was named Hope by Mayor Ann Cole.")
    assert not only_name_given("who called the coastguard", "Jack Pender, whose dog is called Skipper, called the "
                                                            "coastguard.")  # a call made, no name given


def test_a_first_name_alone_is_the_one_person_it_names():
    known = entities(article_doc(HOME))
    assert first_named(known, "colin").name == "Colin Brathwaite"
    assert first_named(known, "marsh") is None  # no person's first name
    two = entities(article_doc("# Two Colins\n\nColin Brathwaite met Colin Hale on Monday, the council said.\n"))
    assert first_named(two, "colin") is None


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the summer fair going ahead", "The society has cancelled its summer fair for a second year.", "No"),
    ("is the summer fair going ahead", "The society has cancelled its summer fair.", "No"),
    ("is the winter fair going ahead", "The society has cancelled its summer fair.", None),  # another fair
    ("is the parade happening", "Organisers have cancelled the parade's after-party.", None),
    ("is the parade going ahead", "Organisers have called off the parade, but it will be rescheduled.", None),
    ("is the gala going ahead", "The club has insisted it has not cancelled its gala, despite posts claiming that the "
                                "club has cancelled its gala.", None),
    ("is the dog show going ahead", "If the society has cancelled its dog show, entry fees will be refunded.", None),
    ("is the summer show going ahead", "Parents asked the society to say whether it has cancelled its summer show.",
     None),
    ("is the flower show going ahead next year", "The society has cancelled the flower show for this year, but plans "
                                                 "to hold it again next year.", None),
])
def test_a_thing_its_holder_has_cancelled_is_not_going_ahead(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_when_it_ends_is_not_answered_by_when_it_starts():
    from qa.judgment.answer_kinds import end_told, start_not_end

    start = "The company will cut its winter timetable to four sailings a day, starting on 3 November."
    end = "The company said the reduced timetable would run until 28 March."
    assert start_not_end("when does the winter timetable end", start)
    assert not start_not_end("when does the winter timetable start", start)  # a start asked
    assert not start_not_end("when does the winter timetable end", "The timetable starts on 3 November and ends on "
                                                                   "28 March.")
    assert end_told("when does the winter timetable end", end)
    assert not end_told("when does the strike end", end)  # another thing's end


def test_a_count_of_two_places_together_is_not_one_places():
    from qa.judgment.answer_kinds import counted_together

    sold = "It is recalling about 48,000 battery packs sold in the United States and Canada."
    assert counted_together("How many of the batteries were sold in Canada?", sold)
    assert not counted_together("How many were sold in the United States and Canada?", sold)  # both asked
    assert not counted_together("How many were sold in Canada?", "It sold 9,000 packs in Canada and 39,000 in the "
                                                                 "United States.")


@pytest.mark.parametrize("question, sentence, again", [
    ("Why did Prigozhin's plane crash?", "Prigozhin’s plane crashed near Tver the next day.", True),
    ("Why was the match called off?", "The match was called off on Saturday.", True),
    ("Why was the match called off?", "The match was called off for a waterlogged pitch.", False),  # a reason
    ("Why did the bridge close?", "The bridge closed on Monday after engineers found cracks.", False),
    ("Why did the Normans invade England?", "The Normans invaded England in 1066 to claim the throne.", False),
])
def test_a_why_answered_by_the_event_told_again(question, sentence, again):
    from qa.judgment.answer_kinds import only_told_again

    assert only_told_again(question, sentence) is again
