""""Why?" after an answer whose sentence tells what set its deed off ("The Lantern Playhouse is to cut 14 of its 38
staff after losing its annual grant …, the theatre announced"): the question of that deed, put from the sentence
("Why is the Lantern Playhouse in Hollinsbury to cut 14 of its 38 staff?"), which the "why" skill
(qa/skills/causes.py) answers with that sentence. The deed is the one the last question asked about when the
sentence tells it ("how much was Hale fined?" / "Hale, who was fined £5,000 in 2020, was jailed after …": not the
jailing), else the one the sentence tells first or reports."""
from __future__ import annotations

import re

from lang.rules import DATELINE
from lang.words import cased_as, terms

from .next_event import told

__all__ = ["why_it_was_set_off"]

_BARE_WHY = re.compile(r"^\s*(?:(?:and|so|but|ok|okay)\s+)?(?:why|how\s+come)(?:\s+(?:is|was)\s+that|'s\s+that|’s\s+that)?"
                       r"\s*[?.!]*\s*$", re.I)
_NO = re.compile(r"^\s*No\.\s")
"""An answer of "No": "why?" then asks why not, which no trigger of a deed answers."""
_SUBJECTS = ("nsubj", "nsubjpass")


def why_it_was_set_off(question: str, answer: str, asked: str = "") -> str | None:
    """The deed's "why" question, or None for any other question, an answer of "No", or a sentence whose deed (the
    one asked about, else the first told) has no "after" that set it off. `asked`: the question the answer answered."""
    said = told(answer) if _BARE_WHY.match(question) and not _NO.match(answer) else None
    if not said:
        return None
    from lang.tagging import parse  # spaCy only for such a follow-up
    from lang.triggers import trigger

    doc = parse(DATELINE.sub("", said))  # "EDDERSLEY — The Corn Hall …": the place it was written, not the subject
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    clauses = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    clauses += [c for t in clauses for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    candidates = [v for t in clauses for v in (t, *(c for c in t.children if c.dep_ == "xcomp"))]
    wanted = {t.lemma_.lower() for t in parse(cased_as(asked, said)) if t.pos_ == "VERB"} if asked else set()
    named = [t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in wanted]
    verb = next((v for v in (named or candidates) if v in candidates and trigger(v) is not None), None)
    if verb is None:
        return None  # "how much was Hale fined?": the fine is told, but not what set it off
    clause = verb.head if verb.dep_ == "xcomp" else verb
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    if subject is None and clause.dep_ == "conj":  # "… was praised and was fined after …": the subject they share
        subject = next((c for c in clause.head.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    who = _subject(subject, clause, root)
    if who is None:
        return None
    aux = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i), None)
    front = aux or (clause if clause.lemma_ == "be" else None)
    span = trigger(verb)
    skip = {t.i for t in span} | {t.i for t in subject.subtree} | ({front.i} if front is not None else set())
    skip |= {i for i in (span.start - 1, span.end) if 0 <= i < len(doc) and doc[i].is_punct}  # ", after …,"
    skip |= {t.i for c in clause.children if c.dep_ in ("conj", "cc") for t in c.subtree}  # the deeds beside it
    tail = span.start if span.start > verb.i else len(doc)  # what follows the trigger is its own ("…, killing …")
    kept = [t for t in clause.subtree if t.i not in skip and t.i < tail and (t.i > subject.right_edge.i or t.i == clause.i)]
    if front is None:  # "Smith resigned after …": "Why did Smith resign …?"
        front = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(clause.tag_)
        if front is None:
            return None
        rest = [(clause.lemma_ if t.i == clause.i else t.text) + t.whitespace_ for t in kept]
    else:
        front, rest = front.lower_, [t.text + t.whitespace_ for t in kept]
    text = " ".join(f"{who} {''.join(rest)}".split()).rstrip(" ,;:.!?—–-")
    if who.lower() in ("it", "they") and (clause.lemma_ == "be" or not set(terms(" ".join(rest))) - set(
            terms(f"{clause.text} {verb.text} {clause.lemma_} {verb.lemma_}"))):
        return None  # "It closed after …": "why did it close?" would fit any closure; "… in October 2022" fits one
    return f"Why {front.lower()} {text}?"


def _subject(subject, clause, root) -> str | None:
    """The subject as the question puts it: "the Corn Hall Theatre" (not "The"), "Visitor numbers" lowered unless a
    name; a pronoun that reports for the one who says it ("Unison said it would ballot": Unison); "it" or "they"
    otherwise, "he" and "she" never (whom they mean is for the names of the conversation)."""
    if subject.pos_ == "PRON":
        speaker = next((c for c in root.children if c.dep_ in _SUBJECTS), None) if clause.dep_ == "ccomp" else None
        if speaker is not None and speaker.pos_ != "PRON":
            subject = speaker
        elif subject.lower_ in ("it", "they"):
            return subject.lower_
        else:
            return None
    span = subject.doc[subject.left_edge.i:subject.right_edge.i + 1]
    first = span[0]
    text = span.text
    return text if first.pos_ == "PROPN" or first.text.isupper() and len(first.text) > 1 else text[:1].lower() + text[1:]
