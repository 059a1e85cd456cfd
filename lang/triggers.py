"""What set a deed off, as a news sentence tells it: "is to cut 14 of its staff *after losing its grant*", "was fined
£48,000 *after slurry poured into the brook*", "will be tested *after a three-year campaign*". It is an "after" (or
"following") on the deed's own verb that takes an event: a gerund, a clause with its own subject, or a thing that
happened, told as one ("a campaign", "complaints from residents", "an inspection that found …"). Not a time ("after
three weeks", "after Christmas", "after the meeting", "after lunch"), a person or a place ("named after its founder"),
a deed denied ("was not fined after …"), nor what a plan waits for ("will step down after the May elections",
"will close after the lease ends")."""
from __future__ import annotations

__all__ = ["trigger"]

_AFTER = frozenset({"after", "following"})
_TIMES = frozenset("""second minute hour day night week fortnight month year decade century morning afternoon evening
weekend spring summer autumn winter season term holiday holidays while wait break career stint spell period tenure
absence pause interval hiatus adjournment debate discussion deliberation process consultation refurbishment
renovation meeting hearing session vote""".split())
"""Nouns that, bare, only say when or after what stretch ("after three weeks", "after a two-year wait", "after an
hour-long meeting"), not what set a deed off; with what happened in it, they may ("after a period of heavy rain",
"after a consultation that found little support")."""
_NOT_EVENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "GPE", "LOC", "FAC", "MONEY", "PERCENT",
                         "QUANTITY", "EVENT"})
_PHRASAL = frozenset({"name", "look", "take", "run", "go", "come", "call", "chase", "seek", "lust", "ask"})
"""Verbs whose "after" is their own ("named after", "looks after", "asked after"), not a time or a cause."""
_AHEAD = frozenset({"will", "would", "shall", "'ll", "’ll"})
_PAST = frozenset({"VBD", "VBN"})


def trigger(verb):
    """The span of `verb`'s own "after …" that tells what set the deed off, or None. `verb`: a spaCy token."""
    if verb.lemma_.lower() in _PHRASAL or any(c.dep_ == "neg" for c in verb.children):
        return None
    ahead = _to_come(verb)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _AFTER:
            took = next((g for g in c.children if g.dep_ in ("pcomp", "pobj")), None)
            if took is not None and (took.dep_ == "pcomp" and took.tag_ == "VBG"
                                     or took.dep_ == "pobj" and not ahead and _event(took)):
                return verb.doc[c.i:c.right_edge.i + 1]
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children) \
                and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) and (not ahead or _done(c)):
            return verb.doc[c.left_edge.i:c.right_edge.i + 1]
    return None


def _to_come(verb) -> bool:
    """Is the deed still to come ("will step down", "would be sold")? Then an "after" may only be when it comes."""
    heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _AHEAD for h in heads for c in h.children)


def _done(clause) -> bool:
    """Is the clause after "after" told as done ("after the council cut its grant"), not as to come ("after the
    lease ends", "after repairs are finished")?"""
    helpers = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_ == "have" for c in helpers):  # "after their flats have been declared unsafe": done
        return True
    if any(c.tag_ in ("VBZ", "VBP", "MD") for c in helpers):
        return False
    return clause.tag_ in _PAST or any(c.tag_ in _PAST for c in helpers)


def _event(noun) -> bool:
    """Is the noun after "after" a thing that happened, told as one: a thing ("a campaign", "a storm"), things with
    what they were ("complaints from residents"), or one with what it did ("an inspection that found …")? Not a
    time, a count, a person or a place, nor a bare "the meeting", "lunch" or "work", which as often say when."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in _NOT_EVENTS:
        return False
    if noun.lemma_.lower() in _TIMES:  # a stretch, unless what happened in it is told
        return any(c.dep_ in ("acl", "relcl") or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    if any(c.dep_ == "nummod" for c in noun.children):
        return False
    told = any(c.dep_ in ("acl", "relcl", "prep") for c in noun.children)
    det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
    return det in ("a", "an") or told and (det is None and noun.tag_ == "NNS" or any(
        c.dep_ in ("acl", "relcl") for c in noun.children))
