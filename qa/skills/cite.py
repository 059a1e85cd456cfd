"""How a skill's answer cites the article: numbered citations of whole sentences, and a phrase shown first."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from lang.forms import is_acronym
from lang.tagging import parse
from lang.words import names, stem, terms, words
from qa.compose.compose import Draft
from qa.types import Citation, Level, Route, Short

from .article import ArticleDoc, Line
from .entities import Entity


@dataclass(frozen=True)
class SkillAnswer:
    draft: Draft
    level: Level = Level.SURE
    confidence: float = 1.0
    """A skill's answer is read from the article's structure (its sentences, names, dates), not judged: 1.0."""
    reason: str = ""


class Citer:
    """Numbers the citations of one answer: the same sentence cited twice keeps its number."""

    def __init__(self):
        self.citations: list[Citation] = []
        self._by_span: dict[tuple[str, int, int], int] = {}

    def cite(self, doc: ArticleDoc, line: Line, role: str = "support") -> int:
        key = (doc.info.source, line.start, line.end)
        if key not in self._by_span:
            n = len(self.citations) + 1
            self.citations.append(line.cite(n, doc.info, role=role))
            self._by_span[key] = n
        return self._by_span[key]


def with_phrase(doc: ArticleDoc, line: Line, start: int, end: int, route: Route, also: Line | None = None) -> SkillAnswer:
    """The phrase in bold first (unless it opens the sentence), then its sentence, cited; then `also`, another sentence
    that says more of it."""
    citer = Citer()
    n = citer.cite(doc, line)
    quote = doc.text[start:end]
    short = Short(text=quote, citation=n, start=start, end=end, quote=quote)
    # A phrase that opens its sentence ("Brian Halloway, 68, who set up …") is not said twice: the sentence shows it.
    opens = line.text.strip().startswith(quote.strip())
    text = f"{line.text.strip()} [{n}]" if opens else f"{quote[:1].upper()}{quote[1:]}. {line.text.strip()} [{n}]"
    if also is not None and also.number != line.number:
        text += f" {also.text.strip()} [{citer.cite(doc, also)}]"
    return SkillAnswer(Draft(text, tuple(citer.citations), route, short=short))


def first_mention(doc: ArticleDoc, e: Entity) -> SkillAnswer | None:
    """A name the article never spells out or describes: the phrase it first appears in ("UNRWA staff in the
    south"), not claimed as a definition."""
    parsed = doc.doc
    for alias in e.aliases:
        at = doc.text.find(alias)
        span = parsed.char_span(at, at + len(alias), alignment_mode="expand") if at >= 0 else None
        if span is None:
            continue
        head = span.root.head if span.root.dep_ in ("compound", "nmod", "amod", "poss") else span.root
        tokens = sorted(head.subtree, key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        line = doc.line_at(at)
        if line is None:
            continue
        start, end = max(start, line.start), min(end, line.end)
        citer = Citer()
        n = citer.cite(doc, line)
        phrase = doc.text[start:end].strip(" ,;:")
        asked = "stands for" if is_acronym(alias) else "is"
        text = (f"The article does not say what {alias} {asked}; it first mentions it as “{phrase}”. "
                f"{line.text.strip()} [{n}]")
        return SkillAnswer(Draft(text, tuple(citer.citations), Route.DEFINITION), level=Level.LIKELY, confidence=0.5)
    return None


_DETERMINERS = ("the", "a", "an", "this", "that")


def first_use(doc: ArticleDoc, term: str) -> SkillAnswer | None:
    """"What does the vote refer to?" when the article never explains the term: the noun phrase it is first
    used in ("a vote of 2,114 to 655") and its sentence, offered as where the article speaks of it."""
    wanted = [stem(w) for w in words(term) if w not in _DETERMINERS]
    if not wanted:
        return None
    for t in doc.doc:
        if t.pos_ != "NOUN" or stem(t.lower_) != wanted[-1]:
            continue
        line = doc.line_at(t.idx)
        title = doc.info.title_start <= t.idx < doc.info.title_end
        if line is None or title or not set(wanted) <= {stem(w) for w in words(line.text)}:
            continue
        # The noun's phrase without a clause of its own ("a measles outbreak", not "... that has grown").
        clauses = {u.i for c in t.children if c.dep_ in ("relcl", "acl") for u in c.subtree}
        tokens = sorted((u for u in t.subtree if u.i not in clauses and line.start <= u.idx < line.end),
                        key=lambda u: u.i)
        phrase = doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)].strip(" ,;:")
        citer = Citer()
        n = citer.cite(doc, line)
        named = [w for w in words(term) if w not in _DETERMINERS]
        said = f"as “{phrase}”" if [w for w in words(phrase) if w not in _DETERMINERS] != named else "here"
        text = f"The article first speaks of the {' '.join(named)} {said}: {line.text.strip()} [{n}]"
        return SkillAnswer(Draft(text, tuple(citer.citations), Route.DEFINITION), level=Level.LIKELY,
                           confidence=0.5)
    return None


PHRASE_TERMS = 3
"""A thing asked the meaning of with a verb and at least this many content words is a saying ("what is meant by
the city walking a tightrope"), not a term: where the article says it, and what it says next, explain it."""


def spoken_of(doc: ArticleDoc, saying: str) -> SkillAnswer | None:
    """"What is meant by the company controls everything except the bicycle?": the sentence that says it (every
    name of it, and its other words but one in five at most) and the sentence after it in the same passage, which in a news
    story mostly spells out what a figure of speech or a quoted claim stands for. Offered as likely: the article
    does not say "this means"."""
    wanted = set(terms(saying))
    if len(wanted) < PHRASE_TERMS or not any(t.pos_ in ("VERB", "AUX") for t in parse(saying)):
        return None  # a noun phrase ("the highest court in the union") is asked as "what is it", not a saying
    named = {t for n in names(saying) for t in terms(n)}
    best = None
    for line in doc.lines:
        have = set(terms(line.text))
        share = len(wanted & have) / len(wanted)
        if named <= have and share >= 0.8 and (best is None or share > best[0]):
            best = (share, line)
    if best is None:
        return None
    line = best[1]
    after = next((x for x in doc.lines if x.number == line.number + 1 and x.passage.id == line.passage.id), None)
    citer = Citer()
    text = f"The article says it here: {line.text.strip()} [{citer.cite(doc, line)}]"
    if after is not None:
        text += f" It goes on: {after.text.strip()} [{citer.cite(doc, after)}]"
    return SkillAnswer(Draft(text, tuple(citer.citations), Route.DEFINITION), level=Level.LIKELY, confidence=0.5)


def clip(text: str, limit: int = 60) -> str:
    """The text on one line, cut at a word to at most `limit` characters (an ellipsis says so)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def more_articles(in_scope: int, shown: int, named: bool) -> str:
    """The note under a summary, list or timeline when more articles are in scope than it covers and none was
    named: "" otherwise."""
    if named or in_scope <= shown:
        return ""
    return f"\n\n(and {in_scope - shown} more articles: choose one, or name it, to narrow this down)"


def per_article(docs: list[ArticleDoc], lines_of: Callable[[ArticleDoc], list[Line]], lead: str,
                route: Route) -> SkillAnswer | None:
    """Each article's chosen sentences in one paragraph, cited (titled when there are several), after `lead`;
    likely, not sure: the sentences are chosen by their words, not judged. None when no article has any."""
    citer = Citer()
    blocks = []
    for doc in docs:
        lines = lines_of(doc)
        if lines:
            body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in lines)
            blocks.append(body if len(docs) == 1 else f"“{clip(doc.info.title)}”: {body}")
    if not blocks:
        return None
    return SkillAnswer(Draft(lead + " " + "\n\n".join(blocks), tuple(citer.citations), route), level=Level.LIKELY,
                       confidence=0.5)

