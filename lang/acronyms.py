"""Acronyms and the names they stand for, as a text spells them out: "the International Atomic Energy Agency (IAEA)",
"IAEA (International Atomic Energy Agency)", or the name written anywhere in the text whose initials spell the acronym."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words a name's initials skip ("Organization *of the* Petroleum Exporting Countries" -> OPEC).
_SKIPPED = frozenset("of the and for on in to de du la le des del da di und & at by".split())
_WORD = re.compile(r"[A-Za-z][\w’'&.-]*")


@dataclass(frozen=True)
class Expansion:
    """The spelled-out name: `text == source[start:end]`."""

    start: int
    end: int
    text: str


def letters(acronym: str) -> str:
    """"U.N." -> "UN", "NGOs" -> "NGO", "A&E" -> "AE" (its "&" is the "and" that initials skip)."""
    a = acronym.replace(".", "").replace("&", "")
    return a[:-1] if len(a) > 2 and a.endswith("s") and a[:-1].isupper() else a


def expansion(acronym: str, text: str, stated: bool = False) -> Expansion | None:
    """Where the text spells the acronym out: the closest run of words before "(ACRONYM)", ", or ACRONYM" or
    ", known as the ACRONYM", the words in parentheses after it, or else the first run of capitalized words
    anywhere whose initials spell it."""
    target = letters(acronym).upper()
    if len(target) < 2:
        return None
    for m in re.finditer(_introduced(acronym), text):
        # Said outright to be its short form, so lower-case words count ("a public spaces protection order,
        # or PSPO").
        found = _ending_at(text, m.start(), target, lower=True)
        if found:
            return found
    for m in re.finditer(r"\b" + re.escape(acronym) + r"\s*\(([^()]{3,120})\)", text):
        inner = m.group(1).strip()
        if _initials(inner) == target:
            s = m.start(1) + m.group(1).index(inner)
            return Expansion(s, s + len(inner), inner)
    words = list(_WORD.finditer(text)) if not stated else []  # `stated`: only a name the text says it stands for
    for i, w in enumerate(words):
        # A run starts at a word its initials keep: not "The" of "The American Telephone and Telegraph".
        if not w.group(0)[:1].isupper() or w.group(0).upper() == target or w.group(0).lower() in _SKIPPED:
            continue
        found = _run_from(text, words, i, target)
        if found:
            return found
    return None


def spells_out(phrase: str, acronym: str) -> bool:
    """Is the phrase the acronym spelled out ("Office for Workplace Standards" / "OWS", typed "ows" too)?"""
    target = letters(acronym).upper()
    return len(target) >= 2 and len(_WORD.findall(phrase)) >= 2 and _spells(phrase, target)


def _initials(phrase: str, keep_small: bool = False) -> str:
    """The initials of a phrase's words; small words ("of", "the") count only with `keep_small` ("DOT" is the
    Department *of* Transportation, "IAEA" skips the "of" of nothing)."""
    out = []
    for w in _WORD.findall(phrase):
        if w.lower() in _SKIPPED and not keep_small:
            continue
        out.extend(p[0] for p in w.split("-") if p)
    return "".join(out).upper()


def _spells(phrase: str, target: str) -> bool:
    return target in (_initials(phrase), _initials(phrase, keep_small=True))


def _introduced(acronym: str) -> str:
    """Where a text introduces the acronym as the short form of the words before it."""
    a = re.escape(acronym)
    return (r"\(\s*(?:or\s+)?" + a + r"\s*\)|,\s+or\s+(?:the\s+)?" + a + r"\b(?=\s*[,;.)])"
            r"|,?\s+(?:known|referred\s+to)\s+as\s+(?:the\s+)?" + a + r"\b")


def _ending_at(text: str, end: int, target: str, lower: bool = False) -> Expansion | None:
    """The words just before `end` whose initials spell target, starting with a capital unless `lower`."""
    offset = max(0, end - 200)
    words = list(_WORD.finditer(text[offset:end]))
    for k in range(len(words) - 1, max(-1, len(words) - 2 * len(target) - 2), -1):
        if words[k].group(0).lower() in _SKIPPED or not (lower or words[k].group(0)[:1].isupper()):
            continue
        phrase = re.sub(r"(?:[\s,;:]+(?:the|a|an|of|by))*[\s,;:]*$", "", text[offset + words[k].start():end].strip(),
                        flags=re.I)
        if _spells(phrase, target):
            s = offset + words[k].start()
            return Expansion(s, s + len(phrase), phrase)
    return None


def _run_from(text: str, words: list, i: int, target: str) -> Expansion | None:
    """Capitalized words from words[i] (small words allowed between them) whose initials spell target."""
    for j in range(i, min(len(words), i + 2 * len(target) + 1)):
        word = words[j].group(0)
        if j > i and re.search(r"[,;:()\"“”.]", text[words[j - 1].end():words[j].start()]):
            return None
        if word.lower() in _SKIPPED:
            continue
        if not word[:1].isupper():
            return None
        s, e = words[i].start(), words[j].end()
        if _spells(text[s:e], target):
            return Expansion(s, e, text[s:e])
    return None


# Dependents before an acronym that describe it: "the UN nuclear *watchdog* IAEA", "*foreign intelligence* SVR".
_DESCRIBING = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
_LEADING = frozenset({"det", "predet", "preconj", "case", "punct", "cc"})


_CODE = re.compile(r"[A-Z]+\d+[A-Z]+\d+")
"""A code of letters and numbers twice over ("H5N1", "H7N9"): a strain's or a model's, named before its kind."""


def descriptor(parsed, acronym: str) -> Expansion | None:
    """The words a text puts in front of an acronym it never spells out ("the UN nuclear watchdog IAEA" -> "UN
    nuclear watchdog"), the noun an acronym stands in apposition to ("the transit agency MTA" -> "transit
    agency"), or the kind a code names after it ("H5N1 avian influenza" -> "avian influenza"), from spaCy's parse `parsed` of the text; None when they hold no common word (a name alone
    describes nothing)."""
    for tok in parsed:
        if tok.text != acronym:
            continue
        mods = [c for c in tok.lefts if c.dep_ in _DESCRIBING]
        if mods:
            words, end = [t for c in mods for t in c.subtree], tok.idx
        elif tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.pos_ == "NOUN":
            head = tok.head
            words = [head, *(t for c in head.lefts if c.dep_ in _DESCRIBING for t in c.subtree)]
            end = head.idx + len(head.text)
        elif _CODE.fullmatch(acronym) and tok.dep_ in ("nmod", "compound") and tok.head.i > tok.i \
                and tok.head.tag_ == "NN" and any(t.dep_ == "amod" for t in parsed[tok.i + 1:tok.head.i]) and all(
                t.dep_ in ("amod", "compound") and t.head.i == tok.head.i for t in parsed[tok.i + 1:tok.head.i]) \
                and not (tok.head.i + 1 < len(parsed) and parsed[tok.head.i + 1].pos_ in ("NOUN", "PROPN")):
            # The kind a code names after it, told with what kind ("H5N1 avian influenza" -> "avian influenza"); not
            # those it gathers ("G20 leaders") nor a bare thing of its ("an F1 team", "COVID-19 booster jabs").
            words, end = list(parsed[tok.i + 1:tok.head.i + 1]), tok.head.idx + len(tok.head.text)
        else:
            continue
        words = sorted(words, key=lambda t: t.i)
        while words and words[0].dep_ in _LEADING:
            words.pop(0)
        if not words or not any(t.is_alpha and t.text.islower() for t in words):
            continue
        start = words[0].idx
        text = parsed.text[start:end].rstrip(" ,")
        return Expansion(start, start + len(text), text)
    return None
