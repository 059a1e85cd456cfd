""""How much will it save?" is answered in form by a sentence whose own verb carries a sum ("… saving an estimated
£1.2 million a year"): a doubtful answer becomes likely (qa/compose/money_by_verb.py); never a sum only hoped for,
nor one beside another verb."""
from __future__ import annotations

import pytest

from qa.compose.money_by_verb import priced_by

LIGHTS = "Most streetlights will be turned off overnight, saving an estimated £1.2 million a year."


@pytest.mark.parametrize("question, sentence, told", [
    ("how much will it save", LIGHTS, True),
    ("how much did the council pay", "The council paid £5,000 for the survey.", True),
    ("how much does a ticket cost", "A single ticket will cost £2.50.", True),
    ("how much will it cost", LIGHTS, False),  # another verb's sum
    ("how much will it save", "The council hopes to save £2 million.", False),  # only hoped for
    ("how much will it save", "The scheme will save money, the council said, and cost £40,000 to set up.", False),
    ("how many lights will be turned off", LIGHTS, False),  # no sum asked
    ("how much will it save", "It will save time, but cost £3m.", False),
    ("how much will it save", "The council must save £5m.", False),
    ("how much did the council pay", "The developer paid £2m to the council.", False),  # another payer
    ("how much did the council charge", "He was charged with stealing £5,000.", False),  # no sum asked by "charge"
    ("how much will it cost", "It will not cost £1m.", False),
])
def test_a_sum_asked_by_its_verb_is_told_by_that_verb(question, sentence, told):
    assert priced_by(question, sentence) is told
