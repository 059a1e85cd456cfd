"""The judge's training rows: SQuAD-format questions run through the product's own steps (ingest into a
temporary store, prepare, retrieve, candidate sentences, qa.judgment.features), so the models are fitted on
exactly what they see when answering."""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.settings import get_settings
from core.types import article_file_name
from lang.normalize import clean
from lang.words import names
from qa.judgment.features import QUESTION_FEATURES, Candidate, SentenceSignals, sentence_signals
from qa.judgment.judge import Judge, Linear
from qa.question import Question
from qa.retrieval.filters import Filters

SEED = 0
FOREIGN_SHARE = 0.5
"""Share of the questions also asked of articles that do not contain them (see collect)."""
SWAP_SHARE = 0.3
"""Share of the answerable questions with names also asked with one name swapped (see swap_names)."""
SCOPES = ("corpus", "single")
"""The stores questions are asked of: all articles together, and each article alone."""


@dataclass(frozen=True)
class Asked:
    """A question of the data set: its article, whether it is answerable, its gold answers."""

    article: str
    """The file name of its article."""
    question: str
    answerable: bool
    spans: tuple[tuple[int, int], ...]
    """The gold answers as offsets into the article's file."""
    golds: tuple[str, ...]


@dataclass(frozen=True)
class Ask:
    """One question put to one store."""

    scope: str
    """"corpus" (all articles in one store) or "single" (one article alone)."""
    store: str
    """Which store: "corpus", or the article file name of a single store."""
    asked: Asked
    answerable: bool
    foreign: bool
    """Asked where its article is not (or with a name swapped): unanswerable there."""


@dataclass
class Row:
    """One question as the product saw it."""

    article: str
    question: str
    answerable: bool
    q: Question | None
    cands: list[Candidate]
    sig: SentenceSignals | None
    labels: np.ndarray
    """1 for candidates that contain a gold answer span of this question."""
    scope: str = "corpus"
    foreign: bool = False
    golds: tuple[str, ...] = ()


def write_articles(data: dict, folder: Path) -> tuple[list[Path], list[Asked]]:
    """SQuAD articles as text files (paragraphs joined by blank lines) and every question with its gold
    answer spans as offsets into that file. Reads SQuAD's own format (`data[].paragraphs[]`) and the
    evaluation sets' (`articles[]` with `context` and answer strings, whose every occurrence then counts)."""
    files, questions = [], []
    for art in data.get("data") or [{"title": a["title"], "paragraphs": [
            {"context": a["context"], "qas": [{**q, "answers": _occurrences(a["context"], q.get("answers", []))}
                                              for q in a["questions"]]}]} for a in data["articles"]]:
        name = article_file_name(art["title"])
        parts, offset = [], 0
        for para in art["paragraphs"]:
            context = para["context"]
            for qa in para["qas"]:
                answers = [a for a in qa.get("answers", []) if a.get("answer_start", -1) >= 0]
                spans = tuple((offset + a["answer_start"], offset + a["answer_start"] + len(a["text"])) for a in answers)
                questions.append(Asked(name, qa["question"], not qa.get("is_impossible", False), spans,
                                       tuple(dict.fromkeys(a["text"] for a in answers))))
            parts.append(context)
            offset += len(context) + 2
        path = folder / name
        path.write_text("\n\n".join(parts), encoding="utf-8")
        files.append(path)
    return files, questions


def _occurrences(context: str, answers: list[str]) -> list[dict]:
    out = []
    low = context.lower()
    for text in answers:
        start = low.find(text.lower())
        while text and start >= 0:
            out.append({"text": context[start:start + len(text)], "answer_start": start})
            start = low.find(text.lower(), start + 1)
    return out


def swap_names(questions: list[Asked], texts: dict[str, str], share: float, rng) -> list[Asked]:
    """Questions made unanswerable by swapping one of an answerable question's names for a name that other
    articles' questions use and this article never mentions ("What did the mayor of Lakeside say?" -> "What
    did the mayor of Fresno say?"): the reader's question about someone or something the articles do not
    cover, on a topic they do."""
    pool: dict[str, list[str]] = {}
    for a in questions:
        pool.setdefault(a.article, []).extend(n for n in names(a.question) if not any(ch.isdigit() for ch in n))
    out = []
    for a in questions:
        own = [n for n in names(a.question) if n in texts[a.article] and not any(ch.isdigit() for ch in n)]
        if not a.answerable or not own or rng.random() >= share:
            continue
        others = [n for b, ns in pool.items() if b != a.article for n in ns if n.lower() not in texts[a.article].lower()]
        if others:
            swapped = a.question.replace(str(rng.choice(own)), str(rng.choice(others)), 1)
            out.append(Asked(a.article, swapped, False, (), ()))
    return out


def plan(questions: list[Asked], swapped: list[Asked], articles: list[str], scopes: tuple[str, ...],
         foreign_share: float, rng) -> list[Ask]:
    """Every question in each kind of store; a share also where its article is not; the swapped ones."""
    asks = []
    for scope in scopes:
        for a in questions:
            asks.append(Ask(scope, "corpus" if scope == "corpus" else a.article, a, a.answerable, False))
            if rng.random() < foreign_share:
                other = "corpus" if scope == "corpus" else str(rng.choice([n for n in articles if n != a.article]))
                asks.append(Ask(scope, other, a, False, True))
        for a in swapped:
            asks.append(Ask(scope, "corpus" if scope == "corpus" else a.article, a, False, True))
    return asks


def bootstrap_judge() -> Judge:
    """A judge for collecting signals before any model exists: fusion ranking, never abstains."""
    n = len(QUESTION_FEATURES)
    return Judge(None, Linear(QUESTION_FEATURES, np.zeros(n), np.ones(n), np.zeros(n), 10.0), 0.0, {})


def _services(files: list[Path], scopes, settings):
    from qa.service import QAService

    services = {}
    if "corpus" in scopes:
        services["corpus"] = QAService.default(settings, judge=bootstrap_judge(), reader=None)
        _ingest(services["corpus"], files)
    if "single" in scopes:
        for i, f in enumerate(files):
            services[f.name] = QAService.default(replace(settings, collection=f"single{i}"), judge=bootstrap_judge(),
                                                 reader=None)
            _ingest(services[f.name], [f])
    return services


def _ingest(svc, files: list[Path]) -> None:
    report = svc.ingest([str(f) for f in files])
    if report.failed:
        raise SystemExit(f"error: could not ingest {report.failed[0].error}")


def ask(svc, a: Ask, vectors: dict[str, np.ndarray], keep_passages: bool = False) -> Row:
    """Put one question to one store and keep what the judge sees (candidates, signals, labels)."""
    chain = svc.chain
    snap = svc.corpus.snapshot()
    article = a.asked.article
    # A foreign question in the corpus store is asked of every article but its own.
    excluded = a.foreign and a.scope == "corpus"
    filters = Filters.of(sources=[s for s in snap.articles if s != article]) if excluded else Filters()
    seen = chain.inspect(a.asked.question, filters, query_vector=vectors.get(clean(a.asked.question)))
    golds = a.asked.golds if a.answerable else ()
    if seen is None:  # small talk or a question about the article itself
        return Row(article, a.asked.question, a.answerable, None, [], None, np.zeros(0), a.scope, a.foreign, golds)
    sig = sentence_signals(seen.question, seen.candidates, seen.snapshot.idf)
    spans = a.asked.spans if a.answerable else ()
    labels = np.array([float(c.source == article and any(c.start < e and s < c.end for s, e in spans))
                       for c in seen.candidates])
    # The passages are not needed after this (unless asked for); dropping them keeps the rows small.
    cands = seen.candidates if keep_passages else [replace(c, passage_text="") for c in seen.candidates]
    return Row(article, a.asked.question, a.answerable, seen.question, cands, sig, labels, a.scope, a.foreign, golds)


def collect(data_path: Path, progress: bool = True, foreign_share: float = FOREIGN_SHARE,
            scopes: tuple[str, ...] = SCOPES, swap_share: float = SWAP_SHARE, keep_passages: bool = False) -> list[Row]:
    """Run every question of a SQuAD-format file through the product's steps, up to the signals.

    Two kinds of store, because signals such as term rarity depend on what else is stored: one with all
    the articles ("corpus"), and one per article ("single", like a reader with one article loaded).
    SQuAD's unanswerable questions are written next to the paragraph they are about, so they name what it
    names; readers more often ask about things their articles never cover. A share of the questions is
    therefore also asked where its article is not (its own article filtered out of the corpus, or another
    article's single store), and a share of the answerable ones with one of its names swapped for a name
    this article never mentions. Those rows are unanswerable and `foreign`; cross-validation keeps them in
    the group of their question's article."""
    from tqdm import tqdm

    data = json.loads(data_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="qa-train-") as tmp:
        tmp = Path(tmp)
        (tmp / "articles").mkdir()
        files, questions = write_articles(data, tmp / "articles")
        settings = replace(get_settings(), chroma_path=tmp / "chroma", chroma_host=None, seed_dir=tmp / "none",
                           keyword_index=None)
        services = _services(files, scopes, settings)
        rng = np.random.default_rng(SEED)
        texts = {f.name: f.read_text(encoding="utf-8") for f in files}
        asks = plan(questions, swap_names(questions, texts, swap_share, rng), [f.name for f in files], scopes,
                    foreign_share, rng)
        # Questions embedded in batches up front (several times faster than one by one).
        embedder = next(iter(services.values())).embedder
        unique = list(dict.fromkeys(clean(a.asked.question) for a in asks))
        vectors = dict(zip(unique, embedder.embed_documents(unique)))
        return [ask(services[a.store], a, vectors, keep_passages)
                for a in tqdm(asks, desc="questions", disable=not progress, file=sys.stderr)]
