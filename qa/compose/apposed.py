"""A yes/no question about what something is ("is the regal the only cinema in mardlow?") answered Yes by a
sentence that says so in apposition ("The Regal, Mardlow's only cinema, will show its last film ..."): a noun
phrase set beside a name says what that name is, whatever the rest of the sentence says happens to it."""
from __future__ import annotations

import re

from lang.rules import NEGATIONS
from lang.words import STOPWORDS, words

from .clauses import base_stem, parse_fast

__all__ = ["apposed"]

_BE = frozenset({"is", "are", "was", "were", "isnt", "arent", "wasnt", "werent"})
_DETERMINERS = frozenset({"the", "a", "an"})
_NARROWING = frozenset({"in", "of", "at", "for", "on"})


def apposed(question: str, sentence: str) -> bool:
    """Is "is X the [...] N [in Y]?" said by a phrase "N" apposed to X in the sentence, each word of the
    question's X beside it and each word of its "the ... N in Y" inside it ("Mardlow's only cinema")?"""
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
    said = {base_stem(w) for w in what if w not in STOPWORDS}
    doc = parse_fast(sentence)
    apposed_at = [t.idx for t in doc if t.dep_ == "appos"]
    # The sentence's runs between commas, dashes and brackets: the apposed run is set off by a comma after it and
    # holds a word the parser marks apposed; either it or the run before it is the phrase asked about ("The
    # Regal, Mardlow's only cinema," / "The chairman, Tom Smith,"). By runs, not by the parse alone, which may
    # misplace the name ("The Regal" inside "Mardlow's").
    runs = [(m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip()) for m in _RUN.finditer(sentence)]
    for (first, one), (start, two) in zip(runs, runs[1:]):
        end = start + len(two)
        if sentence[end:end + 1] != "," or not any(start <= i < end for i in apposed_at):
            continue
        for phrase, name, at in ((two, one, first), (one, two, start)):
            ps = words(phrase)
            if ps and len(ps) <= _LONGEST and base_stem(ps[-1]) == noun and said <= {base_stem(w) for w in ps} \
                    and not any(w in NEGATIONS for w in ps) \
                    and subject <= {base_stem(w) for w in words(name)} and _plain_name(doc, at, name):
                return True
    return False


def _plain_name(doc, at: int, name: str) -> bool:
    """Is the run a name alone, no clause or preposition in it ("After meeting Smith" is not Smith)?"""
    return not any(at <= t.idx < at + len(name) and t.dep_ in _NOT_A_NAME for t in doc)


_NOT_A_NAME = frozenset("ROOT prep pcomp advcl ccomp xcomp relcl acl conj mark aux auxpass neg dobj".split())
_RUN = re.compile(r"[^,—–()]+")
_LONGEST = 6
"""Words in an apposed phrase at most ("the town's only independent cinema")."""
