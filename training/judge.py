"""python -m training.judge --data squad2_train_pool.json: fit the judge (qa/models/judge.json) and print held-out figures.

The questions run through the product's own steps (ingest into a temporary store, prepare,
retrieve, candidate sentences, qa.features), so the model is fitted on exactly what it sees when
answering. Every figure printed is held out by article: GroupKFold over articles, never one
article split between fitting and validation. The ranker ships only if it beats the sentence-level
fusion (RRF of cosine and BM25) on held-out articles; the abstention threshold is the one that
keeps false abstentions at or under the target on held-out articles.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from lang.normalize import clean
from core.settings import configure_offline, get_settings

from qa.judgment.evidence import candidates
from qa.judgment.features import QUESTION_FEATURES, SENTENCE_FEATURES, Candidate, SentenceSignals, question_row, sentence_signals
from qa.judgment.judge import MODEL_PATH, Judge, Linear
from qa.pipeline import Turn
from qa.retrieval.filters import Filters
from qa.question import Question
from lang.words import names

FALSE_ABSTENTION_TARGET = 0.05
"""At most this share of answerable held-out questions may be refused."""
MIN_RANKER_GAIN = 0.005
"""The learned ranker must beat the fusion's held-out top-1 by at least this much to ship."""
SEED = 0


@dataclass
class Row:
    """One question as the product saw it."""

    article: str
    question: str
    answerable: bool
    q: Question | None
    cands: list[Candidate]
    sig: SentenceSignals | None
    labels: np.ndarray
    """1 for candidates that contain a gold answer span of this question."""
    scope: str = "corpus"
    """Which store it was asked of: "corpus" (all articles) or "single" (one article)."""
    foreign: bool = False
    """Asked where its article is not (so unanswerable there)."""


def slug(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title).strip("-").lower() + ".txt"


def write_articles(data: dict, folder: Path) -> tuple[list[Path], list[tuple[str, str, bool, list[tuple[int, int]]]]]:
    """SQuAD articles as text files (paragraphs joined by blank lines) and every question with its
    gold answer spans as offsets into that file. Reads SQuAD's own format (`data[].paragraphs[]`)
    and the evaluation sets' (`articles[]` with `context` and answer strings, whose every
    occurrence then counts)."""
    files, questions = [], []
    for art in data.get("data") or [{"title": a["title"], "paragraphs": [
            {"context": a["context"], "qas": [{**q, "answers": _occurrences(a["context"], q.get("answers", []))}
                                              for q in a["questions"]]}]} for a in data["articles"]]:
        name = slug(art["title"])
        parts, offset = [], 0
        for para in art["paragraphs"]:
            context = para["context"]
            for qa in para["qas"]:
                spans = [(offset + a["answer_start"], offset + a["answer_start"] + len(a["text"]))
                         for a in qa.get("answers", []) if a.get("answer_start", -1) >= 0]
                questions.append((name, qa["question"], not qa.get("is_impossible", False), spans))
            parts.append(context)
            offset += len(context) + 2
        path = folder / name
        path.write_text("\n\n".join(parts), encoding="utf-8")
        files.append(path)
    return files, questions


def _occurrences(context: str, answers: list[str]) -> list[dict]:
    out = []
    low = context.lower()
    for text in answers:
        start = low.find(text.lower())
        while text and start >= 0:
            out.append({"text": text, "answer_start": start})
            start = low.find(text.lower(), start + 1)
    return out


FOREIGN_SHARE = 0.5
"""Share of the questions also asked of articles that do not contain them (see collect)."""
SWAP_SHARE = 0.3
"""Share of the answerable questions with names also asked with one name swapped (see swap_names)."""
SCOPES = ("corpus", "single")
"""The stores questions are asked of: all articles together, and each article alone."""


def collect(data_path: Path, progress: bool = True, foreign_share: float = FOREIGN_SHARE,
            scopes: tuple[str, ...] = SCOPES, swap_share: float = SWAP_SHARE) -> list[Row]:
    """Run every question of a SQuAD-format file through the product's steps, up to the signals.

    Two kinds of store, because signals such as term rarity depend on what else is stored: one
    with all the articles ("corpus"), and one per article ("single", like a reader with one
    article loaded). SQuAD's unanswerable questions are written next to the paragraph they are
    about, so they name what it names; readers more often ask about things their articles never
    cover. A share of the questions is therefore also asked where its article is not: with its own
    article filtered out of the corpus (and left out of the term counts), and of another article's
    single store; and a share of the answerable ones is asked with one of its names swapped for a
    name this article never mentions (see swap_names). Those rows are unanswerable and `foreign`;
    cross-validation keeps them in the group of their question's article."""
    from tqdm import tqdm

    from qa.service import QAService

    data = json.loads(data_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="qa-train-") as tmp:
        tmp = Path(tmp)
        (tmp / "articles").mkdir()
        files, questions = write_articles(data, tmp / "articles")
        settings = replace(get_settings(), chroma_path=tmp / "chroma", chroma_host=None, seed_dir=tmp / "none")
        services: dict[str, QAService] = {}
        if "corpus" in scopes:
            services["corpus"] = QAService.default(settings, judge=bootstrap_judge())
            _ingest(services["corpus"], files)
        if "single" in scopes:
            for i, f in enumerate(files):
                services[f.name] = QAService.default(replace(settings, collection=f"single{i}"),
                                                     judge=bootstrap_judge())
                _ingest(services[f.name], [f])
        names = [f.name for f in files]
        rng = np.random.default_rng(SEED)
        swapped = swap_names(questions, {f.name: f.read_text(encoding="utf-8") for f in files}, swap_share, rng)
        asks = []  # (scope, store key, article, question, answerable, spans, foreign)
        for scope in scopes:
            for a, q, ans, spans in questions:
                asks.append((scope, "corpus" if scope == "corpus" else a, a, q, ans, spans, False))
                if rng.random() < foreign_share:
                    other = "corpus" if scope == "corpus" else str(rng.choice([n for n in names if n != a]))
                    asks.append((scope, other, a, q, False, [], True))
            for a, q in swapped:
                asks.append((scope, "corpus" if scope == "corpus" else a, a, q, False, [], True))
        # Questions embedded in batches up front (several times faster than one by one); retrieval
        # then looks their vectors up instead of embedding each again.
        any_svc = next(iter(services.values()))
        texts = list(dict.fromkeys(clean(ask[3]) for ask in asks))
        table = Precomputed(any_svc.embedder, dict(zip(texts, any_svc.embedder.embed_documents(texts))))
        for svc in services.values():
            svc.chain.search.embedder = table
        rows: list[Row] = []
        for scope, key, article, question, answerable, spans, foreign in tqdm(
                asks, desc="questions", disable=not progress, file=sys.stderr):
            svc = services[key]
            chain = svc.chain
            snap = chain.search.corpus.snapshot()
            excluded = foreign and scope == "corpus"
            others = Filters.of(sources=[s for s in snap.articles if s != article]) if excluded else Filters()
            turn = chain.prepare(Turn(question=question, filters=others))
            if turn.answer is not None:  # small talk or a question about the article itself
                rows.append(Row(article, question, answerable, None, [], None, np.zeros(0), scope, foreign))
                continue
            turn = chain.retrieve(turn)
            cands = candidates(turn.retrieval, svc.store, settings.evidence_passages)
            sig = sentence_signals(turn.parsed, cands, snap.idf)
            labels = np.array([float(c.source == article and any(c.start < e and s < c.end for s, e in spans))
                               for c in cands])
            cands = [replace(c, passage_text="") for c in cands]  # not needed after this; keeps the rows small
            rows.append(Row(article, question, answerable, turn.parsed, cands, sig, labels, scope, foreign))
        return rows


def swap_names(questions, texts: dict[str, str], share: float, rng) -> list[tuple[str, str]]:
    """(article, question) pairs made unanswerable by swapping one of an answerable question's names for
    a name that other articles' questions use and this article never mentions ("What did the mayor of
    Lakeside say?" -> "What did the mayor of Fresno say?"): the reader's question about someone or
    something the articles do not cover, on a topic they do."""
    pool: dict[str, list[str]] = {}
    for a, q, _, _ in questions:
        pool.setdefault(a, []).extend(n for n in names(q) if not any(ch.isdigit() for ch in n))
    out = []
    for a, q, answerable, _ in questions:
        own = [n for n in names(q) if n in texts[a] and not any(ch.isdigit() for ch in n)]
        if not answerable or not own or rng.random() >= share:
            continue
        others = [n for b, ns in pool.items() if b != a for n in ns if n.lower() not in texts[a].lower()]
        if others:
            out.append((a, q.replace(str(rng.choice(own)), str(rng.choice(others)), 1)))
    return out


def _ingest(svc, files: list[Path]) -> None:
    report = svc.ingest([str(f) for f in files])
    if report.failed:
        raise SystemExit(f"error: could not ingest {report.failed[0].error}")


class Precomputed:
    """An embedder that answers known queries from a table and embeds the rest."""

    def __init__(self, embedder, table: dict[str, list[float]]):
        self.embedder = embedder
        self.table = table

    def embed_query(self, text: str) -> list[float]:
        return self.table[text] if text in self.table else self.embedder.embed_query(text)


def bootstrap_judge() -> Judge:
    """A judge for collecting signals before any model exists: fusion ranking, never abstains."""
    n = len(QUESTION_FEATURES)
    return Judge(None, Linear(QUESTION_FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 10.0), 0.0, {})


def fit_linear(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], c: float = 1.0) -> Linear:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit((x - mean) / scale, y)
    return Linear(names, mean, scale, model.coef_[0].copy(), float(model.intercept_[0]))


def ranker_data(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    use = [r for r in rows if r.answerable and r.sig is not None and len(r.cands)]
    return np.vstack([r.sig.matrix for r in use]), np.concatenate([r.labels for r in use])


def top_hit(r: Row, scores: np.ndarray) -> bool:
    return bool(len(scores)) and r.labels[int(np.argmax(scores))] > 0


def question_matrix(rows: list[Row], ranker: Linear | None) -> np.ndarray:
    out = []
    for r in rows:
        if r.sig is None or not len(r.cands):
            out.append(np.zeros(len(QUESTION_FEATURES)))
            continue
        logits = ranker.logits(r.sig.matrix) if ranker else np.log(np.maximum(r.sig.rrf, 1e-9))
        order = np.argsort(-logits, kind="stable")
        out.append(question_row(r.q, r.cands, r.sig, logits, order))
    return np.vstack(out)


def threshold_for(p_answerable: np.ndarray, target: float) -> float:
    """The highest threshold that refuses at most `target` of these answerable questions."""
    return float(np.quantile(p_answerable, target, method="lower"))


def cross_validate(rows: list[Row], folds: int, c_rank: float, c_abstain: float) -> dict:
    """Held-out figures by article for the fusion, each single signal, the learned ranker and the judge."""
    from sklearn.model_selection import GroupKFold

    rows = [r for r in rows if r.sig is not None and len(r.cands)]
    groups = np.array([r.article for r in rows])
    foreign = np.array([r.foreign for r in rows])
    scope = np.array([r.scope for r in rows])
    y = np.array([r.answerable for r in rows])
    names = {n: i for i, n in enumerate(SENTENCE_FEATURES)}
    hits = {k: np.zeros(len(rows), dtype=bool) for k in ("rrf", "cosine", "bm25", "learned", "any")}
    p = np.zeros(len(rows))
    p_base = np.zeros(len(rows))
    abstain = np.zeros(len(rows), dtype=bool)
    fold_thresholds = []
    for train, test in GroupKFold(n_splits=folds).split(rows, y, groups):
        fit_rows = [rows[i] for i in train]
        ranker = fit_linear(*ranker_data(fit_rows), SENTENCE_FEATURES, c_rank)
        for i in test:
            r = rows[i]
            m = r.sig.matrix
            hits["rrf"][i] = top_hit(r, r.sig.rrf)
            hits["cosine"][i] = top_hit(r, m[:, names["cosine"]])
            hits["bm25"][i] = top_hit(r, m[:, names["bm25"]])
            hits["learned"][i] = top_hit(r, ranker.logits(m))
            hits["any"][i] = r.labels.max() > 0
        for use_ranker, out in ((ranker, p), (None, p_base)):
            xq = question_matrix(fit_rows, use_ranker)
            judge = fit_linear(xq, y[train].astype(int), QUESTION_FEATURES, c_abstain)
            fit_p = 1 / (1 + np.exp(-judge.logits(xq)))
            out[test] = 1 / (1 + np.exp(-judge.logits(question_matrix([rows[i] for i in test], use_ranker))))
            if use_ranker is ranker:
                # The threshold comes from the fitting articles only, then is applied to the held-out ones.
                t = threshold_for(fit_p[y[train]], FALSE_ABSTENTION_TARGET)
                fold_thresholds.append(t)
                abstain[test] = out[test] < t
    ans = y
    squad_una = ~ans & ~foreign
    result = {"questions": int((~foreign).sum()), "answerable": int(ans.sum()), "unanswerable": int(squad_una.sum()),
              "foreign": int(foreign.sum()),
              "articles": len(set(groups)), "folds": folds,
              "top1": {k: round(float(v[ans].mean()), 4) for k, v in hits.items()}}
    from sklearn.metrics import roc_auc_score

    own = ~foreign
    result["answerable_auc"] = round(float(roc_auc_score(ans[own], p[own])), 4)
    result["answerable_auc_with_fusion_ranking"] = round(float(roc_auc_score(ans[own], p_base[own])), 4)
    result["fold_thresholds"] = [round(t, 4) for t in fold_thresholds]
    ship_ranker = result["top1"]["learned"] >= result["top1"]["rrf"] + MIN_RANKER_GAIN
    best = hits["learned"] if ship_ranker else hits["rrf"]
    result["ranker_shipped"] = bool(ship_ranker)
    # Each fold's threshold taken from its fitting articles alone (the strictest reading of "held out")...
    result["heldout_fold_thresholds"] = {
        "false_abstention": round(float(abstain[ans].mean()), 4),
        "abstention_on_unanswerable": round(float(abstain[squad_una].mean()), 4)}
    # ...and the shipped threshold: the one that refuses the target share of held-out answerable questions.
    threshold = threshold_for(p[ans], FALSE_ABSTENTION_TARGET)
    result["threshold"] = round(threshold, 4)
    abstain = p < threshold
    result["heldout"] = {
        "hit": round(float((best & ~abstain)[ans].mean()), 4),
        "false_abstention": round(float(abstain[ans].mean()), 4),
        "abstention_on_unanswerable": round(float(abstain[squad_una].mean()), 4),
        "abstention_on_foreign": round(float(abstain[foreign].mean()), 4),
    }
    result["by_scope"] = {}
    for sc in sorted(set(scope)):
        a, u, f = ans & (scope == sc), squad_una & (scope == sc), foreign & (scope == sc)
        result["by_scope"][sc] = {
            "rrf_top1": round(float(hits["rrf"][a].mean()), 4), "learned_top1": round(float(hits["learned"][a].mean()), 4),
            "hit": round(float((best & ~abstain)[a].mean()), 4), "false_abstention": round(float(abstain[a].mean()), 4),
            "abstention_on_unanswerable": round(float(abstain[u].mean()), 4),
            "abstention_on_foreign": round(float(abstain[f].mean()), 4) if f.any() else None}
    per_article = {}
    for art in sorted(set(groups)):
        sel = groups == art
        a, u = sel & ans, sel & squad_una
        per_article[art] = {"hit": round(float((best & ~abstain)[a].mean()), 3) if a.any() else None,
                            "rrf_top1": round(float(hits["rrf"][a].mean()), 3) if a.any() else None,
                            "false_abstention": round(float(abstain[a].mean()), 3) if a.any() else None,
                            "abstention_on_unanswerable": round(float(abstain[u].mean()), 3) if u.any() else None}
    result["per_article"] = per_article
    return result


def fit_final(rows: list[Row], ship_ranker: bool, c_rank: float, c_abstain: float, threshold: float) -> Judge:
    rows = [r for r in rows if r.sig is not None and len(r.cands)]
    y = np.array([r.answerable for r in rows])
    ranker = fit_linear(*ranker_data(rows), SENTENCE_FEATURES, c_rank) if ship_ranker else None
    xq = question_matrix(rows, ranker)
    answerable = fit_linear(xq, y.astype(int), QUESTION_FEATURES, c_abstain)
    return Judge(ranker, answerable, threshold, {})


SAMPLE_PATH = Path(__file__).resolve().parent.parent / "tests" / "data" / "judge_sample.npz"


def sample_figures(judge: Judge, matrices: list[np.ndarray], labels: list[np.ndarray], rows_q: np.ndarray,
                   answerable: np.ndarray) -> dict:
    """Hit, false abstention and abstention on unanswerable questions of the judge on frozen signals."""
    fusion = SENTENCE_FEATURES.index("rrf")
    hit = np.array([len(lab) > 0 and lab[int(np.argmax(judge.rank_logits(m, m[:, fusion])))] > 0
                    for m, lab in zip(matrices, labels)])
    p = np.array([judge.p_answerable(r) for r in rows_q])
    abstain = p < judge.threshold
    return {"questions": int(len(answerable)),
            "hit": round(float((hit & ~abstain)[answerable].mean()), 4),
            "false_abstention": round(float(abstain[answerable].mean()), 4),
            "abstention_on_unanswerable": round(float(abstain[~answerable].mean()), 4)}


def freeze_sample(judge: Judge, rows: list[Row], path: Path = SAMPLE_PATH) -> dict:
    """Write the signals of `rows` (questions the judge was not fitted on) and return its figures on
    them, so a test can check that the committed model reproduces them."""
    rows = [r for r in rows if r.sig is not None and len(r.cands)]
    matrices = [r.sig.matrix for r in rows]
    labels = [r.labels for r in rows]
    rows_q = question_matrix(rows, judge.ranker)
    answerable = np.array([r.answerable for r in rows])
    path.parent.mkdir(parents=True, exist_ok=True)
    sizes = np.array([len(m) for m in matrices])
    np.savez_compressed(path, matrix=np.vstack(matrices).astype(np.float64), labels=np.concatenate(labels),
                        sizes=sizes, rows=rows_q, answerable=answerable)
    return sample_figures(judge, matrices, labels, rows_q, answerable)


def load_sample(path: Path = SAMPLE_PATH) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray, np.ndarray]:
    d = np.load(path)
    cuts = np.cumsum(d["sizes"])[:-1]
    return (np.split(d["matrix"], cuts), np.split(d["labels"], cuts), d["rows"], d["answerable"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.judge", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="SQuAD 2.0-format training file")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the model (default {MODEL_PATH})")
    parser.add_argument("--folds", type=int, default=7, help="cross-validation folds, by article")
    parser.add_argument("--c-rank", type=float, default=1.0, help="inverse regularization of the ranker")
    parser.add_argument("--c-abstain", type=float, default=1.0, help="inverse regularization of the abstention model")
    parser.add_argument("--foreign-share", type=float, default=FOREIGN_SHARE,
                        help="share of questions also asked without their article, as unanswerable")
    parser.add_argument("--rows", type=Path, help="reuse (or write) the collected signals in this pickle file")
    parser.add_argument("--sample", type=Path, help="SQuAD-format file of other articles: freeze the model's "
                        f"signals and figures on it for the regression test ({SAMPLE_PATH.name})")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: not found: {args.data}", file=sys.stderr)
        return 2
    t = time.perf_counter()
    if args.rows and args.rows.exists():
        import pickle

        rows = pickle.loads(args.rows.read_bytes())
    else:
        rows = collect(args.data, progress=not args.quiet, foreign_share=args.foreign_share)
        if args.rows:
            import pickle

            args.rows.write_bytes(pickle.dumps(rows))
    collected = time.perf_counter() - t
    cv = cross_validate(rows, args.folds, args.c_rank, args.c_abstain)
    judge = fit_final(rows, cv["ranker_shipped"], args.c_rank, args.c_abstain, cv["threshold"])
    judge = replace(judge, meta={"data": args.data.name, "trained_questions": cv["questions"],
                                 "articles": cv["articles"], "folds": args.folds, "c_rank": args.c_rank,
                                 "c_abstain": args.c_abstain, "false_abstention_target": FALSE_ABSTENTION_TARGET,
                                 "cross_validation": {k: v for k, v in cv.items() if k != "per_article"}})
    if args.sample:
        sample = freeze_sample(judge, collect(args.sample, progress=not args.quiet, foreign_share=0.0,
                                              swap_share=0.0))
        judge = replace(judge, meta={**judge.meta, "frozen_sample": {"data": args.sample.name, **sample}})
        print("frozen sample:", json.dumps(sample))
    judge.save(args.out)
    print(json.dumps(cv, indent=1))
    print(f"signals collected in {collected:.0f} s; model written to {args.out} "
          f"(ranker: {'learned' if judge.ranker else 'fusion'}, threshold {judge.threshold:.3f})")
    return 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
