"""qa/compose/told_after.py: a person's deed told just after the sentence that names them, by "he" or "she"."""
from __future__ import annotations

from qa.compose.told_after import told_after_name
from qa.judgment.evidence import Scored
from qa.judgment.features import Candidate
from qa.question import analyze

PASSAGE = ("Gordon Pybus, 74, who has lived on Tanner's Row for more than 40 years, was in his kitchen when it struck. "
           "\"It sounded like a train,\" he said. He is now staying with his daughter in Coldby.")


def _scored(text: str, passage: str = PASSAGE, passage_id: str = "a#1#0") -> Scored:
    start = passage.index(text)
    c = Candidate(passage_rank=0, passage_id=passage_id, source="a.txt", start=start, end=start + len(text), text=text,
                  passage_start=0, passage_end=len(passage), passage_text=passage, index=0, cosine=0.5,
                  passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(c, coverage=0.5, context_coverage=0.5, fits=True, score=0.5, confidence=0.5, missing=())


NAMES = _scored(PASSAGE.split(" \"")[0])
QUOTE = _scored("\"It sounded like a train,\" he said.")
STAYING = _scored("He is now staying with his daughter in Coldby.")


def flat_idf(term: str) -> float:
    return 1.0


def test_the_sentence_after_the_name_that_tells_what_is_asked_is_cited():
    q = analyze("where is Gordon Pybus staying", flat_idf)
    assert told_after_name(q, [NAMES, QUOTE, STAYING]) == 2


def test_not_when_the_best_sentence_tells_it_or_the_other_is_elsewhere_or_before():
    assert told_after_name(analyze("how long has Gordon Pybus lived on Tanner's Row", flat_idf),
                           [NAMES, QUOTE, STAYING]) is None  # the best one says it
    other = _scored("He is now staying with his daughter in Coldby.", passage_id="a#2#0")
    assert told_after_name(analyze("where is Gordon Pybus staying", flat_idf), [NAMES, other]) is None
    assert told_after_name(analyze("where is the family staying", flat_idf), [NAMES, STAYING]) is None  # no name


def test_not_when_someone_else_is_named_or_spoken_of_between_or_the_pronoun_is_the_other_ones():
    q = analyze("where is Gordon Pybus staying", flat_idf)
    passage = ("Gordon Pybus, 74, was in his kitchen when it struck. His wife was in the garden. "
               "She is now staying with her sister.")
    first, she = _scored(passage.split(" His")[0], passage), _scored("She is now staying with her sister.", passage)
    assert told_after_name(q, [first, she]) is None
    passage = "Gordon Pybus, 74, was in his kitchen when it struck. Firefighter Alan Pike pulled him out. He is now staying."
    first, he = _scored(passage.split(" Fire")[0], passage), _scored("He is now staying.", passage)
    assert told_after_name(q, [first, he]) is None


def test_not_when_the_best_sentence_names_another_person_beside_the_one_asked():
    q = analyze("what award was Gordon Pybus given", flat_idf)
    passage = "Gordon Pybus, 74, was pulled from the rubble by Alan Pike. He was later given a bravery award."
    first, he = _scored(passage.split(" He")[0], passage), _scored("He was later given a bravery award.", passage)
    assert told_after_name(q, [first, he]) is None


OWN_WORDS = ("Dennis Marlow, 67, who has lived on his narrowboat for nine years, woke to find it tilted in the mud. "
             "\"My cups were sliding off the shelf,\" he said. \"I'm staying with my daughter for now.\"")


def test_their_own_words_in_the_first_person_after_he_said_tell_it_too():
    first = _scored(OWN_WORDS.split(" \"")[0], OWN_WORDS)
    said, own = _scored("\"My cups were sliding off the shelf,\" he said.", OWN_WORDS), _scored(
        "\"I'm staying with my daughter for now.\"", OWN_WORDS)
    assert told_after_name(analyze("where is dennis marlow staying", flat_idf), [first, said, own]) == 2  # typed lower
    she_said = OWN_WORDS.replace("he said", "she said")  # another one's words
    first, said, own = (_scored(t, she_said) for t in (she_said.split(" \"")[0], "\"My cups were sliding off the shelf,\" "
                                                        "she said.", "\"I'm staying with my daughter for now.\""))
    assert told_after_name(analyze("where is dennis marlow staying", flat_idf), [first, said, own]) is None
