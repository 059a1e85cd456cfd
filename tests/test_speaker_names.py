"""qa/skills/speakers.py: the words a question may call a speaker by ("the MSC guy") against the words the
article calls them by (their name, their role, and the other names of the body their role names)."""
from __future__ import annotations

import pytest

from qa.skills.speakers import asked_terms, called, statements
from support import article_doc

pytestmark = pytest.mark.integration  # the article is parsed by spaCy

TEXT = """# Walkers rescued from ridge

Four walkers were rescued from a ridge on Sunday.
Gareth Penhallow, chief executive of the Mountain Safety Council (MSC), said call-outs had risen by a third.
"Nobody should be afraid to call for help," Penhallow said.
Councillor Isla Rennick said the team relied on bake sales.
"""


def test_a_speaker_is_called_by_the_other_names_of_the_body_their_role_names():
    doc = article_doc(TEXT)
    by_name = {s.speaker.name: s.speaker for s in statements(doc)}
    chief = by_name["Gareth Penhallow"]
    assert asked_terms("the MSC guy") == {"msc"} <= called(doc, chief)  # "guy" says only "a person"
    assert not asked_terms("the MSC guy") <= called(doc, by_name["Isla Rennick"])
    # "woman" is kept: it rules out whom it does not fit, so the council's woman is not the council's chief.
    assert not asked_terms("the council woman") <= called(doc, chief)


def test_a_group_is_not_a_speaker_whose_role_names_the_place_it_comes_from():
    from qa.skills.speakers import known_as

    doc = article_doc("""# Shop saved

Villagers bought the shop on Monday.
Ann Tolley, who runs a cafe in the village of Hethby, said trade had fallen.
Rob Marr, a resident of Hethby, said the shop was a lifeline.
""")
    by_name = {s.speaker.name: s.speaker for s in statements(doc)}
    assert not known_as(asked_terms("the villagers"), called(doc, by_name["Ann Tolley"]))  # "village" names a place
    assert known_as(asked_terms("the residents"), called(doc, by_name["Rob Marr"]))  # one resident speaks for them
    assert known_as(asked_terms("the cafe owner"), called(doc, by_name["Ann Tolley"]))  # who runs a cafe


def test_who_farms_is_the_farmer_and_who_has_lived_in_the_village_a_villager():
    from qa.skills.speakers import known_as, reasoned

    doc = article_doc("""# Solar farm inquiry

The land belongs to Robert Haines, whose family has farmed at Hollin Farm for four generations.
"The solar money means I can keep the farm going," Haines said.
Gillian Ashworth, a retired solicitor who has lived in the village for 31 years, said the fields were too good to lose.
Amira Hussain, a teacher at the village school, said she backed the plan because children would live with the change.
""")
    by_name = {s.speaker.name: s.speaker for s in statements(doc)}
    assert known_as(asked_terms("the farmer"), called(doc, by_name["Robert Haines"]))
    assert known_as(asked_terms("the villagers"), called(doc, by_name["Gillian Ashworth"]))
    assert not known_as(asked_terms("the farmer"), called(doc, by_name["Gillian Ashworth"]))
    # A teacher at the village school gives a reason; she is not "the villagers", so their words are the answer.
    assert not reasoned(doc, by_name["Gillian Ashworth"], "the villagers")


def test_a_list_of_people_of_a_sort_keeps_those_whose_role_says_so():
    from qa.skills.cite import Citer
    from qa.skills.listing import named

    doc = article_doc("""# Cycle lane approved

The council approved a cycle lane on Carlow Street on Thursday.
"Half of my customers are older people," said Derek Fallowfield, who has run a hardware shop on the street for 26 years.
Priya Lendrum, who owns a florist's near Orchard Square, said she had lost trade.
Councillor Maeve Odunsi said the lane would make the street safer.
""")
    listed = named(doc, "person", Citer(), "shop owners")
    assert "Derek Fallowfield" in listed and "Priya Lendrum" in listed and "Odunsi" not in listed


def test_a_pronoun_speaker_goes_on_from_the_last_lines_speaker_before_the_last_person_named():
    doc = article_doc("""# Homes without water

Thousands of homes have been without water since Saturday.
The MP, Fiona Tasker, said she had written to the chief executive, Graham Oldcastle.
"This was not bad luck," she said.
Councillor Mark Jones said the company had fallen short because of Peter Marsh.
He said 40 extra staff had been brought in.
""")
    by_line = {s.line.text: s.speaker.name for s in statements(doc)}
    assert by_line['"This was not bad luck," she said.'] == "Fiona Tasker"  # not Graham Oldcastle, named last
    assert by_line["He said 40 extra staff had been brought in."] == "Mark Jones"
