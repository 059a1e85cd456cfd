"""A yes/no question whose "not" is part of the claim it asks about ("did he plead not guilty?", "was she found not
guilty?", "was the house declared not fit to live in?"), not the negative form of the question ("didn't he plead
guilty?", "is the pool not open?"), which asks the same as the positive one."""
from __future__ import annotations

import re

from lang.rules import PRONOUNS
from lang.words import STOPWORDS, words

from .clauses import parse_fast

_OF_THE_CLAIM = {"acomp", "oprd", "ccomp", "dobj", "attr", "xcomp"}
"""What the verb says of its subject or object: "plead [not guilty]", "found [not guilty]", "declared [not fit]"."""


def claim_negated(question: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(the question without its "not", the word the "not" negates, who it is asked of) where the "not" follows the
    question's own verb and negates what it says of someone ("plead not guilty", "find him not guilty", "deemed not
    safe"); None for "did he not plead", "is it not open", "voted not to sell" (bid not to) and "not one but two"."""
    if "not" not in words(question):
        return None  # most questions: no parse
    doc = parse_fast(question)
    for t in doc[2:-1]:
        after = doc[t.i + 1]
        verb = after.head
        if t.lower_ == "not" and t.dep_ == "neg" and t.head.i == after.i and after.dep_ in _OF_THE_CLAIM \
                and 0 < verb.i < t.i:
            who = [w.lower_ for w in [*doc[1:verb.i], *doc[verb.i + 1:t.i]] if w.lower_ not in STOPWORDS
                   and w.lower_ not in PRONOUNS and w.lower_ not in _BENCH]
            return f"{doc[:t.i].text} {doc[t.i + 1:].text}", after.text, tuple(who)
    return None


_BENCH = frozenset("jury court magistrates judge panel tribunal inquest coroner inspectors".split())
"""Who finds or deems, not of whom it is found ("did the jury find him not guilty?")."""


_MIXED = re.compile(r"\b(?:denied|denies|deny|denying|disputed|disputes|contested|contests|changed|changes|cleared|"
                    r"acquitted|withdr[ae]w\w*|previously|earlier|before|co-?accused|co-?defendants?|lesser|quashed|"
                    r"overturned|appeal\w*|again|(?:1[89]|20)\d\d|of\s+the\s+(?:\w+\s+)?(?:charges|counts|offences))\b",
                    re.I)
"""A sentence that may tell the negated claim too ("pleaded guilty to careless driving but denied dangerous
driving", "changed his plea to not guilty", "cleared of robbery"), another time's ("had previously pleaded guilty"),
or another's ("his co-accused pleaded guilty")."""


def answer_negated(verdict: str | None, question: str, word: str, sentence: str,
                   who: tuple[str, ...] = ()) -> str | None:
    """The verdict on "not <word>" from the verdict on <word>: the sentence that says it ("pleaded guilty") says No
    unless it also tells the negated claim or a denial; one that says the claim not so says Yes only in the
    question's own words ("pleaded not guilty")."""
    negated = re.search(rf"\bnot\s+{re.escape(word)}\b", sentence, re.I) is not None
    if verdict == "Yes":
        return None if negated or _MIXED.search(sentence) or not _same_charge(question, word, sentence, who) else "No"
    return "Yes" if verdict == "No" and negated else None


def _same_charge(question: str, word: str, sentence: str, who: tuple[str, ...]) -> bool:
    """Is what the question says after the word ("not guilty *of murder*") said in the sentence too, of the one
    asked? Guilty of manslaughter is no answer to "not guilty of murder"."""
    m = re.search(rf"\b{re.escape(word)}\b(?P<rest>.*)$", question, re.I)
    rest = {w for w in words(m.group("rest")) if w not in STOPWORDS} if m else set()
    # Nor is what is told of someone of theirs ("The man's son was found guilty" for "was the man found …?").
    asked = [w for w in words(question[:m.start()] if m else question)[1:] if w not in STOPWORDS]
    theirs = any(re.search(rf"\b{re.escape(w)}['’]s?\s", sentence, re.I) for w in asked)
    return rest <= set(words(sentence)) and not theirs and set(who) <= set(words(sentence))  # not "Penn was found …"
