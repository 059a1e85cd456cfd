"""What comes next in a story ("what happens next?"): the sentences that look ahead (lang/next_steps.py), the last
ones of the article first, since news ends on what is still to come; cited, in the article's order."""
from __future__ import annotations

from lang.next_steps import looks_ahead
from lang.rules import quoted_share
from lang.words import terms
from qa.types import Route

from .article import ArticleDoc, Line
from .cite import SkillAnswer, per_article

MAX_STEPS = 3
"""At most this many sentences of what is to come, per article."""


def ahead(doc: ArticleDoc, subject: str = "") -> list[Line]:
    """The article's last sentences that look ahead (about the subject, when one is asked and named there), in the
    article's order. Not its first sentence, which tells the event itself ("… will close next spring"), and not a
    sentence that is mostly a quote when reported ones say enough."""
    body = [ln for ln in doc.lines if not doc.is_headline(ln)][1:]
    found = [ln for ln in body if looks_ahead(ln.text)]
    wanted = set(terms(subject))
    if wanted:  # of one named ("what will the residents do next?"): its own steps, or the story's when it is the story
        found = [ln for ln in found if wanted & set(terms(ln.text))] or (
            found if wanted & set(terms(f"{doc.info.title} {doc.lines[0].text if doc.lines else ''}")) else [])
    reported = [ln for ln in found if quoted_share(ln.text) < 0.5]
    return (reported if len(reported) >= 2 else found)[-MAX_STEPS:]


def next_steps(docs: list[ArticleDoc], subject: str = "") -> SkillAnswer | None:
    """What each article says is to come, cited; None when none says (the single-sentence path answers). Likely,
    not sure: the sentences are told by their words of time and plan, not judged."""
    return per_article(docs, lambda doc: ahead(doc, subject), "What comes next, as the article tells it:",
                       Route.TIMELINE)
