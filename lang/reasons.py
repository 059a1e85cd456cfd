"""What gives a reason, in the wider sense an answer to "why" may show ("because", "thanks to", "to find out how",
a dispute "over" pay, what a decision "followed"), and what only sets a time ("due to close in March"). The judge's
own signal is the narrower `lang.rules.gives_reason`."""
from __future__ import annotations

import re

from .rules import REASON
from .words import terms

__all__ = ["after_deed", "dispute_over", "dispute_words", "explains", "made_so", "reason_for"]


_DISPUTES = (r"\b(?:strikes?|striking|struck|dispute|disputes|row|rows|protests?|protested|protesting|walkouts?|"
             r"walked\s+out|resigns?|resigned|quit|quits|collapsed|broke\s+down|clash(?:ed|es)?|sued|suing|anger|"
             r"angered|outrage|criticism|criticised|criticized|fired|sacked|ousted)")
_DISPUTE_OVER = (_DISPUTES + r"\s+(?:[\w'’-]+\s+){0,3}?over\s+"
                 r"(?!\d|(?:the\s+)?(?:past|last|next|weekend|years?|months?|weeks?|days?)\b)")
"""What a dispute was over is its cause ("talks collapsed over staffing levels", "resigned over expenses"); not a
time or a number ("strikes over the past year", "protests over 200 days")."""
_FOLLOWED = (r"\b(?:followed|follows|following|came\s+after)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
             r"(?:advice|warnings?|complaints?|concerns?|reviews?|reports?|findings?|investigations?|inquiry|inquiries|"
             r"requests?|calls?|pressure|criticism|claims?|surveys?|assessments?|recommendations?)\b")
"""What a decision followed is what it was made on ("the cut followed advice from ..."): a stated reason."""
_MADE_SO = (r"\b(?:made|make|makes|making|rendered|left)\s+(?:(?:the|its|their|this|that)\s+(?P<thing>[\w'’-]+)|it|them)\s+"
            r"(?:uneconomic(?:al)?|unviable|unprofitable|unsustainable|unaffordable|unsafe|unworkable|impossible|"
            r"necessary|inevitable)\b")
"""What left a thing in a state that forced the deed is its cause ("rising costs had made the plant uneconomic")."""
_NEEDED = (r"\b(?:increase|rise|cut|cuts|change|changes|move|decision|closure|charges?|measures?|money|funding|investment|"
           r"sale|works?)\s+(?:is|are|was|were)\s+(?:needed|required|necessary)\s+to\s+(?!be\b)")
"""What a deed is needed for ("the increase is needed to close a gap"); not what anyone must do ("a permit is needed
to cross on foot")."""
_EXPLAINS = re.compile(_MADE_SO + r"|\b(?:thanks to|led to|leads to|caused|causes|because of|resulted in|so that|in order to|"
                       r"blaming|in an effort to|in (?:a )?bid to|to find out|in protest (?:at|against|over)|aimed at|"
                       r"meant to|designed to|would (?:allow|let|give)|will (?:allow|let|give)|the opportunity to|"
                       r"after (?:a|an|the)\b|(?:is|are|was|were|be|been|proved|seemed)\s+(?:far\s+|much\s+|simply\s+|just\s+)?too\s+(?!many\b|much\b|few\b|long\b|soon\b)[a-z]+\s+to\s+[a-z]+)|" + _DISPUTE_OVER + "|" + _FOLLOWED
                       + "|" + _NEEDED, re.I)


_FORWARD = re.compile(r"\b(?:led to|leads to|caused|causes|resulted in)\b", re.I)


def reason_for(text: str, asked: set[str]) -> bool:
    """explains(by_time=False), a cause told forward counting only for what follows it: "the stadium hosted a
    concert that led to 57 complaints" explains the complaints, not why the stadium holds concerts."""
    if explains(_FORWARD.sub(" ", text), by_time=False):
        return True
    m = _FORWARD.search(text)
    return m is not None and bool(asked & set(terms(re.split(r"[,;.]", text[m.end():], maxsplit=1)[0])))


def made_so(text: str) -> str:
    """The thing a cause left unworkable ("… had made the plant uneconomic": "plant"), '' when none: the reason
    for what was done to it, however the deed is named."""
    m = re.search(_MADE_SO, text, re.I)
    return (m.group("thing") or "") if m else ""


def dispute_words(question: str) -> set[str]:
    """The words of a question that name a dispute ("why are the pilots *striking*?"): a sentence that says what a
    dispute was over ("began a walkout over pay") gives the reason for it, in whatever words it names it."""
    return {m.group(0).lower() for m in re.finditer(_DISPUTES + r"\b", question, re.I)}


def dispute_over(text: str) -> bool:
    """Does the sentence say what a dispute was over ("talks collapsed over staffing levels")?"""
    return re.search(_DISPUTE_OVER, text, re.I) is not None


def explains(text: str, asked: frozenset[str] | set[str] = frozenset(), by_time: bool = True) -> bool:
    """Does the sentence give a reason, a cause or a purpose, in the wider sense an answer to "why" may show
    ("thanks to Turkish support", "to find out how", "it will get the opportunity to")? The judge's signals keep
    the narrower `gives_reason`.

    With `asked` (the question's terms), a purpose that only restates what was asked does not count: "Why does
    the city want a new bridge?" is not explained by "The city aims to build a bridge" (the words after "aims to"
    are the question's own), while "The council aims to reduce traffic" explains why it closed a road.

    `by_time` False: "after an inquiry found ..." (what came before it, a weaker answer than a stated reason) does
    not count."""
    found = [m for pattern in (REASON, _EXPLAINS) for m in pattern.finditer(text)
             if (by_time or not m.group(0).lower().startswith("after")) and not _SCHEDULED.match(text, m.start())]
    if not asked:
        return bool(found)
    return any(not (_INTENT.fullmatch(m.group(0)) and set(terms(" ".join(text[m.end():].split()[:4]))) & asked)
               and not (m.group(0).lower().startswith("after") and _restates(text[m.end():], asked)) for m in found)


_SCHEDULED = re.compile(r"due\s+to\s+(?:be|close|open|reopen|start|begin|end|finish|take|arrive|leave|return|"
                        r"report|meet|decide|resume|run|launch|sit|hear|vote|complete|expire|retire|stand|go|come)\b",
                        re.I)
""""Due to close in March" sets a date; "due to rising costs" gives a reason."""


def _restates(clause: str, asked: frozenset[str] | set[str]) -> bool:
    """Does what comes "after" say what was asked ("why did the main burst?" / "... without water since Saturday,
    after a trunk main burst"): then the sentence gives it as the cause of something else, not its reason."""
    said = set(terms(re.split(r"[,;.]", clause, maxsplit=1)[0]))
    return len(said & asked) >= min(2, len(asked))


def after_deed(text: str) -> bool:
    """Does the sentence say what was done, or found, before it that brought it about ("disqualified after arbiters
    found a phone", "recalled after tests found listeria"), not only when ("resigned after the vote on Monday")?"""
    return _AFTER_DEED.search(text) is not None


_AFTER_DEED = re.compile(r"\bafter\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,5}?(?:found|discovered|revealed|showed|failed|"
                         r"refused|admitted|tested|confirmed|ruled|rejected|left|caused|missed|broke)\b"
                         r"|\bafter\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:widened|worsened|deepened|spread|"
                         r"collapsed|escalated|deteriorated|cracked|burst|flooded|leaked|stalled|broke\s+down)"
                         r"(?=\s*(?:[,.;]|$))", re.I)
"""What came before as a deed that brought it about ("disqualified after arbiters found a phone", "recalled after
tests found listeria", a thing that gave way or grew worse: "closed the road after the cracks widened"), not a time
("resigned after the vote on Monday", "promoted after the season ended")."""
_INTENT = re.compile(r"aims?\s+to|aimed\s+at", re.I)
"""A purpose that is only an intent: it explains nothing when what follows it is what the question asks."""
