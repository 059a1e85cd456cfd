"""The names a conversation turn is about, read from the question and its answer ("who is mbeki" -> "Judge
Helen Mbeki"), and the body a possessive points at ("her group" -> the Battery Safety Alliance her role names)."""
from __future__ import annotations

import re

from lang.acronyms import spells_out
from lang.forms import is_acronym
from lang.rules import DATELINE, KIND_NOUNS, LEADS, TITLES
from lang.spelling import same_word
from lang.words import MONTHS, STOPWORDS, WEEKDAYS, is_number, names, terms, words
from qa.types import REFUSED_LEAD

from .bodies import names_a_body

WHO_IS = re.compile(r"^\s*who(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?!(?:going|about|set|due|expected|likely|"
                    r"responsible|behind|to|in\s+charge)\b|\w+ing\s+\w)(.+?)\s*\??\s*$", re.I)
"""A question of who someone is ("who is X", "who's X"): X; not one of who does something ("who is going to run
it?", "who is leading the inquiry?")."""
_DATELINES = re.compile(r"(?:^|(?<=[:\]] ))" + DATELINE.pattern.removeprefix("^"), re.M)
"""A date line where the answer opens with its story's first sentence, after a lead ("The closest it comes is:
HARLOW — ...") or a citation mark."""
_SENTENCE_END = re.compile(r"(?<=[A-Za-z]{5}[.!?])\s+")
"""Where an answer's sentences part ("Mayor. Mayor Ana Roth ..."; not "Dr. Roth", "Sept. 11"): a name ends there."""


def focus(question: str, answer: str) -> list[str]:
    """The names a turn is about: "who is X" -> X; "who did Y" -> the person the answer names."""
    # A list ("4 people in “…”, most mentioned first: - …"): about its first row. Only a list the answer opens with,
    # not the "Also possibly: - …" after a sentence.
    listed = re.match(r"[^:.!?]*:\s+-\s", answer)
    answer = _VERDICT.sub("", answer[listed.end():] if listed else answer)  # "Yes. ...": a verdict names no one
    # A name typed in lower case counts beside those written with capitals ("how many of Quillon's in farrowgate"),
    # a date line's place among them.
    q_names = names(question)
    written = {w for n in q_names for w in words(n)}
    q_names += [n for n in _typed_lower(question, answer) if not set(words(n)) & written and not set(words(n)) <= TITLES]
    # Past a wire story's date line ("HARLOW — ..."): the place it was filed from is not what the turn is about.
    answer = _DATELINES.sub("", answer)
    m = WHO_IS.match(question)
    spoke = _SPEAKER_LEAD.match(answer)
    if spoke and not m:  # "what does the NAC say?" / "Fiona Gartside (the NAC's director …): …": she spoke for it
        lead = spoke.group(1)
        # A body that spoke, and the first person who spoke for it ("… said Olwen Feld, the RTB's head …").
        people = [n for n in names(answer[spoke.end():]) if not names_a_body(n) and not set(words(n)) <= set(words(
            lead)) and len(n.split()) >= 2] if names_a_body(lead) else []
        role = [n for n in names(spoke.group(0)[len(lead):]) if not set(words(n)) & set(words(lead))
                and not set(words(n)) <= TITLES | LEADS]  # "(Carrick …)", not "(Deputy Chief Constable)"
        return [lead, *people[:1], *[n for n in q_names if not set(words(n)) <= set(words(lead)) and not (
            is_acronym(n) and spells_out(lead, n))], *role[:1]]
    if m and q_names or answer.lstrip().startswith(REFUSED_LEAD):  # a refusal names no one it answered with
        return q_names
    first_sentence = _first_sentence(answer)
    q_terms = {t for n in q_names for t in terms(n)}
    # Not a word capitalized only where a sentence starts ("Pregnant women, …" / "… for pregnant women").
    lower = set(re.findall(r"\b[a-z][\w'’-]*", answer))
    # Nor a day or a month ("... on Saturday"): what a later "he" or "it" stands for is never a date.
    asked = set(words(question))

    def new_in(text: str, known: set[str]) -> list[str]:
        return [n for n in names(text) if not set(terms(n)) <= known and not set(words(n)) <= lower
                and not set(words(n)) <= WEEKDAYS | MONTHS | TITLES  # nor a title alone ("Deputy Chief Constable")
                and not all(is_number(w) for w in words(n))]  # nor a number ("about 400 metres from the zoo")

    new = new_in(first_sentence, q_terms)
    if words(question)[:1] == ["who"]:
        # Who it was is no date ("In 2023, ...", "on Tuesday, 14 October").
        new = [n for n in new if not all(is_number(w) or w in WEEKDAYS | MONTHS for w in words(n))]
        # Not the one the question named ("who chairs the pub society?" / "The society has appointed …").
        if (doer := _unnamed_doer(first_sentence, new)) is not None and not set(terms(doer)) <= set(terms(question)):
            return [doer] + q_names
        # Who did it is not what the question named ("who will run the drover's rest?" / "The Drover's Rest will
        # not be run by volunteers. ... Kit Donnelly, who will run the pub"): the first other name of the answer.
        if not new and new_in(first_sentence, set()):
            new = [n for n in new_in(answer, q_terms) if not set(words(n)) <= asked]
            return new[:1] + [n for n in q_names if not set(words(n)) <= asked]
        return new[:1] + q_names
    return q_names + new[:1]


_SPEAKER_LEAD = re.compile(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+) \([^()]+\):\s")
"""The lead of an answer that gives what someone said: their name and role, then their words."""
_VERDICT = re.compile(r"^\s*(?:Yes|No)\.\s+")


def _unnamed_doer(sentence: str, names_in: list[str]) -> str | None:
    """The one a "who did it?" answer names as its subject by what it is, not by name ("The council's cabinet
    voted five to two …"): that phrase, "the" first; None when the subject holds a name, a pronoun or nothing."""
    from lang.tagging import parse  # spaCy only for the answer to a "who" question

    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    # The one meant, not one of many ("A striker was sent off …"), and the doer, not one a deed befell.
    if subject is None or subject.pos_ != "NOUN" or not any(
            c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None
    phrase = doc[subject.left_edge.i:subject.i + 1].text
    whole = doc[subject.left_edge.i:subject.right_edge.i + 1]  # "The council's leader, Jane Smith, …": her name
    if any(n in whole.text for n in names_in) or any(t.pos_ == "PROPN" for t in whole):
        return None
    return phrase[:1].lower() + phrase[1:]


def _first_sentence(text: str) -> str:
    """The answer's first sentence, not cut after a title ("Dr. Naomi Fisk. ...", "Gov. Ruiz ...")."""
    parts = re.split(r"(?<=[.!?])\s", text)
    out = parts[0]
    for part in parts[1:]:
        last = out.rsplit(None, 1)[-1].rstrip(".").lower()
        if last not in TITLES or len(last) > 4:  # an abbreviated title ("Dr.", "Gov."), not "Judge." said alone
            break
        out = f"{out} {part}"
    return out


def _typed_lower(question: str, answer: str) -> list[str]:
    """The names of the answer that a question typed in lower case asks about ("who is lena marsh" -> "Lena
    Marsh", "brandt" -> "Mayor Ilse Brandt"), in the answer's spelling and question order."""
    found_names = list(dict.fromkeys(n for part in _SENTENCE_END.split(answer) for n in names(part)))
    written = sorted({w for n in found_names for w in words(n) if len(w) >= 4})
    # A name typed with a slip ("mbekki") is the answer's ("Mbeki").
    asked = [w if len(w) < 4 else next((x for x in written if same_word(w, x)), w) for w in words(question)]
    found = []
    for n in found_names:
        ws = [w for w in words(n) if w not in STOPWORDS and w not in TITLES]  # "folasade" of "Dr Folasade Marr"
        # A name run on past the person ("Judge Helen Mbeki of the U District Court"): up to the last word typed.
        typed = max((k for k, w in enumerate(ws[:-1]) if w in asked and len(w) >= 4), default=None)
        if typed is not None and ws[-1] not in asked:
            cut = re.search(r"\b" + re.escape(ws[typed]) + r"(?=\s+(?:of|in|at|for|from)\b)", n, re.I)
            n, ws = (n[:cut.end()], ws[:typed + 1]) if cut else (n, ws)
        # The whole name, or its last word ("brandt" of "Mayor Ilse Brandt"), as typed.
        if ws and (ws[-1] in asked or all(w in asked for w in ws)) and not ws[-1].isdigit():
            found.append((asked.index(ws[-1]) if ws[-1] in asked else asked.index(ws[0]), n))
        elif len(ws) > 1 and ws[0] in asked and len(ws[0]) >= 5 and not re.search(
                r"(?<![\w'’-])" + re.escape(ws[0]) + r"(?![\w'’-])", answer):
            # "lentra" of "Lentra Air": a name's own first word, which the answer never writes in lower case
            found.append((asked.index(ws[0]), n))
    return [n for _, n in sorted(found)]


_BODY_OF = re.compile(r"\b(?:her|his|their)\s+(?:own\s+)?(?:group|organi[sz]ation|company|firm|party|union|agency|"
                      r"charity|association|club|team|employer|department|ministry)\b", re.I)


def their_body(question: str, answer: str, context: list[str]) -> str | None:
    """"her group" is the body the last answer's first sentence names beside the person (her role: "Director of
    the Battery Safety Alliance"); None when it names none."""
    if not _BODY_OF.search(question):
        return None
    people = {t for c in context for t in terms(c)}
    first = _first_sentence(_DATELINES.sub("", answer))
    bodies = [f"the {b}" for b in map(_body_in, names(first)) if b and (len(b.split()) >= 2 or is_acronym(b))
              and not set(terms(b)) & people]  # "The LIG leader": the LIG
    # "Fenwright's managing director": a body of one word, named as the one whose officer the person is.
    bodies += [m.group(1) for m in _OFFICER_OF.finditer(first) if m.group(2).lower() in TITLES | LEADS
               and not set(terms(m.group(1))) & people]
    # "Maureen Falsgrave, who chairs the group": the group the article has named before.
    bodies += [f"the {m.group(1).lower()}" for m in _CHAIRS_THE.finditer(first)
               if m.group(1).lower() in KIND_NOUNS["organisation"]]
    return _BODY_OF.sub(bodies[0], question, count=1) if bodies else None


_CHAIRS_THE = re.compile(r"\b(?:chairs|leads|heads|runs|founded|set\s+up|speaks\s+for)\s+the\s+([a-z]+)\b")
"""A person's role as the officer of a body named by its kind ("who chairs the group")."""
_OFFICER_OF = re.compile(r"\b([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)['’]s\s+(?:[a-z-]+\s+){0,2}([a-z]+)\b")
"""A body and the post the person holds in it: "Fenwright's managing director"."""


def _body_in(name: str) -> str | None:
    """The body a role names ("Director of the Battery Safety Alliance" -> "Battery Safety Alliance")."""
    if name.split()[0].lower() not in TITLES:
        return name
    m = re.search(r"\b(?:of|at|for)\s+(?:the\s+)?(.+)$", name)
    return m.group(1) if m else None
