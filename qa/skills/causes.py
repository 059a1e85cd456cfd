"""A "why" the article answers over several sentences: a report that "blames three main problems" and then tells
each ("why is the tram line so late?"). The sentence that announces the causes is cited with those that follow it
in its paragraph, as likely: the article lists them, but does not say in so many words that they are the reason
for what was asked."""
from __future__ import annotations

import re

from lang.motives import asks_deed
from lang.phrasal import phrasal_meanings
from lang.reasons import explains
from lang.rules import KIND_NOUNS
from lang.tagging import verb_base
from lang.words import another_of_its_kind, cased_as, root_of, roots, stem, terms, words
from qa.compose.compose import Draft
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer
from .deeds import doer_reason
from .entities import ORGANISATION, entities
from .sequence import same_passage
from .set_off import set_off
from .speakers import story_roots, touches
from .why_not import why_not

__all__ = ["asks_why", "why"]

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "several": 3, "a number of": 3}
_ANNOUNCED = re.compile(r"\b(?:blames?|blamed|cites?|cited|gives?|gave|lists?|listed|points?\s+to|pointed\s+to|"
                        r"identifies|identified|sets?\s+out|set\s+out)\s+(?P<n>two|three|four|five|several|a\s+number\s+of|"
                        r"[2-5])\s+(?:main\s+|key\s+|major\s+|separate\s+|chief\s+)?(?:problems|reasons|causes|factors|"
                        r"issues|failings|mistakes|failures)\b", re.I)
_WHY = re.compile(r"^\s*(?:and\s+|so\s+)?why\b", re.I)
_REASON_FOR = re.compile(r"\b(?:reason|cause)s?\s+(?:for|of|behind)\s+(?P<what>(?:[\w'’-]+\s+){1,4}?)(?:was|were|is|are|lay|lies)"
                         r"\s+(?!not\b|never\b|now\b|unknown|unclear|still\b|yet\b|being\b|under\b|to\s+be\b|the\s+subject\b|"
                         r"a\s+mystery)", re.I)
"""A sentence that names the reason for a thing outright ("the main reason for the queues was a shortage of beds"),
not one that says it is not known ("the cause of the fire is still under investigation")."""
_MOSTLY = r"(?:probably\s+|largely\s+|mainly\s+|mostly\s+|likely\s+|partly\s+|chiefly\s+)?"
_CAUSED_BY = re.compile(r"\bthe\s+(?P<what>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:was|were|had\s+been|has\s+been|"
                        r"is|are)\s+" + _MOSTLY + r"(?:caused|driven|triggered|fuelled|fueled|sparked|forced|prompted)\s+" + _MOSTLY
                        + r"by\b", re.I)
"""A sentence that says what caused a thing ("the slip was caused by weeks of heavy rain", "the rise was driven largely
by visitors …"; not "That slip was caused by ...", another one told before)."""
DOUBTED = re.compile(r"\b(?:not|no|whether|if|unlikely|unclear|denied|denies|deny|doubt|doubts|doubted|may|might|could|"
                      r"possibly|wrong|false|dismissed|rejected|ruled\s+out|claim|claimed|claims|alleged|disagreed|"
                      r"disputed|disputes)\b", re.I)
"""A cause denied, doubted or still asked about: no cause given."""
_HAPPEN = frozenset({"happen", "occur", "start", "begin"})
_DECISION = frozenset(r for w in ("decision", "move", "step", "change") for r in roots(w))
"""Words that name the story's own deed again ("the decision was forced by a shortage of doctors")."""
"""Verbs that only ask why the thing came about ("why did the landslip happen?")."""


def asks_why(question: str) -> bool:
    return _WHY.match(question) is not None


def _deed(asked: str) -> set[str]:
    """The roots of the question's own verbs ("were ambulances *queuing* outside?"), none for a question of what is
    ("why were the queues so long?")."""
    from lang.tagging import parse  # spaCy only for a "why"

    doc = parse(asked.strip().rstrip(" ?!.") + "?")
    # "why does it matter how fast the pieces got to the lab?": the deed is the mattering; the clause after "it"
    # only says what matters.
    said_of_it = {t.i for root in doc if root.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.lower_ == "it"
                                                                     for c in root.children)
                  for c in root.children if c.dep_ in ("ccomp", "advcl", "csubj")
                  and any(w.lower_ in _WH_CLAUSE for w in c.subtree) for t in c.subtree}
    found = {r for t in doc if t.pos_ == "VERB" and t.i not in said_of_it for r in roots(t.text)}
    if found or not doc or doc[0].lower_ not in ("is", "are", "was", "were"):
        return found
    # "is the brewery closing?": the tagger may take the "-ing" after the subject for a noun; not "the closing date".
    return {r for t in doc[2:] if t.lower_.endswith("ing") and doc[t.i - 1].pos_ not in ("DET", "ADJ", "ADP")
            for r in roots(t.text)}


_WH_CLAUSE = frozenset("how whether if what when where who which".split())


def reason_named(doc: ArticleDoc, asked: set[str], deed: set[str], meant: set[str]) -> SkillAnswer | None:
    """The sentence that says what the reason for the asked thing was, every word of that thing one the question
    asked and the deed asked among them ("why were ambulances queuing?" / "the main reason for the queues was …";
    not "why did crews take 40 minutes to arrive?" / "the cause of the fire was …"), with the sentence after it in
    its paragraph when that one explains further."""
    for line in doc.lines:
        m = _REASON_FOR.search(line.text)
        caused = None if m else _CAUSED_BY.search(line.text)
        if caused is not None and (DOUBTED.search(_UNQUOTED.sub(" ", line.text)) or _UNTRUE.search(line.text)):
            continue  # "denied the slip was caused by …", "whether …"; a quoted cause's own "not" is no doubt of it
        m = m or caused
        what = roots(m.group("what")) - LITTLE if m else set()
        # "the decision was forced by …": the story's own deed, where the question asks of it in the story's words.
        story = bool(what) and what <= _DECISION and bool(deed - _HAPPEN) and _names_deed(deed - _HAPPEN, story_roots(
            doc)) and asked - deed - LITTLE <= roots(" ".join(ln.text for ln in doc.lines[:3])) and _of_the_doer(
            doc, line, caused or m, deed)  # its opening
        # "the slip" is the landslip asked about: a compound named again by its last word.
        # A phrasal verb asked is named by its meaning ("gone up": "the rise").
        if not story and (not what or not all(any(a == w or len(w) >= 4 and a.endswith(w) for a in asked | meant)
                                              for w in what)
                          or deed - _HAPPEN and not _names_deed(deed - _HAPPEN, what) and not meant & what):
            continue
        if caused and not story and "caused" not in caused.group(0).lower() and not (
                meant & what or _names_deed(deed - _HAPPEN, what) and deed - _HAPPEN):
            continue  # "driven", "fuelled" by: what made a named deed grow, not why a thing began ("the fire")
        told = [ln for ln in doc.lines[line.number + 1:line.number + 2] if same_passage(ln, line) and explains(ln.text)]
        citer = Citer()
        body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in [line, *told])
        # What caused it, as likely: whose account it is, the sentence may not say.
        return SkillAnswer(Draft(body, tuple(citer.citations), Route.EXTRACTIVE), Level.LIKELY if caused else Level.SURE,
                           0.6 if caused else 0.9)
    return None


_UNQUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_UNTRUE = re.compile(r"\b(?:untrue|not\s+true|not\s+the\s+case)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _of_the_doer(doc: ArticleDoc, line, m: re.Match, deed: set[str]) -> bool:
    """Is "the decision" of this sentence the story's own: said by one of a body the opening names, as its own
    ("Dr Ruth Amble, the trust's medical director, said …", or "He said …" after "The trust's chief executive, …"),
    told as fact (not "feared", "nonsense that"), and set at no other time ("In 2015 …", "ten years ago")?"""
    if _ANOTHER_TIME.search(line.text):
        return False
    before = line.text[:m.start()]
    if _HEDGED.search(before):
        return False
    if not re.search(r"[A-Za-z]{3}", re.sub(r"\b(?:he|she|they|it|said|says|told|the|that)\b", "", before, flags=re.I)) \
            and line.number > 0:  # "He said the decision …": whom the sentence before named
        before = doc.lines[line.number - 1].text
    named = {w.lower() for e in entities(doc) if e.kind == ORGANISATION for w in e.name.split()}
    bodies = {r for w in re.findall(r"\b([A-Za-z][\w-]*)['’]s\b", before) for r in roots(w)
              if w.lower() in KIND_NOUNS["organisation"] | named}  # "the trust's", "Calloway's"; not "Hexton's"
    opening = " ".join(ln.text for ln in doc.lines[:3])
    return any(re.search(rf"\b{re.escape(w)}\w*\b(?:\s+[\w'’-]+){{0,4}}?\s+(?:said|says|confirmed|announced|decided|voted|"
                         rf"agreed|approved|plans?|will|is|has)\b", opening, re.I) for w in bodies)  # the doer, told so


_ANOTHER_TIME = re.compile(r"\b(?:1[89]|20)\d\d\b|\bago\b|\b(?:previous|former|old|earlier|last\s+year)\b", re.I)
_HEDGED = re.compile(r"\b(?:fear\w*|feel\w*|believ\w*|suggest\w*|claim\w*|suspect\w*|think\w*|thought|nonsense|wrong|"
                     r"argu\w*|insist\w*|deni\w*|den(?:y|ies)|question\w*|whether|if)\b", re.I)


def _reason_stated(doc: ArticleDoc, deed: set[str], question: str) -> SkillAnswer | None:
    """The one sentence that gives a cause in so many words ("because", "due to") for the deed asked, named
    before the reason ("why did the surgeries merge?" / "the merger was needed because the last GP retired"), with
    the next sentence of its paragraph when that one speaks of the deed too; likely: the deed's doer is not
    checked. None when no sentence, or more than one, does."""
    # What else it asks ("the pool" of "why did they close the pool?") the sentence or its story speaks of: not
    # another article's road "closed to lorries because of a weak bridge".
    others = roots(question) - deed - LITTLE - {"why", "did", "do", "doe", "is", "are", "wa", "were"}
    if not others & story_roots(doc):
        return None
    stated = [ln for ln in doc.lines if deed and (m := _BECAUSE.search(ln.text))
              and _names_deed(deed, roots(_PURPOSE.sub(" ", ln.text[:m.start()])))
              and not any(another_of_its_kind(t, question, ln.text) for t in terms(question))]  # "a farm road"
    if len(stated) != 1:
        return None
    line = stated[0]
    told = [ln for ln in doc.lines[line.number + 1:line.number + 2] if same_passage(ln, line)
            and _names_deed(deed, roots(ln.text))]
    citer = Citer()
    body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in [line, *told])
    return SkillAnswer(Draft(body, tuple(citer.citations), Route.EXTRACTIVE), Level.LIKELY, 0.6)


def _stated_or_set_off(doc: ArticleDoc, deed: set[str], question: str, rest: str) -> SkillAnswer | None:
    """A "because" for the deed told as a verb by the one asked about ("Mr Hart said he had resigned because …"),
    else the one who did it blaming something (_blamed), before what set it off ("resigned on Monday after a row",
    qa/skills/set_off.py); what set it off before a "because" that names the deed only as a thing another deed was
    done to ("… reduced the fine by a third because of the early guilty plea")."""
    stated, after = _reason_stated(doc, deed, question), set_off(doc, rest, LITTLE)
    if after is None:
        return stated or _blamed(doc, deed, rest)
    if stated is None:
        return _blamed(doc, deed, rest) or after
    from lang.tagging import parse  # spaCy only for a "why"

    rest = cased_as(rest, " ".join(ln.text for ln in doc.lines))
    asked = {t.lemma_.lower() for t in parse(f"Why {rest.strip().rstrip(' ?!.')}?") if t.pos_ == "VERB"}
    told = _BECAUSE.split(stated.draft.text, maxsplit=1)[0]
    others = roots(rest) - {root_of(stem(a)) for a in asked} - LITTLE  # and one it is asked of ("Mr Hart said he had
    return stated if others & roots(told) and any(  # resigned because …", not "the council had cut the grant because")
        t.pos_ == "VERB" and t.lemma_.lower() in asked for t in parse(told)) else after


def _blamed(doc: ArticleDoc, deed: set[str], question: str) -> SkillAnswer | None:
    """The one sentence where the one the question names blames something, its deed told before it in the article
    ("why did ashlane homes go into administration?" / "… went into administration. … Ashlane blamed a sharp rise
    in the cost of materials …"); likely: what it blames is its own account."""
    asked = roots(question)
    found = [ln for ln in doc.lines if (m := _BLAMES.match(ln.text)) and (who := roots(m.group("who")) - LITTLE)
             and who <= asked and deed and any(_names_deed(deed, _said(b.text)) for b in doc.lines[:ln.number])
             and _for_the_deed(ln.text[m.end():], deed)]
    story = story_roots(doc)
    if not found and deed and deed <= story and (asked - deed - LITTLE) & story:
        # The story's own event ("why is the brewery closing?" of "Garside's Brewery to close …"): the one who
        # blames something for it may be its owner's voice ("Simon Ardley, Calloway's chief operating officer,
        # blamed falling sales"), told after the event.
        aside = next((ln.number for ln in doc.lines if _ASIDE.match(ln.text)), len(doc.lines))
        found = [ln for ln in doc.lines if (m := _BLAMES_ANY.match(ln.text)) and 0 < ln.number < aside
                 and any(_names_deed(deed, _said(b.text)) for b in doc.lines[:ln.number])
                 and _for_the_deed(ln.text[m.end():], deed) and _for_the_thing(ln.text[m.end():], asked - deed - LITTLE)]
        blames = [ln for ln in doc.lines if (b := re.search(r"\bblam(?:e|es|ed|ing)\b", ln.text))
                  and _for_the_deed(ln.text[b.end():], deed)]  # "The union blamed the owner's greed." too
        found = found if len(blames) == 1 else []
    if len(found) != 1:
        return None
    citer = Citer()
    return SkillAnswer(Draft(f"{found[0].text.strip()} [{citer.cite(doc, found[0])}]", tuple(citer.citations),
                             Route.EXTRACTIVE), Level.LIKELY, 0.6)


def _for_the_deed(blamed: str, deed: set[str]) -> bool:
    """What the blame is for, when the sentence says ("blamed a subcontractor *for the accident*"), is the deed."""
    m = re.search(r"\bfor\s+(.+)$", blamed)
    return m is None or _names_deed(deed, _said(m.group(1)))


def _for_the_thing(blamed: str, thing: set[str]) -> bool:
    """What the blame is for, when the sentence says, names the thing asked about too ("blamed the council for a car
    park closing" is not why the brewery is closing)."""
    m = re.search(r"\bfor\s+(.+)$", blamed)
    return m is None or bool(thing & _said(m.group(1)))


def _said(text: str) -> set[str]:
    """The text's roots, an irregular verb's by its base too ("went" says "go")."""
    return roots(text) | {r for w in words(text) for r in roots(verb_base(w))}


_BLAMES = re.compile(r"\s*(?!(?:He|She|It|They|We|I)\b)(?P<who>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4})\s+"
                     r"(?:has\s+|had\s+|have\s+)?(?:blamed|blames|cited|cites)\s+(?!(?:him|her|them|it|itself|themselves)\b)")
"""A body or person, named, that blames something ("Ashlane blamed a sharp rise in the cost of materials")."""
_ASIDE = re.compile(r"\s*(?:Separately|Meanwhile|Elsewhere|In\s+a\s+separate\s+\w+)\b")
"""Where the article goes on to another story: a blame told after it is for that one."""
_BLAMES_ANY = re.compile(r"\s*(?!(?:He|She|It|They|We|I)\b)(?P<who>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4})(?:,\s+[^,;\"“”]{3,80},)?\s+"
                         r"(?:has\s+|had\s+|have\s+)?(?:blamed|blames)\s+(?!(?:him|her|them|it|itself|themselves)\b)")
"""Anyone named who blames something, their role told beside the name ("Simon Ardley, Calloway's chief operating
officer, blamed …")."""


_BECAUSE = re.compile(r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of)\b", re.I)
"""A cause, not a purpose: "exempt from the strike so that patients …" tells what the exemption is for, not why
the strike came."""


_PURPOSE = re.compile(r"\b(?:in\s+order\s+)?to\s+[a-z]+\b", re.I)
"""An infinitive of purpose ("using boats to reach villages … because …"): what the deed is for, not the deed."""


def _names_deed(deed: set[str], said: set[str]) -> bool:
    """Does the text name the deed, as a verb or as the noun made from it ("merge" / "the merger")?"""
    return all(touches({d}, said) for d in deed)


LITTLE = frozenset({"the", "a", "an", "thi", "that", "these", "those", "it", "main", "chief", "real", "key", "biggest"})


def why(docs: list[ArticleDoc], question: str) -> SkillAnswer | None:
    """The doer's own words for a deed (qa/skills/deeds.py), else the sentence that names the reason for what was
    asked or gives the deed's reason in so many words, else the causes an article announces and lists; None when
    none, or when several sentences state a reason for what was asked (the sentence path picks among them)."""
    if not _WHY.match(question):
        return None
    if (reads := asks_deed(question)) and (found := doer_reason(docs, reads)) is not None:
        return found
    rest = _WHY.sub("", question)
    asked = roots(rest) - {"it", "thi", "that", "so", "then"}
    last = next((roots(w) for w in reversed(rest.split()) if roots(w) & asked), set())  # "late" of "… so late"
    deed = _deed(cased_as(rest, " ".join(ln.text for doc in docs for ln in doc.lines)))  # "jim hart": names
    meant = {root_of(m) for m in phrasal_meanings(rest)}  # "gone up": "rise", "increase"
    if (barred := why_not(docs, question, deed)) is not None:  # "why couldn't they move it?"
        return barred
    for doc in docs:
        if (found := reason_named(doc, asked, deed, meant) or _stated_or_set_off(doc, deed, question, rest)) is not None:
            return found
        # The story is about what was asked ("late" in "… two years late and £41m over budget"), and no sentence
        # gives a reason in so many words for two of its words, or for what is said of it ("the line is late
        # because …").
        if not asked or not asked <= story_roots(doc) or any(explains(ln.text, by_time=False) and (
                len(asked & roots(ln.text)) >= 2 or last and last <= roots(ln.text)) for ln in doc.lines):
            continue
        for line in doc.lines:
            m = _ANNOUNCED.search(line.text)
            if m is None:
                continue
            n = _COUNTS.get(" ".join(m.group("n").lower().split()), None) or int(m.group("n"))
            told = [ln for ln in doc.lines[line.number + 1:line.number + 1 + n] if same_passage(ln, line)]
            citer = Citer()
            body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in [line, *told])
            return SkillAnswer(Draft(body, tuple(citer.citations), Route.EXTRACTIVE), Level.LIKELY, 0.5)
    return None

