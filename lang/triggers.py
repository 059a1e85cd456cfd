"""What set a deed off, as a news sentence tells it: "is to cut 14 of its staff *after losing its grant*", "was fined
£48,000 *after slurry poured into the brook*", "will be tested *after a three-year campaign*". It is an "after" (or
"following") on the deed's own verb that takes an event: a gerund, a clause with its own subject, or a thing that
happened. A time is not a trigger ("after three weeks", "after Christmas", "after 6pm"), and neither is a person or
a place ("after Smith")."""
from __future__ import annotations

__all__ = ["trigger"]

_AFTER = frozenset({"after", "following"})
_TIMES = frozenset("""second minute hour day night week fortnight month year decade century morning afternoon evening
weekend spring summer autumn winter season term holiday holidays""".split())
"""Nouns that only say when ("after three weeks", "after the summer"), not what happened."""
_NOT_EVENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "GPE", "LOC", "FAC", "MONEY", "PERCENT",
                         "QUANTITY"})


def trigger(verb):
    """The span of `verb`'s own "after …" that tells what set the deed off, or None. `verb`: a spaCy token."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _AFTER:
            took = next((g for g in c.children if g.dep_ in ("pcomp", "pobj")), None)
            if took is not None and (took.dep_ == "pcomp" and took.tag_ == "VBG" or took.dep_ == "pobj" and _event(took)):
                return verb.doc[c.i:c.right_edge.i + 1]
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children) \
                and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            return verb.doc[c.left_edge.i:c.right_edge.i + 1]
    return None


def _event(noun) -> bool:
    """Is the noun after "after" a thing that happened ("a campaign", "the vote"), not a time, a count, a person or
    a place?"""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in _NOT_EVENTS or noun.lemma_.lower() in _TIMES:
        return False
    return not any(c.dep_ == "nummod" for c in noun.children)
