"""qa/conversation/meta.py: questions about the article itself (its date, its subject) are told apart from
questions about its content."""
from __future__ import annotations

from core.types import ArticleInfo, Span, passage_id
from ingest import ingest_files
from ingest.keywords import KeywordIndex
from ingest.store import ArticleStore, StoredPassage
from qa.conversation import meta
from qa.retrieval.corpus import Corpus, Snapshot


def test_questions_about_the_article_itself_are_recognized():
    assert meta.kind("What is the date of the article?") == "date"
    assert meta.kind("When was this article published?") == "date"
    assert meta.kind("What is this article about?") == "about"
    assert meta.kind("Which research company published the report on Wagner?") is None
    assert meta.kind("What date did the bridge open?") is None


# --- one store query per turn (issue 26 item 3) ------------------------------------------------------------------

class FirstPassages(ArticleStore):
    """A store holding the first passage of each article, counting the queries made of it (no Chroma)."""

    def __init__(self, articles: dict[str, ArticleInfo]):
        self.queries: list[str] = []
        self.first = {}
        for info in articles.values():
            text = f"{info.title} was written. It says more."
            end = len(info.title) + 13  # the first sentence: "Article 1 was written."
            pid = passage_id(info.source, info.content_hash, 0)
            self.first[pid] = StoredPassage(id=pid, source=info.source, content_hash=info.content_hash, index=0,
                                            start=0, end=len(text), text=text,
                                            sentences=(Span(0, end), Span(end + 1, len(text))))

    def first_passage(self, source: str, content_hash: str) -> StoredPassage | None:
        self.queries.append("first_passage")
        return self.first.get(passage_id(source, content_hash, 0))

    def passages_by_id(self, ids: list[str]) -> dict[str, StoredPassage]:
        self.queries.append("passages_by_id")
        return {pid: self.first[pid] for pid in ids if pid in self.first}


def article(n: int) -> ArticleInfo:
    date = f"2024-03-{n:02d}"
    return ArticleInfo(source=f"a{n}.txt", title=f"Article {n}", date=date, content_hash=f"{n:064x}", size_bytes=1,
                       passages=2, sentences=2, ingested_at=0.0, title_start=0, title_end=9, date_start=20,
                       date_end=30)


def snapshot(tmp_path, count: int) -> tuple[Snapshot, FirstPassages]:
    articles = {a.source: a for a in map(article, range(1, count + 1))}
    store = FirstPassages(articles)
    snap = Snapshot(generation="g", articles=articles, index=KeywordIndex(tmp_path / "k.sqlite3"), store=store)
    return snap, store


def test_a_date_question_reads_no_passage(tmp_path):
    snap, store = snapshot(tmp_path, 4)
    text, cites = meta.answer("What is the date of the article?", list(snap.articles.values()), snap)
    assert store.queries == []
    assert "“Article 1” is dated 2024-03-01 [1]." in text
    assert [c.quote for c in cites] == [f"2024-03-0{n}" for n in range(1, 5)]


def test_a_question_about_the_articles_reads_their_first_passages_in_one_query(tmp_path):
    snap, store = snapshot(tmp_path, 7)
    text, cites = meta.answer("What is this article about?", list(snap.articles.values()), snap)
    assert store.queries == ["passages_by_id"]
    assert [c.quote for c in cites] == [f"Article {n} was written." for n in range(1, 6)]
    assert "(and 2 more articles" in text


def test_the_first_passages_are_found_in_a_real_store(tmp_path, store, write_article, fake_embedder, settings):
    ingest_files([write_article("harbour.txt", "date 2024-03-14\nHarbour news\n\nA new crane arrived on Monday. "
                                               "It lifts forty tonnes."),
                  write_article("fair.txt", "Zelvik fair\n\nThe book fair drew nine thousand visitors.")],
                 store, fake_embedder, settings)
    snap = Corpus(store, KeywordIndex(tmp_path / "k.sqlite3")).snapshot()
    text, cites = meta.answer("What is this article about?", sorted(snap.articles.values(), key=lambda a: a.source),
                              snap)
    assert [(c.source, c.quote) for c in cites] == [("fair.txt", "Zelvik fair"), ("harbour.txt", "Harbour news")]
