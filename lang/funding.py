"""A question of who pays for something ("who's paying for the barrier?", "where did the money come from?", "how
will the extension be funded?") and the sentences that tell it: an amount of money with a word of paying or
funding ("will contribute £29 million", "a £50,000 grant", "a ten-year levy on businesses", "will be raised through
a public appeal"). What something costs is not who pays for it."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ASIDE = r"(?:(?:apart|aside)\s+from|besides|other\s+than)\s+(?P<aside>[^,?]+?),?\s+"
_ASKS = re.compile(
    rf"^\s*(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:{_ASIDE})?(?:"
    r"who(?:'s|’s|s|\s+is|\s+are|\s+will\s+be)\s+(?:paying|going\s+to\s+pay|funding|financing|footing\s+the\s+bill)"
    r"(?:\s+for)?(?P<x>[^?]*?)"
    r"|who\s+(?:pays|paid|will\s+pay|funds|funded|will\s+fund|is\s+going\s+to\s+fund)(?!\s+back\b)(?:\s+for)?"
    r"(?P<x2>[^?]*?)"
    r"|where\s+(?:is|does|did|will|has)\s+(?:all\s+)?(?:the\s+)?(?:money|funding|cash)(?:\s+for\s+(?P<x3>[^?]+?))?\s+"
    r"(?:come|coming|came)\s+from(?P<x4>[^?]*?)"
    r"|how\s+(?:is|was|will|are|were)\s+(?P<x5>[^?]+?)\s+(?:be(?:ing)?\s+)?(?:paid\s+for|funded|financed)"
    r")\s*[?.!]*\s*$", re.I)

_FUNDS = re.compile(
    r"\b(?:pay(?:s|ing)?|paid|contribut\w*|fund(?:s|ed|ing)?|grants?|loans?|levy|levies|donat\w*|subsid\w*|"
    r"financ\w*|sponsor\w*|put\s+in|chip\s+in|raised?|raising|appeal|budget|covered?|covering|bankroll\w*|"
    r"pledg\w*|commit(?:s|ted|ting)|award\w*|collect\w*|go(?:es)?\s+towards|will\s+come\s+from|came\s+from|"
    r"comes?\s+from)\b", re.I)
"""Words of paying or funding something."""


@dataclass(frozen=True)
class FundingAsked:
    thing: str
    """What is paid for, as asked ("the flood barrier"; "" when the question does not say)."""
    aside: str = ""
    """What the question sets aside ("apart from the shares"): not part of the answer."""


def asks_funding(question: str) -> FundingAsked | None:
    """Who pays for what, asked; None for any other question."""
    m = _ASKS.match(" ".join(question.split()))
    if m is None:
        return None
    thing = next((g for g in (m.group(k) for k in ("x", "x2", "x3", "x4", "x5")) if g and g.strip()), "")
    return FundingAsked(thing.strip(" ?.!"), (m.group("aside") or "").strip())


def tells_funding(sentence: str) -> bool:
    """Does the sentence say who pays (a word of paying or funding) for something (not only what it costs)?"""
    return _FUNDS.search(sentence) is not None
