"""A yes/no question whether someone got or has a thing ("did staff get their March wages?", "were the drivers
paid?") answered No by a sentence that says they were left without it ("leaving about 460 staff without their March
wages", "drivers have gone without pay since March")."""
from __future__ import annotations

import re

from lang.paraphrase import deed_nouns, said_for
from lang.words import STOPWORDS, stem, words

__all__ = ["went_without"]

_ASKS_HAVING = re.compile(r"^\s*(?:did|do|does|have|has|had|were|was|are|is)\s+(?P<who>.+?)\s+(?:(?P<paid>been\s+paid|"
                          r"get\s+paid|got\s+paid|paid)|get|got|gotten|receive|received|have|had|keep|kept)\b"
                          r"(?P<what>[^?.!]*)", re.I)
_WITHOUT = re.compile(r"\bwithout\s+(?:(?:their|its|his|her|any|the|a|an)\s+)?(?P<what>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)"
                      r"(?=\s+(?:for|in|at|on|since|from|to|until|over|during|after|because|as|while|and|but|or|again)\b"
                      r"|\s*[,.;:!?]|\s*$)", re.I)
_UNSURE = frozenset("could would might may risk risks risked face faces facing fear fears feared if unless whether "
                    "not never no none nobody nothing unlikely likely denied denies deny claimed claims claim alleged "
                    "says said wrong should must".split())
"""Words before "without", in its clause, that leave it feared, claimed or possible ("could be left without pay",
"the union claimed"), or deny it ("No member of staff has been left without their wages")."""
_UNDONE = re.compile(r"\b(?:until|but|although|though|however|later|since|now|before|when|had\s+been)\b", re.I)
"""Words that may undo the lack or set it in the past ("without their wages until Friday, when …", "which had been
without power", "without planning permission, but the council later granted it")."""
_REPORTED = re.compile(r"\b(?:alleged|alleges|claimed|claims|according)\b", re.I)
"""A claim told after it ("…, the union alleged")."""
_CLOSE = 3
"""How many words before "without" those who went without are named ("leaving about 460 staff without")."""


def went_without(question: str, sentence: str) -> bool:
    """Does the sentence say those asked about were left without the thing asked ("did staff get their March
    wages?" / "leaving about 460 staff without their March wages"), or, asked whether they were paid, without pay?
    The one asked about is named just before "without", in the same clause, and it is not feared or denied."""
    m = _ASKS_HAVING.match(question)
    if m is None:
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    what = [w for w in words(m.group("what")) if w not in STOPWORDS]
    if not who or bool(m.group("paid")) == bool(what):
        return False  # a thing had, or "paid" with nothing after it: one or the other
    wanted = {stem(what[-1])} if what else {stem("pay")} | deed_nouns(stem("pay"))
    if len(list(_WITHOUT.finditer(sentence))) != 1:
        return False
    found = next(_WITHOUT.finditer(sentence))
    lacked = {stem(words(found.group("what"))[-1])}  # the head: "pay rises" are no pay
    clause = re.split(r"[;:]|,\s+(?:but|and|while|although|leaving)\b", sentence[:found.start()])[-1]
    close = words(clause)[-_CLOSE - 1:]
    return any(said_for(x, lacked) for x in wanted) and said_for(stem(who[-1]), {stem(w) for w in close}) is not None \
        and not set(words(sentence[:found.start()])) & _UNSURE and not _UNDONE.search(sentence) \
        and not _REPORTED.search(sentence[found.end():]) \
        and "," not in clause[-len(" ".join(close)) - 2:]
