"""Phrasal verbs and the one-word verbs they mean ("go down" is "fall", "call off" is "cancel"): a yes/no question
put in one and answered in the other is the same claim. General English, by base and particle; a phrasal verb
is never its bare verb ("went up" is not "went")."""
from __future__ import annotations

from lang.tagging import verb_base
from lang.words import stem, words

_MEANS = """go up: rise increase climb grow
go down: fall drop decline decrease
come down: fall drop decline decrease
shoot up: rise increase soar jump
call off: cancel
put off: postpone delay
put back: postpone delay
push back: postpone delay
turn down: reject refuse decline
step down: resign quit
stand down: resign quit
shut down: close
close down: close
pull out: withdraw
back out: withdraw
back down: retreat concede withdraw yield
back up: support
set up: establish found create
take over: acquire
give up: abandon surrender
find out: discover learn
carry out: conduct perform
lay off: dismiss fire
break up: dissolve split
sign up: register enrol enroll join
hand over: transfer surrender
show up: attend appear arrive
turn up: attend appear arrive
pay back: repay refund
put up: raise increase
put in: add invest contribute install
cut back: reduce cut
scale back: reduce cut
rule out: exclude
throw out: reject dismiss
phase out: end abolish
kick off: start begin
hold off: delay postpone
hold back: withhold
sell off: sell
knock down: demolish
tear down: demolish
pull down: demolish
go through: complete approve
go back: return
come back: return
get back: return recover
bring back: reintroduce restore
take on: hire employ recruit
hand out: distribute give
sort out: resolve fix
put out: extinguish
look into: investigate examine
wipe out: destroy
lock up: jail imprison
""".splitlines()

PARTICLES = frozenset("up down off out over back in through on into".split())
"""The particles the table knows."""

_TABLE: dict[tuple[str, str], frozenset[str]] = {}
for _line in filter(None, _MEANS):
    _phrase, _, _verbs = _line.partition(":")
    _base, _particle = _phrase.split()
    # By the stem and by its base's stem: "lay" is also the past of "lie", and the caller reads words by their base.
    for _key in {stem(_base), stem(verb_base(_base))}:
        _TABLE[(_key, _particle)] = frozenset(stem(v) for v in _verbs.split())


def means(base_stem: str, particle: str) -> frozenset[str]:
    """The stems of the one-word verbs the phrasal verb means (empty when the table has none)."""
    return _TABLE.get((base_stem, particle.lower()), frozenset())


def phrasal_meanings(text: str) -> list[str]:
    """The stems of the one-word verbs that the text's phrasal verbs mean, the particle next to the verb or up to
    two words after it ("put up the fares", "put the fares up")."""
    return [m for _, ms in _phrasals(text) for m in sorted(ms)]


def said_by_meaning(text: str, said: set[str]) -> set[str]:
    """The stems of the text's phrasal verbs (verb and particle) whose meaning is among the stems `said` ("put
    ... up" when the sentence says "increase")."""
    return {part for parts, ms in _phrasals(text) if ms & said for part in parts}


def _phrasals(text: str) -> list[tuple[tuple[str, str], frozenset[str]]]:
    ws = words(text)
    found = []
    for i, w in enumerate(ws):
        p = next((p for p in ws[i + 1:i + 4] if p in PARTICLES), None)
        meant = means(stem(verb_base(w)), p) if p else frozenset()
        if meant:
            found.append(((stem(w), stem(p)), meant))
    return found
