"""The values the answer step produces: Answer and Citation."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    """How strongly this span supports the answer (0..1)."""
    passage_start: int = 0
    passage_end: int = 0
    passage_text: str = ""
    """The whole passage the quote sits in (passage_text[start - passage_start:end - passage_start] == quote)."""
    role: str = "support"
    """'support' for evidence of the answer; 'closest' for the nearest passage shown with an abstention."""


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


@dataclass(frozen=True)
class Answer:
    text: str
    """The answer with inline markers [1], [2] pointing at `citations`."""
    citations: tuple[Citation, ...] = ()
    abstained: bool = False
    """True when the articles do not contain the answer; `text` then says so plainly."""
    reason: str = ""
    """Why the system abstained (or how it answered), in words a reader can check."""
    question: str = ""
    searched: str = ""
    """The question that was actually searched (after resolving follow-ups)."""
    path: str = "extractive"
    """Which step produced the text: extractive, metadata, smalltalk, local, openai, ..."""
    short: Short | None = None
    """The exact answer phrase, when one fits (a number, a date, a name, a short noun phrase)."""
    notice: str = ""
    """A one-time note for the reader, e.g. that the local model was loaded (and how long it took)."""
    timings_ms: dict[str, float] = field(default_factory=dict, compare=False)

    def __radd__(self, streamed: str) -> "Answer":
        # The chain streams text chunks, then the Answer; LangChain's `invoke` adds the chunks up, and the
        # Answer, which holds the whole text, is their sum.
        return self

    def to_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)
