"""python -m tools.perturb POOL.json OUT_DIR [--articles N | --held-out] [--first K]: questions as people type them.

Writes two evaluation files in the format of `python -m tools.eval` (articles with their questions): the pool's
questions as written (`original.json`) and the same questions rewritten mechanically (`perturbed.json`), one
change each, in turn: a typo in a name (two letters swapped or one dropped), all lower case without the question
mark, doubled spaces, and "What is X?" asked as "What does X refer to?". Comparing the two runs shows what the
way people type costs the product.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

_NAME = re.compile(r"(?<!^)(?<![.?!] )\b([A-Z][a-z]{4,})\b")
_WHAT_IS = re.compile(r"^What (?:is|was) (?P<x>(?:the |a |an )?[^?]{2,60}?)\?$")


def typo(question: str, rng: random.Random) -> str | None:
    """One name written with two inner letters swapped, or one inner letter dropped."""
    names = [m for m in _NAME.finditer(question)]
    if not names:
        return None
    m = rng.choice(names)
    word = m.group(1)
    i = rng.randrange(1, len(word) - 2)
    wrong = word[:i] + word[i + 1] + word[i] + word[i + 2:] if rng.random() < 0.5 else word[:i] + word[i + 1:]
    if wrong == word:
        return None
    return question[:m.start(1)] + wrong + question[m.end(1):]


def lowered(question: str) -> str:
    return question.lower().rstrip(" ?")


def spaced(question: str) -> str:
    return question.replace(" ", "  ", 2)


def refer_to(question: str) -> str | None:
    m = _WHAT_IS.match(question.strip())
    return f"What does {m.group('x')} refer to?" if m else None


def perturb(question: str, turn: int, rng: random.Random) -> str:
    """The question with one change: the turn-th of the four kinds that applies to it."""
    kinds = [lambda q: typo(q, rng), lowered, spaced, refer_to]
    for k in range(len(kinds)):
        changed = kinds[(turn + k) % len(kinds)](question)
        if changed and changed != question:
            return changed
    return question


def build(pool: dict, articles: int, first: int, seed: int = 0, held_out: bool = False) -> tuple[dict, dict]:
    """(original, perturbed) evaluation files over the pool's last `articles` articles, or its held-out ones
    (training/pool_split.py: no model learned from them) when `held_out` (first `first` questions of each; all
    when 0)."""
    rng = random.Random(seed)
    original, changed = [], []
    turn = 0
    if held_out:
        from training.pool_split import split

        kept = split([a["title"] for a in pool["data"]])[1]
        chosen = [a for a in pool["data"] if a["title"] in kept]
    else:
        chosen = pool["data"][-articles:]
    for art in chosen:
        context = "\n\n".join(p["context"] for p in art["paragraphs"])
        qs = [q for p in art["paragraphs"] for q in p["qas"]]
        if first:
            qs = qs[:first]
        rows, rows_changed = [], []
        for q in qs:
            row = {"question": q["question"], "answers": [a["text"] for a in q.get("answers", [])],
                   "is_impossible": bool(q.get("is_impossible"))}
            rows.append(row)
            rows_changed.append({**row, "question": perturb(q["question"], turn, rng)})
            turn += 1
        original.append({"title": art["title"], "context": context, "questions": rows})
        changed.append({"title": art["title"], "context": context, "questions": rows_changed})
    return {"articles": original}, {"articles": changed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.perturb", description=__doc__.splitlines()[0])
    parser.add_argument("pool", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=4, help="the pool's last N articles (default 4)")
    parser.add_argument("--first", type=int, default=0, help="only the first K questions of each article")
    parser.add_argument("--held-out", action="store_true", help="the pool's held-out articles instead of its last N "
                        "(the reader learned refusal from the others)")
    args = parser.parse_args(argv)
    if "/eval/" in str(args.pool.resolve()):
        print("error: evaluation data is not rewritten here; use the training pool", file=sys.stderr)
        return 2
    original, changed = build(json.loads(args.pool.read_text(encoding="utf-8")), args.articles, args.first,
                               held_out=args.held_out)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "original.json").write_text(json.dumps(original, indent=1), encoding="utf-8")
    (args.out / "perturbed.json").write_text(json.dumps(changed, indent=1), encoding="utf-8")
    n = sum(len(a["questions"]) for a in original["articles"])
    print(f"{n} questions over {len(original['articles'])} articles -> {args.out}/original.json, perturbed.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
