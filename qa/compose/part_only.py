"""A yes/no question about all of a group ("are all the streetlights being turned off?", "are all the keepers getting
jobs?") answered No by a sentence that gives the deed to only part of it: a count of a larger whole ("38,000 of the
county's 52,000 streetlights will be turned off", "Of the six remaining keepers, four have been offered jobs") or
"most" of them. Not where the sentence goes on to the rest ("… and the other two at Carrowby"): they may be too."""
from __future__ import annotations

import re

from lang.paraphrase import said_for
from lang.words import NUMBER_WORDS, STOPWORDS, words

from .clauses import SUBJECTS, base_stem, clause_head, parse_fast, word_stem

__all__ = ["part_only", "some_of_them"]

_ALL = re.compile(r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|our\s+)?(?P<thing>[a-z][\w-]*)", re.I)
_N = r"(?:\d[\d,]*|[a-z]+)"
_OWNER = r"(?:(?:the|its|their|our)\s+)?(?:[\w-]+['’]s\s+)?"
_COUNT_OF = re.compile(rf"\b(?P<part>{_N})\s+(?:of|out\s+of)\s+{_OWNER}(?P<whole>{_N})\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)",
                       re.I)
""""38,000 of the county's 52,000 streetlights", "12 out of 40 remaining staff"."""
_OF_COUNT = re.compile(rf"\bOf\s+{_OWNER}(?P<whole>{_N})\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?),\s+(?:only\s+)?(?P<part>{_N})\b",
                       re.I)
""""Of the six remaining keepers, four …"."""
_MOST = re.compile(r"(?<!\bthe\s)(?<!\bat\s)\b(?:most|half)\s+(?:of\s+(?:the\s+|its\s+|their\s+)?)?(?P<noun>[\w-]+)", re.I)
""""Most flights", "half of the staff"; not "the most damaged bridges" (a superlative)."""
_OTHER = re.compile(r"\b(?:all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?|the\s+)(?:other|remaining)\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)",
                    re.I)
""""All other births will move": those left after a part told before, which may or may not do the same."""
_REST = re.compile(r"\b(?:rest|remainder|remaining|others?)\b|(?<!\bafter\s)(?<!\bin\s)\ball\b(?!\s*(?:[,.;?]|$))|\b(?:and|while|with|but)\s+(?:\d[\d,]*|%s)\b(?!\s*(?:per\s*cent|%%|"
                   r"million|billion|thousand|hundred))" % "|".join(sorted(NUMBER_WORDS)), re.I)
"""The rest of the group told too ("… and the other two", "while 14 will stay lit")."""
_ASKED_REST = re.compile(r"\b(?:other|others|rest|remaining|remainder)\b", re.I)
_UNSURE = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether|may|[Mm]ight|[Cc]ould)\b")  # not the month "May"


def part_only(question: str, sentence: str) -> str | None:
    """"No" when the sentence gives the deed asked of all of a group to only a part of it, and no word of the rest;
    "" (no verdict at all) when it counts a part and speaks of the rest or of all too; None when it counts no part. The part
    must be who does the deed or has it done in the clause that tells it (its subject, object or "by"), and that
    clause must hold half the question's words at least ("Most staff said they had not been told whether they were
    paid" tells what most staff said, not who was paid)."""
    asked = _ALL.search(question)
    if asked is None or _UNSURE.search(sentence):
        return None
    thing = base_stem(asked.group("thing"))
    rest = {base_stem(w) for w in words(question[asked.end():]) if w not in STOPWORDS and w != "being"}
    others = [] if _ASKED_REST.search(question) else [*_OTHER.finditer(sentence)]  # "are all the other …": as asked
    parts = [m for m in [*_COUNT_OF.finditer(sentence), *_OF_COUNT.finditer(sentence), *_MOST.finditer(sentence),
                         *others]
             if thing in {base_stem(w) for w in words(m.group("noun"))} and _less(m)]
    if not rest or not parts:
        return None
    if any(_REST.search(sentence[:m.start()] + " " + sentence[m.end():]) for m in parts):
        return ""  # "All of its 1,000 workers will be told, and 600 of them will lose their jobs": no verdict either way
    doc = parse_fast(sentence)
    clause_of = {t.i: clause_head(t) for t in doc}
    for verb in doc:
        if clause_of[verb.i] != verb.i:
            continue
        own = {word_stem(t) for t in doc if clause_of[t.i] == verb.i}
        if sum(said_for(w, own) is not None for w in rest) * 2 < len(rest):
            continue
        spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
                 if c.dep_ in _ARGUMENTS or c.dep_ == "prep" and c.lower_ == "of"]
        found = [m for m in parts for lo, hi in spans if lo <= m.start() < hi]
        if found:  # "All other births will move": the part told before may do it too, or not; no verdict either way
            if all(m.re is _OTHER for m in found):  # its own verb the deed asked ("will move"), else left to others
                return "" if word_stem(verb) in rest else None
            return "No"
    return None


_ARGUMENTS = SUBJECTS | {"dobj", "agent"}
_UNITS_WORDS = "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundreds dozens".split()
_THE_THEM = re.compile(r"\b(?:the|its|their|our|his|her|these|those)\s+([a-z-]+)(?:\s+([a-z-]+))?", re.I)
_SOME_OF = re.compile(r"\b(?:\d[\d,]*(?:\s*(?:per\s*cent|%%))?|%s|some|several|many|a\s+few|few|the\s+majority|a\s+third|a\s+quarter|"
                      r"the\s+[a-z]+est)\s+of\s+(?:the\s+|its\s+|their\s+|our\s+|his\s+|her\s+)?(?:\d[\d,]*\s+)?"
                      r"(?P<noun>[\w-]+(?:\s+[\w-]+)?)" % "|".join(_UNITS_WORDS), re.I)
""""Two of the kittens", "several of the trees", "90 per cent of the pupils", "the oldest of the trees": some of them."""
_SOME_ASKED = re.compile(r"\b(?:any|some|one|none|many|most|few|half|how|which|who|\d+|(?:two|three|four|five|six|seven|"
                         r"eight|nine|ten)\s+of)\b", re.I)
"""A question that asks of some of them, or how many: a count of a part may answer it."""


def some_of_them(question: str, sentence: str) -> bool:
    """Does the question ask of a whole group by "the" ("did the kittens survive?"), the sentence telling only a count
    of part of it ("Two of the five kittens survived", "Of the six keepers, four …", "most of the staff")? Not a Yes:
    the rest may not have. Not where the question asks of some ("did any of the kittens survive?")."""
    if _SOME_ASKED.search(question):
        return False
    things = {base_stem(w) for m in _THE_THEM.finditer(question) for w in m.groups() if w}  # "the kittens", "the staff"
    parts = [*_COUNT_OF.finditer(sentence), *_OF_COUNT.finditer(sentence), *_MOST.finditer(sentence),
             *_SOME_OF.finditer(sentence)]
    return any(things & {base_stem(w) for w in words(m.group("noun"))} and _less(m) for m in parts)


def _less(m: re.Match) -> bool:
    """A part smaller than its whole, where both are counts ("most" is less by its word)."""
    if "part" not in m.re.groupindex:
        return True
    part, whole = _count(m.group("part")), _count(m.group("whole"))
    return part is not None and whole is not None and part < whole


def _count(word: str) -> int | None:
    """A count written in figures or as a word up to twenty; None for any other word."""
    plain = word.replace(",", "")
    if plain.isdigit():
        return int(plain)
    return _UNITS.index(word.lower()) if word.lower() in _UNITS else None


_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty""".split()
