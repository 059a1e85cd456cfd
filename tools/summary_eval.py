"""python -m tools.summary_eval TRAIN.json [--articles N]: how well the summary skill picks an article's story.

The standard: a Wikipedia article's lead paragraph summarizes the rest of it. Each article of a SQuAD-format
file (the training pool: CC BY-SA Wikipedia text) is split into its lead (the reference) and its body; each
summarizer picks as many sentences from the body as the skill would, and ROUGE-1 and ROUGE-2 recall against the
lead are averaged over articles. Peers in the same run: the body's first sentences (lead-k, the standard
baseline for news), the most central sentences alone, and k random sentences. The skill's weights were set by
hand, not fitted to these articles.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from core.settings import configure_offline, get_settings
from lang.words import words

LIMIT_WORDS = 100
"""Summaries are cut to this many words before scoring (ROUGE recall rewards length otherwise)."""


def ngrams(text: str, n: int) -> Counter:
    ws = words(text)
    return Counter(tuple(ws[i:i + n]) for i in range(len(ws) - n + 1))


def rouge_recall(candidate: str, reference: str, n: int) -> float:
    ref = ngrams(reference, n)
    if not ref:
        return 0.0
    got = ngrams(" ".join(words(candidate)[:LIMIT_WORDS]), n)
    return sum((ref & got).values()) / sum(ref.values())


def body_doc(title: str, body: str, embedder):
    """An ArticleDoc of the body alone, as the skills read a stored article (sentences, vectors, parse)."""
    from core.types import ArticleInfo
    from ingest.records import StoredPassage
    from ingest.split import split_sentences
    from qa.skills.article import ArticleDoc, Line

    spans = split_sentences(body, 0, len(body))
    passage = StoredPassage("body", title, "", 0, 0, len(body), body, tuple(spans))
    lines = [Line(i, s.start, s.end, body[s.start:s.end], passage) for i, s in enumerate(spans)]
    vectors = np.asarray(embedder.encode([ln.text for ln in lines]), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    info = ArticleInfo(source=title, title=title, date=None, content_hash="", size_bytes=len(body), passages=1,
                       sentences=len(lines), ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, vectors, body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.summary_eval", description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--articles", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(argv)
    if "/eval/" in str(args.data.resolve()):
        print("error: evaluation data is not used here; use the training pool", file=sys.stderr)
        return 2
    from ingest.embed import get_embedder
    from qa.skills.summary import summarize, summary_size

    embedder = get_embedder(get_settings())
    data = json.loads(args.data.read_text(encoding="utf-8"))["data"]
    data = data[:args.articles] if args.articles else data
    rng = random.Random(0)
    scores: dict[str, list[tuple[float, float]]] = {}
    for art in data:
        paragraphs = [p["context"] for p in art["paragraphs"]]
        if len(paragraphs) < 3:
            continue
        lead, body = paragraphs[0], "\n\n".join(paragraphs[1:])
        doc = body_doc(art["title"], body, embedder)
        k = summary_size(len(doc.lines))
        centroid = doc.vectors.mean(axis=0)
        central = np.argsort(-(doc.vectors @ centroid))[:k]
        picks = {
            "summary skill": [ln.text for ln in summarize(doc)],
            "lead-k (first sentences)": [ln.text for ln in doc.lines[:k]],
            "most central alone": [doc.lines[i].text for i in sorted(central)],
            "random": [doc.lines[i].text for i in sorted(rng.sample(range(len(doc.lines)), k))],
        }
        for name, chosen in picks.items():
            text = " ".join(chosen)
            scores.setdefault(name, []).append((rouge_recall(text, lead, 1), rouge_recall(text, lead, 2)))
    n = len(next(iter(scores.values())))
    print(f"{n} articles; ROUGE recall against the lead paragraph, summaries cut to {LIMIT_WORDS} words\n")
    print("| summarizer | ROUGE-1 | ROUGE-2 |\n|---|---|---|")
    for name, rows in scores.items():
        r1, r2 = np.mean([r[0] for r in rows]), np.mean([r[1] for r in rows])
        print(f"| {name} | {r1:.3f} | {r2:.3f} |")
    return 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
