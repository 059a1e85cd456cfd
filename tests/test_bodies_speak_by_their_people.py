"""A body speaks by its people: "what does the union think?" is what its branch secretary said, named by a post
the article gives in the body's own word ("Branch secretary Mara Voss"), as much as what the union said itself;
"who is she?" after it asks who that speaker is. Who holds a post is told by a deed too ("a retired vet who chairs
the HCS") and asked by part of the body's name ("the choir society"); "their organiser" after the union is its
organiser."""
from __future__ import annotations

import pytest

from qa.skills.holders import role_holder
from qa.skills.speakers import speaks_for, statements
from support import article_doc, service_on
from test_answer import assert_citations_are_exact

DEPOT = """# Bus drivers protest over depot shift changes

KELMERE — Drivers at the Kelmere bus depot walked out for two hours on Friday over new shift patterns.

The walkout was organised by the Kelmere branch of the union Transline. Branch secretary Mara Voss said the new rota was "a pay cut in all but name" for drivers on early shifts.

"People are being asked to start at 4am with no way of getting to work," she said.

The Regional Transport Board (RTB), which funds the routes, said the changes were needed to keep services running. "Nobody takes these decisions lightly," said Olwen Feld, the RTB's head of operations.

The Road Staff Guild, the union which represents the depot's engineers, said it would back the drivers. Ravi Dunn, its regional organiser, said members would vote next month.
"""

CHOIR = """# Village choir saves its hall

HOLM ST PETER — The Holm Choral Society (HCS) has bought the village hall it has rehearsed in for 40 years.

"Nobody thought a choir could buy a building," said Jean Farrant, a retired vet who chairs the HCS.

The society's treasurer, Leo Marsh, said the £90,000 price was raised in six months.
"""


def test_a_post_named_by_the_bodys_word_speaks_for_the_body_just_named():
    doc = article_doc(DEPOT)
    voss = next(s for s in statements(doc) if s.speaker.name == "Mara Voss")
    assert speaks_for(doc, voss, "the union", {"union"})
    assert speaks_for(doc, voss, "Transline", {"transline"})
    assert not speaks_for(doc, voss, "the board", {"board"})  # not the body the sentence before names


def test_a_deed_of_leading_and_part_of_the_name_find_the_chair():
    doc = article_doc(CHOIR)
    for asked in ("chair of the choral society", "chair of the hcs", "head of the society"):
        assert role_holder(doc, asked).name == "Jean Farrant", asked
    assert role_holder(doc, "head of the hall") is None  # the hall is not the society
    assert role_holder(doc, "chair of the parish council") is None


@pytest.mark.integration
def test_a_body_and_its_people_answer_what_it_says_and_who_she_is(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "depot.md", DEPOT)
    union = service.answer("what does transline think")
    assert "a pay cut in all but name" in union.text and "4am" in union.text
    assert_citations_are_exact(union, texts)
    board = service.answer("what does the rtb say")
    assert "Nobody takes these decisions lightly" in board.text
    who = service.answer("who is she?", [{"role": "user", "content": "what does the rtb say"},
                                         {"role": "assistant", "content": board.text}])
    assert who.short is not None and who.short.quote == "the RTB's head of operations"  # her, not the RTB
    history = [{"role": "user", "content": "what about the guild?"}]
    guild = service.answer(history[0]["content"])
    assert "would back the drivers" in guild.text
    history.append({"role": "assistant", "content": guild.text})
    organiser = service.answer("whos their organiser", history)
    assert organiser.short is not None and organiser.short.quote == "Ravi Dunn"
    assert_citations_are_exact(organiser, texts)
