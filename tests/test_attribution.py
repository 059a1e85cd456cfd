"""qa/conversation/attribution.py: which turns ask where the last answer comes from, and which question that was."""
from __future__ import annotations

from qa.conversation.attribution import asks_source, last_question


def test_turns_that_ask_for_the_source():
    for asked in ["according to who?", "According to whom", "says who?", "who said that?", "Who says so?",
                  "what's the source?", "source?", "And who told you that?", "where does that come from?",
                  "who announced it?", "who confirmed that", "whose estimate is that",
                  "Whose figures are those?", "who estimated that?", "who came up with that"]:
        assert asks_source(asked), asked


def test_questions_that_only_share_words_with_it_are_not():
    for asked in ["Who said the bridge would close?", "According to the police, how many were hurt?",
                  "What is the source of the river?", "Where does the crown come from?", "Who reported the theft?",
                  "Who announced the fund?", "Whose estimate is the highest?", "Who estimated the cost?"]:
        assert not asks_source(asked), asked


def test_the_last_question_answered_with_what_came_before_it():
    history = [{"role": "user", "content": "Who won?"}, {"role": "assistant", "content": "Ana Ruiz [1]"},
               {"role": "user", "content": "By how much?"}, {"role": "assistant", "content": "6-3 [1]"},
               {"role": "user", "content": "according to who?"}, {"role": "assistant", "content": "The council"}]
    asked, before = last_question(history)
    assert asked == "By how much?" and before == tuple(history[:2])  # a source question is not asked again
    assert last_question([]) is None
    assert last_question([{"role": "user", "content": "Who won?"}]) is None  # never answered
