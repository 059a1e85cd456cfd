"""Who says what: each sentence that reports speech or a view ("..., Weber said", "Beck told reporters that",
"according to Nair", "Lindqvist thinks"), with its speaker resolved to one of the article's people or
organisations; a quotation that goes on in the next sentence keeps its speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lang.acronyms import spells_out
from lang.rules import PRONOUNS, TITLES, gives_reason
from lang.words import roots, stem, term_words

from .article import ArticleDoc, Line
from .entities import ORGANISATION, PERSON, Entity, entities
from .pronouns import pronoun_of

_VIEW_VERBS = """say tell think believe estimate argue warn comment add claim note insist accuse urge predict
expect fear call describe explain write announce stress suggest acknowledge admit deny complain worry hope doubt
reckon concede conclude maintain assert contend caution promise vow said told thought believed estimated wrote
says tells thinks believes estimates disagree reject dismiss dispute criticise criticize condemn welcome defend
blame""".split()
_VIEW_STEMS = frozenset(stem(w) for w in _VIEW_VERBS)
_QUOTES = "“\"«"


@dataclass(frozen=True)
class Statement:
    line: Line
    speaker: Entity


def statements(doc: ArticleDoc) -> list[Statement]:
    """The article's reported views in article order (computed once per article version)."""
    return doc.derived("statements", _build)


def _build(doc: ArticleDoc) -> list[Statement]:
    known = entities(doc)
    parsed = doc.doc
    out: list[Statement] = []
    last_person: Entity | None = None
    recent: dict[Entity, str | None] = {}  # the persons named so far, the last named last, with their "he"/"she"
    previous: Statement | None = None
    sex: dict[str, str] = {}
    for line in doc.lines:
        span = parsed.char_span(line.start, line.end, alignment_mode="expand")
        speaker = None
        # "X said she had written to Y. 'It was a warning,' she said.": "she" goes on from the last line's speaker
        # before the last person it named.
        went_on = previous is not None and previous.line.number == line.number - 1 and previous.speaker.kind == PERSON
        if span is not None:
            # A "she said" in a sentence that names a person is that person ("Kirsty Marchbank … launched a
            # petition. 'I'm not asking for charity,' she said."), else the one it goes on from.
            # Not a name inside the quotation ("'Owen did exactly what he was trained to do,' she said.").
            quoted = [(m.start() + line.start, m.end() + line.start) for m in re.finditer(r"[\"“][^\"”]*[\"”]", line.text)]
            here = [m for ent in span.ents if (m := _entity_of(ent.text, known)) is not None and m.kind == PERSON
                    and not any(a <= ent.start_char < b for a, b in quoted)]
            told = _pronoun_saying(span, line)  # "she said" is not the husband named last
            fallback = here[0] if here else previous.speaker if went_on else next(
                (p for p, his in reversed(recent.items()) if told is None or his in (None, told)), last_person)
            speaker = _speaker(span, known, fallback)
            for ent in span.ents:
                match = _entity_of(ent.text, known)
                if match is not None and match.kind == PERSON:
                    last_person = match
                    recent[match] = recent.pop(match) if match in recent else pronoun_of(doc, match)  # once each
        other = False
        if speaker is not None and span is not None and (pronoun := _pronoun_saying(span, line)) is not None:
            # "… he said." then "… she said." of the same one: the second is someone the article left unnamed.
            other = sex.setdefault(speaker.name, pronoun_of(doc, speaker) or pronoun) != pronoun  # as first told
            speaker = None if other else speaker
        if speaker is None and not other and previous is not None and previous.line.number == line.number - 1 \
                and line.text.lstrip()[:1] in _QUOTES:
            speaker = previous.speaker  # the quotation goes on
        if speaker is not None:
            previous = Statement(line, speaker)
            out.append(previous)
        else:
            previous = None
    return out


def _pronoun_saying(span, line: Line) -> str | None:
    """The "he" or "she" the first saying's verb has for its subject outside any quotation ("… ," she said."; not the
    "He said" she quotes, nor the "he" of "Tamblin said that he denies it"), else None."""
    quoted = [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"”]*[\"”]", line.text)]
    for t in span:  # the first saying outside quotation marks that has a subject, as _speaker reads it
        if stem(t.lower_) not in _VIEW_STEMS or t.pos_ not in ("VERB", "AUX") \
                or any(a <= t.idx - line.start < b for a, b in quoted):
            continue
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_ if subject.lower_ in ("he", "she") else None
    return None


def carried_on(said: list[Statement], kept: list[Statement]) -> list[Statement]:
    """The kept statements, each with the ones its speaker goes straight on with ("Ellison said crews had not had
    a rise since 2019. 'Our members are not asking for a fortune,' she said."): the quotation that follows a
    reported view is that view in the speaker's words, though it may not repeat the topic's word."""
    chosen = {s.line.number for s in kept}
    for before, s in zip(said, said[1:]):
        if before.line.number in chosen and s.line.number == before.line.number + 1 and s.speaker == before.speaker:
            chosen.add(s.line.number)
    return [s for s in said if s.line.number in chosen]


def _speaker(span, known: list[Entity], last_person: Entity | None) -> Entity | None:
    for t in span:
        if stem(t.lower_) in _VIEW_STEMS and t.pos_ in ("VERB", "AUX"):
            for child in t.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = resolve(child, known, last_person)
                    if found is not None:  # not "anyone tells families ..." inside the quote: read on
                        return found
            # "Tom Brierley, campaigns director of ..., said": the parser took the role for a clause and left the
            # verb no subject; the name that opens the sentence before its comma is who said it.
            lead = _NAMED_FIRST.match(span.text) if t.lower_ in ("said", "says") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children) else None
            if lead and (found := _entity_of(lead.group(1), known)) is not None:
                return found
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objects = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return resolve(objects[0], known, last_person)
    return None


_NAMED_FIRST = re.compile(r"\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+),\s+[a-z]")


def resolve(token, known: list[Entity], last_person: Entity | None) -> Entity | None:
    """The article's person or organisation a subject token names ("he" or "she": the last person named)."""
    if token.lower_ in PRONOUNS and token.lower_ in ("he", "she"):
        # Not a woman the article calls "Mrs Gilmour" for a "he" (nor a "Mr" for a "she"): someone unnamed said it.
        return None if last_person is not None and _titled_other(token.lower_, last_person, token.doc.text) \
            else last_person
    tokens = list(token.subtree)
    after = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in ("—", "–")
    if after and token.text.isupper() and len(token.text) > 2:
        # "OSLO — Norvik Group, ..., said": the date line is not the speaker, what follows its dash is
        tokens = [t for t in tokens if t.i > token.i + 1]
        if not tokens:
            return None  # the date line alone ("KETTLEBY — Joan Reeve … said …, and he said …"): no one of it
        token = next((t for t in tokens if t.head.i not in {u.i for u in tokens}), token)
    # The tokens joined, and the text as written ("Farmers' Cooperative", which the tokens split).
    words = " ".join(t.text for t in tokens) + " | " + token.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    found = [e for e in known if e.matches(token.text) or any(a in words for a in e.aliases)]
    # "Former UN Special Envoy to Chad Tom Berg": the subject's own word names the speaker, not Chad.
    # "the Harlow Water Authority (HWA) said": the authority, not Harlow, whose name is only part of it.
    found.sort(key=lambda e: (not e.matches(token.text), e.kind != PERSON,
                              -max((len(a) for a in e.aliases if a in words), default=0)))
    return found[0] if found else None


def _titled_other(pronoun: str, person: Entity, text: str) -> bool:
    """Does the article give the person only titles of the other sex than the pronoun's ("Mrs Gilmour" for "he")?"""
    name = re.escape(person.name.split()[-1])
    woman = re.search(rf"\b(?:Mrs|Ms|Miss|Dame|Lady)\.?\s+(?:[A-Z][\w'’-]+\s+)?{name}\b", text) is not None
    man = re.search(rf"\b(?:Mr|Sir|Lord)\.?\s+(?:[A-Z][\w'’-]+\s+)?{name}\b", text) is not None
    return woman != man and (woman if pronoun == "he" else man)


def _entity_of(text: str, known: list[Entity]) -> Entity | None:
    return next((e for e in known if e.matches(text)), None)


def story_roots(doc: ArticleDoc) -> set[str]:
    """The roots (lang/words.roots: "closure" and "close" alike) of the article's title and first sentence: what the
    whole story is about ("What is Liu's take on the recall?" in a recall story asks for all she said)."""
    lead = next((ln.text for ln in doc.lines if not doc.is_headline(ln)), "")  # the headline is the title already
    return roots(f"{doc.info.title} {lead}")


def about_story(doc: ArticleDoc, topic: set[str]) -> bool:
    """Is the asked topic (roots) what the whole story is about: all of it among story_roots, or only a word for the
    story's own event ("the decision", "the news"), or half of it at least and the rest words the article uses for
    it ("the uniform policy" in a story about a uniform supplier that speaks of "the new policy")?"""
    story = story_roots(doc)
    return topic <= story or topic <= _THE_NEWS or 2 * len(topic & story) >= len(topic) and topic <= roots(doc.text)


_THE_NEWS = frozenset(roots("decision move step change news announcement outcome result ruling verdict whole thing "
                            "situation plan scheme proposal project expansion deal idea"))
"""Words that name the story's own event without saying which ("what does the society make of the decision?")."""


def around(doc: ArticleDoc, line: Line) -> str:
    """The sentence with its neighbours: a quote's topic is often named just before it."""
    lo, hi = max(0, line.number - 1), min(len(doc.lines), line.number + 2)
    return " ".join(ln.text for ln in doc.lines[lo:hi])


def reasoned(doc: ArticleDoc, speaker: Entity, asked: str = "", topic: frozenset[str] = frozenset()) -> bool:
    """Does a sentence that names the speaker, or whom the question asked about ("the union" for its organiser),
    give a reason of its own ("Weber voted against the plan because the terminal would close the quay"), of what the
    view is about when that is asked (`topic`, roots: not "would consider an appeal because …" for "why are the
    residents against the concerts?")? Then that sentence tells why they hold their view better than their words."""
    # Word by word, not by stem: "villagers" are not "the village primary school".
    holder = {singular(w) for w in term_words(asked)} - {"the"}
    return any(gives_reason(ln.text) and (any(a in ln.text for a in speaker.aliases) or holder and holder <= {
        singular(w) for w in term_words(ln.text)}) and (not topic or touches(topic, roots(ln.text))) for ln in doc.lines)


def touches(topic: frozenset[str] | set[str], said: set[str]) -> bool:
    """Does the sentence speak of the topic: a root of it, or a word made from one ("merge" / "the merger")?"""
    return bool(topic & said) or any(len(t) >= 4 and s[len(t):] in ("er", "r") and s.startswith(t) for t in topic for s in said)


_ANYONE = frozenset("guy guys person people folks one".split())
"""Words that say only "a person" ("the MSC guy"): who is meant is in the rest. Not "woman" or "man", which rule out
whom they do not fit ("the council woman" is not its chief executive)."""


def asked_terms(who: str) -> set[str]:
    """The words a question calls a speaker by ("the MSC guy" -> {"msc"}), singular, to be found among `called`."""
    return {singular(w) for w in re.findall(r"[\w-]+", who.lower()) if w not in ("the", "a", "an") and w not in _ANYONE}


def called(doc: ArticleDoc, speaker: Entity) -> set[str]:
    """The words (singular) the article calls a speaker by: their name and role, and every name of a body the role
    names ("chief executive of the Mountain Safety Council" is also the MSC's)."""
    role = speaker.role or ""
    # A body's names: its aliases, and the acronym given in brackets after its name ("... Council (MSC)").
    bodies = [a for e in entities(doc) if e.kind != PERSON and any(a in role for a in e.aliases)
              for a in (*e.aliases, *([e.role] if spells_out(e.name, e.role) else []))] or _its(doc, speaker) \
        or _the_body(doc, role)
    # A title alone leaves what they are to the clause after the name ("Councillor Tobias Fennimore, who leads the
    # opposition group": the opposition councillor).
    line = doc.line_at(speaker.role_start) if role and set(role.lower().split()) <= TITLES else None
    who = re.search(re.escape(speaker.name) + r",\s+who\s+([^,.;]+)", line.text) if line is not None else None
    called = {singular(w) for w in re.findall(r"[\w-]+", " ".join(
        [role, speaker.name, *bodies, who.group(1) if who else ""]).lower())}
    # "who runs a garage" is the garage owner; "who chairs the board", its chair.
    doers = {doer for verb, doer in _DOERS.items() if singular(verb) in called}
    if _PARENT.search(role):
        doers.add("parent")  # "Joanne Priestley, whose son is in Year 8": a parent
    if _BOSS.search(role) and not _FORMER.search(role):
        doers.add("boss")  # "Its founder and managing director, Keith Dunmore": the firm's boss
    # "who has lived in the village for 31 years" is a villager (not "the mayor of the village of Elm").
    return called | doers | ({"villager"} if "resident" in doers and "village" in called else set())


def _the_body(doc: ArticleDoc, role: str) -> list[str]:
    """The names of the one body whose name ends in what the role calls it ("the leader of the town council":
    Hexwold Town Council), none when no body or several do."""
    if re.search(r"\b(?:former|ex|critic|opponent|deputy|interim|acting|retired)\b", role, re.I):
        return []  # "a fierce critic of the town council", "the former leader of …": not its voice
    found = [e for e in entities(doc) if e.kind != PERSON and len(ws := e.name.lower().split()) >= 3
             and re.search(r"\b(?:leader|head|chair|chairman|chairwoman|spokesman|spokeswoman|spokesperson|chief\s+"
                           r"executive|clerk|director|secretary)\s+(?:of|for|at)\s+the\s+" + re.escape(" ".join(ws[-2:]))
                           + r"\b", role.lower())]
    return list(found[0].aliases) if len(found) == 1 else []


def _its(doc: ArticleDoc, speaker: Entity) -> list[str]:
    """The names of the body a role's "its" points back at: the one the sentence before opens with, its subject
    ("Ovenbrook Group, which runs 120 cafés, … Its chairman, Leonard Ashgrove"; not a body named later in it, "…
    valued by Savills", nor one whose own it opens with, "Ovenbrook Group's rival, Marlow Bank"); none for "their",
    which may be anyone's; "Tom Ridings, its regional organiser, said …" alike."""
    if not re.match(r"its\b", speaker.role, re.I) or (line := doc.line_at(speaker.role_start)) is None \
            or line.number == 0 or not re.match(rf"(?:{re.escape(speaker.name)},\s+)?{re.escape(speaker.role)}", line.text.lstrip()):
        return []
    opening = re.sub(r"^\W*(?:[A-Z]{2,}[\w ]*\s+[—–-]\s+)?(?:the\s+)?", "", doc.lines[line.number - 1].text, flags=re.I)
    body = next((e for e in entities(doc) if e.kind == ORGANISATION and any(
        opening.startswith(a) and not re.match(r"['’]s?\s", opening[len(a):]) for a in e.aliases)), None)
    return list(body.aliases) if body is not None else []


_BOSS = re.compile(r"\b(?:chief\s+executive|managing\s+director|ceo)\b", re.I)
"""Who a chat calls a firm's "boss" (not a home owner, nor a campaign's founder)."""
_FORMER = re.compile(r"\b(?:former|ex|previous|outgoing|interim|acting)\b", re.I)
_PARENT = re.compile(r"\bwhose\s+(?:\w+\s+)?(?:son|daughter|child|children|kids?|boy|girl)s?\b", re.I)


def singular(word: str) -> str:
    """The word without a plural's "s" ("residents": "resident"), not stemmed further: "villagers" are not the
    "village" a role names a place by."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def known_as(asked: set[str], called: set[str]) -> bool:
    """Is every word the question calls a speaker by among what the article calls them, a short form by the word
    it shortens ("the chief vet" / "the chief veterinary officer", "the finance exec" / "executive")?"""
    return all(a in called or a in _VAGUE or len(a) >= 3 and any(c.startswith(a) and len(c) > len(a) + 2
                                                                  for c in called)
               or any(len(c) >= 4 and a == c + "ing" for c in called) for a in asked)  # "gardening" society


_VAGUE = frozenset({"local"})
"""A word that places a speaker without telling them apart ("the local MP" is the MP the article names)."""


_DOERS = {"runs": "owner", "owns": "owner", "manages": "manager", "founded": "founder", "leads": "leader",
          "chairs": "chairman", "heads": "head", "teaches": "teacher", "coaches": "coach", "trains": "trainer",
          "farms": "farmer", "farmed": "farmer", "drives": "driver", "lives": "resident", "lived": "resident",
          **dict.fromkeys("""specialist professor lecturer researcher scientist historian academic analyst ecologist
          biologist economist archaeologist geologist zoologist epidemiologist virologist meteorologist""".split(), "expert")}
"""Who does what a role says they do ("Gareth Mulvey, who runs a garage": the garage owner; "whose family has farmed
at Hollin Farm": the farmer; "a specialist in medieval art": an expert)."""
