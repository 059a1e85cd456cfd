"""A thing's measure told in the sentence after the one that names it (qa/judgment/measured_on.py): "It hung about 18
metres up a lime tree" answers "how high was the nest?" after "The nest was about the size of a football."; it comes
first, with the confidence of the sentence that names the nest, only where a measure is asked, the best sentence gives
none, and the next one goes on about the thing and gives one."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.judgment.measured_on import measured_on_first
from qa.question import analyze
from support import scored_sentence

NAMED = replace(scored_sentence("The nest was about the size of a football.", 0, fits=False), confidence=0.77)
NEXT = replace(scored_sentence("It hung about 18 metres up a lime tree.", 1), confidence=0.03)


def test_the_next_sentence_that_gives_the_measure_comes_first_with_the_confidence_of_the_named_one():
    out = measured_on_first(analyze("how high was the nest", lambda t: 1.0), (NAMED, NEXT))
    assert out[0].text == NEXT.text and out[0].confidence == 0.77 and out[1] is NAMED


@pytest.mark.parametrize("question, evidence", [
    ("how high was the nest", (replace(NAMED, fits=True), NEXT)),  # the named one gives a measure itself
    ("what is the nest made of", (NAMED, NEXT)),  # no measure asked
    ("how high was the nest", (NAMED, replace(NEXT, fits=False))),  # the next one gives none either
    ("how high was the nest", (NAMED, scored_sentence("It is thought to be 18 metres up.", 1))),  # a guess
    ("how high was the nest", (NAMED, scored_sentence("They said it was 18 metres up.", 1))),  # someone's words
    ("how high was the nest", (NAMED, scored_sentence("It hung 18 metres up.", 2))),  # not the sentence after it
    ("how high was the nest", (NAMED, scored_sentence("It hung 18 metres up.", 1, passage_id="a#1#1"))),
])
def test_the_order_stays_unless_the_sentence_after_the_named_one_gives_the_measure(question, evidence):
    assert measured_on_first(analyze(question, lambda t: 1.0), evidence)[0] is evidence[0]
