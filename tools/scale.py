"""python -m tools.scale [--articles 10000] [--checkpoints 1000,10000] [--server | --server-only] [--root DIR]
[--phase all|ingest|measure]

Ingests a deterministic generated corpus (tools.synth, plus the shipped article) into a fresh embedded
store and, with --server, through a Chroma server (`chroma run` on loopback, started and stopped here).
At each checkpoint a copy of the store is kept; then a fresh answering process per checkpoint opens that
copy and records memory, question latency p50/p95, answer accuracy, and how long the first question takes
after another process ingested an article (which it must then find). At the largest server checkpoint, two
answering processes ask while a third ingests.

The phases can run apart (`--root` keeps the stores): ingesting 10,000 articles takes ~20 minutes per
store on 2 cores, measuring a few minutes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from core.settings import Settings, configure_offline, get_settings

SEED = 0


@dataclass(frozen=True)
class Change:
    """One new article was ingested; the next question here asked about it."""

    by_another_process: bool
    """With a server, another process (`python -m ingest`) ingested it; embedded, this one (as an upload)."""
    ingest_s: float
    """The other process's whole run (`python -m ingest FILE`, model load included)."""
    first_question_ms: float
    """This process's first question after the change (it catches up with the store in it)."""
    visible: bool
    """This process's retrieval for that question had the new article among its top 3 passages."""
    answered: bool
    """That question's answer has the new article's fact."""


@dataclass(frozen=True)
class Measured:
    mode: str
    articles: int
    store_mb: float
    open_s: float
    """Open the store and answer a first question in a fresh process (keyword index built if missing)."""
    rss_mb: float
    """Peak resident memory of the answering process."""
    server_rss_mb: float | None
    """Peak resident memory of the Chroma server (`chroma run`), when there is one."""
    p50_ms: float
    p95_ms: float
    fact_hit_rate: float | None
    seed_correct_rate: float | None
    change: Change


# --- stores -----------------------------------------------------------------------------------------
def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
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


def peak_rss_mb(proc: subprocess.Popen | None) -> float | None:
    """Peak resident memory of a running child process (Linux /proc), None without one."""
    if proc is None:
        return None
    for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def stop_server(proc: subprocess.Popen | None) -> None:
    if proc is not None:
        proc.terminate()
        proc.wait(timeout=60)


def store_settings(mode: str, data: Path, port: int | None) -> Settings:
    """Settings of a process using the store in `data` (the embedded folder, or the server's folder)."""
    base = get_settings()
    if mode == "server":
        # The keyword index of a server's store lives beside its folder, shared by the processes on this host.
        return replace(base, chroma_host="127.0.0.1", chroma_port=port, keyword_index=data.parent / "keywords.sqlite3")
    return replace(base, chroma_path=data, chroma_host=None, keyword_index=None)


def env_for(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process these store settings."""
    env = dict(os.environ)
    if settings.chroma_host:
        env.update(QA_CHROMA_HOST=settings.chroma_host, QA_CHROMA_PORT=str(settings.chroma_port))
    else:
        env.pop("QA_CHROMA_HOST", None)
        env["QA_CHROMA_PATH"] = str(settings.chroma_path)
    if settings.keyword_index:
        env["QA_KEYWORD_INDEX"] = str(settings.keyword_index)
    else:
        env.pop("QA_KEYWORD_INDEX", None)
    return env


# --- ingest phase -----------------------------------------------------------------------------------
def ingest_phase(mode: str, checkpoints: list[int], root: Path, progress: bool) -> None:
    """Grow one live store checkpoint by checkpoint, keeping a copy (and the ingest figures) at each.
    Each step ingests in a child process and the copy is taken after it exits (and, for a server, after
    the server stopped): the files of a store still open in a process are not a consistent copy."""
    live = root / mode / "live" / "store"
    done = 0
    for size in checkpoints:
        saved = root / mode / f"at-{size}"
        if (saved / "ingest.json").exists():
            done = size
            continue
        server, port = (start_server(live) if mode == "server" else (None, None))
        try:
            args = [sys.executable, "-m", "tools.scale", "--ingest-part", mode, str(done), str(size), "--root",
                    str(root)] + (["--port", str(port)] if port else []) + ([] if progress else ["--quiet"])
            figures = json.loads(subprocess.run(args, check=True, stdout=subprocess.PIPE, text=True)
                                 .stdout.strip().splitlines()[-1])
        finally:
            stop_server(server)
        done = size
        shutil.rmtree(saved, ignore_errors=True)
        shutil.copytree(live.parent, saved)
        (saved / "ingest.json").write_text(json.dumps(figures))
        print(json.dumps({"mode": mode, "articles": size, **figures["ingest"]}), file=sys.stderr)


def ingest_part(mode: str, start: int, stop: int, root: Path, port: int | None, progress: bool) -> dict:
    """In this child process: ingest articles start..stop-1 of the corpus (and the shipped article first),
    then bring the keyword index up to date, as `python -m ingest` does."""
    from ingest.embed import get_embedder
    from ingest.pipeline import ingest_files
    from ingest.store import ArticleStore, open_client
    from ingest.keywords import KeywordIndex
    from tools.bench.asking import SHIPPED_ARTICLE
    from tools.bench.ingest_rate import measure_ingest

    corpus = sorted((root / "corpus").glob("synth-*.txt"))[start:stop]
    settings = store_settings(mode, root / mode / "live" / "store", port)
    embedder = get_embedder(settings)
    store = ArticleStore(open_client(settings), settings.collection, embedder)
    if start == 0:
        ingest_files([SHIPPED_ARTICLE], store, embedder, settings)
    rate = measure_ingest(f"{mode} {start + 1}-{stop}", corpus, store, embedder, settings, progress, raw_every=10)
    t = time.perf_counter()
    KeywordIndex.of(settings).sync(store)
    return {"ingest": asdict(rate), "keyword_sync_s": round(time.perf_counter() - t, 2)}


# --- measure phase ----------------------------------------------------------------------------------
def measure_one(mode: str, size: int, root: Path, questions: int) -> Measured:
    """In this (fresh) process: open the checkpoint's store, ask, then see another process's change."""
    from qa.service import QAService
    from tools.bench.asking import ask_all, rate, seed_questions
    from tools.bench.growth import growth_questions
    from tools.synth import make_article

    saved = root / mode / f"at-{size}"
    data = saved / "store"
    server, port = (start_server(data) if mode == "server" else (None, None))
    try:
        settings = store_settings(mode, data, port)
        qs = growth_questions(size, seed_questions(), questions * 2 // 3, questions // 3, SEED)
        t = time.perf_counter()
        service = QAService.default(settings)
        ask_all(service, qs[:1])
        open_s = time.perf_counter() - t
        asked = ask_all(service, qs)
        ms = sorted(m for _, _, m in asked)
        change = _change_from_elsewhere(service, settings, root, make_article(size + 1, SEED))
        from tools.metrics import percentile

        return Measured(mode, size, folder_mb(saved), round(open_s, 2),
                        round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), peak_rss_mb(server),
                        round(percentile(ms, 50), 1), round(percentile(ms, 95), 1), rate(asked, "fact"),
                        rate(asked, "seed"), change)
    finally:
        stop_server(server)


def _change_from_elsewhere(service, settings: Settings, root: Path, article) -> Change:
    """Another process ingests `article` (with a server; an embedded store is one process's: Chroma's
    embedded mode does not support several writing processes, so there this process's upload path does
    it); the next question here must find it. Removed afterwards."""
    from tools.bench.asking import BenchQuestion, ask_all

    path = root / "changes" / article.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.text, encoding="utf-8")
    env = env_for(settings)
    t = time.perf_counter()
    if settings.chroma_host:
        subprocess.run([sys.executable, "-m", "ingest", str(path)], env=env, check=True, stdout=subprocess.DEVNULL)
    else:
        service.ingest([str(path)])
    ingest_s = time.perf_counter() - t
    fact = article.facts[0]
    (q, answer, ms), = ask_all(service, [BenchQuestion(fact.question, (fact.expected,), "fact")])
    top = service.search.search(fact.question, limit=3).passages
    visible = any(r.passage.source == article.name for r in top)
    if settings.chroma_host:
        subprocess.run([sys.executable, "-m", "ingest", "--remove", article.name], env=env, check=True,
                       stdout=subprocess.DEVNULL)
    else:
        service.remove(article.name)
    return Change(bool(settings.chroma_host), round(ingest_s, 1), round(ms, 1), visible, q.correct(answer))


def rebuild_index(mode: str, size: int, root: Path) -> float:
    """In this child process: build the checkpoint's keyword index from nothing; its seconds."""
    from ingest.store import ArticleStore, open_client
    from ingest.keywords import KeywordIndex

    data = root / mode / f"at-{size}" / "store"
    server, port = (start_server(data) if mode == "server" else (None, None))
    try:
        settings = store_settings(mode, data, port)
        path = settings.keyword_index_path
        for stale in path.parent.glob(path.name + "*"):  # the file and its WAL
            stale.unlink()
        store = ArticleStore(open_client(settings), settings.collection)
        t = time.perf_counter()
        KeywordIndex.of(settings).sync(store)
        return round(time.perf_counter() - t, 2)
    finally:
        stop_server(server)


# --- several processes on one server ----------------------------------------------------------------
def concurrent(size: int, root: Path, seconds: float, new_articles: int) -> dict:
    """Two answering processes ask for `seconds` while a third ingests `new_articles` new articles into
    the same server; afterwards both must find the new articles' facts."""
    from tools.synth import make_article

    data = root / "server" / f"at-{size}" / "store"
    server, port = start_server(data)
    try:
        settings = store_settings("server", data, port)
        env = env_for(settings)
        folder = root / "concurrent"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        articles = [make_article(size + 10 + i, SEED) for i in range(new_articles)]
        for a in articles:
            (folder / a.name).write_text(a.text, encoding="utf-8")
        askers = [subprocess.Popen([sys.executable, "-m", "tools.scale", "--ask-loop", str(size), "--seconds",
                                    str(seconds), "--root", str(root), "--after", str(size + 10), str(new_articles)],
                                   env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        time.sleep(min(20.0, seconds / 4))  # the askers load their model and start asking first
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ingest", str(folder)], env=env, check=True, stdout=subprocess.DEVNULL)
        ingest_s = time.perf_counter() - t
        results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in askers]
        subprocess.run([sys.executable, "-m", "ingest", *[arg for a in articles for arg in ("--remove", a.name)]],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        return {"articles": size, "new_articles": new_articles, "ingest_s": round(ingest_s, 1), "askers": results}
    finally:
        stop_server(server)


def ask_loop(size: int, seconds: float, first_new: int, new_articles: int) -> dict:
    """One answering process: ask fact questions until `seconds` pass, then about the new articles."""
    from qa.service import QAService
    from tools.bench.asking import BenchQuestion, ask_all, rate
    from tools.metrics import percentile
    from tools.synth import fact_questions

    service = QAService.default(get_settings())
    facts = [BenchQuestion(f.question, (f.expected,), "fact") for f in fact_questions(range(0, size, 97), SEED)]
    ask_all(service, facts[:1])
    ms, errors, n = [], 0, 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        q = facts[n % len(facts)]
        n += 1
        try:
            ms.extend(m for _, _, m in ask_all(service, [q]))
        except Exception:  # counted, not hidden: the report says how many questions failed
            errors += 1
    new = [BenchQuestion(f.question, (f.expected,), "fact")
           for f in fact_questions(range(first_new, first_new + new_articles), SEED)]
    found = rate(ask_all(service, new), "fact")
    ms.sort()
    return {"questions": len(ms), "errors": errors, "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1), "max_ms": round(ms[-1], 1) if ms else None,
            "new_articles_found": found,
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


# --- driver -----------------------------------------------------------------------------------------
def _measure_in_child(mode: str, size: int, root: Path, questions: int) -> dict:
    rebuilt = subprocess.run([sys.executable, "-m", "tools.scale", "--rebuild-index", mode, str(size), "--root",
                              str(root)], check=True, stdout=subprocess.PIPE, text=True).stdout
    out = subprocess.run([sys.executable, "-m", "tools.scale", "--measure-one", mode, str(size), "--root", str(root),
                          "--questions", str(questions)], check=True, stdout=subprocess.PIPE, text=True).stdout
    return {**json.loads(out.strip().splitlines()[-1]), "keyword_build_s": float(rebuilt.strip().splitlines()[-1])}


def table(rows: list[dict]) -> str:
    lines = [f"{'mode':9} {'articles':>8} {'ingest KB/s':>11} {'store MB':>8} {'index s':>7} {'open s':>6} "
             f"{'RSS MB':>7} {'server MB':>9} {'p50 ms':>7} {'p95 ms':>7} {'facts':>6} {'seed':>6} {'after change ms':>15} {'seen':>5}"]
    for r in rows:
        lines.append(f"{r['mode']:9} {r['articles']:>8} {r.get('ingest', {}).get('kb_per_s', '-')!s:>11} "
                     f"{r['store_mb']:>8} {r['keyword_build_s']:>7} {r['open_s']:>6} {r['rss_mb']:>7} "
                     f"{r['server_rss_mb'] or '-'!s:>9} {r['p50_ms']:>7} {r['p95_ms']:>7} {r['fact_hit_rate']!s:>6} {r['seed_correct_rate']!s:>6} "
                     f"{r['change']['first_question_ms']:>15} {r['change']['visible']!s:>5}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--checkpoints", default="1000,10000")
    parser.add_argument("--server", action="store_true", help="also measure a Chroma server")
    parser.add_argument("--server-only", action="store_true", help="measure only the Chroma server")
    parser.add_argument("--questions", type=int, default=60, help="questions asked at each checkpoint")
    parser.add_argument("--root", type=Path, help="keep the corpus and stores here (default: a temporary folder)")
    parser.add_argument("--phase", choices=("all", "ingest", "measure"), default="all")
    parser.add_argument("--concurrent-seconds", type=float, default=90.0)
    parser.add_argument("--out", type=Path, default=Path("bench-results/scale.json"))
    parser.add_argument("--quiet", action="store_true")
    # Internal: the children this driver starts.
    parser.add_argument("--measure-one", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--ask-loop", type=int, metavar="SIZE", help=argparse.SUPPRESS)
    parser.add_argument("--ingest-part", nargs=3, metavar=("MODE", "START", "STOP"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rebuild-index", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=60.0, help=argparse.SUPPRESS)
    parser.add_argument("--after", nargs=2, type=int, default=(0, 0), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_one:
        print(json.dumps(asdict(measure_one(args.measure_one[0], int(args.measure_one[1]), args.root,
                                            args.questions))))
        return 0
    if args.rebuild_index:
        print(rebuild_index(args.rebuild_index[0], int(args.rebuild_index[1]), args.root))
        return 0
    if args.ingest_part:
        mode, start, stop = args.ingest_part
        print(json.dumps(ingest_part(mode, int(start), int(stop), args.root, args.port, not args.quiet)))
        return 0
    if args.ask_loop is not None:
        print(json.dumps(ask_loop(args.ask_loop, args.seconds, *args.after)))
        return 0

    checkpoints = sorted({int(c) for c in args.checkpoints.split(",")} | {args.articles})
    checkpoints = [c for c in checkpoints if c <= args.articles]
    modes = ["server"] if args.server_only else ["embedded"] + (["server"] if args.server else [])
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
        root = args.root or Path(tmp)
        from tools.synth import make_corpus

        make_corpus(args.articles, root / "corpus", seed=SEED)  # the ingest children read it from there
        corpus_mb = folder_mb(root / "corpus")
        if args.phase in ("all", "ingest"):
            for mode in modes:
                ingest_phase(mode, checkpoints, root, not args.quiet)
        if args.phase == "ingest":
            return 0
        rows = []
        for mode in modes:
            for size in checkpoints:
                row = _measure_in_child(mode, size, root, args.questions)
                saved = json.loads((root / mode / f"at-{size}" / "ingest.json").read_text())
                rows.append({**row, **saved})
                print(json.dumps(rows[-1]), file=sys.stderr)
        together = concurrent(checkpoints[-1], root, args.concurrent_seconds, 20) if "server" in modes else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"corpus_mb": corpus_mb, "checkpoints": rows, "concurrent": together}, indent=1))
    print(table(rows))
    if together:
        print(json.dumps(together))
    return 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
