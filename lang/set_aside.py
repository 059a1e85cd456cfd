"""What a question sets aside ("where else was it sold besides Calloway's?"): the thing it already knows of,
which is not the answer it wants."""
from __future__ import annotations

import re

from lang.rules import AUXILIARIES, auxiliary
from lang.words import words

_ASIDE = re.compile(r"(?:,\s*|\s+|^)(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|excluding)"
                    r"\s+(?P<x>[^,?.!;]+?)\s*(?=[,?.!;]|$)", re.I)


def set_aside(question: str) -> str:
    """The question without what it sets aside: "where else were the cheeses sold besides calloways?" ->
    "where else were the cheeses sold?". Searched with it, the sentence that names the thing set aside outranks
    the one that answers, since it shares the most words. Only a question that asks for others ("else", "which other")
    still asks what it did without the phrase; "what does the group make apart from wind farms?" would become
    another question. A yes/no question keeps it: "did everyone except the mayor vote for it?" claims something
    of the rest, and the phrase is part of the claim."""
    ws = words(question)
    others = "else" in ws or any(w in ("other", "others") and after != "than" for w, after in zip(ws, [*ws[1:], ""]))
    if not ws or auxiliary(ws[0]) in AUXILIARIES or not others:
        return question
    m = _ASIDE.search(question)
    if m is None:
        return question
    rest = question[m.end():]
    if m.group(0).startswith(",") and rest.startswith(","):  # "Who, other than Smith, was charged?"
        rest = rest[1:]
    out = " ".join(f"{question[:m.start()]} {rest}".split()).strip(" ,").replace(" ?", "?")
    # Not a question left without its own words ("what besides the fine?")
    return out if len(words(out)) >= 3 else question
