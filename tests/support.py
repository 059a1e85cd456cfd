"""What the tests share besides fixtures (test modules import it by name; `conftest` is not importable by name
once a sub-folder has a conftest.py of its own): the shipped article, a deterministic fake embedder, a free port,
and launching a page on one."""
from __future__ import annotations

import hashlib
import re
import socket

import numpy as np
from langchain_core.embeddings import Embeddings

from core.settings import PROJECT_DIR

SHIPPED_ARTICLE = PROJECT_DIR / "data" / "articles" / "russia-libya-2023-11-06.txt"
"""The article shipped with the project (read only)."""
LOOPBACK = "127.0.0.1"


class FakeEmbedder(Embeddings):
    """Deterministic stand-in for ingest.embed.SentenceEmbedder: a hashed bag of words as a unit vector.

    Texts that share words get a positive cosine similarity, so retrieval tests can reason about
    which passage is nearest. `calls` records the texts of every `encode` call.
    """

    def __init__(self, dimension: int = 384):
        self.dimension = dimension
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        texts = list(texts)
        self.calls.append(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dimension] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
            else:
                out[row, 0] = 1.0  # a text without words still needs a unit vector (cosine of zero is undefined)
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def launch_on_a_free_port(demo, tries: int = 5, **options) -> str:
    """demo.launch(**options) in the background on a free loopback port; returns the page's URL. The port
    free_port() found may be taken by another process before Gradio binds it: then another one, a few times."""
    for attempt in range(tries):
        try:
            demo.launch(server_port=free_port(), prevent_thread_lock=True, quiet=True, **options)
        except OSError as exc:  # Gradio: "Cannot find empty port in range: N-N ..."
            if attempt == tries - 1 or "port" not in str(exc):
                raise
            continue
        return demo.local_url.rstrip("/")
    raise AssertionError("unreachable")


def article_doc(text: str, source: str = "a.md", vectors: np.ndarray | None = None):
    """An ArticleDoc as the skills read one, built straight from `text` (a "# headline" first line, then one
    passage): its sentences by the ingest splitter, its vectors `vectors` (zeros when none are given)."""
    from core.types import ArticleInfo
    from ingest.records import StoredPassage
    from ingest.split import split_sentences
    from qa.skills.article import ArticleDoc, Line

    spans = split_sentences(text, 0, len(text))
    passage = StoredPassage(f"{source}#0", source, "h", 0, 0, len(text), text, tuple(spans))
    lines = [Line(i, s.start, s.end, text[s.start:s.end], passage) for i, s in enumerate(spans)]
    title_end = text.index("\n")
    info = ArticleInfo(source=source, title=text[2:title_end], date=None, content_hash="h", size_bytes=len(text),
                       passages=1, sentences=len(lines), ingested_at=0.0, title_start=2, title_end=title_end,
                       date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, vectors if vectors is not None else np.zeros((len(lines), 4), dtype=np.float32),
                      text)


def service_on(folder, embedder, name: str, text: str):
    """A QAService over one article written to `folder/name` (an embedded Chroma and keyword index there, no seed
    articles): (the service, {its source: its text}) for checking citations against the source."""
    import dataclasses

    from core.settings import Settings
    from ingest import ArticleStore
    from qa import QAService

    settings = dataclasses.replace(Settings(), chroma_path=folder / "chroma", chroma_host=None,
                                   seed_dir=folder / "none", keyword_index=folder / "keywords.sqlite3")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    svc = QAService.of(ArticleStore.open(settings, embedder), embedder, settings)
    assert not svc.ingest([str(path)]).failed
    return svc, {next(iter(svc.articles())): path.read_text(encoding="utf-8")}


def scored_sentence(text: str, index: int, passage_id: str = "a#1#0", start: int | None = None, fits: bool = True):
    """A judged sentence (qa.judgment.evidence.Scored) for the tests of what is done with one: sentence `index` of
    its passage, starting at `start` (100 × index by default) of source "a.txt"."""
    from qa.judgment.evidence import Scored
    from qa.judgment.features import Candidate

    at = 100 * index if start is None else start
    found = Candidate(passage_rank=0, passage_id=passage_id, source="a.txt", start=at, end=at + len(text), text=text,
                      passage_start=0, passage_end=1000, passage_text=text, index=index, cosine=0.5,
                      passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(found, coverage=0.5, context_coverage=0.5, fits=fits, score=0.5, confidence=0.5, missing=())
