"""lang/set_aside.py: what a question sets aside ("besides X") is searched without, since it is not the answer."""
from __future__ import annotations

import pytest

from lang.set_aside import set_aside


@pytest.mark.parametrize("question, searched", [
    ("where else were the cheeses sold besides calloways", "where else were the cheeses sold"),
    ("Besides the mayor, who else spoke?", "who else spoke?"),
    ("Which other shops, apart from Calloway's, sold them?", "Which other shops sold them?"),
    ("who else bid for the club apart from the consortium?", "who else bid for the club?"),
    ("Who else, other than Smith, was charged?", "Who else was charged?"),
    ("what else was found except for the drain", "what else was found"),
])
def test_what_is_set_aside_is_not_searched(question, searched):
    assert set_aside(question) == searched


@pytest.mark.parametrize("question", [
    "did everyone except the mayor vote for it?",  # a yes/no claim: the phrase is part of what is asked
    "what besides the fine?",  # nothing of its own would be left
    "what does the group make apart from wind farms",  # asks for no others: without the phrase, another question
    "what does the group make other than turbines",
    "who runs the club?",  # nothing set aside
])
def test_a_question_that_sets_nothing_aside_or_claims_it_is_left_as_it_is(question):
    assert set_aside(question) == question
