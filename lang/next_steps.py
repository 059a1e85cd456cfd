"""A question that asks what comes next in a story ("what happens next?", "what's next for the union?", "what
are the next steps?", "where does it go from here?"), and the sentences that look ahead: a plan, a date still
to come, a step not yet taken or not ruled out ("is due to meet on Monday", "will vote next month", "further
walkouts have not been ruled out")."""
from __future__ import annotations

import re

_ASKS = re.compile(
    r"^\s*(?:(?:and|so|ok(?:ay)?|then)[,\s]+)?(?:"
    r"what(?:'s|’s|s|\s+is)?\s+(?:(?:will|is\s+going\s+to)\s+)?happen(?:s|ing)?\s+(?:next|now|from\s+here)"
    r"|what\s+(?:comes?|is\s+coming)\s+next|what(?:'s|’s|s|\s+is)\s+next|what\s+now"
    r"|what(?:'s|’s|s|\s+is|\s+are)\s+(?:the\s+)?next\s+steps?"
    r"|where\s+(?:does|do|will)\s+(?:it|this|that|they|things)\s+go\s+from\s+here"
    r"|what(?:'s|’s|s|\s+is|\s+are|\s+will|\s+does|\s+do)\s+(?P<doer>(?:[\w'’-]+\s+){1,3}?)"
    r"(?:(?:going|planning|expected)\s+to\s+do|doing|do)\s+next"  # "whats the trust doing next", "what will it do next"
    r")(?:\s+(?:for|with|in|at|on|about|after|following)\s+(?P<subject>[^?.!]+?))?\s*[?.!]*\s*$", re.I)

_AHEAD = re.compile(
    r"\b(?:is|are|was|were)\s+(?:due|expected|set|scheduled|planning|going)\s+to\b"
    r"|\b(?:will|shall|won't|won’t)\s+(?!not\b)\w+"
    r"|\b(?:plans?|planned|intends?|intended|aims?|hopes?)\s+to\b"
    r"|\b(?:next|later\s+this|early\s+next|by\s+the\s+end\s+of\s+the)\s+(?:week|month|year|step|steps|spring|summer|"
    r"autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bnot\s+(?:been\s+)?ruled\s+out\b|\bha(?:s|ve)\s+yet\s+to\b|\b(?:must|will)\s+still\b|\bstill\s+(?:has|have|needs?)\s+to\b"
    r"|\bwould\s+(?:meet|decide|vote|hold|publish|announce|review|consider|resume|return|invite|set\s+out|open|close|"
    r"begin|start|end|take\s+effect|be\s+(?:held|decided|published|announced|reviewed|made))\b", re.I)
"""Said of what is to come: a date ahead, a plan, a step still to take. A bare "would" is left out: as often a
wish or a condition ("would hit the poorest hardest") as a plan."""


def asks_next(question: str) -> str | None:
    """What the question asks the next steps of ("the union"; "" for the story at hand); None when it does not
    ask what comes next."""
    m = _ASKS.match(" ".join(question.split()))
    if m is None:
        return None
    subject = (m.group("subject") or m.group("doer") or "").strip()
    return "" if subject.lower() in _POINTING else subject  # "what are they going to do next": the story at hand


_POINTING = frozenset({"it", "this", "that", "they", "he", "she", "them", "the story", "the article"})


def looks_ahead(sentence: str) -> bool:
    """Does the sentence tell what is to come (a plan, a date ahead, a step not yet taken)?"""
    return _AHEAD.search(sentence) is not None
