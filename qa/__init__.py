"""Ask the Article: answers about ingested news articles, with cited spans.

    from qa import answer
    a = answer("Where does Russia want a naval port?", history=[])

Importing `qa` is light: the service (store, embedder, models) is built on first use, not on import.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .types import Answer, Citation, Level, Short

if TYPE_CHECKING:
    from .service import QAService

__all__ = ["Answer", "Citation", "Level", "QAService", "Short", "answer", "get_service", "stream"]


def __getattr__(name: str):
    # The service module imports the embedder, Chroma and LangChain (seconds): only when asked for.
    if name in ("QAService", "answer", "get_service", "stream"):
        from . import service

        return getattr(service, name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
