"""Ask the Article: answers about ingested news articles, with cited spans.

    from qa import answer
    a = answer("Where does Russia want a naval port?", history=[])
"""
from .service import QAService, answer, get_service, stream
from .types import Answer, Citation, Short

__all__ = ["Answer", "Citation", "QAService", "Short", "answer", "chain", "get_service", "stream"]


def __getattr__(name: str):
    # `qa.chain` is the LangChain runnable of the default service, built on first access.
    if name == "chain":
        return get_service().chain.runnable
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
