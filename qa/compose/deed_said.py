"""A yes/no question whose deed no cited sentence speaks of ("will the owner be prosecuted?" / "Its owner said he
was heartbroken"): the sentences are about the one asked about, not about what is asked of them, so they are shown
as the closest the article comes, not as an answer. The deed counts as spoken of when a sentence holds the verb
itself, a word of like meaning, the noun made from it ("approve" / "approval"), its opposite ("accept" / "rejected")
or a phrasal verb that means it ("went up" for "rise")."""
from __future__ import annotations

from typing import Sequence

from lang.opposites import opposite
from lang.phrasal import PARTICLES
from lang.paraphrase import deed_nouns, said_for
from lang.words import STOPWORDS, cased_as, names, terms, words

from .clauses import base_stem
from .implied import implied
from .phrasal_read import phrasal_said

__all__ = ["deed_unsaid"]

_LIGHT = frozenset("get gets got getting have has had make makes made take takes took go goes went going come comes came "
                   "do does did done put keep kept let happen happens happened gone".split())
"""Verbs that carry little of the claim by themselves ("did the trust get any money?" / "raised £1.1 million"): the
sentence may say it in any of a hundred ways."""


def deed_unsaid(question: str, sentences: Sequence[str]) -> str | None:
    """The question's verb, as typed, when it asks a deed (its main verb, not a light one), the sentences share no
    word with what it asks beyond who it asks about ("will ousby be prosecuted?" / "Ousby said he was heartbroken"),
    and none speaks of the deed; None otherwise ("has the council approved the car park?" / "gave its plans for a car
    park the go-ahead": the car park is there, and the sentence may well say it in other words)."""
    from lang.tagging import parse  # spaCy only for a yes/no answer without a verdict

    if not sentences:
        return None
    question = cased_as(question, " ".join(sentences))  # "will graham ousby be …": a name, not a verb
    doc = parse(question[:1].upper() + question[1:].rstrip(" ?!.") + "?")  # "Was …": lower case misleads the parser
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    chain = [root, *(c for c in root.children if c.dep_ in ("xcomp", "conj", "ccomp"))]
    verbs = [t for t in chain if t.pos_ == "VERB" and t.lower_ not in STOPWORDS and t.lower_ not in _LIGHT]
    if not verbs or any(c.dep_ == "prt" for v in verbs for c in v.children) \
            or any(v.i + 1 < len(doc) and doc[v.i + 1].lower_ in PARTICLES for v in verbs):
        return None  # "is the council going to chip in?": an idiom, said in too many ways to tell it unsaid
    # Who does it (an active verb's subject) or who it is done to by name ("will Ousby be prosecuted?"), not a thing
    # it is done to ("have the plans been scrapped?": the plans are what the sentence must speak of).
    named = {w for n in names(question) for w in terms(n)}
    who = {w for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for w in terms(
        doc[c.left_edge.i:c.right_edge.i + 1].text) if c.dep_ == "nsubj" or w in named}
    asked = set(terms(question)) - who - {w for t in verbs for w in terms(t.text)}
    said: set[str] = set()
    for text in sentences:
        if asked & set(terms(text)):
            return None  # it speaks of what is asked beyond who
        ws = words(text)
        said |= {base_stem(w) for w in ws} | implied(text) | phrasal_said(ws)
    for verb in verbs:
        stem = base_stem(verb.text)
        if said_for(stem, said) or deed_nouns(stem) & said or any(opposite(stem, s) for s in said):
            return None
    return verbs[0].text
