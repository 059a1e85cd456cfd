"""Sentence-level evidence: which sentences of the retrieved passages answer the question."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ingest.normalize import clean
from ingest.store import ArticleStore

from .question import AGE, DATE, UNITS, Question
from .retrieve import Retrieval
from .text import MONTHS, is_number, names, stem, terms, terms_match, words

_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})s?\b")
_TIME_WORDS = re.compile(r"\b(\d+(st|nd|rd|th)? century|centuries|decade|yesterday|today|tomorrow|ago|later|earlier|"
                         r"next (day|week|month|year)|last (week|month|year)|(mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                         re.I)
_GENERIC_HEADS = {stem(w) for w in """group bank foundation company corporation corp inc ltd party council university
college institute agency ministry department army forces force services service association union club league
cup street road river lake mountain mountains island islands city county province region state states republic
kingdom museum hospital school church airport port station centre center fund trust committee commission
court office house times news post journal""".split()}
_NAMING = {"who", "whom", "whose", "what", "where", "which"}
_AGE = re.compile(r"\b\d+[- ]years?[- ]old\b|\baged? \d+|\bage of \d+|\(\d{1,3}\)|\bborn\b", re.I)


@dataclass(frozen=True)
class Scored:
    """A candidate sentence and the signals that rank it."""

    passage_rank: int
    passage_id: str
    source: str
    start: int
    end: int
    text: str
    passage_start: int
    passage_end: int
    passage_text: str
    semantic: float
    coverage: float
    """Weighted share of the question's terms found in the sentence."""
    context_coverage: float
    """The same over the sentence's whole passage."""
    fits: bool
    """The sentence contains the kind of answer wanted (a number, a date...), when one is wanted."""
    score: float


def coverage(q: Question, found: list[str]) -> float:
    total = sum(q.weights.values())
    if total <= 0:
        return 0.0
    found_set = set(found)
    hit = sum(w for t, w in q.weights.items() if t in found_set or any(terms_match(t, f) for f in found_set))
    return hit / total


def fits(q: Question, sentence: str) -> bool:
    """Does the sentence contain the kind of answer the question wants?"""
    if q.wants is None:
        return True
    if q.wants == AGE:
        return bool(_AGE.search(sentence))
    if q.wants == DATE:
        ws = words(sentence)
        return bool(_YEAR.search(sentence) or _TIME_WORDS.search(sentence) or any(w in MONTHS for w in ws))
    ws = words(sentence)
    question_numbers = {w for w in words(q.text) if is_number(w)}
    numbers = [i for i, w in enumerate(ws) if is_number(w) and w not in question_numbers]
    if not numbers:
        return False
    if q.unit is not None:  # "how long": a number followed closely by a length or time unit
        units = UNITS[q.unit]
        return any(w in units for i in numbers for w in ws[i + 1:i + 4])
    if q.counted:  # "how many soldiers": a number must come with soldiers, not with ports
        head = q.counted[-1]
        stems = terms(sentence)
        return any(terms_match(head, s) for s in stems)
    return True


def names_missing(q: Question, text: str) -> list[str]:
    """The question's names and numbers that the text does not mention."""
    found = terms(text) + [w for w in words(text)]
    missing = []
    for name in q.names:
        parts = [t for t in terms(name) if t]
        # Every number must be there; of the words, the last one is enough for a person ("Khalifa
        # Haftar" is often just "Haftar"), but not when it is a generic noun ("Luar Foundation").
        alpha = [p for p in parts if not is_number(p)]
        keep = 2 if alpha and alpha[-1] in _GENERIC_HEADS else 1
        needed = [p for p in parts if is_number(p)] + alpha[-keep:]
        if needed and not all(any(terms_match(p, f) for f in found) for p in needed):
            missing.append(name)
    return missing


def score_sentences(q: Question, retrieval: Retrieval, store: ArticleStore, passages: int = 5) -> list[Scored]:
    """Score every sentence of the best `passages` passages; best first."""
    top = retrieval.passages[:passages]
    vectors = store.sentence_vectors([r.passage for r in top])
    out: list[Scored] = []
    for rank, r in enumerate(top):
        p = r.passage
        vecs = vectors.get(p.id)
        ctx = coverage(q, terms(clean(p.text)))
        for n, span in enumerate(p.sentences):
            text = p.text[span.start - p.start:span.end - p.start]
            sem = float(np.dot(vecs[n], retrieval.query_vector)) if vecs is not None else 0.0
            cov = coverage(q, terms(clean(text)))
            ok = fits(q, text)
            new_terms = len(set(terms(text)) - set(q.terms))
            # A who/what/where/which answer usually names something the question does not.
            named = min(len(new_names(q, text)), 2) if q.wh in _NAMING else 0
            # Weights chosen on the development sets (seed + SQuAD sample), see README.
            score = (0.45 * sem + 0.45 * cov + 0.20 * ctx + 0.10 * (1.0 if ok else 0.0)
                     + 0.05 / (1 + rank) + 0.06 * named - (0.1 if new_terms < 2 else 0.0))
            out.append(Scored(passage_rank=rank, passage_id=p.id, source=p.source, start=span.start, end=span.end,
                              text=text, passage_start=p.start, passage_end=p.end, passage_text=p.text,
                              semantic=sem, coverage=cov, context_coverage=ctx, fits=ok, score=score))
    out.sort(key=lambda s: -s.score)
    return out


def new_names(q: Question, text: str) -> list[str]:
    """Names in the text that the question does not already mention."""
    qn = {t for n in q.names for t in terms(n)}
    return [n for n in names(text) if not set(terms(n)) <= qn]
