"""What an article says a name is: the role its sentence gives (an apposition, a title before the name, "X, who
...", "X is the ..."), and the kind of thing that role says it is ("an island nation" -> a place)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lang.list_forms import ORGANISATION, PERSON
from lang.rules import KIND_NOUNS, TITLES

from .role_spans import between_commas, from_noun, is_entity, noun_before, offsets, title_before

if TYPE_CHECKING:  # entities.py reads roles from here
    from .article import ArticleDoc
    from .entities import Entity

_DOES_BUSINESS = re.compile(r"\b(?:based|headquartered|founded|listed|went public|employs|makes|sells|owns|operates|"
                            r"manufactures|produces)\b", re.I)


_OCCUPATION = re.compile(r"\w{3}(?:ist|yst|ician|ographer)s?$")
"""Nouns that name what a person does ("a climatologist", "an analyst", "a physician", "a photographer")."""


def _forms(noun: str) -> set[str]:
    """The noun and its singular ("councils", "agencies"); not "officer" read as "office"."""
    return {noun, noun[:-1] if noun.endswith("s") else noun, noun[:-3] + "y" if noun.endswith("ies") else noun}


def kind_by_name(name: str, kind: str, text: str) -> str:
    """What a name's own words and the text around it say it is, over the tagger's "person": a name ending in a
    kind noun ("High Court", "Orvel Group", "Marsh Bay"), a place a thing is based in ("Orvel-based"),
    or the dateline's place ("LINTON — ...")."""
    if re.match(r"\s*(?:#[^\n]*\n\s*)?" + re.escape(name.upper()) + r"\s+[—–-]", text):
        return "place"  # the dateline's place, whatever the tagger made of the capitals
    if kind != PERSON or re.search(re.escape(name) + r",\s*\d{1,3},", text):
        return kind  # "Oliver Banks, 68, who ...": an age says a person, whatever "Banks" is
    last = name.lower().split()[-1]
    if " " in name and last in _CLUB_ENDINGS:
        return ORGANISATION  # "Callowmere Athletic", "Harbury Rovers": a sports club
    for k in (ORGANISATION, "place"):
        if " " in name and _forms(last) & KIND_NOUNS[k]:
            return k
    if re.search(r"(?<![\w-])" + re.escape(name) + r"-based\b", text):
        return "place"
    # Written only where a place goes ("a garage in Ashby Senn", "the villages of Ashby Senn and ..."): no one is
    # "in" a person.
    written = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)]
    if written and all(_where_a_place_goes(text[max(0, at - 30):at]) for at in written):
        return "place"
    return kind


_CLUB_ENDINGS = frozenset("athletic united rovers wanderers albion fc afc".split())


def _where_a_place_goes(before: str) -> bool:
    """Does the text before a name put a place there ("in", "near", "the villages of")?"""
    of = re.search(r"\b([a-z]+)\s+of\s+$", before)
    return re.search(r"\b(?:in|near|outside|around)\s+$", before) is not None or (
        of is not None and bool(_forms(of.group(1)) & KIND_NOUNS["place"]))


_KIN = re.compile(r"\s*whose\s+(?:(?:two|three|four|young|eldest|youngest|late|teenage)\s+)?(?:sons?|daughters?|kids|"
                  r"grandsons?|granddaughters?|grandchildren|husband|wife)\b(?!['’])(?!\s+(?:company|companies|firms?|"
                  r"business|services|group|organi[sz]ation)\b)", re.I)
"""A role told by family ("Gemma Tollard, whose two sons attend the school"): a person's, whatever the tagger said."""


def kind_by_role(role: str, kind: str, head_only: bool = False) -> str:
    """What the role's nouns say it is ("an island nation" -> a place), else what the tagger said. With
    `head_only`, only the role's head noun counts ("Velora Mobility, the maker of ..." is a company)."""
    words = set(re.findall(r"[a-z]+", role.lower()))
    if re.match(r"\s*which\b", role, re.I):
        # "Ferrow, which is based in Dunmore": not a person, and the nouns inside say where it is or what it
        # does, not what it is.
        if _DOES_BUSINESS.search(role):
            return ORGANISATION
        return "thing" if kind == PERSON else kind
    if re.match(r"\s*(?:\d{1,3},\s*)?who\b", role, re.I) or re.search(r"\b\d+-year-old\s+(?:[a-z-]+\s+)*?(?:former\s+)?[a-z]+", role) \
            or _KIN.match(role):
        return PERSON  # "X, who joined ...", "X, 68, who takes ...", "X, a 41-year-old former courier", "X, whose son …"
    if words & TITLES and kind == PERSON:
        return kind
    # The role's head noun first: "a lasher who works at the port" is a person, whatever "port" is.
    head = re.split(r"\b(?:who|which|that|whose|of|in|at|for|with|from|on|to)\b|[,;(]", role.lower())[0].split()
    if head:
        noun = head[-1]
        for k, nouns in KIND_NOUNS.items():
            if _forms(noun) & nouns:
                return k
        if noun in TITLES or _OCCUPATION.search(noun):
            return PERSON
    if head_only:
        return kind
    for k, nouns in KIND_NOUNS.items():
        if words & nouns:
            return k
    return kind


def role_of(span, kind: str) -> tuple[int, int] | None:
    """Source offsets of what the sentence says this mention is, or None."""
    root = span.root
    # "Ana Ortiz, the commander of ...": an apposition of the name (or of the last name before it
    # when the parser hung it on the first of two: "Weber and Ortiz, the commander of ...").
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and not is_entity(child) and not (
                child.like_num and child.n_lefts + child.n_rights == 0):  # "Priya Halloway, 17, who ...": an age
            target_ok = not any(c.dep_ == "conj" and span.end <= c.i < child.i for c in root.children)
            if target_ok:
                return offsets(child.subtree)
    for conj in [c for c in root.head.children if root.dep_ == "conj" and c.dep_ == "appos" and c.i > span.end]:
        if not is_entity(conj):
            return offsets(conj.subtree)
    # "The researcher who wrote the report for the research company Ana Berg estimates ...": a person's name hung
    # on a body noun deep in a phrase whose head is a person noun belongs to that head, not to the body.
    if root.dep_ == "appos" and kind == PERSON and root.head.lower_ in KIND_NOUNS["organisation"]:
        head = next((a for a in root.head.ancestors if a.pos_ == "NOUN" and a.lower_ in KIND_NOUNS["person"]
                     and a.dep_ in ("nsubj", "nsubjpass")), None)
        if head is not None and head.i < span.start:
            found = offsets([t for t in head.subtree if t.i < span.start])
            if found:
                return found
    # "the mayor Ilse Brandt": the name is the apposition of a noun before it.
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in ("NOUN", "PROPN") \
            and not is_entity(root.head):
        inside = {t.i for t in root.subtree}
        tokens = from_noun([t for t in root.head.subtree if t.i not in inside and t.i < span.start])
        near = noun_before(span)  # "handed the petition to the trust's chair, Dr X": the chair, however parsed
        if near is not None and near.i not in {t.i for t in tokens}:
            tokens = from_noun([t for t in near.subtree if t.i < span.start])
        found = offsets(tokens)
        if found:
            return found
    # "Its joint administrators, Rachel Dunmore and Kieran Lusk": the second name shares the first one's noun.
    first = root.head
    if root.dep_ == "conj" and kind == PERSON and first.pos_ == "PROPN" and first.dep_ == "appos" \
            and first.head.i < first.i < span.start:
        names = [t.i for t in first.subtree if t.i <= first.i and (t.i == first.i or t.dep_ == "compound")]
        found = role_of(root.doc[min(names):first.i + 1], kind)
        if found is not None and found[1] <= first.idx and root.doc.text[:found[1]].rstrip().endswith("s"):
            return found  # a plural noun ("administrators"), not one person's ("Its owner, Bob Jones, and Dan Kelly")
    # "the town of Rava", "the village of Lindo": the noun the name is "of".
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i < span.start \
            and of.head.lower_ in KIND_NOUNS["place"]:
        found = offsets([t for t in of.head.subtree if t.i < of.i])
        if found:
            return found
    # "two neighbouring counties, Lisle and Oakridge": names listed after the noun they are (parsed as its conj).
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head is not root and head.pos_ == "NOUN" and not is_entity(head):
        first = min(t.i for t in head.children if t.dep_ == "conj")
        if first > 0 and root.doc[first - 1].text == ",":
            found = offsets([t for t in head.subtree if t.i < first and t.i <= head.i])
            if found:
                return found
    # "the engineering company Nordbau", "Nordbau boss Jan Roth": nouns the name's phrase puts before it.
    # Not after a name's possessive ("Weber's FDP colleagues"); after a pronoun's it is ("its Danish rival Telma").
    before = from_noun([t for left in root.lefts if left.i < span.start for t in left.subtree])
    if any(t.pos_ == "NOUN" for t in before) and not any(t.dep_ == "poss" and t.pos_ != "PRON" for t in root.lefts):
        found = offsets(before)
        if found:
            return found
    # "Former UN Special Envoy to Chad Tom Berg", "Mayor Ana Ruiz": the title before the name.
    title = title_before(span)
    if title:
        return title
    # "Ortiz, who has her headquarters in Lyon": a relative clause on the name; a person's "who" the parser hung
    # on the place she is from ("Doreen Haskett, 81, of Kelsby, who relies on ...").
    places = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" and kind == PERSON and g.ent_type_ in ("GPE", "LOC")]  # not "of the family who …"
    from_place = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON"
    for child in [c for h in [root, *places] for c in h.children]:
        if from_place and child.head.i == root.i:
            continue  # the place a person is from: its "who" clause is the person's
        if child.dep_ in ("relcl", "acl") and child.i > span.end and any(
                t.lower_ in (("who", "whose") if child.head.i != root.i else ("who", "which", "whose"))
                for t in child.subtree):
            return offsets(child.subtree)
    # "Ortiz is the commander of ...".
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.i > span.end:
                return offsets(child.subtree)
    return between_commas(span)


def shown_role(doc: ArticleDoc, e: Entity) -> tuple[int, int]:
    """Source offsets of the role as an answer shows it: a relative clause with the name it describes, read whole
    ("Ferrow, which is based in Dunmore …", not "Which is …"; "Doreen Haskett, 81, of Kelsby, who relies on …")."""
    start = e.role_start
    if re.match(r"\s*(?:which|who|whose)\b", e.role, re.I):
        before = doc.text[max(0, start - 80):start]
        m = re.search("(" + "|".join(re.escape(a) for a in e.aliases) + r")(?:,\s*\d{1,3})?(?:,?\s+(?:of|from)\s+"
                      r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?,\s*$", before)
        if m:
            start -= len(before) - m.start(1)
    return start, e.role_end


def other_role(doc: ArticleDoc, e: Entity) -> tuple[int, int] | None:
    """Another description the article gives of a person in a later sentence ("Until then, deputy mayor Ana Lind
    will act as mayor. Lind, a former headteacher, said ..."): source offsets, None if none."""
    shown = doc.line_at(e.role_start)
    for alias in dict.fromkeys(e.aliases + (e.name.split()[-1],)):  # the surname alone, whatever the tagger made of it
        for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", doc.text):
            line = doc.line_at(m.start())
            span = doc.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or line is None or shown is None or line.number == shown.number or doc.is_headline(line):
                continue
            role = role_of(span, e.kind)
            if role is not None and _says_more(doc.text[role[0]:role[1]], e):
                return role
    return _career(doc, e, shown)


def _career(doc: ArticleDoc, e: Entity, shown) -> tuple[int, int] | None:
    """A later sentence that tells the person's past ("Hallam, 48, joined Wexmoor Police in 2019 from …"): opened
    by their surname, an age after it or not, and a deed of a career; None when there is none."""
    surname = re.escape(e.name.split()[-1])
    for line in doc.lines:
        if shown is not None and line.number > shown.number and re.match(
                rf"\s*(?:[A-Z][\w'’-]+\s+)?{surname},?(?:\s+\d{{1,3}},)?\s+(?:who\s+)?(?:has\s+|had\s+)?(?:previously\s+|"
                rf"formerly\s+|first\s+)?(?:joined|served|worked|spent|began|started|trained|qualified|rose|led|ran|"
                rf"headed|founded)\b", line.text):
            return line.start, line.end
    return None


def _says_more(role: str, e: Entity) -> bool:
    """Is it a description of its own: a noun phrase ("a former headteacher"), not a deed told in a relative clause
    ("who said ..."), the same role again ("the commander of the LNA forces"), or a title with the name in it?"""
    ws = re.findall(r"[\w'’-]+", role.lower())
    named = set(re.findall(r"[\w'’-]+", " ".join(e.aliases).lower()))
    return bool(ws) and ws[0] not in ("who", "which", "whose", "that") and ws[-1] not in e.role.lower().split() \
        and not named & set(ws)
