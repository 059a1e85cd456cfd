"""Several callers sharing one service, against the same questions asked one at a time."""
from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from qa.service import QAService

from .asking import BenchQuestion, Latency, ask_all

@dataclass(frozen=True)
class Concurrency:
    """Several threads calling QAService.answer on one shared service."""

    callers: int
    questions: int
    seconds: float
    questions_per_s: float
    serial_questions_per_s: float
    """The same questions one at a time in the same process just before, for comparison."""
    latency: Latency


def measure_concurrency(service: QAService, questions: list[BenchQuestion], callers: int, rounds: int,
                        progress: bool = False) -> Concurrency:
    """The questions (rounds times over) one at a time, then shared among `callers` threads."""
    from tqdm import tqdm

    work = list(questions) * rounds
    t = time.perf_counter()
    ask_all(service, work, "serial", progress)
    serial_s = time.perf_counter() - t
    latencies: list[float] = []
    lock = threading.Lock()
    bar = tqdm(total=len(work), desc=f"{callers} callers", unit="q", disable=not progress, file=sys.stderr,
               leave=False)

    def call(q: BenchQuestion) -> None:
        t0 = time.perf_counter()
        service.answer(q.text)
        ms = (time.perf_counter() - t0) * 1000
        with lock:
            latencies.append(ms)
            bar.update(1)

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=callers) as pool:
        list(pool.map(call, work))  # list(): re-raises the first error of any caller
    seconds = time.perf_counter() - t
    bar.close()
    return Concurrency(callers, len(work), round(seconds, 3), round(len(work) / seconds, 2),
                       round(len(work) / serial_s, 2), Latency.of(latencies))
