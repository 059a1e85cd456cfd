"""The answer chain as LangChain runnables: prepare -> retrieve -> select evidence -> compose (streamed)."""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Iterator

from langchain_core.runnables import Runnable, RunnableBranch, RunnableGenerator, RunnableLambda

from core.settings import Settings
from ingest.embed import whole_words
from ingest.store import ArticleStore

from qa.conversation import chitchat, meta
from qa.judgment.judge import Judge
from qa.judgment.reader import Reader
from qa.judgment.abstain import NO_ARTICLE_IN_FILTER, NO_ARTICLES, NOTHING_MATCHES, Decision, decide
from qa.compose.compose import Answerer, Draft, abstention, alternatives
from qa.retrieval.corpus import Snapshot
from qa.judgment.evidence import Scored, Selection, candidates, select, with_sentence_before
from qa.judgment.features import Candidate
from qa.retrieval.focus import naming_articles
from qa.conversation.followup import needs_context, pronoun, resolve
from qa.skills.answer import Skills
from .question import Question, analyze
from qa.retrieval.filters import Filters
from qa.retrieval.retrieve import HybridSearch, Retrieval
from .types import Answer, Level, Route


@dataclass(frozen=True)
class Inspection:
    """The chain's view of a question up to its candidate sentences (for training and evaluation)."""

    question: Question
    candidates: list[Candidate]
    snapshot: Snapshot


@dataclass
class Turn:
    """What flows through the chain for one question."""

    question: str
    history: list = field(default_factory=list)
    filters: Filters = Filters()
    searched: str = ""
    snapshot: Snapshot | None = None
    parsed: Question | None = None
    retrieval: Retrieval | None = None
    evidence: list[Scored] = field(default_factory=list)
    selection: Selection | None = None
    decision: Decision | None = None
    answer: Answer | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    unresolved: str = ""
    """A pronoun of the question that nothing earlier in the chat explains ("his" in a new chat)."""


def assumed(word: str, draft: Draft) -> str:
    """Say whom an unexplained pronoun was taken to mean: the first name (not a number) of the cited sentence."""
    from lang.words import is_number, names

    found = [n for c in draft.citations for n in names(c.quote) if not any(is_number(w) for w in n.split())]
    who = f"the answer assumes it means {found[0]}" if found else "the answer is about the closest passage"
    return f"Nothing earlier in this chat says who or what “{word}” is; {who}. Name it to be sure."


def _timed(name: str, fn):
    def step(turn: Turn) -> Turn:
        t = time.perf_counter()
        out = fn(turn)
        out.timings_ms[name] = round((time.perf_counter() - t) * 1000, 2)
        return out
    return step


class AnswerChain:
    """Holds the components; `runnable` is the LangChain chain over them."""

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
        # One chain for both uses: `stream` yields the answer's text as the compose step produces it, then the
        # Answer; `invoke` adds those up (text + Answer is the Answer), so it returns the Answer.
        prepare = RunnableLambda(_timed("prepare", self.prepare), name="prepare")
        retrieve = RunnableLambda(_timed("retrieve", self.retrieve), name="retrieve")
        select = RunnableLambda(_timed("select", self.select), name="select_evidence")
        compose = RunnableGenerator(self.compose, name="compose")
        self.runnable: Runnable = (prepare | RunnableBranch(
            (lambda t: t.answer is not None, RunnableLambda(lambda t: t)),
            retrieve | select) | compose)

    # -- the steps up to the candidates, as a public interface for training and evaluation --------
    def inspect(self, question: str, filters: Filters = Filters(), query_vector=None) -> Inspection | None:
        """Prepare and retrieve as when answering, and return the parsed question with its candidate
        sentences; None when the question is answered before retrieval (small talk, metadata). The answer skills
        are left out: what is inspected is the single-sentence path the judge is fitted for."""
        turn = self.prepare(Turn(question=question, filters=filters), use_skills=False)
        if turn.answer is not None:
            return None
        turn = self.retrieve(turn, query_vector)
        return Inspection(turn.parsed, candidates(turn.retrieval, self.store, self.settings.evidence_passages),
                          turn.snapshot)

    # -- steps ----------------------------------------------------------------------------
    def prepare(self, turn: Turn, use_skills: bool = True) -> Turn:
        snap = self.search.corpus.snapshot()
        turn.snapshot = snap
        small = chitchat.reply(turn.question)
        if small is not None:
            turn.answer = Answer(text=small, question=turn.question, searched="", route=Route.SMALLTALK)
            return turn
        scope = [info for info in snap.articles.values() if turn.filters.admits(info)]
        if not snap.articles:
            turn.answer = Answer(text=NO_ARTICLES, abstained=True, reason="no articles loaded", question=turn.question,
                                 route=Route.EMPTY)
            return turn
        if not scope:
            turn.answer = Answer(text=NO_ARTICLE_IN_FILTER, abstained=True, reason="the filter matches no article",
                                 question=turn.question, route=Route.EMPTY)
            return turn
        resolved = resolve(turn.question, turn.history)
        # "Lindquist" is "Lindqvist": the articles' own words, never a word the embedder knows whole.
        turn.searched = snap.spelled(resolved.searched, self.common_words)
        if not resolved.context and needs_context(turn.question):
            turn.unresolved = pronoun(turn.question)
        skilled = self.skills.answer(turn.searched, scope, snap) if self.skills is not None and use_skills else None
        if skilled is not None:
            d = skilled.draft
            turn.answer = Answer(text=d.text, citations=d.citations, short=d.short, question=turn.question,
                                 searched=turn.searched, route=d.route, confidence=skilled.confidence,
                                 level=skilled.level, abstained=skilled.level is Level.REFUSED, reason=skilled.reason)
            return turn
        about = meta.answer(turn.searched, scope, snap)
        if about is not None:
            text, cites = about
            # Read from the article's own record (its date, its title), not judged: as sure as it gets.
            turn.answer = Answer(text=text, citations=tuple(cites), question=turn.question, searched=turn.searched,
                                 route=Route.METADATA, confidence=1.0)
            return turn
        turn.parsed = analyze(turn.searched, snap.idf, resolved.context)
        return turn

    def retrieve(self, turn: Turn, query_vector=None) -> Turn:
        # A question that names something is searched in the articles that name it (qa/retrieval/focus.py).
        focus = naming_articles(turn.parsed, turn.snapshot, turn.snapshot.sources(turn.filters))
        filters = replace(turn.filters, sources=frozenset(focus)) if focus else turn.filters
        turn.retrieval = self.search.search(turn.searched, filters, limit=self.settings.evidence_passages,
                                            snapshot=turn.snapshot, query_vector=query_vector)
        return turn

    def select(self, turn: Turn) -> Turn:
        turn.selection = select(turn.parsed, turn.retrieval, self.store, self.settings.evidence_passages, self.judge,
                                self.reader)
        turn.evidence = with_sentence_before(turn.selection.evidence, self.store)
        turn.decision = (decide(turn.parsed, turn.selection, self.threshold, self.judge.sure, self.judge.doubt)
                         if turn.evidence else None)
        if (turn.decision is None or turn.decision.abstain) and not turn.filters.empty:
            turn.decision = self.outside_filter(turn) or turn.decision
        return turn

    def outside_filter(self, turn: Turn) -> Decision | None:
        """A refusal under a filter says so when loaded articles outside it would answer."""
        unfiltered = self.search.search(turn.searched, Filters(), limit=self.settings.evidence_passages,
                                        snapshot=turn.snapshot)
        sel = select(turn.parsed, unfiltered, self.store, self.settings.evidence_passages, self.judge, self.reader)
        if not sel.evidence or sel.p_answerable < self.threshold:
            return None
        articles = turn.snapshot.articles
        outside = list(dict.fromkeys(e.source for e in sel.evidence[:3]
                                     if e.source in articles and not turn.filters.admits(articles[e.source])))
        if not outside:
            return None
        titles = ", ".join(f"“{articles[s].title}”" for s in outside[:2])
        count = f"{len(outside)} other loaded article" + ("s" if len(outside) > 1 else "")
        chosen = ("the selected articles" if turn.filters.since is None and turn.filters.until is None
                  else "the articles of the chosen dates" if turn.filters.sources is None
                  else "the selected articles and dates")
        reason = f"it is not in {chosen}; {count} may answer it ({titles}): widen the filter"
        support = turn.decision.support if turn.decision else 0.0
        return Decision(True, support, reason)

    def compose(self, turns: Iterator[Turn]) -> Iterator[str | Answer]:
        """The answer's text as it is produced, then the Answer with the stages' timings. A turn answered
        early (small talk, metadata, no articles) yields its text at once."""
        for turn in turns:
            if turn.answer is None:
                t = time.perf_counter()
                draft = None
                for item in self.drafts(turn):
                    if isinstance(item, str):
                        yield item
                    else:
                        draft = item
                turn.timings_ms["compose"] = round((time.perf_counter() - t) * 1000, 2)
                turn.answer = self.to_answer(turn, draft)
            else:
                yield turn.answer.text
            yield self.finish(turn)

    def drafts(self, turn: Turn) -> Iterator[str | Draft]:
        """The answer step's text chunks, then its Draft."""
        if turn.decision is None:
            draft = abstention(turn.parsed, [], Decision(True, 0.0, NOTHING_MATCHES), turn.snapshot.articles)
            yield draft.text
            yield draft
            return
        yield from self.answerer.stream(turn.parsed, turn.evidence, turn.decision, turn.snapshot.articles)

    def to_answer(self, turn: Turn, draft: Draft) -> Answer:
        abstained = turn.decision is None or turn.decision.abstain
        notice = draft.notice
        if not abstained and turn.unresolved:
            notice = " ".join(filter(None, [notice, assumed(turn.unresolved, draft)]))
        decision = turn.decision or Decision(True, 0.0, "no matching passage")
        return Answer(text=draft.text, citations=draft.citations, abstained=abstained, reason=decision.reason,
                      question=turn.question, searched=turn.searched, route=draft.route, fallback=draft.fallback,
                      notice=notice, short=draft.short, confidence=round(decision.confidence, 3),
                      level=Level.REFUSED if abstained else decision.level,
                      alternatives=() if abstained or decision.level not in (Level.LIKELY, Level.DOUBTFUL) else
                      alternatives(turn.evidence, draft.citations, turn.snapshot.articles))

    def finish(self, turn: Turn) -> Answer:
        return replace(turn.answer, timings_ms=dict(turn.timings_ms))

