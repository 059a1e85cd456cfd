"""Cold start (a fresh process to its first answer) and warm latency, measured in that same process."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from core.settings import PROJECT_DIR, child_environment
from qa.types import Answer, Level

from .asking import SHIPPED_ARTICLE, BenchQuestion, Latency, rate

_CHILD_MARK = "BENCH-CHILD "


# The cold-start process runs only product code: a string for `python -c`, not a function of this
# module, so that neither its start-up time nor its memory include the bench (matplotlib, tqdm).
_CHILD_CODE = r"""
import json, resource, sys, time
from core.settings import configure_offline
configure_offline()
from qa.service import QAService
t_imported = time.time()
service = QAService.default()
t_loaded = time.time()
questions, repeats = json.loads(sys.argv[1]), int(sys.argv[2])
service.answer(questions[0])
t_first = time.time()
asked = []
for _ in range(repeats):
    for q in questions:
        t = time.perf_counter()
        a = service.answer(q)
        asked.append([q, (time.perf_counter() - t) * 1000, a.text, a.abstained])
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
print("BENCH-CHILD " + json.dumps({"imported": t_imported, "loaded": t_loaded, "first": t_first,
                                   "asked": asked, "peak_rss_mb": rss_mb}), flush=True)
"""


@dataclass(frozen=True)
class ColdStart:
    """One fresh `python -c` process on an already-ingested store; seconds since it was launched."""

    imported_s: float
    """Interpreter started and `qa.service` imported."""
    loaded_s: float
    """QAService.default() returned: embedding model loaded, store opened."""
    first_answer_s: float
    """First answer returned (includes reading the registry and syncing the keyword index): the cold start."""
    peak_rss_mb: float
    """Peak resident memory of that process (ru_maxrss) when it finished."""


@dataclass(frozen=True)
class Warm:
    """Questions asked after the first answer, in the cold-start process (the product alone)."""

    latency: Latency
    questions_per_s: float
    """One caller, one question after the other."""
    correct_rate: float | None
    """Share answered right (answerable: accepted answer found; unanswerable: abstained)."""


def measure_cold_start(store_path: Path, questions: list[BenchQuestion], repeats: int,
                       timeout_s: float = 1800) -> tuple[ColdStart, Warm | None]:
    """Launch a fresh interpreter on the ingested store; time it to its first answer, then (repeats > 0)
    ask every question `repeats` times in that same process."""
    env = child_environment(QA_CHROMA_HOST=None, QA_CHROMA_PATH=str(store_path),
                            QA_SEED_DIR=str(SHIPPED_ARTICLE.parent), PYTHONDONTWRITEBYTECODE="1")
    launched = time.time()
    proc = subprocess.run([sys.executable, "-c", _CHILD_CODE, json.dumps([q.text for q in questions]), str(repeats)],
                          cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=timeout_s)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith(_CHILD_MARK)), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"the cold-start process failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    got = json.loads(line[len(_CHILD_MARK):])
    cold = ColdStart(round(got["imported"] - launched, 3), round(got["loaded"] - launched, 3),
                     round(got["first"] - launched, 3), round(got["peak_rss_mb"], 1))
    if not repeats:
        return cold, None
    by_text = {q.text: q for q in questions}
    asked = [(by_text[text], Answer(text=answer, level=Level.REFUSED if abstained else Level.SURE), ms)
             for text, ms, answer, abstained in got["asked"]]
    ms = [m for _, _, m in asked]
    return cold, Warm(Latency.of(ms), round(len(ms) / (sum(ms) / 1000), 2), rate(asked))
