"""A yes/no question about what something is ("is the regal the only cinema in mardlow?") answered Yes by a
sentence that says so in apposition ("The Regal, Mardlow's only cinema, will show its last film ..."): a noun
phrase set beside a name says what that name is, whatever the rest of the sentence says happens to it."""
from __future__ import annotations

import re

from lang.rules import NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import base_stem

__all__ = ["apposed"]

_BE = frozenset({"is", "are", "was", "were", "isnt", "arent", "wasnt", "werent"})
_DETERMINERS = frozenset({"the", "a", "an"})
_NARROWING = frozenset({"in", "of", "at", "for", "on"})
_FUNCTION = _DETERMINERS | _NARROWING | {"and"}
"""Words left out when a phrase is matched to the one asked; any other ("once", "former", "deputy") must be asked."""


def apposed(question: str, sentence: str) -> bool:
    """Is "is X the [...] N [in Y]?" said by a phrase "N" apposed to X in the sentence, each word of the
    question's X in the name beside it and the words of its "the ... N in Y" those of the phrase ("Mardlow's only
    cinema")?"""
    ws = words(question)
    if len(ws) < 4 or ws[0] not in _BE:
        return False
    at = next((i for i in range(2, len(ws)) if ws[i] in _DETERMINERS), None)
    if at is None or at + 1 >= len(ws):
        return False
    subject = {base_stem(w) for w in ws[1:at] if w not in STOPWORDS}
    what = ws[at + 1:]
    end = next((i for i, w in enumerate(what) if w in _NARROWING), len(what))
    if not subject or not what[:end] or any(w in NEGATIONS for w in ws):
        return False
    noun = base_stem(what[end - 1])
    said = {base_stem(w) for w in what if w not in _FUNCTION}
    # The sentence's runs between commas, dashes and brackets: a phrase asked about, whole, set off by commas beside
    # a run that is the name alone ("The Regal, Mardlow's only cinema," / "The chairman, Tom Smith,").
    runs = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip()) for m in _RUN.finditer(sentence)]
    for (_, one), (start, two) in zip(runs, runs[1:]):
        if sentence[start + len(two):start + len(two) + 1] != ",":
            continue  # the second run is set off by a comma after it too
        for phrase, name in ((two, one), (one, two)):
            ps = [w for w in words(phrase) if w not in _DETERMINERS]
            head = next((i for i, w in enumerate(ps) if w in _NARROWING), len(ps))  # "the chairman of the club"
            content = {base_stem(w) for w in ps if w not in _FUNCTION}
            # Every word of the phrase one asked ("the deputy mayor" is no "mayor"; "once Mardlow's only cinema"
            # no "only cinema"), and the name a name alone ("Smith's deputy Tom Jones" is not Smith).
            if 0 < head and len(ps) <= _LONGEST and base_stem(ps[head - 1]) == noun and said == content \
                    and subject <= {base_stem(w) for w in words(name)} and _only_a_name(name, subject):
                return True
    return False


def _only_a_name(run: str, subject: set[str]) -> bool:
    """Is the run a name alone: capitalized words after an opening "the", none of them the asked name's possessive
    ("The Regal", "Tom Smith"; not "After meeting Smith", "Smith's deputy Tom Jones")?"""
    ws = re.findall(r"[\w'’-]+", re.sub(r"^(?:the|The)\s+", "", run))
    return bool(ws) and all(w[:1].isupper() for w in ws) and not any(
        re.sub(r"['’]s$", "", w) != w and base_stem(re.sub(r"['’]s$", "", w).lower()) in subject for w in ws)


_RUN = re.compile(r"[^,—–()]+")
_LONGEST = 6
"""Words in an apposed phrase at most ("the town's only independent cinema")."""
