"""Abstention: the judge's probability that the articles answer, and a reason a reader can check."""
from __future__ import annotations

from dataclasses import dataclass

from qa.types import Level

from .confidence import level
from .evidence import Phrase, Scored, Selection
from qa.question import AGE, DATE, NUMBER, Question
from lang.words import STOPWORDS, stem, term_words, terms

_WANTS_WORDS = {NUMBER: "number", DATE: "date or time", AGE: "age"}

# How an abstention reads, wherever it is shown (answer text, CLI, chat, clipboard).
NOTHING_MATCHES = "nothing in them matches the question"
"""The reason when no passage matched at all."""
NO_ARTICLES = "No articles are loaded yet: ingest one with `python -m ingest FILE`."
NO_ARTICLE_IN_FILTER = "No article matches the chosen articles or dates; widen the filter."


def refusal(reason: str, closest_shown: bool) -> str:
    """The text of an abstention: that the articles don't answer, why, and whether the closest passage [1]
    is shown beside it."""
    text = f"The articles don't answer this: {reason}."
    if closest_shown:
        text += " The closest passage [1] is shown for reference; it is not an answer."
    return text


@dataclass(frozen=True)
class Decision:
    abstain: bool
    support: float
    """0..1: the judge's probability that the articles answer the question."""
    reason: str
    """Why it abstained, in words a reader can check against the closest passage ('' when answering)."""
    confidence: float = 0.0
    """Calibrated probability that the best sentence answers (0 when abstaining)."""
    level: Level = Level.REFUSED
    phrase: Phrase | None = None
    """The answer phrase to show in bold, when the judge is sure enough of it."""


def decide(q: Question, selection: Selection, threshold: float, sure: float, doubt: float = 0.0) -> Decision:
    """Answer or refuse, and how sure: refuse below the answerability threshold; "sure" at or above the
    confidence `sure`, "doubtful" below `doubt` (no phrase then), else "likely"."""
    p = selection.p_answerable
    if p >= threshold:
        lv = level(False, selection.confidence, sure, doubt)
        return Decision(False, p, "", selection.confidence, lv, None if lv is Level.DOUBTFUL else selection.phrase)
    return Decision(True, p, reason(q, selection.evidence[0]))


def reason(q: Question, best: Scored) -> str:
    """The most concrete thing the closest passage lacks: a name of the question, the kind of answer
    wanted, or the question's own words."""
    if best.missing:
        return f"they never mention {', '.join(best.missing)} in this context"
    if q.wants is not None and not best.fits:
        return f"they give no {_WANTS_WORDS[q.wants]} for this"
    absent = unmatched_words(q.text, best.passage_text)
    if absent:
        quoted = ", ".join(f"“{w}”" for w in absent[:3])
        return f"the closest passage does not say {quoted} or anything close enough"
    return "the closest passage mentions the same things but does not say this"


def unmatched_words(question: str, text: str) -> list[str]:
    """The question's content words (as the reader typed them) whose terms the text lacks, rarest first."""
    have = set(terms(text))
    out = []
    for w in dict.fromkeys(term_words(question)):
        if w in STOPWORDS or w.startswith("zzcountry") or len(w) < 3:
            continue
        if stem(w) not in have:
            out.append(w)
    return out
