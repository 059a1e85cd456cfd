"""Yes or No for a yes/no question, said only when a cited sentence states the claim asked about: the claim
is found in one clause of the sentence's dependency parse, and only a negation of that clause makes it "No"."""
from __future__ import annotations

import threading
from functools import lru_cache

from lang.rules import (AUXILIARIES, CONDITIONALS, MODALS, NEGATIONS, PRONOUNS, auxiliary, is_reporting,
                        negates)
from lang.words import STOPWORDS, stem, words

from lang.tagging import pipeline

# The parser needs only its own tok2vec: without the tagger the whole check takes 2-3.5 ms per parsed sentence
# (median; 6-8 ms at the 90th percentile) on 2 cores shared with training, and only a yes/no question whose
# words are all in the sentence gets it parsed.
_EXCLUDE = ("tagger", "attribute_ruler", "lemmatizer", "ner", "senter")
# The dependencies that start a clause of their own. An infinitive ("aims to open") is not one: it belongs
# to the verb that governs it, which must then be asked about too.
_CLAUSES = frozenset("ROOT advcl relcl ccomp csubj csubjpass parataxis acl pcomp".split())
_SUBJECTS = frozenset("nsubj nsubjpass csubj csubjpass expl".split())
_ARGUMENTS = _SUBJECTS | {"dobj", "attr", "dative", "oprd"}
_lock = threading.Lock()  # one load, and spaCy's string store is not written by two threads at once


def yes_no(question: str, sentence: str) -> str | None:
    """"Yes" when the sentence states what the question asks, "No" when it negates that very claim, None when
    unsure: not a yes/no question, a choice ("X or Y?"), a word of the question missing, the claim spread
    over clauses that may be about others, or only wanted, possible, supposed or doubted ("aims to",
    "may", "if", "denied that"). A negative question ("Didn't X ...?") asks the same as the positive one."""
    ws = words(question)
    if not ws or auxiliary(ws[0]) not in AUXILIARIES or "or" in ws:
        return None
    asked = {stem(w) for w in ws[1:] if w not in STOPWORDS and w not in NEGATIONS}
    if not asked or not asked <= {stem(w) for w in words(sentence)}:
        return None  # decided from the words alone: most sentences are never parsed
    modals = {auxiliary(w) for w in ws} & MODALS
    return _verdict(_parse(sentence), frozenset(asked), modals)


def warm_up() -> None:
    """Load the parser now, so the first yes/no answer does not wait for it."""
    _parser()


def _parser():
    with _lock:
        return _load()


def _load():
    return pipeline(_EXCLUDE)


@lru_cache(maxsize=2048)
def _parse(sentence: str):
    nlp = _parser()
    with _lock:
        return nlp(sentence)


def _verdict(doc, asked: frozenset[str], modals: set[str]) -> str | None:
    clause_of = {t.i: _clause_head(t) for t in doc}
    held: dict[int, set[str]] = {}
    for t in doc:
        if _stem(t) in asked:
            held.setdefault(clause_of[t.i], set()).add(_stem(t))
    ranked = sorted(held.items(), key=lambda kv: -len(kv[1]))
    if not ranked or (len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1])):
        return None  # the question's words split evenly over clauses: which one is the claim?
    head = doc[ranked[0][0]]
    own = [t for t in doc if clause_of[t.i] == head.i]
    if not _rest_is_its_subject(doc, head, asked - ranked[0][1], clause_of):
        return None
    if not _asserted(head, own, asked, modals):
        return None
    verbs = {head.i} | {t.i for t in own if t.dep_ == "xcomp"}
    denied = any(_denies(t, verbs, asked) for t in own)
    if head.dep_ == "pcomp" and head.head.lower_ in NEGATIONS:  # "left without cutting the ribbon"
        denied = True
    return "No" if denied else "Yes"


def _clause_head(t):
    while not _starts_clause(t) and t.head.i != t.i:
        t = t.head
    return t.i


def _starts_clause(t) -> bool:
    # A conjoined verb ("opened the bridge but did not cut the ribbon") is a clause; a conjoined noun is not.
    return t.dep_ in _CLAUSES or (t.dep_ == "conj" and _starts_clause(t.head))


def _stem(t) -> str:
    return stem(t.lower_)


def _rest_is_its_subject(doc, head, rest: set[str], clause_of: dict[int, int]) -> bool:
    """The question's words outside the claim's clause may only be what its subject points at: the noun a
    relative clause describes ("Brandt, who opened ..."), or the name an enclosing clause gives a pronoun
    or a shared subject ("the mayor visited Lyon, although she ...")."""
    if not rest:
        return True
    if head.dep_ in ("relcl", "acl"):
        inside = {t.i for t in head.subtree}
        return rest <= {_stem(t) for t in head.head.subtree if t.i not in inside}
    subject = [c for c in head.children if c.dep_ in _SUBJECTS]
    if subject and subject[0].lower_ not in PRONOUNS:
        return False  # the clause names someone else
    outer, t = set(), head
    while t.head.i != t.i:  # up through the enclosing clauses
        t = doc[clause_of[t.head.i]]
        outer |= {_stem(u) for u in doc if clause_of[u.i] == t.i}
    return rest <= outer


def _asserted(head, own, asked: frozenset[str], modals: set[str]) -> bool:
    """Does the clause state its claim, rather than want, suppose, doubt or allow it?"""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in head.children):
        return False
    for t in own:
        if t.dep_ in ("aux", "auxpass") and auxiliary(t.text) in MODALS - modals:
            return False  # "may open", "will open": possible or future, not done
    for verb in [head] + [t for t in own if t.dep_ == "xcomp"]:
        infinitive = verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.head.i != verb.i and _stem(verb.head) not in asked:
            return False  # "aims to open", "went there to meet": only the aim is stated
    if head.dep_ in ("ccomp", "csubj", "csubjpass"):
        governor = head.head
        negated_governor = any(_denies(c, {governor.i}, asked) for c in governor.children)
        if negated_governor or not (is_reporting(governor.text) or _stem(governor) in asked):
            return False  # "denied that she opened", "did not say that she opened"
    if head.dep_ in ("relcl", "acl"):  # "no troops stationed there", "does not have troops stationed there"
        noun, verb = head.head, head.head.head
        if any(_denies(c, {noun.i}, asked) for c in noun.children) or (
                noun.dep_ not in _SUBJECTS and any(_denies(c, {verb.i}, asked) for c in verb.children)):
            return False
    return True


def _denies(t, verbs: set[int], asked: frozenset[str]) -> bool:
    """Does the word negate the claim: a negation of its verb ("did not open", "never opened", "nobody
    opened"), of a subject or object of it ("No soldiers stayed"), or of an asked word ("not with an escort")?
    A negation deeper in the clause ("with no delay") says nothing about the claim."""
    following = t.nbor(1).text if t.i + 1 < len(t.doc) else ""
    if not negates(t.text, following) or t.head.i == t.i:
        return False
    h = t.head
    return h.i in verbs or (h.dep_ in _ARGUMENTS and h.head.i in verbs) or _stem(h) in asked
