"""What set a deed off, as news tells it ("was fined £48,000 after slurry poured into a brook"): lang/triggers.py
reads the "after …" on a deed's own verb; the "why" skill (qa/skills/causes.py) cites that sentence for "why was
the farm fined?", not a "because" that gives the reason for another deed; a bare "why?" after such an answer asks
about the deed it told (qa/conversation/next_event.py). A yes/no answer whose sentences never speak of the deed
asked is doubtful (qa/compose/deed_said.py); "its going to" in a yes/no question is read as "will"."""
from __future__ import annotations

import pytest

from qa.compose.yesno import yes_no
from qa.types import Level
from support import article_doc, service_on
from test_answer import assert_citations_are_exact

FARM = """# Farm fined over slurry spill

MARSTON — Tenbury Lane Farm was fined £31,000 on Tuesday after slurry from a leaking tank poured into the Ashwell Brook, killing hundreds of fish.

The magistrate said he had reduced the fine by a third because of the farm's early guilty plea.

The farm's owner, Derek Pollard, said he was "deeply sorry" and had since replaced the tank.
"""

THEATRE = """# Corn Hall to cut jobs

EDDERSLEY — The Corn Hall Theatre in Eddersley is to cut nine of its 30 staff after losing its council grant, the theatre said on Friday.

The council said it had cut the grant because it must save £2 million this year.
"""


@pytest.mark.integration  # spaCy's parser reads what the "after" hangs on
@pytest.mark.parametrize("sentence, verb, told", [
    ("The theatre is to cut nine staff after losing its grant.", "cut", "after losing its grant"),
    ("The farm was fined after slurry poured into the brook.", "fined", "after slurry poured into the brook"),
    ("The stretch will be tested after a three-year campaign by residents.", "tested", "after a three-year campaign by residents"),
    ("The road was shut after three weeks.", "shut", None),  # a time, not what set it off
    ("The shop reopened after Christmas.", "reopened", None),
    ("The museum closed after 6pm on Friday.", "closed", None),
    ("The club was named after Sir Arthur Penrose.", "named", None),  # a person
])
def test_an_after_that_takes_an_event_is_what_set_the_deed_off(sentence, verb, told):
    from lang.tagging import parse
    from lang.triggers import trigger

    doc = parse(sentence)
    span = trigger(next(t for t in doc if t.text == verb))
    assert (span.text if span is not None else None) == told


@pytest.mark.integration
def test_why_cites_the_deeds_own_trigger_not_a_because_for_another_deed():
    from qa.skills.causes import why

    found = why([article_doc(FARM)], "why was the farm fined")
    assert found is not None and found.level is Level.LIKELY
    assert found.draft.text.startswith("MARSTON — Tenbury Lane Farm was fined £31,000") and "guilty plea" not in found.draft.text
    # Two sentences set the same deed off: which one is the reason, the skill cannot tell, so it leaves it.
    twice = FARM + "\nThe farm was fined again in May after a second tank leaked.\n"
    other = why([article_doc(twice)], "why was the farm fined")
    assert other is None or "Tenbury Lane Farm was fined £31,000" not in other.draft.text


@pytest.mark.integration
def test_a_phrasal_verb_that_means_the_deed_is_the_deed():
    from qa.skills.causes import why

    rail = ("# Railway reopening put back\n\nThe reopening of the Dunmere Valley Railway has been put back by a year "
            "after engineers found damage to its viaduct.\n\nThe line closed in 2022.\n")
    found = why([article_doc(rail)], "why is the railway reopening delayed")
    assert found is not None and "after engineers found damage" in found.draft.text


@pytest.mark.integration
@pytest.mark.parametrize("answer, asked", [
    ("EDDERSLEY — The Corn Hall Theatre in Eddersley is to cut nine of its 30 staff after losing its council grant, "
     "the theatre said on Friday. [1]", "Why is the Corn Hall Theatre in Eddersley to cut nine of its 30 staff?"),
    ("£31,000. MARSTON — Tenbury Lane Farm was fined £31,000 on Tuesday after slurry from a leaking tank poured into "
     "the Ashwell Brook, killing hundreds of fish. [1]", "Why was Tenbury Lane Farm fined £31,000 on Tuesday?"),
    ("Jane Moss, the council's finance chief, resigned after the board voted to cut her pay. [1]",
     "Why did Jane Moss, the council's finance chief, resign?"),
    ("They closed it after a storm. [1]", None),  # "why did they close it?" would fit any closure
    ("It closed after a storm. [1]", None),
    ("He resigned in May after a row. [1]", None),  # whom "he" means is for the names of the conversation
    # The sentence that holds the answer's phrase, not the one cited before it for context; "it" with words that
    # fit one deed only.
    ("October 2022. The line is run by the Dunmere Trust, a charity. [1] It closed in October 2022 after a survey "
     "found cracks in its arches. [2]", "Why did it close in October 2022?"),
    ("The road was shut after three weeks. [1]", None),
    ("The article may not say this; the closest it comes is: The pool closed after a leak. [1]", None),
])
def test_a_bare_why_asks_about_the_deed_the_answer_told(answer, asked):
    from qa.conversation.next_event import why_it_was_set_off

    assert why_it_was_set_off("why?", answer) == asked
    assert why_it_was_set_off("why did the pool close?", answer) is None  # not a bare "why?"


@pytest.mark.integration
def test_why_after_an_answer_gives_what_set_its_deed_off(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "corn_hall.md", THEATRE)
    first = service.answer("how many jobs are going at the corn hall")
    assert "nine of its 30 staff" in first.text
    history = [{"role": "user", "content": "how many jobs are going at the corn hall"},
               {"role": "assistant", "content": first.text}]
    a = service.answer("why?", history)
    assert a.level is Level.LIKELY and "after losing its council grant" in a.text
    assert "must save £2 million" not in a.text  # why the council cut the grant, not why the theatre cuts jobs
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
@pytest.mark.parametrize("question, sentences, unsaid", [
    ("will derek pollard be prosecuted", ['The farm\'s owner, Derek Pollard, said he was "deeply sorry".'], "prosecuted"),
    ("are the parking bays being ripped out", ["The bays will be kept for bicycles."], "ripped"),
    ("did the council approve the plan", ["The approval came on Monday."], None),  # the noun made from it
    ("did the council accept the offer", ["The council rejected the offer."], None),  # its opposite
    ("did prices rise", ["Prices went up by 5%."], None),  # a phrasal verb that means it
    ("has work on the roof started yet", ["Roofers are due to begin work on 14 July."], None),  # like meaning
    ("did anyone die", ["No deaths were reported."], None),
    ("did the trust get any grant money", ["The trust has raised £1.1 million, including a £600,000 grant."], None),
])
def test_a_yes_no_answer_whose_sentences_never_speak_of_the_deed_is_doubtful(question, sentences, unsaid):
    from qa.compose.deed_said import deed_unsaid

    assert deed_unsaid(question, sentences) == unsaid


@pytest.mark.integration
def test_a_yes_no_answer_that_never_speaks_of_the_deed_is_shown_as_the_closest_sentence(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "farm.md", FARM)
    a = service.answer("will derek pollard be prosecuted?")
    assert a.level in (Level.DOUBTFUL, Level.REFUSED) and a.short is None
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    ("has the firm said its going to appeal", "The firm has not said whether it will appeal.", "No"),
    ("has the firm said they're going to appeal", "The firm has not said whether it will appeal.", "No"),
    ("is it going to close", "The shop will close in May.", "Yes"),
])
def test_going_to_in_a_yes_no_question_is_will(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
