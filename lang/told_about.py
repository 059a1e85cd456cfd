"""A story asked for by what it is about, in chat wording: "tell me about the tennis club", "whats the landlord
story", "what's the deal with the library", "what happened with the harbour fees" ask for the story of that thing,
not who or what the thing is."""
from __future__ import annotations

import re

from .story_words import Q_END

_TELL = re.compile(r"^\s*(?:can\s+you\s+|could\s+you\s+)?tell\s+(?:me|us)\s+(?:a\s+bit\s+|more\s+)?about\s+"
                   r"(?P<x>(?:the|this|that)\s+[a-z][\w'’ -]*?)" + Q_END, re.I)
_STORY = re.compile(r"^\s*what(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+|this\s+|that\s+)?(?P<x>[\w'’ -]+?)\s+(?:story|saga)"
                    + Q_END + r"|^\s*what(?:'s|’s|s|\s+is)\s+the\s+(?:deal|latest|score)\s+(?:with|on)\s+(?P<y>[^?]+?)"
                    + Q_END + r"|^\s*what\s+happened\s+with\s+(?P<z>(?:the|this|that)\s+[^?]+?)" + Q_END, re.I)


def told_about(question: str) -> str | None:
    """What the story asked for is about ("the tennis club"), or None: a name ("tell me about Ana Roth") or a lone
    noun ("tell me about the judge", "… the council") is asked who or what it is, as before."""
    if m := _STORY.match(question):
        thing = next(g for g in m.group("x", "y", "z") if g is not None).strip()
        return thing if thing.lower() not in ("the", "this", "that", "a") else None
    m = _TELL.match(question)
    if m is None:
        return None
    thing = m.group("x").split()
    return None if len(thing) == 2 else " ".join(thing)
