"""Which of the pool's articles the reader may learn refusal from, and which stay held out for every figure.

The pool (`squad2_train_pool.json`, 28 SQuAD 2.0 articles, half their questions unanswerable) is the only
source of real unanswerable questions. The reader learns from 20 of its articles; the judge is fitted and
measured, out of fold by article, on the other 8, which no model has seen. The split is a seeded shuffle of
the titles, so every script draws the same one.
"""
from __future__ import annotations

import random

HELD_OUT = 8
SEED = 0


def split(titles: list[str], held_out: int = HELD_OUT, seed: int = SEED) -> tuple[set[str], set[str]]:
    """(articles to train on, articles held out)."""
    order = sorted(set(titles))
    random.Random(seed).shuffle(order)
    return set(order[held_out:]), set(order[:held_out])
