"""A story asked for by what it is about, in chat wording: "whats the landlord story", "whats the biscuit factory
news", "tell me about the parking
dispute" ask for the story of that thing, not who or what the thing is. Not "what's the deal with the opening
hours?" (one detail of a story), "tell me about the garage owner" (a person), "what happened with the vote?" (a
fact), nor whose account is asked ("the council's side of the story")."""
from __future__ import annotations

import re

from .story_words import Q_END
from .words import STOPWORDS

_AFFAIR = r"(?:story|saga|dispute|affair)"
_STORY = re.compile(r"^\s*what(?:'s|’s|s|\s+is|\s+was)\s+(?:the\s+|this\s+|that\s+)?(?P<x>[\w'’ ]+?)\s+"
                    r"(?:story|saga|news)" + Q_END + r"|^\s*(?:can\s+you\s+|could\s+you\s+)?tell\s+(?:me|us)\s+"
                    rf"(?:a\s+bit\s+|more\s+)?about\s+(?:the|this|that)\s+(?P<z>[\w'’ ]+?)\s+{_AFFAIR}" + Q_END, re.I)
_NOT_A_TOPIC = frozenset("the this that a cover back top lead main big real true whole full same other official inside "
                         "latest human success love ghost short long sob news side her his your their my our its him "
                         "them it first next last previous current front good bad breaking local world national".split())
"""Words before "story" that say which telling it is ("the cover story", "the back story", "the official story"),
not what it is about."""


def told_about(question: str) -> str | None:
    """What the story asked for is about ("the tennis club"), or None: not a story asked for by its subject, or
    whose account of it is asked ("the council's side of the story", "the police's story")."""
    m = _STORY.match(question)
    if m is None:
        return None
    thing = next(g for g in m.group("x", "z") if g is not None).strip()
    if len(thing.split()) > 4 or any(w in STOPWORDS for w in thing.lower().split()[1:]):
        return None  # "what is meant by a separator in the battery story?": a term asked, in the story named
    last, first = thing.lower().split()[-1], thing.lower().split()[0]
    if m.group(0).rstrip(" ?.!").lower().endswith("news") and all(w in _NOT_A_TOPIC for w in thing.lower().split()):
        return ""  # "what's the latest news": the news of the articles in scope
    if last in _NOT_A_TOPIC or re.search(r"['’]s?\b|\bside\b|s['’]", thing, re.I) or first in (
            "when", "whether", "how", "what", "who", "why", "where", "which", "if"):
        return None  # "whats the when it reopens story": a fact asked
    return thing
