""""What does that include?" after an answer whose sentence lists it (qa/skills/detail.py), end to end with the
real embedder and an embedded Chroma: the phrase "including" governs in the sentence the last answer cited, in
bold, cited exactly, likely."""
from __future__ import annotations

import pytest

from qa.types import Level
from support import service_on
from test_answer import assert_citations_are_exact

pytestmark = pytest.mark.integration

TEXT = """# Bakery recalls bread after glass found

A regional bakery has recalled 40,000 loaves after pieces of glass were found in two of them, the food agency said.
The owner said the recall would cost the bakery about 90,000 pounds, including lost stock and the cost of new sieves.
Production will restart next week once the agency has inspected the site.
"""


def test_what_does_that_include_is_the_including_phrase_of_the_sentence_just_cited(tmp_path, embedder):
    svc, texts = service_on(tmp_path, embedder, "bakery.md", TEXT)
    first = "How much will the recall cost the bakery?"
    said = svc.answer(first, [])
    assert "including lost stock" in said.citations[0].quote
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": said.text}]
    a = svc.answer("what does that include?", history)
    assert_citations_are_exact(a, texts)
    assert a.short is not None and a.short.text == "lost stock and the cost of new sieves"
    assert a.level is Level.LIKELY
