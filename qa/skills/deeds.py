"""Why someone did something, where no sentence says why in so many words: in news, what the doer said of it
is their reason ("why is Westmarch shutting the branch?" / "'The way people bank has changed,' said Fiona
Marchetti, Westmarch's regional director"). Shown as likely, not sure: their words are their case, which the
article may not bear out."""
from __future__ import annotations

import re

from lang.motives import changed_mind
from lang.paraphrase import said_for
from lang.phrasal import phrasal_meanings
from lang.reasons import reason_for
from lang.tagging import base_terms, verb_base
from lang.words import same_root, stem, terms
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer
from .entities import PERSON, PLACE, entities
from .speakers import Statement, asked_terms, called, carried_on, known_as, singular, statements
from .voices import speaks_for

__all__ = ["doer_reason"]


def doer_reason(docs: list[ArticleDoc], reads: list[tuple[str, str]]) -> SkillAnswer | None:
    """The doer's first words in the article that do not only tell the deed again, with the quotation they go
    straight on with, those that give a reason first; None when the article states a reason for the deed itself in
    words not the doer's (the sentence path cites it), or when no reading of the question names one who speaks."""
    for doc in docs:
        for doer, deed in reads:
            if _owned_name(doer, doc.text):
                continue  # "why is garsides closing?": Garside's, the firm, not Eleanor Garside
            said = _said_by(doc, doer, deed)
            if not said:
                continue
            asked = set(terms(doer)) | set(terms(deed))
            verb = stem(verb_base(deed.split()[0]))
            meant = {verb, *phrasal_meanings(deed)}  # "putting up charges": "the increase"
            stated = [ln for ln in doc.lines if reason_for(ln.text, asked) and (len(asked & set(terms(
                ln.text))) >= 2 or meant & (set(terms(ln.text)) | set(base_terms(ln.text))))]
            # "... raised the rents because costs had tripled", "the cuts were needed because ...": the sentence path
            # cites it; but where the doer said it ("Astley said the sale was needed because …" for "why did the
            # cabinet vote to sell 6.5 acres?", "'We chose this site because …,' Haverel said"), their words are the
            # answer, as likely as any they gave.
            if changed_mind(deed):  # not the case they made "at the time", before they changed their mind
                stated = [ln for ln in stated if not _AT_THE_TIME.search(ln.text)]
            own = [s for s in said if s.line in stated]
            if stated:
                return _words(doc, said, own[:1]) if own else None
            # Not the deed told again ("... said it will close the home"), by its own verb: "rents had not changed
            # while costs had risen" tells why they were raised.
            fresh = [s for s in said if not any(same_root(verb, t) for t in terms(s.line.text) + base_terms(
                s.line.text))]  # "announced the suspension" only tells "why did she suspend him?" again
            if not fresh:
                continue
            if changed_mind(deed):  # "why did she back down?": not the case she made "at the time"
                fresh = [s for s in fresh if not _AT_THE_TIME.search(s.line.text)] or fresh
            # Their words that give a reason first ("We chose this site because it is close to the station").
            return _words(doc, said, [s for s in fresh if reason_for(s.line.text, asked)][:1] or fresh[:1])
    return None


def _owned_name(doer: str, text: str) -> bool:
    """Is the doer typed as a name's possessive ("garsides", "garside's") that the article writes as the name of a
    thing ("Garside's Brewery", "worked at Garside's"): a firm named after a person, not the person?"""
    last = doer.split()[-1] if doer.split() else ""
    name = re.sub(r"(?:['’]s|s)$", "", last, flags=re.I)
    n = re.escape(name)
    return name != last and len(name) >= 3 and re.search(
        rf"(?i:\b{n})['’]s\s+{_FIRM}\b|(?i:\bat\s+{n})['’]s(?=\s*(?:[,.;]|for\b|since\b|until\b|and\b|$))|"
        rf"(?:^|[.!?\n])\s*(?i:{n})['’]s,\s+(?:the|a|an)\s+", text) is not None  # "Halloway's, the largest shop on …"


_FIRM = r"(?:Brewery|Bakery|Butchers?|Dairy|Stores?|Shop|Garage|Mill|Foods|Farm|Hotel|Inn|Pharmacy|Ltd|Limited|plc|&\s+Sons)"
"""The words of a firm's name after a person's ("Garside's Brewery", "Hartley's Dairy")."""


_AT_THE_TIME = re.compile(r"\b(?:at\s+the\s+time|originally|initially|at\s+first)\b", re.I)


def _words(doc: ArticleDoc, said: list[Statement], first: list[Statement]) -> SkillAnswer:
    """Their words from `first` on, with the quotation they go straight on with, as likely."""
    chosen = carried_on(said, first)[:2]
    who = chosen[0].speaker
    citer = Citer()
    body = " ".join(f"{s.line.text.strip()} [{citer.cite(doc, s.line)}]" for s in chosen)
    lead = f"{who.name} ({who.role})" if who.role else who.name
    return SkillAnswer(Draft(f"{lead}: {body}", tuple(citer.citations), Route.OPINION), Level.LIKELY, 0.5)


def _said_by(doc: ArticleDoc, doer: str, deed: str = "") -> list[Statement]:
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
        known_as(asked, called(doc, s.speaker) | _titled(s)) and not _one_of_many(asked, s)
        or speaks_for(doc, s, doer, asked)))
            and (_SAID.search(s.line.text) or s.line.text.lstrip()[:1] in "\"“")]
    # "Benbow, 78, put the club up for sale last August, saying he no longer had the energy …": what they did,
    # with their words for why.
    # "The brewery closed the pub, saying …": by what it is, the one body whose name ends in it ("… Tate Brewery"),
    # doing the deed asked (a word of like meaning: "shut" / "closed").
    kind = re.fullmatch(r"\s*the\s+([a-z]+)\s*", doer, re.I)
    doers = [e for e in entities(doc) if e.matches(doer)]
    if not doers and kind:
        doers = [e for e in entities(doc) if e.kind != PERSON and e.name.split()[-1].lower() == kind.group(1).lower()]
        doers = doers if len(doers) == 1 else []
    done = {s.line.number for s in said}
    said += [Statement(ln, e) for ln in doc.lines for e in doers[:1] if ln.number not in done and _SAYING.search(ln.text)
             and (any(re.match(rf"\W*{re.escape(a)}\b", ln.text) for a in e.aliases) or kind and re.match(
                 rf"\W*the\s+{kind.group(1)}\b", ln.text, re.I) and _does(deed, ln.text[:_SAYING.search(ln.text).start()]))]
    return sorted(said, key=lambda s: s.line.number)


_MANY = frozenset("staff workers employees residents parents patients members people villagers".split())
"""Words for many who do a deed together ("why will staff pay to park?"): not one whose role they only qualify."""


def _one_of_many(asked: set[str], s: Statement) -> bool:
    """Does the question name many ("staff") that the speaker's role or title uses only before its own noun ("Staff
    nurse Priya Danvers": a nurse)? One of them does not give the reason for what all of them do."""
    at = s.line.text.find(s.speaker.name)
    title = re.search(r"(?:[A-Z][a-z]+\s+){1,2}$", s.line.text[:at]) if at > 0 else None
    many = {singular(m) for m in _MANY}
    for told in (s.speaker.role or "", title.group(0) if title else ""):
        ws = [singular(w) for w in re.findall(r"[a-z]+", told.lower())]
        if any(a in many and a in ws[:-1] for a in asked) and ws[-1] not in _VOICES:
            return True
    return False


_VOICES = frozenset("spokesman spokeswoman spokesperson representative rep leader chair chairman chairwoman secretary "
                    "organiser organizer".split())
"""Posts that speak for the many ("Villagers' spokesman Tom Ridings")."""


def _does(deed: str, told: str) -> bool:
    """Does the clause do the deed asked, by its verb or one of like meaning ("shut the pub" / "closed the pub")?"""
    verb = stem(verb_base(deed.split()[0])) if deed.split() else ""
    return bool(verb) and said_for(verb, set(terms(told)) | set(base_terms(told))) is not None


_SAYING = re.compile(r",\s+(?:saying|citing|blaming|arguing|explaining)\b", re.I)


def _titled(s: Statement) -> set[str]:
    """The title the sentence puts before the speaker's name ("Councillor Declan Morrow": a councillor, of the
    council)."""
    at = s.line.text.find(s.speaker.name)
    title = re.search(r"(?:[A-Z][a-z]+\s+){1,2}$", s.line.text[:at]) if at > 0 else None
    return {singular(w.lower()) for w in title.group(0).split()} if title else set()


_SAID = re.compile(r"\b(?:said|says|saying|told|tells|added|explained|argued|insisted|warned|admitted|confirmed|"
                   r"announced|wrote|blaming|blamed)\b", re.I)
