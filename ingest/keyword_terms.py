"""What the keyword index holds of a text and looks for in a question, and the IDF of its BM25."""
from __future__ import annotations

import math

from lang.words import name_pairs, terms, terms_many


def keyword_terms(texts: list[str]) -> list[list[str]]:
    """What the index holds of each text: its terms, and the word pairs of its multi-word names."""
    return [ts + name_pairs(text) for text, ts in zip(texts, terms_many(texts))]


def query_terms(question: str) -> list[str]:
    """What keyword search looks for: the question's terms and the word pairs of its names."""
    return terms(question) + name_pairs(question)


def bm25_idf(passages: int, df: int) -> float:
    """The IDF of a term in `df` of `passages` passages (BM25's, kept positive as in Lucene)."""
    n = max(passages, 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
