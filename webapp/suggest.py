"""Suggested questions for an article that ships no example questions, made from the article itself.

General rules of news writing, no list made for one article: the article's subject (answered from its
metadata); the person it names most ("Who is Jane Doe?": a person is introduced by full name and then
called by surname); and the other name it comes back to most ("What does the article say about Lakeside?").
"""
from __future__ import annotations

import re

from lang.mentions import full_names, name_counts

MAX_SUGGESTIONS = 3
ABOUT = "What is this article about?"


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
