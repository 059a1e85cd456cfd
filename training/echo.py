"""How often a question's word comes back in the sentence that answers it, counted on SQuAD v1.1 train.

    python -m training.echo --data ../shared/train/squad1_train.json --out qa/models/echo.json

People ask with words the answer does not use: "What does the acronym refer to?", "What caused the fire?",
"What do critics think of it?". A missing "refer", "caused" or "think" says little about whether a
sentence answers, while a missing place name says a lot. The rate at which a question term reappears in its
answer sentence, over 87,599 questions of 442 articles (none of them evaluation articles), tells the two
apart from data, for every common word, instead of from a list: `qa/question.py` multiplies the weight of
each term outside the question's names by it. Rare terms (asked fewer than MIN_ASKED times) keep weight 1.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from ingest.split import split_sentences
from lang.words import names, terms

MIN_ASKED = 40
PRIOR = 10.0
"""Pseudo-questions of full echo mixed into each term's count: a term asked 40 times moves only part of
the way from 1 towards its own rate."""


def count(path: Path) -> tuple[Counter, Counter, int]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    asked: Counter = Counter()
    echoed: Counter = Counter()
    questions = 0
    for article in data:
        for para in article["paragraphs"]:
            ctx = para["context"]
            spans = [(s.start, s.end) for s in split_sentences(ctx, 0, len(ctx))]
            for qa in para["qas"]:
                if qa.get("is_impossible") or not qa.get("answers"):
                    continue
                a = qa["answers"][0]
                start, end = a["answer_start"], a["answer_start"] + len(a["text"])
                sent = next(((s, e) for s, e in spans if s <= start and end <= e), None)
                if sent is None:
                    continue
                questions += 1
                found = set(terms(ctx[sent[0]:sent[1]]))
                # Names are left out: an article's subject ("Beyoncé") is often "she" in the answer.
                named = {t for n in names(qa["question"]) for t in terms(n)}
                for t in set(terms(qa["question"])) - named:
                    asked[t] += 1
                    echoed[t] += t in found
    return asked, echoed, questions


def rates(asked: Counter, echoed: Counter) -> dict[str, float]:
    return {t: round((echoed[t] + PRIOR) / (n + PRIOR), 3) for t, n in sorted(asked.items()) if n >= MIN_ASKED}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.echo", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if "eval" in args.data.resolve().parts:
        print("error: the data in eval/ is for evaluation only", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    asked, echoed, questions = count(args.data)
    table = rates(asked, echoed)
    overall = sum(echoed.values()) / max(1, sum(asked.values()))
    record = {"data": f"{args.data.name} (SQuAD v1.1 train, CC BY-SA 4.0)", "questions": questions,
              "min_asked": MIN_ASKED, "prior": PRIOR, "overall_echo": round(overall, 3), "terms": len(table),
              "seconds": round(time.perf_counter() - t0, 1)}
    args.out.write_text(json.dumps({"record": record, "echo": table}, indent=0, sort_keys=True) + "\n",
                        encoding="utf-8")
    low = sorted(table.items(), key=lambda kv: kv[1])[:25]
    print(json.dumps(record), "\nlowest:", ", ".join(f"{t} {r}" for t, r in low))
    return 0


if __name__ == "__main__":
    sys.exit(main())
