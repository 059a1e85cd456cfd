"""A change told from one figure to another ("adult membership fees will rise from £210 to £245", "staffed hours
will fall from 32 to 20") settles a yes/no question that asks which way it goes ("will membership get more
expensive?", "will the library be open more hours?": Yes; "will staffed hours go up?": No), or whether the new
figure passes a bound ("will a berth cost over £2k a year?" / "will go up from £1,450 to £2,030": Yes).

Only where the change's own verb has as its subject the thing asked (its head a word of the question, or a sum
when a price is asked), in the time asked (a "did" of a change done, a "will" of one to come), told as certain, with
no figure in a question of direction ("rise to £300?", "rise by more than £50?" are not read) and no direction in a
question of a bound ("higher than £300?")."""
from __future__ import annotations

import re

from lang.paraphrase import covered
from lang.words import STOPWORDS, words

from .clauses import SUBJECTS, base_stem, parse_fast

_SCALE = r"(?:k|m|bn|million|billion|thousand)\b"
_FIGURE = rf"[$€£¥]?\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:%|per\s+cent|percent)|{_SCALE})?"
_RISE = r"ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|go(?:es)?\s+up|going\s+up|went\s+up|gone\s+up|" \
        r"grow(?:s|n)?|grew|lengthen(?:ed)?|extend(?:ed)?|raised?"
_FALL = r"fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?|decreas(?:e|es|ed|ing)|go(?:es)?\s+down|went\s+down|cut|" \
        r"reduced?|shrink|shrank|lowered"
_CHANGE = re.compile(rf"\b(?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))\s+(?:\w+\s+){{0,2}}?from\s+(?P<a>{_FIGURE})\s+to\s+"
                     rf"(?P<b>{_FIGURE})", re.I)
_TO_FIGURE = re.compile(rf"\b(?:{_RISE}|{_FALL})\s+(?:\S+\s+){{0,3}}?to\s+[$€£¥]?\d", re.I)
_UNSURE = re.compile(r"\b(?:could|might|may|should|if|unless|whether|propos\w*|plans?|planned|considering|hopes?|would|"
                     r"wants?|fears?|feared|due\s+to|bid|called\s+for|asked\s+for|not|n't|never|no|scrap\w*|reject\w*|"
                     r"block\w*|withdr\w*|drop(?:ped)?\s+(?:the|a|its)|shelved|abandon\w*|thrown\s+out|overturn\w*|"
                     r"revers\w*|since|again|later|then|restored|reinstated)\b", re.I)
"""A change only possible, wanted, feared, denied, undone, since reversed or followed by another settles nothing."""
_REVERSED = re.compile(r"\b(?:discounts?|subsid(?:y|ies)|concessions?|rebates?|relief|grants?|allowances?|"
                       r"reductions?|savings?)\b", re.I)
"""A cut to what lowers a price makes it dearer: which way the price goes is not the figures' way."""
_RATE = re.compile(r"\s*(?:a|an|per|each)\s+(day|week|fortnight|month|quarter|year|hour|night)\b", re.I)
_UP = frozenset("more higher longer bigger larger greater dearer pricier expensive increase increased rise risen rose "
                "up grow grown extended".split())
_DOWN = frozenset("less fewer lower shorter smaller cheaper decrease decreased fall fallen fell drop dropped down cut "
                  "reduced shrink".split())
_BOUND = re.compile(rf"\b(?P<way>more\s+than|over|above|less\s+than|under|below)\s+(?P<n>[$€£¥]\s?\d[\d,]*(?:\.\d+)?"
                    rf"(?:\s*(?:grand\b|{_SCALE}))?|\d[\d,]*(?:\.\d+)?\s*(?:k|grand|thousand)\b)", re.I)
"""A bound on a sum, the only bound read here: with its sign or in thousands ("over £2,000", "over 2k")."""
_MONEY = frozenset("expensive dearer pricier cheaper cost costs costing pay paying price prices fee fees "
                   "charge charges".split())
"""Words that ask of a sum of money: a change of something else ("journey times will rise from 20 to 30 minutes") does
not answer them, and a change of a sum says them ("will a berth cost over £2k?" / "fee … from £1,450 to £2,030")."""
_SUMS = frozenset(base_stem(w) for w in "fee price cost charge fare rent bill subscription ticket toll".split())
"""What a sum is called, where the question asks of a price without naming it ("will membership get dearer?")."""
_ASKING = frozenset("now get gets getting got go goes going gone went gonna a be been being day week fortnight month "
                    "quarter year hour night".split())
"""Words of the question's direction or time ("go up", "get dearer", "a year now"), not of the thing asked."""
_PERIODS = {"annual": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
            "nightly": "night"}
_SCALES = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_PAST = frozenset("rose fell grew shrank went cut".split())


def _value(figure: str) -> float | None:
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]+)?", figure, re.I)
    return None if m is None else float(m.group(1).replace(",", "")) * _SCALES.get((m.group(2) or "").lower(), 1.0)


def _year(figure: str) -> bool:
    return re.fullmatch(r"\s*(?:1[89]|20)\d\d\s*", figure) is not None


def change_verdict(question: str, sentence: str) -> str | None:
    """Yes, No or None (see the module's doc for when it reads nothing)."""
    changes = list(_CHANGE.finditer(sentence))
    if len(changes) != 1 or _UNSURE.search(sentence) or len(_TO_FIGURE.findall(sentence)) > 1:
        return None  # "fell from £245 to £210 in 2020 and rose to £260 last year": which one is now
    change = changes[0]
    old, new = _value(change.group("a")), _value(change.group("b"))
    if old is None or new is None or old == new or _year(change.group("a")) or _year(change.group("b")) \
            or (new > old) != bool(change.group("rise")) or ("£" in change.group("a")) != ("£" in change.group("b")):
        return None  # "from 2019 to 2021" is a time; a rise told by figures that fall is misread
    ws = words(question)
    money = re.match(r"\s*[$€£¥]", change.group("b")) is not None
    if set(ws) & _MONEY and not money:
        return None
    bound = _BOUND.search(question)
    said = words(question[:bound.start()] + " " + question[bound.end():]) if bound else ws  # not "more" of "more than"
    if bound is not None and (not money or any(re.fullmatch(r"\d[\d,.]*s?", w) for w in said)
                              or ws[0] not in ("will", "'ll", "is", "are", "gonna")):
        return None  # "fees for over 65s", "in 2026": a group or a time asked too; a sum once paid is amounts.py's
    up, down = [w for w in said if w in _UP], [w for w in said if w in _DOWN]
    if bound is not None and (up or down or re.search(r"\b(?:to|by)\s+[$€£¥]?\d", question)) \
            or bound is None and (bool(up) == bool(down) or any(w[:1].isdigit() for w in ws)):
        return None  # "higher than £300?", "rise to £300?", "rise by more than £50?": another figure asked
    asked = {base_stem(w) for w in ws[1:] if w not in STOPWORDS and w not in _UP and w not in _DOWN
             and w not in _MONEY and w not in _ASKING and not w[:1].isdigit()}
    subject = _own_subject(sentence, change)
    if subject is None or not _in_time(ws, subject[1]) or _REVERSED.search(subject[0]):
        return None
    head, said = subject[2], {base_stem(w) for w in words(subject[0])}
    named = head in {base_stem(w) for w in ws} or (set(ws) & _MONEY and head in _SUMS)
    if not named or not covered(asked, said | {head}):
        return None  # "will there be more buses?" / "The interval between buses will rise …": the interval's
    if bound is None:
        return "Yes" if (new > old) == bool(up) else "No"
    limit = _value(bound.group("n"))
    if limit is None or not money and re.search(r"\d\s*(?:k|m|bn)\b", bound.group("n"), re.I) \
            or _period(_RATE.match(sentence, change.end()), sentence) != _period(_RATE.search(question), question):
        return None  # "over 20k" of a route in kilometres; "a year's membership" / "£38 a month": another period
    over = bound.group("way").lower() in ("more than", "over", "above")
    return None if new == limit else "Yes" if (new > limit) == over else "No"


def _own_subject(sentence: str, change: re.Match) -> tuple[str, str, str] | None:
    """(the change verb's subject, "past" or "future", the subject's head as a stem), or None when the verb has no
    subject of its own ("a bid to raise fees from …", "scrapped a rise in fees from …")."""
    doc = parse_fast(sentence)
    verb = next((t for t in doc if t.idx == change.start()), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    time = "future" if helpers & {"will", "'ll", "wo"} else "past" if helpers & {"was", "were", "has", "have", "had"} \
        or not helpers and (verb.lower_ in _PAST or verb.lower_.endswith("ed")) else ""
    # Its core: the head, the words before it ("adult membership fees") and what a preposition on it names ("hours at
    # Hensby", "the fee for a ten-metre berth"), not a clause on those ("the number of staff handling complaints").
    core = [t for t in subject.subtree if t.head.i == subject.i and t.dep_ in ("compound", "amod", "poss", "nmod")]
    for prep in (c for c in subject.children if c.dep_ == "prep"):
        core += [o for o in prep.children if o.dep_ == "pobj"]
        core += [t for o in prep.children if o.dep_ == "pobj" for t in o.children if t.dep_ in ("compound", "amod")]
    return " ".join(t.text for t in [subject, *core]), time, base_stem(subject.lower_)


def _in_time(ws: list[str], told: str) -> bool:
    """Is the change told in the time asked: "did / has / was" of one done, "will / is going to / are … -ing" of one
    to come?"""
    if ws[0] in ("did", "has", "have", "had", "was", "were"):
        return told == "past"
    return told == "future" and (ws[0] in ("will", "'ll") or ws[0] in ("is", "are") and any(
        w.endswith("ing") for w in ws[1:]) or "gonna" in ws)


def _period(rate: re.Match | None, text: str) -> str | None:
    """The period a figure is counted by: "£38 a month", "the annual fee" (a year); None when none is told."""
    if rate is not None:
        return rate.group(1).lower()
    return next((p for w, p in _PERIODS.items() if re.search(rf"\b{w}\b", text, re.I)), None)
