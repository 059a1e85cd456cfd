"""The English rules the answer step reads questions and sentences by, each written once: question words,
auxiliaries (and their contractions), modals, negation, years and dates, and whether a name occurs in a text."""
from __future__ import annotations

import re
from functools import lru_cache

from .words import MONTHS, QUESTION_WORDS, is_number, stem, terms, words

__all__ = ["AUXILIARIES", "CONDITIONALS", "MODALS", "NEGATIONS", "PRONOUNS", "QUESTION_WORDS", "YEAR", "auxiliary",
           "has_date", "is_negation", "is_reporting", "is_yes_no", "name_in", "negated", "negates", "question_word",
           "text_keys", "wants_phrase"]

AUXILIARIES = frozenset("""is are was were am be been do does did have has had will would can could should may might
must shall""".split())
"""The verbs a yes/no question starts with ("Did ...?", "Is ...?")."""
NEGATIONS = frozenset("not no never nor neither none nobody nothing nowhere without n't".split())
MODALS = frozenset("can could may might must shall should will would".split())
"""The auxiliaries that make a claim possible, wanted or future rather than stated ("the city may build a bridge")."""
INDEFINITES = frozenset("any anyone anybody anything anywhere ever someone somebody something".split())
"""Words a yes/no question asks with that name nothing the sentence must repeat: "Has anyone died?" is answered
by "no one has died", "Did anybody see it?" by "Nobody saw it"."""
CONDITIONALS = frozenset("if unless whether lest".split())
"""The words that open a clause whose claim is supposed, not stated ("if she opens the bridge")."""
PRONOUNS = frozenset("i you he she it we they one this that these those who which".split())
"""Subjects that point at a name said elsewhere ("Weber visited Oslo, although he ...")."""
# "not only X" adds to X instead of denying it.
_LIMITING = frozenset("only just merely simply".split())
# Verbs that report a claim without doubting it: "officials said she opened the bridge" states that she did.
_REPORTING = frozenset(stem(w) for w in """say said tell told report confirm announce state add note write wrote
written explain""".split())

CLAIM_NOUNS = frozenset(stem(w) for w in """claim suggestion report rumour rumor allegation accusation speculation fear
concern worry hope belief idea suspicion assertion theory doubt warning possibility prospect""".split())
"""Nouns whose "that" clause is what someone claims, fears or hopes, not what the sentence states ("denied claims
that she had escaped", "fears that the bridge was unsafe")."""

_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}
YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})s?\b")
"""A year (1000-2099, "1990s")."""


def auxiliary(word: str) -> str:
    """The auxiliary of a word, contracted negation undone ("didn't" -> "did", "can't" -> "can", "won't" ->
    "will"); any other word as it is."""
    w = word.lower()
    base = w[:-3] if w.endswith(("n't", "n’t")) else w
    return _CONTRACTED.get(base, base)


def is_negation(word: str) -> bool:
    w = word.lower()
    return w in NEGATIONS or w.endswith(("n't", "n’t"))


def negates(word: str, following: str = "") -> bool:
    """Is the word a negation that denies what follows? "not" in "not only" does not."""
    return is_negation(word) and not (word.lower() == "not" and following.lower() in _LIMITING)


def is_reporting(word: str) -> bool:
    """A verb that reports a claim as made ("said", "told", "confirms"), in any of its forms."""
    return stem(word.lower()) in _REPORTING


def negated(text: str) -> bool:
    """Does the text contain a negation word ("not", "never", "didn't")?"""
    return any(is_negation(w) for w in _raw_words(text))


def _raw_words(text: str) -> list[str]:
    # words() drops the apostrophe's "t" of contractions only when it splits them: keep them whole here.
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)


def question_word(text: str) -> str | None:
    """The first question word among the first three words ("who", "when", ...), else None."""
    return next((w for w in words(text)[:3] if w in QUESTION_WORDS), None)


def is_yes_no(text: str) -> bool:
    """A question that starts with an auxiliary and has no question word near the start ("Did X go?")."""
    ws = words(text)
    return bool(ws) and auxiliary(ws[0]) in AUXILIARIES and not any(w in QUESTION_WORDS for w in ws[:4])


# Questions asking for a reason or a manner are answered by a clause, not a phrase.
_EXPLAIN = re.compile(r"^\s*(?:\w+\s+){0,3}?(why|how come)\b|^\s*how\s+(?:is|are|was|were|do|does|did|can|could|"
                      r"would|should|will|has|have|had)\b", re.I)


def wants_phrase(question: str) -> bool:
    """False for reason/manner questions ("why ...", "how did ...") and yes/no questions."""
    return bool(words(question)) and not _EXPLAIN.search(question) and not is_yes_no(question)


def has_date(text: str) -> bool:
    """A year or a month name."""
    return bool(YEAR.search(text)) or any(w in MONTHS for w in words(text))


def name_in(name: str, found: frozenset[str] | set[str], every_word: bool = False) -> bool:
    """Is the name in a text whose terms and words are `found`? A name is there when its last word is ("Anna
    Roth" is often just "Roth"), or a long last word written with one letter more or less at its end
    ("Petrenko" / "Petrenkov"); a number must be there as written. With `every_word`, each of its words
    must be there (so that "Jan Roth" is not taken for "Anna Roth"): for checking written claims."""
    parts = terms(name)
    others = [p for p in parts if not is_number(p)]
    needed = [p for p in parts if is_number(p)] + (others if every_word else others[-1:])
    return not needed or all(p in found or (not is_number(p) and _one_letter_off(p, found)) for p in needed)


def _one_letter_off(word: str, found) -> bool:
    # Articles misspell names, and transliterations vary; short words never match this way ("port" / "porto").
    if len(word) < 5:
        return False
    return any(abs(len(f) - len(word)) == 1 and len(f) >= 5 and (f.startswith(word) or word.startswith(f))
               for f in found)


@lru_cache(maxsize=65536)
def text_keys(text: str) -> frozenset[str]:
    """What name_in() looks names up in: the text's terms (stems) and its words, and the number of a number written
    with its unit ("20mph" mentions 20)."""
    ws = words(text)
    return frozenset(terms(text)) | frozenset(ws) | frozenset(m.group(1) for w in ws if (m := _WITH_UNIT.fullmatch(w)))


_WITH_UNIT = re.compile(r"(\d+)(?:mph|kph|km|kmh|kg|lb|lbs|ft|cm|mm|ml|m|bn|k|pm|am|mw|kw|gw|kwh|mwh|mg|g|l|hrs?|mins?)")


REASON = re.compile(r"\b(because|due to|owing to|as a result of|in order to|so that|so as to|the reason|reasons? (?:for|why)|"
                    r"therefore|consequently|thus|hence|given that|for fear|fears? that|concerns? that|aims? to|"
                    r"in an effort to|in a bid to|to (?:prevent|avoid|ensure|protect|counter|stop))\b", re.I)
"""Words that give a reason or a purpose."""


def gives_reason(text: str) -> bool:
    """Does the sentence give a reason or a purpose ("because ...", "in order to ...", "fears that ...")?"""
    return REASON.search(text) is not None


TITLES = frozenset("""mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister chancellor premier
governor mayor senator sen rep representative congressman congresswoman councilman councilwoman councillor
councilmember judge justice general gen marshal admiral colonel col major captain capt lieutenant lt sergeant
commander chief king queen prince princess pope bishop archbishop cardinal rev reverend father sheikh emir
ambassador envoy secretary director chairman chairwoman chair ceo spokesman spokeswoman spokesperson deputy
constable superintendent inspector detective di dci sgt supt insp cllr
""".split())
"""Words written before a name that say what the person is ("Mayor Ana Ruiz", "General Ana Ortiz"): part of
the role, not of the name."""


KIND_NOUNS = {
    "place": frozenset("""city town village capital country nation state province region island district county port
        area neighbourhood neighborhood suburb river sea lake mountain peninsula territory republic kingdom
        delta valley coast bay island islands street avenue square park airport harbour harbor reservoir dam canal
        basin forest desert beach road lane bridge tunnel viaduct pier""".split()),
    "organisation": frozenset("""company firm group agency organisation organization association alliance party
        maker manufacturer bank council authority ministry department office union committee institute university
        newspaper magazine outlet network charity coalition consultancy contractor startup corporation airline club
        team journal publisher broadcaster insurer retailer lender supplier subsidiary court tribunal trust foundation
        forum panel board band society commission federation league guild chain""".split()),
    "person": frozenset("""official officer superintendent teacher principal doctor physician nurse worker employee
        resident trader student parent mother father son daughter wife husband farmer engineer lawyer attorney
        negotiator analyst researcher scientist economist manager founder owner executive leader activist member
        fisherman victim witness survivor player coach singer actor author writer journalist reporter editor
        citizen voter patient soldier pilot driver historian expert adviser advisor consultant candidate
        commissioner inspector investigator prosecutor officer owner shopkeeper businessman businesswoman guard
        curator caretaker detective""".split()),
    "thing": frozenset("""ship vessel carrier frigate destroyer submarine tanker ferry plane aircraft jet rocket satellite
        cyclone hurricane typhoon storm operation programme program project treaty law act bill""".split()),
}
"""Nouns that say what kind of thing a described name is ("Belmora, an island nation", "Velora, the maker of",
"School superintendent Helen Carver")."""


ORGANISATION_SORTS = {(f"{w[:-1]}ies" if w.endswith("y") else f"{w}s"): w
                      for w in KIND_NOUNS["organisation"] | {"hospital", "school"}}
"""Sorts of organisation a question may ask for ("which unions are named?"), plural: singular."""

LEADS = frozenset("""head chief leader boss director president chairman chairwoman chair chairperson ceo executive
commander manager""".split())
"""Words for whoever runs a body: "who heads X?" is answered by "X chief executive Ana Roth"."""


_OPENERS = r"^\s*(?:(?:however|but|and|then|meanwhile|there),?\s+)?"
_POINTING_OPENER = re.compile(_OPENERS + r"(?:he|she|it|they|his|her|its|their|this|these|those|such)\b", re.I)
_DEFINITE_OPENER = re.compile(_OPENERS + r"(?:the|this|that|these|those)\s+(?:[a-z-]+\s+){0,2}?[a-z]+\s+(?:[a-z]+ed|"
                              r"said|says|told|was|were|is|are|has|had|will|would|did|does|made|took|went|came|"
                              r"stopped|began|won|lost|left|set|paid|sold|bought|built|hit|struck|plans?|wants?|says?)\b", re.I)
"""Sentence openers that point back at something the sentence before named: a pronoun ("He boarded ..."), or a
definite noun as the subject ("The ship anchored ...", "The company stopped ...")."""


_SPOKEN_BY_PRONOUN = re.compile(r"[,”\"]\s*(?:he|she|they)\s+(?:said|says|added|told|wrote|explained|argued)\b"
                                r"|^\s*(?:he|she|they)\s+(?:said|says|added|told)\b", re.I)


def refers_back(text: str, definite: bool = False) -> bool:
    """Does the sentence lean on the one before it for who does or says it (a pronoun: "He boarded ...", "“...,”
    she said")? With `definite`, also a subject named only by a noun ("The ship anchored ...")."""
    return (_POINTING_OPENER.match(text) is not None or _SPOKEN_BY_PRONOUN.search(text) is not None
            or (definite and _DEFINITE_OPENER.match(text) is not None))


_PERSONAL_OPENER = re.compile(_OPENERS + r"(?:he|she|they|his|her|their)\b", re.I)


def speaks_as_pronoun(text: str) -> bool:
    """Is the sentence's doer or speaker only "he", "she" or "they" ("He said no decision had been made")? Read
    alone, it names no one (unlike "It", which in an encyclopedia article is mostly its subject)."""
    return _PERSONAL_OPENER.match(text) is not None or _SPOKEN_BY_PRONOUN.search(text) is not None


DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,[^—–\n]{0,40})?\s+[—–]\s+")
"""A wire story's date line opening a sentence ("HARLOW —", "CALLOWAY, Nov. 14 (Wire) —"): where the story was
filed from, not what it says."""


_QUOTE_MARKS = frozenset('"“”«»')
_OPENING_MARKS = frozenset('"“«')


def quoted_share(text: str) -> float:
    """The share of the sentence's characters inside double quotation marks: 0 for reported speech, near 1 for a
    quote. A quote that runs on into the next sentence ('"We are acting now.') is quoted to the sentence's end;
    one closed here but opened before ('Every litre counts," she said.') is quoted from its start."""
    marks = [i for i, c in enumerate(text) if c in _QUOTE_MARKS]
    if not marks:
        return 0.0
    if len(marks) % 2:
        if text.lstrip()[:1] in _OPENING_MARKS:
            marks.append(len(text))
        else:
            marks.insert(0, 0)
    return sum(b - a for a, b in zip(marks[::2], marks[1::2])) / max(1, len(text))
