"""The values ingest produces: a loaded article and its passages, with character offsets."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in an article's source text."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """A decoded article. `text` is the source text all offsets point into: the file's text
    for plain text and Markdown, the text extracted by the HTML parser for HTML."""

    source: str
    """Name the article is known by (its file name)."""
    text: str
    title: str
    title_span: Span
    date: str | None
    """ISO date (YYYY-MM-DD) from a `date YYYY-MM-DD` first line or HTML metadata."""
    date_span: Span | None
    body: Span
    """Where the article body starts and ends (the date line is not part of it)."""
    content_hash: str
    """sha256 of the file's bytes: an unchanged file has the same hash."""
    encoding: str
    size_bytes: int

    @property
    def date_ord(self) -> int:
        """The date as a number YYYYMMDD, for range filters in Chroma (0 when unknown)."""
        return int(self.date.replace("-", "")) if self.date else 0


@dataclass(frozen=True)
class Passage:
    """A few consecutive sentences of an article; `text == article.text[start:end]`."""

    source: str
    index: int
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...]
    content_hash: str

    @property
    def id(self) -> str:
        return passage_id(self.source, self.content_hash, self.index)


def passage_id(source: str, content_hash: str, index: int) -> str:
    # The hash is part of the id, so a new version never overwrites the old one in place.
    return f"{source}#{content_hash[:16]}#{index}"
