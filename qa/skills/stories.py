"""Which article a question means when it names the story in words the article never uses ("the takeover
story" for one that says "agreed to buy"): the one whose opening is clearly closest in meaning."""
from __future__ import annotations

from typing import Callable

import numpy as np

from core.types import ArticleInfo

from .article import ArticleDoc

LEAD_LINES = 5
"""An article's opening: the mean of its first sentences' vectors."""
STORY_SIMILARITY, STORY_MARGIN = 0.2, 0.1
"""The subject's cosine to the opening must reach 0.2 (words unrelated to a story score about 0.1 with MiniLM)
and be 0.1 ahead of the next article's; or, since one word alone scores low even for its own story (one word for a
story's field: about 0.17), reach 0.1 and be 0.15 ahead of the next (an only article: ahead of nothing, 0)."""
WEAK_SIMILARITY, WIDE_MARGIN = 0.1, 0.15


def by_meaning(subject: str, docs: list[ArticleDoc],
               embed: Callable[[list[str]], np.ndarray] | None) -> list[ArticleInfo]:
    """[the article the subject means] when one is clearly closest, else []; without an embedder, the only
    article there is."""
    docs = [d for d in docs if d.lines]
    if embed is None or not docs:
        return [docs[0].info] if embed is None and len(docs) == 1 else []
    q = embed([subject])[0]
    openings = [d.vectors[:LEAD_LINES].mean(axis=0) for d in docs]
    sims = sorted(((float(q @ v) / (float(np.linalg.norm(v)) or 1.0), d.info) for v, d in zip(openings, docs)),
                  key=lambda x: -x[0])
    lead = sims[0][0] - (sims[1][0] if len(sims) > 1 else 0.0)
    clear = (sims[0][0] >= STORY_SIMILARITY and (len(sims) == 1 or lead >= STORY_MARGIN)
             or sims[0][0] >= WEAK_SIMILARITY and lead >= WIDE_MARGIN)
    return [sims[0][1]] if clear else []
