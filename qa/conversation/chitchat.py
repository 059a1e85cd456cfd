"""Greetings and thanks get a short reply and no citations."""
from __future__ import annotations

import re

_REPLIES = [
    (re.compile(r"^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings)( there)?$"),
     "Hello! Ask me anything about the loaded articles and I will answer with the passages that support it."),
    (re.compile(r"^(thanks?( you)?( very much| a lot)?|thx|ty|cheers|great|ok(ay)?|cool|nice|perfect)$"),
     "You're welcome. Ask another question whenever you like."),
    (re.compile(r"^(bye|goodbye|see you|good night)$"), "Goodbye!"),
    (re.compile(r"^(help|who are you|what are you|what can you do|how does this work)$"),
     "I answer questions about the loaded news articles. Every answer cites the exact sentences it rests on, "
     "and when the articles don't say, I tell you so instead of guessing."),
]


def reply(question: str) -> str | None:
    """A canned reply for small talk, or None for a real question."""
    key = " ".join(re.sub(r"[^\w\s']", " ", question.lower()).split())
    for pattern, text in _REPLIES:
        if pattern.match(key):
            return text
    return None
