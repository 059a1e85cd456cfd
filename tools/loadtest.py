"""Load test of the chat: N concurrent users (gradio_client) asking questions for a bounded time against
the app on loopback, which this script starts on a temporary store and stops at the end.

    .venv/bin/python -m tools.loadtest [--users 20] [--seconds 60] [--out bench-results/loadtest.json]

Reports requests, errors, latency p50/p95/max and the app's memory (RSS) at the start and the end.
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from core.settings import PROJECT_DIR, child_environment, configure_offline

ROOT = PROJECT_DIR

QUESTIONS = ["Where does Russia want to open a military port?", "Who is Khalifa Haftar?",
             "How many oil or gas terminals are guarded by Wagner soldiers?", "How deep is the harbour at Tobruk?",
             "What is the largest city in eastern Libya?", "When did Haftar meet Putin?"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_app(tmp: Path, port: int) -> subprocess.Popen:
    env = child_environment(QA_CHROMA_PATH=str(tmp / "chroma"), QA_UPLOAD_DIR=str(tmp / "uploads"),
                            QA_FEEDBACK_PATH=str(tmp / "feedback.jsonl"), GRADIO_SERVER_PORT=str(port))
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=(tmp / "app.log").open("wb"))
    import urllib.request

    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the app exited: {(tmp / 'app.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the app did not start in 180 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.loadtest", description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=20000, help="a bound on the total, whatever the time")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "loadtest.json")
    args = parser.parse_args(argv)
    from gradio_client import Client

    from tools.metrics import percentile

    with tempfile.TemporaryDirectory(prefix="qa-load-") as tmp:
        tmp = Path(tmp)
        port = free_port()
        app = start_app(tmp, port)
        try:
            url = f"http://127.0.0.1:{port}/"
            Client(url, verbose=False).predict(QUESTIONS[0], api_name="/answer")  # warm up
            rss_start = rss_mb(app.pid)
            latencies: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            stop_at = time.monotonic() + args.seconds

            def user(n: int) -> None:
                client = Client(url, verbose=False)
                i = n
                while time.monotonic() < stop_at:
                    with lock:
                        if len(latencies) + len(errors) >= args.max_requests:
                            return
                    q = QUESTIONS[i % len(QUESTIONS)]
                    i += 1
                    t = time.perf_counter()
                    try:
                        # The JSON API the README documents for other programs (the page's own event changes
                        # with the page).
                        reply = client.predict(q, api_name="/answer")
                        ok = isinstance(reply, dict) and bool(reply.get("text"))
                        with lock:
                            if ok:
                                latencies.append((time.perf_counter() - t) * 1000)
                            else:
                                errors.append(f"bad reply to {q!r}")
                    except Exception as exc:  # counted and reported, the run goes on
                        with lock:
                            errors.append(f"{type(exc).__name__}: {exc}")

            peak = [rss_start]
            threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                peak[0] = max(peak[0], rss_mb(app.pid))
                time.sleep(0.5)
            elapsed = time.perf_counter() - t0
            result = {
                "users": args.users, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
                "error_samples": errors[:5], "throughput_per_s": round(len(latencies) / elapsed, 2),
                "latency_ms": {"p50": round(percentile(latencies, 50)), "p95": round(percentile(latencies, 95)),
                               "max": round(max(latencies, default=0))},
                "app_rss_mb": {"start": round(rss_start), "peak": round(peak[0]), "end": round(rss_mb(app.pid))},
            }
        finally:
            app.terminate()
            app.wait(timeout=30)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
