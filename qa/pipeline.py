"""The answer chain as LangChain runnables: prepare -> retrieve -> select evidence -> compose.

Each step takes the frozen value the step before returned and returns its own (a Request, then Prepared,
Retrieved, Judged, and the Answer); a question answered early (small talk, metadata, no articles) is an
Answer at once. `runnable.invoke` returns the Answer; `streaming.stream` yields the answer's text as it is
produced, then the Answer."""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Iterator

from langchain_core.runnables import Runnable, RunnableBranch, RunnableGenerator, RunnableLambda

from core.settings import Settings
from ingest.embed import whole_words
from ingest.store import ArticleStore
from lang.claims import asked_plainly
from lang.normalize import amounts_spelled, shorthand_spelled
from lang.set_aside import set_aside

from qa.conversation import chitchat, meta
from qa.judgment.judge import Judge
from qa.judgment.reader import Reader
from qa.judgment.abstain import NO_ARTICLE_IN_FILTER, NO_ARTICLES, NOTHING_MATCHES, Decision, decide
from qa.compose.compose import Answerer, Draft, alternatives, pick
from qa.compose.in_form import answered_in_form, said_near, settled_in_form
from qa.retrieval.corpus import Snapshot
from qa.judgment.evidence import Scored, candidates, select, with_sentence_before
from qa.judgment.features import Candidate
from qa.retrieval.focus import mentions, naming_articles
from qa.conversation.attribution import asks_source, last_question
from qa.conversation.detail import asks_detail
from qa.conversation.followup import assumed, needs_context, pronoun, resolve
from qa.conversation.topic import topic_articles
from qa.skills.answer import Skills
from qa.skills.by_role import named_by_role
from qa.skills.detail import detailed
from qa.skills.source import attributed
from .question import Question, analyze
from .request import Request
from qa.retrieval.filters import Filters
from qa.retrieval.retrieve import HybridSearch, Retrieval
from .types import Answer, Level, Route

ROLE_SCOPE = 8  # a role is one person's only among a few stories (each read whole once): past this many, none is
NO_SOURCE = "The last answer cited no sentence of the articles, so there is no source to name."

Timings = tuple[tuple[str, float], ...]
"""(step, milliseconds) in the order the steps ran."""


@dataclass(frozen=True)
class Inspection:
    """The chain's view of a question up to its candidate sentences (for training and evaluation)."""

    question: Question
    candidates: list[Candidate]
    snapshot: Snapshot


@dataclass(frozen=True, kw_only=True)
class Stage:
    timings_ms: Timings = ()
    """How long each step so far took."""


@dataclass(frozen=True)
class Prepared(Stage):
    """A question to search the articles for."""

    request: Request
    snapshot: Snapshot
    """The articles as they were when the question came: every later step reads these."""
    searched: str
    """The question as searched: follow-ups resolved, misspelled names spelled as the articles spell them."""
    question: Question
    unresolved: str = ""
    """A pronoun of the question that nothing earlier in the chat explains ("his" in a new chat)."""


@dataclass(frozen=True)
class Retrieved(Stage):
    prepared: Prepared
    retrieval: Retrieval


@dataclass(frozen=True)
class Judged(Stage):
    """The evidence, and whether and how sure to answer from it."""

    retrieved: Retrieved
    evidence: tuple[Scored, ...]
    """Best first; with the sentence before the best one at the end when the best opens its passage."""
    decision: Decision

    @property
    def prepared(self) -> Prepared:
        return self.retrieved.prepared


def _timed(name: str, fn):
    """The step `fn`, its output carrying the timings so far and its own."""
    def step(value):
        t = time.perf_counter()
        out = fn(value)
        timings = (*(value.timings_ms if isinstance(value, Stage) else ()),
                   (name, round((time.perf_counter() - t) * 1000, 2)))
        return replace(out, timings_ms=dict(timings) if isinstance(out, Answer) else timings)
    return step


def _said(answers: Iterator[Answer]) -> Iterator[str | Answer]:
    """An answer found early, streamed: its text at once, then the Answer."""
    for answer in answers:
        yield answer.text
        yield answer


class AnswerChain:
    """Holds the components; `runnable` (for invoke) and `streaming` (for stream) are the LangChain chains over
    them, the same steps up to the last."""

    def __init__(self, search: HybridSearch, store: ArticleStore, answerer: Answerer, settings: Settings,
                 judge: Judge, reader: Reader | None = None, skills: Skills | None = None):
        self.search = search
        self.skills = skills
        self.common_words = whole_words(settings)
        self.judge = judge
        self.reader = reader
        self.threshold = settings.abstain_threshold if settings.abstain_threshold is not None else self.judge.threshold
        self.store = store
        self.answerer = answerer
        self.settings = settings
        prepare = RunnableLambda(_timed("prepare", self.prepare), name="prepare")
        judged = (RunnableLambda(_timed("retrieve", self.retrieve), name="retrieve")
                  | RunnableLambda(_timed("select", self.select), name="select_evidence"))
        self.runnable: Runnable = prepare | RunnableBranch(
            (lambda value: isinstance(value, Answer), RunnableLambda(lambda answer: answer, name="answered")),
            judged | RunnableLambda(self.answer, name="compose"))
        self.streaming: Runnable = prepare | RunnableBranch(
            (lambda value: isinstance(value, Answer), RunnableGenerator(_said, name="answered")),
            judged | RunnableGenerator(self.compose, name="compose"))

    # -- the steps up to the candidates, as a public interface for training and evaluation --------
    def inspect(self, question: str, filters: Filters = Filters(), query_vector=None) -> Inspection | None:
        """Prepare and retrieve as when answering, and return the parsed question with its candidate
        sentences; None when the question is answered before retrieval (small talk, metadata). The answer skills
        are left out: what is inspected is the single-sentence path the judge is fitted for."""
        prepared = self.prepare(Request(question, (), filters), use_skills=False)
        if isinstance(prepared, Answer):
            return None
        found = self.retrieve(prepared, query_vector)
        return Inspection(prepared.question, candidates(found.retrieval, self.store, self.settings.evidence_passages),
                          prepared.snapshot)

    # -- steps ----------------------------------------------------------------------------
    def prepare(self, request: Request, use_skills: bool = True) -> Prepared | Answer:
        snap = self.search.corpus.snapshot()
        asked = request.question
        small = chitchat.reply(asked)
        if small is not None:
            return Answer(text=small, question=asked, searched="", route=Route.SMALLTALK, level=Level.NONE)
        scope = [info for info in snap.articles.values() if request.filters.admits(info)]
        if not snap.articles:
            return Answer(text=NO_ARTICLES, level=Level.REFUSED, reason="no articles loaded", question=asked,
                          route=Route.EMPTY)
        if not scope:
            return Answer(text=NO_ARTICLE_IN_FILTER, level=Level.REFUSED, reason="the filter matches no article",
                          question=asked, route=Route.EMPTY)
        sourced = self.sourced(request, snap) if use_skills and (asks_source(asked) or asks_detail(asked)) else None
        if sourced is not None:
            return sourced
        resolved = resolve(asked_plainly(shorthand_spelled(asked)), list(request.history))  # "is it true that X?": X
        # "what did the mayor do next?" after a turn about one of several stories: that story's mayor. (The skills
        # only: the single-sentence path searches every article, as its judge was fitted to.)
        topic = topic_articles(asked, request.history, snap, {i.source for i in scope}) if request.history else None
        scope = [info for info in scope if info.source in topic] if topic else scope
        # "Lindquist" is "Lindqvist": the articles' own words, never a word the embedder knows whole; "£20m" is
        # "£20 million"; "where else … besides X?" is searched without X, which the answer is not.
        searched = snap.spelled(amounts_spelled(set_aside(resolved.searched)), self.common_words)
        if self.skills is not None and use_skills and len(scope) <= ROLE_SCOPE:  # "is the owner going to appeal?"
            searched = named_by_role(searched, lambda: filter(None, map(self.skills.library.get, scope)))
        unresolved = pronoun(asked) if not resolved.context and needs_context(asked) else ""
        skilled = self.skills.answer(searched, scope, snap) if self.skills is not None and use_skills else None
        if skilled is not None:
            d = skilled.draft
            return Answer(text=d.text, citations=d.citations, short=d.short, question=asked, searched=searched,
                          route=d.route, confidence=skilled.confidence, level=skilled.level, reason=skilled.reason)
        about = meta.answer(searched, scope, snap)
        if about is not None:
            text, cites = about
            # Read from the article's own record (its date, its title), not judged: as sure as it gets.
            return Answer(text=text, citations=tuple(cites), question=asked, searched=searched,
                          route=Route.METADATA, confidence=1.0, level=Level.SURE)
        return Prepared(request=request, snapshot=snap, searched=searched,
                        question=analyze(searched, snap.idf, resolved.context), unresolved=unresolved)

    def sourced(self, request: Request, snap: Snapshot) -> Answer | None:
        """"According to who?" / "against who?": the last question is asked again, and the sentence its answer
        cites is read for whom the article has say it, or for the phrase the preposition asked about."""
        earlier = last_question(request.history) if self.skills is not None else None
        if earlier is None:
            return None
        before = self.runnable.invoke(Request(earlier[0], earlier[1], request.filters))
        cited = next((c for c in before.citations if c.role == "support"), None) if not before.abstained else None
        detail = asks_detail(request.question)
        found = None if cited is None else attributed(self.skills.library, snap, cited) if detail is None else \
            detailed(self.skills.library, snap, cited, detail, before)
        if found is None and detail is not None:
            return None  # no such detail there: searched as any follow-up is
        if found is None:
            return Answer(text=NO_SOURCE, level=Level.REFUSED, reason="the last answer cited nothing",
                          question=request.question, searched=earlier[0], route=Route.ABSTAIN)
        d = found.draft
        return Answer(text=d.text, citations=d.citations, short=d.short, question=request.question,
                      searched=earlier[0], route=d.route, confidence=found.confidence, level=found.level)

    def retrieve(self, prepared: Prepared, query_vector=None) -> Retrieved:
        # A question that names something is searched in the articles that name it (qa/retrieval/focus.py).
        filters = prepared.request.filters
        focus = naming_articles(prepared.question, prepared.snapshot, prepared.snapshot.sources(filters))
        chosen = replace(filters, sources=frozenset(focus)) if focus else filters
        found = self.search.search(prepared.searched, chosen, limit=self.settings.evidence_passages,
                                   snapshot=prepared.snapshot, query_vector=query_vector)
        return Retrieved(prepared=prepared, retrieval=found)

    def select(self, retrieved: Retrieved) -> Judged:
        prepared = retrieved.prepared
        selection = select(prepared.question, retrieved.retrieval, self.store, self.settings.evidence_passages,
                           self.judge, self.reader)
        evidence = with_sentence_before(selection.evidence, self.store)
        decision = (decide(prepared.question, selection, self.threshold, self.judge.sure, self.judge.doubt,
                           mentions(prepared.snapshot, prepared.snapshot.sources(prepared.request.filters)))
                    if evidence else Decision(Level.REFUSED, NOTHING_MATCHES))
        if decision.level in (Level.DOUBTFUL, Level.REFUSED):  # the sentences it would cite are picked only then
            decision = answered_in_form(prepared.question, decision, pick(evidence, q=prepared.question))
        elif not decision.abstain:
            cited = [e.text for e in pick(evidence, q=prepared.question)]
            decision = settled_in_form(prepared.question, decision, cited, evidence[0].text)
        decision, first = said_near(prepared.question, decision, evidence)
        evidence = evidence[first:first + 1] + evidence[:first] + evidence[first + 1:]  # the sentence it cites first
        if decision.abstain and not prepared.request.filters.empty:
            decision = self.outside_filter(prepared, decision) or decision
        return Judged(retrieved=retrieved, evidence=evidence, decision=decision)

    def outside_filter(self, prepared: Prepared, decision: Decision) -> Decision | None:
        """A refusal under a filter says so when loaded articles outside it would answer."""
        unfiltered = self.search.search(prepared.searched, Filters(), limit=self.settings.evidence_passages,
                                        snapshot=prepared.snapshot)
        sel = select(prepared.question, unfiltered, self.store, self.settings.evidence_passages, self.judge,
                     self.reader)
        if not sel.evidence or sel.p_answerable < self.threshold:
            return None
        articles = prepared.snapshot.articles
        filters = prepared.request.filters
        outside = list(dict.fromkeys(e.source for e in sel.evidence[:3]
                                     if e.source in articles and not filters.admits(articles[e.source])))
        if not outside:
            return None
        titles = ", ".join(f"“{articles[s].title}”" for s in outside[:2])
        count = f"{len(outside)} other loaded article" + ("s" if len(outside) > 1 else "")
        chosen = ("the selected articles" if filters.since is None and filters.until is None
                  else "the articles of the chosen dates" if filters.sources is None
                  else "the selected articles and dates")
        return replace(decision, reason=f"it is not in {chosen}; {count} may answer it ({titles}): widen the filter")

    def answer(self, judged: Judged) -> Answer:
        """The Answer (for invoke): the answer step's draft, with the steps' timings."""
        t = time.perf_counter()
        return self._answer(judged, self.answerer.compose(*self._given(judged)), t)

    def compose(self, judged: Iterator[Judged]) -> Iterator[str | Answer]:
        """The answer's text as the answer step produces it (for stream), then the Answer."""
        for one in judged:
            t = time.perf_counter()
            for item in self.answerer.stream(*self._given(one)):
                if isinstance(item, Draft):
                    yield self._answer(one, item, t)
                else:
                    yield item

    @staticmethod
    def _given(judged: Judged) -> tuple:
        prepared = judged.prepared
        return prepared.question, judged.evidence, judged.decision, prepared.snapshot.articles

    def _answer(self, judged: Judged, draft: Draft, started: float) -> Answer:
        prepared, decision = judged.prepared, judged.decision
        notice = draft.notice
        if not decision.abstain and prepared.unresolved:
            notice = " ".join(filter(None, [notice, assumed(prepared.unresolved, [c.quote for c in draft.citations])]))
        unsure = decision.level in (Level.LIKELY, Level.DOUBTFUL)
        timings = (*judged.timings_ms, ("compose", round((time.perf_counter() - started) * 1000, 2)))
        return Answer(text=draft.text, citations=draft.citations, reason=decision.reason,
                      question=prepared.request.question, searched=prepared.searched, route=draft.route,
                      fallback=draft.fallback, notice=notice, short=draft.short,
                      confidence=round(decision.confidence, 3), level=decision.level,
                      alternatives=alternatives(judged.evidence, draft.citations, prepared.snapshot.articles)
                      if unsure else (), timings_ms=dict(timings))
