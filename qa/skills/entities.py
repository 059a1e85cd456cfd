"""Who and what an article names: spaCy's entities grouped by alias ("Angela Merkel", "Merkel" and "Chancellor
Angela Merkel" are one person), each with the role the article gives it (a title before the name, an apposition,
"X, who ...", "X is the ...") and the sentence that introduces it, ordered by how much the article says of it."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lang.acronyms import spells_out
from lang.forms import is_acronym
from lang.list_forms import ORGANISATION, PERSON, PLACE
from lang.rules import KIND_NOUNS, TITLES
from lang.spelling import same_word

from .article import ArticleDoc
from .name_spans import mentions, trimmed
from .roles import kind_by_name, kind_by_role, role_of

THING = "thing"  # as lang.rules.KIND_NOUNS names it
"""A named thing that is no person, organisation or place ("Cyclone Oren"): listed only when all names are asked."""
_KINDS = {"PERSON": PERSON, "ORG": ORGANISATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@dataclass(frozen=True)
class Entity:
    name: str
    """The fullest form the article uses (titles left out)."""
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    first: int
    """Source offset of its first mention."""
    role: str = ""
    """What the article says it is, in the article's words ('' when it says nothing): role == source[role_start:role_end]."""
    role_start: int = -1
    role_end: int = -1
    line: int = 0
    """The number of the sentence that introduces it (gives its role, else first names it)."""

    def matches(self, phrase: str, typos: bool = True) -> bool:
        """Does the phrase name this entity ("Merkel", "angela merkel", "the LNA"), typos allowed ("Merkle")
        unless `typos` is False?"""
        key = _key(phrase).split()
        if self.kind == PERSON:  # "Dr Priya Raman", "Mayor Brandt": a title before the name is not part of it
            while len(key) > 1 and key[0] in TITLES:
                key = key[1:]
        if not key:
            return False
        same = same_word if typos else (lambda a, b: a == b)
        for alias in self.aliases:
            known = _key(alias).split()
            if len(key) == len(known) and all(same(a, b) for a, b in zip(key, known)):
                return True
            # A person is named by the surname, with or without the first name.
            if self.kind == PERSON and same(key[-1], known[-1]) and set(key[:-1]) <= set(known):
                return True
        return False

    def called_by_first_word(self, word: str) -> bool:
        """An organisation called by the first word of its name ("Kelvar" for "Kelvar Staffing")."""
        return self.kind == ORGANISATION and " " in self.name and _key(self.name).split()[0] == _key(word)


def first_named(known: list[Entity], word: str) -> Entity | None:
    """The one person whose first name the word is, as typed ("colin" for Colin Castellow); None for no one or two."""
    if " " in word.strip() or not word.strip():
        return None
    found = [e for e in known if e.kind == PERSON and len(own := [w for w in _key(e.name).split() if w not in TITLES]) >= 2
             and own[0] == _key(word)]
    return found[0] if len(found) == 1 else None


def _key(text: str) -> str:
    words = [w for w in re.findall(r"[\w-]+", _POSSESSIVE.sub("", text.lower())) if w not in ("the", "a", "an")]
    return " ".join(words)


def entities(doc: ArticleDoc) -> list[Entity]:
    """The article's people, organisations and places, most talked about first (computed once per version)."""
    return doc.derived("entities", _build)


def _build(doc: ArticleDoc) -> list[Entity]:
    parsed = doc.doc
    groups: list[dict] = []
    for ent, label in sorted(mentions(parsed), key=lambda m: m[0].start):
        kind = _KINDS.get(label)
        if kind is None:
            continue
        span = trimmed(ent, label)
        if span is None:
            continue
        name = span.text
        group = _find_group(groups, name, kind)
        if group is None:
            group = {"names": Counter(), "kinds": Counter(), "mentions": [], "first": span.start_char}
            groups.append(group)
        group["names"][name] += 1
        group["kinds"][kind] += len(name.split()) ** 2  # the full name's tag over the surname's ("Hendry" as ORG)
        group["mentions"].append(span)
    out = []
    for g in groups:
        kind = g["kinds"].most_common(1)[0][0]
        names = sorted(g["names"], key=lambda n: (-len(n.split()), -g["names"][n], n))
        full = names[0]
        if " " not in full and re.search(r"(?<![\w-])" + re.escape(full.lower()) + r"(?![\w-])", doc.text):
            continue  # written in lower case elsewhere: a common word opening a sentence ("Measles was ...")
        if any(m.end < len(parsed) and parsed[m.end].text in KIND_NOUNS[PLACE] for m in g["mentions"]):
            kind = PLACE  # "Tassa province", "the Tassa delta": what it is, written right after it
        kind = kind_by_name(full, kind, doc.text)
        if any(m.start > 0 and parsed[m.start - 1].lower_.rstrip(".") in _HONORIFICS for m in g["mentions"]):
            kind = PERSON  # "Dr Ana Voss": whatever the tagger made of the name
        titled = next((parsed[m.start - 1] for m in g["mentions"] if m.start > 0 and parsed[m.start - 1].text.istitle()
                       and parsed[m.start - 1].lower_ in _PERSON_TITLES), None)
        if kind == PERSON and " " in full and re.search(
                r"\b(?:[Tt]he|[Aa]n?)\s+" + re.escape(full.split()[0].lower()) + r"\b", doc.text):
            kind = THING  # "Cyclone Oren" beside "the cyclone": a thing named with a common noun, not a person
        role = None
        for span in g["mentions"]:
            if doc.is_headline(doc.line_at(span.start_char)):
                continue  # "Court orders Ferrow to pay": a headline's words before a name are not its title
            role = role_of(span, kind)
            if role is not None:
                break
        if role is None and kind != PERSON and " " in full:
            role = _role_of_head_noun(parsed, full, g["first"], kind)
        intro = doc.line_at(role[0] if role else g["first"])
        start, end = role if role else (-1, -1)
        if role:  # the tagger's word against the article's own (for a full name, its role's head noun only)
            kind = kind_by_role(doc.text[start:end], kind, head_only=kind == PERSON and " " in full)
        if titled is not None and kind != PERSON:
            # "Mayor Ola Berg of Lund, a town of 9,000": a person by the title; the apposition is the town's.
            kind, start, end = PERSON, titled.idx, titled.idx + len(titled.text)
            role = (start, end)
        out.append(Entity(name=full, kind=kind, aliases=tuple(names), mentions=_count(doc.text, names, kind),
                          first=g["first"], role=doc.text[start:end] if role else "", role_start=start,
                          role_end=end, line=intro.number if intro else 0))
    _merge_acronyms(out, doc)
    _merge_surnames(out)
    _merge_short_names(out)
    return sorted(out, key=lambda e: (-e.mentions, e.first))


_HONORIFICS = frozenset("dr mr mrs ms miss prof professor sir dame".split())
_PERSON_TITLES = TITLES - frozenset("general major chief king queen prince princess chair director".split())
"""Titles that only a person bears, written with a capital before the name ("Mayor", "Judge", "Senator")."""


def _role_of_head_noun(parsed, name: str, first: int, kind: str) -> tuple[int, int] | None:
    """The role given to the name's head noun after it ("talks with the Calloway Terminal Operators Association
    broke down. The association, a group that negotiates for ...": "the association" is the name again)."""
    head = name.split()[-1].lower()
    if head not in KIND_NOUNS[ORGANISATION]:  # "the association", "the council"; not "the law" of "EU law"
        return None
    for t in parsed:
        if t.idx > first and t.lower_ == head and t.ent_type_ == "" and t.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            found = role_of(parsed[t.i:t.i + 1], kind)
            if found is not None and _is_noun_phrase(parsed, found):
                return found
    return None


def _is_noun_phrase(parsed, offsets: tuple[int, int]) -> bool:
    """Is the text at these offsets a noun phrase set off after the noun ("The association, a group that ..."),
    not a clause the parser hung on it ("The authority last rationed water in 1995")?"""
    before = parsed.text[:offsets[0]].rstrip()
    tokens = [t for t in parsed if offsets[0] <= t.idx < offsets[1]]
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return before[-1:] in (",", "(", "—", "–") and bool(roots) and roots[0].pos_ in ("NOUN", "PROPN")


def _count(text: str, names: list[str], kind: str) -> int:
    """How often the article names it: a person by surname, anything else by any of its names."""
    keys = {n.split()[-1] for n in names} if kind == PERSON else set(names)
    return sum(len(re.findall(r"(?<![\w-])" + re.escape(k) + r"(?![\w-])", text)) for k in keys) or 1


def _find_group(groups: list[dict], name: str, kind: str) -> dict | None:
    key = _key(name).split()
    for g in groups:
        fuller = [k for k in map(lambda n: _key(n).split(), g["names"]) if len(k) > 1]
        for other in g["names"]:
            okey = _key(other).split()
            if key == okey:
                return g
            # A person's surname alone ("Merkel") or a shorter form of the name joins the fuller one; a full name
            # joins neither another's ("Simon Fennimore" is not "Arthur Fennimore") nor a surname met before any
            # full name (the family's firm, "Fennimore's, the bakery chain", named before its founder).
            if (kind == PERSON or g["kinds"].get(PERSON)) and key and okey and key[-1] == okey[-1] and (
                    set(key) <= set(okey) or set(okey) <= set(key) and len(key) > 1 and fuller) \
                    and not any(len(key) > 1 and not (set(key) <= set(k) or set(k) <= set(key)) for k in fuller):
                return g
    return None


def _merge_surnames(found: list[Entity]) -> None:
    """A surname alone, which the tagger may have taken for something else ("Wrobel" as a place), is the person
    of that full name when nothing the article says makes it anything else."""
    for short in [e for e in found if " " not in e.name and (e.kind == PERSON or not e.role)]:
        full = next((e for e in found if e is not short and e.kind == PERSON and e.name.split()[-1] == short.name),
                    None)
        if full is None:
            continue
        _absorb(found, full, short, PERSON, full.mentions)


def _merge_short_names(found: list[Entity]) -> None:
    """A body called by the first word of its two-word name ("Ferrow" for "Ferrow Rides") is one entity, whatever the
    tagger took either for. A person is called by the surname, not the first name, and a place's name opens other
    names ("Washington" / "Washington Post"), so neither is merged; but a name taken for a person that opens or extends
    an organisation's is that body ("Tollis" / "Tollis Energy", "Brightgate" / "The promoter, Brightgate Live")."""
    for name in [e.name for e in found if e.kind != PLACE and (" " not in e.name or not e.role)]:
        short = next((e for e in found if e.name == name), None)  # as earlier merges left it ("Talbot" + "Talbot Sea")
        full = short is not None and next((e for e in found if e is not short and e.name.startswith(name + " ") and len(
            e.name.split()) == len(name.split()) + 1 and (e.kind != PERSON or not e.role or short.kind == ORGANISATION)
            and (short.kind != PERSON or e.kind == ORGANISATION)), None)
        if full:
            kind = short.kind if " " not in name and (short.role or not full.role) or short.kind == ORGANISATION else full.kind
            _absorb(found, full, short, kind, full.mentions + short.mentions)


def _merge_acronyms(found: list[Entity], doc: ArticleDoc) -> None:
    """An acronym and the name it stands for are one organisation: the name's entry takes the acronym as an
    alias (and its mentions)."""
    for acr in [e for e in found if is_acronym(e.name)]:
        full = next((e for e in found if e is not acr and e.kind != PERSON and (  # or given as it in brackets
            spells_out(e.name, acr.name) or f"{e.name} ({acr.name})" in doc.text)), None)
        if full is None:
            continue
        _absorb(found, full, acr, full.kind, full.mentions + acr.mentions)


def _absorb(found: list[Entity], full: Entity, short: Entity, kind: str, mentions: int) -> None:
    """`short` becomes another name of `full`: one entry, with the role (and its sentence) of whichever gives one,
    the full name's first."""
    src = full if full.role or not short.role else short
    found[found.index(full)] = Entity(name=full.name, kind=kind, aliases=full.aliases + short.aliases,
                                      mentions=mentions, first=min(full.first, short.first), role=src.role,
                                      role_start=src.role_start, role_end=src.role_end, line=src.line if src.role else full.line)
    found.remove(short)
