"""Who pays for something ("who's paying for the barrier?", "where did the money come from?"): the article's
sentences that give an amount of money with a word of paying or funding (lang/funding.py), in its order, cited.
What the question sets aside ("apart from the shares") is left out."""
from __future__ import annotations

from lang.funding import FundingAsked, tells_funding
from lang.words import terms
from qa.compose.compose import Draft
from qa.judgment.answer_kinds import says_money
from qa.types import Level, Route

from .article import ArticleDoc, Line
from .cite import Citer, SkillAnswer, clip

MAX_FUNDS = 4
"""At most this many sentences of who pays, per article."""


def funding_lines(doc: ArticleDoc, asked: FundingAsked) -> list[Line]:
    """The article's sentences that say who pays: an amount of money and a word of paying or funding; not one
    about what the question sets aside, nor its headline."""
    aside = set(terms(asked.aside))
    return [ln for ln in doc.lines if not doc.is_headline(ln) and says_money(ln.text) and tells_funding(ln.text)
            and not aside & set(terms(ln.text))][:MAX_FUNDS]


def funders(docs: list[ArticleDoc], asked: FundingAsked) -> SkillAnswer | None:
    """Who pays, as each article tells it; None when none says (the single-sentence path answers). Likely, not
    sure: the sentences are told by their words, not judged."""
    citer = Citer()
    blocks = []
    for doc in docs:
        lines = funding_lines(doc, asked)
        if lines:
            body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in lines)
            blocks.append(body if len(docs) == 1 else f"“{clip(doc.info.title)}”: {body}")
    if not blocks:
        return None
    text = "Who pays, as the article tells it: " + "\n\n".join(blocks)
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.FUNDING), level=Level.LIKELY, confidence=0.5)
