"""The answer-skills development set (`tools/devsets/skills/skills_dev.json`): questions by kind (summary, who is
who, definitions, opinions and reasons, yes/no, timelines, follow-ups, sentence context, unanswerable), each turn
with what a right answer must contain. Reported by kind, for the product and, in the same run on the same
store, the product with its skills turned off (the single-sentence path alone, as before the skills)."""
from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from qa.types import MARKER, Answer


@dataclass(frozen=True)
class Turn:
    question: str
    sources: tuple[str, ...] | None
    all: tuple[str, ...]
    any: tuple[str, ...]
    min: int
    verdict: str | None
    refuse: bool


@dataclass(frozen=True)
class Case:
    kind: str
    turns: tuple[Turn, ...]


@dataclass(frozen=True)
class Graded:
    kind: str
    question: str
    right: bool
    why: str
    answer: Answer
    latency_ms: float


def load(path: Path) -> tuple[list[Path], list[Case]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = [(path.parent / a).resolve() for a in data["articles"]]
    cases = [Case(c["kind"], tuple(Turn(t["q"], tuple(t["sources"]) if t.get("sources") else None,
                                        tuple(t.get("all", ())), tuple(t.get("any", ())),
                                        int(t.get("min", 1 if t.get("any") else 0)), t.get("verdict"),
                                        bool(t.get("refuse"))) for t in c["turns"]))
             for c in data["cases"]]
    return articles, cases


def _norm(text: str) -> str:
    text = MARKER.sub("", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def claimed(a: Answer) -> bool:
    """Is the answer claimed as one? A refusal is not, nor a doubtful answer ("Probably not in the articles": the
    closest sentence shown, not claimed), whichever way that would count."""
    return not a.abstained and getattr(a.level, "value", a.level) != "doubtful"


def grade(turn: Turn, a: Answer) -> tuple[bool, str]:
    """(right, why not) for one answer."""
    if turn.refuse:
        return (not claimed(a), "" if not claimed(a) else "answered, should refuse")
    if not claimed(a):
        return False, "refused (or doubtful), should answer"
    text = _norm(a.text)
    missing = [s for s in turn.all if _norm(s) not in text]
    if missing:
        return False, f"missing {missing}"
    found = sum(_norm(s) in text for s in turn.any)
    if found < turn.min:
        return False, f"{found} of {turn.min} needed from {list(turn.any)}"
    if turn.verdict and (a.short is None or a.short.text != turn.verdict):
        return False, f"verdict {a.short.text if a.short else None!r}, expected {turn.verdict}"
    return True, ""


def run(svc, cases: list[Case], ask=None) -> list[Graded]:
    """Ask every case (follow-ups with their conversation) and grade each turn."""
    ask = ask or svc.answer
    out: list[Graded] = []
    for case in cases:
        history: list[dict] = []
        for turn in case.turns:
            t = time.perf_counter()
            a = ask(turn.question, history, sources=list(turn.sources) if turn.sources else None)
            ms = (time.perf_counter() - t) * 1000
            right, why = grade(turn, a)
            out.append(Graded(case.kind, turn.question, right, why, a, ms))
            history += [{"role": "user", "content": turn.question}, {"role": "assistant", "content": a.text}]
    return out


def by_kind(graded: list[Graded]) -> dict[str, dict]:
    groups: dict[str, list[Graded]] = defaultdict(list)
    for g in graded:
        groups[g.kind].append(g)
    rows = {k: {"n": len(v), "right": sum(g.right for g in v)} for k, v in sorted(groups.items())}
    rows["all"] = {"n": len(graded), "right": sum(g.right for g in graded)}
    return rows


def table(rows_by_answerer: dict[str, dict[str, dict]]) -> str:
    names = list(rows_by_answerer)
    kinds = list(next(iter(rows_by_answerer.values())))
    lines = ["| kind | n | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for k in kinds:
        n = rows_by_answerer[names[0]][k]["n"]
        cells = [f"{rows_by_answerer[a][k]['right'] / n:.0%} ({rows_by_answerer[a][k]['right']})" for a in names]
        lines.append(f"| {k} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(graded: list[Graded]) -> str:
    out = []
    for g in graded:
        if not g.right:
            out.append(f"- [{g.kind}] {g.question}\n  why: {g.why}\n  answer: {re.sub(chr(10), ' / ', g.answer.text)[:400]}")
    return "\n".join(out) or "no failures"
