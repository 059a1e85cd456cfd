"""The words of a summary or list question that name the story it asks about ("the bridge story"), and what is
left once the words that only ask are gone."""
from __future__ import annotations

import re

ART = r"(?:article|story|piece|report|text|news|document|post|item|thing|this|it)"
"""The words a question calls an article by."""
Q_END = r"\s*[?.!]*\s*$"
"""How a question ends: marks or none."""
_STORY_WORDS = re.compile(rf"\b(?:the|this|that|a)\s+|\b{ART}s?\b|\b(?:about|on|of|for|me|please|us)\b", re.I)


def story(rest: str) -> str:
    """What is left of a summary or list question once the story words are gone: "of the bridge story" ->
    "bridge"; "" when it names no story."""
    words = [w for w in re.findall(r"[\w'’-]+", _STORY_WORDS.sub(" ", rest))
             if not (w.isdigit() and len(w) < 3) and w.lower() not in ("in", "mentioned", "involved", "named", "are", "is", "were", "was", "there", "who",
                                  "what", "please", "summary", "summarize", "summarise", "all", "main", "key",
                                  "people", "events", "dates", "from", "s", "give", "me", "quick", "short", "brief",
                                  "and", "its", "their", "roles", "role", "with", "do", "does", "did", "few", "lines", "words",
                                  "sentences", "sentence", "paragraph", "paragraphs", "points", "bullet", "bullets",
                                  "quickly", "briefly", "short", "simple", "terms", "happened", "news", "explain",
                                  "describe", "tell", "us", "a", "couple", "at", "pls", "one", "two", "three", "four", "five",
                                  "come", "came", "up", "show", "appear", "feature", "featured", "whats", "what's", "what’s",
                                  "mention", "mentions", "name", "names", "list", "lists", "cite", "cites", "quote",
                                  "quotes", "quoted", "include", "includes")]
    return " ".join(words)


_LOOSE = re.compile(r"\W*what(?:'s|’s|s|\s+is)\s+(?:the\s+deal|up|going\s+on|happening)\s+(?:with|at|in|on)\s", re.I)


def asks_loosely(question: str) -> bool:
    """"What's up with X?", "what's the deal with X?", "what's going on at X?": the story of X, or one detail of a
    story that speaks of X; the story only when X is what a story is about."""
    return _LOOSE.match(question) is not None
