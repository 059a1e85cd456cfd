"""Several names asked about at once ("who are X and Y?", "what are CARB and the SBA?": qa/skills/several.py,
lang/forms.named_parts) and a short form used as a title ("who is the MP?": qa/skills/holders.titled), never
spelled out by a place whose initials match it ("Market Place")."""
from __future__ import annotations

import pytest

from lang.forms import Kind, form, named_parts
from qa.skills.holders import _titled
from qa.types import Route
from support import service_on
from test_answer import assert_citations_are_exact

TOWN = """# Harbury to lose its last bank

HARBURY — Kestrel Bank will close its branch on Mill Street on 3 April, the company said on Monday.

"It was a hard decision," said Joan Petrakis, Kestrel's area director for the east.

The town's only other bank, a branch on the Market Place, closed in 2020.

Customers will be able to bank at the post office under the Counter Access Scheme (CAS), which covers most banks.

The town's MP, Daniel Oyelowo, said he had written to the bank's chief executive.

Ravi Menon, chairman of the Harbury Traders' Group (HTG), said stallholders still took cash.
"""


@pytest.mark.parametrize("subject, parts", [
    ("Joan Petrakis and Daniel Oyelowo", ["Joan Petrakis", "Daniel Oyelowo"]),
    ("petrakis, oyelowo and menon", ["petrakis", "oyelowo", "menon"]),
    ("CAS and the HTG", ["CAS", "the HTG"]),
    ("petrakis and the mp", ["petrakis", "the mp"]),
    ("the head of finance and operations at the bank", []),  # one role, not names
    ("Joan Petrakis", []),
])
def test_names_asked_about_together_are_split_only_when_each_is_a_name(subject, parts):
    assert named_parts(subject) == parts


@pytest.mark.parametrize("question, subject", [
    ("who are Joan Petrakis and Daniel Oyelowo?", "Joan Petrakis and Daniel Oyelowo"),
    ("what do petrakis and the mp do", "petrakis and the mp"),
    ("what is CAS and the HTG", "CAS and the HTG"),
])
def test_a_question_about_several_names_is_read_as_one_about_who_they_are(question, subject):
    f = form(question)
    assert f is not None and f.kind in (Kind.WHO_IS, Kind.DEFINE) and f.subject == subject


def test_what_do_people_do_needs_names_not_any_plural():
    assert form("what do residents do") is None and form("what do they do") is None


@pytest.mark.parametrize("role, short, titled", [
    ("The town's MP", "mp", True),
    ("the MP for Harbury and Wenley", "MP", True),
    ("head of the IAEA", "iaea", False),  # a body the role belongs to
    ("IAEA chief", "IAEA", False),  # a word before the role
    ("chairman of the Harbury Traders' Group (HTG)", "htg", False),
    ("who has run a shop for 26 years and chairs the CSTA", "csta", False),  # a deed, not a title
])
def test_a_short_form_is_a_title_only_as_the_roles_own_noun(role, short, titled):
    assert _titled(role, short) is titled


@pytest.mark.integration
def test_who_are_x_and_y_answers_each_with_its_own_citation_and_says_who_is_missing(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "bank.md", TOWN)
    a = service.answer("who are Joan Petrakis and Daniel Oyelowo?")
    assert a.route is Route.DEFINITION
    assert "- Joan Petrakis: Kestrel's area director for the east" in a.text
    assert "- Daniel Oyelowo: The town's MP" in a.text
    assert [c.index for c in a.citations] == [1, 2] and "[1]" in a.text and "[2]" in a.text
    assert_citations_are_exact(a, texts)
    missing = service.answer("who are joan petrakis and Declan Morrow?")
    assert "Kestrel's area director" in missing.text and "don't mention Declan Morrow" in missing.text
    acronyms = service.answer("what are CAS and the HTG?")
    assert "Counter Access Scheme" in acronyms.text and "Harbury Traders' Group" in acronyms.text
    assert_citations_are_exact(acronyms, texts)


@pytest.mark.integration
def test_the_mp_is_whoever_holds_that_title_never_a_place_with_the_same_initials(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "bank.md", TOWN)
    for question in ("who is the mp", "who is the MP?", "what is the mp"):
        a = service.answer(question)
        assert a.short is not None and a.short.quote == "Daniel Oyelowo", question
        assert "Market Place" not in a.text.split(".")[0]
        assert_citations_are_exact(a, texts)
    both = service.answer("what do petrakis and the mp do")
    assert "Daniel Oyelowo" in both.text and "area director" in both.text
