"""The English rules of lang/rules.py, each with concrete words: auxiliaries and their contractions, negation,
question words, yes/no questions, dates and years, and whether a name is in a text."""
from __future__ import annotations

import pytest

from lang.rules import (MODALS, YEAR, auxiliary, has_date, is_negation, is_reporting, is_yes_no, name_in, negated,
                        negates, question_word, text_keys)


@pytest.mark.parametrize("word, base", [
    ("didn't", "did"), ("Didn’t", "did"), ("can't", "can"), ("won't", "will"), ("shan't", "shall"),
    ("isn't", "is"), ("haven't", "have"), ("Does", "does"), ("visited", "visited"),
])
def test_auxiliary_undoes_contracted_negation(word, base):
    assert auxiliary(word) == base


def test_negation_words_and_contractions():
    assert [w for w in ["not", "Never", "nobody", "without", "didn't", "n't", "nothing"] if is_negation(w)] == [
        "not", "Never", "nobody", "without", "didn't", "n't", "nothing"]
    assert not any(is_negation(w) for w in ["note", "knot", "nothingness", "Nora", "now"])


def test_not_only_adds_instead_of_denying():
    assert negates("not", "the") and negates("never") and negates("n't")
    assert not negates("not", "only") and not negates("Not", "just") and not negates("soon")


def test_negated_reads_whole_words_of_a_text():
    assert negated("He didn’t go.") and negated("She said no.") and negated("They never came back")
    assert not negated("Notably, he went.") and not negated("a notice of nothingness")


def test_question_word_is_one_of_the_first_three_words():
    assert question_word("When did the bridge open?") == "when"
    assert question_word("In what year did it open?") == "what"
    assert question_word("Whose bridge is it?") == "whose"
    assert question_word("The bridge opened in what year?") is None
    assert question_word("Did it open?") is None


def test_yes_no_questions_start_with_an_auxiliary():
    assert is_yes_no("Did the bridge open?")
    assert is_yes_no("Didn't Brandt open it?")
    assert is_yes_no("Can't they pay?")
    assert not is_yes_no("Who opened it?")
    assert not is_yes_no("Was it who?")            # a question word near the start
    assert not is_yes_no("Bridge opened?")
    assert not is_yes_no("")


def test_has_date_finds_a_year_or_a_month():
    assert has_date("in 1990") and has_date("in the 1990s") and has_date("on May 3") and has_date("since Sept. 4")
    assert not has_date("3,000 tonnes") and not has_date("in 2150") and not has_date("the bridge opened")


def test_year_pattern_takes_years_1000_to_2099_and_decades():
    assert YEAR.findall("1999, 2023, the 1990s, 2150, 999, 12345") == ["1999", "2023", "1990"]


def test_text_keys_are_the_terms_and_words_of_a_text():
    keys = text_keys("Mayor Anna Roth’s bridge cost $40 million in 2019.")
    assert {"roth", "anna", "bridge", "bridg", "40", "2019", "million"} <= keys  # words and their stems
    assert "roth’s" not in keys and "$40" not in keys


ROTH = text_keys("Mayor Anna Roth’s bridge cost $40 million in 2019; Petrenko spoke for the council.")


def test_a_name_is_in_a_text_when_its_last_word_is():
    assert name_in("Anna Roth", ROTH) and name_in("Roth", ROTH) and name_in("Jan Roth", ROTH)
    assert not name_in("Anna Weber", ROTH)


def test_every_word_of_a_name_when_asked_for():
    assert name_in("Anna Roth", ROTH, every_word=True) and name_in("Mayor Roth", ROTH, every_word=True)
    assert not name_in("Jan Roth", ROTH, every_word=True)


def test_a_long_name_may_be_one_letter_longer_or_shorter_at_its_end():
    assert name_in("Petrenkov", ROTH) and name_in("Petrenk", ROTH)
    assert not name_in("Petrenkova", ROTH) and not name_in("Petren", ROTH)  # two letters off
    assert not name_in("Porto", text_keys("the port"))  # short words never match this way


def test_a_number_must_be_there_as_written():
    assert name_in("2019", ROTH) and name_in("40", ROTH)
    assert not name_in("41", ROTH) and not name_in("2018", ROTH)
    assert not name_in("Roth 2018", ROTH)  # the name is there, the number is not


def test_a_number_written_with_its_unit_is_mentioned():
    assert name_in("20", text_keys("Most roads will be 20mph.")) and name_in("3", text_keys("at 3pm"))
    assert not name_in("1990", text_keys("in the 1990s")) and not name_in("20", text_keys("A20 road"))


def test_reporting_verbs_in_any_form():
    assert all(is_reporting(w) for w in ["said", "says", "told", "reported", "confirms", "wrote", "announced"])
    assert not any(is_reporting(w) for w in ["denied", "hoped", "doubted", "opened"])


def test_modals_are_auxiliaries_of_possibility_and_future():
    assert {"may", "might", "could", "will", "would"} <= MODALS and not {"did", "was", "has"} & MODALS


def test_the_stop_words_read_without_importing_sklearn_are_sklearns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from lang.words import FUNCTION_WORDS, glasgow_stop_words

    assert glasgow_stop_words() == ENGLISH_STOP_WORDS and ENGLISH_STOP_WORDS <= FUNCTION_WORDS
