"""The judge's stages, each fitted and measured out of fold (GroupKFold by article over the training rows):
the first-stage ranker, the reader's second stage, answerability, the calibrated confidence and the
answer phrase. Every stage reads the out-of-fold outputs of the stages before it, so every figure is on
articles that no stage was fitted on (the first stage's 24 weights are fitted with the other folds' rows
when the later stages are, a leak too small to matter for a linear model over 20,000 rows)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from qa.judgment.confidence import CONFIDENCE_FEATURES, PHRASE_FEATURES, confidence_row, phrase_row
from qa.judgment.features import SENTENCE_FEATURES, previous_sentences, question_row
from qa.judgment.evidence import combine
from qa.judgment.judge import Judge, Linear
from qa.judgment.scores import sigmoid
from qa.judgment.reader import Reading
from qa.judgment.rerank import READER_QUESTION_FEATURES, RERANK_FEATURES, rerank_matrix

from .judge_data import SEED, Row

FALSE_ABSTENTION_TARGET = 0.05
"""At most this share of answerable held-out questions may be refused."""
SURE_PRECISION = 0.9
"""Answers shown as sure are right at least this often, held out, on the assumed mix ("right": the cited sentence
holds a gold answer span, a strict reading: SQuAD's spans mark one sentence where others may also answer)."""
ASSUMED_ANSWERABLE = 0.8
"""The share of questions the articles answer that the confidence is calibrated for. The pool was written to be
half unanswerable (and a third of its rows ask an article that is absent), so calibrated on it as it is, every
confidence is shy: people ask a news chat about the articles they loaded, and 4 in 5 of the questions written
for this project's development sets are answerable (seed_dev_qa 24 of 30, the skills set 126 of 143 turns)."""
DOUBTFUL_BELOW = 0.5
"""Below this calibrated confidence an answer is more likely wrong than right: it is shown as the closest
sentence, not as the answer (Level.DOUBTFUL)."""
PHRASE_PRECISION = 0.9
"""A shown phrase is right (token F1 >= 0.5 with a gold answer) at least this often, held out, on the questions
the articles answer (see phrase_stage)."""
PHRASE_MARGIN_Z = 1.645
"""The phrase threshold holds PHRASE_PRECISION at the lower end of a one-sided 95% interval, not at the point
measured: a wrong bold phrase costs more than a missing one (the threshold set at the measured point gave 88.7%
and 89.4% right on two held-out sets through the product)."""


def fit_linear(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float = 1.0,
               weights: np.ndarray | None = None) -> Linear:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit((x - mean) / scale, y, sample_weight=weights)
    return Linear(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def threshold_for(p_answerable: np.ndarray, target: float) -> float:
    """The highest threshold that refuses (p < threshold) at most `target` of these answerable questions."""
    ordered = np.sort(p_answerable)
    return float(ordered[min(int(target * len(ordered)), len(ordered) - 1)])


def mix_weights(answerable: np.ndarray, share: float = ASSUMED_ANSWERABLE) -> np.ndarray:
    """Row weights that make answerable rows `share` of the total weight (mean weight 1)."""
    n, k = len(answerable), int(answerable.sum())
    if k in (0, n):
        return np.ones(n)
    return np.where(answerable, share * n / k, (1 - share) * n / (n - k))


def precision_threshold(p: np.ndarray, right: np.ndarray, target: float, weights: np.ndarray | None = None,
                        margin_z: float = 0.0) -> float:
    """The least threshold t such that the items with p >= t are right at least `target` of the time (weighted
    by `weights` when given; 1.0 when no threshold reaches it). With `margin_z`, the lower Wilson bound of that
    precision must reach the target: the deepest point where the measured precision just touches the target
    is picked because it does, and lands under it on new questions about as often as not."""
    order = np.argsort(-p, kind="stable")
    w = np.ones(len(p)) if weights is None else weights[order]
    hits = np.cumsum(right[order] * w) / np.cumsum(w)
    if margin_z:
        n = np.cumsum(w) ** 2 / np.cumsum(w ** 2)  # effective sample size of the items above each point
        hits = wilson_lower(hits, n, margin_z)
    ok = np.nonzero(hits >= target)[0]
    # The deepest point down the list where precision still holds, at a value where p changes.
    for k in ok[::-1]:
        if k + 1 == len(p) or p[order[k]] > p[order[k + 1]]:
            return float(p[order[k]])
    return 1.0


def wilson_lower(share: np.ndarray, n: np.ndarray, z: float) -> np.ndarray:
    """The lower end of the Wilson score interval of a share measured on n items."""
    z2 = z * z
    centre = share + z2 / (2 * n)
    spread = z * np.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return (centre - spread) / (1 + z2 / n)


def folds_of(rows: list[Row], folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    groups = np.array([r.article for r in rows])
    return list(GroupKFold(n_splits=folds).split(rows, groups=groups))


# --- first stage ------------------------------------------------------------------------------------------

def ranker_data(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    use = [r for r in rows if r.answerable]
    return np.vstack([r.sig.matrix for r in use]), np.concatenate([r.labels for r in use])


def top_hit(r: Row, scores: np.ndarray) -> bool:
    return bool(len(scores)) and r.labels[int(np.argmax(scores))] > 0


@dataclass
class FirstStage:
    logits: list[np.ndarray]
    """Out-of-fold logits of each row's candidates."""
    hits: dict[str, np.ndarray]
    """Top-1 hit per row of each single-signal peer and of the learned ranker."""


def first_stage(rows: list[Row], splits, c: float) -> FirstStage:
    col = {n: i for i, n in enumerate(SENTENCE_FEATURES)}
    logits: list[np.ndarray] = [np.zeros(0)] * len(rows)
    hits = {k: np.zeros(len(rows), dtype=bool) for k in ("rrf", "cosine", "bm25", "learned", "any")}
    for train, test in splits:
        ranker = fit_linear(*ranker_data([rows[i] for i in train]), SENTENCE_FEATURES, c)
        for i in test:
            r, m = rows[i], rows[i].sig.matrix
            logits[i] = ranker.logits(m)
            hits["rrf"][i] = top_hit(r, r.sig.rrf)
            hits["cosine"][i] = top_hit(r, m[:, col["cosine"]])
            hits["bm25"][i] = top_hit(r, m[:, col["bm25"]])
            hits["learned"][i] = top_hit(r, logits[i])
            hits["any"][i] = r.labels.max() > 0
    return FirstStage(logits, hits)


def question_rows(rows: list[Row], logits: list[np.ndarray]) -> np.ndarray:
    return np.vstack([question_row(r.q, r.cands, r.sig, lg, np.argsort(-lg, kind="stable"))
                      for r, lg in zip(rows, logits)])


# --- the reader's second stage ----------------------------------------------------------------------------

@dataclass
class Read:
    """The reader's readings of each row's best first-stage candidates (first-stage order)."""

    top: list[np.ndarray]
    readings: list[list[Reading]]


def read_rows(rows: list[Row], logits: list[np.ndarray], reader, k: int, cache: dict, progress: bool = True) -> Read:
    """Read the k best first-stage candidates of every row; `cache` maps (question, sentence) -> Reading, so
    the same pair (asked of both kinds of store) is read once."""
    from tqdm import tqdm

    tops, out = [], []
    for r, lg in tqdm(list(zip(rows, logits)), desc="reading", disable=not progress):
        top = np.argsort(-lg, kind="stable")[:k]
        # A pair is its sentence and, for a reader trained with them, the sentence before it.
        pairs = list(zip([r.cands[int(i)].text for i in top], previous_sentences(r.cands, top)))
        todo = list(dict.fromkeys(p for p in pairs if (r.q.text, *p) not in cache))
        if todo:
            for p, reading in zip(todo, reader.read(r.q.text, [t for t, _ in todo], [c for _, c in todo])):
                cache[(r.q.text, *p)] = reading
        tops.append(top)
        out.append([cache[(r.q.text, *p)] for p in pairs])
    return Read(tops, out)


@dataclass
class SecondStage:
    order: list[np.ndarray]
    """Each row's candidates in the final order (read ones by the combined logit, then the rest)."""
    final: list[np.ndarray]
    """The final logits in that order."""
    question: np.ndarray
    """READER_QUESTION_FEATURES of each row."""
    hits: dict[str, np.ndarray]
    reranker_c: float = 1.0


def second_stage(rows: list[Row], first: FirstStage, read: Read, k: int, splits, c: float) -> SecondStage:
    """The reranker over the k best first-stage candidates, out of fold; with the reader's own top-1 and
    the top-1 of the combination."""
    mats = [rerank_matrix(first.logits[i][read.top[i][:k]], read.readings[i][:k]) for i in range(len(rows))]
    labels = [rows[i].labels[read.top[i][:k]] for i in range(len(rows))]
    n = len(rows)
    order: list[np.ndarray] = [np.zeros(0, dtype=int)] * n
    final: list[np.ndarray] = [np.zeros(0)] * n
    question = np.zeros((n, len(READER_QUESTION_FEATURES)))
    hits = {"reader": np.zeros(n, dtype=bool), "combined": np.zeros(n, dtype=bool),
            "in_read": np.zeros(n, dtype=bool)}
    for train, test in splits:
        use = [i for i in train if rows[i].answerable]
        reranker = fit_linear(np.vstack([mats[i] for i in use]), np.concatenate([labels[i] for i in use]),
                              RERANK_FEATURES, c)
        judge = Judge(None, reranker, 0.0, {}, reranker=reranker, read_top=k)  # only the ordering is used
        for i in test:
            top = read.top[i][:k]
            ranked = combine(judge, first.logits[i], sigmoid(first.logits[i]), lambda t, i=i: read.readings[i][:len(t)])
            order[i], final[i], question[i] = ranked.order, ranked.final, ranked.reader_row
            rel = np.array([rd.relevance for rd in read.readings[i][:k]])
            hits["reader"][i] = rows[i].labels[top[int(np.argmax(rel))]] > 0
            hits["combined"][i] = rows[i].labels[order[i][0]] > 0
            hits["in_read"][i] = rows[i].labels[top].max() > 0
    return SecondStage(order, final, question, hits, c)


# --- answerability, confidence, phrase ----------------------------------------------------------------------

@dataclass
class Answerability:
    p: np.ndarray
    """Out-of-fold P(the articles answer) per row."""
    threshold: float
    names: tuple[str, ...]
    matrix: np.ndarray = field(repr=False)


def answerability(rows: list[Row], xq: np.ndarray, names: tuple[str, ...], splits, c: float) -> Answerability:
    y = np.array([r.answerable for r in rows])
    p = np.zeros(len(rows))
    for train, test in splits:
        model = fit_linear(xq[train], y[train].astype(int), names, c)
        p[test] = sigmoid(model.logits(xq[test]))
    return Answerability(p, threshold_for(p[y], FALSE_ABSTENTION_TARGET), names, xq)


@dataclass
class Confidence:
    p: np.ndarray
    """Out-of-fold calibrated P(the best sentence answers) per row."""
    sure: float
    matrix: np.ndarray = field(repr=False)
    target: np.ndarray = field(repr=False)
    weights: np.ndarray | None = field(repr=False, default=None)


def confidence(rows: list[Row], p_answerable: np.ndarray, final: list[np.ndarray], hit: np.ndarray,
               splits, answered: np.ndarray, weights: np.ndarray | None = None) -> Confidence:
    """Calibrate, out of fold, the probability that the answer shown is right, for the mix `weights` make
    (ASSUMED_ANSWERABLE; None: the pool as it is); `sure` is the least value at which answered questions (not
    refused) are right SURE_PRECISION of the time, held out, on that mix."""
    x = np.vstack([confidence_row(p_answerable[i], final[i]) for i in range(len(rows))])
    p = np.zeros(len(rows))
    for train, test in splits:
        model = fit_linear(x[train], hit[train].astype(int), CONFIDENCE_FEATURES,
                           weights=None if weights is None else weights[train])
        p[test] = sigmoid(model.logits(x[test]))
    sure = precision_threshold(p[answered], hit[answered].astype(float), SURE_PRECISION,
                               None if weights is None else weights[answered])
    return Confidence(p, sure, x, hit, weights)


@dataclass
class PhraseStage:
    source: str
    p: np.ndarray
    """Out-of-fold P(the phrase is right) for the rows that have a phrase candidate (nan elsewhere)."""
    right: np.ndarray
    threshold: float
    matrix: np.ndarray = field(repr=False)
    texts: list[str | None] = field(repr=False, default_factory=list)
    fitted: np.ndarray | None = field(repr=False, default=None)
    """The rows it was fitted on (answered, factoid, with a phrase)."""


def phrase_stage(source: str, rows: list[Row], candidates: list[tuple[str, float, float] | None],
                 conf: np.ndarray, right: np.ndarray, splits, asked: np.ndarray) -> PhraseStage:
    """`candidates[i]`: (phrase text, p, p of no phrase) of row i's best sentence from `source`, or None;
    `right[i]`: that phrase is right; `asked`: rows that count (answered, factoid).

    P(the phrase is right) is fitted on every answered row, so that it also weighs whether the question is
    answered at all; its threshold is chosen for PHRASE_PRECISION on the questions the articles answer.
    Counted over the pool's questions written to be unanswerable as well, the same threshold is far less
    precise (the report says by how much): at that precision there, hardly any phrase would be shown, since
    those questions are told apart only as well as the refusal model can (ROC AUC about 0.74). Fitting on
    the answerable rows alone was tried: the same share shown, and less precise over all answered rows."""
    has = np.array([c is not None for c in candidates]) & asked
    fit = has & np.array([r.answerable for r in rows])
    x = np.zeros((len(rows), len(PHRASE_FEATURES)))
    for i, c in enumerate(candidates):
        if c is not None:
            x[i] = phrase_row(conf[i], c[1], c[2], len(c[0].split()))
    p = np.full(len(rows), np.nan)
    for train, test in splits:
        tr = train[has[train]]
        model = fit_linear(x[tr], right[tr].astype(int), PHRASE_FEATURES)
        te = test[has[test]]
        p[te] = sigmoid(model.logits(x[te]))
    threshold = precision_threshold(p[fit], right[fit].astype(float), PHRASE_PRECISION, margin_z=PHRASE_MARGIN_Z)
    return PhraseStage(source, p, right, threshold, x, [c[0] if c else None for c in candidates], has)


def reliability(p: np.ndarray, right: np.ndarray, bins: int = 10) -> list[dict]:
    """Calibration by bin: how often the items whose confidence falls in each bin are right."""
    out = []
    edges = np.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (p >= lo) & ((p < hi) | (hi == 1.0))
        if sel.any():
            out.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "mean_confidence": round(float(p[sel].mean()), 3),
                        "right": round(float(right[sel].mean()), 3)})
    return out


def expected_calibration_error(p: np.ndarray, right: np.ndarray, bins: int = 10) -> float:
    table = reliability(p, right, bins)
    n = sum(b["n"] for b in table)
    return round(sum(b["n"] * abs(b["mean_confidence"] - b["right"]) for b in table) / max(1, n), 4)
