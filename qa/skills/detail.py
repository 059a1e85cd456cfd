"""One more detail of the last answer ("against who?" after "Who will coach the team on Sunday?"): the phrase that
the preposition asked about governs in the sentence the last answer cited ("... for Sunday's cup final against
Westbury Town"), cited, in bold."""
from __future__ import annotations

from lang.words import MONTHS, stem
from qa.compose.compose import Draft
from qa.conversation.detail import Detail
from qa.retrieval.corpus import Snapshot
from qa.types import Citation, Level, Route, Short

from .article import Library
from .cite import Citer, SkillAnswer

def detailed(library: Library, snap: Snapshot, cited: Citation, detail: Detail,
             confidence: float) -> SkillAnswer | None:
    """The phrase after `detail.preposition` in the sentence that `cited` quotes, of the kind asked; None when the
    sentence has none (or its article is no longer loaded). Never surer than likely: the sentence was judged for
    the last question, the phrase is read off its parse."""
    at = library.cited(snap.articles.get(cited.source), cited.start)
    if at is None:
        return None
    doc, line = at
    span = doc.doc.char_span(line.start, line.end, alignment_mode="expand")
    if span is None:
        return None
    words = detail.preposition.split()
    found = []
    for t in span:
        # "instead of": the last word governs the phrase; the words before it must be there too.
        typed = [u.lower_ for u in span.doc[max(span.start, t.i - len(words) + 1):t.i + 1]]
        if typed != words or t.dep_ not in ("prep", "agent", "dative"):
            continue
        obj = next((c for c in t.children if c.dep_ in ("pobj", "pcomp")), None)
        tokens = sorted(obj.subtree, key=lambda u: u.i) if obj is not None else []
        if tokens and _fits(detail.wants, tokens) and line.start <= tokens[0].idx and \
                tokens[-1].idx + len(tokens[-1].text) <= line.end:
            found.append(tokens)
    # "on which pier?" / "on Monday ... on the north pier": the phrase with the noun asked, else the first.
    named = [ts for ts in found if detail.noun and any(stem(u.lower_) == stem(detail.noun) for u in ts)]
    tokens = (named or found or [None])[0]
    if tokens is None:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    citer = Citer()
    n = citer.cite(doc, line)
    phrase = doc.text[start:end]
    short = Short(text=phrase, citation=n, start=start, end=end, quote=phrase)
    text = f"{phrase[:1].upper()}{phrase[1:]}. {line.text.strip()} [{n}]"
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.EXTRACTIVE, short=short), level=Level.LIKELY,
                       confidence=confidence)


def _fits(wants: str, tokens) -> bool:
    if wants == "person":
        return any(t.pos_ == "PROPN" for t in tokens)
    if wants == "number":
        return any(t.like_num or t.pos_ == "NUM" for t in tokens)
    if wants == "date":
        return any(t.like_num or t.lower_ in MONTHS or t.ent_type_ in ("DATE", "TIME") for t in tokens)
    return True
