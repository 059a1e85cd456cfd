"""Text normalized for matching: what the embedder and the keyword index see of a text."""
from __future__ import annotations

import re
import unicodedata

from lang.rules import KIND_NOUNS

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clusters(text: str):
    """Each base character with the combining marks that follow it, so that NFKC composes "e" + U+0301
    into "é" just as it keeps a precomposed "é"."""
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield text[i:j]
        i = j


def clean(text: str) -> str:
    """NFKC, straight quotes and dashes, whitespace runs collapsed to one space, trimmed; control and
    zero-width characters dropped."""
    # Fast path: plain ASCII needs only whitespace collapsing.
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return " ".join(text.split())
    return _normalize(text)


def _normalize(text: str) -> str:
    out: list[str] = []
    for cluster in _clusters(text):
        if cluster[0].isspace():
            out.append(" ")
        elif not (unicodedata.category(cluster[0]) in ("Cc", "Cf") and len(cluster) == 1):
            out.append(unicodedata.normalize("NFKC", cluster).translate(_QUOTES))
    return " ".join("".join(out).split())


_AMOUNT = re.compile(r"(?P<sum>[$€£¥]\s?\d[\d,.]*)\s?(?P<scale>bn|m|k)\b", re.I)
_SCALES = {"bn": "billion", "m": "million", "k": "thousand"}


def amounts_spelled(text: str) -> str:
    """Sums of money as articles write them out: "£20m" -> "£20 million", "$1.5bn" -> "$1.5 billion". A question
    types the short form that news headlines use; the body says the word, and a name check needs the same word.
    Only after a currency sign: "a 20m bridge" is a length."""
    text = _AMOUNT.sub(lambda m: f"{m.group('sum')} {_SCALES[m.group('scale').lower()]}", text)
    return _BARE_K.sub(lambda m: _thousands(m) if _PAID.search(text[:m.start()][-30:]) else m.group(0), text)


_BARE_K = re.compile(r"(?<![\w$€£¥.,])(?<!the )(?<!a )(?<!than )(?<!over )(?<!under )(?<!least )(?<!above )(?<!below )(?<!to )"
                     r"(?P<n>\d{1,3}(?:\.\d{1,3})?)k(?=\s*$|[?.!,;]|\s+(?:from|for|in|on|to|of|per|each|last|this|back|"
                     r"off|after|before|when|if|and|or|but)\b)", re.I)
"""A sum typed in thousands without its sign, where no noun follows ("only got 7.5k from insurance"; not "5k runners",
a race): written out as articles write it ("7,500"). A bound's ("more than 50k") is read by the yes/no check."""


_PAID = re.compile(r"\b(?:get|gets|got|getting|paid|pay|pays|paying|cost|costs|raised?|raising|owe[sd]?|fined|worth|earn\w*|"
                   r"spen[dt]\w*|charged|given|gave|received?|compensation|bill|fine|grant|donat\w*)\s+"
                   r"(?:(?:about|around|only|just|over|nearly|almost)\s+)?$", re.I)
"""A sum's verb or noun just before the figure: "7.5k" after "got" is money, after "run" a distance."""


def _thousands(m: re.Match) -> str:
    value = float(m.group("n")) * 1000
    return f"{int(value):,}" if value == int(value) else m.group(0)


_NOW_AFTER = frozenset("is are was on off open closed shut there here up down he she they it we you".split())
_RN = re.compile(r"\b(?P<prev>[a-z]+)\s+rn(?=\s*[?.!]*\s*$)")
_SHORTHAND = {
    "ppl": "people", "thru": "through", "cuz": "because", "coz": "because", "bcoz": "because", "becuz": "because",
    "abt": "about", "govt": "government", "uni": "university", "gonna": "going to", "wanna": "want to", "gotta": "have to",
    "tmrw": "tomorrow", "yrs": "years", "hrs": "hours", "mins": "minutes", "wat": "what", "wats": "what's", "wht": "what",
    "u": "you", "ur": "your", "y": "why", "r": "are", "b4": "before", "w/o": "without", "w/": "with",
    # Contractions typed without the apostrophe, which the speller would otherwise read as other words
    # ("wasnt" -> "want").
    **{w: f"{w[:-2]}n't" for w in """dont doesnt didnt isnt wasnt arent werent hasnt havent hadnt couldnt shouldnt
        wouldnt mustnt""".split()},
    "wont": "won't", "cant": "can't", "whos": "who's", "whats": "what's", "wheres": "where's", "whens": "when's", "hows": "how's",
    "theyll": "they'll", "youll": "you'll", "itll": "it'll", "theyve": "they've", "weve": "we've", "youve": "you've",
    "hes": "he's", "shes": "she's", "thats": "that's", "theres": "there's", "theyre": "they're", "youre": "you're", "im": "I'm", "ive": "I've",
}
_SHORT = re.compile(r"(?<![\w/&'’-])(" + "|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True))
                    + r")(?![\w&'’-]|\.\w)")


_NUMBERED = re.compile(r"(\b(?:the|its|their|on)\s+)no\.?\s*(\d{1,3}[a-z]?)\b(?!\s*(?:%|per\b|percent\b))",
                       re.I)
""""the no 4 bus", "on the no. 12": a route or item numbered, not "no" denying ("there were no 4 …" has no article)."""


_COURTESY = re.compile(r"^\s*(?:please|pls|plz)\s*,?\s+(?=\w)|[\s,]+(?:please|pls|plz|thanks|thx|ty)\s*(?=[?.!]*\s*$)",
                       re.I)
"""A courtesy at either end of a request says nothing of what is asked ("timeline of the closure pls")."""


_WILL = re.compile(r"\b((?:said|says|say|think|thinks|thought|hope|hopes|hoped|promised|whether)\s+)"
                   r"(he)ll(?=\s+(?!no\b|of\b|and\b|or\b|is\b|was\b|would\b|will\b|to\b|must\b|\w+ed\b|\w+s\b)[a-z])")
""""hell" typed for "he'll": only where a clause starts after a word that brings one ("said hell appeal"), never alone
("what the hell"); not "shell" or "well", which are words there too ("say well over 200", "say shell companies")."""


_OWNER_UNMARKED = re.compile(r"(\b(?:what's|what\s+is|what\s+are|what\s+was|what\s+were)\s+(?:the|their)\s+(?:[a-z]+\s+)?"
                             r"(?P<owner>[a-z]{3,}s))(\s+(?:view|views|take|opinion|opinions|position|stance|side|"
                             r"response|reaction|argument|case|answer|verdict)\b)", re.I)
""""what's the unions view": a possessive typed without its apostrophe, where an opinion's noun follows."""
_PEOPLE_PLURAL = re.compile(r"(?:ers|ents|ants|ists|ians|ees)$")


def _owner_marked(m: re.Match) -> str:
    """"the union's view" (a body is one), "the campaigners' view" (people are many); as typed when the word is
    neither a body's kind nor people's ("the crisis response", "the campus view")."""
    owner, word = m.group(1), m.group("owner").lower()
    if word[:-1] in KIND_NOUNS["organisation"]:
        return f"{owner[:-1]}'s{m.group(3)}"
    return f"{owner}'{m.group(3)}" if _PEOPLE_PLURAL.search(word) else m.group(0)


_DID = re.compile(r"\b(why|how|where|what|when)['’]d(?=\s+(?:he|she|they|it|we|you|i|the|his|her|their|[a-z]+\s+[a-z]))", re.I)
""""why'd they go at dawn": "why did"; the "'d" of a wh-word before its subject."""
_OP = re.compile(r"(?<!\bphoto\s)(?<![\w&'’-])(op)(s?)(?![\w&'’-])", re.I)
""""the gallbladder op", "ops were cancelled": an operation; not a "photo op"."""


def shorthand_spelled(text: str) -> str:
    """Chat shorthand written out: "how many ppl were stranded" -> "how many people were stranded", "y did he
    quit" -> "why did he quit"; a courtesy at either end dropped ("pls", "thanks"). Lower case only: "U" or "R"
    typed as a capital may be a name or a letter."""
    text = _SHORT.sub(lambda m: _SHORTHAND[m.group(1)], _COURTESY.sub("", text))
    text = _OP.sub(lambda m: f"operation{m.group(2)}" if m.group(1).islower() else m.group(0), _DID.sub(r"\1 did", text))
    text = _RN.sub(lambda m: f"{m.group('prev')} right now" if m.group("prev").endswith("ing") or m.group("prev") in _NOW_AFTER
                   else m.group(0), text)  # "is the bus running rn": not "is she an rn?", "a qualified rn"
    text = _OWNER_UNMARKED.sub(_owner_marked, text)
    text = _NUMBERED.sub(lambda m: f"{m.group(1)}number {m.group(2)}", text)
    return _WILL.sub(lambda m: f"{m.group(1)}{m.group(2)}'ll", text)
