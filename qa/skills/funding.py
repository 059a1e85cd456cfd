"""Who pays for something ("who's paying for the barrier?", "where did the money come from?"): the article's
sentences that give an amount of money with a word of paying or funding (lang/funding.py), in its order, cited.
What the question sets aside ("apart from the shares") is left out."""
from __future__ import annotations

from lang.funding import FundingAsked, tells_funding
from lang.words import terms
from qa.judgment.answer_kinds import says_money
from qa.types import Route

from .article import ArticleDoc, Line
from .cite import SkillAnswer, per_article

MAX_FUNDS = 4
"""At most this many sentences of who pays, per article."""


def funding_lines(doc: ArticleDoc, asked: FundingAsked) -> list[Line]:
    """The article's sentences that say who pays for the thing asked: an amount of money and a word of paying or
    funding; not one about what the question sets aside, nor its headline."""
    aside, thing = set(terms(asked.aside)), set(terms(asked.thing))
    # Of the thing asked: named in the sentence or its passage, or the article's own subject ("who's paying for the
    # barrier?" in a story headed "... approves £38 million flood barrier"), not a grant for something else.
    about = not thing or thing <= set(terms(doc.info.title))
    return [ln for ln in doc.lines if not doc.is_headline(ln) and says_money(ln.text) and tells_funding(ln.text)
            and not aside & set(terms(ln.text)) and (about or thing & set(terms(ln.passage.text)))][:MAX_FUNDS]


def funders(docs: list[ArticleDoc], asked: FundingAsked) -> SkillAnswer | None:
    """Who pays, as each article tells it; None when none says (the single-sentence path answers)."""
    return per_article(docs, lambda doc: funding_lines(doc, asked), "Who pays, as the article tells it:", Route.FUNDING)
