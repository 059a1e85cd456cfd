"""Metric functions of the evaluation: pure, so they can be tested on hand-made cases."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from qa.types import MARKER, Answer, Route

_MARKER = re.compile(r"\s*" + MARKER.pattern)
"""A marker with the space before it: "Tobruk [1]." reads "Tobruk."."""


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def answer_hit(answer: Answer, gold: list[str]) -> bool:
    """An accepted answer string occurs in the answer text (case-insensitive), and it is not an abstention."""
    if answer.abstained:
        return False
    text = _norm(_MARKER.sub("", answer.text))
    return any(_contains(text, _norm(g)) for g in gold)


def _contains(text: str, needle: str) -> bool:
    if not needle:
        return False
    # Whole words for short answers ("no", "one" must not match inside "not", "none").
    if len(needle) <= 4:
        return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text) is not None
    return needle in text


def citation_ok(answer: Answer, evidence: str | None, gold: list[str]) -> bool:
    """A supporting citation's quote contains the evidence phrase (or, lacking one, a gold answer)."""
    needles = [_norm(evidence)] if evidence else [_norm(g) for g in gold]
    quotes = [_norm(c.quote) for c in answer.citations if c.role == "support"]
    return any(_contains(q, n) for q in quotes for n in needles)


def words(text: str) -> int:
    return len(_MARKER.sub("", text).split())


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (linear interpolation between ranks); 0.0 for no values."""
    return float(np.percentile(values, p)) if len(values) else 0.0


@dataclass(frozen=True)
class Outcome:
    """One asked question and how it went."""

    category: str
    """'answerable', 'unanswerable' or 'conversation'."""
    question: str
    answerable: bool
    gold: tuple[str, ...]
    evidence: str | None
    answer: Answer
    latency_ms: float

    @property
    def hit(self) -> bool:
        return self.answerable and answer_hit(self.answer, list(self.gold))

    @property
    def cited(self) -> bool:
        return self.answerable and not self.answer.abstained and citation_ok(self.answer, self.evidence,
                                                                            list(self.gold))

    @property
    def correct(self) -> bool:
        return self.hit if self.answerable else self.answer.abstained


def summarize(outcomes: list[Outcome]) -> dict:
    """Per-category metrics; every rate is in 0..1, latencies in ms."""
    out: dict = {}
    for cat in sorted({o.category for o in outcomes}) + ["all"]:
        group = [o for o in outcomes if cat == "all" or o.category == cat]
        ans = [o for o in group if o.answerable]
        una = [o for o in group if not o.answerable]
        lat = [o.latency_ms for o in group]
        out[cat] = {
            "questions": len(group),
            "answerable": len(ans),
            "unanswerable": len(una),
            "answer_hit_rate": _rate(sum(o.hit for o in ans), len(ans)),
            "citation_accuracy": _rate(sum(o.cited for o in ans), len(ans)),
            "abstention_recall": _rate(sum(o.answer.abstained for o in una), len(una)),
            "false_abstention_rate": _rate(sum(o.answer.abstained for o in ans), len(ans)),
            "mean_answer_words": round(sum(words(o.answer.text) for o in ans if not o.answer.abstained)
                                       / max(1, sum(not o.answer.abstained for o in ans)), 1),
            "answered_by": dict(Counter(o.answer.route.value + (" (fallback)" if o.answer.fallback else "")
                                        for o in group)),
            "latency_p50_ms": round(percentile(lat, 50), 1),
            "latency_p95_ms": round(percentile(lat, 95), 1),
            **short_metrics([o for o in ans if o.hit]),
            **phrase_metrics(group),
            **confidence_metrics(group),
        }
    return out


def phrase_metrics(group: list[Outcome]) -> dict:
    """The bold phrase as a reader meets it: of the answered questions that ask for a phrase (not why, how or
    yes/no), how often one is shown, and how often a shown one is right (token F1 >= 0.5 with a gold answer;
    on a question the articles do not answer, a shown phrase is wrong)."""
    from lang.rules import wants_phrase

    asked = [o for o in group if not o.answer.abstained and wants_phrase(o.question)]
    shown = [o for o in asked if o.answer.short is not None and o.answer.short.text not in ("Yes", "No")]
    f1 = [best_f1(o.answer.short.text, o.gold) if o.answerable else 0.0 for o in shown]
    asked_ans = [o for o in asked if o.answerable]
    return {"phrase_asked": len(asked), "phrase_shown": _rate(sum(o.answerable for o in shown), len(asked_ans)),
            "phrase_precision": _rate(sum(f >= 0.5 for f in f1), len(shown)),
            "phrase_precision_answerable": _rate(sum(f >= 0.5 for f in f1), sum(o.answerable for o in shown)),
            "phrase_f1_when_shown": round(sum(f1) / len(f1), 3) if f1 else None}


def confidence_metrics(group: list[Outcome]) -> dict:
    """Levels, and how often the answers of each level (and each confidence bin) were right."""
    # A peer says nothing of how sure it is: only the product's own answers have levels.
    answered = [o for o in group if not o.answer.abstained and o.answer.route is not Route.PEER]
    by_level = {lv: [o for o in answered if o.answer.level.value == lv] for lv in ("sure", "likely", "doubtful")}
    bins: dict[str, list[bool]] = {}
    for o in answered:
        lo = min(int(o.answer.confidence * 10), 9) / 10
        bins.setdefault(f"{lo:.1f}-{lo + 0.1:.1f}", []).append(o.hit)
    return {"sure_share": _rate(len(by_level["sure"]), len(answered)),
            "right_when_sure": _rate(sum(o.hit for o in by_level["sure"]), len(by_level["sure"])),
            "right_when_likely": _rate(sum(o.hit for o in by_level["likely"]), len(by_level["likely"])),
            "doubtful_share": _rate(len(by_level["doubtful"]), len(answered)),
            "right_when_doubtful": _rate(sum(o.hit for o in by_level["doubtful"]), len(by_level["doubtful"])),
            "reliability": {k: {"n": len(v), "right": _rate(sum(v), len(v))} for k, v in sorted(bins.items())}}


def _tokens(text: str) -> list[str]:
    """SQuAD's answer normalization: lower case, no punctuation, no articles."""
    text = re.sub(r"[^\w\s]", " ", _norm(text))
    return [w for w in text.split() if w not in ("a", "an", "the")]


def token_f1(pred: str, gold: str) -> float:
    p, g = _tokens(pred), _tokens(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not p or not g or not common:
        return float(p == g)
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def exact(pred: str, gold: str) -> bool:
    """SQuAD's exact match: equal after its normalization."""
    return _tokens(pred) == _tokens(gold)


def best_f1(pred: str, golds) -> float:
    """The token F1 of `pred` with the closest of the gold answers (0 without any)."""
    return max((token_f1(pred, g) for g in golds), default=0.0)


def short_metrics(hits: list[Outcome]) -> dict:
    """Of the right answers: how often an answer phrase leads, and its exact match and token F1 against
    the best gold answer (the phrase alone, Yes/No excluded)."""
    shorts = [o for o in hits if o.answer.short is not None and o.answer.short.text not in ("Yes", "No")]
    em = [max(float(exact(o.answer.short.text, g)) for g in o.gold) for o in shorts]
    f1 = [best_f1(o.answer.short.text, o.gold) for o in shorts]
    return {"short_present": _rate(len(shorts), len(hits)),
            "short_exact": round(sum(em) / len(em), 3) if em else None,
            "short_f1": round(sum(f1) / len(f1), 3) if f1 else None,
            "short_words": round(sum(len(o.answer.short.text.split()) for o in shorts) / len(shorts), 1)
            if shorts else None}


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None
