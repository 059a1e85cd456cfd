"""python -m tools.scale [--articles 10000] [--checkpoints 1000,10000] [--server] [--out bench-results/scale.json]

Ingests a deterministic generated corpus (tools.synth) into a fresh embedded store and, with --server, into
a Chroma server (`chroma run` on loopback, started and stopped here), and at each checkpoint records
ingest throughput, store size on disk, memory, and question latency p50/p95 with answer accuracy.
Long: 10,000 articles (~30 MB) take about 20 minutes per store on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from core.settings import configure_offline, get_settings
from ingest.embed import get_embedder
from ingest.store import ArticleStore, open_client

from qa.service import QAService
from tools.bench.asking import SHIPPED_ARTICLE, Latency, ask_all, rate, seed_questions
from tools.bench.growth import growth_questions
from tools.bench.ingest_rate import IngestRate, measure_ingest
from tools.synth import make_corpus


@dataclass(frozen=True)
class Checkpoint:
    mode: str
    articles: int
    ingest: IngestRate
    """Throughput of the ingest that led from the previous checkpoint to this one."""
    store_mb: float
    rss_mb: float
    snapshot_s: float
    """Seconds to build the in-process corpus snapshot (passages + BM25) after the ingest."""
    latency: Latency
    fact_hit_rate: float | None
    seed_correct_rate: float | None


def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "chroma"), "run", "--host", "127.0.0.1", "--port",
                             str(port), "--path", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("chroma run did not start")


def run_mode(mode: str, corpus: list[Path], checkpoints: list[int], root: Path, questions_per_point: int,
             progress: bool) -> list[Checkpoint]:
    settings = replace(get_settings(), chroma_path=root / f"{mode}-store", chroma_host=None,
                       seed_dir=SHIPPED_ARTICLE.parent)
    server = None
    data_dir = settings.chroma_path
    if mode == "server":
        data_dir = root / "server-data"
        server, port = start_server(data_dir)
        settings = replace(settings, chroma_host="127.0.0.1", chroma_port=port)
    try:
        embedder = get_embedder(settings)
        service = QAService(ArticleStore(open_client(settings), settings.collection, embedder), embedder, settings)
        service.ensure_seeded(announce=lambda msg: None)
        seeds = seed_questions()
        points, done = [], 0
        for size in checkpoints:
            rate_ = measure_ingest(f"{mode} {done + 1}-{size}", corpus[done:size], service.store, embedder,
                                   settings, progress)
            done = size
            t = time.perf_counter()
            service.corpus.snapshot()
            snapshot_s = time.perf_counter() - t
            qs = growth_questions(size, seeds, questions_per_point * 2 // 3, questions_per_point // 3, 0)
            asked = ask_all(service, qs, f"{mode} questions at {size}", progress)
            points.append(Checkpoint(mode, size, rate_, folder_mb(data_dir),
                                     round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                                     round(snapshot_s, 2), Latency.of([m for _, _, m in asked]),
                                     rate(asked, "fact"), rate(asked, "seed")))
            print(json.dumps(asdict(points[-1])), file=sys.stderr)
        return points
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--checkpoints", default="1000,10000")
    parser.add_argument("--server", action="store_true", help="also measure a Chroma server")
    parser.add_argument("--server-only", action="store_true", help="measure only the Chroma server")
    parser.add_argument("--questions", type=int, default=60, help="questions asked at each checkpoint")
    parser.add_argument("--out", type=Path, default=Path("bench-results/scale.json"))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",")} | {args.articles})
    checkpoints = [c for c in checkpoints if c <= args.articles]
    modes = ["server"] if args.server_only else ["embedded"] + (["server"] if args.server else [])
    results = []
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        corpus = make_corpus(args.articles, root / "corpus", seed=0)
        corpus_mb = folder_mb(root / "corpus")
        print(f"generated {len(corpus)} articles ({corpus_mb} MB) in {time.perf_counter() - t:.1f} s",
              file=sys.stderr)
        for mode in modes:
            results.extend(run_mode(mode, corpus, checkpoints, root, args.questions, not args.quiet))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"corpus_mb": corpus_mb, "checkpoints": [asdict(r) for r in results]}, indent=1))
    print(f"{'mode':9} {'articles':>8} {'ingest KB/s':>11} {'vs raw':>6} {'store MB':>8} {'RSS MB':>7} "
          f"{'snapshot s':>10} {'p50 ms':>7} {'p95 ms':>7} {'facts':>6} {'seed':>6}")
    for r in results:
        print(f"{r.mode:9} {r.articles:>8} {r.ingest.kb_per_s:>11} {r.ingest.ingest_vs_raw:>6} {r.store_mb:>8} "
              f"{r.rss_mb:>7} {r.snapshot_s:>10} {r.latency.p50_ms:>7} {r.latency.p95_ms:>7} "
              f"{r.fact_hit_rate!s:>6} {r.seed_correct_rate!s:>6}")
    return 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
