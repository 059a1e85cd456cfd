"""The answer skills, chosen by the question's form (lang/forms.py): a summary, who is who (or quoted), what a
name or an acronym stands for, a timeline or what came after something, what someone said, whether something is
mentioned. Each answers in the articles' own words with cited spans, over the articles in scope, or returns None
and the single-sentence path answers instead."""
from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import Callable

import numpy as np

from core.types import ArticleInfo
from ingest.store import ArticleStore
from lang.acronyms import descriptor, expansion
from lang.conditions import asks_condition
from lang.forms import Form, Kind, form, is_acronym, named_parts
from lang.list_forms import SPEAKER
from lang.funding import asks_funding
from lang.glosses import gloss
from lang.motives import asks_motive
from lang.rules import PRONOUNS
from lang.next_steps import asks_next
from lang.words import roots, terms
from qa.compose.compose import Draft
from qa.question import without_note
from qa.retrieval.corpus import Snapshot
from qa.types import Level, Route

from .article import ArticleDoc, Library
from .conditions import what_if
from .causes import asks_why, why
from .what_caused import asks_cause, caused
from .doings import told, wanting_first
from .cite import Citer, SkillAnswer, clip, first_mention, first_use, more_articles, spoken_of, with_phrase
from .entities import PERSON, Entity, entities, first_named
from .funding import funders
from .holders import holder, leader_named, titled, without_anyone
from .roles import other_role, shown_role
from .listing import MAX_LISTED, named, quoted
from .mention import mentioned, mentions_of, unnamed
from .outlook import next_steps
from .speakers import about_story, around, carried_on, reasoned, statements, story_roots
from .voices import said_by
from .summary import summarize
from . import timeline
from .sequence import came_after, to_come_after
from .several import each_of
from .stories import by_meaning

MAX_ARTICLES = 3  # a summary, list or timeline over many articles covers this many (the one named, or the ones added last)
SCAN_LIMIT = 25  # up to this many articles in scope are read whole to find a name typed with a typo


class Skills:
    def __init__(self, store: ArticleStore, cache_size: int = 64, common: frozenset[str] = frozenset(),
                 embed: Callable[[list[str]], np.ndarray] | None = None):
        self.library = Library(store, cache_size)
        self.common = common
        """Words the embedder knows whole ("winner"): never taken for a typo of a name ("Wiener")."""
        self.embed = embed
        """Unit vectors for texts: a story named in words it never uses is found by meaning ("the takeover story")."""

    def read_ahead(self, infos: list[ArticleInfo]) -> None:
        """Read and parse these articles in a background thread (their people, summary and dates with them)."""
        if not infos:
            return

        def read() -> None:
            for doc in filter(None, map(self.library.get, infos)):
                summarize(doc)
                timeline.events(doc)
                statements(doc)

        threading.Thread(target=read, name="read-ahead", daemon=True).start()

    def answer(self, question: str, scope: list[ArticleInfo], snap: Snapshot) -> SkillAnswer | None:
        if (condition := asks_condition(question)) is not None and scope:  # "what will happen if ...": its sentence
            return what_if(condition, self._docs(condition, scope, snap, True), self.embed)
        asked = without_note(question)
        note = question[len(asked):].strip(" ()")
        if (subject := asks_next(asked)) is not None and scope:  # "what happens next?": what is still to come
            return next_steps(self._stories(subject or note, scope, snap), subject)  # a follow-up's story: its note
        if (paid := asks_funding(asked)) is not None and scope:  # "who's paying for the barrier?": who pays
            return funders(self._stories(paid.thing or note or paid.aside, scope, snap), paid)
        if (motive := asks_motive(asked)) is not None and scope:  # "why is X against it?": what X says of it
            holder = note if motive[0].lower() in PRONOUNS and note else motive[0]
            return self.opinion(Form(Kind.OPINION, subject=holder, topic=motive[1]), scope, snap, Level.LIKELY) or \
                self.opinion(Form(Kind.OPINION, subject=holder), scope, snap, Level.LIKELY)  # all they said, else
        if scope and asks_why(asked) and (found := why(self._docs(asked, scope, snap, True), asked)) is not None:
            return found  # "why is X shutting it?": what X says, where nothing says why; the causes a report lists
        if scope and (thing := asks_cause(asked)) and (found := caused(self._docs(asked, scope, snap, True), thing)):
            return found  # "what caused the outbreak?": the sentence that names its cause
        f = form(question)
        if f is None or not scope:
            return None
        handler = {Kind.SUMMARY: self.summary, Kind.ENTITIES: self.entity_list, Kind.WHO_IS: self.describe,
                   Kind.DEFINE: self.describe, Kind.TIMELINE: self.timeline, Kind.AFTER: self.after,
                   Kind.OPINION: self.opinion, Kind.MENTION: self.mention}[f.kind]
        return handler(f, scope, snap)

    # -- which articles ---------------------------------------------------------------------------
    def _stories(self, subject: str, scope: list[ArticleInfo], snap: Snapshot) -> list[ArticleDoc]:
        """The articles a summary, list or timeline is about: the one its words point at, else those in scope."""
        if subject:
            chosen = self._matching(subject, scope, snap)[:1] or by_meaning(
                subject, [d for d in (self.library.get(i) for i in scope[:SCAN_LIMIT]) if d is not None], self.embed)
        else:
            # "This article" among several: the ones added last (an upload just made comes first).
            chosen = sorted(scope, key=lambda i: i.ingested_at, reverse=True)[:MAX_ARTICLES]
        return [d for d in (self.library.get(i) for i in chosen) if d is not None]

    def _matching(self, subject: str, scope: list[ArticleInfo], snap: Snapshot) -> list[ArticleInfo]:
        """Articles in scope whose passages match the subject's words best, best first."""
        if not (query := terms(subject)):
            return []
        allowed = {i.source for i in scope}
        hits = snap.keyword_search(query, k=10, sources=allowed if len(allowed) < len(snap.articles) else None)
        order = list(dict.fromkeys(p.source for p in hits if p.source in allowed))
        return [snap.articles[s] for s in order]

    def _naming(self, name: str, scope: list[ArticleInfo], snap: Snapshot) -> list[tuple[ArticleDoc, Entity]]:
        """(article, entity) for each article in scope that names `name` (typos allowed)."""
        found, typos = [], not self._common(name)  # a name typed as a name ("Brant") may carry a typo; "the winner" not
        for doc in self._reading(name, scope, snap):
            match = next((e for e in entities(doc) if e.matches(name, typos)), None) or next((
                e for e in entities(doc) if " " not in name.strip() and typos and e.called_by_first_word(name)), None) \
                or first_named(entities(doc), name)  # "who is colin?": Colin Castellow, the only Colin
            if match is not None:
                found.append((doc, match))
        return found

    def _common(self, name: str) -> bool:
        """Typed in lower case, and every word one the embedder knows whole ("the winner", not "brant")."""
        return not any(w[:1].isupper() for w in name.split()) and all(
            w in self.common for w in re.findall(r"[a-z]+", name.lower()) if w != "the")

    def _reading(self, words: str, scope: list[ArticleInfo], snap: Snapshot) -> list[ArticleDoc]:
        """The articles that match the words best, then, up to SCAN_LIMIT articles in scope, all the others."""
        infos = self._matching(words, scope, snap)
        return list(filter(None, map(self.library.get, infos + [i for i in scope if i not in infos] if len(
            scope) <= SCAN_LIMIT else infos)))

    def _docs(self, words: str, scope: list[ArticleInfo], snap: Snapshot, or_any: bool = False) -> list[ArticleDoc]:
        """Up to MAX_ARTICLES in scope whose passages match the words best; with `or_any`, else the first ones."""
        infos = self._matching(words, scope, snap)[:MAX_ARTICLES] or (scope[:MAX_ARTICLES] if or_any else [])
        return list(filter(None, map(self.library.get, infos)))

    # -- skills -------------------------------------------------------------------------------------
    def summary(self, f: Form, scope, snap) -> SkillAnswer | None:
        if f.subject and any(e.kind == PERSON and not roots(e.name) & story_roots(d) for d, e in self._naming(
                f.subject, scope, snap)):  # "what's the story with X", one the story tells of later: who X is
            return self.describe(replace(f, kind=Kind.WHO_IS), scope, snap)
        docs = self._stories(f.subject, scope, snap)
        if not docs or not f.explicit and f.subject and not about_story(docs[0], roots(f.subject)):  # "what's up with
            return docs and self.mention(replace(f, kind=Kind.MENTION, explicit=True), scope, snap) or None  # what it says
        citer = Citer()
        parts = []
        for doc in docs:
            body = " ".join(f"{line.text.strip()} [{citer.cite(doc, line)}]" for line in summarize(doc))
            parts.append(body if len(docs) == 1 else f"“{clip(doc.info.title)}”: {body}")
        more = more_articles(len(scope), len(docs), bool(f.subject))
        return SkillAnswer(Draft("\n\n".join(parts) + more, tuple(citer.citations), Route.SUMMARY))

    def entity_list(self, f: Form, scope, snap) -> SkillAnswer | None:
        """The people (organisations, places, names) of each story in scope with the roles it gives them, most mentioned
        first, each cited where introduced; for SPEAKER, whoever it quotes, in order, with the first thing they said."""
        docs = self._stories(f.subject, scope, snap)
        citer = Citer()
        blocks = [b for b in (quoted(doc, citer) if f.entity == SPEAKER else named(doc, f.entity, citer, f.topic)
                              for doc in docs) if b]
        if not blocks:
            return None
        return SkillAnswer(Draft("\n\n".join(blocks) + more_articles(len(scope), len(docs), bool(f.subject)), tuple(citer.citations), Route.ENTITIES))

    def describe(self, f: Form, scope, snap) -> SkillAnswer | None:
        """Who someone is, or what a name or an acronym stands for, as the article says it."""
        term = f.subject.strip()
        term = term[4:] if term.lower().startswith("the ") else term
        term = bare if f.kind is Kind.WHO_IS and (bare := without_anyone(term)) and any(
            e.kind == PERSON for _, e in self._naming(bare, scope, snap)) else term  # "the graham tolly guy"
        if len(parts := named_parts(term)) > 1 and not self._naming(term, scope, snap):  # "who are X and Y?"
            return each_of(parts, lambda p: self.describe(replace(f, subject=p), scope, snap), lambda p: next((
                e.name for _, e in self._naming(p, scope, snap) if e.kind == PERSON), p), lambda p: not self._common(p))
        if is_acronym(term.upper()) and len(term) <= 8 and " " not in term:  # a title ("the MP") or a body's; asked
            find = lambda stated: lambda a, doc: expansion(a, doc.text, stated)  # noqa: E731  what, its name first
            spelled = (f.kind is Kind.DEFINE and self._acronym(term.upper(), scope, snap, find(True))) or titled(
                self._reading(term, scope, snap), term) or self._acronym(term.upper(), scope, snap, find(False))
            if spelled is not None:
                return spelled
        named = self._naming(term, scope, snap)
        for doc, e in named:
            if e.role:
                start, end = shown_role(doc, e)
                more = other_role(doc, e) if e.kind == PERSON else None
                return with_phrase(doc, doc.line_at(start), start, end, Route.DEFINITION,
                                   doc.line_at(more[0]) if more else None)
        if is_acronym(term.upper()) and len(term) <= 8 and " " not in term:
            # never spelled out: the words the article puts before it ("the nuclear watchdog IAEA")
            if (described := self._acronym(term.upper(), scope, snap, lambda a, doc: descriptor(doc.doc, a))):
                return described
        if f.kind is Kind.WHO_IS and not named:
            if f.by_name:
                return None  # "what does sleep do": no one by that name, and not a role to look for
            found = holder(self._docs(term, scope, snap), term)
            if found is None and f.subject == term and len(scope) <= SCAN_LIMIT:  # "who is john smith"
                return unnamed(term, [d for d in map(self.library.get, scope) if d is not None])
            return found
        if not named and (f.explicit or f.kind is Kind.DEFINE):  # "what's a split shift": only if explained
            return self._explained(term, scope, snap, f.meaning, glossed_only=not f.explicit)
        for doc, e in named:  # what it names ("The statue, known as the Horseman of Nsaro"), else its first mention
            if e.kind != PERSON:
                return self._explained(term, scope, snap, glossed_only=True) or first_mention(doc, e)
        return None

    def _explained(self, term: str, scope, snap, meaning: bool = False, glossed_only: bool = False):
        """"What does the sell-on clause refer to?": the words the article explains the term with, if any."""
        docs = self._docs(term, scope, snap)
        for doc in docs:
            found = gloss(term, doc.text, appositions=not glossed_only)
            line = doc.line_at(found.start) if found is not None else None
            if line is not None:
                return with_phrase(doc, line, found.start, found.end, Route.DEFINITION)
        if glossed_only:
            return None
        said = next(filter(None, (spoken_of(doc, term) for doc in docs)), None) if meaning else None
        if said is not None:  # a saying, not a term ("the city walking a tightrope"): where it is said, and after
            return said
        if term[:1].islower():  # a common noun ("the vote"): where the article first speaks of it
            return next(filter(None, (first_use(doc, term) for doc in docs)), None)
        return None

    def _acronym(self, acronym: str, scope, snap, find) -> SkillAnswer | None:
        """Where an article spells the acronym out or describes it (`find(acronym, doc)`: an offset span)."""
        for info in self._matching(acronym, scope, snap) or (scope if len(scope) <= SCAN_LIMIT else []):
            doc = self.library.get(info)
            found = find(acronym, doc) if doc is not None and acronym in doc.text else None
            line = doc.line_at(found.start) if found is not None else None
            if line is not None:
                return with_phrase(doc, line, found.start, found.end, Route.DEFINITION)
        return None

    def timeline(self, f: Form, scope, snap) -> SkillAnswer | None:
        # Whose deeds are asked about says which story better than the date does.
        docs = self._stories(f"{f.topic} {f.subject}" if f.topic else f.subject, scope, snap)
        citer = Citer()
        blocks = []
        for doc in docs:
            asked = timeline.parse_asked(f.subject, doc) if f.subject else None
            evs = timeline.on(doc, asked) if asked is not None else timeline.events(doc)
            if f.topic:  # what one of them did that day: the day's events that name them
                evs = [e for e in evs if set(terms(f.topic)) <= set(terms(e.line.text))]
            if not evs:
                continue
            rows = [f"- {timeline.label(e)}: {e.line.text.strip()} [{citer.cite(doc, e.line)}]"
                    for e in evs[:MAX_LISTED * 2]]
            head = f"In “{clip(doc.info.title)}”" + (f", {asked.label()}:" if asked else ", in date order:")
            blocks.append(head + "\n" + "\n".join(rows))
        if not blocks:
            return None
        return SkillAnswer(Draft("\n\n".join(blocks) + more_articles(len(scope), len(docs), bool(f.subject)), tuple(citer.citations), Route.TIMELINE))

    def after(self, f: Form, scope, snap) -> SkillAnswer | None:
        """What came next (or before): the event the question names, then the article's next dated event."""
        docs = self._docs(f.subject, scope, snap)
        return (to_come_after(docs, f.subject) if f.ahead else None) or came_after(docs, f.subject, f.before)

    def mention(self, f: Form, scope, snap) -> SkillAnswer | None:
        """Whether the articles in scope mention it at all (qa/skills/mention.py): all of them are read, or,
        beyond SCAN_LIMIT articles, those the keyword index finds it in."""
        asked = re.sub(r"^(?:the|a|an)\s+", "", f.subject.strip(), flags=re.I)
        if not terms(asked):
            return None
        found = [(doc, lines) for doc in self._reading(asked, scope, snap) if (lines := mentions_of(doc, asked))]
        return mentioned(found, asked, len(scope), MAX_ARTICLES, verdict=not f.explicit)

    def opinion(self, f: Form, scope, snap, level: Level = Level.SURE) -> SkillAnswer | None:
        """What the speaker said or thinks (about the topic, when one is asked), in the article's order; `level`
        likely when it stands for a reason asked ("why is X against it?"), which their words may not give."""
        topic = roots(f.topic) - {"it", "thi", "that"}
        for doc in self._docs(f.subject + " " + f.topic, scope, snap, True):
            # By name, or by what the article calls them; "the commission boss": whoever the article says leads it.
            said = said_by(doc, f.subject, leader_named(doc, f.subject))
            if topic:  # what they said of it, else all when the story is about it, else next to where it is named
                said = carried_on(said, [s for s in said if topic & roots(s.line.text)] or (
                    said if about_story(doc, topic) else [s for s in said if topic & roots(around(doc, s.line))]))
            said = wanting_first(doc, said) if f.wants and said else said  # none where no one wants anything
            if not said:
                continue
            who = said[0].speaker
            if level is not Level.SURE and reasoned(doc, who, f.subject, frozenset(topic)):
                return None  # "Weber voted against the plan because …" answers why better than what he said
            citer = Citer()
            body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in told(doc, said, f.deeds, wants=f.wants))
            lead = f"{who.name} ({who.role})" if who.role else who.name
            return SkillAnswer(Draft(f"{lead}: {body}", tuple(citer.citations), Route.OPINION), level,
                               1.0 if level is Level.SURE else 0.5)
        return None
