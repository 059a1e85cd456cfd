"""A yes/no asked of the one asking ("can I park there?", "do we need to book?"): answered only by what anyone, or the
public at large, may or must do ("Visitors can park there", "Patients will have to book"), not by what a body, a
named person or a group the asker may not belong to does ("The council can park its vans there", "Blue badge holders
can park there", "Children under five do not need a ticket")."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS
from lang.words import words

__all__ = ["not_for_the_asker"]

_ASKS_ASKER = re.compile(r"^\W*(?:can|could|may|do|does|will|would|should|must|am|are|have|need)\s+(?:i|we|you|u)\b"
                         r"(?!\s+(?:know|have\s+any\s+idea|understand|think|expect))", re.I)  # not "do we know what …?"
_VERB = re.compile(r"\b(?:can(?:not|n['’]t|['’]t)?|could|(?-i:may)|might|will|would|should|must|do|does|did|need|needs|are|is|"
                   r"were|was|have|has|had)\b", re.I)
_PUBLIC = frozenset("""people person anyone anybody everyone everybody visitors visitor public passengers passenger
patients patient customers customer users user drivers driver motorists shoppers walkers cyclists residents you we
readers viewers guests fans""".split())
_NARROWED = re.compile(r"\b(?:only|under|over|aged|with|who|whose|without|holders?|of\s+more\s+than|who've|\d+\w*|older|"
                       r"younger|young|disabled|pregnant|existing|regular|local|locals|some|those|walk-in|low-income|"
                       r"unaccompanied|non-\w+|from|on|in|at|families|babies|businesses|first-time|new)\b", re.I)
"""Words that narrow who may do it ("Older people", "Families on universal credit", "Over-60s", "Walk-in patients")."""
_GROUP = KIND_NOUNS["person"] | KIND_NOUNS["organisation"] | frozenset("""staff children pupils students members groups
coaches scouts contractors council anglers holders employees volunteers teams clubs schools firms""".split())


def not_for_the_asker(question: str, sentence: str) -> bool:
    """Is the question asked of the asker, the sentence's deed that of a body, a person named, or a group narrowed or
    other than the public ("Permit holders can park there", "Kestrel Vale residents can …", "Only residents …")?"""
    if not _ASKS_ASKER.match(question) or (verb := _VERB.search(sentence)) is None:
        return False
    own = re.split(r"[,;:]|\b(?:said|says|that)\b", sentence[:verb.start()])[-1]
    ws = words(own)
    groups = [w for w in ws if w not in _PUBLIC and (w in _GROUP or w.rstrip("s") in _GROUP or w.endswith(
        ("ers", "ists", "ents", "ians")))]
    named = any(w[:1].isupper() for w in own.split()[1:])  # "Kestrel Vale residents", "The council's Tom Reed"
    if groups or named:
        return True  # a body, a named person or a group: their deed, not the asker's ("Staff can park there")
    # "Only residents", "Children under five", "Older people"; "Residents can park there, but visitors must …".
    return _NARROWED.search(own) is not None or re.search(r"\bbut\s+(?:not\s+)?(?:\w+\s+){0,2}?(?:" + "|".join(
        sorted(_PUBLIC)) + r")\b", sentence[verb.start():], re.I) is not None
