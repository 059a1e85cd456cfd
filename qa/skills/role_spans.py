"""Where a role's words lie around a name in spaCy's parse: the noun just before it, a title before it, a phrase
between commas after it; and a token run's source offsets without its edge punctuation (for qa/skills/roles.py)."""
from __future__ import annotations

import re

from lang.rules import TITLES
from lang.tagging import verb_base

_EDGE = " ,;:—–-\"“”'’()"


def noun_before(span):
    """The noun just before the name, past a comma and a title ("the trust's chair, Dr Helen Vine"), or None."""
    i = span.start - 1
    while i >= 0 and (span.doc[i].is_punct or span.doc[i].text[:1].isupper()
                      and span.doc[i].lower_.rstrip(".") in TITLES):  # "Dr" (but "the chair" is the role)
        i -= 1
    return span.doc[i] if i >= 0 and span.doc[i].pos_ == "NOUN" else None


def from_noun(tokens: list) -> list:
    """The words before a name without a past tense the tagger took for a noun at their head ("ran out and *bit*
    postwoman Heather Gilmour": the postwoman)."""
    while tokens and verb_base(tokens[0].lower_) != tokens[0].lower_ and tokens[0].i > 0 \
            and tokens[0].doc[tokens[0].i - 1].pos_ in ("CCONJ", "PRON", "ADV", "NOUN", "PROPN"):
        tokens = tokens[1:]
    return tokens


_SAID_AFTER = re.compile(r",\s+([a-z][^,;:\"“”()]{2,100}?),\s+(?:said|says|told|added|warned|argued|wrote)\b")


def between_commas(span) -> tuple[int, int] | None:
    """"Tom Brierley, campaigns director of the charity Open Range, said ...", read from the words when the parser
    took the role for a clause ("campaigns" as a verb): a lower-case phrase between commas, right after the name and
    right before the verb of saying."""
    doc = span.doc
    m = _SAID_AFTER.match(doc.text, span.end_char)
    return (m.start(1), m.end(1)) if m else None


def is_entity(token) -> bool:
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "LOC", "FAC")


def title_before(span) -> tuple[int, int] | None:
    """Title-case words (and the small words between them) just before the name, with one that is not itself a
    name: "Swedish Deputy Defense Minister" before "Jon-Erik Lund"."""
    doc = span.doc
    i = span.start - 1
    tokens = []
    while i >= 0:
        t = doc[i]
        if t.is_punct or t.is_space or t.is_sent_end:
            break
        if t.text[:1].isupper() or (t.lower_ in ("of", "to", "for", "and", "the") and tokens) or \
                t.lower_.rstrip(".") in TITLES:
            tokens.insert(0, t)
            i -= 1
            continue
        break
    while tokens and tokens[0].lower_ in ("of", "to", "for", "and", "the"):
        tokens.pop(0)
    if not tokens or tokens[0].is_sent_start and len(tokens) == 1 and tokens[0].lower_.rstrip(".") not in TITLES:
        return None
    if all(t.lower_.rstrip(".") in _COURTESY_TITLES | {"and", "&"} for t in tokens):  # "Mrs", "Mr and Mrs"
        return None  # a courtesy title says nothing of who she is
    if not any(t.lower_.rstrip(".") in TITLES or (not is_entity(t) and t.pos_ == "PROPN" and t.ent_type_ == "")
               or (t.pos_ == "NOUN") for t in tokens):
        return None
    return offsets(tokens)


_COURTESY_TITLES = frozenset("mr mrs ms miss mx".split())


def offsets(tokens) -> tuple[int, int] | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc.text
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end):  # "president of the Alliance (EBA"
        end = text.rindex("(", start, end)
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    if end - start < 3 or "\n" in text[start:end]:
        return None
    return start, end
