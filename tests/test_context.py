"""The sentence a best sentence leans on (qa.compose.context)."""
from __future__ import annotations

from qa.compose.context import leaned_on
from support import scored_sentence


def _sentence(text: str, index: int):
    return scored_sentence(text, index)


def test_a_pronoun_leans_on_the_sentence_before_whatever_it_says():
    before = _sentence('"The competition was the strongest I have seen."', 0)
    best = _sentence("She won it for the third year running.", 1)
    assert leaned_on([best, before], best, "who won the cup?", asks_identity=True) is before


def test_a_noun_subject_leans_on_a_sentence_that_names_what_it_means():
    before = _sentence("The frigate Aurora anchored in the bay on Monday.", 0)
    best = _sentence("The ship was boarded by the minister.", 1)
    assert leaned_on([best, before], best, "which ship did the minister board?", asks_identity=True) is before


def test_a_noun_subject_does_not_lean_on_a_quote_that_names_nothing():
    before = _sentence('"The competition this year was the strongest I have seen."', 0)
    best = _sentence("The best-in-show cattle award was won by the Pellham family's bull.", 1)
    assert leaned_on([best, before], best, "who won best in show?", asks_identity=True) is None


def test_a_noun_subject_leans_on_a_sentence_that_says_its_noun():
    before = _sentence("a new award for young handlers was announced this spring.", 0)
    best = _sentence("The award was won by a girl of twelve.", 1)
    assert leaned_on([best, before], best, "who won the award?", asks_identity=True) is before


def test_a_sentence_that_points_at_nothing_leans_on_nothing():
    before = _sentence("The frigate Aurora anchored in the bay on Monday.", 0)
    best = _sentence("Gwen Aldous won first prize.", 1)
    assert leaned_on([best, before], best, "who won first prize?", asks_identity=True) is None
