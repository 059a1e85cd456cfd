"""What comes next in a story (lang/next_steps.py, qa/skills/outlook.py): the questions that ask it, the
sentences that look ahead, and the answer: the article's last such sentences, in its order, cited exactly,
never its first sentence (the event itself), reported sentences before quotes."""
from __future__ import annotations

import pytest

from lang.next_steps import asks_next, looks_ahead
from qa.skills.outlook import ahead, next_steps
from qa.types import Level

from support import article_doc

TEXT = """# Council votes to close the old library

The council voted on Monday to close the old library on Mill Lane, and the building will shut next spring.
Its 40,000 books will move to the new community hub on the high street.
"Nobody will miss a building that leaks every winter," said one councillor.
Campaigners gathered 3,000 signatures against the plan in a week.
The campaign group is due to meet lawyers on Friday, and a legal challenge has not been ruled out.
A final vote on the budget will take place on 19 February.
"""


def _doc():
    return article_doc(TEXT, "l.md")


@pytest.mark.parametrize("question, subject", [
    ("what happens next?", ""), ("and what happens next", ""), ("whats next for the union", "the union"),
    ("What are the next steps?", ""), ("where does it go from here", ""), ("what now?", ""),
    ("what will happen now with the strike", "the strike"), ("what is the council going to do next", "the council"),
    ("what are they planning to do next?", ""), ("what happens next after the rescue", "the rescue"),
    ("whats the trust doing next", "the trust"), ("what will the council do next?", "the council"),
    ("what does the union do next", "the union"),
])
def test_questions_that_ask_what_comes_next(question, subject):
    assert asks_next(question) == subject


@pytest.mark.parametrize("question", [
    "what happened next", "what happens next week?", "what happens if the talks fail?", "what is next to the station",
    "who is next in line for the job?",
])
def test_questions_that_ask_something_else(question):
    assert asks_next(question) is None


def test_sentences_that_look_ahead():
    assert looks_ahead("The union's executive is due to meet on Monday to decide its next step.")
    assert looks_ahead("Delacourt said further walkouts had not been ruled out.")
    assert looks_ahead("He said it would invite both sides back next week.")
    assert looks_ahead("A final vote will take place on 19 February.")
    assert not looks_ahead("The plan would hit the poorest neighbourhoods hardest.")  # a fear, not a plan
    assert not looks_ahead("The council voted on Monday.")


def test_the_last_sentences_that_look_ahead_not_the_event_itself_and_not_the_quote():
    picked = [ln.text for ln in ahead(_doc())]
    assert picked == [
        "Its 40,000 books will move to the new community hub on the high street.",
        "The campaign group is due to meet lawyers on Friday, and a legal challenge has not been ruled out.",
        "A final vote on the budget will take place on 19 February.",
    ]


def test_the_answer_cites_each_sentence_exactly_and_is_likely_not_sure():
    a = next_steps([_doc()])
    assert a is not None and a.level is Level.LIKELY
    assert [c.quote for c in a.draft.citations] == [ln.text for ln in ahead(_doc())]
    assert all(c.quote == TEXT[c.start:c.end] for c in a.draft.citations)
    assert next_steps([]) is None


def test_the_next_steps_of_one_named_are_its_own_or_the_storys_when_it_is_the_story():
    from qa.skills.outlook import ahead
    from support import article_doc

    doc = article_doc("# Council to close library\n\nThe council voted on Monday to close the library.\n\n"
                      "A public meeting will be held on 12 March.\n\nThe union will ballot its members next week.\n")
    assert [ln.text for ln in ahead(doc, "the union")] == ["The union will ballot its members next week."]
    assert len(ahead(doc, "the library")) == 2  # the story itself: all that is to come
    assert ahead(doc, "the residents") == []  # "what will the residents do next?": the article does not say
