"""Yes or No for a yes/no question, said only when a cited sentence states the claim asked about: the claim
is found in one clause of the sentence's dependency parse, and only a negation of that clause makes it "No"."""
from __future__ import annotations

import re
import unicodedata

from lang.opposites import opposite
from lang.paraphrase import said_for
from lang.rules import AUXILIARIES, INDEFINITES, KIND_NOUNS, MODALS, NEGATIONS, auxiliary, is_reporting
from lang.words import STOPWORDS, cased_as, names, words

from .clauses import (SUBJECTS, asserted, base_stem, clause_head, denies, parse_fast, passed_over, quote_parts,
                      rest_is_its_subject, warm_up, word_stem)
from .asker import not_for_the_asker
from .anyone import as_hurt, done_to_anyone, none_of, others_named, says_none
from .amounts import amount_verdict, compares
from .apposed import apposed
from .by_noun import done_as_noun
from .first_time import first_time
from .negated_claim import answer_negated, claim_negated
from .only_allowed import only_allowed
from .no_more_than import no_more_than
from .going_to import as_will
from .claim_clause import own_verb, reported
from .core_claim import core_verdict
from .phrasal_read import as_said, phrasal_said
from .given_up import hope_given_up, offer_turned_down
from .halted import halted, halted_in_part
from .idioms import as_plain, left_idiom
from .implied import implied
from .instead import set_aside
from .lacking import went_without
from .other_time import another_one, past_for_now
from .unsettled import going_to, unsettled
from .part_only import part_only, some_of_them
from .partly import partly_done
from .plans import plan_denied
from .weighing import only_weighed, weighs
from .pointed import he_named
from .quantity import count_only, there_is
from .refused import refused
from .rephrased import rephrased
from .spared import spared
from .suspended import suspended_only
from .stance import discontent
from .free_of_charge import free_said, paid_for_free
from .still import as_ended, as_now, not_begun
from .states import fixed_term, state_as_thing, state_denied  # "permanent?" / "was temporary", "a five-year licence"
from .tally import tallied
from .unchanged import unchanged
from .went_ahead import went_ahead
from .unsaid import asks_if_known, left_unsaid, no_comment, not_decided, not_said, undecided_deed

__all__ = ["text_before", "unsettled", "warm_up", "yes_no"]


def text_before(cited) -> str:
    """What a cited sentence's passage says before it (a Citation's or a Scored's): where its "the company" was named."""
    return cited.passage_text[:max(0, cited.start - cited.passage_start)]


def yes_no(question: str, sentence: str, before: str = "") -> str | None:
    """"Yes" when the sentence states what the question asks, "No" when it negates that very claim, None when
    unsure: not a yes/no question, a choice ("X or Y?"), a word of the question missing, the claim spread
    over clauses that may be about others, or only wanted, possible, supposed or doubted ("aims to",
    "may", "if", "denied that"). A negative question ("Didn't X ...?") asks the same as the positive one.
    `before`: the text before the sentence, where a subject it names by its kind ("the company") was named."""
    question, sentence, before = _plain(question), _plain(sentence), _plain(before)  # "cafe" typed for "café"
    if _NOW_SAID.search(question) and not _PRESENT.search(sentence):
        return None  # "is the road closed now?" / "The road was closed yesterday": then, not now
    if _MANAGED.search(question):  # "did the crew manage to rescue the dog?" / "The crew managed to rescue the dog."
        question, sentence = _MANAGED.sub("", question), _MANAGED.sub("", sentence)
    question = cased_as(_FILLERS.sub("", question), f"{before} {sentence}")  # "in general"; "castlegate": a name
    question = as_plain(as_will(question), sentence)  # "has X said it's going to sue?": said it will sue; "make it": survive
    if left_idiom(question):
        return None
    question = as_ended(as_now(question, sentence), sentence)  # "is it still safe?" / "… are safe to eat": now
    if _NO_LONGER.search(question):  # "is parking no longer free?": Yes from "Parking is no longer free." only; a change
        # is told with its when, where and for whom ("… on Sundays", "… from April"), which the question may not share.
        said = {base_stem(w) for w in words(sentence) if w not in STOPWORDS}
        exact = _NO_LONGER.search(sentence) and said <= {base_stem(w) for w in words(question)} | {"longer"}
        return "Yes" if exact and yes_no(_NO_LONGER.sub("", question), _NO_LONGER.sub("", sentence), before) == "Yes" \
            else None
    if (claim := claim_negated(question)) is not None:  # "did he plead not guilty?" / "pleaded guilty": No
        return answer_negated(yes_no(claim[0], sentence, before), question, claim[1], sentence, claim[2])
    parts = quote_parts(sentence)
    if len(parts) > 1:  # a quote of several sentences ("We are not against it. Put it on roofs," she said.): each
        found = {v for v in (yes_no(question, p, before) for p in parts) if v}
        return found.pop() if len(found) == 1 else None
    sentence = others_named(question, sentence, before)  # "Others spoke in favour": more of the villagers before
    sentence = he_named(question, sentence, before) or sentence  # "He did not apologise.": Daniel Orrin did not
    if not_for_the_asker(question, sentence):
        return None  # "can I park there?" / "Permit holders can park there"
    verdict = _yes_no(question, sentence, before)
    if verdict is None and (hurt := as_hurt(question)) and _NO_ONE.search(sentence) and not _OTHERS_HURT.search(
            sentence) and _yes_no(
            hurt, sentence, before) == "No":
        return "No"  # "was anyone killed?" / "No one was seriously hurt."
    for asked, said, only in [] if verdict else rephrased(question, sentence):
        if said != sentence and (suspended_only(asked, said) or went_ahead(asked, said)):
            continue  # told only of the whole sentence: a clause cut off may tell the rest ("…, which sent him to prison")
        verdict = _yes_no(asked, said, before)  # "can students finish?" / "will be allowed to finish"
        verdict = verdict if only is None or verdict == only else None
        if verdict:
            break
    # "Were all flights cancelled?" / "cancelled 86 flights": a count does not say all of them. "Did any
    # councillors vote against it?" / "councillors voted it through": a vote for it says nothing of those against.
    ws = words(question)  # "was anyone hurt?" / "No injuries were reported, although cars were damaged": no Yes
    if verdict == "Yes" and (count_only(question, sentence) or free_said(question, sentence) or another_one(
            question, sentence) or past_for_now(question, sentence) or some_of_them(question, sentence) or partly_done(
            question, sentence) or state_as_thing(question, sentence) or halted_in_part(
            question, sentence) or _NO_LONGER.search(sentence) and not _NO_LONGER.search(question) or "against" in ws
                             and "against" not in words(sentence) and _VOTE.search(sentence) or ws[1:2]
                             and ws[1] in INDEFINITES and says_none(ws[2:], words(sentence))):
        return None
    return verdict


_BY_KIND = re.compile(r"\b(?:the|its|their)\s+(?:" + "|".join(sorted(KIND_NOUNS["organisation"] | KIND_NOUNS["person"]))
                      + r")\b|^\W*(?:it|they|this)\b|^\W*[\"“][^\"”]*\bwe\b", re.I)
"""A body or person named by its kind ("the company"), a sentence pointing back ("It was defeated"), or a quote's "we"."""
_NOT_TO = re.compile(r"\b(?:not|never)\s+to\b", re.I)
_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.I)
_NO_LONGER = re.compile(r"\bno\s+longer\b|\bnot\s+any\s+more\b|\bnot\s+anymore\b", re.I)  # "can no longer park there"
_BY_NOW = frozenset({"yet", "already"})
_NO_ONE = re.compile(r"\b(?:no[\s-]one|nobody)\b", re.I)  # "No one was hurt", not "The driver was not hurt"
_OTHERS_HURT = re.compile(r"\b(?:else|other|others|further|more|besides|apart)\b", re.I)  # "No one else was hurt"
_PRESENT = re.compile(r"\b(?:is|are|am|isn['’]t|aren['’]t|remains?|has|have|hasn['’]t|haven['’]t|still|now|currently|"
                      r"continues?|will|won['’]t|can|can['’]t|cannot)\b|\b(?:it|he|she|that|there|they|we|you)['’](?:s|re)\b", re.I)
"""A sentence that tells how things stand (or will): one without any of these tells only a time gone by."""
_MANAGED = re.compile(r"\b(?:manage|manages|managed|managing)\s+to\s+", re.I)
"""Done with effort is done: "did they manage to finish?" asks whether they finished, as "managed to finish" tells."""
_NOW_SAID = re.compile(r"\b(?:now|right\s+now|at\s+the\s+moment|at\s+present|these\s+days|currently)\b", re.I)
"""A question asked of now: a sentence that tells no present (nor what will be) gives it no verdict."""
_FILLERS = re.compile(r"\s*\b(?:in\s+general|at\s+all|actually|really|basically|ever|even|just|(?:some|any)\s+(?:kind|sort|"
                      r"type)s?\s+of)\b|^\W*(?:so|and|but|ok"
                      r"(?:ay)?|well)\b,?(?=\s+(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)\b)", re.I)
"""Words that stress a yes/no question without adding to its claim ("is there some kind of talk?"), and a chat's "so"
or "and" before it."""


def _plain(text: str) -> str:
    """The text without accents: a verdict's words are compared as typed, and people type "cafe" for "café"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _yes_no(question: str, sentence: str, before: str = "") -> str | None:
    ws = words(question)
    if not ws or auxiliary(ws[0]) not in AUXILIARIES or "or" in ws:
        return None
    if (sums := amount_verdict(question, sentence)) is not None or compares(question):
        return sums  # "raised the full £350,000?" / "had raised £138,000"; a count not settled is not ignored
    if (denied := no_more_than(question, sentence)) is not None:  # "more dangerous?" / "no more dangerous than"
        return denied or None
    if (part := part_only(question, sentence)) is not None:  # "are all the keepers getting jobs?" / "Of the six
        return part or None  # keepers, four have …": No; "Twelve of the 40 shops are closing, and all staff …": none
    if any(w in _BY_NOW for w in ws[1:]):
        # "Has the plant opened yet?": the words ask whether it is done by now; a sentence that holds it as still
        # to come ("would open in 2026", "is expected to reopen") says not yet.
        asked_now = " ".join(w for w in ws if w not in _BY_NOW)
        verdict = yes_no(asked_now, sentence, before)  # rephrased too: "will stay shut" says not open yet
        return verdict if verdict or not (_still_to_come(asked_now, sentence) or only_weighed(question, sentence)) \
            else "No"  # "has X lodged a legal challenge yet?" / "X said he would consider a legal challenge": not yet
    if any(f(question, sentence) for f in (no_comment, plan_denied, not_said, not_decided, undecided_deed, refused,
                                            went_without, unchanged, not_begun, paid_for_free, set_aside,
                                            discontent, offer_turned_down, hope_given_up, halted, suspended_only, went_ahead)):  # "… is free"
        return "No"  # "... declined to comment", "no plans to", "has not said whether it will", "would not pay"
    if any(is_reporting(w) for w in ws[1:]) and not any(is_reporting(w) for w in words(sentence)):
        return None  # "Did Hanseong say anything?" (its verb a stop word) is not answered where it is only named
    if (tally := tallied(question, sentence)) is not None:  # "Was the vote unanimous?" / "by 14 votes to 5"
        return tally
    known = asks_if_known(question)
    if known is not None:  # "Do we know what it will cost?" / "X has not said how much it will cost": No
        return "No" if left_unsaid(known, sentence) else None
    if (first := first_time(question, sentence)) is not None:  # "was it the first time they met?"
        return first or None  # a first "in 30 years" settles nothing, however else it reads
    if apposed(question, sentence) or only_allowed(question, sentence):  # "is the regal the only cinema …?" / "The
        return "Yes"  # Regal, Mardlow's only cinema,"; "are taxis allowed …?" / "only buses, taxis and bicycles are allowed"
    exists = there_is(ws[2:], sentence, before, ws[0]) if ws[1:2] == ["there"] else None
    if exists is not None:  # "Is there a fee for ...?": whether the thing exists, not a deed
        return exists or None
    going = going_to(ws)
    asked = {base_stem(w) for w in ws[1:] if w not in STOPWORDS and w not in NEGATIONS and w not in INDEFINITES
             and not (going and w == "going")}
    if not asked:
        return None
    modals = {auxiliary(w) for w in ws} & MODALS | ({"will"} if going else set())  # "is X going to" = "will X"
    said = {base_stem(w) for w in words(sentence)} | implied(sentence)  # "£15,000" says money
    typed = asked
    asked = {said_for(a, said) or a for a in asked}  # "Did anyone die?" / "no deaths": the sentence's word
    phrased = said | phrasal_said(words(sentence))  # "went up" says "rise"
    asked, opposed = as_said(ws, asked, phrased, words(sentence))
    if not asked <= said:
        # Some words asked are not there ("Did Brandt *meet* Weber?" / "Brandt *met* Weber"): the claim itself — its verb,
        # subject, object — must be. Asked of anyone ("Has anyone died?"), the verb alone may be denied ("no one has died").
        anyone = len(ws) > 1 and ws[1] in INDEFINITES and not any(  # a name missing may be the point
            base_stem(w) not in said for n in names(question) for w in words(n))
        # A verb whose opposite is said counts as said ("accept" / "rejected"): the claim's own clause decides.
        shared = len(asked & phrased) + opposed + sum(any(opposite(a, x) for x in said) for a in asked - phrased)
        # A name the sentence says by its kind, named just before it ("has the regulator fined WWS?" / "... whether WWS
        # had met its duties. The WSC fined the company"): the claim's own clause decides. Not for "anyone".
        if shared and not anyone and _BY_KIND.search(sentence):
            shared += bool((asked - phrased) & {base_stem(w) for w in words(before)})
        verdict = core_verdict(question, sentence, modals, before) if shared >= 2 or anyone and shared else None
        found = verdict if shared >= 2 or verdict == "No" else None
        found = found or ("No" if state_denied(question, sentence) or spared(question, sentence) or fixed_term(
            question, sentence) else None)
        found = found or ("Yes" if done_as_noun(question, sentence) else None)  # "applied?" / "an application was made"
        if found is None and not anyone and (deed := done_to_anyone(ws, said)) is not None:
            return none_of([deed], words(sentence))  # "did the police arrest anyone?" / "no arrests were made"
        return none_of(ws[2:], words(sentence)) if found is None and anyone and ws[1] != "any" else found
    saying = any(is_reporting(w) for w in ws[1:])  # "Has X said how many ...?" asks about the saying
    verdict = _verdict(parse_fast(sentence), frozenset(asked), modals, saying, _NOT_TO.search(question) is not None)
    if verdict == "Yes" and "for" in ws and "against" in words(sentence):  # "voted against" answers "vote for"
        return core_verdict(question, sentence, modals, before)
    if verdict is None and not saying and asked != typed:
        # A word read as the sentence's word of like meaning may be there about something else: the claim's own
        # clause decides ("Did X admit staff were misled?" / "X acknowledged …, but denied that staff were misled").
        found = core_verdict(question, sentence, modals, before)
        if found is not None or not (ws[1:2] and ws[1] in INDEFINITES):
            return found
    if verdict is None and not saying and ws[1:2] and ws[1] in INDEFINITES:
        # Asked of anyone, the words spread over clauses ("The slab fell onto a car; no one was injured."): the verb
        # may be stated or denied in one, or its deed by a noun ("Was anyone arrested?" / "no arrests were made").
        return core_verdict(question, sentence, modals, before) or (
            none_of(ws[2:], words(sentence)) if ws[1] != "any" else None)
    return verdict


def _still_to_come(question: str, sentence: str) -> bool:
    """Is the claim held as planned or possible from where the sentence stands, not as a plan once made ("was expected
    to reopen" may since have happened)?"""
    if not unsettled(question, sentence):
        return False
    asked = {base_stem(w) for w in words(question) if w not in STOPWORDS}
    for t in parse_fast(sentence):
        if word_stem(t) not in asked or t.dep_ not in _VERBAL:
            continue
        planned = [t] + [a for a in list(t.ancestors)[:2] if t.dep_ == "xcomp" or a.dep_ == "xcomp"]
        return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_PLAN for v in planned for c in v.children)
    return False


_PAST_PLAN = frozenset({"was", "were", "had"})
_VERBAL = frozenset("ROOT xcomp ccomp conj advcl relcl acl pcomp".split())


def _verdict(doc, asked: frozenset[str], modals: set[str], saying: bool = False, not_to: bool = False) -> str | None:
    clause_of = {t.i: clause_head(t) for t in doc}
    held: dict[int, set[str]] = {}
    for t in doc:
        if word_stem(t) in asked:
            held.setdefault(clause_of[t.i], set()).add(word_stem(t))
    ranked = sorted(held.items(), key=lambda kv: -len(kv[1]))
    if not ranked:
        return None
    head = doc[ranked[0][0]]
    if len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
        head = reported(doc[ranked[0][0]], doc[ranked[1][0]], saying) or own_verb(
            doc[ranked[0][0]], doc[ranked[1][0]], asked) if len(ranked) == 2 or len(
            ranked[2][1]) < len(ranked[0][1]) else None
        if head is None:
            return None  # the question's words split evenly over clauses: which one is the claim?
    elif saying and head.dep_ == "ccomp" and is_reporting(head.head.text):
        head = doc[clause_of[head.head.i]]
    held.setdefault(head.i, set())
    own = [t for t in doc if clause_of[t.i] == head.i]
    if not rest_is_its_subject(doc, head, asked - held[head.i], clause_of):
        return None
    if not asserted(head, own, asked, modals):
        return None
    # What the clause's verb is bid or agreed to do, where asked ("agreed not to sell": not "warned people not
    # to swim" for "did they warn people?").
    bid = {t.i for t in own if t.dep_ == "xcomp" and any(word_stem(w) in asked for w in t.subtree)}
    # "did they urge people not to swim?": the bid's own "not" is what was asked ("urged … not to swim": Yes); a bid
    # without it says nothing of it ("agreed to sell" / "agree not to sell?").
    bid_denied = not_to and bid and any(denies(t, bid, frozenset()) for t in doc)
    if not_to and bid and (not bid_denied or head.dep_ not in ("ROOT", "ccomp")):
        return None  # nor a bid inside another clause ("stopped short of promising not to raise taxes")
    denied = any(denies(t, {head.i} | bid, asked) for t in own if not (bid_denied and t.head.i in bid))
    if head.dep_ == "pcomp" and head.head.lower_ in NEGATIONS or passed_over(doc, head):  # "left without cutting"
        denied = True
    subject = {word_stem(t) for c in head.children if c.dep_ in SUBJECTS for t in c.subtree}
    if word_stem(head) not in asked and (head.lower_ not in STOPWORDS or is_reporting(head.text) and not saying) \
            and held[head.i] <= subject:
        # The question's words are only the clause's subject ("Did Ortiz die?" / "The death of Ortiz did
        # not slow the talks", "Is the council doing anything?" / "The council has not said ..."): its verb states
        # another claim. Only an asked word denied itself answers ("No deaths have been reported"). Words in the
        # predicate are its claim ("did not respond to a request for comment" answers "Did they comment?").
        return "No" if any(denies(t, set(), asked) for t in own) else None
    return "No" if denied else None if weighs(head, asked) else "Yes"  # "is considering an appeal": not appealed
