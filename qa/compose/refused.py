"""A deed refused: "Did the council pay the ransom?" is answered No by "She said the council would not pay." or
"The council refused to pay the ransom": what was refused was not done. The one refusing must be the doer asked
about, named just before the refusal ("the council would not", not "the council said residents would not", nor
"the firm's rivals"); what is refused must be what was asked, word for word, or left unsaid ("would not pay."); and
the refusal must stand: one on a condition ("unless", "without"), a first refusal later undone ("at first",
"initially", "but", "although"), or a refusal "again" settles nothing."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["refused"]

_ASKS_DONE = re.compile(r"^\s*(?:did|has|have|had)\s+(?P<rest>.+)$", re.I)
_REFUSED = re.compile(r"\b(?:(?:refused|declined)\s+to|(?:would|will|could)\s+not|won[’']t|wouldn[’']t|"
                      r"couldn[’']t)\s+(?P<verb>[a-z]+)\b(?P<after>[^.;:!?]*)", re.I)
_UNSETTLED = re.compile(r"\b(?:unless|if|until|without|eventually|later|finally|relented|reversed|changed\s+its\s+mind|"
                        r"at\s+first|initially|but|although|though|however|again|already|"
                        r"had\s+(?:said|refused|declined)|"
                        r"who|which|last\s+(?:year|month|week)|previously|predict\w*|expect\w*|fear\w*|forecast\w*|"
                        r"poll|believed?|thought|likely)\b", re.I)
"""A refusal undone, on a condition, of a time gone by, or only foreseen by others."""
_LEFT_UNSAID = frozenset("it them this that".split())
_OTHERS = frozenset("other others another rival rivals some many".split())
_SAID_BY = re.compile(r"(?:^|[,;:]\s*)(?P<who>[^,;:]+?)\s+(?:said|says|told\s+\w+|added)\s+(?:that\s+)?$", re.I)
_SPEAKS_FOR = re.compile(r"^\s*(?:he|she|they|it|we|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*$")
"""One who speaks for the doer: a pronoun or a name ("She said the council would not pay")."""
_CLAUSE_START = re.compile(r".*(?:^|[,;:]|\b(?:said|says|told|that|and)\b)\s*", re.I | re.S)


def refused(question: str, sentence: str) -> bool:
    """Does the sentence say the doer asked about refused (or would not do) the deed the question asks was done?"""
    asked = _ASKS_DONE.match(question)
    if asked is None or _UNSETTLED.search(sentence):
        return False
    ws = [w for w in words(asked.group("rest")) if w not in STOPWORDS]
    for m in _REFUSED.finditer(sentence):
        verb = base_stem(m.group("verb"))
        at = next((i for i, w in enumerate(ws) if base_stem(w) == verb), None)
        if not at:  # none, or no doer asked before it
            continue
        doer, thing = {base_stem(w) for w in ws[:at]}, {base_stem(w) for w in ws[at + 1:]}
        # Who refuses: the words of the clause just before the refusal ("She said [the council] would not").
        start = _CLAUSE_START.match(sentence[:m.start()]).end()
        ahead = words(sentence[start:m.start()])
        said_by = _SAID_BY.search(sentence[:start])
        if ahead in (["it"], ["they"]) and said_by:
            ahead = words(said_by.group("who"))  # "The club said it would not": the club
        elif said_by and not _SPEAKS_FOR.search(said_by.group("who")) and not doer <= {base_stem(w) for w in words(
                said_by.group("who"))}:
            continue  # "The man's family said police would not charge him": another's word for it
        # The doer itself, no more ("the council", not "the parish council", "the firm's rivals").
        own = {base_stem(w) for w in ahead if w not in ("the", "its", "their")}
        if not ahead or set(ahead) & _OTHERS or own != doer:
            continue
        # What is refused: the question's thing itself, or left unsaid ("would not pay.", "would not pay it").
        said = [w for w in words(m.group("after")) if w not in STOPWORDS]
        if not said or said[0] in _LEFT_UNSAID and len(said) == 1 or {base_stem(w) for w in said} == thing:
            return True
    return False
