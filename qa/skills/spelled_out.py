"""Named bodies the tagger missed, found by the acronym the article gives them (a run of capitalized words that a
parenthesised acronym right after it spells out, "the Harbour Pilots Guild (HPG)") or by the kind of body the
article calls them right before the name ("the animal welfare charity Open Range"), or by the word for a kind of
body its name ends in ("Mardlow Traders' Association"): an organisation's name, however the tagger read its words."""
from __future__ import annotations

import re

from lang.acronyms import expansion
from lang.rules import KIND_NOUNS, TITLES
from lang.words import MONTHS, WEEKDAYS

_ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Z&]{1,9})\s*\)")
_SMALL = frozenset("of the and for on in to at by &".split())


def spelled_out(parsed, found: list[tuple]) -> list[tuple]:
    """`found` ((span, label) pairs) with each name spelled out before its acronym added as an organisation,
    in place of the entities that overlap it (a place tagged inside "Halbrook Community Leisure Trust")."""
    out = list(found)
    text = parsed.text
    for m in _ACRONYM_AFTER.finditer(text):
        named = expansion(m.group(1), text[:m.end()])
        if named is None or named.end > m.start() or not all(
                w[:1].isupper() or w.lower() in _SMALL for w in named.text.split()):
            continue  # not right before it, or not a name ("a temporary use ban (TUB)")
        span = parsed.char_span(named.start, named.end, alignment_mode="expand")
        if span is None or any(e.start <= span.start and span.end <= e.end and label in ("ORG", "FAC", "GPE")
                               for e, label in out):
            continue  # the tagger has it already
        out = [(e, label) for e, label in out if not (e.start < span.end and span.start < e.end)]
        out.append((span, "ORG"))
    return out


def kind_named(parsed, found: list[tuple]) -> list[tuple]:
    """`found` with each run of capitalized names the tagger left untagged, written right after a word for a kind
    of organisation ("the charity Open Range", "the logistics firm Carrick Haulage"), added as an organisation."""
    out = list(found)
    tagged = {t.i for e, _ in out for t in e}
    for t in parsed:
        if t.lower_ not in KIND_NOUNS["organisation"] or t.pos_ != "NOUN" or t.i + 1 >= len(parsed):
            continue
        end = t.i + 1
        while end < len(parsed) and parsed[end].pos_ == "PROPN" and parsed[end].is_title and end not in tagged \
                and parsed[end].lower_.rstrip(".") not in TITLES and not parsed[end].is_sent_start:
            end += 1
        if end > t.i + 1 and not (end < len(parsed) and parsed[end].pos_ == "PROPN"):
            out.append((parsed[t.i + 1:end], "ORG"))
    return out


_RUN = r"(?:[A-Z][\w'’&-]+\s+(?:(?:of|the|and|for)\s+)*)*[A-Z][\w'’&-]+"
_DESCRIBED = re.compile(rf"(?:\b(?:The|the)\s+)?(?P<name>{_RUN}),\s+(?:which\s+(?:is|was)\s+based|which\s+represents|"
                        r"which\s+runs|which\s+owns|a\s+(?:[\w-]+\s+){0,2}?(?:campaign|pressure|residents'?|action|"
                        r"community)\s+group)\b")
_OF_THE = re.compile(rf",\s+of\s+the\s+(?P<name>{_RUN}),")
"""A body the article says what it is in the clause after its name ("Pellbrook Homes, which is based in Corriston",
"the Friends of Quillfield Park, a campaign group"), or whom a person is of ("Kwame Ellery, of the Tarrowby
Independents,")."""


def described_named(parsed, found: list[tuple]) -> list[tuple]:
    """`found` with each name the tagger missed or took for a place, that the article describes as a body,
    added as an organisation in place of what overlaps it ("Quillfield Park" inside "Friends of Quillfield Park")."""
    out = list(found)
    for m in [*_DESCRIBED.finditer(parsed.text), *_OF_THE.finditer(parsed.text)]:
        span = parsed.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        if span is None or len(span) < 2 or any(e.start <= span.start and span.end <= e.end and label == "ORG"
                                                for e, label in out):
            continue
        out = [(e, label) for e, label in out if not (e.start < span.end and span.start < e.end)]
        out.append((span, "ORG"))
    return out


def headed_named(parsed, found: list[tuple]) -> list[tuple]:
    """`found` with each run of capitalized words that ends in a word for a kind of body ("Mardlow Traders'
    Association", "Kellby Rowing Club") and that the tagger left untagged or read as something else, added as an
    organisation in place of what overlaps it."""
    out = list(found)
    for t in parsed:
        if not (t.is_title and t.lower_ in KIND_NOUNS["organisation"]) or t.i == 0:
            continue
        start = t.i
        while start > 0 and (parsed[start - 1].is_title and parsed[start - 1].pos_ == "PROPN"
                             and parsed[start - 1].lower_.rstrip(".") not in TITLES | WEEKDAYS | MONTHS
                             and parsed[start - 1].ent_type_ not in ("DATE", "TIME", "PERSON")
                             and not parsed[start - 1].is_sent_start or parsed[start - 1].text in ("'", "’")):
            start -= 1
        if t.i - start < 1 or parsed[start].text in ("'", "’"):
            continue
        span = parsed[start:t.i + 1]
        if any(e.start <= span.start and span.end <= e.end and label == "ORG" for e, label in out):
            continue  # the tagger has it already
        out = [(e, label) for e, label in out if not (e.start < span.end and span.start < e.end)]
        out.append((span, "ORG"))
    return out
