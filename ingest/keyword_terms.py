"""What the keyword index holds of a text and looks for in a question, and the IDF of its BM25."""
from __future__ import annotations

import math

from lang.phrasal import phrasal_meanings
from lang.tagging import base_terms
from lang.words import name_pairs, terms, terms_many


def keyword_terms(texts: list[str]) -> list[list[str]]:
    """What the index holds of each text: its terms, the bases of its irregular verb forms, and the word pairs
    of its multi-word names."""
    # Irregular verb forms also as their base ("sold" also as "sell"): a stemmer leaves "sold" as it is, so "Who
    # did the club sell?" would miss "the club sold its captain". The form itself stays: the judge reads its counts.
    return [ts + base_terms(text) + name_pairs(text) for text, ts in zip(texts, terms_many(texts))]


def query_terms(question: str) -> list[str]:
    """What keyword search looks for: the question's terms, the bases of its irregular verb forms, the one-word
    verbs its phrasal verbs mean ("put the fares up": "raise", "increase"), and the word pairs of its names."""
    return terms(question) + base_terms(question) + phrasal_meanings(question) + name_pairs(question)


def bm25_idf(passages: int, df: int) -> float:
    """The IDF of a term in `df` of `passages` passages (BM25's, kept positive as in Lucene)."""
    n = max(passages, 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
