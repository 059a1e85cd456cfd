"""A comparison denied: "The hornets are no more dangerous to people than common wasps" answers "are the hornets more
dangerous than wasps?" No, and "are they worse than wasps?" No (worse is more of a harm). Another comparison ("is it
bigger?" / "no wider than"), or the same one of other things, is no verdict either way; "no more than 50 people" is a
bound, read elsewhere."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["no_more_than"]

_NOT_MORE = r"(?!(?:never|other|water|river|over|under|number|member|after|ever|either|neither|rather|whether|order|power)\b)"
"""Words ending in "er" that compare nothing."""
_SAID = re.compile(r"\b(?:no|not\s+any|hardly\s+any|scarcely\s+any)\s+(?:more\s+(?!than\b)(?P<adj>[a-z]+)|"
                   + _NOT_MORE + r"(?P<er>[a-z]{3,}er)|"
                   r"(?P<worse>worse|better))\b[^.;?]*?\bthan\b", re.I)
_ASKED = re.compile(r"\b(?:more\s+(?!than\b)(?P<adj>[a-z]+)|" + _NOT_MORE + r"(?P<er>[a-z]{3,}er)|(?P<worse>worse|better))\b"
                    r"[^?]*?\bthan\b", re.I)
_HARMS = frozenset("dangerous harmful risky deadly toxic venomous".split())
"""What "worse" asks more of."""


def no_more_than(question: str, sentence: str) -> str | None:
    """"No" when the sentence denies the very comparison asked, of the same things in the same order; "" (no verdict at
    all) when it denies another; None when the question asks no comparison or the sentence denies none."""
    asked, said = _ASKED.search(question), _SAID.search(sentence)
    if asked is None or said is None:
        return None
    a, s = ((m.group("adj") or m.group("er") or m.group("worse")).lower() for m in (asked, said))
    same = a == s or a == "worse" and s in _HARMS or s == "worse" and a in _HARMS
    # The same two things in the same order ("Wasps are no more dangerous than hornets" is not of the hornets): the
    # subject in the clause before, the other thing in the words right after "than".
    clause = re.split(r"[,;]|\b(?:and|but|which|who|that)\b", sentence[:said.start()])[-1]
    than = re.split(r"[,;]|\b(?:and|but|which|who|that|though|although|while)\b", sentence[said.end():])[0]
    ordered = _held(question[:asked.start()], clause) and _held(question[asked.end():], than)
    others = _ASKED.search(sentence[:said.start()] + " " + sentence[said.end():])  # "…, but more aggressive than …"
    return "No" if same and ordered and others is None and not re.search(r"\b(?:but|though|although|while|yet)\b",
                                                                         sentence[said.end():], re.I) else ""


def _held(asked: str, said: str) -> bool:
    """Does the sentence's stretch hold the question's thing, its last word ("asian hornets" / "The hornets"; "normal
    wasps for ppl" / "common wasps")?"""
    told = {base_stem(w) for w in words(said)}
    own = [w for w in words(re.split(r"\s+(?:for|to|in|at|on|by|with|among)\s+", asked.strip())[0]) if w not in STOPWORDS]
    return bool(own) and base_stem(own[-1]) in told
