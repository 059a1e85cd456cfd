"""A turn that asks for one more detail of what was just answered, by a preposition and a question word
("against who?", "for how much?", "to which team?", "since when?"): the answer is in the sentence the last answer
cited, after that preposition ("... the cup final against Westbury Town")."""
from __future__ import annotations

import re
from dataclasses import dataclass

PREPOSITIONS = ("against|with|for|to|from|by|at|in|on|into|onto|of|over|about|after|before|since|until|under|"
                "behind|near|between|among|towards?|via|through|instead\\s+of")

_DETAIL = re.compile(
    rf"^\s*(?:and\s+|but\s+|so\s+)?(?P<prep>{PREPOSITIONS})\s+"
    r"(?P<wh>whom|who|what(?:\s+[a-z]+)?|which(?:\s+[a-z]+)?|whose(?:\s+[a-z]+)?|where|when|"
    r"how\s+much(?:\s+money)?|how\s+many(?:\s+[a-z]+)?)"
    r"(?:\s+exactly)?\s*[?.!]*\s*$", re.I)

_BEFORE = re.compile(
    r"^\s*(?:and\s+|but\s+|so\s+)?(?:(?:what|how\s+much)\s+(?:was|were|did)\s+(?:it|they|that|this|the\s+\w+)\s+"
    r"(?:cost\s+)?(?:before(?:\s+that)?|previously|until\s+now|used\s+to\s+be|use\s+to\s+(?:be|cost))|"
    r"(?:and\s+)?before(?:\s+that)?|what\s+about\s+before)\s*[?.!]*\s*$", re.I)
""""And what was it before?" after an answer that a change gives ("rise from 2.20 pounds to 2.60 pounds")."""
_INCLUDES = re.compile(r"^\s*(?:and\s+|so\s+)?(?:what\s+(?:does|did|do|will|would)\s+(?:that|it|this|they|those)\s+"
                       r"(?:include|cover)|including\s+what|like\s+what|such\s+as)\s*[?.!]*\s*$", re.I)
""""What does that include?" after an answer whose sentence lists it ("… around £740,000, including lost stock …")."""


@dataclass(frozen=True)
class Detail:
    preposition: str
    """As typed, lower case: "against", "for", "instead of"."""
    wants: str
    """What kind of phrase answers it: "person", "number", "date" or "any"."""
    noun: str = ""
    """The noun asked with "which", "what", "whose" or "how many" ("to which team?"), lower case; '' if none."""
    change: bool = False
    """The "from" of a change ("from 68 pounds to 79 pounds") is asked: what it was before."""


def asks_detail(question: str) -> Detail | None:
    """The preposition and the kind of answer of a turn like "against who?"; None for any other turn."""
    if _BEFORE.match(question):
        return Detail("from", "any", change=True)
    if _INCLUDES.match(question):
        return Detail("including", "any")
    m = _DETAIL.match(question)
    if m is None:
        return None
    wh = m.group("wh").lower()
    wants = ("person" if wh in ("who", "whom") else "number" if wh.startswith(("how much", "how many"))
             else "date" if wh == "when" else "any")
    ws = wh.split()
    noun = ws[-1] if len(ws) > 1 and ws[-1] not in ("much", "many", "money") else ""
    return Detail(" ".join(m.group("prep").lower().split()), wants, noun)
