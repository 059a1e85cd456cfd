""""What happened after that?" asks what came after the event the last answer told: the question is put with
that sentence ("what happened after the group put forward an amendment ...?"), which the answer skills find in the
article and read on from."""
from __future__ import annotations

import re

from lang.words import STOPWORDS

__all__ = ["after_the_answer", "told", "why_of_the_answer"]

_NEXT = re.compile(r"^\s*(?:(?:and|so|ok|okay)\s+)?(?:(?:what|wat)\s+(?:(?P<now>happens|will\s+happen)\s+after\s+(?:that|this|it)|"
                   r"(?:happened|came|followed)\s+(?:after\s+(?:that|this|it)|next|then|afterwards))|then(?:\s+what)?|what\s+then|"
                   r"after\s+that)\s*[?.!]*\s*$",
                   re.I)
"""Of what came after: in the past, or, asked in the present, what follows the deed told ("Fennimore has tabled a
motion" + "what happens after that?": "It will be debated …"). "What happens next?" asks what is still to come in
the story as a whole (lang/next_steps.py)."""
_CITED = re.compile(r"^(?P<said>.+?[.!?][\"”’]?)(?:\s*\[\d+\])?(?=\s+[A-Z\"“‘(]|\s*$)", re.S)
"""The answer's first sentence (its citation markers may have been taken out of the chat's history), before the
next one or the "(after “…”)" that says what it came after."""
_LABEL = re.compile(r"^\s*(?:(?:Yes|No)\.\s+|(?:Next|Before that|Before),\s+[^:\n]{1,40}:\s+|In\s+“[^”\n]*”[^:\n]{0,40}:\s*"
                    r"(?:-\s*[^:\n]{1,40}:\s+)?|[^:\"“]{2,80}\):\s+)")
"""What an answer puts before the sentence it cites: a verdict, "Next, …", a day's events' heading ("In “…”,
2020:\n- 2020: …"), or whose words they are."""
_UNANSWERED = re.compile(r"^\s*The articles? (?:may not|doesn't|don't|does not|do not|never)\b")
"""An answer that gave no event: the closest sentence shown is no "that" to go on from."""


def told(answer: str) -> str | None:
    """The sentence the last answer cited first, past its lead ("Yes.", a heading, whose words they are)."""
    if _UNANSWERED.match(answer):
        return None
    text = _LABEL.sub("", answer.strip(), count=1)
    m = _CITED.match(text)
    if m and not _MARKED.search(m.group(0)) and len(m.group("said").split()) <= 4 and text[m.end():].strip():
        # "5 November. The EHP … [1]": the phrase the answer is, then the sentence that holds it ("October 2022. The
        # line is run by … [1] It closed in October 2022 after … [2]": the second)
        phrase = m.group("said").strip().rstrip(".").lower()
        cited = [c.group(1).strip() for c in _EACH.finditer(text[m.end():])]
        if cited:
            return next((c for c in cited if phrase in c.lower()), cited[0]).rstrip(".")
        m = _CITED.match(text[m.end():].lstrip()) or m  # its markers taken out of the chat's history
    return m.group("said").strip().rstrip(".") if m else None


_EACH = re.compile(r"\s*(.+?[.!?][\"”’]?)\s*\[\d+\]", re.S)
"""Each cited sentence of an answer, up to its citation marker."""


_MARKED = re.compile(r"\[\d+\]")


_WHY_DID_IT = re.compile(r"^\s*(?:(?:and|so|but)\s+)?why\s+(?:did|would)\s+(?:they|he|she|it|we)\s+do\s+(?:it|that|this)"
                         r"\s*[?.!]*\s*$", re.I)


def why_of_the_answer(question: str, answer: str) -> str | None:
    """"Why did they do it?" of the deed the last answer told ("The council's cabinet voted on Tuesday to sell 6.5
    acres …"): "Why has the council's cabinet voted on Tuesday to sell 6.5 acres …?" ("why did …" for a verb whose past
    is not its participle: "Why did Mr Hale write …?"); None for any other question, or
    when the answer's sentence tells no deed in the past with its doer."""
    said = told(answer) if _WHY_DID_IT.match(question) else None
    if not said:
        return None
    from lang.tagging import parse  # spaCy only for such a follow-up

    doc = parse(said)
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.pos_ == "PRON" or verb.tag_ != "VBD" or any(
            c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return None  # "They closed it": whom "they" means is for the names of the conversation
    doer = doc[subject.left_edge.i:subject.right_edge.i + 1].text
    doer = doer[:1].lower() + doer[1:] if doc[subject.left_edge.i].lower_ in STOPWORDS else doer
    rest = doc[verb.i + 1:].text.rstrip(" .!?\"”’")
    if verb.lower_.endswith("ed"):  # "why has the cabinet voted …": "the cabinet vote" would read as a noun
        return f"Why {'have' if subject.tag_ == 'NNS' else 'has'} {doer} {verb.lower_} {rest}?".replace(" ?", "?")
    return f"Why did {doer} {verb.lemma_} {rest}?".replace(" ?", "?")


def after_the_answer(question: str, answer: str) -> str | None:
    """"What happened after <the sentence the last answer cited first>?", or None when the question does not ask
    what came next or the answer cited nothing."""
    asked = _NEXT.match(question)
    said = told(answer) if asked is not None else None
    if not said:
        return None
    if said.split(" ", 1)[0].lower() in STOPWORDS:  # "the council approved it", but "Hollinbrook's MP said"
        said = said[:1].lower() + said[1:]
    return f"What {'happens' if asked.group('now') else 'happened'} after {said}?" if said else None
