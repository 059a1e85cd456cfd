"""A claim put to the reader to check ("is it true that the pub will reopen?", "I heard the mayor resigned, is that
right?") asked as the plain yes/no question it is ("will the pub reopen?", "did the mayor resign?"): the words
that only ask for a check are not the claim, and no article says them."""
from __future__ import annotations

import re

from lang.tagging import parse

__all__ = ["asked_plainly"]

_CHECK = re.compile(
    r"^\s*(?:so\s+|and\s+|but\s+)?(?:is|was)\s+it\s+(?:really\s+)?(?:true|right|correct|the\s+case|so)\s+(?:that\s+)?"
    r"(?P<a>.+?)\s*[?.!]*\s*$"
    r"|^\s*(?:does|did)\s+(?:the\s+|this\s+|that\s+)?(?:article|story|report|piece)\s+(?:say|claim)\s+(?:that\s+)?"
    r"(?P<b>.+?)\s*[?.!]*\s*$"
    r"|^\s*(?:i\s+(?:heard|read|saw)|someone\s+(?:said|told\s+me)|apparently)\s+(?:that\s+)?(?P<c>[^,;]+?)\s*[,;.]?\s*"
    r"(?:is\s+(?:that|this|it)\s+(?:true|right|correct|so)|true|right)\s*[?.!]*\s*$", re.I)
_BE = frozenset("is are was were am".split())
_FULL = {"'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am", "ca": "can", "wo": "will"}
"""Auxiliaries as written when contracted ("they're"), in full."""


def asked_plainly(question: str) -> str:
    """The yes/no question a request for a check asks; any other question as it is."""
    m = _CHECK.match(question)
    if m is None:
        return question
    claim = m.group("a") or m.group("b") or m.group("c")
    asked = _inverted(claim)
    return f"{asked}?" if asked else question


def _inverted(claim: str) -> str | None:
    """"the pub will reopen" -> "will the pub reopen"; "the mayor resigned" -> "did the mayor resign"; None when
    the claim has no finite verb to ask by."""
    doc = parse(claim)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    aux = next((c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i), None)
    if aux is None and root.lower_ in _BE:
        aux = root  # "the bridge is listed": "is the bridge listed"
    tokens = list(doc)
    if aux is not None:
        contracted = [t for t in tokens if t.i == aux.i + 1 and t.lower_ == "n't"]  # "wasn't": "wasn't the closure"
        first = aux.lower_ + "n't" if contracted else _FULL.get(aux.lower_, aux.lower_)  # "won't", "can't"
        if aux.lower_ == "'s":  # "it's been" / "it's closing"
            first = "has" if root.tag_ == "VBN" else "is"
        rest, replaced = [t for t in tokens if t.i != aux.i and t not in contracted], {}
    else:
        first = {"VBD": "did", "VBZ": "does"}.get(root.tag_, "do")
        if root.tag_ not in ("VBD", "VBZ", "VBP", "VB"):
            return None
        rest, replaced = tokens, {root.i: root.lemma_}
    kept = {t.i for t in rest}
    # A word left out gives its space to the word before it ("they're closing": "they closing").
    space = {t.i: t.whitespace_ or next((u.whitespace_ for u in tokens[t.i + 1:] if u.i not in kept), "")
             if t.i + 1 < len(tokens) and tokens[t.i + 1].i not in kept else t.whitespace_ for t in rest}
    text = "".join((replaced.get(t.i, t.text if t.pos_ == "PROPN" or t.i else t.lower_)) + space[t.i] for t in rest)
    return f"{first} {text.strip()}"
