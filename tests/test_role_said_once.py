"""qa/skills/cite.py: a role shown first and then in its sentence; not twice where it opens the sentence."""
from __future__ import annotations

from support import article_doc

from qa.skills.cite import with_phrase
from qa.types import Route

TEXT = ("# Firm sold to its staff\n\nBrian Halloway, 68, who set up the firm in 1987, has sold it to its staff. "
        "Naomi Reed, the firm's finance director, said the deal was done.\n")


def _shown(phrase: str) -> str:
    doc = article_doc(TEXT)
    start = doc.text.index(phrase)
    answer = with_phrase(doc, doc.line_at(start), start, start + len(phrase), Route.DEFINITION)
    assert answer.draft.short.quote == phrase == doc.text[answer.draft.short.start:answer.draft.short.end]
    return answer.draft.text


def test_a_role_inside_the_sentence_leads_the_answer():
    assert _shown("the firm's finance director").startswith("The firm's finance director. Naomi Reed, the firm's")


def test_a_role_that_opens_the_sentence_is_shown_once():
    text = _shown("Brian Halloway, 68, who set up the firm in 1987")
    assert text.startswith("Brian Halloway, 68, who set up the firm in 1987, has sold it") and text.count("Halloway") == 1
