"""python -m tools.eval DATASET.json [--peers] [--report out.md] [--failures] [--json out.json]

Ingests the dataset's articles into a fresh temporary store, asks every question (conversations
with their history) and reports answer hit rate, citation accuracy, abstention and latency; with
--peers, the simple peers (tools/peers.py) answer the same questions in the same run.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

from core.settings import configure_offline, get_settings
from core.types import article_file_name

from qa.service import QAService
from qa.types import Answer, Route
from tools.metrics import Outcome, summarize


@dataclass(frozen=True)
class Case:
    category: str
    turns: tuple[tuple[str, tuple[str, ...], str | None, bool], ...]
    """(question, accepted answers, evidence phrase, answerable) for each turn."""


def load_dataset(path: Path, workdir: Path, with_seed: bool = True) -> tuple[list[Path], list[Case]]:
    """Article files (written to workdir when the dataset embeds them) and the cases."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cases: list[Case] = []
    articles: list[Path] = []
    if "articles" in data:  # SQuAD 2.0 style
        for art in data["articles"]:
            f = workdir / article_file_name(art["title"])
            f.write_text(art["context"], encoding="utf-8")
            articles.append(f)
            for q in art["questions"]:
                cases.append(Case(art["title"], ((q["question"], tuple(q["answers"]), None,
                                                  not q["is_impossible"]),)))
        if with_seed:  # the shipped articles too, unless the dataset has them already
            given = {a.name for a in articles}
            articles.extend(p for p in sorted(get_settings().seed_dir.glob("*.txt")) if p.name not in given)
        return articles, cases
    article = (path.parent.parent / data["article"]) if "article" in data else None
    if article is not None and not article.exists():
        article = path.parent / data["article"]
    if article is not None:
        articles.append(article)
    for q in data.get("answerable", []):
        cases.append(Case("answerable", ((q["q"], tuple(q["gold"]), q.get("evidence"), True),)))
    for q in data.get("unanswerable", []):
        cases.append(Case("unanswerable", ((q["q"], (), None, False),)))
    for conv in data.get("conversations", []):
        cases.append(Case("conversation", tuple((t["q"], tuple(t.get("gold", ())), t.get("evidence"),
                                                 bool(t.get("gold"))) for t in conv["turns"])))
    return articles, cases


def run(dataset: Path, progress: bool = True, peers: bool = False,
        baseline_judge: Path | None = None) -> tuple[list[Outcome], dict]:
    """Outcomes and summary of the product; with `peers`, the summary gains a "peers" table (and, with
    `baseline_judge`, a row for the product with that judge and no reader, on the same store)."""
    from tqdm import tqdm

    with tempfile.TemporaryDirectory(prefix="qa-eval-") as tmp:
        tmp = Path(tmp)
        settings = replace(get_settings(), chroma_path=tmp / "chroma", chroma_host=None, seed_dir=tmp / "none")
        articles, cases = load_dataset(dataset, tmp)
        t = time.perf_counter()
        svc = QAService.default(settings)
        started_s = time.perf_counter() - t
        report = svc.ingest([str(a) for a in articles])
        if report.failed:
            raise SystemExit(f"error: could not ingest {report.failed[0].error}")
        t = time.perf_counter()
        svc.answer(cases[0].turns[0][0])
        first_ms = (time.perf_counter() - t) * 1000
        askers = []
        if baseline_judge is not None:
            from qa.judgment import judge as judges

            base = QAService.of(svc.store, svc.embedder, settings, judge=judges.load(baseline_judge), reader=None)
            askers.append(lambda q, h, base=base: {"previous judge, no reader": _timed(base.answer, q, h)})
        if peers:
            from tools.peers import all_peers

            texts = {a.name: a.read_text(encoding="utf-8") for a in articles}
            # A peer answers the question alone (it has no conversation).
            askers += [lambda q, h, f=f: {name: (Answer(text=pa.text, question=q, route=Route.PEER), pa.latency_ms)
                                          for name, pa in f(q).items()}
                       for f in all_peers(svc.corpus.snapshot(), svc.store, svc.embedder, texts)]
        outcomes: list[Outcome] = []
        peer_outcomes: dict[str, list[Outcome]] = {}
        for case in tqdm(cases, desc="questions", disable=not progress, file=sys.stderr):
            history: list[dict] = []
            for question, gold, evidence, answerable in case.turns:
                t = time.perf_counter()
                a = svc.answer(question, history)
                ms = (time.perf_counter() - t) * 1000
                outcomes.append(Outcome(case.category, question, answerable, gold, evidence, a, ms))
                for ask in askers:  # the same conversation so far (the previous judge follows it too)
                    for name, (pa, pms) in ask(question, history).items():
                        peer_outcomes.setdefault(name, []).append(Outcome(
                            case.category, question, answerable, gold, evidence, pa, pms))
                history += [{"role": "user", "content": question}, {"role": "assistant", "content": a.text}]
        summary = summarize(outcomes)
        summary["cost"] = cost(svc, outcomes, started_s, first_ms)
        if peers or baseline_judge is not None:
            summary["peers"] = {"this project": _row(summary["all"])} | {
                name: _row(summarize(outs)["all"]) for name, outs in peer_outcomes.items()}
        return outcomes, summary


def _timed(ask, question: str, history: list[dict]) -> tuple[Answer, float]:
    t = time.perf_counter()
    a = ask(question, history)
    return a, (time.perf_counter() - t) * 1000


def cost(svc, outcomes: list[Outcome], started_s: float, first_ms: float) -> dict:
    """Warm p50 against one bare query embedding in this process, the cold start, and the peak memory."""
    import resource

    questions = [o.question for o in outcomes][:200]
    svc.embedder.embed_query("warm up")
    embed_ms = []
    for q in questions:
        t = time.perf_counter()
        svc.embedder.embed_query(q)
        embed_ms.append((time.perf_counter() - t) * 1000)
    from tools.metrics import percentile

    p50 = percentile([o.latency_ms for o in outcomes], 50)
    bare = percentile(embed_ms, 50)
    return {"p50_ms": round(p50, 1), "bare_query_embedding_p50_ms": round(bare, 2),
            "p50_over_bare_embedding": round(p50 / bare, 2) if bare else None,
            "service_start_s": round(started_s, 2), "first_answer_ms": round(first_ms, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _row(m: dict) -> dict:
    keys = ("answer_hit_rate", "false_abstention_rate", "abstention_recall", "mean_answer_words", "latency_p50_ms",
            "phrase_shown", "phrase_precision", "sure_share", "right_when_sure")
    return {k: m.get(k) for k in keys}


def peers_table(rows: dict) -> str:
    heads = ["answerer", "hit", "false refusal", "refuses unanswerable", "bold phrase shown", "bold phrase right",
             "sure", "right when sure", "mean words", "p50 ms"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for name, m in rows.items():
        pct = [("-" if m.get(k) is None else f"{m[k]:.0%}") for k in (
            "answer_hit_rate", "false_abstention_rate", "abstention_recall", "phrase_shown", "phrase_precision",
            "sure_share", "right_when_sure")]
        lines.append(f"| {name} | " + " | ".join(pct + [str(m["mean_answer_words"]), str(m["latency_p50_ms"])]) + " |")
    return "\n".join(lines)


def table(summary: dict) -> str:
    cols = ["questions", "answer_hit_rate", "citation_accuracy", "abstention_recall", "false_abstention_rate",
            "mean_answer_words", "short_present", "short_exact", "short_f1", "latency_p50_ms", "latency_p95_ms"]
    heads = ["category", "n", "hit", "cited", "abstain recall", "false abstain", "words", "phrase given",
             "phrase EM", "phrase F1", "p50 ms", "p95 ms"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for cat, m in summary.items():
        if cat in ("peers", "cost"):
            continue
        cells = [cat] + ["-" if m[c] is None else (f"{m[c]:.0%}" if isinstance(m[c], float) and c.endswith(
            ("rate", "accuracy", "recall", "present", "exact", "f1")) else str(m[c])) for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(outcomes: list[Outcome]) -> str:
    out = []
    for o in outcomes:
        if o.correct and (not o.answerable or o.cited):
            continue
        why = ("answered, should abstain" if not o.answerable else "abstained, should answer" if o.answer.abstained
               else "miss" if not o.hit else "citation misses the evidence")
        quote = o.answer.citations[0].quote if o.answer.citations else "-"
        out.append(f"- [{o.category}] {o.question}\n  why: {why}; gold: {list(o.gold) or '(abstain)'}"
                   f"{'; evidence: ' + o.evidence if o.evidence else ''}\n  searched: {o.answer.searched}\n"
                   f"  answer: {o.answer.text[:300]}\n  quote: {quote[:300]}")
    return "\n".join(out) or "no failures"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.eval", description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--report", type=Path, help="write a Markdown report here")
    parser.add_argument("--json", type=Path, help="write the JSON summary here")
    parser.add_argument("--failures", action="store_true", help="list every miss")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--peers", action="store_true", help="also run the simple peers on the same questions")
    parser.add_argument("--baseline-judge", type=Path, help="also answer with this judge file and no reader (a row)")
    args = parser.parse_args(argv)
    if not args.dataset.exists():
        print(f"error: not found: {args.dataset}", file=sys.stderr)
        return 2
    if "cases" in json.loads(args.dataset.read_text(encoding="utf-8")):
        return skills_main(args)
    outcomes, summary = run(args.dataset, progress=not args.quiet, peers=args.peers, baseline_judge=args.baseline_judge)
    text = table(summary)
    if "peers" in summary:
        text += "\n\nThe same questions, the same run:\n\n" + peers_table(summary["peers"])
    print(text)
    print(json.dumps(summary, indent=1))
    if args.failures:
        print("\nFailures:\n" + failures(outcomes))
    if args.report:
        args.report.write_text(f"# Evaluation: {args.dataset.name}\n\n{text}\n\n## Failures\n\n{failures(outcomes)}\n")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1))
    return 0


def skills_main(args) -> int:
    """A dataset of question kinds (tools/skills_eval.py): by kind, beside the product without its skills."""
    from tqdm import tqdm

    from tools import skills_eval

    articles, cases = skills_eval.load(args.dataset)
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as tmp:
        settings = replace(get_settings(), chroma_path=Path(tmp) / "chroma", chroma_host=None,
                           seed_dir=Path(tmp) / "none")
        svc = QAService.default(settings)
        report = svc.ingest([str(a) for a in articles])
        if report.failed:
            raise SystemExit(f"error: could not ingest {report.failed[0].error}")
        svc.answer("warm up")
        plain = QAService.of(svc.store, svc.embedder, settings)
        plain.chain.skills = None  # the single-sentence path alone, on the same store
        progress = tqdm(total=2 * sum(len(c.turns) for c in cases), disable=args.quiet, file=sys.stderr)

        def asking(service):
            def ask(q, history, sources=None):
                progress.update()
                return service.answer(q, history, sources=sources)
            return ask

        graded = skills_eval.run(svc, cases, asking(svc))
        before = skills_eval.run(plain, cases, asking(plain))
        progress.close()
    from tools.metrics import percentile

    rows = {"this project": skills_eval.by_kind(graded), "without the skills": skills_eval.by_kind(before)}
    text = skills_eval.table(rows)
    text += (f"\n\nwarm p50 per turn: {percentile([g.latency_ms for g in graded], 50):.1f} ms "
             f"(without the skills {percentile([g.latency_ms for g in before], 50):.1f} ms)")
    print(text)
    if args.failures:
        print("\nFailures:\n" + skills_eval.failures(graded))
    if args.report:
        args.report.write_text(f"# Evaluation: {args.dataset.name}\n\n{text}\n\n## Failures\n\n"
                               f"{skills_eval.failures(graded)}\n")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
