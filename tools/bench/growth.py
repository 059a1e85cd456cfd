"""Question latency and accuracy as the store grows, and its chart."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.service import QAService
from tools.synth import fact_questions, make_article

from .asking import BenchQuestion, Latency, Miss, ask_all, misses, rate, spread
from .ingest_rate import IngestRate, measure_ingest

@dataclass(frozen=True)
class GrowthPoint:
    """Questions asked when the store holds `articles` articles (`generated` of them synthetic)."""

    articles: int
    generated: int
    ingest: IngestRate
    """The ingest that brought the store to this size."""
    first_question_ms: float
    """The first question after that ingest: it also reads what changed in the registry and the keyword index."""
    latency: Latency
    fact_hit_rate: float | None
    """Share of questions about generated facts whose answer contains the expected string."""
    seed_correct_rate: float | None
    """Share of shipped-article questions answered right (or rightly abstained)."""
    misses: tuple[Miss, ...] = ()


def growth_questions(generated: int, seeds: list[BenchQuestion], n_facts: int, n_seeds: int,
                     seed: int) -> list[BenchQuestion]:
    """Fact questions over the generated articles in the store, plus seed questions (answerable and not)."""
    facts = [BenchQuestion(f.question, (f.expected,), "fact")
             for f in fact_questions(spread(list(range(generated)), n_facts), seed)]
    answerable = [q for q in seeds if q.gold]
    unanswerable = [q for q in seeds if not q.gold]
    n_un = min(len(unanswerable), n_seeds // 3)
    return facts + spread(answerable, n_seeds - n_un) + spread(unanswerable, n_un)


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
