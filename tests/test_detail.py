"""qa/conversation/detail.py: which turns ask for one more detail of the last answer by a preposition and a
question word, and what kind of phrase answers each."""
from __future__ import annotations

from qa.conversation.detail import Detail, asks_detail


def test_a_preposition_and_a_question_word_ask_for_a_detail():
    assert asks_detail("against who?") == Detail("against", "person")
    assert asks_detail("And for how much") == Detail("for", "number")
    assert asks_detail("to which club?") == Detail("to", "any", "club")
    assert asks_detail("since when?") == Detail("since", "date")
    assert asks_detail("with whom exactly?") == Detail("with", "person")
    assert asks_detail("instead of what?") == Detail("instead of", "any")
    assert asks_detail("by how many votes?") == Detail("by", "number", "votes")


def test_what_it_was_before_asks_for_the_from_of_a_change():
    for asked in ["and what was it before?", "what was the fare before", "how much did it cost before", "before that?"]:
        assert asks_detail(asked) == Detail("from", "any", change=True), asked
    assert asks_detail("who was mayor before Brandt?") is None


def test_a_question_of_its_own_or_a_narrowing_phrase_is_not_one():
    for asked in ["against whom did the club play on Saturday?", "for how long did he stay", "in Moscow?",
                  "per share?", "who?", "why?", "for how long?", "to which club did Dunmere sell him?", "what for?"]:
        assert asks_detail(asked) is None, asked


def test_what_the_last_answer_includes_asks_for_its_including_phrase():
    for asked in ["what does that include?", "and what does it cover", "like what?", "such as?", "including what"]:
        assert asks_detail(asked) == Detail("including", "any"), asked
    assert asks_detail("what does the package include?") is None  # a question of its own
