"""python -m training.judge --data squad2_train_pool.json: fit the judge (qa/models/judge.json) and print held-out figures.

The questions run through the product's own steps (training/judge_data.py), so the models are fitted on
exactly what they see when answering. Every figure printed is held out by article: GroupKFold over
articles, never one article split between fitting and validation (training/stages.py). What ships is what
won held out in this same run: the learned ranker only if it beats the sentence-level fusion, the reader's
second stage only if it beats the ranker. The bold phrase is the reader's span (the product ships no other);
the phrase model of training/phrase_model is measured beside it as a peer. Thresholds: refuse at most 5% of held-out answerable questions; "sure"
where answers are right 90% of the time; a bold phrase where it is right 90% of the time.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.settings import configure_offline
from qa.judgment.features import QUESTION_FEATURES, SENTENCE_FEATURES
from qa.judgment.judge import MODEL_PATH, Judge
from qa.judgment.rerank import READER_QUESTION_FEATURES
from qa.judgment.confidence import CONFIDENCE_FEATURES, PHRASE_FEATURES

from . import samples, stages
from .judge_data import FOREIGN_SHARE, Row, collect
from .phrase_candidates import PhraseCandidates, phrase_candidates

MIN_RANKER_GAIN = 0.005
"""A learned stage must beat the one it replaces by at least this much held-out top-1 to ship."""
READ_TOP = (4, 6, 8, 10)
"""How many first-stage candidates the reader may read (the smallest within 0.3 points of the best wins)."""


@dataclass
class Path_:
    """One way of ranking and refusing, measured out of fold."""

    name: str
    hit_top1: np.ndarray
    final: list[np.ndarray]
    order: list[np.ndarray]
    answerability: stages.Answerability


def load_rows(args) -> tuple[list[Row], float]:
    t = time.perf_counter()
    if args.rows and args.rows.exists():
        rows = pickle.loads(args.rows.read_bytes())
    else:
        rows = collect(args.data, progress=not args.quiet, foreign_share=args.foreign_share)
        if args.rows:
            args.rows.write_bytes(pickle.dumps(rows))
    return [r for r in rows if r.sig is not None and len(r.cands)], time.perf_counter() - t


def rates(refuse: np.ndarray, hit: np.ndarray, y: np.ndarray, foreign: np.ndarray) -> dict:
    una = ~y & ~foreign
    return {"hit": round(float((hit & ~refuse)[y].mean()), 4), "false_refusal": round(float(refuse[y].mean()), 4),
            "refuses_unanswerable": round(float(refuse[una].mean()), 4),
            "refuses_absent_article": round(float(refuse[foreign].mean()), 4) if foreign.any() else None}


def run_paths(rows, splits, reader, args, cache) -> tuple[stages.FirstStage, dict[str, Path_], dict]:
    y = np.array([r.answerable for r in rows])
    first = stages.first_stage(rows, splits, args.c_rank)
    xq = stages.question_rows(rows, first.logits)
    orders = [np.argsort(-lg, kind="stable") for lg in first.logits]
    paths = {"ranker": Path_("ranker", first.hits["learned"], [lg[o] for lg, o in zip(first.logits, orders)], orders,
                             stages.answerability(rows, xq, QUESTION_FEATURES, splits, args.c_abstain))}
    extra: dict = {}
    if reader is not None:
        read = stages.read_rows(rows, first.logits, reader, max(READ_TOP), cache, progress=not args.quiet)
        seconds = {k: stages.second_stage(rows, first, read, k, splits, 1.0) for k in READ_TOP}
        top1 = {k: float(s.hits["combined"][y].mean()) for k, s in seconds.items()}
        best = max(top1.values())
        k = min(k for k, v in top1.items() if v >= best - 0.003)
        second = seconds[k]
        xq2 = np.hstack([xq, second.question])
        paths["reader"] = Path_("reader", second.hits["combined"], second.final, second.order,
                                stages.answerability(rows, xq2, QUESTION_FEATURES + READER_QUESTION_FEATURES, splits,
                                                     args.c_abstain))
        extra = {"read": read, "second": second, "read_top": k,
                 "by_read_top": {str(kk): {"combined_top1": round(v, 4),
                                           "recall_of_read": round(float(seconds[kk].hits["in_read"][y].mean()), 4),
                                           "reader_alone_top1": round(float(seconds[kk].hits["reader"][y].mean()), 4)}
                                 for kk, v in top1.items()}}
    return first, paths, extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.judge", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="SQuAD 2.0-format training file (the pool)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"where to write the model (default {MODEL_PATH})")
    parser.add_argument("--reader", type=Path, help="the reader's ONNX file to measure and use (default: none)")
    parser.add_argument("--folds", type=int, default=7, help="cross-validation folds, by article")
    parser.add_argument("--c-rank", type=float, default=1.0, help="inverse regularization of the ranker")
    parser.add_argument("--c-abstain", type=float, default=1.0, help="inverse regularization of the refusal model")
    parser.add_argument("--foreign-share", type=float, default=FOREIGN_SHARE,
                        help="share of questions also asked without their article, as unanswerable")
    parser.add_argument("--rows", type=Path, help="reuse (or write) the collected signals in this pickle file")
    parser.add_argument("--readings", type=Path, help="reuse (or write) the reader's readings in this pickle file")
    parser.add_argument("--sample", type=Path, help="SQuAD-format training file: freeze the model's signals "
                        "and figures on its first --sample-articles articles for the regression tests")
    parser.add_argument("--sample-articles", type=int, default=2, help="articles of --sample to freeze (default 2)")
    parser.add_argument("--articles", type=int, help="only the first N articles (a quick check of the script)")
    parser.add_argument("--oof", type=Path, help="write the out-of-fold figures per question here (.npz): "
                        "answerable, foreign, article, p_answerable, hit, confidence (for level studies)")
    parser.add_argument("--held-out-only", action="store_true",
                        help="fit and measure on the pool's held-out articles only (training/pool_split.py): for a "
                        "reader that learned refusal from the others")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"error: not found: {args.data}", file=sys.stderr)
        return 2
    for given in (args.data, args.sample):
        if given is not None and "eval" in given.resolve().parts:
            print(f"error: {given} is evaluation data: never train on it or freeze test data from it "
                  "(use python -m tools.eval)", file=sys.stderr)
            return 2
    t0 = time.perf_counter()
    # Only a run that writes the shipped model writes the frozen samples beside the tests.
    official = args.out.resolve() == MODEL_PATH.resolve()
    rows, collected = load_rows(args)
    if args.articles:
        keep = set(sorted({r.article for r in rows})[:args.articles])
        rows = [r for r in rows if r.article in keep]
    if args.held_out_only:
        from core.types import article_file_name
        from .pool_split import split

        titles = [a["title"] for a in json.loads(args.data.read_text(encoding="utf-8"))["data"]]
        keep = {article_file_name(t) for t in split(titles)[1]}
        rows = [r for r in rows if r.article in keep]
        if not rows:
            print("error: no rows of the held-out articles", file=sys.stderr)
            return 2
    reader = None
    cache: dict = {}
    if args.reader:
        from qa.judgment.reader import Reader

        reader = Reader(args.reader)
        if args.readings and args.readings.exists():
            cache = pickle.loads(args.readings.read_bytes())
    splits = stages.folds_of(rows, args.folds)
    first, paths, extra = run_paths(rows, splits, reader, args, cache)
    if args.readings and reader is not None:
        args.readings.write_bytes(pickle.dumps(cache))

    y = np.array([r.answerable for r in rows])
    foreign = np.array([r.foreign for r in rows])
    report: dict = {"questions": int((~foreign).sum()), "answerable": int(y.sum()),
                    "unanswerable": int((~y & ~foreign).sum()), "absent_article": int(foreign.sum()),
                    "articles": len({r.article for r in rows}), "folds": args.folds,
                    "top1": {k: round(float(v[y].mean()), 4) for k, v in first.hits.items() if k != "learned"}}
    report["top1"]["ranker"] = round(float(first.hits["learned"][y].mean()), 4)
    ranker_ships = report["top1"]["ranker"] >= report["top1"]["rrf"] + MIN_RANKER_GAIN
    chosen = paths["ranker"]
    if "reader" in paths:
        report["top1"]["reader_alone"] = extra["by_read_top"][str(extra["read_top"])]["reader_alone_top1"]
        report["top1"]["ranker_and_reader"] = round(float(paths["reader"].hit_top1[y].mean()), 4)
        report["by_read_top"] = extra["by_read_top"]
        report["read_top"] = extra["read_top"]
        if report["top1"]["ranker_and_reader"] >= report["top1"]["ranker"] + MIN_RANKER_GAIN:
            chosen = paths["reader"]
    for name, path in paths.items():
        refuse = path.answerability.p < path.answerability.threshold
        report[f"refusal_{name}"] = {"threshold": round(path.answerability.threshold, 4),
                                     **rates(refuse, path.hit_top1 & y, y, foreign), "auc": _auc(y, foreign, path)}
    report["shipped"] = {"ranker": "learned" if ranker_ships else "fusion", "second_stage": chosen.name == "reader"}

    ans = chosen.answerability
    refuse = ans.p < ans.threshold
    hit = chosen.hit_top1 & y
    weights = stages.mix_weights(y)
    conf = stages.confidence(rows, ans.p, chosen.final, hit, splits, ~refuse, weights)
    shown = ~refuse
    sure_, doubtful = shown & (conf.p >= conf.sure), shown & (conf.p < stages.DOUBTFUL_BELOW)

    def share(part, whole, w=None):
        w = np.ones(len(y)) if w is None else w
        return round(float((w * part).sum() / max((w * whole).sum(), 1e-9)), 4)

    report["levels_on_the_assumed_mix"] = {
        "assumed_answerable": stages.ASSUMED_ANSWERABLE, "sure_precision_target": stages.SURE_PRECISION,
        "doubtful_below": stages.DOUBTFUL_BELOW, "sure_threshold": round(conf.sure, 4),
        "sure_share_of_answered_answerable": share(sure_ & y, shown & y),
        "right_when_sure_answerable": share(hit & sure_, sure_ & y),
        "right_when_sure_mix": share(hit & sure_, sure_, weights),
        "right_when_likely_mix": share(hit & shown & ~sure_ & ~doubtful, shown & ~sure_ & ~doubtful, weights),
        "doubtful_share_of_answered_mix": share(doubtful, shown, weights),
        "right_when_doubtful_mix": share(hit & doubtful, doubtful, weights),
        "doubtful_share_of_answered_answerable": share(doubtful & y, shown & y),
        "reliability_answerable": stages.reliability(conf.p[shown & y], hit[shown & y]),
        "reliability_unanswerable": stages.reliability(conf.p[shown & ~y], hit[shown & ~y])}
    report["confidence"] = {
        "sure_threshold": round(conf.sure, 4),
        "sure_share_of_answered": round(float((conf.p[~refuse] >= conf.sure).mean()), 4),
        "right_when_sure": round(float(hit[~refuse & (conf.p >= conf.sure)].mean()), 4),
        "right_when_likely": round(float(hit[~refuse & (conf.p < conf.sure)].mean()), 4),
        "expected_calibration_error": stages.expected_calibration_error(conf.p[~refuse], hit[~refuse]),
        "reliability": stages.reliability(conf.p[~refuse], hit[~refuse]),
        # Calibrated on the pool, where half the questions were written to be unanswerable: on the questions
        # the articles do answer, the same confidence is conservative.
        "reliability_answerable": stages.reliability(conf.p[~refuse & y], hit[~refuse & y])}

    if args.oof:
        np.savez_compressed(args.oof, answerable=y, foreign=foreign, article=np.array([r.article for r in rows]),
                            p_answerable=ans.p, threshold=ans.threshold, hit=hit, confidence=conf.p,
                            confidence_x=conf.matrix, top1=chosen.hit_top1)
    cands: PhraseCandidates = phrase_candidates(rows, chosen.order, extra.get("read") if chosen.name == "reader"
                                                else None, ~refuse)
    phrase_stages = {}
    for source in cands.sources():
        phrase_stages[source] = stages.phrase_stage(source, rows, cands.of(source), conf.p, cands.right(source),
                                                    splits, cands.asked)
    report["phrase"] = {s: cands.report(ps) for s, ps in phrase_stages.items()}
    # The product shows only the reader's span; the phrase model (training/phrase_model) is reported as its peer.
    phrase_source = "reader" if "reader" in phrase_stages else None
    report["phrase_source"] = phrase_source

    judge = fit_final(rows, chosen, ranker_ships, conf, phrase_stages.get("reader"), extra, args)
    judge = replace(judge, meta=
                  {"data": args.data.name, "trained_questions": report["questions"], "articles": report["articles"],
                   "folds": args.folds, "c_rank": args.c_rank, "c_abstain": args.c_abstain,
                   "false_refusal_target": stages.FALSE_ABSTENTION_TARGET, "sure_precision": stages.SURE_PRECISION,
                   "assumed_answerable": stages.ASSUMED_ANSWERABLE, "doubtful_below": stages.DOUBTFUL_BELOW,
                   "phrase_precision": stages.PHRASE_PRECISION, "reader": args.reader.name if args.reader else None,
                   "minutes": round((time.perf_counter() - t0) / 60, 1), "cross_validation": report})
    if args.sample:
        figures = samples.freeze_judge_sample(judge, args.sample, reader, progress=not args.quiet,
                                              folder=samples.DATA if official else args.out.parent,
                                              articles=args.sample_articles)
        judge = replace(judge, meta={**judge.meta, "frozen_sample": {
            "data": f"{args.sample.name}, first {args.sample_articles} articles (a regression fixture: the judge "
                    "was fitted on them)", **figures}})
        print("frozen sample:", json.dumps(figures))
    if reader is not None and chosen.name == "reader":
        samples.record_reader(reader, rows, extra["read"], report, args.data.name,
                              *((samples.READER_RECORD, samples.READER_SAMPLE) if official else
                                (args.out.parent / "reader.json", args.out.parent / "reader_sample.json")))
    judge.save(args.out)
    print(json.dumps(report, indent=1))
    print(f"signals collected in {collected:.0f} s; model written to {args.out} (ranker: {report['shipped']['ranker']}, "
          f"reader: {report['shipped']['second_stage']}, phrase: {phrase_source}, threshold {judge.threshold:.3f})")
    return 0


def _auc(y, foreign, path: Path_) -> float:
    from sklearn.metrics import roc_auc_score

    own = ~foreign
    return round(float(roc_auc_score(y[own], path.answerability.p[own])), 4)


def fit_final(rows: list[Row], chosen: Path_, ranker_ships: bool, conf: stages.Confidence,
              phrase: stages.PhraseStage | None, extra: dict, args) -> Judge:
    """Every stage refitted on all the rows; thresholds as chosen out of fold."""
    y = np.array([r.answerable for r in rows])
    ranker = stages.fit_linear(*stages.ranker_data(rows), SENTENCE_FEATURES, args.c_rank) if ranker_ships else None
    reranker, read_top = None, 0
    if chosen.name == "reader":
        from qa.judgment.rerank import RERANK_FEATURES, rerank_matrix

        read, k = extra["read"], extra["read_top"]
        use = [i for i, r in enumerate(rows) if r.answerable]
        # The candidates read are the out-of-fold first stage's best; their first-stage signals come from the
        # final ranker, as when answering.
        mats = [rerank_matrix(_first_logits(rows[i], ranker)[read.top[i][:k]], read.readings[i][:k]) for i in use]
        labels = [rows[i].labels[read.top[i][:k]] for i in use]
        reranker = stages.fit_linear(np.vstack(mats), np.concatenate(labels), RERANK_FEATURES,
                                     extra["second"].reranker_c)
        read_top = k
    names = chosen.answerability.names
    answerable = stages.fit_linear(chosen.answerability.matrix, y.astype(int), names, args.c_abstain)
    confidence = stages.fit_linear(conf.matrix, conf.target.astype(int), CONFIDENCE_FEATURES, weights=conf.weights)
    phrase_model, phrase_threshold = None, 1.0
    if phrase is not None:
        has = phrase.fitted
        phrase_model = stages.fit_linear(phrase.matrix[has], phrase.right[has].astype(int), PHRASE_FEATURES)
        phrase_threshold = phrase.threshold
    return Judge(ranker, answerable, chosen.answerability.threshold, {}, reranker, read_top, confidence, conf.sure,
                 phrase_model, phrase_threshold, doubt=stages.DOUBTFUL_BELOW)


def _first_logits(r: Row, ranker) -> np.ndarray:
    return ranker.logits(r.sig.matrix) if ranker is not None else np.log(np.maximum(r.sig.rrf, 1e-9))


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
