"""A deed or thing the sentence sets aside for another: "Patients will have to book through a phone line rather than
turn up" answers "can I just turn up?" No; "will repair the road rather than the bridge" answers "will they repair the
bridge?" No. Only an asked word coming straight after "rather than" / "instead of", and not told before it."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["set_aside"]

_INSTEAD = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:(?:the|a|an|their|its|his|her|to|at|as|in|on|for|with|by|"
                      r"from)\s+)?(?P<word>[a-z]+)", re.I)


def set_aside(question: str, sentence: str) -> bool:
    """Is a word of the question what the sentence puts straight after "rather than" / "instead of", told nowhere
    before it, the question not itself weighing one thing against another?"""
    if re.search(r"\b(?:rather|instead|or|than)\b", question, re.I):
        return False
    asked = {base_stem(w) for w in words(question) if w not in STOPWORDS}
    for m in _INSTEAD.finditer(sentence):
        before = {base_stem(w) for w in words(sentence[:m.start()])}
        after = {base_stem(w) for w in words(sentence[m.end():])[2:]}  # past the thing set aside ("bin collections")
        if (word := base_stem(m.group("word").lower())) in asked and not _WISHED.search(sentence[:m.start()]) and \
                word not in before | after and not (asked - {word}) & after and not _GONE_BY.search(sentence):
            return True  # not "… rather than the bridge, which remains open", "and has now agreed to fix the bridge"
    return False


_GONE_BY = re.compile(r"\b(?:last\s+(?:year|month|week)|ago|previously|(?:19|20)\d\d)\b", re.I)
_WISHED = re.compile(r"\b(?:advis\w*|told|encourag\w*|recommend\w*|claim\w*|wants?|wanted|wish\w*|urge\w*|"
                     r"call(?:s|ed)?\s+for|ask\w*|whether|should|if|unless|could|might|may|would\s+(?:like|prefer)|"
                     r"prefer\w*|propos\w*|suggest\w*|hopes?|hoped|consider\w*)\b", re.I)
"""A choice only wished, proposed, weighed or set on a condition: not what is done."""
