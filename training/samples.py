"""Frozen samples beside the committed models, so tests can check that the models reproduce their recorded
figures: the judge's signals on the evaluation sample's questions (which it was not fitted on), a golden
file of raw candidates and the signal rows computed from them, and the reader's readings of pool questions
(which it was not trained on)."""
from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from pathlib import Path

import numpy as np

from core.settings import PROJECT_DIR
from qa.judgment.confidence import confidence_row
from qa.judgment.evidence import combine
from qa.judgment.features import SENTENCE_FEATURES, Candidate, previous_sentences
from qa.judgment.judge import Judge
from qa.judgment.scores import sigmoid
from qa.judgment.reader import Reader, Reading
from qa.judgment.reader import RECORD_PATH as READER_RECORD
from qa.question import term_factors
from tools.metrics import best_f1

from .judge_data import Row, collect

DATA = PROJECT_DIR / "tests" / "data"
JUDGE_SAMPLE = DATA / "judge_sample.npz"
SIGNALS_GOLDEN = DATA / "signals_golden.json"
READER_SAMPLE = DATA / "reader_sample.json"
GOLDEN_ROWS = 24
RRF = SENTENCE_FEATURES.index("rrf")
READER_SAMPLE_QUESTIONS = 120


# --- the judge ------------------------------------------------------------------------------------------

def term_idf(question: str, weights: dict[str, float]) -> dict[str, float]:
    """The rarity each term had when the question was weighed (its weight without the question's own factor)."""
    return {t: w / term_factors(question)[t] for t, w in weights.items()}


def _readings(reader: Reader | None, judge: Judge, r: Row, first: np.ndarray) -> np.ndarray:
    """(relevance, phrase_p, no_phrase_p) of the candidates the judge has the reader read, first-stage order."""
    if reader is None or not judge.uses_reader:
        return np.zeros((0, 3))
    top = np.argsort(-first, kind="stable")[:judge.read_top]
    read = reader.read(r.q.text, [r.cands[int(i)].text for i in top], previous_sentences(r.cands, top))
    return np.array([[x.relevance, x.phrase_p, x.no_phrase_p] for x in read])


def sample_figures(judge: Judge, frozen: dict) -> dict:
    """Hit, refusals and confidence of the judge on frozen signals (the reader's readings replayed)."""
    hits, p_ans, conf, fusion, ranker = [], [], [], [], []
    for m, lab, q_row, rd in zip(frozen["matrices"], frozen["labels"], frozen["rows"], frozen["readings"]):
        first = judge.rank_logits(m, m[:, RRF])
        fusion.append(lab[int(np.argmax(m[:, RRF]))] > 0)
        ranker.append(lab[int(np.argmax(first))] > 0)
        readings = [Reading(float(a), 0, 0, float(b), float(c)) for a, b, c in rd]
        ranked = combine(judge, first, sigmoid(first), (lambda t, readings=readings: readings[:len(t)])
                         if len(readings) else None)
        row = q_row if ranked.reader_row is None else np.concatenate([q_row, ranked.reader_row])
        p = judge.p_answerable(row)
        hits.append(lab[ranked.order[0]] > 0)
        p_ans.append(p)
        conf.append(judge.p_confident(confidence_row(p, ranked.final)))
    y = frozen["answerable"]
    hit, p_ans, conf = np.array(hits), np.array(p_ans), np.array(conf)
    refuse = p_ans < judge.threshold
    sure = ~refuse & (conf >= judge.sure)
    return {"questions": int(len(y)), "top1_fusion": round(float(np.array(fusion)[y].mean()), 4),
            "top1_ranker": round(float(np.array(ranker)[y].mean()), 4), "top1_final": round(float(hit[y].mean()), 4),
            "hit": round(float((hit & ~refuse)[y].mean()), 4),
            "false_refusal": round(float(refuse[y].mean()), 4),
            "refuses_unanswerable": round(float(refuse[~y].mean()), 4),
            "sure_share_of_answered": round(float(sure[~refuse].mean()), 4),
            "right_when_sure": round(float((hit & y)[sure].mean()), 4) if sure.any() else None}


def freeze_judge_sample(judge: Judge, data: Path, reader: Reader | None, progress: bool = True,
                        folder: Path = DATA, articles: int | None = None) -> dict:
    """Collect the sample's rows (of its first `articles` articles by title, else of all) through the
    product, write their signals (and the reader's readings) and a golden file of raw candidates, and return
    the judge's figures on them: a regression fixture, not a held-out measurement."""
    with tempfile.TemporaryDirectory(prefix="qa-sample-") as tmp:
        if articles:
            squad = json.loads(data.read_text(encoding="utf-8"))
            squad["data"] = sorted(squad["data"], key=lambda a: a["title"])[:articles]
            data = Path(tmp) / data.name
            data.write_text(json.dumps(squad), encoding="utf-8")
        rows = [r for r in collect(data, progress=progress, foreign_share=0.0, swap_share=0.0, keep_passages=True)
                if r.sig is not None and len(r.cands)]
    titles = sorted({r.article for r in rows})
    from qa.judgment.features import question_row

    firsts = [judge.rank_logits(r.sig.matrix, r.sig.rrf) for r in rows]
    frozen = {"matrices": [r.sig.matrix for r in rows], "labels": [r.labels for r in rows],
              "rows": np.vstack([question_row(r.q, r.cands, r.sig, f, np.argsort(-f, kind="stable"))
                                 for r, f in zip(rows, firsts)]),
              "readings": [_readings(reader, judge, r, f) for r, f in zip(rows, firsts)],
              "answerable": np.array([r.answerable for r in rows])}
    folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(folder / JUDGE_SAMPLE.name, matrix=np.vstack(frozen["matrices"]), labels=np.concatenate(frozen["labels"]),
                        sizes=np.array([len(m) for m in frozen["matrices"]]), rows=frozen["rows"],
                        readings=np.vstack([x.reshape(-1, 3) for x in frozen["readings"]]),
                        read_sizes=np.array([len(x) for x in frozen["readings"]]), answerable=frozen["answerable"])
    golden = [{"question": r.q.text, "idf": term_idf(r.q.text, r.q.weights), "weights": r.q.weights, "candidates": [asdict(c) for c in r.cands],
               "matrix": r.sig.matrix.tolist()} for r in rows[:: max(1, len(rows) // GOLDEN_ROWS)][:GOLDEN_ROWS]]
    (folder / SIGNALS_GOLDEN.name).write_text(json.dumps({"note": f"Candidates of questions of {data.name} ({', '.join(titles)}; SQuAD 2.0, "
                                          "CC BY-SA 4.0) and the signal rows qa.judgment.features "
                                          "computed from them when judge.json was fitted.", "rows": golden},
                                         ensure_ascii=False) + "\n", encoding="utf-8")
    return sample_figures(judge, frozen)


def load_judge_sample(path: Path = JUDGE_SAMPLE) -> dict:
    d = np.load(path)
    cuts = np.cumsum(d["sizes"])[:-1]
    read_cuts = np.cumsum(d["read_sizes"])[:-1]
    return {"matrices": np.split(d["matrix"], cuts), "labels": np.split(d["labels"], cuts), "rows": d["rows"],
            "readings": np.split(d["readings"], read_cuts), "answerable": d["answerable"]}


def golden_candidates(entry: dict) -> list[Candidate]:
    return [Candidate(**c) for c in entry["candidates"]]


# --- the reader -----------------------------------------------------------------------------------------

def reader_figures(reader: Reader, items: list[dict]) -> dict:
    """Top-1 of the reader's relevance among each question's sentences, and its span's token F1 and exact
    share on the answer sentence."""
    top1, f1, shown = 0, [], 0
    for item in items:
        readings = reader.read(item["question"], item["sentences"], item.get("contexts"))
        best = int(np.argmax([r.relevance for r in readings]))
        top1 += item["labels"][best] > 0
        gold = item["labels"].index(1) if 1 in item["labels"] else None
        if gold is not None:
            r, s = readings[gold], item["sentences"][gold]
            text = s[r.phrase_start:r.phrase_end]
            f1.append(best_f1(text, item["golds"]))
            shown += bool(text)
    return {"questions": len(items), "top1": round(top1 / len(items), 4),
            "span_f1_on_answer_sentence": round(float(np.mean(f1)), 4) if f1 else None}


def record_reader(reader: Reader, rows: list[Row], read, report: dict, data_name: str,
                  record_path: Path = READER_RECORD, sample_path: Path = READER_SAMPLE) -> None:
    """Write the reader's frozen sample (pool questions it was not trained on) and add its held-out
    figures, measured inside the answer path by training/judge.py, to its training record."""
    rng = np.random.default_rng(0)
    pick = [i for i, r in enumerate(rows) if r.answerable and r.scope == "corpus" and r.labels.max() > 0]
    pick = sorted(rng.choice(pick, size=min(READER_SAMPLE_QUESTIONS, len(pick)), replace=False).tolist())
    items = [{"question": rows[i].q.text, "sentences": [rows[i].cands[int(t)].text for t in read.top[i]],
              "contexts": previous_sentences(rows[i].cands, read.top[i]),
              "labels": [int(rows[i].labels[int(t)] > 0) for t in read.top[i]], "golds": list(rows[i].golds)}
             for i in pick]
    figures = reader_figures(reader, items)
    sample_path.write_text(json.dumps({"note": f"Questions of {data_name} (SQuAD 2.0, CC BY-SA 4.0) with the "
                                         "sentences the reader read for them; the reader was not trained on them.",
                                         "figures": figures, "items": items}, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.exists() else {}
    articles = len({r.article for r in rows})
    record["held_out"] = {"data": f"{data_name}, {articles} articles that the reader never saw (training/pool_split.py)",
                          "sentence_top1": {k: report["top1"][k] for k in report["top1"]},
                          "read_top": report.get("read_top"), "by_read_top": report.get("by_read_top"),
                          "phrase": report.get("phrase", {}).get("reader"), "frozen_sample": figures}
    record_path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
