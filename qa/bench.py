"""python -m qa.bench [--quick] [--sizes 1,100,1000] [--corpus-mb 5] [--out DIR]

Measures cold start, warm and concurrent question latency, peak memory, ingest throughput against raw
embedding, and question latency as the store grows; writes bench.json and latency_vs_store.png.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ingest.settings import PROJECT_DIR, Settings, get_settings  # noqa: I001  (offline environment first)
from ingest.embed import get_embedder
from ingest.load import load_article
from ingest.normalize import clean
from ingest.pipeline import IngestReport, ingest_files
from ingest.split import split_passages
from ingest.store import ArticleStore, open_client

from .metrics import answer_hit, percentile
from .service import QAService
from .synth import MAX_ARTICLES, fact_questions, make_article, make_corpus
from .types import Answer

SHIPPED_ARTICLE = PROJECT_DIR / "data" / "articles" / "russia-libya-2023-11-06.txt"
SEED_QUESTIONS = PROJECT_DIR.parent / "shared" / "eval" / "seed_dev_qa.json"
_CHILD_MARK = "BENCH-CHILD "

# The cold-start process runs only product code: a string for `python -c`, not a function of this
# module, so that neither its start-up time nor its memory include the bench (matplotlib, tqdm).
_CHILD_CODE = r"""
import json, resource, sys, time
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


# --- values ---------------------------------------------------------------------------------------
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
class ColdStart:
    """One fresh `python -c` process on an already-ingested store; seconds since it was launched."""

    imported_s: float
    """Interpreter started and `qa.service` imported."""
    loaded_s: float
    """QAService.default() returned: embedding model loaded, store opened."""
    first_answer_s: float
    """First answer returned (includes building the corpus snapshot and BM25 index): the cold start."""
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


@dataclass(frozen=True)
class IngestRate:
    """Ingest of some articles into a store that did not have them, against embedding their sentences alone."""

    label: str
    articles: int
    chars: int
    passages: int
    sentences: int
    ingest_s: float
    embed_in_ingest_s: float
    """Part of ingest_s spent in embedder.encode."""
    raw_embed_s: float
    """embedder.encode on the same sentence texts outside ingest, one call per chunk of articles."""
    kb_per_s: float
    passages_per_s: float
    raw_kb_per_s: float
    ingest_vs_raw: float
    """Ingest throughput as a share of raw embedding throughput (target: >= 0.9)."""

    @classmethod
    def of(cls, label: str, reports: list[IngestReport], sentences: int, raw_embed_s: float) -> "IngestRate":
        written = [r for report in reports for r in report.results if r.status in ("added", "replaced")]
        return cls.total(label, len(written), sum(r.chars for r in written), sum(r.passages for r in written),
                         sentences, sum(r.seconds for r in reports), sum(r.embed_seconds for r in reports),
                         raw_embed_s)

    @classmethod
    def total(cls, label: str, articles: int, chars: int, passages: int, sentences: int, ingest_s: float,
              embed_in_ingest_s: float, raw_embed_s: float) -> "IngestRate":
        def rate(x: float, s: float) -> float:
            return round(x / s, 1) if s > 0 else 0.0

        return cls(label, articles, chars, passages, sentences, round(ingest_s, 3), round(embed_in_ingest_s, 3),
                   round(raw_embed_s, 3), rate(chars / 1000, ingest_s), rate(passages, ingest_s),
                   rate(chars / 1000, raw_embed_s), round(raw_embed_s / ingest_s, 3) if ingest_s > 0 else 0.0)

    @classmethod
    def sum(cls, label: str, parts: list["IngestRate"]) -> "IngestRate":
        return cls.total(label, sum(p.articles for p in parts), sum(p.chars for p in parts),
                         sum(p.passages for p in parts), sum(p.sentences for p in parts),
                         sum(p.ingest_s for p in parts), sum(p.embed_in_ingest_s for p in parts),
                         sum(p.raw_embed_s for p in parts))


@dataclass(frozen=True)
class Miss:
    """A question answered wrongly (or a wrong abstention), kept so a drop in hit rate can be read."""

    question: str
    expected: tuple[str, ...]
    answer: str
    abstained: bool


@dataclass(frozen=True)
class GrowthPoint:
    """Questions asked when the store holds `articles` articles (`generated` of them synthetic)."""

    articles: int
    generated: int
    ingest: IngestRate
    """The ingest that brought the store to this size."""
    first_question_ms: float
    """The first question after that ingest: it also reloads the corpus snapshot and rebuilds BM25."""
    latency: Latency
    fact_hit_rate: float | None
    """Share of questions about generated facts whose answer contains the expected string."""
    seed_correct_rate: float | None
    """Share of shipped-article questions answered right (or rightly abstained)."""
    misses: tuple[Miss, ...] = ()


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


def growth_questions(generated: int, seeds: list[BenchQuestion], n_facts: int, n_seeds: int,
                     seed: int) -> list[BenchQuestion]:
    """Fact questions over the generated articles in the store, plus seed questions (answerable and not)."""
    facts = [BenchQuestion(f.question, (f.expected,), "fact")
             for f in fact_questions(spread(list(range(generated)), n_facts), seed)]
    answerable = [q for q in seeds if q.gold]
    unanswerable = [q for q in seeds if not q.gold]
    n_un = min(len(unanswerable), n_seeds // 3)
    return facts + spread(answerable, n_seeds - n_un) + spread(unanswerable, n_un)


# --- building blocks ------------------------------------------------------------------------------
def bench_settings(root: Path, name: str) -> Settings:
    """The current settings with an embedded store of its own under root (nothing is seeded into it)."""
    return replace(get_settings(), chroma_path=root / name, chroma_host=None, seed_dir=root / "no-seed")


def open_store(settings: Settings, embedder) -> ArticleStore:
    return ArticleStore(open_client(settings), settings.collection, embedder)


def sentence_texts(paths: Iterable[Path], settings: Settings) -> list[str]:
    """The texts ingest embeds for these files: every sentence of every passage, cleaned."""
    texts = []
    for path in paths:
        article = load_article(path, max_bytes=settings.max_file_bytes)
        texts.extend(clean(article.text[s.start:s.end]) for p in split_passages(article, settings.passage_chars)
                     for s in p.sentences)
    return texts


def measure_ingest(label: str, paths: list[Path], store: ArticleStore, embedder, settings: Settings,
                   progress: bool = False, chunk: int = 100) -> IngestRate:
    """Ingest the files (new to the store) and time raw encodes of the same sentences.

    The load of a shared machine drifts, so ingest and raw embedding are timed in alternation, chunk
    by chunk, raw first on every other chunk (before and after when there is one chunk): neither side
    gets all the quiet minutes.
    """
    from tqdm import tqdm

    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    reports: list[IngestReport] = []
    raw_s, sentences = 0.0, 0
    with tqdm(total=len(paths), desc=f"ingest {label}", unit="article", disable=not progress or len(paths) < 2,
              file=sys.stderr, leave=False) as bar:
        for n, part in enumerate(chunks):
            texts = sentence_texts(part, settings)
            raws = [time_encode(embedder, texts, settings)] if n % 2 == 1 or len(chunks) == 1 else []
            reports.append(ingest_files(part, store, embedder, settings, progress=lambda _: bar.update(1)))
            if n % 2 == 0:
                raws.append(time_encode(embedder, texts, settings))
            raw_s += sum(raws) / len(raws)
            sentences += len(texts)
    for report in reports:
        if report.failed:
            raise RuntimeError(f"bench ingest failed: {report.failed[0].error}")
        if report.count("unchanged"):
            raise RuntimeError(f"bench ingest of {label}: the store already had these articles (use a fresh store)")
    return IngestRate.of(label, reports, sentences, raw_s)


def time_encode(embedder, texts: list[str], settings: Settings) -> float:
    """Seconds for one embedder.encode call, with the batch size ingest uses."""
    t = time.perf_counter()
    embedder.encode(texts, batch_size=settings.embed_batch_size)
    return time.perf_counter() - t


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


# --- the measurements -----------------------------------------------------------------------------
def measure_cold_start(store_path: Path, questions: list[BenchQuestion], repeats: int,
                       timeout_s: float = 1800) -> tuple[ColdStart, Warm | None]:
    """Launch a fresh interpreter on the ingested store; time it to its first answer, then (repeats > 0)
    ask every question `repeats` times in that same process."""
    env = {k: v for k, v in os.environ.items() if k != "QA_CHROMA_HOST"}
    env.update(QA_CHROMA_PATH=str(store_path), QA_SEED_DIR=str(SHIPPED_ARTICLE.parent),
               PYTHONDONTWRITEBYTECODE="1")
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
    asked = [(by_text[text], Answer(text=answer, abstained=abstained), ms)
             for text, ms, answer, abstained in got["asked"]]
    ms = [m for _, _, m in asked]
    return cold, Warm(Latency.of(ms), round(len(ms) / (sum(ms) / 1000), 2), rate(asked))


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


def measure_growth(corpus: list[Path], sizes: list[int], service: QAService, seeds: list[BenchQuestion],
                   n_facts: int, n_seeds: int, seed: int, progress: bool = False) -> list[GrowthPoint]:
    """Ingest the corpus step by step into the service's store (which holds the shipped article);
    at each size ask fact and seed questions. Sizes count generated articles (a prefix of the corpus)."""
    points = []
    done = 0
    for size in sorted(set(sizes)):
        if size <= done or size > len(corpus):
            raise ValueError(f"size {size}: sizes must be positive and at most the corpus ({len(corpus)} articles)")
        ingest = measure_ingest(f"{done + 1}-{size}", corpus[done:size], service.store, service.embedder,
                                service.settings, progress)
        done = size
        questions = growth_questions(size, seeds, n_facts, n_seeds, seed)
        first = ask_all(service, questions[:1])[0][2]
        asked = ask_all(service, questions, f"questions at {size}", progress)
        points.append(GrowthPoint(articles=len(service.articles()), generated=size, ingest=ingest,
                                  first_question_ms=round(first, 1), latency=Latency.of([m for _, _, m in asked]),
                                  fact_hit_rate=rate(asked, "fact"), seed_correct_rate=rate(asked, "seed"),
                                  misses=misses(asked)))
    return points


def corpus_articles(corpus_mb: float, at_least: int, seed: int) -> int:
    """How many generated articles make corpus_mb megabytes (10^6 bytes), and at least `at_least`."""
    n, size = 0, 0
    while size < corpus_mb * 1e6 or n < at_least:
        size += len(make_article(n, seed).text.encode("utf-8"))
        n += 1
    return n


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
        service = QAService(shipped_store, embedder, shipped_settings)
        service.ensure_seeded()  # a no-op: the store is not empty
        concurrency = measure_concurrency(service, seeds, config.callers, config.concurrent_rounds, progress)

        n = corpus_articles(config.corpus_mb, max(config.sizes), config.seed)
        say(f"growth: {n} generated articles, measured at {', '.join(map(str, sorted(set(config.sizes) | {n})))}")
        corpus = make_corpus(n, root / "corpus", config.seed)
        growth_settings = bench_settings(root, "store-growth")
        growth_service = QAService(open_store(growth_settings, embedder), embedder, growth_settings)
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
                   {k: v for k, v in sorted(os.environ.items()) if k.startswith("QA_")})


# --- output ---------------------------------------------------------------------------------------
def write_json(result: BenchResult, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(result), indent=1, default=str) + "\n", encoding="utf-8")


def write_chart(growth: list[GrowthPoint], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display: write the file only
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    xs = [p.articles for p in growth]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(xs, [p.latency.p50_ms for p in growth], "o-", label="p50")
    ax.plot(xs, [p.latency.p95_ms for p in growth], "s--", label="p95")
    for p in growth:  # short labels: neighbouring sizes sit close together on the log axis
        if p.fact_hit_rate is not None:
            ax.annotate(f"{p.fact_hit_rate:.0%}", (p.articles, p.latency.p95_ms), textcoords="offset points",
                        xytext=(0, 7), ha="center", fontsize=8)
    ax.set_xscale("log")
    # Plain numbers (1, 10, 100) instead of matplotlib's default 10^0-style labels.
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x:,.0f}"))
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax.set_xlabel("articles in the store (log scale)")
    ax.set_ylabel("question latency (ms)")
    ax.set_title("Ask the Article: question latency vs store size\n"
                 "(labels: share of questions about generated facts answered right)", fontsize=10)
    ax.set_ylim(0, max([p.latency.p95_ms for p in growth] + [1.0]) * 1.15)  # room for the labels
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


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
    parser = argparse.ArgumentParser(prog="python -m qa.bench", description=__doc__.splitlines()[2])
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


if __name__ == "__main__":
    sys.exit(main())
