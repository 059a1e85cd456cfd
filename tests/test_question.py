"""qa/question.py: what a question asks (its terms, names and wanted kind of answer), and the words it is read
into (lang.words.terms and names, which the analysis is built on)."""
from __future__ import annotations

from lang.words import names, terms
from qa.judgment.features import names_missing
from qa.question import AGE, DATE, NUMBER, analyze


def flat_idf(term: str) -> float:
    return 1.0


def test_question_analysis_finds_names_and_wanted_kind():
    q = analyze("How many Russian soldiers are stationed in Tartus?", flat_idf)
    assert q.wants == NUMBER and q.counted[-1] == "soldier"
    assert "Tartus" in q.names
    assert analyze("When did the bridge open?", flat_idf).wants == DATE
    assert analyze("How old is Ilse Brandt?", flat_idf).wants == AGE
    assert analyze("how many years old is the bridge", flat_idf).wants == AGE  # "how old", said longer
    assert analyze("Who is Ilse Brandt?", flat_idf).wants is None


def test_names_from_earlier_turns_are_not_required_of_the_evidence():
    parsed = analyze("Where are they based? (Jonathan Winer)", flat_idf, context=("Jonathan Winer",))
    assert parsed.names == ()
    assert names_missing(parsed, "The envoys are based in Tunis.") == []


def test_terms_match_by_stem_not_by_prefix():
    assert terms("sold") != terms("soldier") and terms("port") != terms("Portugal")
    assert terms("ports") == terms("port")


def test_a_country_its_adjective_and_its_abbreviation_are_one_term():
    assert terms("the United States") == terms("the US") == terms("American")
    assert terms("Russia") == terms("Russian") and terms("Libya") == terms("Libyan's")
    assert terms("they told us") == terms("they told us about it")  # the pronoun "us" is not the country
    assert not any(t.startswith("zzcountry") for t in terms("they told us"))


def test_capitalized_function_words_are_not_names():
    assert names("Since when has Haftar been Russia's ally?") == ["Haftar", "Russia"]
    assert names("Which ship anchored off Tobruk?") == ["Tobruk"]
    assert names("Although Winer spoke, the US said nothing.") == ["Winer", "US"]


def test_a_name_joined_by_an_ampersand_is_one_name():
    assert names("why did harrowby A&E get a bad rating") == ["A&E"]  # not "E"
    assert names("The AT&T deal and P&O Ferries") == ["AT&T", "P&O Ferries"]
