"""Dates read as written ("this decision" has no December in it; "what happened in 2020" asks of 2020), what
happened after an event told by the next sentence ("In 2020, he apologised …" / "He repaid …"), a timeline answer
as the event a follow-up goes on from, a first name after a title ("Deputy Chief Constable Priya Hallam"), a
person's past ("Hallam, 48, joined …"), and a possessive typed without its apostrophe ("whats hallams background")."""
from __future__ import annotations

import datetime as dt

import pytest

from lang.dates import find_dates
from lang.forms import Kind, form
from qa.conversation.next_event import after_the_answer
from qa.conversation.turn_names import focus
from qa.types import Route
from support import article_doc, service_on
from test_answer import assert_citations_are_exact

FORCE = """# Chief constable suspended

WEXFORD — The chief constable of Kellmoor Police, Owen Tarrant, has been suspended while an inquiry runs.

"I have not taken this decision lightly," the commissioner said.

Deputy Chief Constable Priya Hallam will lead the force with immediate effect. Hallam, 48, joined Kellmoor Police in 2019 from Calder Constabulary, where she headed the major crimes unit.

It is not the first time Tarrant has faced criticism. In 2020, he apologised after the force spent £62,000 on a conference. He repaid £1,900 for his own room, and the commissioner decided that no further action was needed.

The commissioner, who was elected in May 2024, said the suspension would be reviewed every four weeks.
"""


@pytest.mark.parametrize("text, dates", [
    ('"I have not taken this decision lightly," she said.', []),
    ("This may be the end.", []),
    ("It opened in May 2021.", ["May 2021"]),
    ("what happened in may 2021", ["may 2021"]),  # typed in lower case, with its year
    ("since Dec. 3", ["Dec. 3"]),
])
def test_a_month_is_a_whole_word(text, dates):
    assert [d.text for d in find_dates(text, dt.date(2025, 10, 1))] == dates


def test_a_possessive_typed_without_its_apostrophe_still_asks_who_they_are():
    f = form("whats hallams background")
    assert f is not None and f.kind is Kind.WHO_IS and f.subject == "hallam"
    assert form("what is the bus role").kind is Kind.DEFINE  # "bus" is no one's


def test_a_timeline_answer_is_the_event_a_follow_up_goes_on_from():
    answer = "In “Chief constable suspended”, 2020:\n- 2020: In 2020, he apologised after the force spent £62,000. [1]"
    assert after_the_answer("and what happened after that?", answer) == \
        "What happened after in 2020, he apologised after the force spent £62,000?"
    assert after_the_answer("and what happened after that?", "Next, May 2024: The commissioner was elected. [1]") == \
        "What happened after the commissioner was elected?"


def test_a_title_alone_is_no_one_a_pronoun_can_stand_for():
    answer = 'Priya Hallam (Deputy Chief Constable): In a message to staff, Hallam said: "Our job has not changed." [1]'
    assert focus("what about the deputy?", answer) == ["Priya Hallam"]


@pytest.mark.integration
def test_a_first_name_after_a_title_is_part_of_the_name():
    from qa.skills.entities import entities

    people = {e.name: e.role for e in entities(article_doc(FORCE))}
    assert people.get("Priya Hallam") == "Deputy Chief Constable"


@pytest.mark.integration
def test_a_day_asked_about_shows_that_day_and_what_the_next_sentence_did_after_it(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "force.md", FORCE)
    day = service.answer("what happened in 2020")
    assert day.route is Route.TIMELINE and "apologised" in day.text and "2019" not in day.text
    assert "December" not in day.text
    history = [{"role": "user", "content": "what happened in 2020"}, {"role": "assistant", "content": day.text}]
    after = service.answer("and what happened after that?", history)
    assert after.text.startswith("Next, the article says: He repaid £1,900")
    assert_citations_are_exact(after, texts)
    whole = service.answer("give me a timeline")
    assert "December" not in whole.text  # "this decision" is no date


@pytest.mark.integration
def test_who_someone_is_goes_on_to_their_past(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "force.md", FORCE)
    for question in ("who is priya hallam", "whats hallams background"):
        a = service.answer(question)
        assert a.short is not None and a.short.quote == "Deputy Chief Constable", question
        assert "joined Kellmoor Police in 2019" in a.text
        assert_citations_are_exact(a, texts)


@pytest.mark.integration
def test_what_came_of_a_plan_is_the_next_sentence_that_points_back_to_it(tmp_path, embedder):
    text = """# Park sale backed

TARRBY — The council has agreed to sell part of Quellfield Park.

This is not the first time the council has tried to sell part of the park. In 2016, it offered a strip beside the gates to a supermarket chain. That plan was dropped after more than 2,000 residents objected.
"""
    service, texts = service_on(tmp_path, embedder, "park.md", text)
    day = service.answer("what happened in 2016")
    history = [{"role": "user", "content": "what happened in 2016"}, {"role": "assistant", "content": day.text}]
    after = service.answer("and what happened after that?", history)
    assert "That plan was dropped" in after.text
    assert_citations_are_exact(after, texts)
