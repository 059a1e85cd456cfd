"""Train the short-answer span scorer on SQuAD 2.0's answerable questions, validated by article.

    python -m training.phrases --data ../shared/train/squad2_train_pool.json

Each answerable question gives one group of rows: the candidates (qa.compose.short) of the sentence that holds
its gold answer, labelled by token F1 against the gold answers, and "no phrase here"; and a second group,
from another sentence of its paragraph, where "no phrase here" is right. Constants (the regularization C and the
probability below which no phrase is shown) are chosen by GroupKFold cross-validation on article titles.
The final model is fitted on every article except the two smallest, which become the frozen sample that
tests/test_short.py scores the committed model on (truly held out).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.split import split_sentences

from qa.compose import short

SAMPLE_PATH = Path(__file__).parent.parent / "tests" / "data" / "short_sample.json"
SAMPLE_ARTICLES = 2
C_GRID = (0.3, 1.0, 3.0)
NONE = "__none__"  # the pseudo-feature of "no phrase here"; its weight becomes ShortModel.none_score
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.0, 0.91, 0.02))


@dataclass
class Item:
    title: str
    question: str
    sentence: str
    golds: list[str]
    parsed: short.Parsed | None = None
    negative: bool = False
    """The sentence is another one of the paragraph: it does not hold the answer."""


# --- SQuAD's official normalization and scores ---------------------------------------------------------

def normalize(text: str) -> str:
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def f1_score(pred: str, gold: str) -> float:
    p, g = normalize(pred).split(), normalize(gold).split()
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if not p or not g:
        return float(p == g)
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def best_f1(pred: str, golds: list[str]) -> float:
    return max(f1_score(pred, g) for g in golds)


def exact(pred: str, golds: list[str]) -> float:
    return float(any(normalize(pred) == normalize(g) for g in golds))


# --- data -----------------------------------------------------------------------------------------------

def load_items(path: Path) -> tuple[list[Item], list[Item], int]:
    """Answerable questions with the sentence holding their first gold answer; the same questions with
    another sentence of their paragraph (one without any gold answer); the count skipped because the
    answer crosses a sentence boundary."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    rng = random.Random(0)
    items, negatives, crossing = [], [], 0
    for article in data:
        for para in article["paragraphs"]:
            context = para["context"]
            sentences = [context[s.start:s.end] for s in split_sentences(context, 0, len(context))]
            spans = split_sentences(context, 0, len(context))
            for qa in para["qas"]:
                if qa.get("is_impossible") or not qa.get("answers"):
                    continue
                first = qa["answers"][0]
                a_start, a_end = first["answer_start"], first["answer_start"] + len(first["text"])
                at = next((k for k, s in enumerate(spans) if s.start <= a_start and a_end <= s.end), None)
                if at is None:
                    crossing += 1
                    continue
                golds = [a["text"] for a in qa["answers"]]
                items.append(Item(article["title"], qa["question"], sentences[at], golds))
                others = [t for t in sentences if not any(g.lower() in t.lower() for g in golds)]
                if others:
                    negatives.append(Item(article["title"], qa["question"], rng.choice(others), golds,
                                          negative=True))
    return items, negatives, crossing


def parse_all(items: list[Item]) -> None:
    unique = list(dict.fromkeys(i.sentence for i in items))
    parsed = dict(zip(unique, short.parse_many(unique)))
    for item in items:
        item.parsed = parsed[item.sentence]


def rows(item: Item) -> tuple[list[dict], list[float]]:
    q = short.question_info(item.question)
    feats, f1s = [], []
    for c in item.parsed.candidates:
        feats.append(short.features(q, item.parsed, c))
        f1s.append(best_f1(item.sentence[c.start:c.end], item.golds))
    return feats, f1s


def labels(f1s: list[float]) -> list[int]:
    """The candidates closest to the gold answer are positive, when one is close enough (F1 >= 0.5);
    otherwise "no phrase here" is."""
    top = max(f1s, default=0.0)
    return [int(top >= 0.5 and f == top) for f in f1s]


# --- model ----------------------------------------------------------------------------------------------

def fit(items: list[Item], cache: dict, c_value: float) -> short.ShortModel:
    """Conditional logit: a softmax over each question's candidates, maximizing the probability of the
    positive ones, with an L2 penalty of 1/(2C) (scipy's L-BFGS on a sparse design matrix)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction import DictVectorizer

    X, targets, group = [], [], []
    for item in items:
        feats, f1s = cache[id(item)]
        ys = [0] * len(f1s) if item.negative else labels(f1s)
        X.extend(feats + [{NONE: 1.0}])
        targets.extend([y / sum(ys) for y in ys] + [0.0] if any(ys) else [0.0] * len(ys) + [1.0])
        group.extend([group[-1] + 1 if group else 0] * (len(ys) + 1))
    vec = DictVectorizer()
    M = csr_matrix(vec.fit_transform(X))
    t = np.asarray(targets)
    g = np.asarray(group)
    n_groups = g.max() + 1

    def loss(w):
        s = M @ w
        s_max = np.full(n_groups, -np.inf)
        np.maximum.at(s_max, g, s)
        e = np.exp(s - s_max[g])
        z = np.bincount(g, weights=e, minlength=n_groups)
        p = e / z[g]
        nll = -(t * (s - s_max[g] - np.log(z[g]))).sum()
        grad = M.T @ (p - t)
        return nll + (w @ w) / (2 * c_value), grad + w / c_value

    res = minimize(loss, np.zeros(M.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), res.x) if abs(w) > 1e-5}
    return short.ShortModel(weights, none_score=weights.pop(NONE, 0.0), threshold=0.0)


def predict(model: short.ShortModel, item: Item) -> tuple[float, str | None]:
    """Best candidate's probability and text (None when the sentence has no candidate)."""
    ranked = short.rank(item.question, item.parsed, model)
    if not ranked:
        return 0.0, None
    p, c = ranked[0]
    return p, item.sentence[c.start:c.end]


def scores(preds: list[tuple[float, str | None]], items: list[Item], threshold: float) -> dict:
    """EM/F1 over the questions given a phrase, coverage, mean length; also EM/F1 over all (none = 0)."""
    em = f1 = answered = length = 0.0
    for (p, text), item in zip(preds, items):
        if text is None or p < threshold:
            continue
        answered += 1
        em += exact(text, item.golds)
        f1 += best_f1(text, item.golds)
        length += len(text.split())
    n = len(items)
    return {"questions": n, "with_phrase": int(answered), "coverage": answered / n if n else 0.0,
            "em": em / answered if answered else 0.0, "f1": f1 / answered if answered else 0.0,
            "em_all": em / n if n else 0.0, "f1_all": f1 / n if n else 0.0,
            "mean_words": length / answered if answered else 0.0}


def choose_threshold(preds, items) -> float:
    """Show a phrase only where its expected token F1 beats one half: maximize sum(F1 - 0.5) over shown."""
    def gain(t):
        return sum(best_f1(text, i.golds) - 0.5 for (p, text), i in zip(preds, items) if text is not None and p >= t)
    return max(THRESHOLDS, key=gain)


def shown_rate(preds, threshold: float) -> float:
    """The share of questions given a phrase (on sentences that do not hold the answer: wrongly)."""
    return sum(text is not None and p >= threshold for p, text in preds) / max(1, len(preds))


def cross_validate(items: list[Item], cache: dict, folds: int = 5):
    """Out-of-fold predictions for every item, folds by article, for the C that gives the most token F1
    over all gold-sentence questions (no phrase counting 0)."""
    from sklearn.model_selection import GroupKFold

    groups = [i.title for i in items]
    gold = [i for i in items if not i.negative]
    results = {}
    for c_value in C_GRID:
        preds: list = [None] * len(items)
        for fit_idx, val_idx in GroupKFold(n_splits=folds).split(items, groups=groups):
            model = fit([items[i] for i in fit_idx], cache, c_value)
            for i in val_idx:
                preds[i] = predict(model, items[i])
        gold_preds = [p for p, i in zip(preds, items) if not i.negative]
        results[c_value] = (preds, scores(gold_preds, gold, choose_threshold(gold_preds, gold)))
        s = results[c_value][1]
        print(f"  C={c_value}: held-out EM {s['em']:.3f} F1 {s['f1']:.3f} coverage {s['coverage']:.3f} "
              f"F1 over all {s['f1_all']:.3f}", flush=True)
    best_c = max(results, key=lambda cv: results[cv][1]["f1_all"])
    return best_c, results[best_c][0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.phrases", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="SQuAD 2.0 JSON (the training pool)")
    parser.add_argument("--out", type=Path, default=short.MODEL_PATH)
    parser.add_argument("--sample", type=Path, default=SAMPLE_PATH)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    if "eval" in args.data.resolve().parts:
        print("error: the data in eval/ is for evaluation only; train on the pool", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    items, negatives, crossing = load_items(args.data)
    parse_all(items + negatives)
    factoid = [i for i in items if short.wants_phrase(i.question)]
    other = [i for i in negatives if short.wants_phrase(i.question)]
    print(f"{len(items)} answerable questions ({crossing} skipped: answer crosses sentences), "
          f"{len(factoid)} factoid, {len({i.title for i in items})} articles; {len(other)} other-sentence "
          f"pairs; parsed in {time.perf_counter() - t0:.0f} s")
    cache = {id(i): rows(i) for i in factoid + other}
    ceiling = sum(max(cache[id(i)][1], default=0.0) for i in factoid) / len(factoid)
    print(f"candidate ceiling (best candidate's F1, mean): {ceiling:.3f}")

    titles = sorted({i.title for i in factoid}, key=lambda t: (sum(i.title == t for i in factoid), t))
    sample_titles = set(titles[:SAMPLE_ARTICLES])
    pool = [i for i in factoid + other if i.title not in sample_titles]
    gold = [i for i in pool if not i.negative]
    print(f"cross-validation by article ({args.folds} folds, {len(gold)} questions):")
    c_value, all_preds = cross_validate(pool, cache, args.folds)
    preds = [p for p, i in zip(all_preds, pool) if not i.negative]
    wrong_sentence = [p for p, i in zip(all_preds, pool) if i.negative]
    threshold = choose_threshold(preds, gold)
    held_out = scores(preds, gold, threshold)
    held_out["phrase_on_other_sentence"] = shown_rate(wrong_sentence, threshold)
    print(f"chosen C={c_value}, threshold={threshold}")
    curve = {t: scores(preds, gold, t) for t in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)}
    for t, s in curve.items():
        s["phrase_on_other_sentence"] = shown_rate(wrong_sentence, t)
        print(f"  threshold {t:.1f}: phrase for {s['coverage']:.1%}, EM {s['em']:.1%}, F1 {s['f1']:.1%}; "
              f"a phrase from a sentence without the answer for {s['phrase_on_other_sentence']:.1%}")
    print(f"held-out: EM {held_out['em']:.1%}  F1 {held_out['f1']:.1%} (over questions given a phrase); "
          f"EM {held_out['em_all']:.1%}  F1 {held_out['f1_all']:.1%} (over all factoid, none = 0); "
          f"phrase for {held_out['coverage']:.1%}; mean {held_out['mean_words']:.2f} words; "
          f"phrase from a sentence without the answer for {held_out['phrase_on_other_sentence']:.1%}")

    model = fit(pool, cache, c_value)
    model.threshold = threshold
    sample = [i for i in factoid if i.title in sample_titles]
    sample_scores = scores([predict(model, i) for i in sample], sample, threshold)
    print(f"frozen sample ({', '.join(sorted(sample_titles))}; {len(sample)} questions, not fitted on): "
          f"EM {sample_scores['em']:.1%}  F1 {sample_scores['f1']:.1%}  phrase for {sample_scores['coverage']:.1%}")
    model.meta = {
        "trained_on": f"{args.data.name}: {len(gold)} factoid answerable questions, "
                      f"{len({i.title for i in pool})} articles (SQuAD 2.0, CC BY-SA 4.0)",
        "trained_on_articles": sorted({i.title for i in pool}),
        "spacy_pipeline": short.SPACY_PIPELINE, "C": c_value,
        "held_out_by_article": {k: round(v, 4) if isinstance(v, float) else v for k, v in held_out.items()},
        "candidate_ceiling_f1": round(ceiling, 4),
        "held_out_by_threshold": {
            str(t): {k: round(s[k], 4) for k in ("coverage", "em", "f1", "phrase_on_other_sentence")}
            for t, s in curve.items()},
        "sample": {k: round(v, 4) if isinstance(v, float) else v for k, v in sample_scores.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    args.sample.parent.mkdir(parents=True, exist_ok=True)
    args.sample.write_text(json.dumps({
        "note": "Questions of SQuAD 2.0 (CC BY-SA 4.0) articles left out of qa/models/short.json's fit.",
        "articles": sorted(sample_titles), "scores": model.meta["sample"],
        "items": [{"question": i.question, "sentence": i.sentence, "golds": i.golds} for i in sample],
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights) and {args.sample} in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
