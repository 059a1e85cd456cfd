"""A future told as "going to" inside a yes/no question ("has X said its going to sue?", typed without its
apostrophe) is read as "will", as the article tells a future; not a place or an event gone to ("she's going to the
opening", "going to court")."""
from __future__ import annotations

import re

__all__ = ["as_will"]

_GOING = re.compile(r"\b(?P<who>it|he|she|they|we)(?:\s+(?:is|are)|['’]s|['’]re|(?<=it)s)\s+going\s+to\s+(?P<what>\w+)",
                    re.I)




def as_will(question: str) -> str:
    """A future told as "going to" inside the question ("its going to sue", typed without its apostrophe) as "will";
    not a place or an event gone to ("she's going to the opening", "going to court")."""
    if (m := _GOING.search(question)) is not None and _verb_at(question, m.start("what")):
        return question[:m.start()] + f"{m.group('who')} will " + question[m.start("what"):]
    return question


def _verb_at(question: str, at: int) -> bool:
    from lang.tagging import parse  # spaCy's tagger only for such a question

    went = next((t for t in parse(question) if t.idx == at), None)
    return went is not None and went.pos_ == "VERB"
