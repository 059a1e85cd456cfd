"""Questions about the article itself (its date, its subject) are answered from its metadata."""
from __future__ import annotations

import re

from core.types import ArticleInfo, passage_id
from ingest.records import StoredPassage

from qa.retrieval.corpus import Snapshot
from lang.words import stem, terms
from qa.types import Citation

_ARTICLE = r"(article|story|piece|report|text|news|document|post)"
_DATE_Q = re.compile(rf"\b(date|dated|published|written|appeared)\b.*\b{_ARTICLE}\b|\b{_ARTICLE}\b.*\b(date|dated|"
                     rf"published|written|appeared)\b|^when was (it|this|that) (published|written)\b", re.I)
_ABOUT_Q = re.compile(rf"\bwhat('s| is| was)? (the|this|that) {_ARTICLE} about\b|\b(summari[sz]e|summary of|main "
                      rf"(point|topic|subject) of|title of|headline of) (the|this|that) {_ARTICLE}\b"
                      rf"|^what('s| is) (the )?(title|headline)\b", re.I)


# A question about the article itself uses only these words (besides function words):
# "Which company published the report on the bridge?" asks about the report's content instead.
_META_WORDS = {stem(w) for w in """date dated publish published written write appear appeared article story piece
report text news document post about title headline summary summarize summarise main point topic subject day
time""".split()}


def kind(question: str) -> str | None:
    if any(t not in _META_WORDS for t in terms(question)):
        return None
    if _DATE_Q.search(question):
        return "date"
    if _ABOUT_Q.search(question):
        return "about"
    return None


def answer(question: str, articles: list[ArticleInfo], snap: Snapshot) -> tuple[str, list[Citation]] | None:
    """(text, citations) for a question about the articles themselves, else None. A date question is answered
    from the registry alone; a question about their subject reads the shown articles' first passages in one
    store query."""
    k = kind(question)
    if k is None or not articles:
        return None
    shown = articles[:5]
    firsts = _first_passages(shown, snap) if k == "about" else {}
    lines, cites = [], []
    for info in shown:
        n = len(cites) + 1
        if k == "date":
            if info.date and info.date_start >= 0:
                cites.append(Citation(index=n, source=info.source, title=info.title, date=info.date,
                                      passage_id=f"{info.source}#date", start=info.date_start, end=info.date_end,
                                      quote=info.date, score=1.0, passage_start=info.date_start,
                                      passage_end=info.date_end, passage_text=info.date))
                lines.append(f"“{info.title}” is dated {info.date} [{n}].")
            elif info.date:
                lines.append(f"“{info.title}” is dated {info.date} (from the page's metadata).")
            else:
                lines.append(f"“{info.title}” carries no date.")
        else:
            lead = _lead_citation(info, firsts.get(info.source), n)
            if lead is None:
                continue
            cites.append(lead)
            lines.append(f"{lead.quote} [{n}]")
    if len(articles) > len(shown):
        lines.append(f"(and {len(articles) - len(shown)} more articles; choose articles to narrow this down)")
    return " ".join(lines) if len(lines) == 1 else "\n".join(f"- {line}" for line in lines), cites


def _first_passages(infos: list[ArticleInfo], snap: Snapshot) -> dict[str, StoredPassage]:
    """The first passage of each article's current version, by source, read in one query."""
    ids = {passage_id(info.source, info.content_hash, 0): info.source for info in infos}
    found = snap.store.passages_by_id(list(ids))
    return {ids[pid]: passage for pid, passage in found.items() if pid in ids}


def _lead_citation(info: ArticleInfo, first: StoredPassage | None, n: int) -> Citation | None:
    """The article's first sentence (its title when it has no heading), cited."""
    if first is None or not first.sentences:
        return None
    span = first.sentences[0]
    quote = first.text[span.start - first.start:span.end - first.start]
    return Citation(index=n, source=info.source, title=info.title, date=info.date, passage_id=first.id,
                    start=span.start, end=span.end, quote=quote, score=1.0, passage_start=first.start,
                    passage_end=first.end, passage_text=first.text)
