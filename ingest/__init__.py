"""Ingest articles into Chroma: `python -m ingest FILE...`, or `ingest.ingest_files(...)` from Python."""
from .settings import Settings, get_settings  # noqa: I001  (sets the offline environment first)
from .errors import AskError, BadSetting, IngestError, QuestionError, StoreUnavailable
from .load import find_articles, load_article, parse_article
from .split import split_passages, split_sentences
from .store import ArticleInfo, ArticleStore, StoredPassage, open_client
from .types import Article, Passage, Span
from .embed import get_embedder
from .pipeline import IngestReport, IngestResult, ingest_files, seed_if_empty

__all__ = [
    "Article", "ArticleInfo", "ArticleStore", "AskError", "BadSetting", "IngestError", "IngestReport", "IngestResult", "Passage",
    "QuestionError", "Settings", "Span", "StoreUnavailable", "StoredPassage", "find_articles", "get_embedder",
    "get_settings", "ingest_files", "load_article", "open_client", "parse_article", "seed_if_empty",
    "split_passages", "split_sentences",
]
