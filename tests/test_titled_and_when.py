"""A yes/no asked of someone by first name, answered where the sentence calls them "Mr …" (qa/compose/pointed.py);
a closing "the night it fell" where the sentence names the night (qa/compose/other_time.py); through yes_no."""
from __future__ import annotations

import pytest

from qa.compose.other_time import without_when
from qa.compose.pointed import title_named
from qa.compose.yesno import yes_no

BANG = "Mr Ferrow had also heard a loud bang at about the time of the fireball on Tuesday night."
BEFORE = "Keith Ferrow, a retired postman, found the pieces on his patio."


@pytest.mark.parametrize("question, before, expected", [
    ("did keith hear anything", BEFORE, "Yes"),
    ("did keith ferrow hear anything", "", "Yes"),
    ("did keith hear anything the night it fell", BEFORE, "Yes"),
])
def test_a_first_name_asked_is_the_one_the_sentence_calls_by_title(question, before, expected):
    assert yes_no(question, BANG, before) == expected


@pytest.mark.parametrize("question, before", [
    ("did keith hear anything", "Keith Ferrow and his brother Paul Ferrow found the pieces."),  # which Mr Ferrow?
    ("did keith hear anything", ""),  # no one named Keith Ferrow
    ("did the ferrow family hear anything", ""),
])
def test_no_first_name_put_where_the_person_is_not_certain(question, before):
    assert title_named(question, BANG, before) is None


@pytest.mark.parametrize("question, sentence, expected", [
    ("did he hear anything the night it fell", BANG, "did he hear anything"),
    ("did she leave the night they arrived", "She left that night.", "did she leave"),
    ("did she leave the night they arrived", "She left on the night of the party.",  # another night
     "did she leave the night they arrived"),
    ("did he hear anything the day it fell", BANG, "did he hear anything the day it fell"),  # no day named
])
def test_a_closing_when_clause_is_dropped_only_where_the_sentence_names_that_time(question, sentence, expected):
    assert without_when(question, sentence) == expected
