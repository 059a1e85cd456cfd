"""Sentence-level evidence: every sentence of the retrieved passages, ranked by the judge."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np

from core.types import ArticleInfo
from ingest.store import ArticleStore
from lang.rules import DATELINE, wants_phrase
from lang.acronyms import spells_out
from lang.words import STOPWORDS, terms

from .answer_kinds import age_beside, counts_other, fits, name_given
from .features import Candidate, SentenceSignals, previous_sentences, question_row, sentence_signals
from .confidence import confidence_row, phrase_row
from .judge import Judge
from .scores import sigmoid
from .reader import Reading, Reader
from .rerank import rerank, rerank_matrix
from .spoken_on import spoken_on_first
from .measured_on import measured_on_first
from qa.question import AGE, Question
from qa.retrieval.retrieve import Retrieval


def _located(name: str) -> property:
    return property(lambda self: getattr(self.candidate, name), doc=f"The candidate's `{name}`.")


@dataclass(frozen=True)
class Scored:
    """A candidate sentence and what the judge made of it."""

    candidate: Candidate
    """The sentence as retrieval found it; where it sits is read from it (`text`, `start`, `passage_id`...)."""
    coverage: float
    """Weighted share of the question's terms found in the sentence."""
    context_coverage: float
    """The same over the sentence's whole passage."""
    fits: bool
    """The sentence contains the kind of answer wanted (a number, a date...), when one is wanted."""
    score: float
    """P(this sentence holds the answer) by the judge's last ranking stage that saw it (the reranker for the
    sentences the reader read, which rank first; the first stage for the rest). It orders the evidence and decides
    whether a runner-up is cited too; it is never shown (`confidence` is)."""
    confidence: float = 0.0
    """The calibrated probability that this sentence answers the question: the judge's confidence model
    (qa.judgment.confidence) with this sentence in first place. For the best sentence it is the answer's
    confidence; for the others an estimate on the same scale. What a citation of it shows."""
    missing: tuple[str, ...] = ()
    """The question's names that this sentence's passage does not mention."""
    reading: Reading | None = None
    """What the reader made of it (None when it was not among the candidates read)."""

    passage_rank = _located("passage_rank")
    passage_id = _located("passage_id")
    source = _located("source")
    start = _located("start")
    end = _located("end")
    text = _located("text")
    passage_start = _located("passage_start")
    passage_end = _located("passage_end")
    passage_text = _located("passage_text")
    index = _located("index")


@dataclass(frozen=True)
class Phrase:
    """The answer phrase inside the best sentence: `text == source[start:end]` of its article."""

    start: int
    end: int
    text: str
    p: float
    """Calibrated probability that the phrase is the answer (qa.judgment.confidence)."""


@dataclass(frozen=True)
class Selection:
    """Ranked evidence (best first) and the judge's view of the question."""

    evidence: tuple[Scored, ...]
    row: np.ndarray | None
    """The question-level signals (QUESTION_FEATURES, + READER_QUESTION_FEATURES with the reader)."""
    p_answerable: float
    phrase: Phrase | None = None
    """The answer phrase of evidence[0], when one passes the judge's phrase threshold."""

    @property
    def confidence(self) -> float:
        """Calibrated probability that evidence[0] answers the question."""
        return self.evidence[0].confidence if self.evidence else 0.0


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


def rank(q: Question, cands: list[Candidate], judge: Judge, idf, reader: Reader | None = None) -> Selection:
    """Order the candidates (the ranker, then the reader over the best few), score the question's
    answerability, the confidence in the best sentence, and its answer phrase."""
    if not cands:
        return Selection((), None, 0.0)
    sig: SentenceSignals = sentence_signals(q, cands, idf)
    first = judge.rank_logits(sig.matrix, sig.rrf)
    order = np.argsort(-first, kind="stable")
    row = question_row(q, cands, sig, first, order)
    base = sigmoid(first) if judge.ranker is not None else sig.rrf / sig.rrf.max()
    use_reader = judge.uses_reader and reader is not None
    ranked = combine(judge, first, base, (lambda top: reader.read(q.text, [cands[int(i)].text for i in top],
                                                                  previous_sentences(cands, top)))
                     if use_reader else None)
    order, probs, readings = ranked.order, ranked.probs, ranked.readings
    if ranked.reader_row is not None:
        row = np.concatenate([row, ranked.reader_row])
    p_answerable = judge.p_answerable(row)
    confidences = sentence_confidences(judge, p_answerable, ranked.final)
    evidence = tuple(Scored(cands[i], coverage=float(sig.coverage[i]), context_coverage=float(sig.passage_coverage[i]),
                            fits=bool(sig.fits[i]), score=float(probs[i]), confidence=confidences[k],
                            missing=tuple(sig.missing[i]), reading=readings.get(i))
                     for k, i in enumerate(int(i) for i in order))
    evidence = measured_on_first(q, spoken_on_first(q, age_first(q, evidence)))
    return Selection(evidence, row, p_answerable, answer_phrase(q, evidence[0], evidence[0].confidence, judge))


AGE_LOOKS = 3
"""How far down an age or time-of-day question looks for a sentence that gives one."""


def age_first(q: Question, evidence: tuple[Scored, ...]) -> tuple[Scored, ...]:
    """"How old is X?" is answered by a sentence that gives an age ("the 92-year-old bridge", "aged 24", "X, 41,"):
    the best of the first few that gives one and names all the question names comes first when the best does not.
    The ranker learned from questions where ages are asked too rarely to weigh this. (A time of day is cited
    beside the best sentence instead: qa/compose/compose.py, `clock_among`.)"""
    if q.wants != AGE or not evidence or evidence[0].fits or age_beside(q, evidence[0].text):
        return evidence
    k = next((k for k, e in enumerate(evidence[:AGE_LOOKS])
              if (e.fits or age_beside(q, e.text)) and not e.missing), None)
    return evidence if k is None else (evidence[k], *evidence[:k], *evidence[k + 1:])


def sentence_confidences(judge: Judge, p_answerable: float, final: np.ndarray) -> list[float]:
    """The calibrated confidence of each candidate in the final order (`final`: their logits, best first), each
    read as if it were first: the first one's is exactly the answer's confidence, the rest share its scale."""
    return [judge.p_confident(confidence_row(p_answerable, np.concatenate([final[k:k + 1], np.delete(final, k)])))
            for k in range(len(final))]


@dataclass(frozen=True)
class Ranked:
    """The final order of the candidates and what it was decided from."""

    order: np.ndarray
    """Candidate indices, best first."""
    final: np.ndarray
    """The final logits in that order (the combined ones for the candidates read, then the first stage's)."""
    probs: np.ndarray
    """Per candidate (by index): the probability that it holds the answer."""
    readings: dict[int, Reading]
    """The reader's readings by candidate index (empty without the reader)."""
    reader_row: np.ndarray | None
    """READER_QUESTION_FEATURES, None without the reader."""


def combine(judge: Judge, first: np.ndarray, base: np.ndarray,
            read: Callable[[np.ndarray], list[Reading]] | None) -> Ranked:
    """Order candidates by the first-stage logits `first`; with `read` (the reader over candidate indices),
    the judge's `read_top` best are reordered by the reranker over both, ahead of the rest."""
    order = np.argsort(-first, kind="stable")
    if read is None:
        return Ranked(order, first[order], base, {}, None)
    top = order[:judge.read_top]
    readings = read(top)
    combined = judge.reranker.logits(rerank_matrix(first[top], readings))
    re = rerank(top, first[top], readings, combined)
    rest = order[len(top):]
    probs = base.copy()
    probs[re.read] = sigmoid(re.logits)
    return Ranked(np.concatenate([re.read, rest]), np.concatenate([re.logits, first[rest]]), probs,
                  {int(i): r for i, r in zip(re.read, re.readings)}, re.question_row)


def answer_phrase(q: Question, best: Scored, confidence: float, judge: Judge) -> Phrase | None:
    """The phrase of the best sentence that answers, from the reader's span head, when its calibrated
    probability passes the judge's threshold."""
    r = best.reading
    if judge.phrase is None or not wants_phrase(q.text) or r is None or r.phrase_end <= r.phrase_start:
        return None
    start, end, p, none = r.phrase_start, r.phrase_end, r.phrase_p, r.no_phrase_p
    text = best.text[start:end]
    if echoes_question(text, q.text):
        return None
    line = DATELINE.match(best.text)
    if line is not None and start < line.end():
        return None  # "HARLOW — ...": where the story was filed from answers nothing asked
    if q.unit is not None and not fits(q, text):
        return None  # "How long is the bridge?" is not answered by "92-year-old", nor any phrase without a length
    if counts_other(q, best.text, start, end):
        return None  # "How many buses does it own?" is not answered by the "64" of "runs 64 routes"
    if name_given(q.text, best.text[:start]):
        return None  # "who will name the boat?" / "The boat will be named Winifred Castellow": the name, not who gives it
    p_right = judge.p_phrase(phrase_row(confidence, p, none, len(text.split())))
    if p_right < judge.phrase_threshold:
        return None
    return Phrase(best.start + start, best.start + end, text, p_right)


def echoes_question(phrase: str, question: str) -> bool:
    """Whether every content word of the phrase is already in the question ("Who met Putin?" -> "Putin"): the
    asker knows it, so it cannot be the answer."""
    words = set(terms(phrase))
    if words and words <= set(terms(question)):
        return True
    # "Who is in charge of the OWS?" -> "Office for Workplace Standards": the acronym asked about, spelled out.
    return any(spells_out(phrase, a) for a in re.findall(r"\b[A-Za-z][A-Za-z.&]{1,7}\b", question)
               if a.isupper() or len(a) >= 3 and a.lower() not in STOPWORDS)


def select(q: Question, retrieval: Retrieval, store: ArticleStore, passages: int, judge: Judge,
           reader: Reader | None = None) -> Selection:
    snap = retrieval.snapshot
    return rank(q, candidates(retrieval, store, passages), judge, snap.idf, reader)


def with_sentence_before(evidence: tuple[Scored, ...], store: ArticleStore) -> tuple[Scored, ...]:
    """The evidence, and when the best sentence opens its passage, the sentence before it from the previous
    passage (at the end, unranked): a sentence that refers back ("The ship ...", "He ...") is answered with the
    one it points at (qa.compose.compose.pick decides whether it does)."""
    if not evidence or evidence[0].index != 0:
        return evidence
    best = evidence[0]
    source, content_hash, number = best.passage_id.rsplit("#", 2)
    if not number.isdigit() or int(number) == 0:
        return evidence
    previous = store.passages_by_id([f"{source}#{content_hash}#{int(number) - 1}"])
    p = next(iter(previous.values()), None)
    if p is None or not p.sentences:
        return evidence
    span = p.sentences[-1]
    sentence = Candidate(passage_rank=len(evidence), passage_id=p.id, source=p.source, start=span.start, end=span.end,
                         text=p.text[span.start - p.start:span.end - p.start], passage_start=p.start,
                         passage_end=p.end, passage_text=p.text, index=len(p.sentences) - 1, cosine=0.0,
                         passage_vector_rank=None, passage_bm25_rank=None)
    return (*evidence, replace(best, candidate=sentence, score=0.0, confidence=0.0, reading=None, missing=()))
