"""The article a conversation is about: a turn that names nothing and points back at nothing ("what did the mayor
do next?", "who is eligible?") is asked of the articles the last turn's names single out, not of every loaded
article (each with its own mayor). A turn with a word only other articles use is left to search them all."""
from __future__ import annotations

from lang.words import name_keys, names, terms

from .followup import ellipsis, needs_context, turns_of
from .lead_in import named_first
from .turn_names import focus


def topic_articles(question: str, history, snap, scope: set[str]) -> set[str] | None:
    """The sources of `scope` the conversation is about, or None to search them all: a turn with names of its
    own or pointing back other than by a bare noun phrase (those are resolved from the conversation instead), no
    earlier turn, one article in scope, or names of the last turn that do not single out fewer articles."""
    # "and what about the council?" names nothing of its own: the council of the story the chat is about; so does
    # "and the council, what's their side?".
    question = named_first(question) or question
    if len(scope) < 2 or names(question) or needs_context(question) and not ellipsis(question):
        return None
    turns = turns_of(history or [])
    if not turns:
        return None
    found: set[str] | None = None
    # The names the last turn is about first, then any other the answer quotes ("2,000 … on Saturday … Our Club").
    for name in dict.fromkeys([*focus(*turns[-1]), *names(turns[-1][1])]):
        have = snap.sources_naming(name_keys(name), scope)
        if have and len(have) < len(scope):
            found = have
            break
    if not found:
        return None
    # "what did berg say" typed in lower case: a word of the question that only other articles use.
    for term in terms(question):
        elsewhere = snap.sources_naming([term], scope)
        if elsewhere and not elsewhere & found:
            return None
    return found
