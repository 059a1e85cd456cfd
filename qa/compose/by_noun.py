"""A yes/no question whether someone did a deed ("have they applied for planning permission yet?") answered Yes by
a sentence that tells the deed by its noun and a verb that only says it was done ("A planning application for the
new base was submitted last week", "the club lodged an appeal", "issued an apology"), not planned or denied."""
from __future__ import annotations

from lang.paraphrase import deed_nouns, said_for
from lang.rules import AUXILIARIES, INDEFINITES, NEGATIONS, PRONOUNS, auxiliary
from lang.tagging import verb_base
from lang.words import STOPWORDS, stem, words

__all__ = ["done_as_noun"]

_DONE = frozenset(stem(w) for w in "submit submitted submits lodge lodged lodges make made makes file filed files "
                  "issue issued issues send sent sends launch launched launches".split())
"""Verbs that say only that the deed its noun names was done ("submitted an application", "lodged an appeal")."""
_OPEN = NEGATIONS | frozenset("will would could may might should must plans planned expected expects "
                              "intend intends intended considering consider hope hopes hoped yet if whether unless "
                              "asked ask urged urge called demanded demand demands sought seek seeks wants want short "
                              "stopped".split())
"""Words beside it that leave the deed planned, possible or denied ("is expected to lodge an appeal", "has yet to
submit an application", "no appeal was lodged", "urged it to make an apology", "stopped short of issuing an apology",
"demanded an apology")."""
_BEFORE, _AFTER = 4, 6
"""How far from the noun its verb may be: before it ("lodged an appeal"), after it in the passive ("A planning
application for the new base was submitted")."""
_BY_NOW = frozenset("yet already".split())


def _names_deed(noun: str, verb: str) -> bool:
    """Is the noun stem the deed of the verb stem: itself ("appeal"), WordNet's noun for it ("application"), or a
    longer or shorter form of it ("complaint", "apology" for "apologise")?"""
    return noun == verb or noun in deed_nouns(verb) or len(verb) >= 5 and (
        noun.startswith(verb) and len(noun) - len(verb) <= 2 or verb.startswith(noun) and len(verb) - len(noun) <= 2)


def done_as_noun(question: str, sentence: str) -> bool:
    """Does the sentence say the deed asked was done, by its noun and a verb of doing it? The question's subject,
    unless a pronoun, and all but one of its other words are in the sentence."""
    ws = words(question)
    if len(ws) < 3 or auxiliary(ws[0]) not in AUXILIARIES or ws[0] in ("is", "are", "was", "were", "am"):
        return False
    subject = [] if ws[1] in PRONOUNS else [w for w in ws[1:3] if w not in STOPWORDS][:1]
    start = 2 if ws[1] in PRONOUNS or ws[1] not in ("the", "a", "an") else 3
    verb = next((w for w in ws[start:start + 2] if w not in STOPWORDS), None)
    if verb is None:
        return False
    deed = stem(verb_base(verb))
    said = words(sentence)
    stems = [stem(w) for w in said]
    rest = [w for w in ws[start:] if w != verb and w not in STOPWORDS and w not in _BY_NOW and w not in INDEFINITES]
    if any(said_for(stem(w), set(stems)) is None for w in subject) or \
            sum(said_for(stem(w), set(stems)) is None for w in rest) > (1 if len(rest) >= 3 else 0):
        return False
    for i, s in enumerate(stems):
        if not _names_deed(s, deed):
            continue
        near = range(max(0, i - _BEFORE), min(len(said), i + _AFTER + 1))
        # Done, not to be done ("has until Friday to lodge an appeal", "asked the council to issue an apology"), and
        # by whom was asked: named just before the verb ("The club lodged an appeal"), or after its "by" in the
        # passive, or unsaid for a "they" ("A planning application … was submitted").
        if any(stems[j] in _DONE and not (j and said[j - 1] == "to") and _by_them(said, stems, j, subject)
               for j in near) and not any(said[j] in _OPEN for j in near):
            return True
    return False


def _by_them(said: list[str], stems: list[str], verb: int, subject: list[str]) -> bool:
    passive = verb > 0 and said[verb - 1] in _BEING
    if not subject:
        return passive and "by" not in said[verb + 1:verb + 3]  # "they": no other doer named
    doer = stem(subject[-1])
    if passive:
        return any(said[k] == "by" and doer in stems[k + 1:k + 4] for k in range(verb + 1, min(len(said), verb + 6)))
    # The doer's noun itself, just before the verb ("The club lodged", "The club has formally lodged"), not a word
    # that only describes another ("A former company director issued").
    k = verb - 1
    while k >= 0 and said[k] in _BETWEEN:
        k -= 1
    return k >= 0 and stems[k] == doer and not said[k].endswith(("'s", "’s"))


_BEING = frozenset("was were been be being is are".split())
_BETWEEN = frozenset("has have had also formally then later now yesterday today finally".split())
"""Words that may stand between the doer and its verb ("The club has formally lodged an appeal")."""
