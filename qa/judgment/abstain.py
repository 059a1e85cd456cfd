"""Abstention: the judge's probability that the articles answer, and a reason a reader can check."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from lang.reasons import explains
from lang.opposites import other_kind
from lang.rules import AUXILIARIES, DATELINE, KIND_NOUNS, TITLES
from lang.spelling import english_words
from lang.words import MONTHS, WEEKDAYS, is_number, names, terms, words
from qa.types import REFUSED_LEAD, Level

from .answer_kinds import (counted_together, counts, counts_only_other, end_not_start, end_told, only_name_given,
                           only_told_again, since_not_return, start_not_end)
from .confidence import level
from .sums import hoped_only, priced_other
from .evidence import Phrase, Scored, Selection
from qa.question import AGE, CLOCK, DATE, MONEY, NUMBER, Question

_WANTS_WORDS = {NUMBER: "number", DATE: "date or time", AGE: "age"}
_MEASURES = {"length": "length", "length_or_time": "length or duration", "time": "duration", "weight": "weight",
             MONEY: "amount of money", CLOCK: "time of day"}
_AGE_GIVEN = re.compile(r"\b(?:old|aged?|born|birth)\b|\(\d{1,3}\)|,\s*\d{1,3}\s*,"
                        r"|\d[\d,.]*\s*(?:(?:million|billion|thousand)\s+)?(?:years?|months?|centuries)\b(?!\s+ago)"
                        r"|\b(?:1[0-9]|20)\d\d\b", re.I)


_COUNT = re.compile(r"\s*how\s+(?:many|much)\b", re.I)
_MANY = re.compile(r"\s*how\s+many\b", re.I)
_MONEY_WORDS = re.compile(r"[$€£¥₹]|\b(?:money|dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|cents?|pence|"
                          r"crowns?|kron[ae]r|pesos?|currency|fees?|fines?|salary|salaries|wages?|prices?|costs?)\b",
                          re.I)
NUMBER_LOOKS = 3
"""How far down "how many / how much" looks for a sentence with a number before it refuses: on SQuAD v1.1 train,
98.7% of these questions (4,727 of 4,791) are answered by a sentence that has one."""


def gives_age(sentence: str) -> bool:
    """Does the sentence give an age in any form ("the 92-year-old bridge", "Dvorin, 63,", "aged 24", "born in
    1961", "515 million years", "dating to 1338")? The judge's narrower pattern (qa.judgment.features) was
    fitted with it; this one only keeps an age question from being answered by a sentence with none."""
    return bool(_AGE_GIVEN.search(sentence))

# How an abstention reads, wherever it is shown (answer text, CLI, chat, clipboard).
NOTHING_MATCHES = "nothing in them matches the question"
"""The reason when no passage matched at all."""
NO_ARTICLES = "No articles are loaded yet: ingest one with `python -m ingest FILE`."
NO_ARTICLE_IN_FILTER = "No article matches the chosen articles or dates; widen the filter."


def refusal(reason: str, closest_shown: bool) -> str:
    """The text of an abstention: that the articles don't answer, why, and whether the closest passage [1]
    is shown beside it."""
    text = f"{REFUSED_LEAD} {reason}."
    if closest_shown:
        text += " The closest passage [1] is shown for reference; it is not an answer."
    return text


@dataclass(frozen=True)
class Decision:
    """Answer or refuse, and how sure, decided once from the judge's view of the question."""

    level: Level
    """refused, or sure / likely / doubtful by the calibrated confidence of the best sentence."""
    reason: str = ""
    """Why it abstained, in words a reader can check against the closest passage ('' when answering)."""
    selection: Selection = Selection((), None, 0.0)
    """What it was decided from (nothing: no passage matched)."""

    @property
    def abstain(self) -> bool:
        return self.level is Level.REFUSED

    @property
    def support(self) -> float:
        """0..1: the judge's probability that the articles answer the question."""
        return self.selection.p_answerable

    @property
    def confidence(self) -> float:
        """Calibrated probability that the best sentence answers (0 when abstaining)."""
        return 0.0 if self.abstain else self.selection.confidence

    @property
    def phrase(self) -> Phrase | None:
        """The answer phrase to show in bold: the judge's, unless the answer is refused or doubtful."""
        return None if self.level in (Level.REFUSED, Level.DOUBTFUL) else self.selection.phrase


def decide(q: Question, selection: Selection, threshold: float, sure: float, doubt: float = 0.0,
           mentioned: Callable[[str], bool] | None = None) -> Decision:
    """Answer or refuse, and how sure: refuse below the answerability threshold; "sure" at or above the
    confidence `sure`, "doubtful" below `doubt` (no phrase then), else "likely". `mentioned`: does any article
    in scope name this name (for the reason of a refusal)?"""
    # "How long / far / deep / heavy ...?" wants a measure, "How much does X pay / cost?" a sum of money: a best
    # sentence with no number in such a unit does not give it, however well it matches the rest of the question.
    # (Not "how big / fast / often": a share, a count or a rate answers those as well as a unit does.)
    measured = q.unit not in _MEASURES or not selection.evidence or selection.evidence[0].fits or q.unit == CLOCK and any(
        e.fits for e in selection.evidence[1:NUMBER_LOOKS])  # "what time?": the time may be told beside it
    if q.wants == AGE and selection.evidence and not gives_age(selection.evidence[0].text):
        measured = False  # "How old is X?" / "X, who drove for the firm for six years": no age is given
    # A count of things is not a sum of money: "How many people were fined?" / "Fines start at 250 euros".
    number = counts if _MANY.match(q.text) and q.unit != MONEY and not _MONEY_WORDS.search(q.text) else \
        (lambda text: any(is_number(w) for w in words(text)))
    if _COUNT.match(q.text) and selection.evidence and not any(
            number(without_numbers(e.text, q.text)) for e in selection.evidence[:NUMBER_LOOKS]):
        measured = False  # "How many families will move?" / "the families would receive relocation payments"
    best = selection.evidence[0].text if selection.evidence else ""
    if _COUNT.match(q.text) and without_numbers(best, q.text) != best and not number(without_numbers(best, q.text)):
        measured = False  # "How many of the 1,100 members have voted?" / "... will ballot its 1,100 members"
    if selection.evidence and not named_there(q, selection.evidence[0].text):
        measured = False  # "What's the name of the night guard?" / "A night guard raised the alarm"
    unsaid = [y for y in _YEAR_ASKED.findall(q.text) if mentioned is not None and not mentioned(y)]
    if unsaid:  # "What did a ticket cost in 2009?" of articles that never mention 2009
        return Decision(Level.REFUSED, f"they never mention {unsaid[0]}", selection)
    if selection.p_answerable >= threshold and measured:
        shown = level(False, selection.confidence, sure, doubt)
        other = other_kind(q.text, best) if q.wh != "yesno" else None
        if other is not None:  # "how much will the temporary road cost?" / "A permanent repair … £4.5 million"
            return Decision(Level.DOUBTFUL, f"it speaks of the {other[1]} one, not the {other[0]}", selection)
        if only_name_given(q.text, best):  # "who will name the boat?" / "The boat will be named Winifred …"
            return Decision(Level.DOUBTFUL, "it gives the name, not who gives it", selection)
        if start_not_end(q.text, best) and not any(end_told(q.text, e.text) for e in selection.evidence[1:4]):
            return Decision(Level.DOUBTFUL, "it gives when it starts, not when it ends", selection)
        if end_not_start(q.text, best):  # "what time does school start?" / "The school day will finish at 4.15pm"
            return Decision(Level.DOUBTFUL, "it gives when it ends, not when it starts", selection)
        if since_not_return(q.text, best):  # "when will it reopen?" / "has been closed since December 2019"
            return Decision(Level.DOUBTFUL, "it gives since when it has been so, not when that changes", selection)
        if q.wh == "why" and shown is not Level.DOUBTFUL and only_told_again(q.text, best) and not any(
                explains(e.text) and len(set(terms(e.text)) & set(terms(q.text))) >= 2
                for e in selection.evidence[1:4] if e.source == selection.evidence[0].source):
            # "Why did the ferry sink?" / "The ferry sank off Larn Point the next day.": that it did, not why
            return Decision(Level.DOUBTFUL, "it tells that it happened, not why", selection)
        if _COUNT.match(q.text) and shown is not Level.DOUBTFUL and (not number(without_numbers(best, q.text))
                                                                     or counts_only_other(q, best)
                                                                     or priced_other(q.text, best)
                                                                     or hoped_only(q.text, best)
                                                                     or counted_together(q.text, best)):
            # "How many people have been fined?" / "... could be fined up to £1,000": a runner-up holds a count,
            # the best sentence none, so it is shown as the closest sentence, not as the answer ("how much did the
            # zoo pay for the pandas?" / "spent £18,000 on new fencing" the same; "how much has it raised?" / "hopes to
            # raise the remaining £370,000" too).
            shown = Level.DOUBTFUL
        return Decision(shown, "", selection)
    return Decision(Level.REFUSED, reason(q, selection.evidence, mentioned), selection)


def without_numbers(text: str, question: str) -> str:
    """The text without the numbers the question gives ("1,100", "nine"), which cannot be what it asks."""
    given = {_number_key(m.group()) for m in _NUMBER.finditer(question)} - {""}
    if not given:
        return text
    return _NUMBER.sub(lambda m: " " if _number_key(m.group()) in given else m.group(), text)


def _number_key(token: str) -> str:
    """"1,100" is "1100"; a word is itself when it is a number word, else nothing."""
    key = token.lower().replace(",", "")
    return key if key[0].isdigit() or is_number(key) else ""


_NUMBER = re.compile(r"(?<![\w.,])\d[\d.,]*(?<=\d)(?!\w)|\b[A-Za-z]+\b")
"""A number as written ("1,100", "2.5"), or a word (a number word among them: "nine")."""


_YEAR_ASKED = re.compile(r"\b(?:in|since|by|before|after|until|till|during|from|of|between)\s+(?:the\s+year\s+)?"
                         r"(1[5-9]\d\d|20\d\d)\b(?![-–/]\d)", re.I)
"""A year the question sets the claim in ("in 2009", "since 1987"; not a range "2010-2011"): when no article in scope
mentions it, nothing they say is about that year."""


def reason(q: Question, evidence: Sequence[Scored], mentioned: Callable[[str], bool] | None = None) -> str:
    """The most concrete thing the articles lack, in plain words: a name (or number) of the question that no
    passage found mentions, one the closest passage lacks, or the kind of answer wanted. Never the question's
    common words: a list of them reads as the system's workings, not as a reason."""
    best = evidence[0]
    absent = [n for n in best.missing if all(n in e.missing for e in evidence)]
    never = [n for n in absent if mentioned is None or not mentioned(n)]
    if never:
        return f"they never mention {' or '.join(never[:MAX_NAMES])}"
    if absent:  # named somewhere, but not where the question's other words are
        return f"the passages closest to the question do not mention {' or '.join(absent[:MAX_NAMES])}"
    if best.missing:
        return f"the closest passage does not mention {' or '.join(best.missing[:MAX_NAMES])}"
    if not named_there(q, best.text):
        return "they give no name for this"
    if q.wants is not None and not best.fits:
        return f"they give no {_MEASURES.get(q.unit or '', _WANTS_WORDS[q.wants])} for this"
    return "the closest passage is about the same things but does not say this"


def named_there(q: Question, sentence: str) -> bool:
    """Does the sentence name what the question asks the name of ("What's the name of the night guard?", "Which
    two banks ...?"): a word of a name, capitalized, that the question does not have, and not a date, a number or
    the place a wire story was filed from; for "which company", not a name of another kind of body ("Millbrook
    City Council"). True when the question asks for no name. (The small tagger's reading of people and bodies is
    too often wrong to ask it: "Tomasz Welland" an organisation, "Marram Brie" a person.)"""
    body = _asks_which(q.text, sentence)
    named = _asks_a_name(q.text)
    person = named == "person"
    if (m := _NAME_OF.search(q.text)) and _only_as_one(m.group("noun"), sentence):
        return False  # "the name of the scrapyard" / "sold it to a scrapyard in Pellbridge": one, not named
    if not (named or body):
        return True
    asked = set(terms(q.text))
    other_bodies = KIND_NOUNS["organisation"] - {body}
    told = DATELINE.sub("", sentence, count=1)
    for n in names(told):
        ws = n.split()
        after = re.match(rf"\W*{re.escape(n)}\s+(?P<next>[a-z]+)", told)
        if len(ws) == 1 and after and n.lower() in english_words() and after.group("next").removesuffix("s") in _PEOPLE:
            continue  # "Opposition councillors have asked …": a word capitalized where the sentence starts
        if body and ws[-1].lower() in other_bodies:
            continue
        if person and not body and (all(w.isupper() for w in ws) or ws[-1].lower() in KIND_NOUNS["organisation"]):
            continue  # "What's the name of the farm's vet?" / "… reported it to the LDCA": a body names no one
        if any(w[:1].isupper() and w.lower() not in _WHEN and not set(terms(w)) <= asked for w in ws):
            return True
    return False


_WHEN = MONTHS | WEEKDAYS
_NAME_OF = re.compile(r"\bnames?\s+of\s+(?:the|a|an|this|that|his|her|their|its|(?:[\w-]+\s+)?[\w-]+(?:'s|’s))\s+"
                      r"(?:[\w-]+\s+){0,2}?(?:[a-z]+-)?"
                      r"(?P<noun>[a-z]+)(?:\s*[?.!]*\s*$|\s+(?:who|that|which|whose|where|they|he|she|it|we|you|i)\b)",
                      re.I)
_NAMED_KINDS = frozenset().union(*KIND_NOUNS.values()) | frozenset(
    "hospital school pub restaurant hotel shop store farm church college charity clinic surgery stadium ground theatre "
    "museum gallery library station dog cat horse boat".split())
"""Things that go by a proper name: asked "the name of" one, a sentence that names none does not give it."""
_ROLES = frozenset(t for t in TITLES if len(t) > 4) | frozenset("headteacher treasurer landlord tenant defendant solicitor "
                                                                "barrister".split())
"""People named by their office ("the name of the councillor who asked for it")."""
_PEOPLE = KIND_NOUNS["person"] | KIND_NOUNS["organisation"] | _ROLES


def _only_as_one(noun: str, sentence: str) -> bool:
    """Does the sentence speak of the thing only as "a"/"an" one ("sold it to a scrapyard in Pellbridge")?"""
    found = list(re.finditer(rf"\b{re.escape(noun)}s?\b", sentence, re.I))
    def one(f: re.Match) -> bool:
        a = re.search(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", sentence[:f.start()], re.I)
        # Not named just before ("Holly Marsh, a nurse at …", "Biscuit, a three-year-old dog") nor just after.
        return a is not None and not re.search(r"[A-Z][\w'’-]*,\s*$", sentence[:a.start()]) and not _NAMED_AFTER.match(
            sentence, f.end())
    return bool(found) and all(one(f) for f in found)


_NAMED_AFTER = re.compile(r"(?:\s+(?:in|on|at|near|of|off)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?\s*(?:,\s*"
                          r"(?:the\s+)?[A-Z]|\s+(?:named|called|"
                          r"known\s+as)\b|\s+[A-Z][a-z])")
"""A thing given its name right after it: "a scrapyard, Harlow Metals,", "a dog named Biscuit", "a pub called …"."""


def _asks_a_name(question: str) -> str | None:
    """"What's the name of the night guard?": a person's name is asked ("person"), which a sentence that speaks of the
    guard without naming anyone does not give; "the name of the wildlife hospital they were kept at": a place's or a
    body's ("other")."""
    m = _NAME_OF.search(question)
    noun = m.group("noun").lower().removesuffix("s") if m else ""
    return "person" if noun in KIND_NOUNS["person"] | _ROLES else "other" if noun in _NAMED_KINDS else None


_WHICH = re.compile(r"^\s*(?:which|what)\s+(?P<words>(?:[\w-]+\s+){1,3})", re.I)


_NAMED_BODIES = KIND_NOUNS["organisation"] - frozenset("""group office department network committee council union
authority ministry agency association alliance coalition institute outlet organisation organization""".split())
"""Bodies that go by a name of their own ("which airline", "which bank"); not those a description may answer
("which group": "the beroids", "which committee": "the budget committee")."""


def _asks_which(question: str, sentence: str) -> str | None:
    """"Which two banks agreed to lend?": which people or bodies, by name. A sentence that names
    none ("two larger lenders agreed") does not say; one that calls it "the bank" may answer from the sentence
    before it (qa/compose picks that one too). Not "What did the company say?": an auxiliary comes first. The
    kind of body asked ("bank"), or None."""
    m = _WHICH.match(question)
    for w in (m.group("words").lower().split() if m else []):
        if w in AUXILIARIES:
            return None
        if {w, w.removesuffix("s")} & _NAMED_BODIES:
            said = re.search(rf"\b(?:the|this|that)\s+{w.removesuffix('s')}", sentence, re.I)
            return None if said else w.removesuffix("s")
    return None


MAX_NAMES = 2
"""A reason names at most this many of the question's names: more reads as a list, not as a reason."""

