""""What does the vote refer to?" on an article that never explains the term (qa/skills/cite.first_use): the
noun phrase the article first uses it in, with its sentence, never the headline, and nothing for a term the
article does not use."""
from __future__ import annotations

import numpy as np

from core.types import ArticleInfo
from ingest.records import StoredPassage
from ingest.split import split_sentences
from qa.skills.article import ArticleDoc, Line
from qa.skills.cite import first_use
from qa.types import Level, Route

TEXT = """# Outbreak grows in Brennan County

Officials said a measles outbreak that began in February has grown to 41 cases. Members approved the deal by a vote
of 2,114 to 655. The outbreak has spread to two counties.
"""


def _doc() -> ArticleDoc:
    spans = split_sentences(TEXT, 0, len(TEXT))
    passage = StoredPassage("o.md#0", "o.md", "h", 0, 0, len(TEXT), TEXT, tuple(spans))
    lines = [Line(i, s.start, s.end, TEXT[s.start:s.end], passage) for i, s in enumerate(spans)]
    title_end = TEXT.index("\n")
    info = ArticleInfo(source="o.md", title="Outbreak grows in Brennan County", date=None, content_hash="h",
                       size_bytes=len(TEXT), passages=1, sentences=len(lines), ingested_at=0.0, title_start=2,
                       title_end=title_end, date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, np.zeros((len(lines), 4), dtype=np.float32), TEXT)


def test_the_term_is_shown_in_the_phrase_that_first_uses_it_past_the_headline():
    a = first_use(_doc(), "the outbreak")
    assert a is not None and a.level is Level.LIKELY and a.draft.route is Route.DEFINITION
    assert "“a measles outbreak”" in a.draft.text  # its own phrase, without the clause "that began ..."
    (c,) = a.draft.citations
    assert c.quote == TEXT[c.start:c.end] and c.quote.startswith("Officials said a measles outbreak")


def test_a_term_the_article_does_not_use_has_no_first_use():
    assert first_use(_doc(), "the referendum") is None
    assert first_use(_doc(), "the") is None
