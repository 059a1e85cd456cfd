"""Ingest articles into Chroma: `python -m ingest FILE...`, or `ingest.ingest_files(...)` from Python."""
from .embed import get_embedder
from .load import find_articles, load_article, parse_article
from .pipeline import IngestReport, IngestResult, ingest_files, seed_if_empty
from .split import split_passages, split_sentences
from .store import ArticleStore, StoredPassage, open_client
from .writer import StoreBusy

__all__ = [
    "ArticleStore", "IngestReport", "IngestResult", "StoreBusy", "StoredPassage", "find_articles", "get_embedder",
    "ingest_files", "load_article", "open_client", "parse_article", "seed_if_empty", "split_passages",
    "split_sentences",
]
