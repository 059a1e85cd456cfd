"""How often a text names each thing: the capitalized words used inside its sentences (a capital at a sentence's
start says nothing), and its multi-word names. General rules of news writing, for choosing what to suggest
asking about an article (webapp/suggest.py); questions are read with lang.words.names."""
from __future__ import annotations

import calendar
import re
from collections import Counter

from .words import MONTHS, STOPWORDS

_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*\w")
# Two to four capitalized words in a row, allowing a lower-case particle ("bin", "al", "van", "de") between them.
_NAME = re.compile(r"\b[A-Z][\w'’-]*\w(?:\s+(?:(?:al|bin|de|del|der|da|di|du|la|le|van|von)\s+)?[A-Z][\w'’-]*\w){1,3}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]['\"”’)]*|[\"“(#*\n])\s*$")
# Words written with a capital for grammar, not because they name something: function words, months, weekdays,
# and the honorifics before a name.
_GRAMMAR = (STOPWORDS | MONTHS | {d.lower() for d in calendar.day_name} | {"since", "mr", "mrs", "ms", "dr"})


def grammatical(word: str) -> bool:
    return word.lower() in _GRAMMAR


def _bare(word: str) -> str:
    """A word without its possessive ending ("Roth’s" -> "Roth")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _mid_sentence(text: str, start: int) -> bool:
    return not _SENTENCE_START.search(text[max(0, start - 4):start])


def name_counts(title: str, body: str) -> Counter:
    """How often each capitalized word is used as a name: inside a sentence of the body (a capital at a
    sentence's start says nothing), or anywhere in the title."""
    counts: Counter = Counter()
    for m in _CAPITALIZED.finditer(body):
        if _mid_sentence(body, m.start()):
            counts[_bare(m.group(0))] += 1
    for m in _CAPITALIZED.finditer(title):
        counts[_bare(m.group(0))] += 1
    for word in [w for w in counts if grammatical(w)]:
        del counts[word]
    return counts


def full_names(text: str, counts: Counter) -> list[str]:
    """Multi-word names in order of first appearance. A possessive ends a name ("Norway’s Bergen" is two), and
    leading words that are names of their own elsewhere are dropped ("Norway Anna Roth" -> "Anna Roth")."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        for i, w in enumerate(words):
            if w != _bare(w):
                words = words[:i] + [_bare(w)]
                break
        while words and (grammatical(words[0]) or (len(words) > 2 and counts[words[0]] > 1)):
            words.pop(0)
        while words and grammatical(words[-1]):
            words.pop()
        name = " ".join(words)
        if len(words) >= 2 and name not in out:
            out.append(name)
    return out
