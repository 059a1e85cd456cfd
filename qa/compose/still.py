"""A state asked of now with "still" ("is it still safe to eat eggs?") is what a sentence in the present says ("eggs
are safe to eat"): the "still" asks whether it holds now, which the present tense tells; not a sentence of a time
gone by ("was closed until May", "no longer")."""
from __future__ import annotations

import re

__all__ = ["as_now", "as_ended", "not_begun"]

_STILL_NOW = re.compile(r"^\W*(?:is|are|isn't|aren't)\b[^?]*\bstill\b", re.I)
_NOW = re.compile(r"\b(?:is|are|remains?)\b", re.I)
_GONE_BY = re.compile(r"\b(?:was|were|had|until|no\s+longer|used\s+to|before|former|ex|previous|outgoing|one-time|"
                      r"last|once|left|leaving|quit|quitting|resigned|stepped\s+down|now|new)\b", re.I)
"""A time gone by, or a role held then ("Tom Reed is the former chairman")."""


def as_now(question: str, sentence: str) -> str:
    """The question without its "still" where the sentence tells the present and no time gone by; else as asked."""
    if _STILL_NOW.match(question) and _NOW.search(sentence) and not _GONE_BY.search(sentence):
        return re.sub(r"\s+still\b", "", question, count=1)
    return question


_ENDING = re.compile(r"\b(?:over|ends?|ended|ending|finish\w*|complete\w*|conclude\w*)\b", re.I)
_AGAIN = re.compile(r"\b(?:again|anew|also|too|new|next|another|re-?(?:open|start|sum|turn|run|trial|launch|schedul|play)\w*|"
                    r"closed|held|by-\w+)\b", re.I)
"""Another of its kind, or the thing already done or held: what "will open" then says nothing of this one."""
_OVER = re.compile(r"^\W*(?P<aux>is|are|was|were)\s+(?P<x>.+?)\s+(?:all\s+)?over\s*[?.!]*\s*$", re.I)


def as_ended(question: str, sentence: str) -> str:
    """"Is the cull over?" asks whether it has ended, which a sentence that only names the cull ("hens are being
    culled") does not say: asked as "has the cull ended?" where the sentence does not speak of any end (then it is
    read as asked)."""
    m = _OVER.match(question)
    if m is None or _ENDING.search(sentence):
        return question  # the sentence speaks of its end: read as it is
    return f"{'has' if m.group('aux').lower() in ('is', 'was') else 'have'} {m.group('x')} ended"


_ENDED_Q = re.compile(r"^\W*(?:(?:is|are|was|were)\s+(?P<x>.+?)\s+(?:all\s+)?over|(?:has|have)\s+(?P<y>.+?)\s+(?:ended|finished|"
                      r"concluded|closed)|(?:did|has|have)\s+(?P<z>.+?)\s+(?:end|finish|conclude|happen(?:ed)?|tak(?:e|en)\s+place))"
                      r"(?:\s+(?:yet|already))?\s*[?.!]*\s*$", re.I)
_TO_BEGIN = re.compile(r"\b(?:will|(?:is|are)\s+(?:due|set|expected|scheduled|to)(?:\s+to)?)\s+(?:open|start|begin|be\s+held|"
                       r"take\s+place|get\s+under\s*way|commence)\b", re.I)


def not_begun(question: str, sentence: str) -> bool:
    """"Is the planning inquiry over?" is No where the sentence says the inquiry "will open on 3 February": what is
    still to begin has not ended. The thing's last word must be said before the deed to come."""
    m, begins = _ENDED_Q.match(question), _TO_BEGIN.search(sentence)
    if m is None or begins is None or _ENDING.search(sentence) or _AGAIN.search(sentence) or _UNDER_WAY.search(sentence):
        return False  # "The trial ended on Friday and sentencing will take place …", "… will take place again"
    thing = (m.group("x") or m.group("y") or m.group("z")).split()[-1].lower()
    # The thing is the subject of the deed to come, itself ("A planning inquiry led by … will open"): not "Sentencing
    # in the trial", "A second consultation", "The trial of the co-accused".
    from .clauses import parse_fast  # the parser only for a question of whether it is over

    doc = parse_fast(sentence)
    verb = next((t for t in doc if t.idx >= begins.start() and t.dep_ in ("ROOT", "conj", "ccomp", "xcomp")), None)
    while verb is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and verb.head.i != verb.i and verb.dep_ in ("xcomp", "conj"):
        verb = verb.head  # "is due to start": the subject is "is"'s
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    return subject is not None and subject.lower_ == thing and not any(
        c.dep_ in ("prep", "poss", "nummod") or c.lower_ in _ANOTHER for c in subject.children)


_UNDER_WAY = re.compile(r"\b(?:began|begun|started|opened|under\s*way|its\s+(?:first|second|third|final|last|next)|"
                        r"after|before|following|during)\b|^\W*(?:after|before|following|until|during|once)\b", re.I)
"""Already begun ("which began at 7pm", "will start its second week"), or another thing's time ("After the refurbishment
the library will open")."""
_ANOTHER = frozenset("second third fourth further new next another fresh separate second-stage".split())
