"""One stored article version read whole, for the answer skills: its sentences with their passages (to cite
them), its sentence vectors, and spaCy's parse of its text (names, roles, dates). Built once per article version
and kept in a small cache, so a summary or a list of people costs the parse once, not per question."""
from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from core.types import ArticleInfo
from ingest.records import StoredPassage
from ingest.store import ArticleStore
from lang.dates import dateline
from lang.tagging import parse
from qa.types import Citation

# Names and their roles need the parser and the entity recognizer; the whole pipeline is loaded once and shared
# with the yes/no check of a question's core claim (qa/compose/yesno.py).
_EXCLUDE: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One sentence of an article: `text == source_text[start:end]`."""

    number: int
    """Its position among the article's sentences."""
    start: int
    end: int
    text: str
    passage: StoredPassage = field(repr=False)

    def cite(self, index: int, info: ArticleInfo, role: str = "support", start: int | None = None,
             end: int | None = None, score: float = 1.0) -> Citation:
        """A citation of this sentence (or of start..end inside it), cut from the passage by the same offsets."""
        s, e = (self.start if start is None else start), (self.end if end is None else end)
        p = self.passage
        return Citation(index=index, source=info.source, title=info.title, date=info.date, passage_id=p.id, start=s,
                        end=e, quote=p.text[s - p.start:e - p.start], score=score, passage_start=p.start,
                        passage_end=p.end, passage_text=p.text, role=role)


@dataclass
class ArticleDoc:
    """An article version as the skills read it."""

    info: ArticleInfo
    lines: list[Line]
    vectors: np.ndarray
    """One unit vector per line (rows in line order)."""
    text: str
    """The article's text at its source offsets (blank where no passage covers it)."""
    _doc: object = field(default=None, repr=False)
    _derived: dict = field(default_factory=dict, repr=False)
    _lock: object = field(default_factory=threading.RLock, repr=False, compare=False)
    """One reader builds a derived value at a time (the read-ahead thread and an answer may both ask for it):
    every caller gets the same objects, so the people of its statements are the people of its list."""

    @property
    def published(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.info.date) if self.info.date else None
        except ValueError:
            return None

    @property
    def reference(self) -> tuple[dt.date | None, bool]:
        """The date relative dates count from, and whether its year is known: the article's date, else the
        date line at its top (lang/dates.dateline), else the day it was added (its year a guess)."""
        if self.published is not None:
            return self.published, True
        added = dt.datetime.fromtimestamp(self.info.ingested_at).date() if self.info.ingested_at else dt.date.today()
        # With neither, the day it was added: "May 2" and "the next day" still fall in order, shown without a year.
        return self.derived("dateline", lambda d: dateline(d.text.lstrip()[:400], added) or (added, False))

    @property
    def doc(self):
        """spaCy's parse of the article text (token offsets are source offsets)."""
        with self._lock:
            if self._doc is None:
                self._doc = parse(self.text, _EXCLUDE)
            return self._doc

    def derived(self, name: str, build):
        """A value computed from this article once (its people, its timeline), kept with it."""
        with self._lock:
            if name not in self._derived:
                self._derived[name] = build(self)
            return self._derived[name]

    def is_headline(self, line: Line | None) -> bool:
        """Is the line the title on a line of its own (no closing punctuation)? It names the story, it does not
        tell it: its words are telegraphic ("Court orders Ferrow to pay")."""
        info = self.info
        inside = line is not None and info is not None and line.start < info.title_end and info.title_start < line.end
        return inside and not line.text.rstrip().endswith((".", "!", "?", "”", '"', "'"))

    def line_at(self, offset: int) -> Line | None:
        """The line that contains this source offset."""
        lo, hi = 0, len(self.lines) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            line = self.lines[mid]
            if offset < line.start:
                hi = mid - 1
            elif offset >= line.end:
                lo = mid + 1
            else:
                return line
        return None


def read_article(store: ArticleStore, info: ArticleInfo) -> ArticleDoc | None:
    """The stored version `info` names, whole; None when the store no longer has it."""
    where = {"$and": [{"source": info.source}, {"content_hash": info.content_hash}]}
    passages = sorted(store.iter_passages(where), key=lambda p: p.index)
    if not passages:
        return None
    vectors = store.sentence_vectors(passages)
    lines: list[Line] = []
    rows: list[np.ndarray] = []
    for p in passages:
        vecs = vectors.get(p.id)
        for n, span in enumerate(p.sentences):
            lines.append(Line(len(lines), span.start, span.end, p.text[span.start - p.start:span.end - p.start], p))
            rows.append(vecs[n] if vecs is not None and n < len(vecs) else np.zeros(1, dtype=np.float32))
    dims = max(r.shape[0] for r in rows)
    matrix = np.stack([r if r.shape[0] == dims else np.zeros(dims, dtype=np.float32) for r in rows])
    chars = [" "] * max(p.end for p in passages)
    for p in passages:
        chars[p.start:p.end] = p.text
    return ArticleDoc(info, lines, matrix, "".join(chars))


class Library:
    """The articles the skills have read, by version (source and content hash); the least recently used are
    dropped past `size`. Safe to share between threads."""

    def __init__(self, store: ArticleStore, size: int = 64):
        self.store = store
        self.size = size
        self._docs: OrderedDict[tuple[str, str], ArticleDoc] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, info: ArticleInfo) -> ArticleDoc | None:
        key = (info.source, info.content_hash)
        with self._lock:
            if key in self._docs:
                self._docs.move_to_end(key)
                return self._docs[key]
        doc = read_article(self.store, info)
        if doc is None:
            return None
        with self._lock:
            self._docs[key] = doc
            while len(self._docs) > self.size:
                self._docs.popitem(last=False)
        return doc

    def cited(self, info: ArticleInfo | None, start: int) -> tuple[ArticleDoc, Line] | None:
        """The article and the line that a citation starting at `start` quotes; None when the article (`info`:
        its entry in the snapshot) is no longer loaded."""
        doc = self.get(info) if info is not None else None
        line = doc.line_at(start) if doc is not None else None
        return (doc, line) if line is not None else None
