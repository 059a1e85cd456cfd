"""What an acronym is, asked as "what is the WCPS?": the name the article says it stands for, not the person "who
chairs the WCPS"; and whom a later "she" means after "who chairs the pub society?": never the society itself."""
from __future__ import annotations

import pytest

from lang.acronyms import expansion
from qa.conversation.turn_names import focus
from qa.skills.holders import _titled
from qa.types import Route
from support import service_on
from test_answer import assert_citations_are_exact

PUB = """# Villagers buy their pub

LITTLE WENBURY — The Wenbury Community Pub Society (WCPS) completed the purchase of the Drovers Arms on Friday.

"People proved that wrong with their own money," said Helen Marbury, a retired solicitor who chairs the WCPS.

The town's MP, Daniel Oyelowo, said he had written to the brewery.

The pub stands on the Market Place.
"""


def test_a_role_told_in_a_relative_clause_is_no_title():
    assert not _titled("a retired solicitor who chairs the WCPS", "wcps")
    assert _titled("The town's MP", "mp")


def test_a_stated_expansion_only_when_asked_for_one():
    assert expansion("WCPS", PUB, stated=True).text == "Wenbury Community Pub Society"
    assert expansion("MP", PUB, stated=True) is None  # "Market Place" only shares its initials
    assert expansion("MP", PUB).text.startswith("Market Place")


def test_who_it_was_is_not_the_body_the_question_named():
    answer = "The society has appointed Priya and Dan Kettering, who ran a pub in Marlstow for eight years, as tenants."
    assert "the society" not in focus("who chairs the pub society", answer)
    voted = "The council's cabinet voted five to two to close the library."
    assert focus("who voted to close the library", voted)[:1] == ["the council's cabinet"]


@pytest.mark.integration
def test_what_is_an_acronym_spells_it_out_and_who_is_the_mp_names_the_holder(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "pub.md", PUB)
    a = service.answer("what is the wcps")
    assert a.route is Route.DEFINITION and a.short.quote == "Wenbury Community Pub Society"
    assert_citations_are_exact(a, texts)
    for question in ("who is the mp", "what is the mp"):
        a = service.answer(question)
        assert a.short is not None and a.short.quote == "Daniel Oyelowo", question


GUILD = """# Theatre to cut jobs

The Lantern Playhouse is to cut 14 of its 38 staff.

The Performing Arts Workers' Guild, the union which represents most of the theatre's backstage staff, said it would oppose any compulsory redundancies. Tom Ridings, the guild's regional organiser, said members were angry.
"""


def test_a_role_asked_with_a_possessive_is_the_bodys():
    from qa.skills.holders import role_holder
    from support import article_doc

    doc = article_doc(GUILD)
    assert role_holder(doc, "guild's organiser").name == "Tom Ridings"
    assert role_holder(doc, "theatre's organiser") is None
    assert role_holder(doc, "guild guy").name == "Tom Ridings"  # a chat's word for a person of the body
    assert role_holder(doc, "theatre guy") is None
    assert role_holder(doc, "first guy") is None  # not a body: no one's role


def test_what_about_a_body_after_a_why_asks_what_it_says():
    from qa.conversation.followup import resolve

    history = [{"role": "user", "content": "how many jobs are going at the lantern"},
               {"role": "assistant", "content": "The Lantern Playhouse is to cut 14 of its 38 staff. [1]"},
               {"role": "user", "content": "why?"},
               {"role": "assistant", "content": "The NAC said it had cut the award because audiences fell. [1]"}]
    assert resolve("what about the union?", history).searched.startswith("What does the union say?")
    after_count = history[:2]  # a count asked: the union's side too, not its own count of jobs
    assert resolve("what about the union?", after_count).searched.startswith("What does the union say?")
    topic = [{"role": "user", "content": "what did the store manager say about locking things up"},
             {"role": "assistant", "content": "Gareth Pellow said the store was losing goods. [1]"}]
    assert resolve("what about the union?", topic).searched.startswith("What does the union say?")  # whatever it spoke of
    police = [{"role": "user", "content": "what did the police say"},
              {"role": "assistant", "content": "Police said it was calm. [1]"}]
    assert resolve("what about the residents?", police).searched == "what did the residents say"
    union = [{"role": "user", "content": "what did the store manager say about the union"},
             {"role": "assistant", "content": "Gareth Pellow said the union was wrong. [1]"}]
    assert resolve("what about the council?", union).searched.lower().startswith("what did the council say about")
    priced = [{"role": "user", "content": "how much will a monthly pass cost"},
              {"role": "assistant", "content": "£40. [1]"}]
    assert "single ticket" in resolve("what about a single ticket", priced).searched  # no body: the same question
