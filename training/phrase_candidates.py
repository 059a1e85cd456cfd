"""The answer phrase each source proposes in the best sentence of each answered question, and whether it is
right (token F1 >= 0.5 with a gold answer): the reader's span head and the phrase model, side by side."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lang.rules import wants_phrase

from .phrase_model import model as phrase
from tools.metrics import best_f1, exact

from .judge_data import Row

Proposal = tuple[str, float, float]
"""(phrase text, its probability, the probability of no phrase)."""


@dataclass
class PhraseCandidates:
    asked: np.ndarray
    """Rows that count: answered (not refused), and the question asks for a phrase (not why/how/yes-no)."""
    answerable: np.ndarray
    proposals: dict[str, list[Proposal | None]]
    golds: list[tuple[str, ...]]

    def sources(self) -> list[str]:
        return list(self.proposals)

    def of(self, source: str) -> list[Proposal | None]:
        return self.proposals[source]

    def right(self, source: str) -> np.ndarray:
        return np.array([p is not None and best_f1(p[0], g) >= 0.5 for p, g in zip(self.of(source), self.golds)])

    def report(self, stage) -> dict:
        """Held out: how often a phrase is shown and how often it is right, at the chosen threshold."""
        shown = self.asked & ~np.isnan(stage.p) & (np.nan_to_num(stage.p, nan=-1.0) >= stage.threshold)
        texts = self.of(stage.source)
        f1 = np.array([best_f1(t[0], g) if t else 0.0 for t, g in zip(texts, self.golds)])
        em = np.array([t is not None and any(exact(t[0], x) for x in g) for t, g in zip(texts, self.golds)])
        asked_ans = self.asked & self.answerable
        return {"threshold": round(stage.threshold, 4), "asked": int(self.asked.sum()),
                "shown_share": round(float(shown[asked_ans].mean()), 4),
                "shown_share_all_answered": round(float(shown[self.asked].mean()), 4),
                "precision_when_shown": round(float(stage.right[shown].mean()), 4) if shown.any() else None,
                "precision_when_shown_answerable": (round(float(stage.right[shown & self.answerable].mean()), 4)
                                                    if (shown & self.answerable).any() else None),
                "em_when_shown": round(float(em[shown].mean()), 4) if shown.any() else None,
                "f1_when_shown": round(float(f1[shown].mean()), 4) if shown.any() else None,
                "f1_if_always_shown": round(float(f1[asked_ans].mean()), 4),
                "by_threshold": self.curve(stage)}

    def curve(self, stage) -> dict:
        """Share shown and precision at other thresholds: over every answered factoid question (a phrase on
        an unanswerable one is wrong), and over the answerable ones alone."""
        out = {}
        asked_ans = self.asked & self.answerable
        for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            shown = self.asked & (np.nan_to_num(stage.p, nan=-1.0) >= t)
            out[str(t)] = {"shown_share": round(float(shown[asked_ans].mean()), 4),
                           "precision": round(float(stage.right[shown].mean()), 4) if shown.any() else None,
                           "precision_answerable": (round(float(stage.right[shown & self.answerable].mean()), 4)
                                                    if (shown & self.answerable).any() else None)}
        return out


def phrase_candidates(rows: list[Row], order: list[np.ndarray], read, answered: np.ndarray) -> PhraseCandidates:
    """Both sources' proposals in each row's best sentence (the reader's only for rows it read)."""
    asked = answered & np.array([wants_phrase(r.q.text) for r in rows])
    best = [rows[i].cands[int(order[i][0])] for i in range(len(rows))]
    phrase.parse_many(list(dict.fromkeys(b.text for b, a in zip(best, asked) if a)))
    model: list[Proposal | None] = []
    for r, b, a in zip(rows, best, asked):
        span = phrase.find_short(r.q.text, b.text, threshold=0.0) if a else None
        model.append((span.text, span.score, 0.0) if span else None)
    proposals = {"model": model}
    if read is not None:
        reader: list[Proposal | None] = []
        for i, (r, a) in enumerate(zip(rows, asked)):
            top = [int(t) for t in read.top[i]]
            at = int(order[i][0])
            if not a or at not in top:
                reader.append(None)
                continue
            rd = read.readings[i][top.index(at)]
            text = r.cands[at].text[rd.phrase_start:rd.phrase_end]
            reader.append((text, rd.phrase_p, rd.no_phrase_p) if text else None)
        proposals["reader"] = reader
    return PhraseCandidates(asked, np.array([r.answerable for r in rows]), proposals, [r.golds for r in rows])
