"""A turn that asks where the last answer comes from ("According to who?", "Who said that?", "Source?"): it is
answered from the sentence the last answer cited, so the last question is asked again."""
from __future__ import annotations

import re

from .followup import plain

_ASKS_SOURCE = re.compile(
    r"^\s*(?:and\s+|but\s+|so\s+)?(?:"
    r"(?:according|says?|said)\s+(?:to\s+)?(?:who|whom)"
    r"|who\s+(?:says|said|claims|claimed|reported|reports|announced|stated|confirmed|revealed|wrote|"
    r"told\s+(?:you|them|us))(?:\s+(?:that|so|this|it))?"
    r"|(?:what|which|who)(?:'s|’s|\s+is|\s+are|\s+was)\s+(?:the|your|their|its)\s+sources?(?:\s+(?:of|for)\s+"
    r"(?:that|this|it))?"
    r"|(?:the\s+)?sources?"
    r"|where\s+(?:does|did)\s+(?:that|this)\s+(?:info(?:rmation)?\s+)?come\s+from"
    r"|(?:who|whom)\s+is\s+that\s+from"
    r"|whose\s+(?:estimate|figures?|numbers?|claim|words|quote|statement|calculation|view|account)\s+"
    r"(?:is|was|are|were)\s+(?:that|this|it|these|those)"
    r"|who\s+(?:estimated|calculated|worked\s+out|came\s+up\s+with|put\s+it)\s+(?:that|this|it)"
    r")\s*[?.!]*\s*$", re.I)


def asks_source(question: str) -> bool:
    """Does the turn ask only whom the article has say what was just answered?"""
    return _ASKS_SOURCE.match(question) is not None


def last_question(history: tuple[dict, ...] | list[dict]) -> tuple[str, tuple[dict, ...]] | None:
    """The last question the user asked that was answered, with the conversation before it."""
    messages = list(history)
    for i in range(len(messages) - 1, 0, -1):
        msg, reply = messages[i - 1], messages[i]
        if isinstance(msg, dict) and isinstance(reply, dict) and msg.get("role") == "user" \
                and reply.get("role") == "assistant":
            asked = plain(msg.get("content"))
            if asked and not asks_source(asked):
                return asked, tuple(messages[:i - 1])
    return None
