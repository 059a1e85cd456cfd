"""What set a deed off, as news tells it ("was fined £48,000 after slurry poured into a brook"): lang/triggers.py
reads the "after …" on a deed's own verb; the "why" skill (qa/skills/causes.py) cites that sentence for "why was
the farm fined?", not a "because" that gives the reason for another deed; a bare "why?" after such an answer asks
about the deed it told, or the one the last question asked about (qa/conversation/set_off.py). A yes/no answer whose sentences never speak of the deed
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
    ("The stretch was tested after a three-year campaign by residents.", "tested", "after a three-year campaign by residents"),
    ("The home closed after an inspection that found serious failings.", "closed",
     "after an inspection that found serious failings"),
    ("The road was closed after complaints from residents.", "closed", "after complaints from residents"),
    ("The road was shut after three weeks.", "shut", None),  # a time, not what set it off
    ("The shop reopened after Christmas.", "reopened", None),
    ("The museum closed after 6pm on Friday.", "closed", None),
    ("Jim Hart resigned on Monday after the council meeting.", "resigned", None),  # as often when as why
    ("The club was named after Sir Arthur Penrose.", "named", None),  # a person
    ("The theatre was not fined after a fire alarm fault.", "fined", None),  # a deed denied
    ("The mayor will step down after the May elections.", "step", None),  # when a plan comes, not why
    ("The shop will close after the lease ends.", "close", None),
    ("The shop will close after the council cut its grant.", "close", "after the council cut its grant"),
    ("The bridge will reopen after repairs are finished.", "reopen", None),  # still to come
    ("The lido reopened on Saturday after a two-year wait.", "reopened", None),  # a stretch of time
    ("Councillors approved the plans after an hour-long meeting at the town hall.", "approved", None),
    ("The road was closed after a period of heavy rain.", "closed", "after a period of heavy rain"),  # what it held
    ("The route was withdrawn after a consultation that found little support.", "withdrawn",
     "after a consultation that found little support"),
    ("Twenty families will be rehoused after their flats have been declared unsafe.", "rehoused",
     "after their flats have been declared unsafe"),  # done, though the rehousing is to come
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
def test_a_because_for_the_deed_comes_before_what_set_it_off_and_the_one_asked_must_be_its_doer():
    from qa.skills.causes import why

    told = ("# Councillor quits\n\nJim Hart resigned on Monday after a row with the board.\n\n"
            "Mr Hart said he had resigned because of ill health.\n\n"
            "Kyle Moss was arrested after Dean Walsh was taken to hospital.\n")
    found = why([article_doc(told)], "why did jim hart resign")
    assert found is not None and "because of ill health" in found.draft.text and "after a row" not in found.draft.text
    walsh = why([article_doc(told)], "why was walsh arrested")  # Walsh is in what set Moss's arrest off
    assert walsh is None or "Kyle Moss was arrested" not in walsh.draft.text
    deputy = article_doc("# Deputy quits\n\nAnne Lowe, deputy to council leader Jim Hart, resigned on Monday after a "
                         "row over expenses claims.\n")
    assert why([deputy], "why did jim hart resign") is None  # Hart is in the aside, not the one who resigned
    sued = article_doc("# Builder sues\n\nCresswell Homes is suing Harbury Council after the authority refused to "
                       "pay a £200,000 bill.\n")
    assert why([sued], "why is harbury council suing cresswell homes") is None  # the other way round
    assert "refused to pay" in why([sued], "why is cresswell homes suing harbury council").draft.text


@pytest.mark.integration
@pytest.mark.parametrize("text, question", [
    ("Council leader Jim Hart resigned on Monday after a row over the budget.", "why did mr hart resign"),
    ("Councillors Ann Lowe and Tom Byrne resigned on Monday after a row over the budget.", "why did tom byrne resign"),
    ("The mayor of Wenlow, Anne Price, stood down on Thursday after a complaint about her expenses.",
     "why did the mayor resign"),  # "resign" the parser reads as a noun; "stood down" means it
    ("Wenlow library was closed by the county council on Monday after a survey found asbestos.",
     "why did the council close the library"),  # the one it was done by
    ("The owner of Ridge Farm was fined £5,000 after slurry leaked into the river.", "why was the ridge farm owner fined"),
])
def test_the_doer_is_found_however_the_sentence_names_it(text, question):
    from qa.skills.causes import why

    found = why([article_doc(f"# Story\n\n{text}\n")], question)
    assert found is not None and found.draft.text.startswith(text)


@pytest.mark.integration
def test_the_doers_own_blame_comes_before_what_set_it_off_and_a_reason_beside_it_is_cited_too():
    from qa.skills.causes import why

    firm = article_doc("# Builder collapses\n\nAshlane Homes collapsed into administration on Monday after a string "
                       "of losses.\n\nAshlane blamed a sharp rise in the cost of materials.\n")
    assert why([firm], "why did ashlane homes collapse").draft.text.startswith("Ashlane blamed")
    bus = article_doc("# Bus axed\n\nThe number 12 bus was withdrawn on Monday after a row with the council. Operator "
                      "Stagecoach said the route was losing money due to low passenger numbers.\n")
    text = why([bus], "why was the number 12 bus withdrawn").draft.text
    assert "after a row with the council" in text and "due to low passenger numbers" in text
    mayor = article_doc("# Mayor quits\n\nThe mayor of Dunmere, Gerald Pike, resigned on Monday after an inquiry found he "
                        "had claimed £18,000 in expenses.\n\nPike, 61, read a short statement. He said he was stepping "
                        "down \"so that the city can move on\".\n")
    text = why([mayor], "why did mayor pike resign").draft.text  # his own reason, told by "he", beside the trigger
    assert "after an inquiry found" in text and "so that the city can move on" in text
    cole = article_doc("# Striker leaves\n\nStriker Dan Cole left Hollinsby Town on Friday after a row with manager Lee "
                       "Barr. Barr was sacked last month because of poor results.\n")
    assert "poor results" not in why([cole], "why did dan cole leave hollinsby town").draft.text  # another's deed


@pytest.mark.integration
def test_a_phrasal_verb_that_means_the_deed_is_the_deed():
    from qa.skills.causes import why

    rail = ("# Railway reopening put back\n\nThe reopening of the Dunmere Valley Railway has been put back by a year "
            "after engineers found damage to its viaduct.\n\nThe line closed in 2022.\n")
    found = why([article_doc(rail)], "why is the railway reopening delayed")
    assert found is not None and "after engineers found damage" in found.draft.text


@pytest.mark.integration
@pytest.mark.parametrize("answer, asked, rewritten", [
    ("EDDERSLEY — The Corn Hall Theatre in Eddersley is to cut nine of its 30 staff after losing its council grant, "
     "the theatre said on Friday. [1]", "how many jobs are going", "Why is the Corn Hall Theatre in Eddersley to cut nine "
     "of its 30 staff?"),
    ("£31,000. MARSTON — Tenbury Lane Farm was fined £31,000 on Tuesday after slurry from a leaking tank poured into "
     "the Ashwell Brook, killing hundreds of fish. [1]", "how much was the farm fined",
     "Why was Tenbury Lane Farm fined £31,000 on Tuesday?"),
    ("Jane Moss, the council's finance chief, resigned after the board voted to cut her pay. [1]", "who resigned",
     "Why did Jane Moss, the council's finance chief, resign?"),
    ("After losing its grant, the Wenning Angling Club is to stop restocking the river. [1]", "what is the club doing",
     "Why is the Wenning Angling Club to stop restocking the river?"),  # what set it off told first
    ("The club's committee, after a row with members, voted to close its junior section. [1]", "what did they decide",
     "Why did the club's committee vote to close its junior section?"),
    ("Unison said it balloted its members after the trust cut their pay. [1]", "what did unison do",
     "Why did Unison ballot its members?"),  # "it": the one who says it
    # The deed asked about is told, but not with what set it off: the jailing's trigger is not the fine's.
    ("£5,000. Farmer John Hale, who was fined £5,000 in 2020, was jailed for six months on Monday after he admitted "
     "polluting the river. [1]", "how much was john hale fined", None),
    ("No. The theatre was fined after a fire. [1]", "was the theatre praised", None),  # "why?" then asks why not
    ("They closed it after a storm. [1]", "", None),  # "why did they close it?" would fit any closure
    ("It closed after a storm. [1]", "", None),
    ("He resigned in May after a row. [1]", "", None),  # whom "he" means is for the names of the conversation
    # The sentence that holds the answer's phrase, not the one cited before it for context; "it" with words that
    # fit one deed only.
    ("October 2022. The line is run by the Dunmere Trust, a charity. [1] It closed in October 2022 after a survey "
     "found cracks in its arches. [2]", "when did the line close", "Why did it close in October 2022?"),
    ("The road was shut after three weeks. [1]", "", None),
    ("The article may not say this; the closest it comes is: The pool closed after a leak. [1]", "", None),
])
def test_a_bare_why_asks_about_the_deed_the_answer_told(answer, asked, rewritten):
    from qa.conversation.set_off import why_it_was_set_off

    assert why_it_was_set_off("why?", answer, asked) == rewritten
    assert why_it_was_set_off("why did the pool close?", answer, asked) is None  # not a bare "why?"


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
    ("was the old pier demolished", ["The old pier was a landmark for a century."], "demolished"),
    ("has the council approved the car park", ["The council gave its plans for a car park the go-ahead."], None),
    ("did the council approve the plan", ["The approval came on Monday."], None),  # the noun made from it
    ("did the council accept the offer", ["The council rejected the offer."], None),  # its opposite
    ("did prices rise", ["Prices went up by 5%."], None),  # a phrasal verb that means it
    ("has work on the roof started yet", ["Roofers are due to begin work on 14 July."], None),  # like meaning
    ("did anyone die", ["No deaths were reported."], None),
    ("did the trust get any grant money", ["The trust has raised £1.1 million, including a £600,000 grant."], None),
    ("have the expansion plans been scrapped", ["The trust has dropped plans to expand the school."], None),  # the plans
    ("did lisa crane quit", ["Lisa Crane stood down in January."], None),
    ("is the council going to chip in", ["The council would consider a grant of up to £25,000."], None),  # an idiom
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
    ("did the mayor say she's going to the opening", "The mayor said she would not be at the opening.", None),
    ("is it going to close", "The shop will close in May.", "Yes"),
])
def test_going_to_in_a_yes_no_question_is_will(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
