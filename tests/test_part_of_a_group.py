"""A yes/no question about all of a group is answered No by a sentence that gives the deed to only part of it ("38,000
of the county's 52,000 streetlights", "Of the six keepers, four …", "Most flights …"), never where the rest of the
group is told too, the part is not smaller, or the deed is only possible."""
from __future__ import annotations

import pytest

from qa.compose.part_only import part_only
from qa.compose.yesno import yes_no


@pytest.mark.parametrize("question, sentence", [
    ("are all the streetlights being turned off?",
     "About 38,000 of the county's 52,000 streetlights will be turned off overnight, saving £1.2 million a year."),
    ("are all the keepers getting jobs at carrowby", "Of the six remaining keepers, four have been offered jobs at "
                                                    "Carrowby Zoo."),
    ("were all flights cancelled", "The airline cancelled 86 of its 90 flights on Monday."),
    ("were all flights cancelled", "Most flights were cancelled on Monday."),
    ("did every councillor vote for it", "Nine of the 12 councillors voted for the plan."),
])
def test_a_part_of_the_group_says_not_all(question, sentence):
    assert part_only(question, sentence) == "No"
    assert yes_no(question, sentence) == "No"


@pytest.mark.parametrize("question, sentence", [
    ("are all the keepers getting jobs", "Of the six keepers, four have been offered jobs at Carrowby and the other "
                                         "two at Fellside."),  # the rest told too
    ("did all the pupils pass", "Of the 30 pupils, 28 passed, and two will resit."),
    ("were all flights cancelled", "86 of the 90 flights may be cancelled."),  # only possible
    ("were all the staff at the meeting", "Of the 40 staff, 12 signed the letter."),  # another deed
    ("were all flights cancelled", "The airline cancelled 90 of its 90 flights."),  # not smaller
    ("were all flights cancelled", "The storm hit 86 of the 90 towns on the coast."),  # another group
    ("was the flight cancelled", "The airline cancelled 86 of its 90 flights."),  # not asked of all
    ("are all the bridges closed?", "The most damaged bridges are closed."),  # a superlative
    ("are all the streetlights being replaced?", "Most of the streetlights replaced last year were faulty."),
    ("are all the schools closing?", "Three of the 12 schools were built before 1900, and the council says the schools "
                                     "will close."),  # the part is not who closes
    ("are all the staff being paid?", "Most staff said they had not been told whether they were being paid."),
    ("are all the councillors backing the plan?", "The plan was discussed at a meeting attended by nine of the 12 "
                                                  "councillors."),
    ("are all the workers losing their jobs?", "The company said all of its 1,000 workers would lose their jobs, after "
                                               "200 of the 1,000 workers lost them last year."),  # all of them, said
])
def test_no_part_read_where_the_rest_is_told_or_another_deed_or_group(question, sentence):
    assert part_only(question, sentence) != "No"
    assert yes_no(question, sentence) != "No"


@pytest.mark.parametrize("question, sentence", [
    ("are all the streetlights being turned off?", "After all, 38,000 of the county's 52,000 streetlights will be "
                                                   "turned off."),  # "after all" is no "all"
])
def test_after_all_is_no_word_of_the_rest(question, sentence):
    assert yes_no(question, sentence) == "No"


@pytest.mark.parametrize("question, sentence", [
    ("are all the workers losing their jobs?", "All of its 1,000 workers will be told on Monday, and 600 of the 1,000 "
                                               "workers will lose their jobs."),
    ("are all the shops closing?", "Twelve of the 40 shops are closing, and all staff will be redeployed."),
    ("are all the flights cancelled?", "Most flights at all three airports were cancelled."),
])
def test_a_part_counted_beside_all_gives_no_verdict_either_way(question, sentence):
    assert yes_no(question, sentence) is None
