"""Why someone holds a view (lang/motives.py): "why does X want/think/oppose …?", "why is X against …?" ask for
the holder's reasons, which their reported words give; a deed ("why did the mayor resign?") is not one."""
from __future__ import annotations

import pytest

from lang.motives import asks_motive


@pytest.mark.parametrize("question, holder, about", [
    ("why does the museum director think the statue should go back", "the museum director",
     "the statue should go back"),
    ("why is gareth quilliam against it", "gareth quilliam", "it"),
    ("Why are the supporters against the stadium move?", "the supporters", "the stadium move"),
    ("why did the headteacher want the phone ban", "the headteacher", "the phone ban"),
    ("and why does fenwick say greyline cant pay more", "fenwick", "greyline cant pay more"),
    ("why are students angry", "students", ""),
])
def test_a_stance_asked_why_names_its_holder_and_what_it_is_about(question, holder, about):
    assert asks_motive(question) == (holder, about)


@pytest.mark.parametrize("question", [
    "why did the mayor resign", "why is the water company bringing in the ban now", "why was the match called off?",
    "what does the director think?", "who is against the plan?",
])
def test_a_deed_or_a_question_that_is_not_why_is_not_a_motive(question):
    assert asks_motive(question) is None
