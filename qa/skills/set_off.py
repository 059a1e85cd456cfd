"""A "why" answered by what set the deed off: the one sentence whose own verb for the deed asked, done by the one
asked about, has an "after …" that tells what set it off (lang/triggers.py): "why was the farm fined?" / "A dairy
farm … was fined £48,000 on Thursday after slurry … poured into the brook". Likely, not sure: "after" tells what
came first, and news tells what set a deed off so, but it does not say "because"; the next sentence of its
paragraph is cited beside it when that one gives a reason in so many words."""
from __future__ import annotations

import re

from lang.phrasal import PARTICLES, said_by_meaning
from lang.reasons import explains
from lang.triggers import trigger
from lang.rules import DATELINE, TITLES
from lang.words import cased_as, root_of, roots, stem
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer

__all__ = ["set_off"]

_AFTER = re.compile(r"\b(?:after|following)\b", re.I)
_SUBJECTS = ("nsubj", "nsubjpass")
_DO = frozenset({"did", "does", "do", "will", "would"})
_ASIDE = frozenset({"appos", "relcl", "acl", "prep", "punct"})
"""What a subject's own words leave out: "Anne Lowe, deputy to council leader Jim Hart," is Anne Lowe."""


def set_off(doc: ArticleDoc, asked: str, little: frozenset[str]) -> SkillAnswer | None:
    """The answer for `asked` (the question without its "why"), or None when no sentence, or more than one, tells
    what set the deed off. `little`: the words that name nothing of the question ("the", "it")."""
    from lang.tagging import parse  # spaCy only for a "why"

    asked = cased_as(asked, " ".join(ln.text for ln in doc.lines))  # "did jim hart resign": names, then a verb
    q = parse(f"Why {asked.strip().rstrip(' ?!.')}?")  # "why did the mayor resign?": "resign" read as the verb it is
    verbs = [t for t in q if t.pos_ == "VERB"] or [t for t in q if t.dep_ == "ROOT" and q[1].lower_ in _DO]
    deed = {t.lemma_.lower() for t in verbs}  # "why did the mayor resign?", its verb tagged a noun: the root
    if not deed:
        return None
    stems = {stem(d) for d in deed}
    # The one asked about, when named ("why is Harbury Council suing …?"): the one the sentence says did it. A thing
    # named by what it is ("the library", "the Hollinsby man") may be the doer, the one done to or the agent.
    who = next((_core(s) for v in verbs if (s := _subject(v)) is not None and s.pos_ == "PROPN"), set()) - little
    others = roots(" ".join(t.text for t in q[1:] if t.lemma_.lower() not in deed and t.lower_.rstrip(".") not in
                            TITLES)) - little  # "Mr Hart" is "Council leader Jim Hart"

    def told(line) -> bool:  # the deed's verb with its trigger, done by the one asked about, the rest outside it
        dated = DATELINE.match(line.text)  # "EDDERSLEY — The Corn Hall …": the place it was filed from is no subject
        at = dated.end() if dated else 0
        for t in parse(line.text[at:]):  # ("why was walsh arrested?" / "Moss was arrested after Walsh was hurt": no)
            if t.pos_ == "VERB" and (t.lemma_.lower() in deed or _means(t, stems)) and (span := trigger(t)) is not None:
                doers = set().union(*(_core(d) for d in _doers(t)))
                return others <= roots(line.text[:at + span.start_char] + " " + line.text[at + span.end_char:]) and (
                    who <= doers)
        return False

    found = [ln for ln in doc.lines if not doc.is_headline(ln) and _AFTER.search(ln.text) and others <= roots(ln.text)
             and told(ln)]
    if len(found) != 1:
        return None
    line = found[0]
    # The next sentence of its paragraph, when it gives a reason in so many words ("… was withdrawn after a row with
    # the council. The operator said the route was losing money due to low passenger numbers.").
    beside = [ln for ln in doc.lines[line.number + 1:line.number + 2] if "\n\n" not in doc.text[line.end:ln.start]
              and explains(ln.text, by_time=False) and roots(ln.text) & (who | others | {root_of(s) for s in stems})]
    beside = [own] if (own := _own_reason(doc, line, deed, stems, who | others)) is not None else beside
    citer = Citer()
    body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in [line, *beside])
    return SkillAnswer(Draft(body, tuple(citer.citations), Route.EXTRACTIVE), Level.LIKELY, 0.6)


def _subject(verb):
    """The verb's subject, or the one it shares ("is to cut": the subject of "is"; "… and was fined": the first's)."""
    for t in (verb, verb.head) if verb.dep_ in ("xcomp", "conj") else (verb,):
        found = next((c for c in t.children if c.dep_ in _SUBJECTS), None)
        if found is not None:
            return found
    return None


def _own_reason(doc: ArticleDoc, line, deed: set[str], stems: set[str], named: set[str]):
    """Another sentence in which the one asked about, or a "he" or "she" speaking, gives the deed's reason in so many
    words ('He said he was stepping down "so that the city can move on"'); not one whose speaker or doer is another
    ("The council said it had cut the grant because …" for why the theatre cuts jobs)."""
    from lang.tagging import parse  # spaCy only for a "why"

    for ln in doc.lines:
        if ln.number == line.number or doc.is_headline(ln) or not explains(ln.text, by_time=False):
            continue
        toks = parse(ln.text)
        verbs = [t for t in toks if t.pos_ == "VERB" and (t.lemma_.lower() in deed or _means(t, stems))]
        speakers = [c for t in toks if t.dep_ == "ROOT" for c in t.children if c.dep_ in _SUBJECTS]
        speakers += [s for v in verbs if (s := _subject(v)) is not None]
        if verbs and all(s.pos_ == "PRON" and s.lower_ != "it" or _core(s) & named for s in speakers):
            return ln
    return None


def _doers(verb) -> list:
    """Who the sentence says did it: its subject, or, told in the passive, the one it was done "by"."""
    found = [s] if (s := _subject(verb)) is not None else []
    return found + [a for c in verb.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"]


def _core(subject) -> set[str]:
    """The roots of the subject's own words, past its asides and titles ("A dairy farm near Hollinsby": dairy, farm;
    "Anne Lowe, deputy to Jim Hart,": Anne Lowe; "the owner of Ridge Farm", "Ann Lowe and Tom Byrne" whole)."""
    kept, todo = [], [subject]
    while todo:
        t = todo.pop()
        kept.append(t.text)
        todo.extend(c for c in t.children if c.dep_ not in _ASIDE or c.dep_ == "prep" and c.lower_ == "of")
    return roots(" ".join(w for w in kept if w.lower().rstrip(".") not in TITLES))


def _means(verb, stems: set[str]) -> bool:
    """Is the verb with its particle a phrasal verb that means one of the deeds asked ("put back" for "delayed")?"""
    return any(said_by_meaning(f"{verb.text} {c.text}", stems) for c in verb.children if c.lower_ in PARTICLES)
