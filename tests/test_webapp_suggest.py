"""Suggested questions for uploaded articles: general rules over the article's own text."""
from __future__ import annotations

from lang.mentions import full_names, name_counts
from webapp.suggest import ABOUT, suggest_questions


def test_the_person_called_by_surname_is_asked_about():
    body = ("The city of Vaasa opened a ferry line to Umeå on Thursday, said harbour master Anna Berg. "
            "Berg expects 300 passengers a day. Tickets are free in Vaasa this week.")
    assert suggest_questions("New ferry line for Vaasa", body) == [
        ABOUT, "Who is Anna Berg?", "What does the article say about Vaasa?"]


def test_the_most_named_person_comes_first_and_titles_stay_with_the_name():
    body = ("Former envoy Jon Lund spoke on Monday. Lund was brief. Marshal Ada Vekk met the press. Vekk said "
            "the talks went well, and Vekk will travel on. The talks were held in Orsa.")
    assert suggest_questions("Talks in Orsa", body)[1] == "Who is Marshal Ada Vekk?"


def test_a_place_named_only_in_full_is_a_topic_not_a_person():
    body = "The harbour of Port Alba has 12 berths and a new crane.\n\nTraffic grew by a third in 2023."
    assert suggest_questions("Port Alba harbour review", body) == [
        ABOUT, "What does the article say about Port Alba?"]


def test_a_possessive_ends_a_name_and_a_name_of_its_own_is_not_glued_to_the_next():
    text = "Sweden’s Kiruna mine grew. The report by Sweden Maria Holm said so. Holm works in Sweden."
    names = full_names(text, name_counts("", text))
    assert "Sweden Kiruna" not in names and "Sweden’s Kiruna" not in names
    assert "Maria Holm" in names


def test_capitals_at_the_start_of_a_sentence_or_of_a_heading_are_not_names():
    counts = name_counts("", "# Quay notes\n\nWork starts soon. The new quay opens. Work ends in May.")
    assert counts["Work"] == 0 and counts["Quay"] == 0 and counts["The"] == 0


def test_a_short_article_without_names_gets_the_question_about_itself():
    assert suggest_questions("Reindeer herders count their herds",
                             "Herders in Inari counted 4,100 reindeer at the January round-up.") == [ABOUT]
    assert suggest_questions("", "") == [ABOUT]


def test_the_headline_repeated_as_the_first_line_counts_once():
    assert suggest_questions("Quay notes", "# Quay notes\n\nThe new quay is 120 metres long.") == [ABOUT]
