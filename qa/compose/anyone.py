"""Asked of anyone: "did the police arrest anyone?" and "was anybody hurt?" are answered No by a sentence that says
there were none of the deed ("no arrests were made", "no injuries")."""
from __future__ import annotations

import re
from itertools import takewhile

from lang.paraphrase import deed_nouns, said_for
from lang.rules import AUXILIARIES, INDEFINITES, auxiliary
from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["done_to_anyone", "none_of", "others_named", "says_none"]


def done_to_anyone(ws: list[str], said: set[str]) -> str | None:
    """The deed of "did <subject> <deed> anyone / anything?" when the sentence names the subject ("did the police
    arrest anyone?": "arrest", said of the police), else None."""
    k = next((i for i, w in enumerate(ws) if i >= 3 and w in ("anyone", "anybody", "anything")), None)
    if k is None or ws[k - 1] in STOPWORDS:
        return None
    subject = [w for w in ws[1:k - 1] if w not in STOPWORDS]
    return ws[k - 1] if subject and all(base_stem(w) in said for w in subject) else None


def says_none(asked: list[str], sentence: list[str]) -> bool:
    """Does the sentence say "no <the deed asked about>" at all, however qualified ("No injuries were reported,
    although several cars were damaged")? Then it says no one was, not that someone was."""
    deed = next((w for w in asked if auxiliary(w) not in AUXILIARIES and w not in STOPWORDS), None)
    return deed is not None and any(
        said_for(base_stem(deed), {base_stem(n)}) is not None or deed_nouns(base_stem(deed)) & {base_stem(n)}
        for w, n in zip(sentence, sentence[1:]) if w == "no")


def none_of(asked: list[str], sentence: list[str]) -> str | None:
    """"No" when the sentence says "no <the deed asked about>" ("no arrests", "no deaths" for "die"). `asked`: the
    question's words after "anyone" (not after "any": "any records changed" names a thing, not a deed)."""
    deed = next((w for w in asked if auxiliary(w) not in AUXILIARIES and w not in STOPWORDS), None)
    if deed is None:
        return None
    asked = base_stem(deed)
    for k in (i for i in range(len(sentence) - 1) if sentence[i] == "no"):
        noun = {base_stem(sentence[k + 1])}
        if said_for(asked, noun) is None and not deed_nouns(asked) & noun:
            continue
        # None at all, and no more said of it: "no injuries were reported (, police said)"; not "no injuries at the
        # scene", "in the first fire", "..., but a firefighter was taken to hospital", "at first no injuries ...".
        tail = sentence[k + 2:]
        rest = tail[len(list(takewhile(lambda w: w in _DENIED_TAIL, tail))):]
        if not set(sentence[max(0, k - 2):]) & _CONTRAST and (
                not rest or len(rest) <= 4 and (rest[0] in _SAYING or rest[-1] in _SAYING)):
            return "No"  # "... were reported", "... were reported, police said"
    return None


_DENIED_TAIL = frozenset("were was have has had been be being reported recorded confirmed made so far yet now sustained "
                         "suffered there".split())
_SAYING = frozenset("said says added told according".split())
_CONTRAST = frozenset("but however although though except apart besides other than first initially".split())



_OTHERS = frozenset("others some many most several we".split())
"""A sentence's bare subject that stands for more of a group named just before: "Several villagers gave evidence.
... Others spoke in favour."; or for the group a speaker speaks for: "The group's chair said ... “We are not against
solar power.”" """


def others_named(question: str, sentence: str, before: str) -> str:
    """The sentence with its bare "Others" ("Some", "Many") put as the question's words for the group that the two
    sentences before name ("did any villagers speak in favour?" / "Others spoke in favour." -> "villagers spoke in
    favour."); the sentence as it is otherwise."""
    said = words(sentence)
    if len(said) < 2 or said[0] not in _OTHERS or said[1] in ("of", "said", "say", "says"):
        return sentence
    named = {base_stem(w) for w in words(" ".join(re.split(r"(?<=[.!?])\s+", before.strip())[-2:]))}
    group = [w for w in words(question)[1:] if w not in STOPWORDS and w not in INDEFINITES and base_stem(w) in named
             and base_stem(w) not in {base_stem(x) for x in said}]
    if not group:
        return sentence
    m = re.match(r"\s*[\"“‘']?\s*(\w+)", sentence)
    return sentence[:m.start(1)] + " ".join(group) + sentence[m.end(1):]


_KILLED = re.compile(r"^\W*(?:was|were|has|have|had|did|is|are)\s+(?P<who>anyone|anybody|someone|somebody)\s+"
                     r"(?:been\s+|got\s+|get\s+)?(?:killed|die|died|dead)\b(?P<rest>[^?]*)", re.I)


def as_hurt(question: str) -> str | None:
    """"Was anyone killed in the tornado?" asked as "was anyone hurt in the tornado?": where no one was hurt, no one
    was killed (only a No carries over: someone hurt need not have died). None for any other question."""
    m = _KILLED.match(question)
    return f"was {m.group('who')} hurt{m.group('rest')}" if m else None
