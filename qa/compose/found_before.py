"""A "why" answered by what was found before the deed: "why is the pier shut?" / "The town's Victorian pier will stay
closed for the rest of the summer after engineers found that storm damage had left parts of it unsafe". The deed is
told of the very thing asked, as a fact, and what came before it is a finding, not only a time."""
from __future__ import annotations

import re

from lang.paraphrase import covered
from lang.tagging import base_terms
from lang.words import terms, words

__all__ = ["found_before"]

_FOUND_AFTER = re.compile(r"^(?P<deed>[^;:]+?)\s+after\s+(?:[\w'’-]+\s+){1,4}?(?:found|discovered|revealed|showed|"
                          r"confirmed)\b")
_OPEN = frozenset("not never no could would may might should if whether unless".split())
"""Words that leave the deed possible or deny it ("could be shut after …", "was not shut after …")."""
_WHY = re.compile(r"^\s*(?:and\s+|so\s+)?why\s+(?:is|are|was|were|has|have|had|did|does|do|will)\s+(?P<rest>.+?)[\s?!.]*$",
                  re.I)
_MARKS = frozenset("the a an this that its their his her our".split())


def found_before(question: str, sentence: str) -> bool:
    """Does the sentence tell the deed asked of the thing asked ("the pier … closed" for "why is the pier shut?"),
    not possible nor denied, after a finding ("after engineers found …")? The thing is no other one of its kind
    ("Nearby Clevedon pier"), nor a place by which another thing stands ("Shops near the pier")."""
    m, asked = _FOUND_AFTER.match(sentence), _WHY.match(question)
    if m is None or asked is None:
        return False
    deed = m.group("deed")
    said = words(deed)
    wanted = terms(asked.group("rest"))
    if not wanted or set(said) & _OPEN or not covered(wanted, set(terms(deed)) | set(base_terms(deed))):
        return False
    head = words(asked.group("rest"))[:4]
    thing = next((w for w in head if w not in _MARKS), "")
    at = next((i for i, w in enumerate(said) if w.startswith(thing)), None) if thing else None
    if at is None:
        return False
    k = at - 1
    while k >= 0 and said[k] in _MARKS:
        k -= 1
    if k >= 0 and said[k] in ("near", "of", "from", "out", "beside", "by", "to", "at", "on", "second", "another",
                              "third", "other", "different", "separate", "nearby", "new"):
        return False  # "Shops near the pier", "the owner of the pier", "A second man"
    if re.search(rf"\b{re.escape(thing)}\w*['’]s\b", deed, re.I) or re.search(r",|\b(?:and|but|then)\b", deed.split(thing, 1)[-1] if thing in deed
                                                     else deed):
        return False  # "The school's canteen"; "was closed, and reopened after …": the finding came before another deed
    before = re.findall(r"[\w'’-]+", deed)[:at]
    # A name just before it is another one of its kind, unless it follows an owner ("The town's Victorian pier").
    return not (before and before[-1][:1].isupper() and before[-1].lower() not in _MARKS
                and not (len(before) > 1 and (before[-2].lower() in _MARKS or before[-2].endswith(("'s", "’s")))))
