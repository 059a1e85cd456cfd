"""A yes/no question as the statement it asks about, which the small parser reads better than the question
("Did the deputy resign?" is read as "the deputy resign.", the auxiliary put aside): "Was anyone injured ...?" as
"anyone was injured ...", "Berg admit staff were misled" as "... admit that staff were misled", and a subject the
parser takes for the verb ("Castlegate lower the rent": a name it has never seen) given its auxiliary back
("Castlegate will lower the rent")."""
from __future__ import annotations

import re

from lang.rules import AUXILIARIES, auxiliary

from .clauses import SUBJECTS, base_stem, parse_full

__all__ = ["READ_AS", "as_statement"]

READ_AS = ("VERB", "AUX", "ADV", "NOUN", "ADJ")
"""What a claim's root may be read as; one at its first word is a subject misread."""
_BE = frozenset({"is", "are", "was", "were", "am", "be"})


def as_statement(question: str):
    """The parse of the claim a yes/no question asks about; None when it is no yes/no question, or asks what
    something *is* ("Was it the first?": no participle after its subject)."""
    first, _, rest = question.strip().partition(" ")
    if auxiliary(first) not in AUXILIARIES:
        return None
    if auxiliary(first) in _BE:
        rest = _as_statement(first, rest)  # "Was anyone injured ...?" is read as "anyone was injured ..."
        if rest is None:
            return None
        rest = _GOING_TO.sub("will ", rest, count=1)  # "X is going to rebuild it": the claim is "rebuild"
    else:
        rest = _that_restored(rest)  # "Berg admit staff were misled" is read as "... admit that staff were ..."
    rest = rest.rstrip(" ?!.")
    doc = parse_full(rest + ".")
    if auxiliary(first) in _BE or _read(doc):
        return doc
    return _auxiliary_restored(first.lower(), rest) or doc


def _read(doc) -> bool:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.pos_ in READ_AS and root.i > 0


def _auxiliary_restored(aux: str, rest: str):
    """The claim with the question's auxiliary put back after its subject ("Castlegate will lower the rent"): the
    first place where the words before it are the whole subject of a verb it serves."""
    ws = rest.split(" ")
    for at in range(1, min(4, len(ws))):
        doc = parse_full(" ".join(ws[:at] + [aux] + ws[at:]) + ".")
        verb = doc[at].head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if verb.pos_ == "VERB" and verb.dep_ == "ROOT" and verb.i > at and subject is not None \
                and {t.i for t in subject.subtree} == set(range(at)):
            return doc
    return None


def _as_statement(be: str, rest: str) -> str | None:
    """A passive or progressive question as the statement it asks about ("Was anyone injured when ...?" ->
    "anyone was injured when ...", "Is X offering refunds?" -> "X is offering refunds"); None when the question
    asks what something is (no participle after its subject)."""
    q = parse_full(f"{be} {rest}")
    verb = next((t for t in q if t.i > 1 and t.tag_ in ("VBN", "VBG") and t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    at = verb.idx - len(be) - 1
    return f"{rest[:at]}{be.lower()} {rest[at:]}"


_GOING_TO = re.compile(r"\b(?:is|are|am) going to (?=\w)", re.I)

_CLAUSE_VERBS = frozenset(base_stem(w) for w in """admit deny claim believe think know accept agree confirm announce say
tell report argue insist warn suggest acknowledge reveal""".split())
_FINITE = frozenset("was were is are had has have would will could".split())


def _that_restored(rest: str) -> str:
    """The "that" a verb of saying or knowing may drop before its clause ("admit staff were misled"), put back:
    without it the small parser takes "admit staff" for a noun."""
    ws = rest.split(" ")
    for i, w in enumerate(ws[:-2]):
        if base_stem(w.lower()) in _CLAUSE_VERBS and ws[i + 1].lower() not in ("that", "whether", "if", "to") \
                and any(x.lower() in _FINITE for x in ws[i + 2:i + 5]):
            return " ".join(ws[:i + 1] + ["that"] + ws[i + 1:])
    return rest
