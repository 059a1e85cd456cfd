"""The sentence a best sentence leans on: "He boarded the ship." needs the one before it to say who and which."""
from __future__ import annotations

import re
from typing import Sequence

from lang.rules import refers_back
from lang.words import terms
from qa.judgment.evidence import Scored

_WHICH_NOUN = re.compile(r"^\s*(?:which|what)\s+(?P<noun>[a-z]+)\b", re.I)
_NAMED = re.compile(r"(?<=\s)(?!I\b)[A-Z][\w'’-]*")
"""A capitalised word after the first: a name ("... the frigate Aurora anchored in the bay")."""
_SUBJECT_WORDS = 5
"""How much of a sentence's opening is its subject, for what its noun may share with the sentence before."""


def sentence_before(evidence: Sequence[Scored], best: Scored) -> Scored | None:
    """The sentence just before `best` in its article, when it is among the evidence (in its passage, or the last
    of the passage before)."""
    same = next((ev for ev in evidence if ev.passage_id == best.passage_id and ev.index == best.index - 1), None)
    head, _, number = best.passage_id.rpartition("#")
    if same is not None or best.index != 0 or not number.isdigit():
        return same
    before = [ev for ev in evidence if ev.passage_id == f"{head}#{int(number) - 1}"]
    return max(before, key=lambda ev: ev.end) if before else None


def names_it_only_by_noun(question: str, sentence: str) -> bool:
    """"Which ship did the minister board?" answered by "... boarded the ship ...": the sentence says "the ship", the
    name is in an earlier one."""
    m = _WHICH_NOUN.match(question)
    return bool(m) and re.search(rf"\b(?:the|this|that)\s+{re.escape(m.group('noun'))}\b", sentence, re.I) is not None


def leaned_on(evidence: Sequence[Scored], best: Scored, question: str, asks_identity: bool) -> Scored | None:
    """The sentence before `best` when `best` points back at it: by a pronoun ("He boarded ..."), by a noun for
    a subject when the question asks who or which ("The ship anchored ..."), or by the noun the question asks
    about. A noun subject leans only on a sentence that names something or says the noun's words: "The
    best-in-show award was won by ..." does not lean on a quote that went before ("The competition was the
    strongest I have seen.")."""
    by_pronoun = refers_back(best.text)
    by_noun = not by_pronoun and (asks_identity and refers_back(best.text, definite=True)
                                  or names_it_only_by_noun(question, best.text))
    if not (by_pronoun or by_noun):
        return None
    before = sentence_before(evidence, best)
    if before is None or by_pronoun:
        return before
    subject = set(terms(" ".join(best.text.split()[:_SUBJECT_WORDS])))
    return before if _NAMED.search(before.text) or subject & set(terms(before.text)) else None
