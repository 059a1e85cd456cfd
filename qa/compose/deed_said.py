"""A yes/no question whose deed no cited sentence speaks of ("will the owner be prosecuted?" / "Its owner said he
was heartbroken"): the sentences are about the one asked about, not about what is asked of them, so they are shown
as the closest the article comes, not as an answer. The deed counts as spoken of when a sentence holds the verb
itself, a word of like meaning, the noun made from it ("approve" / "approval"), its opposite ("accept" / "rejected")
or a phrasal verb that means it ("went up" for "rise")."""
from __future__ import annotations

from typing import Sequence

from lang.opposites import opposite
from lang.paraphrase import deed_nouns, said_for
from lang.words import STOPWORDS, cased_as, words

from .clauses import base_stem
from .implied import implied
from .phrasal_read import phrasal_said

__all__ = ["deed_unsaid"]

_LIGHT = frozenset("get gets got getting have has had make makes made take takes took go goes went going come comes came "
                   "do does did done put keep kept let happen happens happened".split())
"""Verbs that carry little of the claim by themselves ("did the trust get any money?" / "raised £1.1 million"): the
sentence may say it in any of a hundred ways."""


def deed_unsaid(question: str, sentences: Sequence[str]) -> str | None:
    """The question's verb, as typed, when it asks a deed (a verb of its own, not a light one) and no sentence
    speaks of any of its verbs; None otherwise."""
    from lang.tagging import parse  # spaCy only for a yes/no answer without a verdict

    question = cased_as(question, " ".join(sentences))  # "will graham ousby be …": a name, not a verb
    verbs = [t.text for t in parse(question.rstrip(" ?!.") + "?") if t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass")
             and t.lower_ not in STOPWORDS and t.lower_ not in _LIGHT]
    if not verbs or not sentences:
        return None
    said: set[str] = set()
    for text in sentences:
        ws = words(text)
        said |= {base_stem(w) for w in ws} | implied(text) | phrasal_said(ws)
    for verb in verbs:
        asked = base_stem(verb)
        if said_for(asked, said) or deed_nouns(asked) & said or any(opposite(asked, s) for s in said):
            return None
    return verbs[0]
