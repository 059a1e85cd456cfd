"""Entity focus: a question that names something is searched in the articles that name it.

Among many articles that share their vocabulary (and many news stories do: every council has a mayor,
every company a chief executive), fused search ranks passages by their words, so the article that names
"Arvel Energy" competes with those naming "Arva Energy" or any other energy company. When every name of
the question is found, as written, in some of the articles, retrieval is narrowed to those articles.
"""
from __future__ import annotations

from qa.question import Question
from lang.words import is_number, name_keys, terms

MAX_FOCUS = 1000
"""More naming articles than this: the names do not single out a story; search everything."""


def naming_articles(q: Question, snap, scope: set[str] | None) -> set[str] | None:
    """The articles (within `scope`, None: all) that name every name of the question, or None when that does
    not narrow anything down (no names, a name no article has, or every article in scope names them).

    A multi-word name counts as written ("Tamsin Foundation"); if no article has it so, by its last word
    (a question's "Mayor Brandt" against articles saying "Ilse Brandt")."""
    wanted = [n for n in q.names if not is_number(n)]
    if not wanted:
        return None
    found = scope
    for name in wanted:
        keys = name_keys(name)
        have = snap.sources_naming(keys, found)
        if not have and "_" in keys[0]:  # a multi-word name (word pairs)
            have = snap.sources_naming(terms(name)[-1:], found)
        if not have:
            return None
        found = have
    everything = scope if scope is not None else set(snap.articles)
    return found if len(found) < len(everything) and len(found) <= MAX_FOCUS else None


def mentions(snap, sources: set[str] | None):
    """Does an article (within `sources`; None: all) name this name of a question, as written or by its last
    word? For a refusal's reason: a name the closest passages lack may still be in the articles, and then
    "they never mention it" would be untrue."""
    def named(name: str) -> bool:
        if is_number(name):
            return bool(snap.sources_naming(terms(name), sources))
        keys = name_keys(name)
        return bool(snap.sources_naming(keys, sources) or "_" in keys[0] and
                    snap.sources_naming(terms(name)[-1:], sources))
    return named
