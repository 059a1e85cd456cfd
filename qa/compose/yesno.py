"""Yes or No for a yes/no question, said only when a cited sentence plainly states it."""
from __future__ import annotations

from lang.rules import AUXILIARIES, NEGATIONS, auxiliary, is_negation
from lang.words import STOPWORDS, stem, words


def yes_no(question: str, sentence: str) -> str | None:
    """"Yes" or "No" when the sentence plainly states it: the question is a yes/no question, every content
    word of the question occurs in the sentence, and negation decides (present in exactly one of the
    two: "No"; in neither or both: "Yes"). None otherwise (not yes/no, a choice "X or Y", a word missing)."""
    ws = words(question)
    if not ws or auxiliary(ws[0]) not in AUXILIARIES or " or " in f" {' '.join(ws)} ":
        return None
    content = {stem(w) for w in ws[1:] if w not in STOPWORDS and w not in NEGATIONS}
    sentence_words = words(sentence)
    if not content or not content <= {stem(w) for w in sentence_words}:
        return None
    q_neg = any(is_negation(w) for w in ws)
    s_neg = any(is_negation(w) for w in sentence_words)
    return "No" if q_neg != s_neg else "Yes"
