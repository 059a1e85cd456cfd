"""The spans of text that name someone or something: spaCy's entities, with the names it missed after a title
("Mayor Ana Ruiz") or before their acronym, each trimmed of a leading "the", a title or a possessive."""
from __future__ import annotations

import re

from lang.list_forms import PERSON
from lang.rules import KIND_NOUNS, TITLES

from .spelled_out import described_named, headed_named, kind_named, spelled_out

__all__ = ["mentions", "trimmed"]

_POSSESSIVE = re.compile(r"\s*['’]s?$")


def mentions(parsed):
    """spaCy's entities, and the names it missed after a title ("Mayor Ana Ruiz") or before their acronym."""
    out = [(_joined(parsed, ent), ent.label_) for ent in parsed.ents]
    covered = {t.i for ent in parsed.ents if ent.label_ == "PERSON" for t in ent}
    for t in parsed:
        if not (t.lower_.rstrip(".") in TITLES and t.text[:1].isupper()):
            continue
        # Past the rest of the title ("Minister of Defense") to the name: capitalized words not in a title.
        j = t.i + 1
        while j < len(parsed) and j <= t.i + 6 and (parsed[j].lower_ in ("of", "for", "the", "and") or (
                parsed[j - 1].lower_ in ("of", "for") and parsed[j].text[:1].isupper()) or (
                parsed[j].text[:1].isupper() and (parsed[j].ent_type_ not in ("", "PERSON")
                                                  or parsed[j].lower_.rstrip(".") in TITLES))):
            j += 1
        k = j
        while k < len(parsed) and parsed[k].pos_ == "PROPN" and parsed[k].text[:1].isupper() \
                and parsed[k].lower_.rstrip(".") not in TITLES and parsed[k].ent_type_ in ("", "PERSON"):
            k += 1
        if k == j and t.lower_.rstrip(".") not in _NOT_ONLY_PERSONS:
            # "Councillor Amrit Sandhu, …" with the name taken for a body's: the two or three names right after
            # a person's title, ending the name there, are the person.
            j = k = t.i + 1
            while k < len(parsed) and k < j + 3 and parsed[k].pos_ == "PROPN" and parsed[k].is_title \
                    and parsed[k].lower_.rstrip(".") not in TITLES and parsed[k].ent_type_ in ("", "PERSON", "ORG"):
                k += 1
            k = k if k - j >= 2 and (k == len(parsed) or not parsed[k].text[:1].isupper()) else j
        if k > j and (j == t.i + 1 or k - j >= 2) and not any(i in covered for i in range(j, k)):
            out = [(e, lab) for e, lab in out if not (e.start < k and j < e.end)]
            out.append((parsed[j:k], "PERSON"))
    return headed_named(parsed, described_named(parsed, kind_named(parsed, spelled_out(parsed, out))))


_NOT_ONLY_PERSONS = frozenset("general major chief king queen prince princess chair director".split())
"""Titles that also open the names of bodies and things ("General Motors", "Chief Constable's Office")."""


def _joined(parsed, ent):
    """A body's name the tagger began after its "and" ("Shopworkers' Union" of "the Bakery and Shopworkers'
    Union"): the whole name, from just after "the"."""
    i = ent.start
    if ent.label_ == "ORG" and i >= 3 and parsed[i - 1].lower_ == "and" and parsed[i - 2].is_title \
            and parsed[i - 2].ent_type_ == "" and parsed[i - 3].lower_ == "the" \
            and parsed[i - 2].lower_.rstrip(".") not in TITLES:  # not "the Mayor and Transport for London"
        return parsed[i - 2:ent.end]
    return ent


def trimmed(ent, label: str):
    """The entity without a leading "the", a title ("Marshal") or a trailing possessive; None when nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or  # "Farmer Ana Ruiz"; not "Paul Farmer"
                           label in ("PERSON", "ORG") and doc[start].lower_.rstrip(".") in TITLES and end - start > 1
                           or label == "PERSON" and end - start > 2 and doc[start].lower_ in KIND_NOUNS[PERSON]):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]  # "Ashgrove Students' Union (ASU": the tagger stopped inside the brackets
    if start >= end:
        return None
    if label in ("PERSON", "ORG") and all(t.tag_ in ("NN", "NNS") for t in doc[start:end]) or label == "PERSON" and (
            doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end and doc[end - 1].head.text.islower()):
        return None  # a capitalized sentence start ("Retailers had warned", "Commuters"), a modifier ("Carrowdale bus drivers")
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_.rstrip(".") in TITLES:
        return None  # part of a title: "Defense" of "Deputy Defense Minister Lund"
    # A first name the tagger left out ("Tomasz" of "Tomasz Wrobel" opening a sentence, "Priya" after a title).
    first = doc[start - 1] if start > 0 and start == ent.start else None
    if first is not None and (first.is_sent_start or start > 1 and doc[start - 2].lower_.rstrip(".") in TITLES and doc[
            start - 2].is_title) and first.pos_ == "PROPN" and first.ent_type_ == "" and first.is_title and first.is_alpha \
            and first.lower_ not in TITLES | KIND_NOUNS[PERSON]:  # not "Farmer" of "Farmer Ana Ruiz"
        start -= 1
    span = doc[start:end]
    text = _POSSESSIVE.sub("", span.text)
    if "\n" in text or len(text) < 2 or not any(c.isupper() for c in text):
        return None
    return span
