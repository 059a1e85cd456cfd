"""What a follow-up's "it" stands for: the thing the previous question was about ("When did the strike begin?" +
"And when did it end?": the strike)."""
from __future__ import annotations

import re

from lang.forms import Kind, form
from lang.rules import INDEFINITES, KIND_NOUNS

_DO = frozenset("do does did".split())
IT = re.compile(r"\b(?:it|its)\b(?!\s+(?:(?:is|was)\s+)?(?:true|false|possible|likely|known|clear|said|reported))", re.I)
"""A follow-up's "it" that stands for a thing (not "is it true", "it is said")."""
_IT_DOES = re.compile(r"\bit\s+(?:will|would|is|was|has|had|did|does|can|could|should|may|might|must)\b", re.I)
"""A follow-up's "it" as the doer ("has the company said it will refund ...?"): not a thing asked about."""


def thing_asked_about(previous: str, question: str = "") -> str | None:
    """The subject of the previous question when it is a thing named by a noun ("the strike", "the new
    bridge"), or the thing it asked for ("which ship ..."), which a later "it" stands for; None for a person, a
    pronoun or no subject. When `question` says "it" as an object ("why's the farmer for it?"), also the one thing a
    question about people named ("why are the villagers against the solar farm?")."""
    if not previous:
        return None
    asked = form(previous)
    if asked is not None and asked.kind in (Kind.SUMMARY, Kind.TIMELINE):
        # "give me a timeline of how the village got the pub" + "when does it reopen?": the pub, the last thing named
        # (a list's first name is no more "it" than any other).
        found = [m for m in _LAST_THING.finditer(previous) if m.group("head").lower() not in _STORY]
        if not found:
            return None
        # "timeline of the bank closure" + "when does it actually shut?": what shuts is the bank, not its closure
        # (but "when does it start?" is the strike of "the bus strike").
        last = found[-1]
        if last.group("head").lower() in _EVENTS and not _EVENT_DONE.search(question):
            kept = previous[last.start():last.start("head")].rstrip()
            return kept if len(kept.split()) > 1 else last.group(0)
        return last.group(0)
    from lang.tagging import parse  # spaCy only for a follow-up that says "it"

    doc = parse(previous.rstrip(" ?"))
    stance = _STANCE_ON_IT.search(question) is not None
    if stance and (deed := _deed_asked(doc)) is not None:
        return deed  # a view is held on what someone wants done, not on the one who wants it
    for t in doc:
        # "Which ferry ran aground near Umeå?" -> "Where was it going?": "it" is the answer, "the ferry that ran
        # aground near Umeå". Not "Which ferry did the minister board?" (the ferry is its object), nor a plural.
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and t.head.dep_ == "ROOT" and any(
                c.dep_ == "det" and c.lower_ in ("which", "what") for c in t.children):
            tokens = sorted(t.subtree, key=lambda u: u.i)
            kind = " ".join(u.text for u in tokens if u.dep_ != "det")
            rest = previous[tokens[-1].idx + len(tokens[-1].text):].strip().rstrip(" ?")
            return f"the {kind} that {rest}" if rest and rest.split()[0].lower() not in _DO else None
        # Not "What was the home port of the Aurora?": that asks about the Aurora, which the names carry.
        # Nor, for a view held on it, the doer ("why is the club doing concerts?" + "are residents against it?").
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.head.dep_ == "ROOT" \
                and t.head.lemma_ != "be" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                  for c in t.children) \
                and not (stance and t.lemma_ in KIND_NOUNS["organisation"] | KIND_NOUNS["person"]):
            tokens = sorted(t.subtree, key=lambda u: u.i)
            if any(u.pos_ == "PROPN" for u in tokens):
                return None
            return previous[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in INDEFINITES and t.head.dep_ == "ROOT":
            # "Was anybody hurt in the derailment?" -> "What caused it?": what happened is "it", not anybody.
            event = next((o for o in doc if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.head.lower_ in ("in", "at",
                                                                                                    "during")), None)
            if event is not None and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in event.children):
                tokens = sorted(event.subtree, key=lambda u: u.i)
                if not any(u.pos_ == "PROPN" for u in tokens):
                    return previous[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    # "why are the villagers against the solar farm?" + "why's the farmer for it?": a question about people, whose
    # "it" is the one thing it named ("the solar farm"), not a person ("the mayor") nor one of several.
    things = [t for t in doc if t.dep_ in ("pobj", "dobj") and t.tag_ == "NN" and t.lemma_ not in KIND_NOUNS["person"] | _PEOPLE
              and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)]
    if len(things) == 1 and not _IT_DOES.search(question) and any(t.dep_ == "nsubj" and t.tag_ == "NNS" and t.head.dep_ == "ROOT" for t in doc):
        tokens = sorted(things[0].subtree, key=lambda u: u.i)
        if not any(u.pos_ == "PROPN" for u in tokens):
            return previous[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    return _done_asked(doc) if stance else None


def _deed_asked(doc) -> str | None:
    """What the previous question asked someone wants done, as a deed a view is held on ("why does the council want
    to merge the schools?" + "why are the parents against it?": against merging the schools)."""
    for t in doc:
        if t.pos_ == "VERB" and t.dep_ == "xcomp" and t.head.lemma_ in _WANTING:
            obj = next((c for c in t.children if c.dep_ == "dobj" and any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)), None)
            if obj is not None:
                tokens = sorted(obj.subtree, key=lambda u: u.i)
                return f"{_gerund(t.lemma_)} {doc[tokens[0].i:tokens[-1].i + 1].text}"
    return None


def _done_asked(doc) -> str | None:
    """What the previous question asked someone does, as a thing a view is held on: its object ("why is the club
    doing concerts?": the concerts), or the deed done to a person ("why did police arrest the man?": arresting the
    man, not the man)."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # Of a doer the question names ("the club"), not one it asks for ("who will run the mill?").
    named = root is not None and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in root.children)
    obj = next((c for c in root.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) if named \
        and root.pos_ == "VERB" and root.lemma_ not in ("be", "have") else None
    if obj is None:
        return None
    phrase = doc[min(u.i for u in obj.subtree):max(u.i for u in obj.subtree) + 1].text
    phrase = phrase if any(c.dep_ in ("det", "poss") for c in obj.children) else f"the {phrase}"
    return f"{_gerund(root.lemma_)} {phrase}" if obj.lemma_ in KIND_NOUNS["person"] | _PEOPLE else phrase


def _gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    # The last letter doubled after one short vowel in a stressed last syllable: "cut", "quit", "admit", "refer".
    if re.fullmatch(r"(?:[^aeiou]*|[^aeiou]*qu)[aeiou][bdgmnprt]|.*(?:mit|[^f]fer|cur|pel|gret|trol)", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


_PEOPLE = frozenset("man woman boy girl men women people child children manager chief coach".split())


_WANTING = frozenset("want plan hope intend propose aim need decide try seek".split())
_STANCE_ON_IT = re.compile(r"\b(?:against|for|about|of|on|with|over)\s+it\b", re.I)
"""A view held on "it" ("why are the parents against it?"): what it stands for may be a deed asked about before."""


_LAST_THING = re.compile(r"\bthe\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<head>[a-z][\w'’-]*)(?=\s+(?:and|or|in|of|on|at|to|for|"
                         r"with|by|from)\b|\s*[?.!]*\s*$)", re.I)
_STORY = frozenset("article story report piece news events dates".split())
_EVENTS = frozenset("""closure closing shutdown sale strike merger takeover opening reopening launch move relocation
demolition redevelopment expansion refit repairs upgrade cuts rise increase""".split())
"""Nouns that name what befalls a thing ("the bank closure"): a later "it" that does something is the thing."""
_EVENT_DONE = re.compile(r"\bit\s+(?:\w+\s+)?(?:start|starts|begin|begins|end|ends|happen|happens|take\s+place|takes\s+"
                         r"place|finish|finishes|go\s+ahead|goes\s+ahead|kick\s+off|kicks\s+off|come|comes|cost|costs)\b",
                         re.I)
"""What an event itself does: "when does it start?" asks of the strike of "the bus strike"."""
