"""A deed refused: "Did the council pay the ransom?" is answered No by "She said the council would not pay." or
"The council refused to pay the ransom": what was refused was not done. The deed must be the question's verb, the
doer the question's (named in the sentence or before it), and what it is done to the question's or left unsaid;
a refusal on a condition ("would not pay unless …") or later undone ("eventually", "later") settles nothing."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["refused"]

_ASKS_DONE = re.compile(r"^\s*(?:did|has|have|had)\s+(?P<rest>.+)$", re.I)
_REFUSED = re.compile(r"\b(?:(?:refused|declined)\s+to|(?:would|will|could)\s+not|won[’']t|wouldn[’']t|"
                      r"couldn[’']t)\s+(?P<verb>[a-z]+)\b(?P<after>[^.;:!?]*)", re.I)
_UNSETTLED = re.compile(r"\b(?:unless|if|until|eventually|later|finally|relented|reversed|changed\s+its\s+mind)\b",
                        re.I)
_LEFT_UNSAID = frozenset("it them this that".split())
_PRONOUNS = frozenset("it they he she we".split())


def refused(question: str, sentence: str, before: str = "") -> bool:
    """Does the sentence say the doer asked about refused (or would not do) the deed the question asks was done?"""
    asked = _ASKS_DONE.match(question)
    if asked is None or _UNSETTLED.search(sentence):
        return False
    ws = [w for w in words(asked.group("rest")) if w not in STOPWORDS]
    said = {base_stem(w) for w in words(f"{before} {sentence}")}
    for m in _REFUSED.finditer(sentence):
        verb = base_stem(m.group("verb"))
        at = next((i for i, w in enumerate(ws) if base_stem(w) == verb), None)
        if not at:  # none, or no doer asked before it
            continue
        doer, thing = ws[:at], ws[at + 1:]
        object_said = [w for w in words(m.group("after")) if w not in STOPWORDS]
        # The doer ahead of the refusal ("the council would not pay"), or a pronoun there for one named before.
        ahead = words(sentence[:m.start()])
        named = {base_stem(w) for w in ahead} | (said if ahead and ahead[-1] in _PRONOUNS else set())
        if all(base_stem(w) in named for w in doer) and (
                all(base_stem(w) in said for w in thing) or not object_said or object_said[0] in _LEFT_UNSAID):
            return True
    return False
