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
import logging
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from core.errors import AskError, StoreRefused, StoreUnavailable
from core.settings import Settings
from core.types import ArticleInfo
from lang.normalize import clean

from .keyword_terms import bm25_idf, keyword_terms, query_terms

__all__ = ["KeywordIndex", "SyncReport", "bm25_idf", "keyword_terms", "query_terms"]

log = logging.getLogger(__name__)

FORMAT = "4"
"""Bump when `keyword_terms` changes what it makes of a text: an index of another format is rebuilt."""
_BATCH = 200
"""Articles read from Chroma and indexed per step (and transaction) of a sync."""
_GLANCE_S = 0.2
"""How long a question's sync waits for another process's sync to let go of the index."""
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)

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
    busy: bool = False
    """Another process was syncing: this sync stopped without waiting for it (`sync(wait=False)`)."""


@contextmanager
def _sqlite_errors(path: Path) -> Iterator[None]:
    """SQLite's operational errors (a lock held too long, a full disk) as StoreUnavailable, said plainly."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode in _BUSY:
            raise StoreUnavailable(f"the keyword index {path} is locked by another process (an ingest bringing it "
                                   f"up to date): try again when it has finished") from exc
        raise StoreUnavailable(f"cannot use the keyword index {path}: {exc} (delete the file: it is rebuilt "
                               f"from the store; or set QA_KEYWORD_INDEX to another file)") from exc


class KeywordIndex:
    """BM25 over passage terms in an SQLite file. Safe to share between threads and processes.

    `wait_s`: how long a sync that must index (`sync(wait=True)`) waits for another process's sync."""

    def __init__(self, path: Path, wait_s: float = 60.0):
        self.path = Path(path)
        self.wait_s = wait_s
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._ready = False
        self._catch_up: threading.Thread | None = None
        """The sync started after one that found the index busy (see `sync`)."""

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
                db = sqlite3.connect(self.path, timeout=self.wait_s, isolation_level=None, check_same_thread=True)
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
        have = {name for name, in db.execute("SELECT name FROM sqlite_master")}
        if not {"meta", "articles", "rows", "passages", "vocabulary"} <= have:  # else no write lock to wait for
            with _sqlite_errors(self.path), self._write_lock:
                db.executescript("BEGIN IMMEDIATE;" + "".join(f"{sql};" for sql in _TABLES + _SEARCH_TABLES)
                                 + "COMMIT;")
        self._ready = True

    @contextmanager
    def _writing(self, db: sqlite3.Connection, wait: bool = True) -> Iterator[sqlite3.Connection | None]:
        """One write transaction at a time across processes (BEGIN IMMEDIATE takes SQLite's write lock).
        Gives None instead when `wait` is False and another process holds the lock."""
        with self._write_lock:
            if not self._begin(db, wait):
                yield None
                return
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _begin(self, db: sqlite3.Connection, wait: bool) -> bool:
        """BEGIN IMMEDIATE; False when `wait` is False and another process holds the write lock."""
        db.execute(f"PRAGMA busy_timeout = {int((self.wait_s if wait else _GLANCE_S) * 1000)}")
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if wait or exc.sqlite_errorcode not in _BUSY:
                raise
            return False
        return True

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    # --- writes -------------------------------------------------------------------------------
    def sync(self, store, articles: dict[str, ArticleInfo] | None = None, generation: str | None = None,
             wait: bool = False) -> SyncReport:
        """Index what the store shows and the index lacks; drop what the store no longer shows.

        `articles` (default: read now) must have been read after `generation` (default: read now) was.
        Commits every batch of articles, so that another process's sync never waits long. With `wait` False
        (a question), a sync that finds another process syncing returns at once, `busy` in its report: the
        question answers from the index as it is, and this index catches up in a thread of its own."""
        with _sqlite_errors(self.path):
            report = self._sync(store, articles, generation, wait)
        if report.busy:
            self._catch_up_later(store)
        return report

    def _sync(self, store, articles, generation, wait: bool) -> SyncReport:
        generation = store.generation() if generation is None else generation
        db = self._db()
        if self._meta(db, "generation") == generation and self._meta(db, "format") == FORMAT:
            return SyncReport(0, 0)
        articles = store.articles() if articles is None else articles
        added, dropped = 0, 0
        while True:
            with self._writing(db, wait) as tx:
                if tx is None:
                    return SyncReport(added, dropped, busy=True)
                # Under the index's write lock, against the store as it is now: a view read before another
                # process synced a newer generation would drop what that process indexed, and stamp the
                # index with the older generation.
                current = store.generation()
                if self._meta(db, "generation") == current and self._meta(db, "format") == FORMAT:
                    return SyncReport(added, dropped)
                if current != generation:
                    articles, generation = store.articles(), current
                if self._meta(db, "format") != FORMAT:  # other terms or another tokenizer: start over
                    self._start_over(db)
                indexed = dict(db.execute("SELECT source, content_hash FROM articles"))
                stale = [s for s, h in indexed.items() if s not in articles or articles[s].content_hash != h]
                gone = [(source,) for source in stale]
                db.executemany("DELETE FROM passages WHERE rowid IN (SELECT id FROM rows WHERE source = ?)", gone)
                db.executemany("DELETE FROM rows WHERE source = ?", gone)
                db.executemany("DELETE FROM articles WHERE source = ?", gone)
                dropped += len(stale)
                new = [s for s, info in articles.items() if indexed.get(s) != info.content_hash]
                if not new:
                    self._set_meta(db, format=FORMAT, generation=generation)
                    return SyncReport(added, dropped)
                # One batch a transaction: the next one starts from what the index holds then.
                self._add(db, store, {s: articles[s] for s in new[:_BATCH]})
                added += len(new[:_BATCH])

    def _start_over(self, db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE IF EXISTS vocabulary")
        db.execute("DROP TABLE IF EXISTS passages")
        db.execute("DELETE FROM rows")
        db.execute("DELETE FROM articles")
        for sql in _SEARCH_TABLES:
            db.execute(sql)
        # Of this format from now on, and synced to no generation until the last batch is in.
        db.execute("DELETE FROM meta WHERE key = 'generation'")
        self._set_meta(db, format=FORMAT)

    def _catch_up_later(self, store) -> None:
        """Sync in a thread once the other process's sync is done: it may have indexed an older generation,
        and this process's snapshot would not ask again before the store changes."""
        with self._write_lock:
            if self._catch_up is not None and self._catch_up.is_alive():
                return

            def run() -> None:
                try:
                    self.sync(store, wait=True)
                except AskError as exc:
                    log.warning("the keyword index did not catch up with the store: %s", exc)
                finally:
                    self.close()  # the thread's own connection

            self._catch_up = threading.Thread(target=run, name="keyword-catch-up", daemon=True)
            self._catch_up.start()

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

    def vocabulary(self) -> list[str]:
        """Every term of the index: the stems of the passages' words and their name word pairs ("ilse_brandt"),
        the most used first (in the most passages; then alphabetical)."""
        return [term for term, in self._db().execute("SELECT term FROM vocabulary ORDER BY doc DESC, term")]

    def passage_count(self) -> int:
        return self._db().execute("SELECT count(*) FROM rows").fetchone()[0]
