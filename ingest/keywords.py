"""The keyword (BM25) index: SQLite FTS5 in one file beside the store, shared by every process that uses it.

Why SQLite FTS5: it ships with Python, ranks by BM25 itself, updates by article (no rebuild on a change),
and lets any number of processes read while one writes (WAL). Chroma's own sparse-vector BM25 index is
refused by the pinned chromadb outside Chroma Cloud ("Sparse vector indexing is not enabled in local"),
and its `where_document` full-text filter does not rank.

The index is derived from the Chroma store and never the other way round: `sync` compares the store's
registry (article -> content hash) with the articles indexed and indexes or drops only the difference.
The ingesting process syncs after it publishes; any other process syncs when it sees a new store
generation at its next question, so the change is searchable there even if the ingesting process died.
The index holds the passages' terms (lang.words.terms), not their text: passages are read from Chroma.
"""
from __future__ import annotations

import json
import math
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from core.errors import StoreRefused
from core.settings import Settings
from core.types import ArticleInfo
from lang.normalize import clean

from lang.words import name_pairs, terms, terms_many

FORMAT = "3"
"""Bump when `keyword_terms` changes what it makes of a text: an index of another format is rebuilt."""
_BATCH = 200
"""Articles read from Chroma and indexed per step of a sync."""

_TABLES = (
    'CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS articles(source TEXT PRIMARY KEY, content_hash TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS rows(id INTEGER PRIMARY KEY, pid TEXT NOT NULL, source TEXT NOT NULL)',
    'CREATE INDEX IF NOT EXISTS rows_source ON rows(source)',
)
# Terms are already lower-case stems: the `ascii` tokenizer keeps every non-ASCII character (and, with
# tokenchars, the apostrophe and the underscore of name pairs) inside a token, so a stored term is
# matched exactly as lang.words made it.
_SEARCH_TABLES = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS passages USING fts5(terms, tokenize="ascii tokenchars '''_'")""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS vocabulary USING fts5vocab(passages, row)""",
)


@dataclass(frozen=True)
class SyncReport:
    added: int
    """Articles indexed (new ones and new versions)."""
    dropped: int
    """Articles whose rows were removed (removed articles and old versions)."""


class KeywordIndex:
    """BM25 over passage terms in an SQLite file. Safe to share between threads and processes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._ready = False

    @classmethod
    def of(cls, settings: Settings) -> "KeywordIndex":
        """The index of the store these settings name (`Settings.keyword_index_path`)."""
        return cls(settings.keyword_index_path)

    # --- connections --------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                db = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=True)
                db.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
                db.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.DatabaseError as exc:
                raise StoreRefused(f"cannot open the keyword index {self.path}: {exc} (delete the file: it is "
                                   f"rebuilt from the store; or set QA_KEYWORD_INDEX to another file)") from exc
            self._local.db = db
        if not self._ready:
            self._create(db)
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        with self._write_lock:
            db.executescript("BEGIN IMMEDIATE;" + "".join(f"{sql};" for sql in _TABLES + _SEARCH_TABLES) + "COMMIT;")
        self._ready = True

    @contextmanager
    def _writing(self, db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """One write transaction at a time across processes (BEGIN IMMEDIATE takes SQLite's write lock)."""
        with self._write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # --- writes -------------------------------------------------------------------------------
    def sync(self, store, articles: dict[str, ArticleInfo] | None = None, generation: str | None = None) -> SyncReport:
        """Index what the store shows and the index lacks; drop what the store no longer shows.

        `articles` (default: read now) must have been read after `generation` (default: read now) was."""
        generation = store.generation() if generation is None else generation
        db = self._db()
        if self._meta(db, "generation") == generation and self._meta(db, "format") == FORMAT:
            return SyncReport(0, 0)
        articles = store.articles() if articles is None else articles
        with self._writing(db):
            # Under the index's write lock, against the store as it is now: a view read before another
            # process synced a newer generation would drop what that process indexed, and stamp the
            # index with the older generation.
            current = store.generation()
            if self._meta(db, "generation") == current and self._meta(db, "format") == FORMAT:
                return SyncReport(0, 0)
            if current != generation:
                articles, generation = store.articles(), current
            if self._meta(db, "format") != FORMAT:  # other terms or another tokenizer: start over
                db.execute("DROP TABLE IF EXISTS vocabulary")
                db.execute("DROP TABLE IF EXISTS passages")
                db.execute("DELETE FROM rows")
                db.execute("DELETE FROM articles")
                for sql in _SEARCH_TABLES:
                    db.execute(sql)
            indexed = dict(db.execute("SELECT source, content_hash FROM articles"))
            stale = [s for s, h in indexed.items() if s not in articles or articles[s].content_hash != h]
            for source in stale:
                db.execute("DELETE FROM passages WHERE rowid IN (SELECT id FROM rows WHERE source = ?)", (source,))
                db.execute("DELETE FROM rows WHERE source = ?", (source,))
                db.execute("DELETE FROM articles WHERE source = ?", (source,))
            new = [s for s, info in articles.items() if indexed.get(s) != info.content_hash]
            for i in range(0, len(new), _BATCH):
                self._add(db, store, {s: articles[s] for s in new[i:i + _BATCH]})
            self._set_meta(db, format=FORMAT, generation=generation)
        return SyncReport(len(new), len(stale))

    def _add(self, db: sqlite3.Connection, store, batch: dict[str, ArticleInfo]) -> None:
        passages = [p for p in store.iter_passages({"source": {"$in": sorted(batch)}})
                    if p.content_hash == batch[p.source].content_hash]
        for p, ts in zip(passages, keyword_terms([clean(p.text) for p in passages])):
            row = db.execute("INSERT INTO rows(pid, source) VALUES (?, ?)", (p.id, p.source)).lastrowid
            db.execute("INSERT INTO passages(rowid, terms) VALUES (?, ?)", (row, " ".join(ts)))
        db.executemany("INSERT OR REPLACE INTO articles(source, content_hash) VALUES (?, ?)",
                       [(s, info.content_hash) for s, info in batch.items()])

    @staticmethod
    def _meta(db: sqlite3.Connection, key: str) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _set_meta(db: sqlite3.Connection, **values: str) -> None:
        db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", list(values.items()))

    # --- reads --------------------------------------------------------------------------------
    def search(self, query_terms: list[str], k: int, sources: set[str] | None = None) -> list[tuple[str, float]]:
        """The k best passages by BM25 (passage id, score; higher is better), among `sources` if given."""
        wanted = sorted({t for t in query_terms if t})
        if not wanted or k <= 0 or (sources is not None and not sources):
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in wanted)
        sql = ("SELECT rows.pid, bm25(passages) FROM passages JOIN rows ON rows.id = passages.rowid "
               "WHERE passages MATCH ?")
        args: list = [match]
        if sources is not None:
            sql += " AND rows.source IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(sorted(sources)))
        sql += " ORDER BY bm25(passages) LIMIT ?"
        args.append(k)
        # FTS5's bm25() is lower-is-better (negated): flip it so that higher is better, like the rest.
        return [(pid, -score) for pid, score in self._db().execute(sql, args)]

    def sources_with_all(self, keys: list[str], sources: set[str] | None = None) -> set[str]:
        """The articles (among `sources`; None: all) with every one of these terms in some passage."""
        out = None if sources is None else set(sources)
        for key in dict.fromkeys(keys):
            rows = self._db().execute("SELECT DISTINCT rows.source FROM passages JOIN rows ON rows.id = "
                                      "passages.rowid WHERE passages MATCH ?", ('"' + key.replace('"', '""') + '"',))
            have = {source for source, in rows}
            out = have if out is None else out & have
            if not out:
                break
        return out or set()

    def document_frequencies(self, query_terms: list[str]) -> dict[str, int]:
        """In how many passages each of these terms occurs (absent terms are left out)."""
        wanted = sorted(set(query_terms))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        return dict(self._db().execute(f"SELECT term, doc FROM vocabulary WHERE term IN ({marks})", wanted))

    def passage_count(self) -> int:
        return self._db().execute("SELECT count(*) FROM rows").fetchone()[0]


def keyword_terms(texts: list[str]) -> list[list[str]]:
    """What the index holds of each text: its terms, and the word pairs of its multi-word names."""
    return [ts + name_pairs(text) for text, ts in zip(texts, terms_many(texts))]


def query_terms(question: str) -> list[str]:
    """What keyword search looks for: the question's terms and the word pairs of its names."""
    return terms(question) + name_pairs(question)


def bm25_idf(passages: int, df: int) -> float:
    """The IDF of a term in `df` of `passages` passages (BM25's, kept positive as in Lucene)."""
    n = max(passages, 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
