"""A summary: the 3-5 sentences that carry an article's story, in the article's order: its lede, then those that
count most for the story. A sentence counts for the story when it is central (close to the mean of the article's
sentence vectors), early (news puts the story first), names what the article is most about, tells a figure, and
reports rather than quotes; each pick avoids repeating one already chosen."""
from __future__ import annotations

import re

import numpy as np

from lang.next_steps import looks_ahead
from lang.rules import has_date, quoted_share, refers_back, speaks_as_pronoun
from lang.words import names, words

from .article import ArticleDoc, Line
from .entities import entities

LEAD_WEIGHT = 0.12
"""How much the first sentences count beyond their centrality (news writes the story first)."""
NAMES_WEIGHT = 0.04
"""Per main name a sentence mentions (the article's three most named people or organisations)."""
REDUNDANCY = 0.6
"""How much likeness to a sentence already chosen costs (maximal marginal relevance)."""
QUOTED = 0.1
"""What a sentence costs per share of it inside quotation marks: a summary reports the story in the article's own
words, as a news digest does; a quote is the colour around the facts ("“We have run out of options.”")."""
POINTING = 0.1
"""What a sentence whose speaker or doer is only a pronoun ("He said ...", "“...,” she said") costs unless the sentence it points
back to is chosen: read alone, its "he" is no one. So does a quote with no speaker in it ("“There are other firms
here.”" after "..., Crane said."): read alone, no one says it."""

FACTS = 0.03
"""What a sentence that tells a number (a sum, a share, a count, a date) gains: a digest keeps the story's figures
("voted by 112 to 47", "expected to cost £310,000"), which the vectors' centrality does not see. Every number counts:
on the development summaries, counting only sums, shares and tallies did worse than counting none."""
_FIGURE = re.compile(r"[£$€]\s?\d|\d%|\b\d[\d,.]*\b")

UNSPOKEN = 0.95
"""The quoted share above which a sentence is all quote, its speaker named in another sentence."""


def needs_its_speaker(text: str) -> bool:
    """Does the sentence name its speaker or doer only in another sentence ("He said ...", "“We will appeal.”",
    "Its soil consultant told the inquiry ...", not "Its president, Alun Brathwaite, said ...")?"""
    return speaks_as_pronoun(text) or quoted_share(text) > UNSPOKEN or (
        _ITS.match(text) is not None and not any(len(n.split()) > 1 for n in names(text)))  # not "Its chair, Ana Roth"


_ON_CONDITION = re.compile(r"^\W*(?:if|unless|should|once|separately|meanwhile|elsewhere|in\s+other\s+news)\b", re.I)
"""A step that waits on another ("If it is approved, work will start in January"): read alone, it is half a step; or
one of another story ("Separately, new bins will be delivered …")."""
_WHEN = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|next\s+(?:week|month|year|spring|"
                   r"summer|autumn|winter)|later\s+this\s+(?:week|month|year)|this\s+(?:spring|summer|autumn|winter))\b", re.I)
"""A step told with when it comes ("on Thursday, 6 November", "next week"): not a change told in the future ("Half
plots will rise from £26 to £70")."""
_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,")
"""An aside about someone ("Mr Ashby, who will turn 60 next month, has led …"): what is to come in it is not the story's."""
_ITS = re.compile(r"^\s*its\s", re.I)
"""A sentence about something's own that names no one ("Its soil consultant told the inquiry ..."): whose is in the
sentence before."""


MAX_SIZE = 5
"""A summary never runs past this many sentences."""


def summary_size(sentences: int) -> int:
    """3 sentences for a short article, 4 for a medium one, 5 beyond 30 sentences."""
    return 3 if sentences <= 12 else 4 if sentences <= 30 else 5


def summarize(doc: ArticleDoc, size: int | None = None) -> list[Line]:
    """The summary sentences of the article, in article order (computed once per article version)."""
    return doc.derived(("summary", size), lambda d: _choose(d, size))


def _choose(doc: ArticleDoc, size: int | None) -> list[Line]:
    usable = [ln for ln in doc.lines if len(words(ln.text)) >= 6 and not doc.is_headline(ln)]
    if not usable:
        return doc.lines[:1]
    size = min(size or summary_size(len(usable)), len(usable))
    vecs = doc.vectors[[ln.number for ln in usable]]
    centroid = vecs.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    central = vecs @ centroid
    lead = np.array([LEAD_WEIGHT * max(0.0, 1.0 - i / 3) for i in range(len(usable))])
    main = [e.aliases for e in entities(doc) if e.kind != "place"][:3]
    named = np.array([NAMES_WEIGHT * sum(any(a in ln.text for a in aliases) for aliases in main) for ln in usable])
    quoted = np.array([QUOTED * quoted_share(ln.text) for ln in usable])
    facts = np.array([FACTS * bool(_FIGURE.search(ln.text)) for ln in usable])
    score = central + lead + named - quoted + facts
    pointing = np.array([needs_its_speaker(ln.text) for ln in usable])
    # The lede first: news tells the story in its first sentence, however like the next ones it is (inverted pyramid).
    chosen: list[int] = [0] if quoted_share(usable[0].text) <= UNSPOKEN / 2 and not pointing[0] else []
    while len(chosen) < size:
        penalty = (vecs @ vecs[chosen].T).max(axis=1) if chosen else np.zeros(len(usable))
        picked = {usable[i].number for i in chosen}
        orphan = pointing & np.array([ln.number - 1 not in picked for ln in usable])
        gain = score - REDUNDANCY * penalty - POINTING * orphan
        gain[chosen] = -np.inf
        chosen.append(int(np.argmax(gain)))
    # What comes next, when the picks leave it out: a digest ends on it, and news tells it last (the final sentence
    # that looks ahead and is reported, not quoted; not the lede, which may tell the event itself as to come).
    ahead = [i for i in range(1, len(usable)) if looks_ahead(_RELATIVE.sub(",", usable[i].text))
             and (has_date(usable[i].text) or _WHEN.search(usable[i].text))
             and quoted_share(usable[i].text) < 0.5 and not pointing[i] and not refers_back(usable[i].text)
             and not _ON_CONDITION.match(usable[i].text)]
    if ahead and not any(i in ahead for i in chosen if i) and len(usable) > size:
        chosen = chosen if len(chosen) < MAX_SIZE else chosen[:-1]  # the pick that counted least makes room
        chosen.append(ahead[-1])
    return [usable[i] for i in sorted(set(chosen))]
