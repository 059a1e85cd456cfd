"""Who said a quotation that names no one ("I would still urge anyone with information to come forward."): the one
the sentence just before it names as it quotes them ('"We understand how much this meant," DI Kershaw said.'), the
quotation going on. Asked "who urged people to come forward?", that name is the answer."""
from __future__ import annotations

import re
from typing import Sequence

from qa.judgment.evidence import Scored

from .context import sentence_before

__all__ = ["asks_speaker", "quote_speaker"]

_BARE_QUOTE = re.compile(r"^\s*[\"“](?:I|We)\b(?!\s+(?:was|were|am|are|have\s+been|had\s+been)\s+told\b)[^\"“”]+[\"”]\s*$")
"""A sentence that is a quotation and nothing else, its speaker its subject ("I would still urge anyone …"; not "My
wife called the fire brigade", another's deed): no "she said" to say whose."""
_NAME = r"(?P<who>(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]+)"
_SAID_BY = re.compile(r"[,.!?][\"”]\s*(?:" + _NAME + r"\s+(?:said|says|added)|(?:said|says|added)\s+" + _NAME.replace(
    "who", "by") + r"(?:,\s+[^.\"“”]+)?)\s*\.\s*$")
"""A quotation's close that names its speaker: '…," DI Kershaw said.', '…," said Helen Marbury, a retired GP.'."""
_SAID_THUS = re.compile(r"^\W*(?:(?:But|And|So|Meanwhile|However|Now|Later|Earlier|Separately|Yesterday|Today),?\s+)?"
                        + _NAME + r"(?:,\s+[^,:\"“”]+,)?\s+(?:said|added):\s*[\"“][^\"“”]+[\"”]\s*$")
"""The British form: 'Insp Jo Reid said: "We need help."'."""
_NOT_A_NAME = frozenset("He She They It We I This That".split())
_ASKS_SPEAKER = re.compile(r"^\s*(?:and\s+|so\s+)?who\s+(?:said|says|asked|asks|urged|urges|warned|warns|told|tells|"
                           r"called|calls|appealed|appeals|promised|promises|vowed|insisted|argued|described|admitted|"
                           r"claimed|pleaded|begged|encouraged|advised)\b", re.I)
"""A question of whose words they were ("who asked people to send in footage?"), which a quotation answers; not
"who was hurt?" nor "who voted to close it?", which a quotation may only speak of."""


def asks_speaker(question: str) -> bool:
    return _ASKS_SPEAKER.match(question) is not None


def quote_speaker(evidence: Sequence[Scored], best: Scored) -> tuple[Scored, int, int] | None:
    """(the sentence before `best`, where in the source its speaker's name starts and ends) when `best` is a bare
    quotation that goes on from one the sentence before gives to a named speaker; None otherwise."""
    if not _BARE_QUOTE.match(best.text):
        return None
    before = sentence_before(evidence, best)
    m = (_SAID_BY.search(before.text) or _SAID_THUS.search(before.text)) if before is not None else None
    if m is None:
        return None
    group = "who" if m.re is _SAID_THUS or m.group("who") else "by"
    if m.group(group).split()[0] in _NOT_A_NAME:
        return None  # '…," she said.': whom she is, the sentence before that says
    return before, before.start + m.start(group), before.start + m.end(group)
