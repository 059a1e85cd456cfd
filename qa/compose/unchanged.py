"""A yes/no question whether something goes up or down ("Are ferry fares going up this winter?") answered No by a
sentence that says it will not change ("Fares will not change this winter", "… will be frozen", "… would not
increase"): of the thing asked about, said of it as its subject."""
from __future__ import annotations

import re

from lang.opposites import DOWN, UP
from lang.words import STOPWORDS, words

from .clauses import base_stem
from .phrasal_read import phrasal_said

__all__ = ["unchanged"]

_WAYS = {"up": frozenset(base_stem(w) for w in UP + ["raise", "hike"]),
         "down": frozenset(base_stem(w) for w in DOWN + ["cut", "reduce", "lower"])}
_NOT = r"(?:will|would|does|do|is|are)\s*(?:not|n[’']t)\s+(?:be\s+)?"
_SAME = re.compile(rf"\b(?:{_NOT}(?P<verb>change|changing|raise|raising|increase|increasing|rise|rising|go\s+up|going"
                   r"\s+up|cut|cutting|reduce|reducing|fall|falling|go\s+down|going\s+down|decrease|decreasing)|"
                   r"(?:will|would|is|are)\s+(?:be\s+)?(?:stay\s+|remain\s+|kept\s+)?(?:the\s+same|unchanged|frozen)|"
                   r"(?:stays|remains)\s+(?:the\s+same|unchanged|frozen))\b", re.I)
"""Said not to change, now or from now on: "will not change", "would not increase", "will be frozen", "remains
unchanged"; not what was so once ("were frozen last year", "have remained unchanged for six months")."""


def unchanged(question: str, sentence: str) -> bool:
    """Does the sentence say that the thing the question asks goes up (or down) will not change, or will not go
    that way? The sentence's subject, right before it, must be a word the question asks about: "Council tax will
    not change, but parking charges will rise" does not answer "are parking charges going up?"."""
    ws = words(question)
    if len(ws) < 3 or ws[0] not in _NOW_OR_AHEAD or _IF.search(sentence):
        return False  # "did fares go up last year?" is not answered by what will be
    stems = [base_stem(w) for w in ws]
    meant = set(stems) | phrasal_said(ws)  # "going up" is "rise"
    way = next((w for w, verbs in _WAYS.items() if meant & verbs), None)
    if way is None:
        return False
    asked = {s for w, s in zip(ws[1:], stems[1:]) if w not in STOPWORDS and s not in _WAYS[way]}
    for m in _SAME.finditer(sentence):
        if m.group(0).lower().startswith("would") and not _REPORTED.search(sentence[:m.start()]):
            continue  # "fares would be frozen": as someone said, or only supposed
        if _times(question) and _times(question) != _times(sentence[m.end():]):
            continue  # "going up in April?" / "will not change this winter"
        verb = (m.group("verb") or "").lower()
        if verb and not verb.startswith("chang") and base_stem(verb.split()[0]) not in _WAYS[way] and not (
                verb.startswith("go") and verb.endswith(way)):
            continue  # "will not fall" says nothing of going up
        # Its subject, every word of it asked: "Fares" and "ferry fares", not "Train fares" for "bus fares".
        clause = re.split(r"[,;:]|\b(?:that|and|said)\b", sentence[:m.start()])[-1]
        subject = [base_stem(w) for w in words(clause) if w not in STOPWORDS]
        # Nothing after it limits it to a part ("… for season ticket holders", "… in Scotland", "…, with increases at
        # the other car parks"): a time ("this winter") and who said it may follow.
        rest = _SAID_AFTER.sub("", sentence[m.end():]).strip(" .!")
        if subject and subject[-1] in asked and set(subject) <= asked and (not rest or _WHEN_ONLY.fullmatch(rest)):
            return True
    return False


_NOW_OR_AHEAD = frozenset("is are am will would does do".split())
_REPORTED = re.compile(r"\b(?:said|says|told|confirmed|announced|added)\b", re.I)
_TIMES = frozenset("""january february march april may june july august september october november december winter summer
spring autumn year month week season""".split())


def _times(text: str) -> set[str]:
    """The words of a time the text gives ("this winter", "in April")."""
    return {w for w in words(text) if w in _TIMES}


_SAID_AFTER = re.compile(r",\s+(?:[\w'’-]+\s+){0,4}?(?:said|says|confirmed|announced|added)\b.*$", re.I)
_WHEN_ONLY = re.compile(r"(?:(?:this|next|the\s+coming)\s+(?:year|winter|summer|spring|autumn|month|week|season)|"
                        r"for\s+now|for\s+the\s+time\s+being|in\s+20\d\d)", re.I)
_IF = re.compile(r"\b(?:if|unless|whether|could|might|may|until|but|however|although|though|while|except|only|apart|"
                 r"excluding|not\s+all|not\s+every|plans?|proposals?|proposed|under|promised|"
                 r"promises|expects?|expected|forecasts?|predicts?|predicted|hopes?|hoped|claims?|claimed|rejected|"
                 r"denied|denies|told|assured|pledged|vowed|set\s+to|likely)\b", re.I)
"""Only supposed, possible, promised, claimed or undone by what follows ("…, but they are now set to rise"):
settles nothing."""
