"""Which articles a question is asked of: by name and by date range."""
from __future__ import annotations

from dataclasses import dataclass

from core.types import ArticleInfo, date_ord


@dataclass(frozen=True)
class Filters:
    sources: frozenset[str] | None = None
    since: int | None = None
    """Dates as YYYYMMDD numbers, inclusive; an article without a date is outside any date range."""
    until: int | None = None

    @classmethod
    def of(cls, sources=None, since=None, until=None) -> "Filters":
        return cls(sources=frozenset(sources) if sources is not None else None,
                   since=date_ord(since, "since"), until=date_ord(until, "until"))

    @property
    def empty(self) -> bool:
        return self.sources is None and self.since is None and self.until is None

    def admits(self, info: ArticleInfo) -> bool:
        if self.sources is not None and info.source not in self.sources:
            return False
        if self.since is not None and not (info.date_ord and info.date_ord >= self.since):
            return False
        if self.until is not None and not (info.date_ord and info.date_ord <= self.until):
            return False
        return True

    def chroma_where(self) -> dict | None:
        parts: list[dict] = []
        if self.sources is not None:
            parts.append({"source": {"$in": sorted(self.sources)}})
        if self.since is not None:
            parts.append({"date_ord": {"$gte": self.since}})
        if self.until is not None:
            parts.append({"date_ord": {"$lte": self.until}})
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else {"$and": parts}
