"""Verbs that state the opposite outcome of each other ("accept" / "reject", "win" / "lose"): a sentence that
asserts one answers a yes/no question about the other with No. General English, by base stem; only outcomes
that exclude each other for the same subject and object, not mere contrasts ("buy" / "sell") nor
steps that follow each other ("join" / "leave": who left had joined). And states that exclude each other
("open" / "closed"), from WordNet."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from lang.words import stem

_PAIRS = """accept reject
approve reject
approve veto
pass fail
pass defeat
stay remove
keep remove
win lose
succeed fail
rise fall
increase decrease
increase cut
grow shrink
gain lose
confirm deny
admit deny
agree refuse
agree decline
accept decline
accept refuse
allow ban
allow forbid
allow prohibit
permit ban
support oppose
include exclude
acquit convict
survive die
raise lower
continue stop
continue cease
continue halt
""".splitlines()
UP = "rise climb increase grow soar surge".split()
DOWN = "fall drop decrease shrink plunge slump tumble".split()
"""A number's movement: each way up is the opposite outcome of each way down ("did the shares drop?" /
"the shares rose 7 percent"), and says what any other way up says (lang/paraphrase.py)."""

_OPPOSITE: dict[str, frozenset[str]] = {}
for _line in _PAIRS + [f"{u} {d}" for u in UP for d in DOWN]:
    _a, _b = (stem(w) for w in _line.split())
    _OPPOSITE[_a] = _OPPOSITE.get(_a, frozenset()) | {_b}
    _OPPOSITE[_b] = _OPPOSITE.get(_b, frozenset()) | {_a}


def opposite(asked: str, said: str) -> bool:
    """Does the verb stem `said` state the opposite outcome of the question's verb stem `asked`?"""
    return said in _OPPOSITE.get(asked, ())


def opposite_state(asked: str, said: str) -> bool:
    """Is the word `said` the opposite state of the question's word `asked` ("permanent" / "temporary", "outside" /
    "indoors", "open" / "closed")? By the words as written, not their stems: "close" (near) is no "closed"."""
    return said.lower() in _states().get(asked.lower(), ())


@lru_cache(maxsize=1)
def wordnet_pairs() -> dict:
    """The record mined from WordNet by training/wordnet_pairs.py: same-meaning words (read by lang/paraphrase.py)
    and opposite states, read from disk once."""
    return json.loads(Path(__file__).with_name("wordnet_pairs.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _states() -> dict[str, frozenset[str]]:
    """WordNet's opposite adjectives and adverbs, both ways."""
    table: dict[str, set[str]] = {}
    for a, b in wordnet_pairs()["opposite_states"]:
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in table.items()}


def other_kind(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, said) when the question names a thing by a state ("the temporary road") and the sentence says only the
    opposite state ("a permanent repair"): it speaks of the other one. None otherwise."""
    said = [w.lower() for w in re.findall(r"[A-Za-z]+", sentence)]
    for m in _STATE_BEFORE_NOUN.finditer(question):
        asked, thing = m.group("state").lower(), stem(m.group("thing"))
        if asked in said:
            continue
        # The other state said of the thing asked about, or of what is done to it ("a permanent repair … the road").
        # Or of another thing, where a sum is asked and the thing asked is not said at all, the sum close after the
        # other state ("how much will a permanent fix cost?" / "a temporary modular bridge, which could cost £450,000").
        priced = thing not in {stem(x) for x in said} and re.match(r"\s*how\s+much\b", question, re.I) is not None
        other = next((w for k, w in enumerate(said) if w in _states().get(asked, ())
                      and (thing in {stem(x) for x in said[k + 1:k + 6]} or priced and re.search(
                          rf"\b{w}\s+(?:[\w-]+\s+){{0,2}}[\w-]+,?\s+(?:which\s+)?(?:could\s+|would\s+|will\s+|is\s+expected\s+"
                          rf"to\s+)?(?:cost|costs|costing)\b[^.;£$€]{{0,20}}[£$€]\s?\d", sentence, re.I))), None)
        if other is not None:
            return asked, other
    return None


_STATE_BEFORE_NOUN = re.compile(r"\b(?:the|a|an|this|that|its|their)\s+(?P<state>[a-z]+)\s+(?P<thing>[a-z]+)", re.I)
"""A word between a determiner and a noun: where a state names which one ("the temporary road")."""
