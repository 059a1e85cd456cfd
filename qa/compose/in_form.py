"""Whether a cited sentence answers a question in the form it asks, beyond the judge's view of it: a yes/no
claim stated or denied, a reason given for a "why", an age beside the name asked about (then a doubtful answer is
likely), or a yes/no claim only planned or possible (then a sure one is doubtful)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from lang.paraphrase import covered
from lang.phrasal import phrasal_meanings, said_by_meaning
from lang.findings import DOCUMENTS, FINDINGS, states_findings
from lang.reasons import after_deed, dispute_over, dispute_words, explains, made_so
from lang.rules import INDEFINITES
from lang.tagging import base_terms
from lang.words import another_of_its_kind, stem, terms, words
from qa.judgment.abstain import Decision
from qa.judgment.evidence import Scored
from qa.judgment.answer_kinds import age_beside
from qa.question import AGE, Question, without_note
from qa.types import Level

from .clauses import parse_fast
from .deed_said import deed_unsaid
from .earlier import done_before
from .found_before import found_before
from .means import by_means, travels_by
from .money_by_verb import priced_by
from .timed import FARED, fared_in, time_of
from .told_after import told_after_name
from .unsaid import doer_unsaid, left_unsaid, not_said
from .which import NOT_WHO, which_unnamed, who_unnamed
from .yesno import text_before, unsettled, yes_no


def answered_in_form(q: Question, decision: Decision, cited: Sequence[Scored]) -> Decision:
    """A doubtful answer is likely when a sentence it cites answers the question in the form it asks: for a
    yes/no question, the sentence's own clause states or denies the very claim (qa/compose/yesno.py); for
    "why", the sentence gives a reason or a cause ("because", "thanks to", a dispute "over" pay) and holds every
    term of the question, its names at least in the sentence's passage ("He said evacuations were delayed
    because ..." after a sentence naming the province). The judge was fitted on questions that ask for a phrase
    and scores such sentences as if they had to hold one."""
    if decision.level is Level.REFUSED:
        # "What happens to the staff?" asks for no phrase, so the judge, fitted on questions that do, may refuse the
        # very sentence that tells it: a best sentence with the thing asked about as its subject answers it.
        fate = _FATE.match(without_note(q.text))
        told = fate and cited[:1] and not cited[0].missing and _befalls(fate.group("x"), cited[0].text)
        # So may "why": the best sentence gives a reason and holds every word asked ("Why was the festival called
        # off?" / "Organisers cancelled the festival … after two days of rain left the site under water").
        told = told or q.wh == "why" and cited[:1] and _gives_reason(q, cited[0])
        # So may "how are the children getting to school?": the best sentence says how they travel ("are being
        # taken by the boat"), of whom it asks.
        told = told or cited[:1] and not cited[0].missing and (travels_by(without_note(q.text), cited[0].text)
                                                               or by_means(without_note(q.text), cited[0].text))
        # So may a yes/no question whose closest sentence settles it ("Was the vote unanimous?" / "Among the three
        # board members who voted against was ...").
        told = told or q.wh == "yesno" and cited[:1] and yes_no(without_note(q.text), cited[0].text,
                                                                 text_before(cited[0])) is not None
        return replace(decision, level=Level.LIKELY, reason=IN_FORM) if told else decision
    if decision.level is not Level.DOUBTFUL:
        return decision
    named = {t for n in q.names for t in terms(n)}
    asked = without_note(q.text)
    if q.wh == "yesno" and any(yes_no(asked, e.text, text_before(e)) for e in cited) or q.wh == "why" and any(
            _gives_reason(q, e) for e in cited):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)
    if any(not e.missing and by_means(asked, e.text) for e in cited[:1]):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "how did they get in?" / "… through …"
    if q.wh == "when" and any(e.fits and not e.missing and time_of(set(q.terms) - named, e.text) for e in cited):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "When does the merger happen?"
    fate = _FATE.match(asked)
    if fate and any(not e.missing and _befalls(fate.group("x"), e.text) for e in cited):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "what happens to the cleaners?"
    if any(not e.missing and priced_by(asked, e.text) for e in cited[:1]):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "how much will it save?" / "saving £1.2 million"
    fared = FARED.match(asked)
    if fared and any(not e.missing and fared_in(q, fared.group("when"), e.text) for e in cited):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "how did his team do last season?"
    # "What did the study find?": a sentence that gives what it found ("…, according to a study published …").
    if q.wants == AGE and cited and age_beside(q, cited[0].text) and not cited[0].missing:
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)  # "How old is X?" / "X, 41, was ..."
    findings = FINDINGS.match(without_note(q.text))
    if findings and any(states_findings(findings.group("source"), e.text, text_before(e)[-300:]) and not e.missing
                        for e in cited):
        return replace(decision, level=Level.LIKELY, reason=IN_FORM)
    return decision


def _reason_for(question: str, asked: set[str], e: Scored) -> bool:
    """Does the reason sentence speak of what "why" asks about: every word of the question in it, an irregular
    verb by its base ("went" for "go"), a phrasal verb by its meaning ("put the fares up" / "the increase"), or in
    the passage before it, where a quote's "we" was named ("... said the association's chairman. 'We went to court
    because ...'"); the sentence itself holding one at least."""
    said = set(terms(e.text)) | set(base_terms(e.text))
    if any(another_of_its_kind(a, question, e.text) for a in asked):
        return False  # "why did they close the road?" / "… a single-track moor road … is closed … because …"
    by_meaning = said_by_meaning(question, said)
    asked = asked - by_meaning
    if dispute_over(e.text):  # "why are the pilots striking?" / "… began a walkout over pay"
        asked = asked - {t for w in dispute_words(question) for t in terms(w)}
    missing = [a for a in asked if not covered({a}, said | set(terms(text_before(e))))]
    # The deed named by its noun ("the increase", "the sale") is the one asked about: its object may go unsaid.
    # So is the question's own verb as a noun ("the cut" for "why was the quota cut?"), not a noun it named
    # itself ("the council").
    named = set(phrasal_meanings(question)) | asked
    own = {a for a in asked if not re.search(rf"\b(?:the|a|an|this|that|its|their)\s+(?:\w+\s+)?{re.escape(a)}",
                                             question, re.I)}
    nouns = {stem(w) for w in re.findall(r"\b(?:the|this|that)\s+(\w+)", e.text, re.I)}
    # The sentence holds one of them at least, itself or by a word of like meaning ("closed" / "shut"). A cause
    # that left the thing asked about unworkable is the reason for the deed done to it ("had made the plant
    # uneconomic" for "why close the plant?").
    return any(covered({a}, said) for a in asked) and (
        not missing or len(missing) == 1 and bool(by_meaning and nouns & named or nouns & own
                                                  or stem(made_so(e.text).lower()) in asked - set(missing)))


def _befalls(thing: str, sentence: str) -> bool:
    """Is what is asked about the subject of the sentence's main verb ("Around 310 cleaners are expected to
    transfer" for "what happens to the cleaners"), or of what it reports ("The council said all affected staff would
    be offered other jobs" for "what happens to the library staff": the head noun is enough there)? What befalls a
    thing is told with it as the subject."""
    asked = set(terms(thing))
    root = next((t for t in parse_fast(sentence) if t.dep_ == "ROOT"), None)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root is not None else []
    # What is reported as to come or done to it ("would be offered", "will be sold"), not a view of it ("said the
    # building had always felt like the heart of the company").
    reported = [c for v in (root.children if root is not None else ()) if v.dep_ == "ccomp" and any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in _TO_COME for a in v.children)
                for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    head = terms(thing)[-1:]
    if head and any(set(head) <= set(terms(s.text)) for s in reported):
        return True
    # The subject's own noun phrase, not a clause that describes it ("Ellerby, which keeps 210 cows, ...").
    return bool(asked) and any(asked <= set(terms(" ".join(t.text for t in [s, *s.children] if t.dep_ not in _CLAUSES)))
                               for s in subjects)


_TO_COME = frozenset("will would shall could may might must be been being".split())
_CLAUSES = frozenset("relcl acl appos prep punct cc conj advcl".split())


_FATE = re.compile(r"^\s*what(?:'s|’s|s|\s+is)?\s+(?:will\s+|is\s+going\s+to\s+|would\s+)?(?:happens?|happened|happening)"
                   r"\s+(?:to|with)\s+(?P<x>[^?]+?)\s*\??\s*$", re.I)
""""What happens to X?", "what will happen with X": what befalls X."""

IN_FORM = "the sentence answers in the form asked, though the ranker doubts it is the best one"
"""Why a likely answer read off the sentence's form shows no percentage: the judge's number is for the sentence
being the best one, which the rule overrides, so it would say "about 6% likely" of an answer shown as likely."""


def settled_in_form(q: Question, decision: Decision, cited: Sequence[str], best: str | None = None) -> Decision:
    """A yes/no answer is doubtful when no cited sentence gives a verdict and one holds the claim only as
    planned, possible or still to be decided ("Will voters approve it?" / "it still has to be approved by
    voters"): the sentences are shown as the closest the article comes, not as an answer, however sure the judge
    is that it is the right sentence. It is refused when, with no verdict, a cited sentence says the claim has
    not been made known ("Will the state step in?" / "He did not say whether the state would step in"). Any other
    question is refused when its best sentence (`best`) says that what is asked has not been said ("When will
    the firm appeal?" / "The firm has not said whether it will appeal"), and held doubtful when it says a thing was
    done and not by whom, or a "which" that it names only one of a kind ("a supermarket chain", which.py). The
    closest passage is shown beside the refusal."""
    if decision.level not in (Level.SURE, Level.LIKELY) or not cited:
        return decision
    asked = without_note(q.text)
    if q.wh != "yesno":
        what = _WH_ON.search(asked)
        if what and left_unsaid(what.group(), best or cited[0]):
            return _not_made_known(decision, best or cited[0])
        if q.wh == "who" and doer_unsaid(asked, best or cited[0]):
            return replace(decision, level=Level.DOUBTFUL, reason=NO_DOER)  # "Who cut it?" / "it had been cut"
        if (one := which_unnamed(asked, best or cited[0])) is not None:  # "which supermarket?" / "a supermarket chain"
            return replace(decision, level=Level.DOUBTFUL, reason=f"{NOT_WHICH} (“{one}”)")
        if (them := who_unnamed(asked, best or cited[0])) is not None:  # "who were the walkers?" / "two walkers"
            return replace(decision, level=Level.DOUBTFUL, reason=f"{NOT_WHO} (“{them}”)")
        return decision
    if any(yes_no(asked, text) for text in cited):
        return decision
    if (deed := deed_unsaid(asked, cited)) is not None:  # "will the owner be prosecuted?" / "he was heartbroken"
        return replace(decision, level=Level.DOUBTFUL, reason=f"none of its sentences speaks of “{deed}”")
    unsaid = next((text for text in cited if left_unsaid(asked, text)), None)
    if unsaid is not None:
        return _not_made_known(decision, unsaid)
    if all(done_before(asked, text) for text in cited):  # "will they fine it?" / "fined it £2m in 2022"
        return replace(decision, level=Level.DOUBTFUL, reason=EARLIER)
    if not any(unsettled(asked, text) for text in cited):
        return decision
    return replace(decision, level=Level.DOUBTFUL, reason=UNSETTLED)


NEAR = 3
"""How many of the best sentences are read for one that says what is asked has not been said, or gives a reason or
a verdict the best one does not."""


def said_near(q: Question, decision: Decision, evidence: Sequence[Scored]) -> tuple[Decision, int]:
    """An answer the judge doubts (doubtful or likely), read against the few best sentences (`near`, best first):
    when one of them says what is asked has not been said ("How many managers will crew the ferries?" / "a
    spokesperson declined to say how many managers would be asked to crew vessels"), the question is refused
    with that sentence as the reason, or, asked about the saying itself ("Has the company said it will raise
    its offer?" / "Garvie has not said whether the company will improve its pay offer"), answered No by it. A
    "why" whose best sentence gives no reason is answered by the next that gives one for every word asked. A sure
    answer is left as it is: the judge's best sentence answers. A yes/no whose best sentence gives no verdict is
    answered by the first of them, or of the other sentences of the best one's passage (asked of anyone: of all
    found), that states or denies the claim. Returns the decision and the index in `evidence` of the sentence to
    cite first (0: as ranked)."""
    near = evidence[:NEAR]
    if decision.level in (Level.SURE, Level.DOUBTFUL, Level.LIKELY) and q.wh != "yesno" and (
            after := told_after_name(q, near)) is not None:  # "… He is now staying with …": not the sentence naming him
        return replace(decision, level=Level.LIKELY, reason=IN_FORM), after
    if decision.level not in (Level.DOUBTFUL, Level.LIKELY) or not near:
        return decision, 0
    asked = without_note(q.text)
    texts = [e.text for e in near]
    if q.wh == "yesno":
        if yes_no(asked, texts[0]):
            return decision, 0
        said = next((i for i, text in enumerate(texts) if not_said(asked, text)), None)
        if said is not None:
            return replace(decision, level=Level.LIKELY, reason=IN_FORM), said
        looked = [i for i, e in enumerate(evidence) if i and (i < NEAR or e.passage_id == near[0].passage_id)]
        if words(asked)[1:2] and words(asked)[1] in INDEFINITES:
            # "Was anybody hurt when the tower came down?" / "No one was injured.": the one line that says so may
            # sit anywhere in the story, in no passage the question's words bring up first.
            looked += [i for i in range(1, len(evidence)) if i not in looked]
        told = next((i for i in looked if yes_no(asked, evidence[i].text, text_before(evidence[i]))), None)
        if told is not None:  # "Has anybody died?" / "… and no deaths have been reported", next to the best one
            return replace(decision, level=Level.LIKELY, reason=IN_FORM), told
        what = "whether " + asked
    else:
        found = _WH_ON.search(asked)
        what = found.group() if found else ""
    unsaid = next((text for text in texts if what and left_unsaid(what, text, strict=True)), None)
    if unsaid is not None:
        return _not_made_known(decision, unsaid), 0
    if q.wh == "why" and not _gives_reason(q, near[0], deeds=False):  # a reason stated, before what came first
        reason = next((i for i, e in enumerate(near) if i and _gives_reason(q, e, deeds=False)), None)
        if reason is None and not _gives_reason(q, near[0]):  # else what was found before the deed
            reason = next((i for i, e in enumerate(near) if i and not e.missing and found_before(asked, e.text)), None)
        if reason is not None:
            return replace(decision, level=Level.LIKELY, reason=IN_FORM), reason
    found = _PERSON_FOUND.match(asked)
    if found:  # "what did Hester Quayle find?" / "Her report … found that …", "a report by X, which found …"
        by = re.compile(rf"\b{re.escape(found.group('who').split()[-1])}\b", re.I)
        told = next((i for i, e in enumerate(near) if not e.missing and _FOUND_BY.search(e.text) and (
            by.search(e.text) or by.search(text_before(e)[-300:]))), None)
        if told is not None:
            return replace(decision, level=Level.LIKELY, reason=IN_FORM), told
    fate = _FATE.match(asked)  # "what happens to the library staff?" / "... said all affected staff would be ..."
    if fate and not _befalls(fate.group("x"), near[0].text):
        told = next((i for i, e in enumerate(near) if i and not e.missing and _befalls(fate.group("x"), e.text)), None)
        if told is not None:
            return replace(decision, level=Level.LIKELY, reason=IN_FORM), told
    return decision, 0


_PERSON_FOUND = re.compile(r"^\s*what\s+(?:did|has|have|had)\s+(?P<who>(?!(?:the|a|an|this|that|its|their|he|she|they|we|"
                           r"you|it)\b)[\w'’-]+"
                           r"(?:\s+[\w'’-]+){0,2})\s+(?:find|found|discover|discovered|conclude|concluded)\b", re.I)
"""What a named person found (a follow-up's "she" put as her name): what their report or inspection found."""
_FOUND_BY = re.compile(rf"\b(?:found|finds|showed|shows|concluded|revealed|discovered)\s+that\b|\bwhich\s+(?:found|showed|"
                       rf"revealed|concluded)\b|\b(?:{DOCUMENTS}|findings)\b[^.;]{{0,80}}?\b(?:found|showed|concluded|revealed)\b",
                       re.I)
"""A finding told as one: "found that …", "a report …, which found …", "Her report, delivered …, found …"."""


def _gives_reason(q: Question, e: Scored, deeds: bool = True) -> bool:
    """Does the sentence give a reason for what "why" asks about (every word of it, as answered_in_form reads)?
    `deeds`: what was found or done before it counts too ("disqualified after arbiters found a phone")."""
    named = {t for n in q.names for t in terms(n)}
    return (explains(e.text, by_time=False) or deeds and after_deed(e.text)) and not e.missing and _reason_for(
        q.text, set(q.terms) - named, e)


def _not_made_known(decision: Decision, sentence: str) -> Decision:
    """Refused, the sentence quoted as the reason: what the articles do say, in their own words."""
    return replace(decision, level=Level.REFUSED, reason=f'{NOT_MADE_KNOWN}: "{sentence.strip().rstrip(".")}"')


UNSETTLED = "it is spoken of only as planned, possible or still to be decided"
"""Why a yes/no answer is doubtful when its sentence holds the claim without settling it."""
EARLIER = "it tells of a deed in an earlier year, not of what is to come"
"""Why a "will …?" answer is doubtful when its sentence sets the deed in a year gone by."""
NOT_WHICH = "it says there was one, not which"
"""Why a "which" answer is doubtful when its best sentence names the kind only as one of them."""
NO_DOER = "it says this was done, not who did it"
"""Why a "who did it?" answer is doubtful when its best sentence tells the deed in the passive, with no doer."""
NOT_MADE_KNOWN = "they say only that it has not been made known or decided"
"""Why a question is refused when the sentence that would answer says it has not been said."""
_WH_ON = re.compile(r"\b(?:what|when|where|who|whom|whose|why|which|how)\b.*", re.I | re.S)
"""The question from its question word on, as the "do we know …" check reads what is asked."""
