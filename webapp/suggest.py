"""Suggested questions for an article that ships no example questions, made from the article itself.

General rules of news writing, no list made for one article: the article's subject (answered from its
metadata); the person it names most ("Who is Jane Doe?": a person is introduced by full name and then
called by surname); and the other name it comes back to most ("What does the article say about Lakeside?").
"""
from __future__ import annotations

import re
from collections import Counter

MAX_SUGGESTIONS = 3
ABOUT = "What is this article about?"

_CAPITALIZED = re.compile(r"\b[A-Z][\w'’-]*\w")
# Two to four capitalized words in a row, allowing a lower-case particle ("bin", "al", "van", "de") between them.
_NAME = re.compile(r"\b[A-Z][\w'’-]*\w(?:\s+(?:(?:al|bin|de|del|der|da|di|du|la|le|van|von)\s+)?[A-Z][\w'’-]*\w){1,3}")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;…]['\"”’)]*|[\"“(#*\n])\s*$")
# Words written with a capital for grammar, not because they name something.
_FUNCTION = {"A", "An", "The", "This", "That", "These", "Those", "It", "Its", "In", "On", "At", "Of", "For", "By",
             "To", "From", "With", "And", "But", "Or", "As", "After", "Before", "When", "While", "Since", "If", "He",
             "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Mr", "Mrs", "Ms", "Dr", "Monday",
             "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
             "April", "May", "June", "July", "August", "September", "October", "November", "December"}


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
    for word in _FUNCTION:
        counts.pop(word, None)
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
        while words and (words[0] in _FUNCTION or (len(words) > 2 and counts[words[0]] > 1)):
            words.pop(0)
        while words and words[-1] in _FUNCTION:
            words.pop()
        name = " ".join(words)
        if len(words) >= 2 and name not in out:
            out.append(name)
    return out


def suggest_questions(title: str, body: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """A few questions a reader could ask of an article, from its title and body text (a first line repeating
    the title is not counted twice)."""
    first, _, rest = body.lstrip().partition("\n")
    if first.lstrip("# ").strip() == title.strip():
        body = rest
    text = f"{title}\n{body}"
    counts = name_counts(title, body)
    names = full_names(text, counts)
    out = [ABOUT]
    # A full name whose last word is also used on its own: a person called by surname.
    people = sorted((n for n in names if _uses(text, n.split()[-1]) > _uses(text, n)),
                    key=lambda n: -counts[n.split()[-1]])
    person = people[0] if people else None
    if person:
        out.append(f"Who is {person}?")
    taken = set(person.split()) if person else set()
    topics = [w for w, n in counts.most_common() if n >= 2 and w not in taken]
    if topics:
        word = topics[0]
        # The topic by its full name when it is mostly used in one ("Port Alba" rather than "Alba").
        whole = [n for n in names if word in n.split() and 2 * _uses(text, n) >= counts[word]]
        out.append(f"What does the article say about {whole[0] if whole else word}?")
    return out[:limit]


def _uses(text: str, name: str) -> int:
    return len(re.findall(rf"\b{re.escape(name)}\b", text))
