"""Sentence-level evidence: every sentence of the retrieved passages, ranked by the judge."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from core.types import ArticleInfo
from ingest.store import ArticleStore

from .features import Candidate, Sentence, SentenceSignals, question_row, sentence_signals
from .judge import Judge, sigmoid
from qa.question import Question
from qa.retrieval.retrieve import Retrieval


@dataclass(frozen=True)
class Scored(Sentence):
    """A candidate sentence and the signals that rank it."""

    semantic: float
    coverage: float
    """Weighted share of the question's terms found in the sentence."""
    context_coverage: float
    """The same over the sentence's whole passage."""
    fits: bool
    """The sentence contains the kind of answer wanted (a number, a date...), when one is wanted."""
    score: float
    """How likely this sentence holds the answer (0..1), by the judge's ranker."""
    index: int = 0
    """The sentence's position in its passage."""
    missing: tuple[str, ...] = ()
    """The question's names that this sentence's passage does not mention."""


@dataclass(frozen=True)
class Selection:
    """Ranked evidence (best first) and the judge's view of the question."""

    evidence: list[Scored]
    row: np.ndarray | None
    """The question-level signals (qa.features.QUESTION_FEATURES), None without evidence."""
    p_answerable: float


_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")


def is_headline(text: str, start: int, end: int, info: ArticleInfo | None) -> bool:
    """The article's title standing on its own line as a headline (no closing punctuation): it names the
    story and is shown with every citation; a statement of the body is the evidence (the headline "Mayor of
    Elm faces questions" beside "Ana Roth, the mayor of Elm, said...")."""
    if info is None or not (start < info.title_end and info.title_start < end):
        return False
    return _SENTENCE_END.search(text.strip()) is None


def candidates(retrieval: Retrieval, store: ArticleStore, passages: int) -> list[Candidate]:
    """Every sentence of the best `passages` passages, with its cosine to the question; headlines only
    when nothing else was retrieved."""
    top = retrieval.passages[:passages]
    vectors = store.sentence_vectors([r.passage for r in top])
    articles = retrieval.snapshot.articles
    out: list[Candidate] = []
    headlines: list[Candidate] = []
    for rank, r in enumerate(top):
        p = r.passage
        vecs = vectors.get(p.id)
        for n, span in enumerate(p.sentences):
            text = p.text[span.start - p.start:span.end - p.start]
            into = headlines if is_headline(text, span.start, span.end, articles.get(p.source)) else out
            into.append(Candidate(
                passage_rank=rank, passage_id=p.id, source=p.source, index=n, start=span.start, end=span.end,
                text=text, passage_start=p.start, passage_end=p.end,
                passage_text=p.text, cosine=float(np.dot(vecs[n], retrieval.query_vector)) if vecs is not None else 0.0,
                passage_vector_rank=r.vector_rank, passage_bm25_rank=r.bm25_rank))
    return out or headlines


def rank(q: Question, cands: list[Candidate], judge: Judge, idf) -> Selection:
    """Order the candidates by the judge's ranker and score the question's answerability."""
    if not cands:
        return Selection([], None, 0.0)
    sig: SentenceSignals = sentence_signals(q, cands, idf)
    logits = judge.rank_logits(sig.matrix, sig.rrf)
    order = np.argsort(-logits, kind="stable")
    row = question_row(q, cands, sig, logits, order)
    probs = sigmoid(logits) if judge.ranker is not None else sig.rrf / sig.rrf.max()
    evidence = [Scored(passage_rank=c.passage_rank, passage_id=c.passage_id, source=c.source, start=c.start,
                       end=c.end, text=c.text, passage_start=c.passage_start, passage_end=c.passage_end,
                       passage_text=c.passage_text, semantic=c.cosine, coverage=float(sig.coverage[i]),
                       context_coverage=float(sig.passage_coverage[i]), fits=bool(sig.fits[i]),
                       score=float(probs[i]), index=c.index, missing=tuple(sig.missing[i]))
                for i, c in ((int(i), cands[int(i)]) for i in order)]
    return Selection(evidence, row, judge.p_answerable(row))


def select(q: Question, retrieval: Retrieval, store: ArticleStore, passages: int, judge: Judge) -> Selection:
    snap = retrieval.snapshot
    return rank(q, candidates(retrieval, store, passages), judge, snap.idf)
