"""The verdict on a yes/no question's core claim when the sentence does not hold all its words: the question's
main verb (or one the crowd uses for it, or its opposite outcome) with the question's subject and object, as
one clause of the sentence states or denies it (used by qa/compose/yesno.py)."""
from __future__ import annotations

import re

from lang.opposites import opposite
from lang.paraphrase import said_for
from lang.phrasal import PARTICLES, means
from lang.rules import INDEFINITES, KIND_NOUNS, MODALS, is_reporting
from lang.words import words
from qa.judgment.answer_kinds import says_money

from .as_statement import READ_AS, as_statement
from .clauses import SUBJECTS, asserted, base_stem, clause_head, denies, parse_full, word_stem

__all__ = ["core_verdict"]

_REFERRING = frozenset("he she it they its their which who that one this these those".split())
_ASKER = frozenset({"i", "we", "you", "u", "me", "us"})  # the one asking, or anyone ("can you park there?")
_UNDONE = re.compile(r"\b(?:once|until|since|previously|formerly|but|although)\b", re.I)
"""Words that may set a deed told in the passive in a past since undone ("was once opposed by the minister but …")."""
_THEM = frozenset("them him her".split())  # stand for the thing asked only where the sentence names it before them
_OBJECTS = frozenset("dobj attr oprd acomp dative".split())
_MONEY = frozenset({"money", "cash", "funding", "funds"})  # nouns that an amount of money ("£15,000") says
_AIMS = frozenset(base_stem(w) for w in "aim hope plan want seek intend try attempt expect wish propose bid".split())
_WHEN = frozenset("after before during since until till following amid despite throughout".split())


def core_verdict(question: str, sentence: str, modals: set[str], before: str = "") -> str | None:
    """The verdict on the question's core claim: a sentence verb of the same lemma as the question's main verb,
    whose subject is the question's (or a pronoun standing for it) and whose object is the question's; "No"
    when that verb is negated (or "against" answers "for"), or when, the verb itself absent, its opposite is
    asserted ("Did they accept it?" / "they rejected it"). Asserted as in `_verdict`: not wanted, possible,
    supposed or doubted. A question about what something *is* ("Was it the first?") needs all its words."""
    q = as_statement(question)
    if q is None:
        return None  # no yes/no question, or one about what something *is* ("Was it the first?"): every word needed
    doc = parse_full(sentence)
    root = next((t for t in q if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in READ_AS or root.i == 0:
        return None
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    said = {t.lower_ for t in doc}
    in_subject = {t.i for t in subject.subtree} if subject is not None else set()
    # "Did they meet in *Paris*?": a name or a number missing outside the subject may be the very point of a
    # Yes; a No (the claim itself denied) holds whatever it adds.
    # Not a name the sentence gives by its kind ("WWS" / "the company", named so just before).
    unsure_of_yes = any(t.pos_ in ("PROPN", "NUM") and t.lower_ not in said and t.i not in in_subject
                        and not any(_named_before(t, c, before) for c in doc if c.pos_ == "NOUN") for t in q)
    # So may a noun the claim is narrowed by ("Is the pool open *to dogs*?" / "open to residents"); not
    # one that only sets it in time ("Did the deputy resign *after the vote*?" / "The deputy resigned on Monday").
    stems = {word_stem(t) for t in doc}
    # The same holds in a clause the claim reports ("Do the police think someone started it *on purpose*?").
    clauses = [root] + [t for t in root.subtree if t.dep_ in ("ccomp", "xcomp")]
    unsure_of_yes = unsure_of_yes or any(
        c.dep_ == "prep" and c.lower_ not in _WHEN and o.dep_ == "pobj" and o.pos_ == "NOUN"
        and said_for(word_stem(o), stems) is None for v in clauses for c in v.children for o in c.children)
    objects = [c for c in root.children if c.dep_ in _OBJECTS]
    # What the deed is "to" do ("vote to close": read as a noun's "to close" where the parser takes "vote" for one).
    bids = [c for c in root.children if c.pos_ == "VERB" and (c.dep_ == "xcomp" or c.dep_ in ("acl", "advcl") and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
    asks_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in root.children)
    clause_of = {t.i: clause_head(t) for t in doc}
    asked = frozenset({word_stem(root)})
    meant = _meanings(root)
    same = [v for v in doc if v.pos_ == "VERB" and _same_verb(root, meant, v)]
    # The opposite outcome answers No only where the verb asked about is not in the sentence at all ("prices
    # fell in March and rose in April" does not deny "Did prices rise?"); a word of like meaning may be there
    # about something else ("Did X admit staff were misled?" / "X acknowledged that the talks had collapsed,
    # but denied that staff had been misled").
    opposed = [] if any(v.lemma_ == root.lemma_ for v in same) else [v for v in doc if v.pos_ == "VERB" and any(
        opposite(a, b) for a in meant for b in _meanings(v))]
    # Any saying denied denies a saying asked about ("Has X confirmed it will appeal?" / "X has not said whether
    # it will appeal"); one made does not make it a confirmation.
    saying = [] if same or not is_reporting(root.text) else [v for v in doc if v.pos_ == "VERB" and is_reporting(
        v.text) and any(c.dep_ == "ccomp" and _whether(c) for c in v.children)]
    # Asked in the active of a thing done to something ("does the minister support the trial?"); not "did the
    # amendment pass?" / "was defeated by 36 votes to 29", where "by" gives no doer.
    active = not any(c.dep_ == "auxpass" for c in root.children) and any(c.dep_ == "dobj" for c in root.children)
    for verb in same + opposed + saying:
        # Told in the passive ("it has been opposed by the minister"): the doer is the one its "by" names, the same
        # noun (not "the minister's predecessor"), the deed not held as possible or undone ("would be", "until").
        doer = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        if active and doer is not None:
            # Its words but a title's capitals ("the Local Government Minister, Adrian Fellgate") are the subject's.
            named = {t.lower_ for t in doer.lefts if t.dep_ not in ("det", "punct") and not t.text[:1].isupper()}
            if subject is None or doer.lemma_.lower() != subject.lemma_.lower() or not named <= {
                    t.lower_ for t in subject.subtree} | {doer.lower_} or any(
                    c.lower_ in MODALS or c.lower_ == "had" for c in verb.children) or _UNDONE.search(doc.text):
                continue  # "the shadow minister", "a former minister"; "once opposed … but has since changed"
        elif subject is not None and not _same_thing(subject, _subject_of(verb), before):
            continue
        if not all(_mentions(verb, o, before) for o in objects):
            continue
        if not all(any(_same_verb(b, _meanings(b), v) and (all(_mentions(v, o, before) for o in b.children
                                                                if o.dep_ in _OBJECTS) or _left_unsaid(b, v, before))
                       for v in verb.subtree if v.i != verb.i) for b in bids):  # "signed up to drive" leaves it unsaid
            continue  # "did the council vote to close the library?" / "voted to keep the library open": another bid
        if not _clause_said(root, verb):
            if verb in same and opposed:
                continue  # said of something else; its opposite may be said of this
            return None  # "Did the inquiry find he committed a crime?" / "the inquiry found he had claimed ..."
        head = doc[clause_of[verb.i]]
        own = [t for t in doc if clause_of[t.i] == head.i]
        # The clause's verb counts as asked ("would continue to make cars", "would not use drivers to cover the
        # strike"), unless it only aims at the deed ("aims to raise £350,000": not raised).
        kept = {word_stem(head)} if head.i == verb.i or word_stem(head) not in _AIMS else set()
        if not asserted(head, own, asked | {word_stem(verb)} | kept, modals):
            return None
        denied = any(denies(t, {verb.i, head.i}, asked | {word_stem(verb)}) for t in own) or (
            asks_for and any(c.lower_ == "against" for c in verb.children))
        if verb in saying:
            return "No" if denied else None
        if verb in opposed:  # "did not reject it" does not say it was accepted
            bounded = any(c.lower_ in ("until", "till") for v in (verb, head, *(x for x in verb.children if x.dep_ ==
                                                                            "xcomp")) for c in v.children)  # "continued until
            # Friday": then it stopped (not a "till" deep inside: "the plan to keep the pool open till 10pm")
            return None if denied or bounded or not _all_of_predicate(root, subject, verb) else "No"
        if denied:
            return "No"
        return None if unsure_of_yes else "Yes"
    return None


def _left_unsaid(bid, verb, before: str) -> bool:
    """Does the sentence's "to" verb leave its object unsaid ("signed up to drive."), as no verb joined to it has one
    ("to close and sell the pool": the pool), the question's object named in the text before (the minibus)?"""
    joined = [verb, *(c for c in verb.children if c.dep_ == "conj"), *([verb.head] if verb.dep_ == "conj" else [])]
    if any(c.dep_ in _OBJECTS for v in joined for c in v.children):
        return False
    said = {w.lower() for w in re.findall(r"[\w'’-]+", before)}
    return all(o.lower_ in said or o.lemma_.lower() in said for o in bid.children if o.dep_ in _OBJECTS)


def _meanings(verb) -> frozenset[str]:
    """The verb's stem, or for a phrasal verb the stems of the one-word verbs it means ("went down": "fall",
    "drop"...), never its bare verb."""
    particle = next((c for c in verb.children if c.lower_ in PARTICLES and (
        c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1))), None)
    found = means(word_stem(verb), particle.lower_) if particle is not None else frozenset()
    return found or frozenset({word_stem(verb)})


def _same_verb(root, meant: frozenset[str], verb) -> bool:
    said = _meanings(verb)
    if said == {word_stem(verb)} and meant == {word_stem(root)}:  # neither is a phrasal verb the table knows
        return verb.lemma_ == root.lemma_ or said_for(word_stem(root), said) is not None
    return bool(meant & said) or any(said_for(a, said) is not None for a in meant)


def _all_of_predicate(root, subject, verb) -> bool:
    """Does the sentence's verb carry what the question's verb is about: the head word of each of its objects and
    complements, and every name beyond its subject ("accept *the 4.5% pay offer*" / "rejected *that offer*")? An
    opposite verb answers No only for the very thing asked about: "the council rejected her amendment" does not
    deny "Did the council approve replacing the bridge?"."""
    heads = []
    for c in root.children:
        if c.dep_ in _ARGUMENTS:
            heads.append(c)
        elif c.dep_ in ("prep", "agent"):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    named = [t for t in root.subtree if t.pos_ == "PROPN" and t.i not in skip]
    have = {word_stem(t) for t in verb.subtree}
    # What a "to" clause is done to, as its own object, not as one who owns it ("stop paying the player" / "continued
    # to pay the player's agent").
    done_to = [o for h in heads if h.dep_ == "xcomp" for o in h.children if o.dep_ == "dobj"]
    objects = {word_stem(t) for t in verb.subtree if t.dep_ in ("dobj", "pobj", "nsubjpass", "attr")}
    return all(word_stem(t) in have for t in heads + named) and all(word_stem(o) in objects for o in done_to)


_ARGUMENTS = frozenset("dobj xcomp ccomp attr oprd dative acomp".split())


def _subject_of(verb):
    """The verb's subject: its own, a conjoined verb's ("opened ... and cut"), or the noun a relative clause
    describes ("the old one, which will stay open")."""
    t = verb
    while True:
        found = next((c for c in t.children if c.dep_ in SUBJECTS), None)
        if found is not None:
            return t.head if found.lower_ in ("which", "who", "that") and t.dep_ == "relcl" else found
        if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
            t = t.head
            continue
        return t.head if t.dep_ == "relcl" else None


def _same_thing(asked, said, before: str = "") -> bool:
    if said is None:
        return False
    if asked.lower_ in _ASKER:  # "can I take my boat down?": not what "it" (the trust) or a named body will do
        return said.lower_ in _ASKER or said.lower_ in INDEFINITES or said.tag_ == "NNS" and not any(
            t.pos_ == "PROPN" for t in said.subtree)  # "visitors can park there"
    if said.lower_ in _REFERRING or asked.lower_ in INDEFINITES:
        return True  # "she", "the company ... its": what the sentence points back at was chosen for the question
    if _named_before(asked, said, before) or _kind_before(asked, said, before) or _doer_of(asked, said):
        return True
    have = {t.lower_ for t in said.subtree} | {t.lemma_.lower() for t in said.subtree}
    if not (asked.lemma_.lower() in have or asked.lower_ in have):
        return False
    # "the Millbrook council" is "the council"; it is not "the Lakeside council".
    named = {t.lower_ for t in asked.subtree if t.pos_ == "PROPN"}
    other = {t.lower_ for t in said.subtree if t.pos_ == "PROPN"}
    return not other or bool(named & other) or not named


def _doer_of(asked, said) -> bool:
    """Is the question's "the Coldmoor farmer" the sentence's "Hugh Strathairn, who farms at Coldmoor": a noun for
    one who does something ("farmer", "owner", "driver") and a name whose own "who" clause does it, every other
    word of the question's subject in that clause?"""
    noun = asked.lower_
    if asked.pos_ != "NOUN" or not noun.endswith("er") or not any(t.pos_ == "PROPN" for t in said.subtree):
        return False
    clause = next((c for c in said.children if c.dep_ == "relcl"), None)
    if clause is None or clause.lemma_.lower() not in (noun[:-2], noun[:-1]):  # "farm", "drive"
        return False
    rest = {t.lower_ for t in asked.subtree if t.i != asked.i and t.dep_ != "det"}
    return rest <= {t.lower_ for t in clause.subtree}


def _named_before(asked, said, before: str) -> bool:
    """Is the sentence's subject a kind ("the company", "the agency") standing for the name the question asks
    about, named in the text before it ("... contact Norda for a replacement. The company is not offering
    refunds.")? A kind that comes with a name of its own ("the company Hanseong") is that one."""
    if said.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in said.children):
        return False
    if not any(said.lemma_.lower() in kind for kind in KIND_NOUNS.values()):
        return False
    if any(t.pos_ == "PROPN" for t in said.subtree):
        return False
    # A name typed in lower case ("wws") is one where the text before spells it so in capitals ("WWS").
    name = [t.lower_ for t in asked.subtree if t.pos_ == "PROPN" or len(t.text) > 1 and t.text.islower()
            and re.search(rf"\b{re.escape(t.text.upper())}\b", before)]
    return bool(name) and set(name) <= set(words(before))


def _kind_before(asked, said, before: str) -> bool:
    """Is the question's "the pub" the sentence's name ("The Drover's Rest will not ..."), called that kind in the
    text before it ("the Drover's Rest, their only pub", "the pub, the Drover's Rest", "the Drover's Rest is a
    pub", "the Rail Workers' Union (RTWU)")?"""
    if asked.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in asked.children):
        return False
    named = [t for t in said.subtree if t.pos_ == "PROPN" or t.text.isupper() and len(t.text) > 1]  # "RTWU" too
    if not named or asked.lower_ in {t.lower_ for t in said.subtree}:
        return False
    name, kind = re.escape(said.doc[named[0].i:named[-1].i + 1].text), re.escape(asked.lower_)
    called = (rf"{name}\)?,\s+(?:the|a|an|its|their|his|her|our)\s+(?:[\w'’-]+\s+){{0,3}}?{kind}\b"
              rf"|\b{kind},\s+(?:the\s+)?{name}|{name}\s+(?:is|was)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{kind}\b"
              rf"|\b{kind}\s*\(\s*{name}\s*\)")  # "the Rail Workers' Union (RTWU)": the RTWU is a union
    return re.search(called, before, re.I) is not None


def _whether(clause) -> bool:
    """Is the clause the claim itself, said or left open ("that it will appeal", "whether it will appeal"), not a
    detail of it ("when the plan would start")?"""
    return any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in clause.children)


def _clause_said(root, verb) -> bool:
    """Is what the question's verb says, finds or wants (its clause: "find *he committed a crime*") in what the
    sentence's verb governs? Its own verb and most of its words, themselves or words the crowd uses for them."""
    # Not a clause joined to it ("acknowledged that the talks had collapsed, but denied that staff were misled").
    joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    said = {word_stem(t) for t in verb.subtree if t.i not in joined}
    for c in root.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        content = [t for t in c.subtree if t.pos_ in _CONTENT and t.lower_ not in _REFERRING]
        found = [t for t in content if said_for(word_stem(t), said) is not None]
        # Its own verb, and most of its words: "later start *times* cause better grades" / "the later start
        # caused the better grades" is the same claim.
        if c not in found or 3 * len(found) < 2 * len(content):
            return False
    return True


_CONTENT = frozenset("NOUN PROPN VERB NUM ADJ".split())


def _mentions(verb, asked, before: str = "") -> bool:
    inside = {t.lemma_.lower() for t in verb.subtree} | {t.lower_ for t in verb.subtree}
    if asked.lemma_.lower() in inside or asked.lower_ in inside:
        return True
    objects = [c.lower_ for c in verb.children if c.dep_ in _OBJECTS]
    # "has the regulator fined WWS?" / "... whether WWS had met its duties. The WSC fined the company": the
    # object named by its kind stands for the name the text before it gave, as a subject does (_named_before).
    if any(_named_before(asked, c, before) for c in verb.children if c.dep_ in _OBJECTS):
        return True
    if asked.lemma_.lower() in _MONEY and any(says_money(verb.doc[c.left_edge.i:c.right_edge.i + 1].text)
                                              or c.lemma_.lower() in _MONEY for c in verb.children if c.dep_ in _OBJECTS):
        return True  # "did the council put any money in?" / "the council added £15,000", "receives no funding"
    if any(o in _REFERRING for o in objects):
        return True
    # "has not ruled them out" stands for what the sentence names before it ("to avoid compulsory redundancies,
    # but ..."), not for anything asked.
    before = {t.lemma_.lower() for t in verb.doc[:verb.i]} | {t.lower_ for t in verb.doc[:verb.i]}
    return any(o in _THEM for o in objects) and (asked.lemma_.lower() in before or asked.lower_ in before)
