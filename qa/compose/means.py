"""How someone gets somewhere, or how a deed was done: "how are the children getting to school?" is answered by a
sentence that says they are "taken by the boat", "go by bus" or walk, about them; "how did the attackers get into the
network?" by one that says they "got into the network through a phishing email". The judge, fitted on questions
that ask for a phrase, refuses such sentences as if they had to hold a name or a number."""
from __future__ import annotations

import re

from lang.paraphrase import said_for
from lang.tagging import base_terms
from lang.words import STOPWORDS, stem, terms, words

__all__ = ["by_means", "travels_by"]

_ASKS_MEANS = re.compile(r"^\s*how\s+(?:are|is|do|does|will|were|was|did|can|could)\s+(?P<who>.+?)\s+(?:getting|get|going|"
                         r"go|travell?ing|travel|commuting|commute|reaching|reach|moving|move)\b", re.I)
_BY = re.compile(r"\b(?:taken|carried|driven|ferried|flown|bus(?:s)?ed|brought|taking|going|go|goes|went|travel(?:l)?ing|"
                 r"travel(?:s|led)?|getting|get|gets|moved|moving|reach(?:ing)?)\b[^.;]{0,40}?\bby\s+(?:the\s+|a\s+|an\s+)?"
                 r"[a-z]+|\bon\s+foot\b|\bwalk(?:s|ing|ed)?\b", re.I)


def travels_by(question: str, sentence: str) -> bool:
    """Does the sentence say how those the question asks about get somewhere ("how are the kids getting to
    school?" / "The 41 children ... are being taken by the boat")? Its head word must be there, or one of like
    meaning ("kids" / "children")."""
    m = _ASKS_MEANS.match(question)
    if m is None or _BY.search(sentence) is None:
        return False
    head = next((w for w in reversed(words(m.group("who"))) if w not in STOPWORDS), None)
    return head is not None and said_for(stem(head), set(terms(sentence))) is not None


_ASKS_HOW = re.compile(r"^\s*(?:and\s+|so\s+)?how\s+(?:did|does|do|was|were|is|are|will|would|can|could|has|have|had)\s+"
                       r"(?P<rest>.+?)[\s?.!]*$", re.I)
_MEANS = re.compile(r"\b(?:through|via|using|by\s+means\s+of|with\s+the\s+help\s+of|by\s+(?=[a-z]+ing\b)(?!morning|"
                    r"evening))(?!\s*(?:to\b|(?:the\s+|this\s+|that\s+|next\s+|last\s+)?(?:night|day|week|weekend|month|year|"
                    r"summer|winter|spring|autumn|season|period|building|town|city|area|village|january|february|march|"
                    r"april|may|june|july|august|september|october|november|december|\d)))", re.I)
"""The means a deed was done by ("through a phishing email", "by cutting staff"), not a time it lasted or a place it
went through ("through the night", "through the building"), nor a doer ("hacked by a gang" is who, not how)."""
_OPEN = frozenset("not never no could would might may should must if whether unless tried try trying urged urge "
                  "asked wants want called known unknown unclear".split())
"""Words before the means that leave the deed possible, wished for or unknown ("could respond by closing the road",
"urged the council to respond by …", "tried to get in using stolen passwords", "It is not known how …")."""
_NEAR = 8
"""How many words after the deed's verb its means is told."""


def by_means(question: str, sentence: str) -> bool:
    """Does the sentence tell how the deed asked was done ("how did the attackers get into the network?" / "the
    attackers got into the network through a phishing email")? Every noun the question names is in the sentence
    (whose it is, "the councils network", may go unsaid), its verb is said just before the means by the same verb or
    one of like meaning, and nothing leaves the deed possible, wished for or unknown."""
    m = _ASKS_HOW.match(question)
    if m is None:
        return False
    from lang.tagging import parse  # spaCy only for a "how … ?" the judge doubted

    asked = [t for t in parse(question.strip().rstrip("?!. ") + "?") if t.idx >= m.start("rest")]
    verbs = {stem(t.lemma_.lower()) for t in asked if t.pos_ == "VERB"}
    others = {stem(t.text.lower()) for t in asked if t.pos_ in ("NOUN", "PROPN", "ADJ")
              and t.dep_ not in ("compound", "poss")} - verbs
    said = set(terms(sentence)) | set(base_terms(sentence))
    if not verbs or any(said_for(o, said) is None for o in others):
        return False
    for found in _MEANS.finditer(sentence):
        before = words(sentence[:found.start()])
        if set(before) & _OPEN:
            return False
        near = before[-_NEAR:]
        # The means of the verb asked, not of a later one ("got into the shop and left through a skylight").
        near = near[max((i + 1 for i, w in enumerate(near) if w in ("and", "then", "but")), default=0):]
        deed = {stem(w) for w in near} | set(base_terms(" ".join(near)))
        if all(said_for(v, deed) for v in verbs):
            return True
    return False
