"""Who holds a role the question names ("Who is the mayor?", "Who runs the HWA?"): the person the article gives
that role, named in bold with the sentence that gives it."""
from __future__ import annotations

import re

from lang.rules import KIND_NOUNS, LEADS
from lang.words import terms, words
from qa.types import Route

from .article import ArticleDoc
from .cite import SkillAnswer, with_phrase
from .entities import PERSON, Entity, entities
from .pronouns import pronoun_of
from .speakers import _its


def holder(docs: list[ArticleDoc], role: str) -> SkillAnswer | None:
    """The first person in these articles who holds the role, in bold, with the sentence that gives it."""
    for doc in docs:
        e = role_holder(doc, role)
        if e is not None and (shown := _named(doc, e)) is not None:
            return shown
    body = re.match(r"^\s*head\s+of\s+(?:the\s+)?(?P<body>.+)$", role, re.I)
    for doc in docs if body else ():
        found = _led_by(doc, body.group("body"))
        if found is not None:
            return with_phrase(doc, *found, Route.DEFINITION)
    return None


def titled(docs: list[ArticleDoc], short: str) -> SkillAnswer | None:
    """"Who is the MP?": the first person whose role is that short form, used as a title ("The town's MP, Owen
    Tredwell"), not as a body's name ("head of the IAEA"); None when no one holds it."""
    for doc in docs:
        for e in entities(doc):
            if e.kind == PERSON and _titled(e.role, short) and (shown := _named(doc, e)) is not None:
                return shown
    return None


def _titled(role: str, short: str) -> bool:
    """The short form is the role's own noun: "The town's MP", "the MP for Cullingford"; not a body the role
    belongs to ("head of the IAEA") nor a word before it ("IAEA chief")."""
    if re.search(rf"\(\s*{re.escape(short)}\s*\)", role, re.I):
        return False  # a body's name given in brackets: "chairman of the Harbury Traders' Group (HTG)"
    if re.search(rf"\b(?:who|which|that|whose)\b.*\b{re.escape(short)}\b", role, re.I):
        return False  # a deed told of them ("a retired solicitor who chairs the CSTA"), not a title
    ws = [w for w in re.findall(r"[\w-]+", role.lower()) if w != "the"]
    at = max((i for i, w in enumerate(ws) if w == short.lower()), default=-1)
    return at >= 0 and (at == 0 or ws[at - 1] not in _OF) and ws[at + 1:at + 2] in ([], ["for"], ["of"])


_OF = frozenset("of at for from with to by on in".split())


def _named(doc: ArticleDoc, e: Entity) -> SkillAnswer | None:
    """The person's name in bold in the sentence that gives their role."""
    line = doc.line_at(e.role_start)
    at = doc.text.find(e.name, line.start, line.end) if line is not None else -1
    return with_phrase(doc, line, at, at + len(e.name), Route.DEFINITION) if at >= 0 else None


_LED_BY = re.compile(r"^\s*(?:The|This|Its|Their)\s+(?P<head>[a-z]+)\s+(?:is|are|was|were|has\s+been)\s+(?:led|run|"
                     r"headed|chaired|fronted|organi[sz]ed)\s+by\s+(?P<who>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)")


def _led_by(doc: ArticleDoc, body: str):
    """"Who's running the campaign to save the home?" / "... formed the Fernlea Campaign Group. The group is led by
    Maureen Halloway": (the line, where the name starts and ends) when a sentence says who leads "the <kind>" and
    that kind is the body's own word or ends the name of a body, sharing a word with it, that the sentence before
    gives; else None."""
    wanted = set(terms(body))
    for line in doc.lines:
        m = _LED_BY.match(line.text)
        if m is None or line.number == 0:
            continue
        head = m.group("head")
        before = doc.lines[line.number - 1].text
        named = [n for n in re.findall(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+" + head.capitalize() + r"\b", before)
                 if set(terms(n)) & wanted]
        if head in wanted or named:
            return line, line.start + m.start("who"), line.start + m.end("who")
    return None


def role_holder(doc: ArticleDoc, role: str) -> Entity | None:
    """The article's first person whose role has every word of `role`; "head of X" (a leadership word and a
    body) is anyone whose role leads the body by any of its names ("HWA chief executive Rosa Delgado" heads the
    Harlow Water Authority)."""
    wanted = [w for w in re.findall(r"[\w-]+", re.sub(r"['’]s\b", "", role.lower())) if w not in ("the", "a", "an", "of")]
    known = entities(doc)
    if len(wanted) > 1 and wanted[-1] in _ANYONE and (set(wanted[:-1]) <= KIND_NOUNS["organisation"] or any(
            set(wanted[:-1]) <= set(words(e.name if e.kind != PERSON else re.sub(r"\b[a-z][\w'’-]*", "", e.role)))
            for e in known)):  # a body by its name, or by a name in a role ("Marlow Waterways' operations chief")
        wanted = wanted[:-1]  # "the union guy", "the tidemark woman": whoever the body's role names (not "the first guy")
    if not wanted:
        return None
    sex = _SEX_WORDS.get(re.sub(r"^.*\s", "", role.strip().lower()))  # "the council woman": a woman of the council
    body = re.sub(r"^\s*\w+\s+of\s+(?:the\s+)?", "", role) if any(w in LEADS for w in wanted) else ""
    # A body by any name, not taken for a person when the tagger says so of a company ("Court orders Ferrow").
    named = next((e for e in sorted(known, key=lambda e: e.kind == PERSON) if e.matches(body, True)), None) \
        if body else None
    if named is None and body:  # "the drivers group", "the sight loss charity", "the pub society": named or described so
        named = next((e for e in known if e.kind != PERSON and (_describes(f"{e.name} {e.role}", body) if e.role else
                                                                 _describes(e.name, body) and _same_kind(e.name, body))), None)
    unsure: list[Entity] = []
    for e in known:
        # "Tom Ridings, its regional organiser": the body "its" points back at is in the role too.
        have = set(re.findall(r"[\w-]+", " ".join([e.role, *(_its(doc, e) if e.kind == PERSON else [])]).lower()))
        if e.kind != PERSON or not e.role:
            continue
        if named is not None:
            fits = _heads(e.role.lower(), wanted[0], [a.lower() for a in named.aliases]) and e != named \
                and _of_body(doc, e, named)
        else:
            lead = next((w for w in wanted if w in LEADS), None)  # "who chairs the trust?": its chair, by role
            fits = all(w in have or w == lead for w in wanted) and (lead is None or _heads(
                e.role.lower(), lead, [" ".join(w for w in wanted if w != lead)]))
        if fits and sex is None:
            return e
        if fits:
            unsure.append(e)
    # "the council woman": one the article calls "she", else the only one of the body it calls neither
    told = [e for e in unsure if pronoun_of(doc, e) == sex]
    unknown = [e for e in unsure if pronoun_of(doc, e) is None]
    return told[0] if told else unknown[0] if len(unsure) == 1 and unknown else None


_SEX_WORDS = {**dict.fromkeys("guy man bloke chap fella".split(), "he"), **dict.fromkeys("woman lady".split(), "she")}


_ANYONE = frozenset("guy guys man woman lady bloke chap fella person people one".split())
"""Words a chat uses for a person of a body ("the union guy", "the council woman"): no role of their own."""


def without_anyone(term: str) -> str | None:
    """"graham tolley" of "the graham tolley guy" (a name, or a body, before a word for a person); None when the
    term does not end so or nothing else is left."""
    ws = term.split()
    return " ".join(ws[:-1]) if len(ws) > 2 and ws[-1].lower() in _ANYONE else None


def _heads(role: str, asked: str, names: list[str]) -> bool:
    """Does the role lead the body (by any of its `names`, lower case), as the leader asked for ("chair": a chair;
    "head": any leader)? Not a deputy's, a former one's or a department's ("deputy chief executive", "ex-chairman",
    "director of finance", "finance director", "branch chair", "chief scientist"; but "chief executive of the
    trust", "managing director")."""
    # "a retired solicitor who chairs the WCPS": the deed of leading it, told of them now.
    led = _LEADS_IT.search(role)
    if led and (asked == "head" or led.group(1).startswith(asked[:4])) and any(  # the body whole, not its committee
            led.group(2).strip(" .").removeprefix("the ") == n.removeprefix("the ") for n in names):
        return True
    ws = re.findall(r"[\w'’-]+", role)
    for i, lead in enumerate(ws):
        if lead not in LEADS or (asked != "head" and not lead.startswith(asked)) or set(ws[max(0, i - 2):i]) & _NOT_HEAD \
                or ws[i + 1:i + 2] not in ([], ["of"], ["at"], ["for"], ["and"]):
            continue  # a second ("deputy chief executive"), or a word before the role's own ("chief scientist")
        if i and ws[i - 1] not in _HEAD_WORDS and not re.search(r"['’]s?$", ws[i - 1]):
            continue  # a department's or a branch's ("finance director", "branch chair")
        of = " ".join(ws[i + 2:]) if ws[i + 1:i + 2] == ["of"] else None
        if of is None or any(of.removeprefix("the ") in a for a in names):  # not "chair of the trust's panel"
            return True
    return False


_LEADS_IT = re.compile(r"\bwho\s+(?:now\s+|also\s+)?(chairs|leads|heads|runs)\s+([^,;]+)")
_NOT_HEAD = frozenset("deputy vice assistant associate non-executive former ex previous late".split())
"""A leader's second, or one no longer: not the body's head."""
_HEAD_WORDS = frozenset("the a an its their his her chief managing executive general acting interim".split())
"""What may stand before a head's own word ("managing director", "chief executive", "its chair")."""


def _of_body(doc: ArticleDoc, e: Entity, body: Entity) -> bool:
    """Does the person's role belong to the body: it names it ("HWA chief executive"), or it is the body's
    own ("Its chief executive, X, ...") right after a sentence that opens with it ("Ferrow said it would
    appeal.")."""
    role = e.role.lower()
    if any(a.lower() in role for a in body.aliases):
        return True
    heads = {a.split()[-1].lower() for a in body.aliases if " " in a}  # "the association's president"
    if any(re.search(r"\bthe " + re.escape(h) + r"\b", role) for h in heads):
        return True
    line = doc.line_at(e.role_start)
    if not re.match(r"\s*(?:its|their)\b", role) or line is None or line.number < 1:
        return False
    before = re.sub(r"^[\s\"“]*(?:[Tt]he\s+)?", "", doc.lines[line.number - 1].text)
    if any(before.startswith(a) for a in body.aliases):
        return True
    # Or the one body the sentence before names ("The case was brought by the Sport Integrity Commission (SIC),
    # the body responsible for testing. Its chief executive, ..."): "its" has no other to point at.
    bodies = {o.name for o in entities(doc) if o.kind != PERSON and any(_names(before, a) for a in o.aliases)}
    return bodies == {body.name}


def _names(text: str, alias: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text) is not None


def leader_named(doc: ArticleDoc, subject: str) -> Entity | None:
    """The person a question names by leading a body ("the integrity commission boss", "the head of the SIC",
    "the union's leader"), else None."""
    words = re.findall(r"[\w'’-]+", subject.lower())
    words = words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words
    if len(words) < 2:
        return None
    if words[-1] in LEADS:  # "the integrity commission boss", "the union's chief"
        body = " ".join(w for w in words[:-1] if w not in ("the", "a", "an")).removesuffix("'s").removesuffix("’s")
        return role_holder(doc, f"head of {body}") if body else None
    return role_holder(doc, " ".join(words)) if words[0] in LEADS and "of" in words else None


def _same_kind(name: str, body: str) -> bool:
    """Does the body as asked end in the name's last word, the kind it is ("the pub society" is Wenbury Community Pub
    Society; "the pub" is not)?"""
    asked, own = terms(body), terms(name)
    return bool(asked and own) and asked[-1] == own[-1]


def _describes(role: str, body: str) -> bool:
    """Does the body's name and role hold every word of the body as the question names it ("a group that
    represents about 8,000 app-based drivers" for "the drivers group"; "Caldermouth Sight Loss Society, a
    charity …" for "the sight loss charity")?"""
    said = set(terms(role))
    return all(t in said for t in terms(body))
