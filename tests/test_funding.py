"""Who pays for something: the question's form (lang/funding.py) and the article's sentences of money paid,
granted or raised (qa/skills/funding.py), cited with offsets into the article."""
from __future__ import annotations

import pytest

from lang.funding import FundingAsked, asks_funding
from qa.skills.funding import funders
from qa.types import Level, Route
from support import article_doc

TEXT = """# Weir rebuilt after floods

HOLMFORD — The town's weir will be rebuilt at a cost of £9 million, the council said on Monday.
Most of the money will come from the Rivers Trust, which is contributing £6 million.
The council will pay £2 million, and the rest will be raised through a public appeal.
Local anglers, who had campaigned for the work, held a sale of shares in their club in May, which raised £4,000.
The weir was built in 1850 and is 40 metres wide.
"""


@pytest.mark.parametrize("question, asked", [
    ("who's paying for the weir", FundingAsked("the weir")),
    ("Who is funding the new weir?", FundingAsked("the new weir")),
    ("where did the money for the weir come from", FundingAsked("the weir")),
    ("how will the weir be paid for", FundingAsked("the weir")),
    ("apart from the appeal, where does the money come from?", FundingAsked("", "the appeal")),
    ("so who's footing the bill", FundingAsked("")),
    ("who pays back the loan", None),  # repaying, not paying for
    ("who is the council leader", None),
    ("how much will the weir cost", None),  # what it costs, not who pays
])
def test_who_pays_is_asked_in_many_ways(question, asked):
    assert asks_funding(question) == asked


def test_who_pays_is_the_articles_sentences_of_money_paid_granted_or_raised():
    doc = article_doc(TEXT)
    found = funders([doc], FundingAsked("the weir"))
    assert found.level is Level.LIKELY and found.draft.route is Route.FUNDING
    quotes = [c.quote for c in found.draft.citations]
    assert quotes[0].startswith("Most of the money will come from the Rivers Trust")
    assert any(q.startswith("The council will pay £2 million") for q in quotes)
    assert not any("at a cost of" in q or "built in 1850" in q for q in quotes)  # a cost, a date: no one pays
    for c in found.draft.citations:
        assert TEXT[c.start:c.end] == c.quote
    # What the question sets aside is left out.
    aside = funders([doc], FundingAsked("", "the shares"))
    assert not any("shares" in c.quote for c in aside.draft.citations)


def test_money_for_something_else_is_not_who_pays_for_the_thing_asked():
    doc = article_doc(TEXT)
    assert funders([doc], FundingAsked("the new library")) is None  # the story is the weir's
    assert funders([doc], FundingAsked("the weir")) is not None  # named in its headline


def test_an_article_that_says_nothing_of_who_pays_leaves_the_question_to_the_single_sentence_path():
    doc = article_doc("# Weir\n\nHOLMFORD — The weir is 40 metres wide.\nIt was built in 1850 at a cost of £9,000.\n")
    assert funders([doc], FundingAsked("the weir")) is None
