""""Why couldn't they …?" answered by the deed hoped for and ruled out, or barred ("too dangerous to move")
(qa/skills/why_not.py, through qa/skills/causes.why); "was too dangerous to move" gives a reason (lang/reasons)."""
from __future__ import annotations

import pytest

from lang.reasons import explains
from lang.words import roots
from qa.skills.why_not import asks_why_not, why_not
from support import article_doc

SHELL = """# Shell found on building site destroyed

PELLOW — A wartime shell found on a building site was destroyed on Thursday.

The team's commander said they had hoped to lift the shell out and take it to a quarry, but \
decided it was too dangerous to move. The shell's fuze was badly corroded, and it was impossible to tell whether it was damaged.

Residents were allowed home at 6pm.
"""


def test_a_deed_hoped_for_and_ruled_out_answers_why_it_was_not_done():
    found = why_not([article_doc(SHELL)], "why couldn't the army just take the shell away somewhere", roots("take"))
    assert found is not None and found.draft.text.startswith("The team's commander said they had hoped")
    assert "badly corroded" in found.draft.text  # the next sentence of its paragraph bars it too


def test_a_deed_barred_in_so_many_words_answers_why_not():
    found = why_not([article_doc(SHELL)], "why didn't they move the shell", roots("move"))
    assert found is not None and "too dangerous to move" in found.draft.text


@pytest.mark.parametrize("question, deed", [
    ("why did they move the shell", roots("move")),  # not a "why not"
    ("why couldn't residents go home", roots("go")),  # nothing bars going home
    ("why didn't they move the car", roots("move")),  # the thing barred is the shell, not the car
])
def test_no_why_not_answer_without_a_barred_deed_of_the_thing_asked(question, deed):
    assert why_not([article_doc(SHELL)], question, deed) is None


def test_why_not_forms():
    assert asks_why_not("why couldnt they")  # typed without its apostrophe
    assert asks_why_not("why couldn't they") and asks_why_not("so why didn't the council pay")
    assert not asks_why_not("why did they")


@pytest.mark.parametrize("text, gives", [
    ("Officers decided that it was too dangerous to move.", True),
    ("The bomb was far too unstable to lift.", True),
    ("He too wanted to stay.", False),
    ("There were too many to count.", False),
])
def test_too_dangerous_to_is_a_reason(text, gives):
    assert explains(text) is gives


def test_a_deed_asked_of_it_alone_and_no_unrelated_bar_after_it():
    found = why_not([article_doc(SHELL)], "why couldn't they move it", roots("move"))
    assert found is not None and "too dangerous to move" in found.draft.text
    pumps = SHELL.replace("The shell's fuze was badly corroded, and it was impossible to tell whether it was damaged.",
                          "Pumps from the canal were too heavy to carry.")
    found = why_not([article_doc(pumps)], "why couldn't they move the shell", roots("move"))
    assert found is not None and "Pumps" not in found.draft.text


COURT = """# Gamekeeper given suspended sentence

SKELL — A gamekeeper has been given a suspended prison sentence.

The judge said the offences were cruel and that she had considered sending Pennock straight to prison. She said she had \
suspended the sentence because of his guilty pleas and his previous good character.

He must also pay £2,650 in costs.
"""


def test_a_deed_only_considered_answers_why_not_with_the_reason_told_after_it():
    found = why_not([article_doc(COURT)], "why didnt the judge send him to prison", roots("send"))
    assert found is not None and found.draft.text.startswith("The judge said the offences were cruel")
    assert "because of his guilty pleas" in found.draft.text
    assert why_not([article_doc(COURT)], "why didnt the judge fine him", roots("fine")) is None  # not weighed


def test_a_deed_considered_and_then_done_is_no_why_not():
    text = COURT.replace("she had considered sending Pennock straight to prison.",
                         "she had considered sending Pennock straight to prison, and on Tuesday she did so.")
    assert why_not([article_doc(text)], "why didnt the judge send him to prison", roots("send")) is None
