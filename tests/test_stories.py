"""Which article a question means by the story's meaning (qa/skills/stories.py): the one whose opening is
clearly closest to the words, none when no article is, the only one without an embedder."""
from __future__ import annotations

import numpy as np

from core.types import ArticleInfo
from qa.skills.article import ArticleDoc, Line
from qa.skills.stories import by_meaning


def _doc(source: str, direction: list[float]) -> ArticleDoc:
    info = ArticleInfo(source=source, title=source, date=None, content_hash=source, size_bytes=1, passages=1,
                       sentences=2, ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1, date_end=-1)
    lines = [Line(i, i, i + 1, "x", None) for i in range(2)]
    v = np.array(direction, dtype=np.float32)
    return ArticleDoc(info, lines, np.stack([v, v]), "xx")


class Words:
    """An embedder of a few words: each word a fixed unit vector."""

    table = {"takeover": [1.0, 0.0, 0.0], "drought": [0.0, 1.0, 0.0], "election": [0.0, 0.0, 1.0],
             "deal": [0.9, 0.1, 0.0], "football": [0.17, 0.0, 0.985], "rain": [0.0, 0.12, 0.993]}

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.array([self.table[t] for t in texts], dtype=np.float32)


def test_the_story_is_the_article_clearly_closest_in_meaning():
    deal, water = _doc("deal.txt", [0.8, 0.2, 0.0]), _doc("water.txt", [0.1, 0.9, 0.0])
    assert [i.source for i in by_meaning("takeover", [deal, water], Words())] == ["deal.txt"]
    assert [i.source for i in by_meaning("drought", [deal, water], Words())] == ["water.txt"]
    assert by_meaning("election", [deal, water], Words()) == []  # about neither


def test_two_articles_about_the_same_are_not_told_apart_and_without_an_embedder_one_article_is_it():
    deal, other = _doc("deal.txt", [0.8, 0.2, 0.0]), _doc("other-deal.txt", [0.75, 0.25, 0.0])
    assert by_meaning("deal", [deal, other], Words()) == []
    assert [i.source for i in by_meaning("anything", [deal], None)] == ["deal.txt"]
    assert by_meaning("anything", [deal, other], None) == []


def test_a_weak_match_counts_only_well_ahead_of_every_other_article():
    club, court = _doc("club.txt", [1.0, 0.0, 0.0]), _doc("court.txt", [0.0, 1.0, 0.0])
    # One word alone scores low even for its own story: 0.17, but 0.17 ahead of the other article.
    assert [i.source for i in by_meaning("football", [club, court], Words())] == ["club.txt"]
    assert [i.source for i in by_meaning("football", [club], Words())] == ["club.txt"]
    # 0.12 against 0.0: weak and not far enough ahead.
    assert by_meaning("rain", [club, court], Words()) == [] and by_meaning("rain", [court], Words()) == []
