"""A body speaks by its people: "what does the union think?" is what its branch secretary said, named by a post
the article gives in the body's own word ("Branch secretary Mara Voss"), as much as what the union said itself;
"who is she?" after it asks who that speaker is. Who holds a post is told by a deed too ("a retired vet who chairs
the HCS") and asked by part of the body's name ("the choir society"); "their organiser" after the union is its
organiser."""
from __future__ import annotations

import pytest

from qa.skills.holders import role_holder
from qa.skills.speakers import statements
from qa.skills.voices import speaks_for
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


PETITION = """# School to cut its week to four days

HALMER — A school in Halmer will teach pupils four days a week from September.

Marcus Olney, the trust's chief executive, said the trust had "looked at every option".

He said pupils who needed supervision on Fridays would be offered places at a club.

Parents are divided. Gemma Tullett, whose two sons attend the school, has started a petition against the plan.

"Working parents can't just take every Friday off," she said.
"""


def test_a_role_told_by_family_is_a_persons_and_she_is_not_the_last_he():
    from qa.skills.entities import PERSON, entities

    doc = article_doc(PETITION)
    assert next(e for e in entities(doc) if e.name == "Gemma Tullett").kind == PERSON  # "whose two sons …"
    said = {s.line.text.strip()[:20]: s.speaker.name for s in statements(doc)}
    assert said['"Working parents can'] == "Gemma Tullett"
    assert all(name != "Marcus Olney" for text, name in said.items() if "she said" in text)


BID = """# Market town bids for cycle race

HEXLEY — The market town of Hexley has bid to host a stage of a national cycle race.

Hexley Town Council voted by seven votes to two on Tuesday to apply.

Councillor Jane Amble, the leader of the town council, said the town needed "a reason for people to come here".

Tom Fair, chairman of the Hexley Wheelers cycling club, helped draw up the route.
"""


def test_a_role_that_names_the_body_by_its_kind_is_the_bodys():
    from qa.skills.speakers import called, known_as

    doc = article_doc(BID)
    leader = next(s.speaker for s in statements(doc) if s.speaker.name == "Jane Amble")
    assert known_as({"hexley"}, called(doc, leader))  # "the town council" is Hexley Town Council


def test_and_what_names_another_thing_in_place_of_the_whole_name():
    from qa.conversation.followup import resolve

    history = [{"role": "user", "content": "what is the tour of the shires"},
               {"role": "assistant", "content": "The NCRA organises the eight-day Tour of the Shires each September. [1]"}]
    assert resolve("and the northern classic?", history).searched.lower() == "what is the northern classic"


PARKING = """# Hospital staff parking charge to double

WRENLEY — The hospital trust will raise the monthly permit for full-time staff from £18 to £42 from 1 April.

Staff nurse Priya Dane, who has worked on the cardiac ward for 14 years, said the new charge would cost her an extra £288 a year.
"""


@pytest.mark.integration
def test_one_whose_role_a_group_word_only_qualifies_does_not_speak_for_the_group(tmp_path, embedder):
    service, _ = service_on(tmp_path, embedder, "parking.md", PARKING)
    a = service.answer("why will staff pay to park from april")
    assert "Priya Dane" not in a.text.split(":")[0]  # her words are a nurse's, not the staff's reason


def test_a_committee_or_section_chair_is_not_the_bodys_and_a_branch_officer_is_its_bodys_alone():
    doc = article_doc("""# Pub society elects chair

WENBY — The Wenby Community Pub Society (WCPS) met on Monday.

Colin Ashby, a retired solicitor who chairs the WCPS planning committee, spoke first.

The society's chair, Margaret Hollins, said the vote was close.
""")
    assert role_holder(doc, "chair of the wcps").name == "Margaret Hollins"
    strike = article_doc("""# Porters to strike

WRENLEY — Porters in Unison voted to strike, but the Wrenley branch of the GMB said its members would not join them.

Branch secretary Maureen Tilby said the GMB had not been consulted.
""")
    tilby = next(s for s in statements(strike) if s.speaker.name == "Maureen Tilby")
    assert not speaks_for(strike, tilby, "Unison", {"unison"})  # the branch is the GMB's
    lloyds = article_doc("""# Bank staff walk out

HEXLEY — Staff at the Hexley branch of Lloyds Bank walked out on Monday in a row over pay.

Branch secretary Maureen Tilby said members were angry.
""")
    officer = next(s for s in statements(lloyds) if s.speaker.name == "Maureen Tilby")
    assert not speaks_for(lloyds, officer, "Lloyds Bank", {"lloyds", "bank"})  # a union's officer, not the bank's
    bank = article_doc("""# Bank staff to strike

HEXLEY — Staff at the Hexley branch of Lloyds Bank, who are members of the union Unite, will strike on Friday.

Branch secretary Jane Mills said staff had been left with no choice.
""")
    mills = next(s for s in statements(bank) if s.speaker.name == "Jane Mills")
    assert not speaks_for(bank, mills, "Lloyds Bank", {"lloyds", "bank"})  # two bodies: a union post, not the bank's


def test_a_critic_or_a_former_leader_of_the_council_is_not_its_voice_nor_a_parent_company_a_person():
    from qa.skills.entities import PERSON, entities
    from qa.skills.speakers import called, known_as

    doc = article_doc("""# Town bids for race

HEXLEY — Hexley Town Council has bid to host a stage of a cycle race, its spokesman said.

Ken Adams, a fierce critic of the town council, said the money was wasted.

Sue Patel, the former leader of the town council, said she backed the bid.

Marlow Foods, whose parent company is based in Leeds, said it would sponsor the stage.
""")
    for name in ("Ken Adams", "Sue Patel"):
        speaker = next(s.speaker for s in statements(doc) if s.speaker.name == name)
        assert not known_as({"hexley"}, called(doc, speaker)), name
    assert all(e.kind != PERSON for e in entities(doc) if e.name == "Marlow Foods")


def test_a_he_she_quotes_is_not_the_speakers_own_pronoun():
    doc = article_doc("""# Pensioner loses savings

HEXLEY — A pensioner has lost her savings to a fraudster.

Jane Mills, 81, said the man had seemed kind. "He said he would pay me back," she said.

She said she had lost her faith in people.
""")
    said = [s.line.text.strip()[:12] for s in statements(doc) if s.speaker.name == "Jane Mills"]
    assert "She said she" in said
