"""The answer step: evidence -> answer text with citations. `Answerer` is the swappable part."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence

from core.types import ArticleInfo

from qa.judgment.abstain import Decision, refusal
from qa.judgment.answer_kinds import CLOCK_SAID, end_told, start_not_end
from qa.judgment.evidence import Phrase, Scored, echoes_question
from lang.reasons import explains
from lang.rules import has_date, name_in, negated, refers_back, text_keys
from lang.words import another_of_its_kind, is_number, terms
from lang.words import words as words_of
from qa.judgment.features import anchor
from qa.question import CLOCK, DATE, Question, without_note
from qa.types import Citation, Level, Route, Short

from .announced import TOPIC_WORDS, listed_after
from .context import leaned_on
from .denied import affirmed_after, denied_phrase
from .quoted import asks_speaker, quote_speaker
from .rival import story_rival
from .yesno import text_before, yes_no

# Discourse openers that carry no content ("However, ..."): the cited span starts after them.
_OPENER = re.compile(r"^(however|moreover|meanwhile|furthermore|in addition|additionally|also|but|and|so|thus|"
                     r"therefore|still|yet|namely|indeed|instead|nevertheless|nonetheless)\b,?\s+", re.I)


@dataclass(frozen=True)
class Draft:
    text: str
    citations: tuple[Citation, ...]
    route: Route
    notice: str = ""
    short: Short | None = None
    fallback: str = ""
    """Why a generator's draft was replaced by this extractive one ('' when it was not)."""


class Answerer(Protocol):
    """Turns selected evidence into the answer text. Implementations: extractive, local, openai."""

    name: str

    def compose(self, q: Question, evidence: Sequence[Scored], decision: Decision,
                articles: dict[str, ArticleInfo]) -> Draft: ...

    def stream(self, q: Question, evidence: Sequence[Scored], decision: Decision,
               articles: dict[str, ArticleInfo]) -> Iterator[str | Draft]: ...


def cite(index: int, ev: Scored, articles: dict[str, ArticleInfo], start: int | None = None, end: int | None = None,
         role: str = "support") -> Citation:
    """A citation of ev's sentence (or the part start..end of it); the quote is cut from the passage
    text by the same offsets, so quote == source_text[start:end] by construction."""
    start = ev.start if start is None else start
    end = ev.end if end is None else end
    info = articles.get(ev.source)
    return Citation(index=index, source=ev.source, title=info.title if info else ev.source,
                    date=info.date if info else None, passage_id=ev.passage_id, start=start, end=end,
                    quote=ev.passage_text[start - ev.passage_start:end - ev.passage_start],
                    score=round(ev.confidence, 3), passage_start=ev.passage_start,
                    passage_end=ev.passage_end, passage_text=ev.passage_text, role=role)


def trimmed(ev: Scored) -> tuple[int, int]:
    """The sentence's span without a leading discourse opener."""
    m = _OPENER.match(ev.text)
    if m and len(ev.text) - m.end() > 20:
        return ev.start + m.end(), ev.end
    return ev.start, ev.end


REASON_LOOKS_AT = 4
"""A "why" whose best sentence gives no reason looks for one among the next best sentences up to this rank."""


def reason_after(evidence: Sequence[Scored], best: Scored, q: Question) -> Scored | None:
    """For a "why" whose best sentence states the fact but not its reason (or only what came before it): the first
    of the next two sentences of its passage that gives a reason (the reason often follows in the speaker's own words: "... said he voted
    to strike." "He had worked three double shifts." "I have watched nurses leave because they were exhausted")."""
    if explains(best.text, set(q.terms), by_time=False):
        return None
    after = sorted((ev for ev in evidence if ev.passage_id == best.passage_id
                    and best.index < ev.index <= best.index + REASON_AFTER), key=lambda ev: ev.index)
    # A best sentence that only says what came before ("resigned three weeks after an inquiry found ...") is
    # joined by a reason stated in so many words ("so that the city can move on").
    weak = explains(best.text, set(q.terms))
    found = next((ev for ev in after if explains(ev.text, by_time=not weak) and not _another(q, ev)), None)
    if found is None and after and after[0].index == best.index + 1 and len(words_of(best.text)) <= TOPIC_WORDS \
            and _goes_on(best.text, after[0].text):
        return after[0]  # "Students reacted with anger." announces what the next sentence tells
    return found


def _goes_on(short: str, following: str) -> bool:
    """Does the next sentence go on about the short one's subject: by a pronoun ("He wrote that ...") or a word
    of it ("... head of the students' union, said ...")? "The summit took place a month later" does not go on
    from "The plane crashed near the border"."""
    return refers_back(following) or bool(set(terms(short)) & set(terms(following)))


REASON_AFTER = 2
"""How many sentences after a "why"'s best sentence may give its reason."""
def reason_among(evidence: Sequence[Scored], best: Scored, q: Question) -> Scored | None:
    """For a "why" whose best sentence only restates the fact: a runner-up of the same article that gives a
    reason ("because", "thanks to", "to find out how") for the same thing (it shares two of the question's
    terms, or all of them when it has fewer)."""
    if explains(best.text, set(q.terms)):
        return None
    need = min(2, len(q.terms))
    return next((ev for ev in evidence if ev.source == best.source and explains(ev.text)
                 and len(set(q.terms) & set(terms(ev.text))) >= need and not _another(q, ev)), None)


def _another(q: Question, ev: Scored) -> bool:
    """Is the reason about another of what was asked ("why did they close the road?" / "a farm road … is closed to
    lorries because …")?"""
    return any(another_of_its_kind(t, q.text, ev.text) for t in q.terms)


def dated_among(evidence: Sequence[Scored], best: Scored, q: Question) -> Scored | None:
    """For a "when" whose best sentence gives no date ("Their meeting took place a month later."): a runner-up of the
    same article that dates the same thing, with a date and every name of the question ("... on May 3, when
    Brandt met Ortiz in Lyon")."""
    if has_date(best.text) or not q.names:
        return None
    return next((ev for ev in evidence if ev.source == best.source and has_date(ev.text)
                 and all(name_in(n, text_keys(ev.text)) for n in q.names)), None)


def clock_among(evidence: Sequence[Scored], best: Scored) -> Scored | None:
    """For "what time ...?" whose best sentence gives no time of day ("... was recaptured on Sunday evening"): a
    runner-up of the same article that gives one ("returned to her enclosure shortly after 7.40pm"), cited beside
    it. The judge ranks such a sentence low (few training questions ask for a time of day); shown with the best
    one, it is read in its light, and the answer keeps the best one's level."""
    if CLOCK_SAID.search(best.text):
        return None
    return next((ev for ev in evidence if ev.source == best.source and CLOCK_SAID.search(ev.text)), None)


_CAUSE_Q = re.compile(r"^\s*what\s+(?:caused|causes|made|led\s+to|was\s+behind|explains|would\s+\w+\s+gain|will\s+\w+\s+gain)\b"
                      r"|^\s*how\s+come\b", re.I)
"""Questions that ask for a cause or a gain without "why" ("What caused the fires?", "What would X gain?")."""
DOUBTFUL_LEAD = "The article may not say this; the closest it comes is:"
"""How a doubtful answer opens (Level.DOUBTFUL): the sentence follows, not claimed as the answer."""

SECOND_SENTENCE_P = 0.5
"""A second sentence is cited only when the judge's ranking (`Scored.score`, a probability) thinks it, too, more
likely than not holds the answer: the point where citing it is more often right than wrong."""


def pick(evidence: Sequence[Scored], *, limit: int = 2, q: Question | None = None) -> list[Scored]:
    """The sentences worth citing: the best one; a runner-up the ranker thinks likely to hold the
    answer too; for a "when" answered without a date, the sentence that dates it; for a "why" answered
    without a reason, the next sentence when it gives one; for a "what" answered by a sentence that only announces
    what follows ("The licence comes with conditions."), the sentences that tell it (announced.py)."""
    if not evidence:
        return []
    best = evidence[0]
    chosen = [best] + [ev for ev in evidence[1:limit] if ev.score >= SECOND_SENTENCE_P]
    companion = None
    if q is not None and q.unit == CLOCK:
        companion = clock_among(evidence[1:REASON_LOOKS_AT], best)
    elif q is not None and q.wants == DATE:
        companion = dated_among(evidence[1:REASON_LOOKS_AT], best, q) or anchor(evidence, best) or next((
            ev for ev in evidence[1:REASON_LOOKS_AT] if start_not_end(q.text, best.text) and end_told(q.text, ev.text)
            and ev.source == best.source), None)  # "when does it end?" / "… starting on 3 November": "… until 28 March"
    elif q is not None and q.wh == "why" or q is not None and _CAUSE_Q.match(q.text):
        companion = reason_after(evidence, best, q) or reason_among(evidence[1:REASON_LOOKS_AT], best, q)
    elif q is not None:  # "Who will run it?" / "It will not be run by volunteers.": who will, next to it
        speaker = quote_speaker(evidence, best) if asks_speaker(q.text) else None  # whose bare quotation it is
        companion = affirmed_after(evidence, best, q.text) or (speaker[0] if speaker else None)
        chosen += [ev for ev in listed_after(evidence, best, q) if ev not in chosen]
    if companion is not None and companion not in chosen:
        chosen.append(companion)
    rival = story_rival(evidence, best, q) if q is not None else None
    if rival is not None and rival not in chosen:  # "fined £240,000 in 2019" / the story's "fined £1.8 million"
        chosen.append(rival)
    # "The ship anchored ...", "He boarded ...", "Which ship?" answered by "... boarded the ship": the sentence
    # before says what it points at.
    asks_identity = q is not None and q.wh in ("who", "which", "what")
    before = leaned_on(evidence, best, q.text if q is not None else "", asks_identity)
    if before is not None and before not in chosen:
        chosen.append(before)
    # Keep the article's order so the answer reads naturally.
    return sorted(chosen, key=lambda e: (e.source, e.start))


class ExtractiveAnswerer:
    """Answers with the best evidence sentences themselves, each cited. No model, no guessing."""

    name = "extractive"

    def compose(self, q: Question, evidence: Sequence[Scored], decision: Decision,
                articles: dict[str, ArticleInfo]) -> Draft:
        if decision.abstain:
            return abstention(q, evidence, decision, articles)
        cites = []
        for i, ev in enumerate(pick(evidence, q=q), start=1):
            start, end = trimmed(ev)
            cites.append(cite(i, ev, articles, start, end))
        body = " ".join(f"{_capitalized(c.quote)} [{c.index}]" for c in cites)
        if decision.level is Level.DOUBTFUL:  # shown as the closest sentence, not as the answer
            lead = f"The article doesn't settle this: {decision.reason}. The closest it comes is:" if decision.reason \
                else DOUBTFUL_LEAD
            return Draft(f"{lead} {body}", tuple(cites), Route(self.name))
        # Two answers, one set in an earlier year: both cited, neither put first (a verdict still may be).
        phrase = None if evidence and story_rival(evidence, evidence[0], q) is not None else decision.phrase
        found = short_answer(q.text, cites, phrase) or (_speaker(evidence, cites) if asks_speaker(q.text) else None)
        text = f"{_sentence_case(found.text)}. {body}" if found else body
        return Draft(text, tuple(cites), Route(self.name), short=found)

    def stream(self, q, evidence, decision, articles) -> Iterator[str | Draft]:
        draft = self.compose(q, evidence, decision, articles)
        for chunk in re.findall(r"\S+\s*", draft.text):
            yield chunk
        yield draft


def _speaker(evidence: Sequence[Scored], cites: list[Citation]) -> Short | None:
    """"Who urged people to come forward?" answered by a bare quotation: its speaker, named in the sentence before."""
    found = quote_speaker(evidence, evidence[0]) if evidence else None
    at = next((c for c in cites if found and c.start <= found[1] and found[2] <= c.end), None)
    if at is None:
        return None
    name = at.quote[found[1] - at.start:found[2] - at.start]
    return Short(text=name, citation=at.index, start=found[1], end=found[2], quote=name)


def short_answer(question: str, cites: list[Citation], phrase: Phrase | None = None) -> Short | None:
    """The answer phrase to show first: "Yes"/"No" when a cited sentence plainly states it, else the judge's
    phrase (qa.judgment.evidence.Phrase: only when it passed the judge's threshold) when it lies inside a
    cited span; None otherwise. Offsets point into the source: source[start:end] == quote."""
    for c in cites:
        verdict = yes_no(without_note(question), c.quote, text_before(c))
        if verdict:
            return Short(text=verdict, citation=c.index, start=c.start, end=c.end, quote=c.quote)
    if phrase is None or _asked_already(phrase.text, question):
        return None
    for c in cites:
        if c.start <= phrase.start and phrase.end <= c.end:
            quote = c.quote[phrase.start - c.start:phrase.end - c.start]
            if negated(c.quote) and not negated(question) and denied_phrase(c.quote, phrase.start - c.start,
                                                                            phrase.end - c.start):
                return None  # "Who will run it?" / "It will not be run by volunteers": not **volunteers**
            return Short(text=quote, citation=c.index, start=phrase.start, end=phrase.end, quote=quote,
                         confidence=round(phrase.p, 3))
    return None


def _asked_already(phrase: str, question: str) -> bool:
    """A phrase that cannot be the answer: its words all come from the question ("Who met Brandt?" ->
    **Brandt**), or it holds several numbers for a "how many" ("four bases, five fields and four")."""
    if echoes_question(phrase, question):
        return True
    if re.search(r"\bhow (?:many|much)\b", question, re.I) is None:
        return False
    numbers = [is_number(w) and w not in ("and", "a") for w in words_of(phrase)]
    groups = sum(1 for i, n in enumerate(numbers) if n and (i == 0 or not numbers[i - 1]))  # "two thousand": one
    return groups > 1


def alternatives(evidence: Sequence[Scored], cited: tuple[Citation, ...], articles: dict[str, ArticleInfo],
                 limit: int = 2) -> tuple[Citation, ...]:
    """For an answer that is likely but not sure: the next best sentences not already cited, numbered
    after the citations (role "alternative")."""
    taken = {(c.source, c.start) for c in cited} | {(c.source, c.end) for c in cited}
    out: list[Citation] = []
    for ev in evidence[1:]:
        if len(out) == limit:
            break
        if (ev.source, ev.start) in taken or (ev.source, ev.end) in taken:
            continue
        start, end = trimmed(ev)
        out.append(cite(len(cited) + len(out) + 1, ev, articles, start, end, role="alternative"))
    return tuple(out)


def abstention(q: Question, evidence: Sequence[Scored], decision: Decision,
               articles: dict[str, ArticleInfo]) -> Draft:
    """Say plainly that the articles don't answer, and show the closest passage, marked as such."""
    if not evidence:
        return Draft(refusal(decision.reason, closest_shown=False), (), Route.ABSTAIN)
    closest = cite(1, evidence[0], articles, role="closest")
    return Draft(refusal(decision.reason, closest_shown=True), (closest,), Route.ABSTAIN)


def _sentence_case(text: str) -> str:
    text = text.strip().rstrip(".,;:")
    return text[:1].upper() + text[1:]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
