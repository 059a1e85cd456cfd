"""Who is who, on an article the test writes: a name the tagger takes for a body's after a person's title
("Councillor Amrit Sandhu"), a body's name it begins after its "and" ("the Bakery and Shopworkers' Union"), two of
one family ("Arthur Fennimore", "Simon Fennimore") and the family's firm named first ("Fennimore's, the bakery
chain"), and a role shared by two names ("Its joint administrators, Rachel Dunmore and Kieran Lusk"), and a role's "its" ("Ovenbrook Group … Its
chairman, Leonard Ashgrove")."""
from __future__ import annotations

import pytest

from qa.skills.entities import ORGANISATION, PERSON, entities
from qa.skills.speakers import asked_terms, called, known_as, statements
from support import article_doc

TEXT = """# Bakery chain collapses

WYEMOUTH — Fennimore's, the family-owned bakery chain with 42 shops across the county, has collapsed into \
administration. Its joint administrators, Rachel Dunmore and Kieran Lusk, closed 12 shops the following day.

Fennimore's was founded in 1968 by Arthur Fennimore, who opened his first shop on Cornmarket Street. It is now run \
by his grandson, managing director Simon Fennimore, who blamed the collapse on higher energy bills.

The Bakery and Shopworkers' Union, known as the BSU, said the company had given staff no warning.

Councillor Amrit Sandhu, the council's cabinet member for business, said the council would help staff find work.

Ovenbrook Group, which runs 120 cafés near Marsh Lane, has made an offer for 25 of the shops. Its chairman, Leonard \
Ashgrove, said Fennimore's was "a much-loved local name".
"""


@pytest.fixture(scope="module")
def found():
    return {e.name: e for e in entities(article_doc(TEXT))}


def test_a_name_after_a_persons_title_is_the_person_whatever_the_tagger_made_of_it(found):
    assert found["Amrit Sandhu"].kind == PERSON
    assert found["Amrit Sandhu"].role == "the council's cabinet member for business"
    assert "Amrit" not in found and "Sandhu" not in found


def test_a_bodys_name_is_whole_from_after_its_the(found):
    union = found["Bakery and Shopworkers' Union"]
    assert union.kind == ORGANISATION and "BSU" in union.aliases


def test_two_of_one_family_and_the_firm_named_first_are_three(found):
    assert found["Arthur Fennimore"].aliases == ("Arthur Fennimore",)
    assert found["Arthur Fennimore"].role == "who opened his first shop on Cornmarket Street"
    assert found["Simon Fennimore"].role == "managing director"
    assert "bakery chain" not in found["Arthur Fennimore"].role + found["Simon Fennimore"].role
    assert found["Fennimore"].kind == ORGANISATION  # "the family-owned bakery chain": a chain is a body


def test_a_role_of_its_is_the_body_named_last_before_it():
    doc = article_doc(TEXT)
    chair = next(s.speaker for s in statements(doc) if s.speaker.name == "Leonard Ashgrove")
    assert known_as(asked_terms("the ovenbrook chairman"), called(doc, chair))
    assert not known_as(asked_terms("the bsu chairman"), called(doc, chair))
    assert not known_as(asked_terms("the marsh lane chairman"), called(doc, chair))  # a place is no one's "its"
    rival = article_doc("# Bids\nOvenbrook Group's rival, Marlow Bank, has bid for the shops.\n\nIts chairman, Leonard "
                        "Ashgrove, said the bid was fair.\n")
    chair = next(s.speaker for s in statements(rival) if s.speaker.name == "Leonard Ashgrove")
    assert not known_as(asked_terms("the ovenbrook chairman"), called(rival, chair))  # not whose rival it is


def test_two_names_after_one_noun_share_it(found):
    assert found["Rachel Dunmore"].role == found["Kieran Lusk"].role == "Its joint administrators"


def test_one_persons_role_is_not_shared_nor_a_title_part_of_a_bodys_name():
    found = {e.name: e for e in entities(article_doc("# Arrests\nIts owner, Bob Jones, and Dan Kelly were both "
                                                     "questioned by police.\n"))}
    assert found["Bob Jones"].role == "Its owner" and found["Dan Kelly"].role == ""
    found = {e.name: e for e in entities(article_doc("# Line\nA joint statement from the Mayor and Transport for "
                                                     "London said the line would reopen.\n"))}
    assert found["Transport for London"].kind == ORGANISATION


def test_a_shorter_form_of_a_full_name_is_the_same_person():
    found = {e.name: e for e in entities(article_doc(
        "# Coup\nIn July 1977, General Zia-ul-Haq overthrew Prime Minister Zulfiqar Ali Bhutto's regime. Ali Bhutto, a "
        "leftist, had announced banning alcohol shortly before he was overthrown.\n"))}
    assert "Ali Bhutto" in found["Zulfiqar Ali Bhutto"].aliases and "Ali Bhutto" not in found
