"""A summary reports the story rather than quoting it (qa/skills/summary.py): a sentence that is mostly a quote
costs, so reported sentences of equal weight are chosen before it; and how much of a sentence is quoted
(lang/rules.quoted_share), including a quote that runs over a sentence boundary."""
from __future__ import annotations

import numpy as np
import pytest

from lang.rules import quoted_share
from qa.skills.summary import needs_its_speaker, summarize

from support import article_doc

TEXT = """# Council votes to close the old library

The council voted on Monday to close the old library on Mill Lane from next spring to save money.
"This building has served the town for a century and it deserves better than a slow decline," said one member.
The library needs repairs estimated at 2 million pounds, which the council says it cannot afford.
Its 40,000 books will move to the new community hub on the high street by the end of the year.
Staff will be offered jobs at the hub, and no redundancies are expected among the library's nine workers.
A public meeting on the plan will be held at the town hall on 12 March.
"""


def _doc():
    # Every sentence equally central: only the lead, the names and the quotes tell them apart.
    return article_doc(TEXT, "l.md", np.ones((7, 4), dtype=np.float32) / 2)


def test_a_sentence_that_is_mostly_a_quote_gives_way_to_a_reported_one():
    picked = [ln.text for ln in summarize(_doc())]
    assert len(picked) == 4 and picked[0].startswith("The council voted on Monday")
    assert not any(t.startswith('"This building') for t in picked)
    assert any(t.startswith("The library needs repairs") for t in picked)


def test_a_summary_ends_on_what_comes_next_when_its_picks_leave_it_out():
    picked = [ln.text for ln in summarize(_doc())]
    assert picked[-1] == "A public meeting on the plan will be held at the town hall on 12 March."
    # Not a step that waits on another, nor one that leans on the sentence before for what "it" is.
    waiting = TEXT.replace("A public meeting on the plan will be held", "If it is approved, a public meeting will be held")
    picked = [ln.text for ln in summarize(article_doc(waiting, "l.md", np.ones((7, 4), dtype=np.float32) / 2))]
    assert not any(t.startswith("If it is approved") for t in picked) and len(picked) == 3
    # Nor another story's step, nor what is to come in an aside about someone.
    # A change told in the future is no step either: a step says when it comes.
    for step in ("Separately, new recycling bins will be delivered to homes from next week.",
                 "Mr Ashby, who will turn 60 next month, has led the opposition group since 2019.",
                 "Fines for late returns will rise from 20p to 50p a day."):
        other = TEXT.replace("A public meeting on the plan will be held at the town hall on 12 March.", step).replace(
            "Staff will be offered jobs at the hub, and no", "No")
        picked = [ln.text for ln in summarize(article_doc(other, "l.md", np.ones((7, 4), dtype=np.float32) / 2))]
        assert len(picked) == 3  # no step added past the three picks


@pytest.mark.parametrize("text, low, high", [
    ("No one is quoted here.", 0.0, 0.0),
    ('He called the plan "regrettable" and left.', 0.2, 0.4),
    ('"We are acting now.', 1.0, 1.0),  # the quote goes on in the next sentence
    ('Every litre counts," she said.', 0.5, 0.7),  # the quote began in the sentence before
    ('She said: “People needed to know straight away.”', 0.6, 0.8),
])
def test_the_quoted_share_of_a_sentence(text, low, high):
    assert low <= quoted_share(text) <= high



@pytest.mark.parametrize("text, needs", [
    ('"There is no money left for the building."', True),  # all quote: its speaker is in another sentence
    ("He said no decision had been made.", True),
    ('"We have looked at every option," said council leader Ana Ruiz.', False),
    ("The council voted on Monday to close the old library.", False),
    ('The leader called the plan "regrettable" and left.', False),
])
def test_a_sentence_that_needs_its_speaker_from_another(text, needs):
    assert needs_its_speaker(text) is needs


def test_a_sentence_about_something_s_own_needs_the_one_before_unless_it_names_someone():
    from qa.skills.summary import needs_its_speaker

    assert needs_its_speaker("Its soil consultant told the inquiry that only 38 percent of the land was good.")
    assert not needs_its_speaker("Its president, Alun Brathwaite, said the cut would hurt his members.")
