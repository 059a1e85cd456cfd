"""Whether the article says something at all: "Do we know what it will cost?" is answered No by a sentence
that says it has not been said ("... has not said how much it will cost"), and "Has he commented?" by one that
says he declined to ("... did not respond to requests for comment")."""
from __future__ import annotations

import calendar
import re

from lang.paraphrase import said_for
from lang.rules import AUXILIARIES, auxiliary, has_date
from lang.words import STOPWORDS, words
from qa.judgment.answer_kinds import CLOCK_SAID

from .clauses import base_stem, parse_fast

__all__ = ["asks_if_known", "doer_unsaid", "left_unsaid", "no_comment", "not_decided", "not_said", "undecided_deed"]


def asks_if_known(question: str) -> str | None:
    """What a "do we know …?" question asks to be known ("what the pill will cost"); None for any other question."""
    m = _KNOWN.match(question)
    return m.group("what") if m else None


_KNOWN = re.compile(r"^\s*(?:(?:do|does|did)\s+(?:we|you|they|anyone|anybody|the\s+(?:article|story|report))\s+"
                    r"(?:know|say|tell\s+us)|(?:is|was)\s+it\s+(?:known|said|clear))\s+(?P<what>(?:what|how|when|where|"
                    r"who|why|which|whether|if)\b.+)$", re.I)
""""Do we know what X will cost?", "Is it known when ...?": whether the article says it at all."""


def left_unsaid(what: str, sentence: str, strict: bool = False) -> bool:
    """Does the sentence say that what is asked has not been said ("... has not said how much the pill will
    cost", "it is not yet known when ...")? The question's words after its question word must mostly be there.
    `strict`: in the clause that says it is unsaid, opened by the same question word ("how many" for "how many",
    "whether" for a yes/no question): for a sentence the judge did not put first, which may leave something
    else unsaid ("Why are crews striking?" / "... declined to say how many managers would crew the ships")."""
    opener = _opener(what)
    asked = {base_stem(w) for w in words(what)[len(opener.split()):] if w not in STOPWORDS}  # not "much" of "how much"
    if not asked:
        return False
    ws = words(what)
    asks_who = ws[0] in ("who", "whom", "whose") or ws[0] in ("which", "what") and len(ws) > 1 and auxiliary(
        ws[1]) not in AUXILIARIES  # "which developer bid?", not "what did the buyer say?"
    if asks_who and any(3 * len(asked & {base_stem(w) for w in words(sentence)}) >= 2 * len(asked)
                        for _ in _UNNAMED.finditer(sentence)):
        return True  # "which developer bid for it?" / "... has not named the company"
    # The last word asked is what it is about ("what happens to the library *staff*"): it must be there, whatever
    # else is ("has not decided what will happen to the library's local history collection" leaves no staff unsaid).
    head = base_stem(next((w for w in reversed(words(what)) if w not in STOPWORDS), "")) if opener in (
        "what", "who") else ""
    for m in _UNSAID.finditer(sentence):
        # The clause left unsaid, to its first comma: not what the sentence goes on to say ("... whether it would
        # be cheaper than the injections, which cost about 5,400 pounds" leaves no cost unsaid).
        clause = re.split(r"[,;:]", sentence[m.end():], maxsplit=1)[0]
        said = {base_stem(w) for w in words(sentence[:m.end()] + clause)}
        if _opener(clause) in _WH_OPENERS and opener in _WH_OPENERS and _opener(clause) != opener:
            continue  # "why can't they reopen it?" is not left unsaid by "could not say when it would reopen"
        if _AMOUNT_OF.match(clause) and base_stem(words(clause)[-1]) not in asked:
            continue  # "the cost of the fees" leaves no cost of the bridge unsaid
        if opener == "when" and _dated(sentence[:m.start()]):
            continue  # "... would be reviewed at 10am on Wednesday but could not say when residents would be allowed home"
        found = sum(said_for(a, said) is not None for a in asked)  # "how many offers it got" / "had received"
        if (not strict or _opener(clause) == opener) and 3 * found >= 2 * len(asked) and (
                not head or head in said):
            return True
    return False


_WH_OPENERS = frozenset("why when where who what how".split())
_AMOUNTS = {**dict.fromkeys("value price cost amount sum size total".split(), "how much"), "number": "how many"}
"""An amount left unsaid by its noun ("did not disclose the value of its offer"), as "how much" leaves it."""
_AMOUNT_OF = re.compile(r"^\s*the\s+(?:%s)\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?[\w'’-]+\s*[.!?]?\s*$"
                        % "|".join(_AMOUNTS), re.I)
"""The amount of one thing, all the clause says ("the value of its offer."; not "the size of its offer had
changed", "the cost of the legal fees over the bridge")."""
_DAY = re.compile(r"\b(?:%s|today|tomorrow|tonight|next\s+(?:week|month|year))\b" % "|".join(calendar.day_name), re.I)


def _dated(text: str) -> bool:
    """Does the text say when: a year or a month, a day of the week, a time of day?"""
    return has_date(text) or _DAY.search(text) is not None or CLOCK_SAID.search(text) is not None


def _opener(text: str) -> str:
    """The question word a question or a clause opens with: "how many", "when", "whether" ("if" too)."""
    ws = words(text)[:2]
    if not ws:
        return ""
    if _AMOUNT_OF.match(text):  # "did not disclose the value of its offer": how much
        return _AMOUNTS[ws[1]]
    if ws[0] == "how" and len(ws) > 1 and ws[1] in ("many", "much", "long", "old", "far", "often", "soon"):
        return " ".join(ws)
    return {"if": "whether", "whom": "who", "which": "what"}.get(ws[0], ws[0])


# "Undecided" is not among them: it is said of people who have not made up their minds ("29 percent opposed it and
# the rest were undecided"), far more often than of a fact not yet made known.
_UNSAID = re.compile(r"\b(?:(?:has|have|had|did|does|do|would)\s*(?:also\s+|still\s+)?(?:not|n't)\s+(?:yet\s+)?"
                     r"(?:said|say|disclosed?|revealed?|announced?|confirmed?|specified|stated|given|made\s+public|"
                     r"(?:been\s+)?decided)|(?:is|are|was|were|remains?)"
                     r"\s+(?:not\s+(?:yet\s+)?|un)(?:known|clear|disclosed|confirmed)|(?:is|are|was|were|remains?)\s+not"
                     r"\s+(?:yet\s+)?decided|declined\s+to\s+(?:say|disclose|comment)|(?:would|could|can)\s*(?:not|n't)\s+(?:yet\s+)?say|cannot\s+(?:yet\s+)?say|(?:was|were|is|are)\s+(?:still\s+)?unable\s+to\s+say|no\s+(?:details|word|"
                     r"date|figure|price)\s+(?:was|were|has|have)\s+been\s+given)\b", re.I)


_UNNAMED = re.compile(r"\b(?:(?:has|have|had|did|does|do|would)\s*(?:not|n't)\s+(?:yet\s+)?(?:named?|identif(?:y|ied))|"
                      r"(?:declined|refused)\s+to\s+(?:name|identify)|(?:has|have|had)\s+not\s+been\s+"
                      r"(?:named|identified)|(?:was|were|is|are)\s+not\s+(?:named|identified))\b", re.I)
"""Who or which one it was, not made known: "has not named the company", "declined to identify the buyer"."""


def no_comment(question: str, sentence: str) -> bool:
    """Does the sentence say that who the question asks about has not commented ("Has the firm responded?" / "The
    firm declined to comment")? Who is asked must be named in the sentence (a word of the name at least), unless
    the question says "he", "it"."""
    m = _ASKS_COMMENT.match(question)
    if m is None or not _NO_COMMENT.search(sentence):
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    return not who or bool(set(who) & set(words(sentence)))  # "Peter Vasko" is "Vasko" there


_ASKS_COMMENT = re.compile(r"^\s*(?:has|have|had|did|does|do)\s+(?P<who>.+?)\s+(?:yet\s+)?(?:commented|comment|"
                           r"responded|respond|replied|reply|reacted|react|said\s+anything|say\s+anything|spoken|"
                           r"speak)\b", re.I)
_NO_COMMENT = re.compile(r"\b(?:declined|refused)\s+to\s+comment|\b(?:did|does|has|have|had)\s*(?:not|n't)\s+"
                         r"(?:yet\s+|immediately\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)\s+(?:to\s+)?"
                         r"(?:an?\s+|the\s+|several\s+|repeated\s+)?(?:requests?|calls?|messages?|emails?|questions?)"
                         r"|could\s+not\s+be\s+reached\s+for\s+comment|(?:was|were)\s+not\s+available\s+for\s+"
                         r"comment|\bno\s+comment\b", re.I)
""""Declined to comment", "did not respond to requests for comment", "could not be reached for comment"."""


def not_said(question: str, sentence: str) -> bool:
    """Does the sentence answer a question about a saying ("Has the company said it will refund passengers?")
    by saying it has not been said ("Westmoor has not said whether it will refund passengers")? Then the answer
    is No: what is asked is the saying, not the deed. Who is asked must be named there (a word of the name), or
    be "he", "it" or "the company", named before."""
    m = _ASKS_SAID.match(question)
    what = m.group("what") if m else ""
    # "Has X said whether ...?" or "Has X explained why ...?": the clause left unsaid opens with that word.
    if m is None or not left_unsaid(what if _WH_CLAUSE.match(what) else "whether " + what, sentence, strict=True):
        return False
    who = [w for w in words(m.group("who")) if w not in STOPWORDS]
    return not who or m.group("who").lower().startswith("the ") or bool(set(who) & set(words(sentence)))


_ASKS_SAID = re.compile(r"^\s*(?:has|have|had|did|does|do)\s+(?P<who>.+?)\s+(?:yet\s+)?(?:said|say|announced?|"
                        r"confirmed?|disclosed?|revealed?|stated?|promised?|committed\s+to|explained|explain)\s+"
                        r"(?:that\s+|if\s+|whether\s+)?(?P<what>\S.+)$", re.I)
_WH_CLAUSE = re.compile(r"(?:why|how|what|when|where|who|which)\b", re.I)
""""Has X said (that) it will ...?", "Did X confirm whether ...?": a question about a saying."""


def doer_unsaid(question: str, sentence: str) -> bool:
    """Does the sentence tell the deed a "who did it?" question asks about only in the passive, with no one doing
    it ("Who cut the padlock?" / "... found that a padlock on the gate had been cut")? It then says the deed was
    done, not who did it."""
    m = _WHO_DID.match(question)
    if m is None:
        return False
    deed, asked = base_stem(m.group("verb")), {base_stem(w) for w in words(m.group("rest")) if w not in STOPWORDS}
    done = [t for t in parse_fast(sentence) if base_stem(t.text) == deed]
    passive = [t for t in done if any(c.dep_ == "auxpass" for c in t.children)]
    return bool(passive) and len(passive) == len(done) and all(
        not any(c.dep_ == "agent" for c in t.children) and any(
            c.dep_ == "nsubjpass" and asked & {base_stem(u.text) for u in c.subtree} for c in t.children)
        for t in passive)


_WHO_DID = re.compile(r"^\s*who\s+(?!(?:is|was|are|were|has|have|had|did|does|do|will|would|could|can|may|might|"
                      r"should|must|be|been|said|says|told|tells)\b)(?P<verb>[a-z]+)\s+(?P<rest>[^?]+)", re.I)
""""Who cut the padlock?", "Who started the fire?": the doer of a deed (not "who is", "who said")."""


def not_decided(question: str, sentence: str) -> bool:
    """Does the sentence say that what the question asks has been decided is not decided yet ("Has the airport
    decided how many jobs will go?" / "How many jobs are at risk has not yet been decided"; "Has the inspector
    made her decision?" / "Her decision is not expected before the spring")? Who decides or what is decided must
    be named in the sentence (who decides, or most of what is decided when no one is said to decide), or be "he",
    "she", "her", named before: "The council has not decided ..." does not answer "have the shopkeepers decided
    ...?"."""
    m = _ASKS_DECIDED.match(question)
    found = _UNDECIDED.search(sentence)
    if m is None or found is None:
        return False
    said = {base_stem(w) for w in words(sentence)}
    who = {base_stem(w) for w in words(m.group("who")) if w not in STOPWORDS}
    what = {base_stem(w) for w in words(m.group("what")) if w not in STOPWORDS}
    if who & said:
        return True
    if _NO_DECIDER.search(found.group(0)):  # "How many jobs are at risk has not yet been decided": of the thing asked
        return bool(what) and 2 * len(what & said) >= len(what)
    # "She has not decided ...", "Her decision is not expected ...": whom the question names, named before.
    return re.search(r"\b(?:he|she|they|it|his|her|their|its)\s*$", sentence[:found.start()], re.I) is not None


def undecided_deed(question: str, sentence: str) -> bool:
    """Does the sentence say that who the question asks about has not decided whether to do what it asks was done
    ("Has the council asked Larchmont for more time?" / "The council has not decided whether it will ask
    Larchmont to extend the deadline")? Not decided whether to do it, it has not been done. Only of a deed done
    by now (has, did): "will they ask?" stays open."""
    ws = words(question)
    found = _UNDECIDED_WHETHER.search(sentence)
    if len(ws) < 3 or ws[0] not in _DONE_BY_NOW or found is None:
        return False
    verb = next((i for i, w in enumerate(ws) if i > 1 and base_stem(w) == base_stem(found.group("verb"))), None)
    who = {base_stem(w) for w in ws[1:verb] if w not in STOPWORDS} if verb is not None else set()
    return bool(who) and who <= {base_stem(w) for w in words(sentence[:found.start()])}


_DONE_BY_NOW = frozenset({"has", "have", "had", "did"})
_UNDECIDED_WHETHER = re.compile(r"\bnot\s+(?:yet\s+)?decided\s+whether\s+(?:or\s+not\s+)?(?:to\s+|(?:it|he|she|they)\s+"
                                r"(?:will|would|should)\s+)(?P<verb>[a-z]+)\b", re.I)
_ASKS_DECIDED = re.compile(r"^\s*(?:has|have|had|did|does|do)\s+(?P<who>.+?)\s+(?:already\s+|yet\s+|now\s+|actually\s+)?"
                           r"(?:decided?|made\s+(?:a|an|any|its|their|his|her|the)\s+(?:final\s+)?decision|chosen|"
                           r"choose|settled|agreed)\b(?P<what>.*)$", re.I)
_UNDECIDED = re.compile(r"\b(?:(?:has|have|had|is|are|was|were)\s*(?:not|n't)\s+(?:yet\s+)?(?:been\s+)?(?:decided|"
                        r"agreed|settled|chosen|made\s+(?:a|its|their|his|her|any)\s+(?:final\s+)?decision)|no\s+"
                        r"(?:final\s+)?decision\s+(?:has|had|have)\s+(?:yet\s+)?been\s+(?:made|taken)|(?:is|are|was|"
                        r"were)\s+yet\s+to\s+(?:decide|be\s+decided|make\s+(?:a|its|their|his|her)\s+decision)|"
                        r"undecided|decision\s+is\s+not\s+expected|not\s+expected\s+to\s+(?:decide|rule)|(?:would|will)\s+"
                        r"consider|(?:is|are|was|were)\s+considering|not\s+(?:yet\s+)?said\s+when\s+(?:it|he|she|they)\s+"
                        r"(?:will|would)\s+decide)\b", re.I)
""""Has not yet been decided", "had not decided whether", "no decision has been made", "is yet to decide", "would
consider the request" (so has not agreed to it)."""
_NO_DECIDER = re.compile(r"been\s+decided|no\s+(?:final\s+)?decision|to\s+be\s+decided", re.I)
