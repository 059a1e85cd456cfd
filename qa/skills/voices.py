"""Whose words answer "what does X say?": the speaker the question names, by name or by what the article calls
them ("the headteacher": "Headteacher Fiona Castleden"), and a body by its own voice and by its people's ("The NAC
said …" and "…," said Fiona Gartside, the NAC's director)."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS, TITLES
from lang.words import names, words

from .article import ArticleDoc
from .entities import ORGANISATION, PERSON, Entity, entities
from .speakers import Statement, asked_terms, called, known_as, singular, statements

__all__ = ["group_voice", "said_by", "speaks_for"]


def said_by(doc: ArticleDoc, subject: str, head: Entity | None) -> list[Statement]:
    """What the one asked about said, in article order; `head`: whoever the article says leads the body asked
    about ("the commission boss")."""
    # By name first, a first name too: "Maura" is Maura Donnelly, not the husband whose role names "his wife, Maura".
    said = [s for s in statements(doc) if s.speaker.matches(subject) or s.speaker == head
            or s.speaker.name.lower().split()[:1] == [subject.lower()]]
    if any(s.speaker.kind == PERSON for s in said):
        return said
    terms = asked_terms(subject)
    by_role = [s for s in statements(doc) if terms and (known_as(terms, called(doc, s.speaker)) or (
        s.speaker.kind == PERSON and speaks_for(doc, s, subject, terms)))]  # "Its chair, X"
    return sorted({*said, *by_role}, key=lambda s: s.line.start) or group_voice(doc, subject)


def group_voice(doc: ArticleDoc, group: str) -> list[Statement]:
    """Who speaks for a group the article names by its kind ("what do taxi drivers think?"): the person quoted next,
    in the same paragraph, after a sentence that the group opens ("Taxi drivers are also unhappy. Sunil Bhatt, chair
    of the … Association, said …"), with what that person goes on to say there."""
    ws = [w for w in words(group) if w not in ("the", "a", "an", "all")]
    if not ws or names(group) or not ws[-1].endswith("s") or len(ws) > 3:
        return []
    opens = re.compile(r"\W*(?:(?:many|some|most|local|the)\s+)?" + r"\s+".join(map(re.escape, ws)) +
                       r"\s+(?:(?:are|were|have|had|also|too|say|said|fear|feared|argue|argued|warn|warned)\b)", re.I)
    for line in doc.lines:
        if not opens.match(line.text):
            continue
        after = [s for s in statements(doc) if s.line.number > line.number and "\n" not in doc.text[line.end:s.line.start]]
        if after and after[0].speaker.kind == PERSON and after[0].line.number <= line.number + 2 and _one_of(
                after[0].speaker.role or "", ws):
            return [s for s in after if s.speaker == after[0].speaker]
    return []


_THEIR_BODY = re.compile(r"\b(?:association|union|group|society|forum|federation|alliance|network|campaign|guild|"
                         r"collective|action\s+group|residents'?)\b", re.I)
_OTHER_SIDE = re.compile(r"\b(?:council|councillor|cabinet|authority|department|police|minister|government|company|firm|"
                         r"head\s+of|headteacher|manager|spokes(?:man|woman|person)\s+for\s+the\s+council)\b", re.I)


def _one_of(role: str, group: list[str]) -> bool:
    """Does the speaker's role say they speak for the group: one of them ("a taxi driver", "who lives on Orchard Lane",
    "whose son …") or an officer of a body of theirs ("chair of the … Hackney Carriage Association"), and not of the other side
    ("Councillor …, the cabinet member", "Headteacher …", "the council's head of highways")?"""
    own = {w.rstrip("s") for w in group} & {w.rstrip("s") for w in words(role)}
    # One of the public, told by a "who" clause ("Diane Westacre, who lives on Orchard Lane", "whose son …").
    return (bool(own) or _THEIR_BODY.search(role) is not None or re.match(r"\s*(?:who|whose)\b", role) is not None) \
        and not _OTHER_SIDE.search(role)


_POST_OF = re.compile(r"\s*(branch|club|union|society|group|party|council|campaign|committee|association|trust|board)\s+"
                      r"(?:secretary|chair|chairman|chairwoman|chairperson|president|spokesman|spokeswoman|spokesperson|"
                      r"official|organiser|organizer|representative|rep|leader|captain|treasurer|convenor|convener)\s*$",
                      re.I)
"""A role that names its post by the kind of body it is in ("Branch secretary", "Club captain"): a post of the body
of that kind just named."""


def speaks_for(doc: ArticleDoc, s: Statement, body: str, asked: set[str]) -> bool:
    """Does the speaker speak for the body the question means ("the hospital trust", "the traders"), named in the
    sentence before the one that gives their role: a role "for the trust" ("the trust" a word of its name or any
    body's kind: "a spokeswoman for the company"), the body's own ("Its chair, Deborah Quennell"), or a title alone
    after a sentence the body opens ("Westmarch Police did not object. Inspector Colin Aldous said …")?"""
    role = s.speaker.role or ""
    kind = re.search(r"\b(?:for|of|at)\s+the\s+([a-z]+)\b|\bthe\s+([a-z]+)['’]s\s+(?!former\b|ex-)", role)  # "the club's chair"
    own = re.match(r"\s*(?:its|their)\s", role, re.I) is not None
    intro = doc.line_at(s.speaker.role_start) if role else None
    if intro is None or intro.number == 0:
        return False
    before = doc.lines[intro.number - 1].text
    # A post named by the body's own word, told just before ("… organised by the Wrenfield branch of the union
    # Unison. Branch secretary Maureen Tilsley said …"; "Club captain …" after the club).
    post = _POST_OF.match(role)
    named_before = {e.name for e in entities(doc) if e.kind == ORGANISATION and any(a in before for a in e.aliases)}
    # Only where the sentence names one body ("… the Wrenfield branch of the union Unison"; not "the branch of the
    # GMB" beside Unison, nor "the Hexwold branch of Lloyds Bank" beside the union Unite).
    tied = re.search(r"\b(?i:" + post.group(1) + r")\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<b>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)",
                     before) if post else None
    # A branch's officer is a union's, a party's or a society's (not the bank's whose branch the staff work at).
    kind_ok = post is not None and (post.group(1).lower() != "branch" or re.search(
        r"\b(?:union|party|society|association)\b", before, re.I) is not None)
    if tied:  # "the Wrenfield branch of the union Unison": that body's alone
        before = tied.group("b")
    own = own or kind_ok and len(named_before) == 1 and (
        tied is not None or re.search(r"\b" + post.group(1) + r"\b", before, re.I) is not None)
    if not (kind or own):
        # A body that opens it, not a person ("Anna Pellow, the chief executive, said …" is no body to speak for).
        opens = next((n for n in names(before) if before.lstrip().startswith(n)
                      and not any(e.kind == PERSON and e.matches(n) for e in entities(doc))), "")
        own = set(role.lower().split()) <= TITLES and bool(opens) and known_as(asked, {singular(w) for w in re.findall(
            r"[\w-]+", opens.lower())})
        if not own:
            return False
    # The bodies it names, as the tagger found them or, where it found none, by their capitalized names.
    # A body's kind told with its name counts as its name ("the union Unison", "…, the union which represents …").
    bodies = [(e.matches(body), (*e.aliases, *[k for k in (e.role or "").lower().split()[:3] if k in KIND_NOUNS["organisation"]][:1]))
              for e in entities(doc) if e.kind != PERSON and any(a in before for a in e.aliases)]
    for matched, aliases in bodies or [(False, (n,)) for n in names(before)]:
        named = {singular(w) for a in aliases for w in re.findall(r"[\w-]+", a.lower())}
        if (matched or known_as(asked, named)) and (own or (kind.group(1) or kind.group(2)) in named | KIND_NOUNS["organisation"]):
            return True
    return False
