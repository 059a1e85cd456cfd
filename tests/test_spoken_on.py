"""A person's later words (qa/judgment/spoken_on.py): "She said an interim report was due in eight weeks." answers
"when is Varro's report due?" though only the sentence before names her; it comes first, with the confidence of
the sentence that names her, only when its "she" is that person and it says more of the rest of the question."""
from __future__ import annotations

from qa.judgment.evidence import Scored
from qa.judgment.features import Candidate
from qa.judgment.spoken_on import spoken_on_first
from qa.question import analyze

PASSAGE = ("Its chief inspector, Ines Varro, said on Monday that the rail appeared to have fractured. "
           "She said an interim report was expected within eight weeks.")
OTHER = "Ana Ruiz, the mayor, called the crash a warning. She said a report was due in May."


def _scored(passage: str, sentence: str, confidence: float, source: str = "a.txt") -> Scored:
    start = passage.index(sentence)
    cand = Candidate(passage_rank=0, passage_id=f"{source}#0", source=source, start=start, end=start + len(sentence),
                     text=sentence, passage_start=0, passage_end=len(passage), passage_text=passage,
                     index=passage[:start].count(". "), cosine=0.5, passage_vector_rank=1, passage_bm25_rank=1)
    return Scored(cand, coverage=0.5, context_coverage=1.0, fits=False, score=confidence, confidence=confidence)


NAMED = _scored(PASSAGE, PASSAGE.split(". ")[0] + ".", 0.55)
LATER = _scored(PASSAGE, "She said an interim report was expected within eight weeks.", 0.07)


def test_her_later_words_come_first_with_the_confidence_of_the_sentence_that_names_her():
    q = analyze("when is Ines Varro's report due", lambda t: 1.0)
    out = spoken_on_first(q, (NAMED, LATER))
    assert out[0].text == LATER.text and out[0].confidence == NAMED.confidence
    assert out[1] is NAMED
    # A follow-up's name, carried from an earlier turn, counts the same; the note's names are not its words.
    q = analyze("when is Ines Varro's report due (Rail Board)", lambda t: 1.0, ("Ines Varro", "Rail Board"))
    assert spoken_on_first(q, (NAMED, LATER))[0].text == LATER.text


def test_the_order_stays_when_the_she_is_someone_else_or_the_named_sentence_says_as_much():
    someone_else = _scored(OTHER, "She said a report was due in May.", 0.07)
    q = analyze("when is Ines Varro's report due", lambda t: 1.0)
    assert spoken_on_first(q, (NAMED, someone_else))[0] is NAMED
    q = analyze("what did Ines Varro say about the rail", lambda t: 1.0)  # the sentence that names her says it
    assert spoken_on_first(q, (NAMED, LATER))[0] is NAMED
    q = analyze("when is the report due", lambda t: 1.0)  # no name asked
    assert spoken_on_first(q, (NAMED, LATER))[0] is NAMED
