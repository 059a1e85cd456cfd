"""The questions a benchmark asks (the shared seed set, generated facts), asking them, and scoring the answers."""
from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from core.settings import PROJECT_DIR
from qa.service import QAService
from qa.types import Answer
from tools.metrics import answer_hit, percentile

SHIPPED_ARTICLE = PROJECT_DIR / "data" / "articles" / "russia-libya-2023-11-06.txt"
SEED_QUESTIONS = PROJECT_DIR.parent / "shared" / "eval" / "seed_dev_qa.json"


@dataclass(frozen=True)
class BenchQuestion:
    text: str
    gold: tuple[str, ...]
    """Accepted answer substrings; empty when the right reply is to abstain."""
    kind: str
    """'seed' (the shipped article) or 'fact' (a generated article)."""

    def correct(self, answer: Answer) -> bool:
        return answer_hit(answer, list(self.gold)) if self.gold else answer.abstained


@dataclass(frozen=True)
class Latency:
    """Latencies of n questions, in milliseconds."""

    n: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    mean_ms: float

    @classmethod
    def of(cls, ms: list[float]) -> "Latency":
        if not ms:
            return cls(0, 0.0, 0.0, 0.0, 0.0)
        return cls(len(ms), round(percentile(ms, 50), 1), round(percentile(ms, 95), 1), round(max(ms), 1),
                   round(sum(ms) / len(ms), 1))


@dataclass(frozen=True)
class Miss:
    """A question answered wrongly (or a wrong abstention), kept so a drop in hit rate can be read."""

    question: str
    expected: tuple[str, ...]
    answer: str
    abstained: bool


# --- questions ------------------------------------------------------------------------------------
_BUILTIN_SEED = (
    BenchQuestion("Who is Khalifa Haftar?", ("commander",), "seed"),
    BenchQuestion("Which ship unexpectedly anchored off Tobruk?", ("Kuznetsov",), "seed"),
    BenchQuestion("What is the largest city in eastern Libya?", ("Benghazi",), "seed"),
    BenchQuestion("Who won the 2022 football World Cup?", (), "seed"),
)


def seed_questions(path: Path = SEED_QUESTIONS) -> list[BenchQuestion]:
    """All answerable and unanswerable questions of the shared seed set, or a few built-in ones."""
    if not path.exists():
        return list(_BUILTIN_SEED)
    data = json.loads(path.read_text(encoding="utf-8"))
    return ([BenchQuestion(q["q"], tuple(q["gold"]), "seed") for q in data.get("answerable", [])]
            + [BenchQuestion(q["q"], (), "seed") for q in data.get("unanswerable", [])])


def spread(items: list, k: int) -> list:
    """k items evenly spaced over the list (all of them if k >= len)."""
    if k >= len(items):
        return list(items)
    if k <= 0:
        return []
    if k == 1:
        return [items[0]]
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)]


def ask_all(service: QAService, questions: list[BenchQuestion], desc: str = "",
            progress: bool = False) -> list[tuple[BenchQuestion, Answer, float]]:
    """Ask one after the other; each with its answer and latency in ms."""
    from tqdm import tqdm

    out = []
    for q in tqdm(questions, desc=desc, unit="q", disable=not progress, file=sys.stderr, leave=False):
        t = time.perf_counter()
        a = service.answer(q.text)
        out.append((q, a, (time.perf_counter() - t) * 1000))
    return out


def rate(asked: list[tuple[BenchQuestion, Answer, float]], kind: str | None = None) -> float | None:
    """Share of correct answers (of one kind of question, or all); None if there were none."""
    chosen = [(q, a) for q, a, _ in asked if kind is None or q.kind == kind]
    return round(sum(q.correct(a) for q, a in chosen) / len(chosen), 3) if chosen else None


def misses(asked: list[tuple[BenchQuestion, Answer, float]]) -> tuple[Miss, ...]:
    return tuple(Miss(q.text, q.gold, a.text[:300], a.abstained) for q, a, _ in asked if not q.correct(a))
