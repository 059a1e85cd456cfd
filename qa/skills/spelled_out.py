"""Named bodies the tagger missed, found by the acronym the article gives them: a run of capitalized words that a
parenthesised acronym right after it spells out ("the Harbour Pilots Guild (HPG)") is an organisation's
name, however the tagger read its words."""
from __future__ import annotations

import re

from lang.acronyms import expansion

_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Z&]{1,9})\s*\)")
_SMALL = frozenset("of the and for on in to at by &".split())


def spelled_out(parsed, found: list[tuple]) -> list[tuple]:
    """`found` ((span, label) pairs) with each name spelled out before its acronym added as an organisation,
    in place of the entities that overlap it (a place tagged inside "Halbrook Community Leisure Trust")."""
    out = list(found)
    text = parsed.text
    for m in _ACRONYM_AFTER.finditer(text):
        named = expansion(m.group(1), text[:m.end()])
        if named is None or named.end > m.start() or not all(
                w[:1].isupper() or w.lower() in _SMALL for w in named.text.split()):
            continue  # not right before it, or not a name ("a temporary use ban (TUB)")
        span = parsed.char_span(named.start, named.end, alignment_mode="expand")
        if span is None or any(e.start <= span.start and span.end <= e.end and label in ("ORG", "FAC", "GPE")
                               for e, label in out):
            continue  # the tagger has it already
        out = [(e, label) for e, label in out if not (e.start < span.end and span.start < e.end)]
        out.append((span, "ORG"))
    return out
