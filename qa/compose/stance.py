"""Content asked, discontent told: "are the farmers happy about it?" is No where the sentence says the farmers
"have raised concerns", "opposed the plan" or "are angry". Only of those asked, as the subject of the clause that
tells it, not denied ("have not objected")."""
from __future__ import annotations

import re

from lang.rules import NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import base_stem, parse_fast, word_stem

__all__ = ["discontent"]

_CONTENT = re.compile(r"^\W*(?:is|are|was|were)\s+(?P<who>(?:[\w'’-]+\s+){0,4}?[\w'’-]+?)\s+(?:really\s+|actually\s+|all\s+)?"
                      r"(?:happy|pleased|glad|satisfied|content|ok|okay|fine|on\s+board)\b"
                      r"(?:\s+(?:about|with)\s+(?P<what>[^?]*?))?\s*[?.!]*\s*$", re.I)
_DISCONTENT = frozenset(base_stem(w) for w in """concern concerns object objected objection objections oppose opposed
opposition criticise criticised criticize criticized criticism complain complained complaint complaints protest protested
angry anger furious unhappy upset worried worry worries fear feared fears frustrated against dismayed""".split())
_CONTENT_TOO = re.compile(r"\b(?:pleased|happy|glad|satisfied|content|welcom\w*|back(?:s|ed)?|support\w*|in\s+favou?r|"
                          r"at\s+first|initially|now|no\s+longer|despite|den(?:y|ies|ied)|but|until|some|first|acceptable|"
                          r"would|could|may|might|will|if|unless|warn\w*|predict\w*|last|old|previous|former|for\s+years)\b",
                          re.I)
"""Content told too, a view changed, denied, of some, only foreseen or of another time: no discontent read."""
_OWN_DEPS = frozenset("ROOT ccomp conj acomp dobj relcl xcomp advcl".split())
"""The discontent is the clause's own: its verb, what it raised ("raised concerns"), what they are ("are angry")."""


def discontent(question: str, sentence: str) -> bool:
    """Does the sentence tell those the question asks are content ("are the farmers happy about it?") as discontent
    ("Farmers in the lower valley have raised concerns")?"""
    m = _CONTENT.match(question)
    if m is None:
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    if not who:
        return False
    head = base_stem(who[-1])
    what = {base_stem(w) for w in words(m.group("what") or "") if w not in STOPWORDS}
    if not what <= {base_stem(w) for w in words(sentence)}:
        return False  # "are the farmers happy about the fund?" / "… raised concerns about the dams": another thing
    if _CONTENT_TOO.search(sentence):
        return False  # "frustrated with the referee but pleased with the result", "opposed it at first but now back it"
    doc = parse_fast(sentence)
    for t in doc:
        if word_stem(t) not in _DISCONTENT or t.dep_ not in _OWN_DEPS:
            continue  # not "voted for the budget despite criticism from residents"
        verb = t
        while verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        subject = [w for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree]
        if head in {word_stem(w) for w in subject} and not any(c.lower_ in NEGATIONS for c in verb.children):
            return True
    return False
