"""The article values ingest produces and the answer step reads: a loaded article, its passages with
character offsets, and an article's entry in the store's registry."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .errors import QuestionError


def date_ord(value: str | datetime.date | None, name: str = "date") -> int | None:
    """'2023-11-06' or a date -> 20231106 (a number Chroma can compare); None or '' -> None. Anything else is
    refused with a message naming the field."""
    if value is None or value == "":
        return None
    if not isinstance(value, datetime.date):
        try:
            value = datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise QuestionError(f"{name}={value!r} is not a date: use YYYY-MM-DD", field=name) from None
    return value.year * 10000 + value.month * 100 + value.day


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in an article's source text."""

    start: int
    end: int


@dataclass(frozen=True)
class ArticleMeta:
    """What both a loaded article and its registry entry know: its name, title, date, version and size."""

    source: str
    """Name the article is known by (its file name)."""
    title: str
    date: str | None
    """ISO date (YYYY-MM-DD) from a `date YYYY-MM-DD` first line or HTML metadata."""
    content_hash: str
    """sha256 of the file's bytes: an unchanged file has the same hash."""
    size_bytes: int

    @property
    def date_ord(self) -> int:
        """The date as a number YYYYMMDD, for range filters in Chroma (0 when unknown)."""
        return date_ord(self.date) or 0


@dataclass(frozen=True)
class Article(ArticleMeta):
    """A decoded article. `text` is the source text all offsets point into: the file's text
    for plain text and Markdown, the text extracted by the HTML parser for HTML."""

    text: str
    title_span: Span
    date_span: Span | None
    body: Span
    """Where the article body starts and ends (the date line is not part of it)."""
    encoding: str


@dataclass(frozen=True)
class ArticleInfo(ArticleMeta):
    """The registry entry of one stored article (what a reader sees of it without its passages)."""

    passages: int
    sentences: int
    ingested_at: float
    title_start: int
    title_end: int
    date_start: int
    """Offsets of the date in the source text; -1 when the article has no date line."""
    date_end: int

    @classmethod
    def of(cls, article: Article, passages: int, sentences: int, ingested_at: float) -> "ArticleInfo":
        return cls(source=article.source, title=article.title, date=article.date, content_hash=article.content_hash,
                   size_bytes=article.size_bytes, passages=passages, sentences=sentences, ingested_at=ingested_at,
                   title_start=article.title_span.start, title_end=article.title_span.end,
                   date_start=article.date_span.start if article.date_span else -1,
                   date_end=article.date_span.end if article.date_span else -1)


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


def article_file_name(title: str) -> str:
    """The file name an article with this title is written to (data sets turned into files): "Oil crisis,
    1973" -> "oil-crisis--1973.txt"."""
    return "".join(c if c.isalnum() else "-" for c in title).strip("-").lower() + ".txt"
