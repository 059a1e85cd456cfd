"""What will happen if …: the sentence whose own condition means what the question's does ("What will happen if
nobody buys the mill?" / "If no buyer is found by May, the mill will be demolished"), by MiniLM's cosine of the
two conditions, cited."""
from __future__ import annotations

from typing import Callable

import numpy as np

from lang.conditions import conditions
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer

SAME_CONDITION = 0.35
"""The cosine at which two conditions say the same (the same event in other words scores about 0.45-0.6 with
MiniLM: "the strike goes ahead" / "the union strikes" 0.6); unrelated ones score about 0.1-0.2."""


def what_if(condition: str, docs: list[ArticleDoc],
            embed: Callable[[list[str]], np.ndarray] | None) -> SkillAnswer | None:
    """The sentence of `docs` whose condition is closest to `condition`, when close enough; None otherwise (the
    single-sentence path answers, or refuses). Likely, not sure: one cosine decides."""
    found = [(doc, line, c) for doc in docs for line in doc.lines for c in conditions(line.text)
             if not doc.is_headline(line)]
    if embed is None or not found:
        return None
    vectors = embed([condition] + [c for _, _, c in found])
    sims = vectors[1:] @ vectors[0]
    k = int(np.argmax(sims))
    if float(sims[k]) < SAME_CONDITION:
        return None
    doc, line, _ = found[k]
    citer = Citer()
    n = citer.cite(doc, line)
    return SkillAnswer(Draft(f"{line.text.strip()} [{n}]", tuple(citer.citations), Route.EXTRACTIVE),
                       level=Level.LIKELY, confidence=0.5)
