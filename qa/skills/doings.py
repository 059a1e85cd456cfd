"""What someone did, not only what they said ("what are the traders doing about it?" / "The association has started
a petition"): the article's sentences whose subject is them, by name, by surname, or as "the <kind>" their name
ends in ("The association" for the Market Traders' Association), told with a verb that is no saying."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS, is_reporting
from lang.words import STOPWORDS, names

from .article import ArticleDoc, Line
from .entities import PERSON, Entity
from .speakers import Statement

_SAYING = frozenset("accused argued claimed insisted warned described called urged criticised criticized welcomed "
                    "praised believes believed thinks thought hopes hoped".split())
"""Verbs that tell what was said or thought, beside those lang.rules reads as reporting."""


def done_by(doc: ArticleDoc, doers: list[Entity]) -> list[Line]:
    """The lines, in the article's order, that open with one of the doers as the subject of a deed."""
    if not doers:
        return []
    called = sorted({a for e in doers for a in (*e.aliases, *([e.name.split()[-1]] if e.kind == PERSON else []))},
                    key=len, reverse=True)
    kinds = {k for e in doers if e.kind != PERSON for k in _kinds(e.name, e.role)} | {
        k for e in doers for body, role in _their_body(doc, e) for k in _kinds(body, role)}
    opener = re.compile(r"^\s*(?:(?:[A-Z][a-z]+\s+)?(?:" + "|".join(map(re.escape, called)) + r")" + (
        r"|The\s+(?:" + "|".join(map(re.escape, sorted(kinds))) + r")" if kinds else "") + r")\s+"
        r"(?:(?:has|have|had|is|are|was|were|will|also|now|already|since|[a-z]+ly)\s+)*(?P<verb>[a-z]+)\b")
    found = []
    for line in doc.lines:
        m = opener.match(line.text)
        verb = m.group("verb") if m else ""
        if m and not doc.is_headline(line) and not is_reporting(verb) and verb not in _SAYING and verb not in STOPWORDS:
            found.append(line)
    return found


def _kinds(name: str, role: str) -> set[str]:
    """What "the <kind>" a body is called by later: the last word of its name or the head of what it is said to be
    ("The association" of the Traders' Association, "The group" of "the Friends of Quillfield Park, a campaign
    group"), a kind of body, not of place ("The park" is the park)."""
    said = re.match(r"\s*(?:a|an|the)\s+((?:[\w'’-]+\s*){1,4})", role or "")
    heads = [name.split()[-1]] + (said.group(1).split() if said else [])
    return {h.lower() for h in heads if h.lower() in KIND_NOUNS["organisation"]}


def _their_body(doc: ArticleDoc, e: Entity) -> list[tuple[str, str]]:
    """The body whose officer the person is, named in the sentence before their role ("Its chair, Petra Linwood"
    after "The Ashbury Market Traders' Association, which …"): its name, where the tagger may have missed it, and
    what the sentence says it is."""
    line = doc.line_at(e.role_start) if e.kind == PERSON and e.role else None
    if line is None or not re.match(r"\s*(?:Its|Their)\s+[\w -]{1,40}?,\s+" + re.escape(e.name), line.text):
        return []
    before = doc.lines[line.number - 1].text if line and line.number else ""
    body = next((n for n in names(before) if " " in n), None)
    said = re.search(re.escape(body) + r",\s+([^,]+)", before) if body else None
    return [(body, said.group(1) if said else "")] if body else []


def wanting_first(doc: ArticleDoc, said: list[Statement]) -> list[Statement]:
    """The statements with those of the first speaker who says or is told to want something first ("the union"
    asked of an article quoting a students' union and a lecturers' union: the one that "wanted the university to
    pause the plan"); none when no one does, and the sentence path looks for it."""
    def wants(who: Entity) -> bool:
        return any(_WANTING.search(ln.text) for ln in [*(s.line for s in said if s.speaker == who), *done_by(doc, [who])])
    first = next((who for who in dict.fromkeys(s.speaker for s in said) if wants(who)), None)
    return sorted(said, key=lambda s: s.speaker != first) if first is not None else []


def told(doc: ArticleDoc, said: list[Statement], deeds: bool, most: int = 3, wants: bool = False) -> list[Line]:
    """The lines an answer about them shows: with `deeds`, what they did first (two at most), then their words; with
    `wants`, what they asked or called for first ("The group has asked the authority for a compensation scheme")."""
    if wants and said:  # of the one the answer is about (not another "group" the words also fit)
        said = [s for s in said if s.speaker == said[0].speaker]
        asked = [ln for ln in done_by(doc, [said[0].speaker]) if _WANTING.search(ln.text)]
        asked += [s.line for s in said if _WANTING.search(s.line.text)]
        return list(dict.fromkeys([*asked, *(s.line for s in said)]))[:most]
    done = done_by(doc, list(dict.fromkeys(s.speaker for s in said))) if deeds else []
    # Then what they said they will do ("He said the association would consider an appeal"), then the rest.
    planned = [s.line for s in said if _WILL_DO.search(s.line.text)] if deeds else []
    return list(dict.fromkeys([*done[:2], *planned, *(s.line for s in said)]))[:most]


_WILL_DO = re.compile(r"\b(?:said|says|told\s+\w+)\s+(?:that\s+)?(?:(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+|it|they|he|she|we)\s+"
                      r"(?:(?:would|will|was\s+going\s+to|planned\s+to|intended\s+to)\s+(?!be\b|not\b)[a-z]+|(?:was|were)\s+[a-z]+ing)\b",
                      re.I)
_WANTING = re.compile(r"\b(?:(?:asked|asks|asking)\s+(?:[\w'’-]+\s+){0,3}?(?:for|to)\b|called\s+for|calls\s+for|"
                      r"calling\s+for|demanded|demands|demanding|urged|urges|wants?|wanted|seeks|sought|seeking|"
                      r"pressing\s+for|campaigning\s+for)\b", re.I)
"""What someone asked for, in the words news tells it with (not "Nobody asked the students")."""
