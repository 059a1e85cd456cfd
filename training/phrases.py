"""Train the answer-phrase scorer (training/phrase_model) on SQuAD v1.1 train; measure it on the pool's articles.

    python -m training.phrases --data ../shared/train/squad1_train.json --heldout ../shared/train/squad2_train_pool.json

Each answerable question gives one group of rows: the candidates (training.phrase_model) of the sentence that holds
its gold answer, labelled by token F1 against the gold answers, and "no phrase here"; and a second group,
from another sentence of its paragraph, where "no phrase here" is right. The regularization C is chosen on a
tenth of the training articles held out; every figure printed is on the held-out pool (other articles).
The default threshold is the least probability at which shown phrases are right (token F1 >= 0.5) at least
90% of the time on the pool's answer sentences; the answer step tightens it further by the sentence's own
confidence (training/judge.py calibrates both end to end). Two of the pool's articles become the frozen
sample that tests/test_short.py scores the committed model on.
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

from lang.tagging import SPACY_PIPELINE
from lang.rules import wants_phrase
from training.phrase_model import model as short

SAMPLE_PATH = Path(__file__).parent.parent / "tests" / "data" / "short_sample.json"
SAMPLE_ARTICLES = 2
C_GRID = (0.3, 1.0, 3.0)
PRECISION_TARGET = 0.9
"""A shown phrase is right (token F1 >= 0.5 with a gold answer) at least this often, held out."""
MAX_QUESTIONS = 40000
"""Questions of the training set used (each with an other-sentence negative): more add little to a
linear model over these features and cost memory."""
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


def shown_rate(preds, threshold: float) -> float:
    """The share of questions given a phrase (on sentences that do not hold the answer: wrongly)."""
    return sum(text is not None and p >= threshold for p, text in preds) / max(1, len(preds))


def precision_threshold(preds, items, target: float = PRECISION_TARGET) -> float:
    """The least threshold at which the phrases shown are right (F1 >= 0.5) at least `target` of the time."""
    for t in THRESHOLDS:
        shown = [best_f1(text, i.golds) >= 0.5 for (p, text), i in zip(preds, items) if text is not None and p >= t]
        if shown and sum(shown) / len(shown) >= target:
            return t
    return THRESHOLDS[-1]


def precision_at(preds, items, threshold: float) -> float:
    shown = [best_f1(text, i.golds) >= 0.5 for (p, text), i in zip(preds, items) if text is not None and p >= threshold]
    return sum(shown) / len(shown) if shown else 0.0


def _prepare(path: Path, limit: int | None, seed: int = 0) -> tuple[list[Item], list[Item], int]:
    items, negatives, crossing = load_items(path)
    items = [i for i in items if wants_phrase(i.question)]
    negatives = [i for i in negatives if wants_phrase(i.question)]
    if limit is not None and len(items) > limit:
        rng = random.Random(seed)
        items = rng.sample(items, limit)
        negatives = rng.sample(negatives, min(len(negatives), limit // 2))
    parse_all(items + negatives)
    return items, negatives, crossing


def choose_c(items: list[Item], cache: dict) -> float:
    """C by the token F1 over all gold-sentence questions of a tenth of the articles held out."""
    titles = sorted({i.title for i in items})
    val = set(random.Random(1).sample(titles, max(1, len(titles) // 10)))
    fit_items = [i for i in items if i.title not in val]
    val_items = [i for i in items if i.title in val and not i.negative]
    best, best_f1_all = C_GRID[0], -1.0
    for c_value in C_GRID:
        model = fit(fit_items, cache, c_value)
        preds = [predict(model, i) for i in val_items]
        s = scores(preds, val_items, 0.0)
        print(f"  C={c_value}: validation F1 over all {s['f1_all']:.3f}", flush=True)
        if s["f1_all"] > best_f1_all:
            best, best_f1_all = c_value, s["f1_all"]
    return best


def held_out_report(model: short.ShortModel, gold: list[Item], other: list[Item]) -> tuple[dict, dict]:
    preds = [predict(model, i) for i in gold]
    wrong = [predict(model, i) for i in other]
    curve = {}
    for t in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        s = scores(preds, gold, t)
        s["precision"] = precision_at(preds, gold, t)
        s["phrase_on_other_sentence"] = shown_rate(wrong, t)
        curve[t] = s
        print(f"  threshold {t:.1f}: phrase for {s['coverage']:.1%}, right (F1>=0.5) {s['precision']:.1%}, "
              f"EM {s['em']:.1%}, F1 {s['f1']:.1%}; on a sentence without the answer {s['phrase_on_other_sentence']:.1%}")
    t = precision_threshold(preds, gold)
    held = scores(preds, gold, t)
    held.update(precision=precision_at(preds, gold, t), threshold=t, phrase_on_other_sentence=shown_rate(wrong, t),
                f1_gold_sentence=scores(preds, gold, 0.0)["f1"])
    return held, curve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.phrases", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="SQuAD-format training file (squad1_train.json)")
    parser.add_argument("--heldout", type=Path, required=True, help="SQuAD-format file of other articles (the pool)")
    parser.add_argument("--out", type=Path, default=short.MODEL_PATH)
    parser.add_argument("--sample", type=Path, default=SAMPLE_PATH)
    parser.add_argument("--max-questions", type=int, default=MAX_QUESTIONS)
    args = parser.parse_args(argv)
    if any("eval" in p.resolve().parts for p in (args.data, args.heldout)):
        print("error: the data in eval/ is for evaluation only", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    items, negatives, crossing = _prepare(args.data, args.max_questions)
    train = items + negatives
    print(f"training: {len(items)} factoid questions over {len({i.title for i in items})} articles "
          f"({crossing} skipped: answer crosses sentences), {len(negatives)} other-sentence pairs; "
          f"parsed in {time.perf_counter() - t0:.0f} s", flush=True)
    cache = {id(i): rows(i) for i in train}
    c_value = choose_c(train, cache)
    model = fit(train, cache, c_value)
    del cache

    gold, other, _ = _prepare(args.heldout, None)
    ceiling = sum(max(rows(i)[1], default=0.0) for i in gold) / len(gold)
    print(f"held out ({args.heldout.name}: {len(gold)} factoid questions, {len({i.title for i in gold})} articles); "
          f"candidate ceiling (best candidate's F1, mean) {ceiling:.3f}", flush=True)
    held, curve = held_out_report(model, gold, other)
    model.threshold = held["threshold"]
    titles = sorted({i.title for i in gold}, key=lambda t: (sum(i.title == t for i in gold), t))
    sample_titles = set(titles[:SAMPLE_ARTICLES])
    sample = [i for i in gold if i.title in sample_titles]
    sample_scores = scores([predict(model, i) for i in sample], sample, model.threshold)
    print(f"held out: at threshold {model.threshold:.2f} a phrase for {held['coverage']:.1%}, right {held['precision']:.1%}, "
          f"EM {held['em']:.1%}, F1 {held['f1']:.1%}; F1 on every answer sentence {held['f1_gold_sentence']:.1%}")
    model.meta = {
        "trained_on": f"{args.data.name}: {len(items)} factoid questions (+{len(negatives)} other-sentence pairs), "
                      f"{len({i.title for i in items})} articles (SQuAD v1.1, CC BY-SA 4.0)",
        "held_out_on": f"{args.heldout.name}: {len(gold)} factoid questions, {len({i.title for i in gold})} other "
                       f"articles (SQuAD 2.0, CC BY-SA 4.0)",
        "trained_on_articles": sorted({i.title for i in items}),
        "spacy_pipeline": SPACY_PIPELINE, "C": c_value, "precision_target": PRECISION_TARGET,
        "held_out": {k: round(v, 4) if isinstance(v, float) else v for k, v in held.items()},
        "candidate_ceiling_f1": round(ceiling, 4),
        "held_out_by_threshold": {
            str(t): {k: round(s[k], 4) for k in ("coverage", "precision", "em", "f1", "phrase_on_other_sentence")}
            for t, s in curve.items()},
        "sample": {k: round(v, 4) if isinstance(v, float) else v for k, v in sample_scores.items()},
        "minutes": round((time.perf_counter() - t0) / 60, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    args.sample.parent.mkdir(parents=True, exist_ok=True)
    args.sample.write_text(json.dumps({
        "note": "Questions of SQuAD 2.0 (CC BY-SA 4.0) articles that qa/models/short.json was not fitted on.",
        "articles": sorted(sample_titles), "scores": model.meta["sample"],
        "items": [{"question": i.question, "sentence": i.sentence, "golds": i.golds} for i in sample],
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model.weights)} weights) and {args.sample} in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
