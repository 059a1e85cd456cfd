"""qa/judgment/features.py: the sentence BM25 (`bm25_scores`) agrees with the bm25s package.

The project's BM25 is Okapi's term-frequency part, tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avg)), with Lucene's
IDF, log(1 + (N − df + 0.5) / (df + 0.5)) (`ingest.keyword_terms.bm25_idf`). In bm25s that is
method="atire" with idf_method="lucene". bm25s's default, method="lucene", leaves out the constant
factor (k1 + 1), as Lucene itself does since version 8: the same ranking, every score (k1 + 1) times smaller.
"""
from __future__ import annotations

import bm25s
import numpy as np
import pytest

from ingest.keyword_terms import bm25_idf
from lang.words import terms
from qa.judgment.features import BM25_B, BM25_K1, bm25_scores
from qa.question import analyze

SENTENCES = [
    "Anna Roth designed the bridge over the river.",
    "The bridge opened in March 2021 after three years of work on the bridge.",
    "Critics said the design of the bridge was too costly.",
    "The river floods every spring.",
    "Roth, an engineer, has designed bridges across Europe and designed the harbour too.",
    "It was.",  # no terms at all: it still counts in the average length
]
QUESTIONS = ["Who designed the bridge over the river?", "When did the bridge open?",
             "What does the harbour cost?", "Who is Anna Roth?", "Where is the tunnel?"]


def corpus_idf(sentence_terms: list[list[str]]):
    """The IDF of each term over these sentences, as the keyword index computes it over passages."""
    n = len(sentence_terms)
    return lambda term: bm25_idf(n, sum(term in ts for ts in sentence_terms))


def bm25s_scores(sentence_terms: list[list[str]], query: list[str], **variant) -> np.ndarray:
    retriever = bm25s.BM25(k1=BM25_K1, b=BM25_B, dtype="float64", **variant)
    retriever.index(sentence_terms, show_progress=False)
    return retriever.get_scores(query)


@pytest.fixture(scope="module")
def sentence_terms() -> list[list[str]]:
    found = [terms(s) for s in SENTENCES]
    assert found[-1] == [] and any(len(ts) != len(set(ts)) for ts in found)  # the edges this test is about
    return found


@pytest.mark.parametrize("question", QUESTIONS)
def test_sentence_bm25_equals_bm25s_okapi_tf_with_lucene_idf(question, sentence_terms):
    q = analyze(question, lambda t: 1.0)
    ours = bm25_scores(q, sentence_terms, corpus_idf(sentence_terms))
    theirs = bm25s_scores(sentence_terms, list(q.terms), method="atire", idf_method="lucene")
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-6)


@pytest.mark.parametrize("question", QUESTIONS)
def test_bm25s_default_lucene_variant_is_the_same_ranking_scaled_by_k1_plus_one(question, sentence_terms):
    q = analyze(question, lambda t: 1.0)
    ours = bm25_scores(q, sentence_terms, corpus_idf(sentence_terms))
    lucene = bm25s_scores(sentence_terms, list(q.terms))  # bm25s's default variant
    np.testing.assert_allclose(ours, (BM25_K1 + 1) * lucene, rtol=0, atol=1e-6)
    assert list(np.argsort(-ours, kind="stable")) == list(np.argsort(-lucene, kind="stable"))


def test_the_rarer_shared_term_and_the_shorter_sentence_score_higher(sentence_terms):
    q = analyze("Who designed the bridge over the river?", lambda t: 1.0)
    ours = bm25_scores(q, sentence_terms, corpus_idf(sentence_terms))
    assert ours.argmax() == 0 and ours[-1] == 0.0  # design + bridge + river; the sentence without terms scores 0
    assert ours[3] > ours[1]  # "river" (in 2 of 6) outweighs "bridge" twice (in 4 of 6)
