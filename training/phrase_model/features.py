"""The phrase model's features of (question, candidate phrase): the answer type against the question word,
overlap with the question, closeness to the question's words in the sentence, length, neighbouring tags.
General by design: no feature names a word of a particular article (a name's letters are not read)."""
from __future__ import annotations

import math
from dataclasses import dataclass

from lang.rules import AUXILIARIES, QUESTION_WORDS
from lang.words import STOPWORDS, stem, words
from qa.question import _UNIT_OF, UNITS

from .chunks import _PROPER_TAGS, Chunk, Parsed

@dataclass(frozen=True)
class QuestionInfo:
    qtype: str
    """The question word, refined: how_many, how_long, ...; 'other' when none."""
    wh_pos: str
    """Where the question word stands: 'start', 'mid' or 'end' ("X is called what?")."""
    wh_noun: str
    """The stem of the noun after what/which ("what year" -> "year"), else ''."""
    stems: frozenset[str]
    """Stems of the question's content words."""
    units: frozenset[str] = frozenset()
    """For "how long/far/heavy...": the unit words that fit (qa.question.UNITS), else empty."""
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    """The content stems before and after the question word: in the sentence, the answer tends to stand
    where the question word stands ("X is called what?" -> "X is called Y")."""


def question_info(question: str) -> QuestionInfo:
    ws = words(question)
    qtype, wh_noun, wh_pos = "other", "", "none"
    for i, w in enumerate(ws):
        if w not in QUESTION_WORDS:
            continue
        wh_pos = "start" if i <= 1 else ("end" if i >= len(ws) - 3 else "mid")
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if w == "how":
            qtype = f"how_{nxt}" if nxt and nxt not in AUXILIARIES and nxt not in STOPWORDS else "how"
        else:
            qtype = "who" if w in ("whom", "whose") else w
            if w in ("what", "which") and nxt and nxt not in AUXILIARIES and nxt not in STOPWORDS:
                wh_noun = stem(nxt)
        break
    stems = frozenset(stem(w) for w in ws if w not in STOPWORDS and w not in QUESTION_WORDS)
    at = next((i for i, w in enumerate(ws) if w in QUESTION_WORDS), len(ws))
    before = frozenset(stem(w) for w in ws[:at] if w not in STOPWORDS)
    # The word that refines the question word ("how many", "what year") is not context.
    after = frozenset(stem(w) for w in ws[at + 1:] if w not in STOPWORDS) - {wh_noun, stem(qtype[4:])}
    unit_kind = _UNIT_OF.get(qtype.removeprefix("how_")) if qtype.startswith("how_") else None
    return QuestionInfo(qtype=qtype, wh_pos=wh_pos, wh_noun=wh_noun, stems=stems, before=before, after=after,
                        units=frozenset(UNITS[unit_kind]) if unit_kind else frozenset())


def features(q: QuestionInfo, p: Parsed, c: Chunk) -> dict[str, float]:
    """General features of (question, candidate): answer type against the question word, overlap with
    the question, closeness to the question's words in the sentence, length, neighbouring tags."""
    n = c.last - c.first
    cand_stems = [s for s, t in zip(p.stems[c.first:c.last], p.tags[c.first:c.last]) if t not in ("DT", "POS")]
    overlap = sum(s in q.stems for s in cand_stems) / max(1, len(cand_stems))
    matches = [i for i, s in enumerate(p.stems) if s in q.stems and not (c.first <= i < c.last)
               and p.tags[i] not in ("DT", "IN", "CC", ",", ".")]
    dists = [c.first - i if i < c.first else i - c.last + 1 for i in matches]
    near3 = sum(d <= 3 for d in dists) / max(1, len(q.stems))
    near8 = sum(d <= 8 for d in dists) / max(1, len(q.stems))
    left3 = sum(1 for d, i in zip(dists, matches) if d <= 3 and i < c.first) / max(1, len(q.stems))
    right3 = sum(1 for d, i in zip(dists, matches) if d <= 3 and i >= c.last) / max(1, len(q.stems))

    def aligned(positions, wanted: frozenset[str]) -> float:
        hits = sum(1.0 / d for d, i in positions if p.stems[i] in wanted)
        return hits / max(1, len(wanted))

    left = [(d, c.first - d) for d in range(1, 6) if c.first - d >= 0]
    right = [(d, c.last - 1 + d) for d in range(1, 6) if c.last - 1 + d < len(p.stems)]
    inside = any(o is not c and o.first <= c.first and c.last <= o.last for o in p.candidates)
    prev_tag = p.tags[c.first - 1] if c.first > 0 else "START"
    next_tag = p.tags[c.last] if c.last < len(p.tags) else "END"
    f = {
        "bias_" + c.kind: 1.0,
        f"lab={c.label}": 1.0,
        f"wh={q.qtype}|lab={c.label}": 1.0,
        f"wh={q.qtype}|kind={c.kind}": 1.0,
        f"wh={q.qtype}|len={min(n, 5)}": 1.0,
        f"len={min(n, 8)}": 1.0,
        "overlap": overlap,
        "overlap_all": float(overlap == 1.0),
        "overlap_any": float(overlap > 0),
        "near3": near3,
        "near8": near8,
        "mindist_log": math.log1p(min(dists)) if dists else 3.0,
        "no_match": float(not dists),
        "q_left": sum(i < c.first for i in matches) / max(1, len(matches)),
        "prev_in_q": float(c.first > 0 and p.stems[c.first - 1] in q.stems),
        "next_in_q": float(c.last < len(p.stems) and p.stems[c.last] in q.stems),
        f"prev_tag={prev_tag}": 1.0,
        f"next_tag={next_tag}": 1.0,
        f"wh={q.qtype}|prev_tag={prev_tag}": 1.0,
        "has_digit": float(any(ch.isdigit() for ch in p.text[c.start:c.end])),
        "rel_start": c.first / max(1, len(p.tags)),
        f"whpos={q.wh_pos}|left3": left3,
        f"whpos={q.wh_pos}|right3": right3,
        f"whpos={q.wh_pos}|q_left": sum(i < c.first for i in matches) / max(1, len(matches)),
        f"wh={q.qtype}|overlap": overlap,
        f"wh={q.qtype}|overlap_any": float(overlap > 0),
        # The phrase's head, or a name in it, is a word of the question ("Roth" in "Mayor Anna
        # Roth" for "Where did Weber meet Roth?"); the head is not counted when it is the noun asked for.
        "head_in_q": float(p.stems[c.last - 1] in q.stems and p.stems[c.last - 1] != q.wh_noun),
        "name_overlap": float(any(p.stems[i] in q.stems for i in range(c.first, c.last)
                                  if p.tags[i] in _PROPER_TAGS)),
        f"wh={q.qtype}|near3": near3,
        "prev2_in_q": float(c.first > 1 and p.stems[c.first - 2] in q.stems),
        "next2_in_q": float(c.last + 1 < len(p.stems) and p.stems[c.last + 1] in q.stems),
        f"kind={c.kind}|inside": float(inside),
        f"kind={c.kind}|len={min(n, 5)}": 1.0,
        "left_before": aligned(left, q.before),
        "right_after": aligned(right, q.after),
        "left_after": aligned(left, q.after),
        "right_before": aligned(right, q.before),
    }
    cand_words = p.text[c.start:c.end].lower().split()
    if q.units:
        f["unit_fits"] = float(any(w.strip(".,") in q.units for w in cand_words))
    if prev_tag in ("IN", "TO"):
        f[f"wh={q.qtype}|prev_word={p.stems[c.first - 1]}"] = 1.0  # "in X" for where, "by X" for who
    f[f"first_tag={p.tags[c.first]}"] = 1.0
    f[f"last_tag={p.tags[c.last - 1]}"] = 1.0
    f[f"wh={q.qtype}|last_tag={p.tags[c.last - 1]}"] = 1.0
    if q.wh_noun:
        f[f"whn={q.wh_noun}|lab={c.label}"] = 1.0
        f["head_is_whn"] = float(p.stems[c.last - 1] == q.wh_noun)
        f["whn_in_cand"] = float(q.wh_noun in cand_stems)
    return f
