""""Why couldn't they move the bomb?": the one sentence that tells the deed as hoped for and then ruled out ("had
hoped to lift the bomb out and take it to a quarry, but decided … it was too dangerous to move"), or as barred
("too dangerous to move", "impossible to reach"), or as only weighed ("had considered sending him straight to
prison"), with the next sentence of its paragraph when that one bars it
too or gives a reason. Likely: whose account it is, the sentence may not say."""
from __future__ import annotations

import re

from lang.reasons import explains
from lang.words import roots
from qa.compose.compose import Draft
from qa.compose.given_up import hope_ruled_out
from qa.types import Level, Route

from .article import ArticleDoc
from .cite import Citer, SkillAnswer
from .speakers import touches

__all__ = ["asks_why_not", "why_not"]

_WHY_NOT = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?why\s+(?:couldn['’]?t|could\s+not|didn['’]?t|did\s+not|wasn['’]?t|"
                      r"was\s+not|weren['’]?t|were\s+not|can['’]?t|cannot|can\s+not|won['’]?t|will\s+not|not)\b", re.I)
_BARRED = re.compile(r"\b(?:too\s+[a-z]+|impossible|unable|not\s+(?:possible|safe|allowed|able))\s+to\s+(?P<verb>[a-z]+)",
                     re.I)
_WEIGHED = re.compile(r"\b(?:had\s+)?(?:considered|contemplated|thought\s+(?:about|of)|weighed\s+up)\s+(?P<verb>[a-z]+ing)\b",
                      re.I)
"""A deed only weighed ("had considered sending him straight to prison."): not done, where the sentence ends there (not
"had considered closing the lane, and on Tuesday it did so"), its reason told after it."""
_ASKING = frozenset({"why", "couldn't", "could", "not", "didn't", "did", "just", "the", "a", "an", "it", "they", "them",
                     "wasn't", "was", "can't", "can", "cannot", "won't", "will", "somewhere", "away", "anywhere", "n't"})


def asks_why_not(question: str) -> bool:
    return _WHY_NOT.match(question) is not None


def why_not(docs: list[ArticleDoc], question: str, deed: set[str]) -> SkillAnswer | None:
    """The sentence that tells the asked deed (roots) as ruled out, naming a thing the question asks of too; None
    when no sentence, or more than one, does."""
    if not deed or not asks_why_not(question):
        return None
    things = roots(" ".join(w for w in re.findall(r"[\w'’]+", question.lower()) if w not in _ASKING)) - deed
    found = []
    for doc in docs:
        for line in doc.lines:
            hope = hope_ruled_out(line.text)
            barred = hope is not None and all(touches({d}, roots(hope)) for d in deed) or any(
                roots(m.group("verb")) & deed for m in [*_BARRED.finditer(line.text), *(
                    w for w in _WEIGHED.finditer(line.text) if re.fullmatch(r"[^,;]*[.!?\"”]*\s*", line.text[w.end():]))])
            # The thing asked of in the sentence or the one before ("the army" named just before "The team …");
            # "why couldn't they move it?" names none: the deed alone.
            near = line.text + " " + (doc.lines[line.number - 1].text if line.number else "")
            if barred and (not things or things & roots(near)):
                found.append((doc, line))
    if len(found) != 1:
        return None
    doc, line = found[0]
    after = doc.lines[line.number + 1:line.number + 2]
    # The next sentence of its paragraph, where it bars or explains the same thing ("The fuze … was badly corroded";
    # not "The pumps were too heavy to carry").
    told = [ln for ln in after if "\n" not in doc.text[line.end:ln.start] and (_BARRED.search(ln.text) or explains(
        ln.text)) and (roots(ln.text) & (things | deed) or re.match(r"\W*(?:it|this|that|he|she|they)\b", ln.text, re.I))]
    citer = Citer()
    body = " ".join(f"{ln.text.strip()} [{citer.cite(doc, ln)}]" for ln in [line, *told])
    return SkillAnswer(Draft(body, tuple(citer.citations), Route.EXTRACTIVE), Level.LIKELY, 0.6)
