"""qa/skills/spelled_out.py: a name spelled out before its acronym is an organisation, whatever the tagger read."""
from __future__ import annotations

from lang.tagging import parse
from qa.skills.spelled_out import kind_named, spelled_out


def _names(text: str) -> dict[str, str]:
    doc = parse(text)
    return {span.text: label for span, label in spelled_out(doc, [(e, e.label_) for e in doc.ents])}


def test_a_name_spelled_out_before_its_acronym_is_an_organisation():
    found = _names("The strike was called by the Associated Flight Crew Union (AFCU), which represents 640 pilots.")
    assert found.get("Associated Flight Crew Union") == "ORG"
    # What the tagger found already is kept as it found it.
    found = _names("The pool is run by the Halbrook Community Leisure Trust (HCLT) on the council's behalf.")
    assert [label for name, label in found.items() if name.endswith("Halbrook Community Leisure Trust")] == ["ORG"]


def test_words_in_lower_case_before_an_acronym_are_no_name():
    found = _names("The temporary use ban (TUB) applies to homes across the valley.")
    assert not any("use ban" in name for name in found)


def test_names_the_article_calls_a_kind_of_organisation_right_before_them_are_organisations():
    doc = parse("Tom Brierley, campaigns director of the animal welfare charity Open Range, said it was wrong.")
    found = {span.text: label for span, label in kind_named(doc, [(e, e.label_) for e in doc.ents])}
    assert found.get("Open Range") == "ORG"
    # A person's word ("the manager Ana Roth") or a title after the kind ("the council Leader ...") is not it.
    doc = parse("The club's manager Ana Roth and the council Leader Tom Hale spoke on Monday.")
    found = {span.text: label for span, label in kind_named(doc, [(e, e.label_) for e in doc.ents])}
    assert "ORG" not in {found.get("Ana Roth"), found.get("Tom Hale"), found.get("Leader Tom Hale")}
