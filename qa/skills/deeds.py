"""Why someone did something, where no sentence says why in so many words: in news, what the doer said of it
is their reason ("why is Westmarch shutting the branch?" / "'The way people bank has changed,' said Fiona
Marchetti, Westmarch's regional director"). Shown as likely, not sure: their words are their case, which the
article may not bear out."""
from __future__ import annotations

import re

from lang.reasons import explains
from lang.rules import KIND_NOUNS
from lang.tagging import base_terms, verb_base
from lang.words import stem, terms
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer
from .entities import PERSON, PLACE, entities
from .speakers import Statement, asked_terms, called, carried_on, known_as, singular, statements

__all__ = ["doer_reason"]


def doer_reason(docs: list[ArticleDoc], reads: list[tuple[str, str]]) -> SkillAnswer | None:
    """The doer's first words in the article that do not only tell the deed again, with the quotation they go
    straight on with; None when the article states a reason for the deed itself (the sentence path cites it),
    or when no reading of the question names one who speaks in it."""
    for doc in docs:
        for doer, deed in reads:
            said = _said_by(doc, doer)
            if not said:
                continue
            asked = set(terms(doer)) | set(terms(deed))
            verb = stem(verb_base(deed.split()[0]))
            if any(explains(ln.text, by_time=False) and (len(asked & set(terms(ln.text))) >= 2 or verb in set(
                    terms(ln.text)) | set(base_terms(ln.text))) for ln in doc.lines):
                return None  # "... raised the rents because costs had tripled", "the cuts were needed because ..."
            # Not the deed told again ("... said it will close the home"), by its own verb: "rents had not changed
            # while costs had risen" tells why they were raised.
            fresh = [s for s in said if verb not in set(terms(s.line.text)) | set(base_terms(s.line.text))]
            if not fresh:
                continue
            chosen = carried_on(said, fresh[:1])[:2]
            who = chosen[0].speaker
            citer = Citer()
            body = " ".join(f"{s.line.text.strip()} [{citer.cite(doc, s.line)}]" for s in chosen)
            lead = f"{who.name} ({who.role})" if who.role else who.name
            return SkillAnswer(Draft(f"{lead}: {body}", tuple(citer.citations), Route.OPINION), Level.LIKELY, 0.5)
    return None


def _said_by(doc: ArticleDoc, doer: str) -> list[Statement]:
    """What the one the question names said: by name, or by what the article calls them ("the council" /
    "Councillor Simon Prewett, who chairs the council's finance committee")."""
    asked = asked_terms(doer) - {"the", "a", "an"}
    # A place does not speak ("why did Lindenshire put council tax up?"): whose words are its is not for a name to
    # tell (its council's leader, not a group that bears its name).
    if not asked or not set(terms(doer)) or any(e.kind == PLACE and e.matches(doer) for e in entities(doc)):
        return []
    # Their own words: said, told, a quotation; not what was said of them ("Gandhi's acts have been described as").
    # One who speaks for them is a person (a union "which represents the council's crews" does not speak for the
    # council).
    said = [s for s in statements(doc) if (s.speaker.matches(doer) or s.speaker.kind == PERSON and (
        known_as(asked, called(doc, s.speaker) | _titled(s)) or _speaks_for(doc, s, doer, asked)))
            and (_SAID.search(s.line.text) or s.line.text.lstrip()[:1] in "\"“")]
    # "Benbow, 78, put the club up for sale last August, saying he no longer had the energy …": what they did,
    # with their words for why.
    doers = [e for e in entities(doc) if e.matches(doer)]
    done = {s.line.number for s in said}
    said += [Statement(ln, e) for ln in doc.lines for e in doers[:1] if ln.number not in done and _SAYING.search(ln.text)
             and any(re.match(rf"\W*{re.escape(a)}\b", ln.text) for a in e.aliases)]
    return sorted(said, key=lambda s: s.line.number)


_SAYING = re.compile(r",\s+(?:saying|citing|blaming|arguing|explaining)\b", re.I)


def _titled(s: Statement) -> set[str]:
    """The title the sentence puts before the speaker's name ("Councillor Declan Morrow": a councillor, of the
    council)."""
    at = s.line.text.find(s.speaker.name)
    title = re.search(r"(?:[A-Z][a-z]+\s+){1,2}$", s.line.text[:at]) if at > 0 else None
    return {singular(w.lower()) for w in title.group(0).split()} if title else set()


def _speaks_for(doc: ArticleDoc, s: Statement, doer: str, asked: set[str]) -> bool:
    """Is the speaker's role "a spokesman for the trust" where the sentence before names the body the question means
    ("The Wyre Valley Hospitals Trust … wrote to the organisers" for "the hospital trust"), "the trust" being a word
    of its name or any body's kind ("a spokeswoman for the company")?"""
    kind = re.search(r"\b(?:for|of|at)\s+the\s+([a-z]+)\b", s.speaker.role or "")
    if kind is None or s.line.number == 0:
        return False
    before = doc.lines[s.line.number - 1].text
    for e in entities(doc):
        if e.kind == PERSON or not any(a in before for a in e.aliases):
            continue
        named = {singular(w) for a in e.aliases for w in re.findall(r"[\w-]+", a.lower())}
        if (e.matches(doer) or known_as(asked, named)) and kind.group(1) in named | KIND_NOUNS["organisation"]:
            return True
    return False


_SAID = re.compile(r"\b(?:said|says|saying|told|tells|added|explained|argued|insisted|warned|admitted|confirmed|"
                   r"announced|wrote|blaming|blamed)\b", re.I)
