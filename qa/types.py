"""The values the answer step produces: Answer and Citation, and the Route that produced an answer."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

MARKER = re.compile(r"\[(\d+)\]")
"""A citation marker [n] in an answer's text (group 1: n)."""
REFUSED_LEAD = "The articles don't answer this:"
"""How a refusal's text opens (qa/judgment/abstain.refusal): what follows is its reason, not an answer."""


class Route(StrEnum):
    """Which step produced an answer's text."""

    EXTRACTIVE = "extractive"
    """The best evidence sentences themselves."""
    LOCAL = "local"
    OPENAI = "openai"
    """A generator's draft that passed verification (QA_GENERATOR)."""
    ABSTAIN = "abstain"
    """The articles don't answer: said so, with the closest passage."""
    METADATA = "metadata"
    """A question about the article itself (its date, its subject)."""
    SMALLTALK = "smalltalk"
    EMPTY = "empty"
    """No article is loaded, or none is inside the filter."""
    PEER = "peer"
    SUMMARY = "summary"
    """An answer skill (qa/skills/): the sentences that tell the story."""
    ENTITIES = "entities"
    """Who (or which organisations, places) the story names, each with the role the article gives."""
    DEFINITION = "definition"
    """What a name or an acronym stands for, or who someone is, as the article describes it."""
    TIMELINE = "timeline"
    """The article's dated events in date order, or what happened after (before) one of them."""
    OPINION = "opinion"
    """What someone said or thinks, as the article reports it."""
    MENTION = "mention"
    """Whether the articles mention something, with the sentences that do."""
    FUNDING = "funding"
    """Who pays for something, as the article tells it: its sentences of money paid, granted or raised."""
    """A simple peer's reply in `python -m tools.eval --peers`."""


class Level(StrEnum):
    """How sure an answer is, as the reader is told: chosen by thresholds fitted on held-out articles."""

    SURE = "sure"
    """The cited sentence very likely holds the answer: shown plainly."""
    LIKELY = "likely"
    """Probably right, not certain: said so, with the next best sentence(s) as alternatives."""
    DOUBTFUL = "doubtful"
    """More likely wrong than right: the best sentence is shown as the closest one ("the article may not say
    this"), with the next best, and no answer phrase."""
    REFUSED = "refused"
    """The articles don't answer (or nothing was asked of them): no answer is claimed."""
    NONE = "not judged"
    """Nothing was judged (small talk): no confidence is claimed, and none is shown."""


CLOSEST_LABEL = "closest passage, not an answer"
"""How the passage shown with an abstention is labelled, wherever it is shown."""


def route_line(route: Route, fallback: str) -> str:
    """The route as one line: "extractive", or "extractive (fallback: why the draft was not used)"."""
    return f"{route} (fallback: {fallback})" if fallback else str(route)


@dataclass(frozen=True)
class Citation:
    """One cited span. `quote == source_text[start:end]` of the cited article, always."""

    index: int
    """The number of the marker [index] in the answer text."""
    source: str
    title: str
    date: str | None
    passage_id: str
    start: int
    end: int
    quote: str
    score: float
    """The calibrated probability (0..1) that this sentence answers the question, on the scale of
    `Answer.confidence` (qa.judgment.evidence.Scored.confidence); 1.0 for a sentence chosen without the judge
    (a fact of the article's record, an answer skill's sentences)."""
    passage_start: int = 0
    passage_end: int = 0
    passage_text: str = ""
    """The whole passage the quote sits in (passage_text[start - passage_start:end - passage_start] == quote)."""
    role: str = "support"
    """'support' for evidence of the answer; 'closest' for the nearest passage shown with an abstention;
    'alternative' for a next best sentence offered beside a "likely" answer (not part of the answer's text)."""

    def to_json(self) -> dict:
        return {"index": self.index, "source": self.source, "title": self.title, "date": self.date,
                "start": self.start, "end": self.end, "quote": self.quote, "role": self.role,
                "passage_id": self.passage_id}


@dataclass(frozen=True)
class Short:
    """The answer phrase itself, cut from a cited sentence: `quote == source_text[start:end]`."""

    text: str
    """The phrase as shown first ("about two thousand"), or "Yes"/"No" for a plainly stated yes/no."""
    citation: int
    """The index of the citation whose sentence contains the phrase."""
    start: int
    end: int
    """Character offsets of the phrase in the article's source text (for Yes/No: the stating sentence)."""
    quote: str
    """source_text[start:end]."""
    confidence: float = 1.0
    """The model's probability that this phrase is the answer (a plainly stated Yes/No: 1.0); a phrase is
    only given when it passes the threshold chosen for 90% precision on held-out articles."""


@dataclass(frozen=True)
class Answer:
    text: str
    """The answer with inline markers [1], [2] pointing at `citations`."""
    citations: tuple[Citation, ...] = ()
    reason: str = ""
    """Why the system abstained (or how it answered), in words a reader can check."""
    question: str = ""
    searched: str = ""
    """The question that was actually searched (after resolving follow-ups)."""
    route: Route = Route.EXTRACTIVE
    """Which step produced the text."""
    fallback: str = ""
    """Why a generator's draft was replaced by the extractive answer ('' when it was not)."""
    short: Short | None = None
    """The exact answer phrase, when one fits (a number, a date, a name, a short noun phrase)."""
    notice: str = ""
    """A one-time note for the reader, e.g. that the local model was loaded (and how long it took)."""
    confidence: float = 0.0
    """Calibrated probability (0..1) that the cited sentence answers the question (held-out reliability in
    the README); 0 for a refusal and for what was not judged."""
    level: Level = Level.SURE
    """sure / likely / doubtful, from `confidence` by thresholds chosen on held-out articles; refused when the
    articles don't answer (every refusal says so itself); not judged for small talk."""
    alternatives: tuple[Citation, ...] = ()
    """For a likely or doubtful answer: the next best sentences (role 'alternative'), numbered after the citations."""
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def abstained(self) -> bool:
        """True when the articles do not contain the answer; `text` then says so plainly."""
        return self.level is Level.REFUSED

    @property
    def path(self) -> str:
        """The route as one line, e.g. "extractive (fallback: 'Oslo' is not in the cited evidence)"."""
        return route_line(self.route, self.fallback)

    def to_json(self) -> dict:
        """The one JSON shape of an answer (`python -m qa --json`, `/answer`, the chat's message records): text,
        short answer (or None), level, confidence, abstained and reason, searched question, and each citation and
        alternative with its source, title, date, character offsets and quote (`quote == source_text[start:end]`).

        No key may be named `path`: gradio_client takes a dict holding one for a file to download.
        """
        short = self.short
        return {
            "text": self.text,
            "short": None if short is None else {"text": short.text, "citation": short.citation, "start": short.start,
                                                 "end": short.end, "quote": short.quote,
                                                 "confidence": short.confidence},
            "level": str(self.level),
            "confidence": self.confidence,
            "abstained": self.abstained,
            "reason": self.reason,
            "searched": self.searched,
            "citations": [c.to_json() for c in self.citations],
            "alternatives": [c.to_json() for c in self.alternatives],
        }
