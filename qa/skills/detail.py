"""One more detail of the last answer ("against who?" after "Who will coach the team on Sunday?"): the phrase that
the preposition asked about governs in the sentence the last answer cited ("... for Sunday's cup final against
Westbury Town"), cited, in bold."""
from __future__ import annotations

from lang.words import MONTHS, stem, terms
from qa.compose.compose import Draft
from qa.conversation.detail import Detail
from qa.retrieval.corpus import Snapshot
from qa.types import Answer, Citation, Level, Route, Short

from .article import Library
from .cite import Citer, SkillAnswer

def detailed(library: Library, snap: Snapshot, cited: Citation, detail: Detail, last: Answer) -> SkillAnswer | None:
    """The phrase after `detail.preposition` in the sentence that `cited` (of the `last` answer) quotes, of the
    kind asked; None when the sentence has none (or its article is no longer loaded). Never surer than likely: the
    sentence was judged for the last question, the phrase is read off its parse."""
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
        if detail.change and not any(c.dep_ == "prep" and c.lower_ == "to" for c in [*t.head.children, *t.children]):
            continue  # only "from A to B" says what it was before ("to" hangs from the verb or from "from")
        obj = next((c for c in t.children if c.dep_ in ("pobj", "pcomp")), None)
        tokens = sorted(obj.subtree, key=lambda u: u.i) if obj is not None else []
        if tokens and _fits(detail.wants, tokens) and line.start <= tokens[0].idx and \
                tokens[-1].idx + len(tokens[-1].text) <= line.end:
            found.append(tokens)
    # "on which pier?" / "on Monday ... on the north pier": the phrase with the noun asked, else the first.
    named = [ts for ts in found if detail.noun and any(stem(u.lower_) == stem(detail.noun) for u in ts)]
    if detail.change and len(found) > 1:
        found = [_changed(found, last, line.start)]
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
                       confidence=last.confidence)


def _changed(found: list, last: Answer, start: int):
    """Of several changes in the sentence ("a single fare from 2.20 to 2.60 pounds, and a pass from 68 to 79
    pounds"), the one the last answer was about: the "from" nearest before its phrase, else the one after the
    most of the last question's words."""
    if last.short is not None and last.short.start >= start:
        return ([ts for ts in found if ts[0].idx < last.short.start] or found)[-1]
    asked = set(terms(last.question))
    spans = [found[i - 1][-1].i + 1 if i else ts[0].sent.start for i, ts in enumerate(found)]
    return max(zip(found, spans), key=lambda p: len(asked & {stem(u.lower_) for u in p[0][0].doc[p[1]:p[0][0].i]}))[0]


def _fits(wants: str, tokens) -> bool:
    if wants == "person":
        return any(t.pos_ == "PROPN" for t in tokens)
    if wants == "number":
        return any(t.like_num or t.pos_ == "NUM" for t in tokens)
    if wants == "date":
        return any(t.like_num or t.lower_ in MONTHS or t.ent_type_ in ("DATE", "TIME") for t in tokens)
    return True
