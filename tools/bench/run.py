"""python -m tools.bench [--quick] [--sizes 1,100,1000] [--corpus-mb 5] [--out DIR]

Measures cold start, warm and concurrent question latency, peak memory, ingest throughput against raw
embedding, and question latency as the store grows; writes bench.json and latency_vs_store.png.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable

from core.settings import Settings, get_settings, qa_variables
from ingest.embed import get_embedder
from ingest.store import ArticleStore, open_client
from qa.service import QAService
from tools.synth import MAX_ARTICLES, make_corpus

from .asking import SHIPPED_ARTICLE, seed_questions
from .cold_start import ColdStart, Warm, measure_cold_start
from .concurrency import Concurrency, measure_concurrency
from .growth import GrowthPoint, corpus_articles, measure_growth, write_chart
from .ingest_rate import IngestRate, measure_ingest

@dataclass(frozen=True)
class BenchConfig:
    sizes: tuple[int, ...] = (1, 100, 1000)
    """Generated articles in the store when latency is measured (the shipped article is always there too)."""
    corpus_mb: float = 5.0
    """Size of the generated corpus; its articles beyond max(sizes) are ingested last, as one more point."""
    cold_runs: int = 2
    warm_repeats: int = 3
    callers: int = 4
    concurrent_rounds: int = 2
    """Each seed question is asked this many times under concurrency."""
    fact_questions: int = 20
    seed_questions: int = 10
    seed: int = 0
    out: Path = Path("bench-results")

    def __post_init__(self):
        if not self.sizes or min(self.sizes) < 1 or max(self.sizes) > MAX_ARTICLES:
            raise ValueError(f"sizes {','.join(map(str, self.sizes))}: each must be between 1 and {MAX_ARTICLES}")
        if self.corpus_mb <= 0:
            raise ValueError(f"corpus_mb {self.corpus_mb}: must be more than 0")
        for name in ("cold_runs", "warm_repeats", "callers", "concurrent_rounds"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} {getattr(self, name)}: must be 1 or more")


@dataclass(frozen=True)
class Machine:
    cpus: int
    load_avg_start: tuple[float, float, float]
    load_avg_end: tuple[float, float, float]
    python: str
    platform: str
    torch_threads: int
    """Intra-op threads of torch (its default: one per core); on a busy machine they wait for each other."""
    qa_env: dict[str, str]
    """QA_* settings in the environment (they apply to every measurement)."""


@dataclass(frozen=True)
class BenchResult:
    started: str
    seconds: float
    machine: Machine
    config: BenchConfig
    questions: int
    """Seed questions used for warm latency and concurrency."""
    cold_start: list[ColdStart]
    warm: Warm
    concurrency: Concurrency
    ingest_shipped: IngestRate
    ingest_corpus: IngestRate
    """All generated articles, ingested in the growth steps (summed)."""
    growth: list[GrowthPoint]


def bench_settings(root: Path, name: str) -> Settings:
    """The current settings with an embedded store of its own under root (nothing is seeded into it)."""
    return replace(get_settings(), chroma_path=root / name, chroma_host=None, seed_dir=root / "no-seed")


def open_store(settings: Settings, embedder) -> ArticleStore:
    return ArticleStore(open_client(settings), settings.collection, embedder)


# --- the whole run --------------------------------------------------------------------------------
def run(config: BenchConfig, progress: bool = True, say: Callable[[str], None] = print) -> BenchResult:
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    t_start = time.perf_counter()
    load_start = os.getloadavg()
    seeds = seed_questions()
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
        root = Path(tmp)
        shipped_settings = bench_settings(root, "store-shipped")
        embedder = get_embedder(shipped_settings)
        embedder.encode(["warm-up so the first timed encode does not pay for lazy initialisation"])
        shipped_store = open_store(shipped_settings, embedder)
        say("ingest: the shipped article into a fresh store")
        ingest_shipped = measure_ingest("shipped article", [SHIPPED_ARTICLE], shipped_store, embedder,
                                        shipped_settings)

        colds: list[ColdStart] = []
        warm: Warm | None = None
        for i in range(config.cold_runs):
            say(f"cold start {i + 1}/{config.cold_runs}: fresh process"
                + (f", then {len(seeds)} questions x {config.warm_repeats}" if i == 0 else ""))
            cold, w = measure_cold_start(shipped_settings.chroma_path, seeds, config.warm_repeats if i == 0 else 0)
            colds.append(cold)
            warm = warm or w

        say(f"concurrency: {config.callers} callers")
        service = QAService.of(shipped_store, embedder, shipped_settings)
        service.ensure_seeded()  # a no-op: the store is not empty
        concurrency = measure_concurrency(service, seeds, config.callers, config.concurrent_rounds, progress)

        n = corpus_articles(config.corpus_mb, max(config.sizes), config.seed)
        say(f"growth: {n} generated articles, measured at {', '.join(map(str, sorted(set(config.sizes) | {n})))}")
        corpus = make_corpus(n, root / "corpus", config.seed)
        growth_settings = bench_settings(root, "store-growth")
        growth_service = QAService.of(open_store(growth_settings, embedder), embedder, growth_settings)
        growth_service.ingest([str(SHIPPED_ARTICLE)])
        growth = measure_growth(corpus, sorted(set(config.sizes) | {n}), growth_service, seeds,
                                config.fact_questions, config.seed_questions, config.seed, progress)
    assert warm is not None  # BenchConfig refuses cold_runs or warm_repeats below 1
    return BenchResult(started, round(time.perf_counter() - t_start, 1), machine(load_start), config, len(seeds),
                       colds, warm,
                       concurrency, ingest_shipped, IngestRate.sum("generated corpus", [p.ingest for p in growth]),
                       growth)


def machine(load_start: tuple[float, float, float]) -> Machine:
    torch = sys.modules.get("torch")  # loaded by the real embedder; absent with a test fake
    return Machine(os.cpu_count() or 0, load_start, os.getloadavg(), platform.python_version(), platform.platform(),
                   torch.get_num_threads() if torch else 0,
                   qa_variables())


# --- output ---------------------------------------------------------------------------------------
def write_json(result: BenchResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(result), indent=1, default=str) + "\n", encoding="utf-8")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def summary(r: BenchResult) -> str:
    lines = [f"Ask the Article benchmark, {r.started}, {r.seconds:.0f} s; {r.machine.cpus} CPUs, load average "
             f"{r.machine.load_avg_start[0]:.1f} at start, {r.machine.load_avg_end[0]:.1f} at end; "
             f"torch threads {r.machine.torch_threads}", ""]
    for i, c in enumerate(r.cold_start, 1):
        lines.append(f"cold start {i}: first answer {c.first_answer_s:.1f} s (imports {c.imported_s:.1f} s, "
                     f"model + store {c.loaded_s - c.imported_s:.1f} s, first question "
                     f"{c.first_answer_s - c.loaded_s:.1f} s); peak RSS {c.peak_rss_mb:.0f} MB")
    w, c = r.warm, r.concurrency
    lines += [
        f"warm ({w.latency.n} questions, {r.questions} distinct): p50 {w.latency.p50_ms:.0f} ms, "
        f"p95 {w.latency.p95_ms:.0f} ms, max {w.latency.max_ms:.0f} ms, {w.questions_per_s:.1f} q/s, "
        f"correct {_pct(w.correct_rate)}",
        f"concurrency ({c.callers} callers, {c.questions} questions): {c.questions_per_s:.1f} q/s "
        f"(one at a time: {c.serial_questions_per_s:.1f} q/s), p50 {c.latency.p50_ms:.0f} ms, "
        f"p95 {c.latency.p95_ms:.0f} ms",
        "",
        "| ingest | articles | KB | passages | KB/s | passages/s | raw embed KB/s | ingest / raw |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for g in [r.ingest_shipped, r.ingest_corpus]:
        lines.append(f"| {g.label} | {g.articles} | {g.chars / 1000:.0f} | {g.passages} | {g.kb_per_s:.1f} | "
                     f"{g.passages_per_s:.1f} | {g.raw_kb_per_s:.1f} | {g.ingest_vs_raw:.0%} |")
    lines += ["", "| articles in store | questions | p50 ms | p95 ms | max ms | first after ingest ms | fact hit | "
              "seed correct | ingest KB/s (step) |", "|---|---|---|---|---|---|---|---|---|"]
    for p in r.growth:
        lines.append(f"| {p.articles} | {p.latency.n} | {p.latency.p50_ms:.0f} | {p.latency.p95_ms:.0f} | "
                     f"{p.latency.max_ms:.0f} | {p.first_question_ms:.0f} | {_pct(p.fact_hit_rate)} | "
                     f"{_pct(p.seed_correct_rate)} | {p.ingest.kb_per_s:.1f} |")
    return "\n".join(lines)


QUICK = BenchConfig(sizes=(1, 10), corpus_mb=0.05, cold_runs=1, warm_repeats=1, concurrent_rounds=1,
                    fact_questions=6, seed_questions=4)


def parse_args(argv: list[str] | None) -> tuple[BenchConfig, bool]:
    """The configuration, and whether to hide progress bars."""
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[2])
    parser.add_argument("--quick", action="store_true", help="tiny sizes and few repeats: a smoke run")
    parser.add_argument("--sizes", help="generated articles in the store at each latency point, e.g. 1,100,1000")
    parser.add_argument("--corpus-mb", type=float, help="size of the generated corpus in MB (default 5)")
    parser.add_argument("--seed", type=int, help="seed of the generated corpus (default 0)")
    parser.add_argument("--out", type=Path, help="folder for bench.json and the chart (default bench-results)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    changes: dict[str, object] = {}
    if args.sizes:
        try:
            changes["sizes"] = tuple(int(s) for s in args.sizes.split(",") if s.strip())
        except ValueError:
            parser.error(f"--sizes {args.sizes!r}: give whole numbers separated by commas, e.g. 1,100,1000")
    for name in ("corpus_mb", "seed", "out"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    try:
        return replace(QUICK if args.quick else BenchConfig(), **changes), args.quiet
    except ValueError as exc:
        parser.error(str(exc))


def main(argv: list[str] | None = None) -> int:
    config, quiet = parse_args(argv)
    result = run(config, progress=not quiet, say=lambda msg: print(msg, file=sys.stderr))
    write_json(result, config.out / "bench.json")
    write_chart(result.growth, config.out / "latency_vs_store.png")
    print(summary(result))
    print(f"\nwrote {config.out / 'bench.json'} and {config.out / 'latency_vs_store.png'}")
    return 0
