"""A yes/no question and its sentence put in words the claim check reads alike: "Can students finish?" asks what
"students will be allowed to finish" says; "Do shareholders get interest?" asks of the arrangement that
"shareholders will not receive any interest" denies (but "the plant will open" does not say it is open now)."""
from __future__ import annotations

import re

from lang.words import words

__all__ = ["rephrased"]


def rephrased(question: str, sentence: str) -> list[tuple[str, str, str | None]]:
    """(question, sentence, the only verdict it may give or None for any) to read when the words as written give
    none."""
    found = []
    present = _PRESENT.match(question)
    if present:
        found.append((f"will {question[present.end():]}", sentence, "No"))
    allowed = _ALLOWED.sub(_can, sentence)
    if _CAN.match(question) and allowed != sentence:
        found.append((question, allowed, None))
    paid = sentence if _NOT_KEPT.search(sentence) else _ON_PAY.sub(r" and is still paid", _KEPT_ON_PAY.sub(
        "is still paid", sentence))  # not "will not remain on full pay"
    if _PAID.search(question) and paid != sentence:  # "is he still getting paid?" / "suspended on full pay"
        found.append((_PAID.sub("still paid", question), paid, "Yes"))
    going = _PROGRESSIVE.match(question)
    ahead = question
    if going and not (going.group("verb").lower() == "going" and re.match(r"\s+to\b", question[going.end():])):
        # "is the airport closing?", "is the market going ahead?": will it close, will it go ahead?
        ahead = f"will {question[going.end('aux'):].strip()}"
        found.append((ahead, _REPORTED.sub(r"\1will", sentence), None))  # "said it would not close": will not
    kept = _STAYS.sub(lambda m: "not close" if m.group(2).lower() == "open" else "not open", sentence)
    if kept != sentence:  # "is the airport closing?" / "the airport would stay open": it will not close
        found.append((ahead, _REPORTED.sub(r"\1will", kept), "No"))
    state = _STATE_ASKED.match(question)
    if state and (still := _STAYS_ON.search(sentence)) and not _UNTIL.match(sentence, still.end()) \
            and _kept_whole(state, sentence, still):
        # "will stay open": is open; "will stay closed": is not open (not "stayed open until 1985", gone by)
        found.append((re.sub(r"\bstill\s+", "", question), _STAYS_ON.sub(r"is \2", sentence), None))
    if _STILL.search(question) and _GOES_ON.search(sentence) and not _NO_LONGER.search(sentence):
        # "does it still supply …?" / "would continue to supply" (not "will no longer continue to")
        asked = _STILL.sub("", question)
        asked = f"will {asked[present.end():]}" if present else asked
        found.append((asked, _REPORTED.sub(r"\1will", _GOES_ON.sub("", sentence)), None))
    if _AHEAD.search(question) and _CALLED_OFF.search(sentence) and not _ON_AGAIN.search(sentence):
        # "is the gala going ahead?" / "has now been cancelled" (not "last year's was cancelled", "rescheduled")
        found.append((_AHEAD.sub("go ahead", re.sub(r"^\s*(?:is|are)\b", "will", question, flags=re.I)),
                      _CALLED_OFF.sub("will not go ahead", sentence), "No"))
    off = _CANCELLED_IT.search(sentence) if _AHEAD.search(question) and not _ON_AGAIN.search(sentence) \
        and not _UNSURE_OFF.search(sentence) and not _UNSURE_OFF.search(question) else None
    if off is None and (_AHEAD.search(question) or _STILL_ON.search(question)) and (put := _PUT_OFF.search(sentence)) and not _UNSURE_OFF.search(
            question) and not _UNSURE_OFF.search(sentence[:put.start()]) and put.group("day").lower() in words(
            question) and words(put.group("what"))[-1] in words(question):
        off = None if _SAME_DAY.search(sentence[put.end():]) or _UNDONE.search(sentence[put.end():]) or _ON_AGAIN.search(
            sentence[put.end():]) or re.search(r"\bstill\b", sentence[put.end():], re.I) else put  # "is the match on saturday still on?" /
        # "has postponed Saturday's home match": that day's is off (not put off "until the afternoon")
    if off and (off.re is _PUT_OFF or set(words(off.group("what"))) <= set(words(question))):
        # "is the summer competition going ahead?" / "The club has cancelled its summer competition": No (not "the
        # winter competition", nor "the parade" of "cancelled the parade's after-party")
        found.append((_AHEAD.sub("go ahead", _STILL_ON.sub("go ahead", re.sub(r"^\s*(?:is|are)\b", "will", question,
                                                                                flags=re.I))),
                      f"The {off.group('what')} will not go ahead.", "No"))
    plain = _IDIOM.sub(lambda m: _IDIOMS[m.group(0).lower()], question)
    if plain != question and all(re.search(rf"\b{w}\b", sentence, re.I) for w in set(words(plain)) - set(words(
            question))):  # "was it started on purpose?" / "was started deliberately" (its opposite is not read)
        found.append((plain, sentence, None))
    offered = _GIVE.sub(lambda m: _OFFER[m.group(0).lower()], question)
    if offered != question and not _LATER.search(sentence):  # "is Velora giving refunds?" / "is not offering refunds":
        # No (an offer made is not a gift; "not offered … but later received them" is no No)
        found.append((offered, sentence, "No"))
    if _CARRY_ON.search(question) and (on := _GOES_ON_AS_IS.search(sentence)) and set(words(re.split(
            r"[,;:]", sentence[:on.start()])[0])) - _SMALL <= set(words(question)):  # "will the youth theatre carry on?" /
        found.append((_CARRY_ON.sub("continue", question), sentence, None))  # "… will continue."
    fine = _FINE_WITH.match(question)
    if fine and not _ANOTHER_ONE.search(sentence):  # not "the original plan" for "the new homes"  # "is the union ok with compulsory redundancies?" / "would oppose them": No (backing is no contentment)
        found += [(f"{_DOES[fine.group('aux').lower()]} {fine.group('who')} support {fine.group('what')}", sentence,
                   "No"), (f"will {fine.group('who')} support {fine.group('what')}", sentence, "No")]
    through = _VOTED_THROUGH.sub(lambda m: f"approve {m.group(1) or m.group(2)}", question)
    if through != question:  # "did the council vote the cycle lane through?": did it approve the lane?
        found.append((through, sentence, None))
    # A trailing clause about a noun ("…, that will remove 64 parking spaces") says nothing of the main claim; the
    # small parser may take the main verb for its object.
    trimmed = _TRAILING_CLAUSE.sub(".", sentence)
    if trimmed != sentence:
        found += [(asked, trimmed, None) for asked in dict.fromkeys([question, through])]
    again = _NOT_FIRST.search(sentence)
    if again and _BEFORE.search(question) and re.match(r"\s*(?:has|have|had|did)\b", question, re.I):  # "has it tried this before?" / "This is not the first time it has tried"
        found.append((question, f"{again.group('rest').rstrip(' .')} before.", "Yes"))
    got = _GOT.match(question)
    if got and (got.group("state").lower() in _STATES or got.group("state").lower().endswith(("ed", "en"))):
        be = _BE_FOR[got.group("aux").lower()]  # "did any swimmers get ill?": were any swimmers ill?
        found.append((f"{be} {got.group('subject')} {got.group('state')}{got.group('rest')}", sentence, None))
    return found


_OFFER = {"give": "offer", "gives": "offers", "giving": "offering", "gave": "offered", "given": "offered"}
_GIVE = re.compile(r"\b(?:%s)\b" % "|".join(_OFFER), re.I)
_IDIOMS = {"on purpose": "deliberately", "by accident": "accidentally", "by mistake": "mistakenly"}
_IDIOM = re.compile(r"\b(?:%s)\b" % "|".join(_IDIOMS), re.I)
_CARRY_ON = re.compile(r"\bcarry\s+on\b", re.I)
_GOES_ON_AS_IS = re.compile(r"\b(?:will|would)\s+(?:still\s+)?continue(?:\s+as\s+(?:normal|usual|before))?\s*[.!]?\s*$",
                            re.I)
"""Going on, with nothing after it to limit it ("The youth theatre will continue."; not "will continue to pay rent until
the lease ends", "will continue only if a sponsor is found")."""
_LATER = re.compile(r"\b(?:but|until|later|instead|however|although)\b", re.I)
_ANOTHER_ONE = re.compile(r"\b(?:original|previous|earlier|old|first|former|rival|different)\s+(?:[\w'’-]+\s+){0,2}?"
                          r"(?:plans?|schemes?|proposals?|deals?|offers?|versions?|bids?)\b", re.I)
_SMALL = frozenset("the a an its their his her which who has have of".split())
_FINE_WITH = re.compile(r"^\s*(?P<aux>is|are|was|were)\s+(?P<who>.+?)\s+(?:ok|okay|fine|happy|on\s+board)\s+with\s+"
                        r"(?P<what>.+?)\s*[?.!]*\s*$", re.I)
"""Content with a plan: "is the union ok with the cuts?" asks whether it supports them."""
_DOES = {"is": "does", "are": "do", "was": "did", "were": "did"}
_PROGRESSIVE = re.compile(r"^\s*(?P<aux>is|are)\s+(?:(?!(?:the|a|an|this|that|its|their)\s)[\w'’-]+\s+){0,4}?"
                          r"(?:(?:the|a|an|this|that|its|their)\s+[\w'’-]+\s+(?:[\w'’-]+\s+){0,2}?)?"
                          r"(?:actually\s+|really\s+|still\s+)?(?P<verb>[a-z]+ing)\b", re.I)
"""A plan asked in the present ("Is the airport closing?", "Are they cutting jobs?"): what will be done."""
_STAYS = re.compile(r"\b(stay|stays|stayed|staying|remain|remains|remained|remaining)\s+(open|closed|shut)\b"
                     r"(?!\s+(?:until|till)\b)", re.I)
"""A state kept ("would stay open"), not one kept only until something ("will stay open until March": then it closes)."""
"""Kept open is not closed; kept shut is not opened."""
_STATE_ASKED = re.compile(r"^\s*(?:is|are)\b.*?\b(?:still\s+)?(?P<state>open|closed|shut)(?:\s+again)?\s*[?.!]*\s*$",
                          re.I)
_STAYS_ON = re.compile(r"\b((?:will|would)\s+(?:stay|remain)|stays|remains)\s+(open|closed|shut)\b", re.I)
"""Kept open, now and on: "will stay open", "remains closed" say it is so now (not "stayed open", gone by)."""
_UNTIL = re.compile(r"[^.;]*?\buntil\b(?!\s+further\s+notice)", re.I)
_KEPT_TAIL = re.compile(r"\s*(?:$|[.,;:!?]|for\s+(?:the\s+rest|now|the\s+time\s+being|the\s+foreseeable|(?:at\s+least\s+)?"
                        r"(?:another\s+)?(?:a|an|one|two|three|four|five|six|several|\d+)\s)|while\b|as\b)", re.I)
"""What may follow "will stay closed" and leave the whole of it closed (not "closed to lorries", "on Sundays")."""
_NOT_SETTLED = re.compile(r"\b(?:if|unless|whether|fears?|feared|denied|denies|could|may|might)\b", re.I)


def _kept_whole(state: re.Match, sentence: str, still: re.Match) -> bool:
    """Is what the sentence keeps open or shut the thing asked about ("is the pier open?" / "the town's pier will
    stay closed"; not "the school's pool"), all of it and for certain?"""
    asked = [w for w in re.findall(r"[\w'’-]+", state.string[:state.start("state")].lower())[1:]
             if w not in ("still", "again", "yet")]
    clause = re.split(r"[,;:]|\b(?:and|but|that)\b", sentence[:still.start()])[-1]
    kept = [w for w in re.findall(r"[\w'’-]+", clause.lower()) if w not in ("the", "its", "their")]
    # Every word of it asked: "the pier", not "the car park at Towan Park", "one lane of the coast road".
    return bool(asked and kept) and kept[-1] == asked[-1] and set(kept) <= set(asked) \
        and _KEPT_TAIL.match(sentence, still.end()) is not None and not _NOT_SETTLED.search(sentence)


_STILL = re.compile(r"\bstill\s+", re.I)
_GOES_ON = re.compile(r"\b(?:continue|continues|continuing)\s+to\s+(?=[a-z])", re.I)
"""Going on doing it is still doing it ("would continue to supply the blazer": still supplies it); not "continued to
fund it until 2019", gone by."""
_NO_LONGER = re.compile(r"\bno\s+longer\b", re.I)
_ON_AGAIN = re.compile(r"\b(?:rescheduled|postponed|moved|back\s+on|return(?:s|ed)?|last\s+year|(?:19|20)\d\d|reinstat\w*|"
                       r"restored|revived|new\s+(?:venue|date|sponsor)|go\s+ahead\s+after\s+all)\b", re.I)
"""Called off once, but on again, or another year's."""
_NOT_KEPT = re.compile(r"\bnot\s+(?:remain|stay)", re.I)
_AHEAD = re.compile(r"\b(?:going\s+ahead|go\s+ahead|happening|taking\s+place)\b", re.I)
_STILL_ON = re.compile(r"\bstill\s+on(?=\s*[?.!]*\s*$)", re.I)
_CALLED_OFF = re.compile(r"\b(?:has|have)\s+(?:now\s+)?been\s+(?:cancelled|canceled|called\s+off|scrapped|axed)\b|"
                         r"\b(?:is|are)\s+(?:now\s+)?(?:cancelled|canceled|called\s+off|scrapped|axed)\b", re.I)
"""Called off: it will not go ahead."""
_UNDONE = re.compile(r"\b(?:but|before|until|however|later|then|although|though)\b", re.I)
"""What a day's event put off was followed by: it may be on again."""
_CANCELLED_IT = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?(?:cancelled|canceled|called\s+off|scrapped|axed)\s+"
                           r"(?:its|their|the)\s+"
                           r"(?P<what>[a-z][\w'’ -]*?)(?=\s+(?:for|because|after|due|as|amid|over|against|with)\s|[,.;]|$)", re.I)
"""Called off by whoever holds it ("The club has cancelled its summer competition for a second year")."""
_PUT_OFF = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?(?:postponed|put\s+off|called\s+off|cancelled|canceled)\s+"
                      r"(?P<day>[a-z]+day)['’]s\s+(?P<what>[a-z][\w'’ -]*?)(?=\s+(?:for|because|after|due|as|amid|over|"
                      r"against|with|until)\s|[,.;]|$)", re.I)
"""A day's event put off: on again later, perhaps, but not on that day."""
_SAME_DAY = re.compile(r"\buntil\s+(?:the\s+|later\s+)?(?:morning|afternoon|evening|night|later)|\blater\s+that\s+day\b|"
                       r"\bby\s+(?:an|one|two|three|\d+|half\s+an)\s+(?:hours?|minutes?)\b", re.I)
_UNSURE_OFF = re.compile(r"\b(?:not|n['’]t|never|no|if|whether|unless|claim\w*|insist\w*|den(?:y|ies|ied)|rumou?r\w*|"
                         r"instead|next\s+year|this\s+year|for\s+now|postpone\w*|delay\w*|true|posts?|reports?)\b", re.I)
"""Called off only perhaps, said to be, or for now ("insisted it has not cancelled", "if the society has cancelled",
"for this year, but … next year")."""
_REPORTED = re.compile(r"(\bsaid\b[^.;]*?\b)would\b", re.I)
"""Reported speech says "would" for the "will" that was said ("Lamont said the airport would stay open")."""
_VOTED_THROUGH = re.compile(r"\bvote[ds]?\s+(?:through\s+(.+?)|(.+?)\s+through)(?=\s*[?.!]*\s*$)", re.I)
"""Voted through is approved."""
_GOT = re.compile(r"^\s*(?P<aux>did|do|does|will|has|have)\s+(?P<subject>.+?)\s+(?:get|got|gotten|become|fall|fallen)\s+"
                  r"(?P<state>[a-z]+)\b(?P<rest>.*)$", re.I)
"""Getting into a state is being in it after: "did anyone get hurt?" asks whether anyone was hurt."""
_STATES = frozenset("ill sick hurt lost stuck wet angry upset better worse".split())
_BE_FOR = {"did": "were", "do": "are", "does": "is", "will": "will be", "has": "has been", "have": "have been"}
_NOT_FIRST = re.compile(r"\b(?:is|was)\s+not\s+the\s+first\s+time\s+(?:that\s+)?(?P<rest>[^;]+)", re.I)
"""Not the first time it has happened: it happened before."""
_BEFORE = re.compile(r"\b(?:before|previously|ever|again|already)\b", re.I)
_PRESENT = re.compile(r"^\s*(?:do|does)\s+(?!not\b|n't\b)", re.I)
_CAN = re.compile(r"^\s*(?:can|could)\b", re.I)
_ALLOWED = re.compile(r"\b(?:(?:will|would|shall)\s+(?P<neg>not\s+)?be|(?:is|are|was|were)(?P<neg2>\s+not)?)\s+"
                      r"(?:still\s+)?(?:allowed|permitted|able)\s+to\b|\b(?:has|have|had)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+"
                      r"(?:days|weeks|months)\s+to\b", re.I)
"""Allowed or able to do it, which "can" asks: "will be allowed to finish", "are not permitted to", "have 21 days
to appeal"."""
_ON_PAY = re.compile(r"\s*\bon\s+(?:full|normal)\s+pay\b", re.I)
"""Kept on full pay: still paid."""
_KEPT_ON_PAY = re.compile(r"\b(?:(?:will|would)\s+)?(?:remain|remains|remained|stay|stays|stayed)\s+on\s+(?:full|normal)\s+"
                          r"pay\b", re.I)
"""Remaining on full pay is being paid still ("would remain on full pay")."""
_PAID = re.compile(r"\b(still\s+)?(?:getting|being)\s+paid\b", re.I)


def _can(m: re.Match) -> str:
    return "cannot" if m.group("neg") or m.group("neg2") else "can"
_TRAILING_CLAUSE = re.compile(r",\s+(?:that|which|who)\s+[^;]+$", re.I)
"""A clause about a noun at a sentence's end, after a comma."""
