"""qa/compose/means.py: how someone gets somewhere."""
from __future__ import annotations

import pytest

from qa.compose.means import travels_by


@pytest.mark.parametrize("question, sentence, told", [
    ("how are the kids getting to school?", "The 41 children who attend school in Trenwith are being taken by the boat.",
     True),
    ("how do staff get to work?", "Most staff go to work by bus.", True),
    ("how are the kids getting to school?", "The boat will carry 20 tourists a day.", False),  # not the children
    ("how are the kids getting to school?", "The 41 children attend school in Trenwith.", False),  # not how
    ("how much does the boat cost?", "The children are taken by the boat.", False),  # not a question of means
])
def test_a_sentence_says_how_those_asked_about_travel(question, sentence, told):
    assert travels_by(question, sentence) is told
