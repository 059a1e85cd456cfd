"""A "which" asked of a sentence that says only that there was one ("Which supermarket wanted the land?" / "… offered
a strip to a supermarket chain"), or a "who are the …?" of one that speaks of them without naming them ("who were the
two walkers?" / "… helping to bring down two walkers who had become stranded"): it does not say which or who, so it
is not shown as the answer."""
from __future__ import annotations

import re

from lang.words import STOPWORDS, is_number, names

__all__ = ["NOT_WHO", "which_unnamed", "who_unnamed"]

_WHICH = re.compile(r"^\s*which\s+(?P<noun>[a-z]+)\b", re.I)
_NOT_A_KIND = frozenset("time times year years day days month months date kind sort type way one ones".split())
"""Words after "which" that ask for a time or a sort, not for which one of a kind."""


def which_unnamed(question: str, sentence: str) -> str | None:
    """The words in which the sentence speaks of the kind asked about only as one of them ("a supermarket chain",
    "an unnamed buyer"), where it names nothing the question does not; None when it names one, or when the
    question asks no "which"."""
    m = _WHICH.match(question)
    noun = m.group("noun").lower() if m else ""
    if not noun or noun in STOPWORDS or noun in _NOT_A_KIND or noun.endswith(("ed", "ing", "ly")):
        return None  # "what fixed set of factors …": a word that describes, not the kind asked about
    one = re.search(rf"\b(?:an?|one|another)\s+(?:(?:unnamed|undisclosed|unidentified|local|national|major|large|"
                    rf"small|private|foreign)\s+)?{re.escape(noun)}s?\b(?:\s+(?:chain|company|firm|group|operator))?"
                    rf"(?!\s+(?:[\w-]+\s+)?of\b)", sentence, re.I)
    asked = {w.lower() for n in names(question) for w in n.split()}
    named = [n for n in names(sentence) if not is_number(n) and not {w.lower() for w in n.split()} <= asked]
    return one.group(0) if one and not named else None


NOT_WHO = "it speaks of them without naming them"
"""Why a "who are the …?" answer is doubtful when its sentence has them only by what they are."""
_WHO_ARE = re.compile(r"^\s*who\s+(?:is|are|was|were)\s+the\s+(?:(?:\d+|two|three|four|five|six|several|other)\s+)?"
                      r"(?P<np>(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+?)(?:\s+(?:that|who|which|whom|in|at|of|on|for|with|"
                      r"from|by|to|got|were|was|are|is)\b|\s*[?,.!]|\s*$)", re.I)
_ANYONE = frozenset("people persons person ones others names".split())
"""Words that ask for everyone named ("who are the people in this story?"), not for those a sentence describes."""


def who_unnamed(question: str, sentence: str) -> str | None:
    """The words in which the sentence speaks of those a "who are the …?" asks about without naming them ("two
    walkers who had become stranded"), where no name stands beside them ("two walkers, Ann Hale and Ben Cole", "the
    treasurer, Ann Hale", "Ann Hale, the treasurer"); None when it names them, or for any other question."""
    m = _WHO_ARE.match(question)
    noun = m.group("np").split()[-1].lower() if m else ""  # the head: "leader" of "the team leader"
    if not noun or noun in STOPWORDS or noun in _ANYONE or noun.endswith(("ed", "ing", "ly")):
        return None
    for found in re.finditer(rf"\b(?:the|an?|\d+|two|three|four|five|six|several|other)\s+(?:[\w-]+\s+)?"
                             rf"{re.escape(noun.rstrip('s'))}s?\b", sentence, re.I):
        before, after = sentence[:found.start()], sentence[found.end():]
        if re.search(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*\s*(?:,|as|(?:,\s*who\s+)?(?:is|was|are|were|became|becomes|"
                     r"has\s+been|had\s+been|have\s+been|remains|remained)(?:\s+now)?)\s*$", before) or re.search(
                r"[A-Z][\w'’-]+\s*,\s*who\s+[^,.;]*$", before) or re.match(
                r"(?:\s+(?:of|for|at|in)\s+[^,.;]{1,40})?\s*,\s*(?:the\s+)?[A-Z]|\s+(?:[A-Z][\w'’-]+\s*){1,3}(?:[,.;)]|and\b|$)",
                after):
            return None  # "Ann Hale, the treasurer", "Ann Hale is the treasurer", "the owners, the Hale family"
        clause = re.split(r"[.;:]", after, maxsplit=1)[0]
        if re.search(r"\b(?:named|identified)\s+(?:\w+\s+){0,2}?as\b", clause) or re.match(
                r"\s*(?:is|are|was|were)\s+(?:now\s+|(?:understood|believed|thought|said|known)\s+to\s+be\s+)?"
                r"(?:the\s+)?[A-Z]", clause):
            return None  # "… were named as Ann Hale and Ben Cole", "were Ann Hale and Ben Cole"
        return found.group(0)
    return None
