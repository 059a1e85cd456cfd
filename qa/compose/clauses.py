"""Reading one clause of a sentence's dependency parse: which clause a word belongs to, whether the clause
states its claim or only wants, supposes or doubts it, and whether a word negates it. Shared by the yes/no
verdict and the "not settled" check (qa/compose/yesno.py)."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from lang.opposites import opposite_state
from lang.paraphrase import said_for
from lang.rules import CLAIM_NOUNS, CONDITIONALS, MODALS, PRONOUNS, auxiliary, is_reporting, negates
from lang.tagging import parse, pipeline, verb_base
from lang.words import stem

# The parser needs only its own tok2vec: without the tagger the whole check takes 2-3.5 ms per parsed sentence
# (median; 6-8 ms at the 90th percentile) on 2 cores shared with training, and only a yes/no question whose
# words are all in the sentence gets it parsed.
_EXCLUDE = ("tagger", "attribute_ruler", "lemmatizer", "ner", "senter")
# The dependencies that start a clause of their own. An infinitive ("aims to open") is not one: it belongs
# to the verb that governs it, which must then be asked about too.
CLAUSES = frozenset("ROOT advcl relcl ccomp csubj csubjpass parataxis acl pcomp".split())
SUBJECTS = frozenset("nsubj nsubjpass csubj csubjpass expl".split())
ARGUMENTS = SUBJECTS | {"dobj", "attr", "dative", "oprd"}
_lock = threading.Lock()  # one load, and spaCy's string store is not written by two threads at once


def warm_up() -> None:
    """Load the parser, the irregular verbs, the word pairs and the opposite states now, so the first yes/no answer
    does not wait for them."""
    _parser()
    verb_base("was")
    said_for("was", ())
    opposite_state("open", "closed")


def _parser():
    with _lock:
        return _load()


def _load():
    return pipeline(_EXCLUDE)


@lru_cache(maxsize=2048)
def parse_fast(sentence: str):
    """The parse by the dependency parser alone (fast; no lemmas, tags or entities)."""
    nlp = _parser()
    with _lock:
        return nlp(sentence)


@lru_cache(maxsize=2048)
def parse_full(text: str):
    """The parse by the whole pipeline (lemmas and tags too)."""
    return parse(text)


def clause_head(t):
    """The index of the word that starts the clause `t` belongs to."""
    while not starts_clause(t) and t.head.i != t.i:
        t = t.head
    return t.i


def starts_clause(t) -> bool:
    # A conjoined verb ("opened the bridge but did not cut the ribbon") is a clause; a conjoined noun is not.
    return t.dep_ in CLAUSES or (t.dep_ == "conj" and starts_clause(t.head))


def word_stem(t) -> str:
    """The stem of a parsed word, as base_stem stems it."""
    return base_stem(t.lower_)


def base_stem(word: str) -> str:
    """The stem of a word's base: an irregular verb form is its base's ("slept" is "sleep")."""
    return stem(verb_base(word))


def asserted(head, own, asked: frozenset[str], modals: set[str]) -> bool:
    """Does the clause state its claim, rather than want, suppose, doubt or allow it?"""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in head.children):
        return False
    if head.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and (c.lower_ in _ONCE or c.lower_ in _THEN and _present(
            head)) for c in head.children) and any(c.dep_ == "aux" and c.lower_ in _TO_COME for c in head.head.children):
        return False  # "Once the cull is complete, the farm will be cleansed": a time to come, not a state now
    whether = base_stem(head.text) in _WHETHER and not any(c.dep_ in ("dobj", "dative") for c in head.children)
    if not whether and any(c.dep_ == "advcl" and _on_condition(c) for c in head.children):
        return False  # "fares would rise if the deal collapsed": only on a condition (not "even if")
    reported = head.dep_ == "ccomp" or head.dep_ == "conj" and is_reporting(head.head.text) and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in head.children)  # "said ..., but that it would not"
    if "will" in modals and reported:
        modals = modals | {"would"}  # "Will X appeal?" / "X said it would appeal": the future, reported
    for t in own:
        if t.dep_ in ("aux", "auxpass") and auxiliary(t.text) in MODALS - modals:
            if auxiliary(t.text) in ("can", "could") and any(c.dep_ == "neg" for c in t.head.children):
                continue  # "couldn't get in": what could not be done was not done
            return False  # "may open", "will open": possible or future, not done
    for verb in [head] + [t for t in own if t.dep_ == "xcomp"]:
        infinitive = verb.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.head.i != verb.i and word_stem(verb.head) not in asked \
                and not ("will" in modals and _intends(verb.head)) and not (_asked_in_writing(verb) and word_stem(verb) in asked):
            return False  # "aims to open", "went there to meet": only the aim is stated
    if reported or head.dep_ in ("csubj", "csubjpass"):
        governor = head.head
        negated_governor = any(denies(c, {governor.i}, asked) for c in governor.children)
        if negated_governor or not (is_reporting(governor.text) or word_stem(governor) in asked
                                    or word_stem(governor) in _FINDS and _found(governor)):
            return False  # "denied that she opened", "did not say that she opened"
    if head.dep_ in ("relcl", "acl") and _claimed(head):
        return False  # "denied claims that Tashi had escaped": a claim's content, not what the sentence states
    if head.dep_ in ("relcl", "acl"):  # "no troops stationed there", "does not have troops stationed there"
        noun, verb = head.head, head.head.head
        if any(denies(c, {noun.i}, asked) for c in noun.children) or (
                noun.dep_ not in SUBJECTS and any(denies(c, {verb.i}, asked) for c in verb.children)):
            return False
    return True


_ONCE = frozenset("once when whenever".split())
_THEN = frozenset("after before until till".split())
"""Told in the present ("after the cull is complete, …"), a time to come; in the past ("After the bridge collapsed, trains
will be diverted"), what happened."""


def _present(verb) -> bool:
    return verb.lower_ in _NOW_FORMS or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _NOW_FORMS
                                            for c in verb.children)


_NOW_FORMS = frozenset("is are am has have does do".split())
_TO_COME = frozenset("will would shall 'll".split())
_WHETHER = frozenset(base_stem(w) for w in "decide know wonder determine".split())
"""Verbs whose "if" clause, with no object between, says what is to be settled ("will decide in June if the scheme goes
ahead"; not "will decide the appeal if the council fails"), no condition."""


def _on_condition(clause) -> bool:
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")]
    return bool(marks) and not any(t.lower_ in ("even", "as") and t.i == marks[0].i - 1 for t in clause.doc)


_FINDS = frozenset(base_stem(w) for w in "find conclude establish determine prove show discover".split())
"""Verbs that hold their "that" clause true as found ("investigators concluded that the fire was started
deliberately"), as a verb of saying holds it as said."""


def _found(verb) -> bool:
    """Was the finding made, and stated: the sentence's own main verb, or what a verb of saying reports ("said
    investigators had concluded that …"); not one hoped, supposed, claimed or possible ("hope the review finds that",
    "if the regulator finds that", "the family claims the report showed"), nor one undone by what follows ("concluded
    that the bridge was safe, but it collapsed")."""
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ == "to" or auxiliary(c.text) in MODALS) or c.dep_ == "mark"
           for c in verb.children):
        return False
    if verb.dep_ != "ROOT" and not (verb.dep_ == "ccomp" and is_reporting(verb.head.text)):
        return False
    return not _BUT.search(verb.doc.text[verb.idx:])


_BUT = re.compile(r"\b(?:but|however|although|though|unlikely|unclear|too\s+early)\b", re.I)


def _asked_in_writing(verb) -> bool:
    """"Wrote to the chief executive to ask for a meeting": the letter asks, so the asking is done (not the meeting
    asked for), where going there to ask is only the aim."""
    return word_stem(verb) in _ASKING and word_stem(verb.head) in _SENT


_ASKING = frozenset(base_stem(w) for w in "ask request urge demand invite seek beg press".split())
_SENT = frozenset(base_stem(w) for w in "write email phone call text contact message".split())


def _intends(verb) -> bool:
    """Is the verb a decided intention, as "Will X ...?" and "Is X going to ...?" ask of the future ("the
    council intends to rebuild", "has agreed to pay", "is set to close"; not "hopes to", "had planned to", "may
    decide to")?"""
    return word_stem(verb) in _INTENDS and not any(
        c.dep_ in ("aux", "auxpass") and (c.lower_ == "had" or auxiliary(c.text) in MODALS) for c in verb.children)


_INTENDS = frozenset(base_stem(w) for w in "intend plan decide agree promise pledge vow go set due".split())


def _claimed(head) -> bool:
    """Is the clause the "that" clause of a claim, a fear or a hope ("claims that ...", "suggestions from a group
    that ...", however the parser attached it)?"""
    if not any(c.lower_ == "that" and c.i < head.i for c in head.children):
        return False
    noun = head.head
    for _ in range(3):
        if stem(noun.lower_) in CLAIM_NOUNS:
            return True
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return False
        noun = noun.head.head  # "suggestions from a local group that ...": the clause hangs on "group"
    return False


def denies(t, verbs: set[int], asked: frozenset[str]) -> bool:
    """Does the word negate the claim: a negation of its verb ("did not open", "never opened", "nobody
    opened"), of a subject or object of it ("No soldiers stayed"), or of an asked word ("not with an escort")?
    A negation deeper in the clause ("with no delay") says nothing about the claim."""
    following = t.nbor(1).text if t.i + 1 < len(t.doc) else ""
    if not negates(t.text, following) or t.head.i == t.i:
        return False
    h = t.head
    return h.i in verbs or (h.dep_ in ARGUMENTS and h.head.i in verbs) or word_stem(h) in asked


_INSIDE = re.compile(r"(?<=[a-z0-9]{3}[.!?])\s+(?=[\"“‘']?[A-Z])")


def quote_parts(text: str) -> list[str]:
    """The sentences a cited "sentence" holds when a quote runs on over several ("We are not against solar power.
    Put it on roofs," she said.): split after a full stop that follows a word, not an abbreviation ("Dr. Roth")."""
    return _INSIDE.split(text)


_OBJECTS = frozenset({"dobj", "dative"})
_OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her"})


def rest_is_its_subject(doc, head, rest: set[str], clause_of: dict[int, int]) -> bool:
    """The question's words outside the claim's clause may only be what its subject points at: the noun a
    relative clause describes ("Brandt, who opened ..."), or the name an enclosing clause gives a pronoun
    or a shared subject ("the mayor visited Lyon, although she ...")."""
    if not rest:
        return True
    if rest <= {word_stem(t) for c in head.children if c.dep_ == "ccomp" for t in c.subtree}:
        return True  # what a saying said: "Has X said how many drivers ...?"
    if rest <= {word_stem(t) for c in head.children if c.dep_ == "advcl" and _infinitive(c) and word_stem(c) in rest
                for t in c.subtree}:  # the purpose itself asked ("to keep"), not a thing inside it ("to fight the rebels")
        return True  # what the deed is done for: "can councils pay to keep lights on?" / "… will be able to pay £95 to keep …"
    if head.dep_ in ("relcl", "acl"):
        inside = {t.i for t in head.subtree}
        return rest <= {word_stem(t) for t in head.head.subtree if t.i not in inside}
    if any(c.dep_ in _OBJECTS and c.lower_ in _OBJECT_PRONOUNS for c in head.children) and \
            rest <= {word_stem(t) for t in doc[:head.i] if clause_of[t.i] != head.i}:
        return True  # "The protesters waited, but the mayor did not meet them": "them" is who was named before
    subject = [c for c in head.children if c.dep_ in SUBJECTS]
    if subject and subject[0].lower_ not in PRONOUNS:
        return False  # the clause names someone else
    outer, t = set(), head
    while t.head.i != t.i:  # up through the enclosing clauses
        t = doc[clause_of[t.head.i]]
        outer |= {word_stem(u) for u in doc if clause_of[u.i] == t.i}
    return rest <= outer


def _infinitive(verb) -> bool:
    """A clause of purpose: "to keep lights on" (its "to" before the verb, no subject of its own)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in SUBJECTS for c in verb.children)


def passed_over(doc, verb) -> bool:
    """Is the claim's verb the one passed over ("paid to Ashlane *rather than (being) held* in a protected account",
    "*instead of holding*")?"""
    at = verb.left_edge.i if verb.left_edge.i < verb.i and verb.left_edge.dep_ in SUBJECTS else verb.i
    if at >= 1 and doc[at - 1].lower_ in ("being", "be"):
        at -= 1
    return at >= 2 and (doc[at - 2].lower_, doc[at - 1].lower_) in (("rather", "than"), ("instead", "of"))
