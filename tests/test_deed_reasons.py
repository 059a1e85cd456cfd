"""Why someone did something (qa/skills/deeds.py, lang/motives.asks_deed) and what counts as a reason for it
(lang/rules.explains): in news the doer's own words are their reason when no sentence says "because"; a date is
no reason ("due to close"), nor is the asked event given as the cause of something else ("without water after a
main burst"); a deed set in a year gone by does not answer "will they …?" (qa/compose/earlier.py)."""
from __future__ import annotations

import pytest

from lang.motives import asks_deed
from lang.reasons import explains
from qa.compose.earlier import done_before
from qa.types import Level, Route
from support import article_doc, service_on
from test_answer import assert_citations_are_exact

BANK = """# Town to lose its last bank

CULLINGFORD — Westmarch Bank will close its branch on Sheep Street on 14 March, the company confirmed on Wednesday.

"This was not a decision we took lightly," said Fiona Marchetti, Westmarch's regional director.
"But the way people bank has changed, and we have to put our resources where our customers are."

Councillor Helen Rusholme called the decision "a kick in the teeth".
"""


@pytest.mark.integration  # a deed's first word is read by spaCy's tagger
@pytest.mark.parametrize("question, reads", [
    ("why is westmarch shutting the branch", [("westmarch", "shutting the branch")]),
    ("why did the council raise the rents", [("the council", "raise the rents")]),
    ("why did norvik shares fall", [("norvik shares", "fall")]),  # not Norvik's deed "shares fall"
    ("why was the haddock quota cut", []),  # told in the passive: no doer named
    ("why were they sacked", []),
    ("why is the society against it", []),  # a view: asks_motive answers it
    ("what did the council do", []),
])
def test_a_why_of_a_deed_is_read_every_way_its_doer_may_be_named(question, reads):
    assert asks_deed(question) == reads


@pytest.mark.integration
def test_the_doers_own_words_answer_why_they_did_it_when_no_sentence_says_because(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "bank.md", BANK)
    a = service.answer("why is westmarch shutting the branch")
    assert a.route is Route.OPINION and a.level is Level.LIKELY  # their case, which the article may not bear out
    assert "the way people bank has changed" in a.text and "kick in the teeth" not in a.text
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
def test_no_doers_words_stand_for_a_reason_the_article_states_or_for_a_place():
    from qa.skills.deeds import doer_reason

    stated = article_doc(BANK + "\nThe bank is shutting the branch because counter use has fallen by 61 percent.\n")
    assert doer_reason([stated], [("westmarch", "shutting the branch")]) is None  # the sentence path cites it
    theirs = article_doc(BANK + "\nWestmarch said it was closing the branch because counter use had fallen.\n")
    found = doer_reason([theirs], [("westmarch", "shutting the branch")])
    assert found is not None and found.draft.text.startswith("Westmarch")
    assert "because counter use had fallen" in found.draft.text.split("[1]")[0]
    assert doer_reason([article_doc(BANK)], [("westmarch", "shutting the branch")]) is not None
    budget = article_doc("""# Council tax to rise

KETTLEBY — Council tax bills across Lindenshire will rise by 4.99 percent from April.
The largest opposition group, the Lindenshire Independent Group (LIG), put forward an amendment.
"This budget asks the people with the fewest choices to pay the most," said the LIG leader, Councillor Ann Okafor.
""")
    # A place does not speak: the group that bears its name is not its council.
    assert doer_reason([budget], [("lindenshire", "put council tax up")]) is None


@pytest.mark.parametrize("sentence, asked, reason", [
    ("The home is due to close on 24 March.", set(), False),  # a date
    ("Flights were cancelled due to the strike.", set(), True),
    ("The department said the cut followed advice that stocks had fallen.", set(), True),
    # The asked event given as the cause of something else ("why did the main burst?").
    ("Homes have been without water since Saturday, after a trunk main burst.", {"main", "burst"}, False),
    ("The main had split after a week of hard frost.", {"main", "burst"}, True),
    # A purpose told as a bid, as a headline writes it.
    ("Beavers released on river in bid to cut village flooding", set(), True),
    ("Staff hope to help customers.", set(), False),
])
def test_what_counts_as_a_reason(sentence, asked, reason):
    assert explains(sentence, asked) is reason


@pytest.mark.parametrize("question, sentence, earlier", [
    ("will the regulator fine the company for this", "The regulator fined the company £2.1 million in 2022.", True),
    ("is the regulator going to fine them", "The regulator fined the company £2.1 million in 2022.", True),
    ("will the regulator fine the company", "The regulator said it would decide in 2025.", False),  # still to come
    ("did the regulator fine the company", "The regulator fined the company £2.1 million in 2022.", False),
])
def test_a_deed_done_in_a_year_gone_by_does_not_answer_what_will_be(question, sentence, earlier):
    assert done_before(question, sentence) is earlier


@pytest.mark.integration
@pytest.mark.parametrize("sentence, speaks", [
    # The question's own verb as a noun ("the cut") is the deed asked about: its object may go unsaid.
    ("The department said the cut followed advice that haddock stocks had fallen.", True),
    # Not a noun the question named itself: "the haddock" leaves "cut" unsaid.
    ("The department said the haddock catch followed advice that stocks had fallen.", False),
])
def test_a_reason_speaks_of_the_deed_named_by_the_questions_own_verb(sentence, speaks):
    from qa.compose.in_form import _reason_for
    from support import scored_sentence

    question = "why was the haddock quota cut"
    assert _reason_for(question, {"haddock", "quota", "cut"}, scored_sentence(sentence, 1)) is speaks


@pytest.mark.integration
def test_who_speaks_for_the_doer_by_title_or_as_a_spokesperson_for_the_body_just_named():
    from qa.skills.deeds import doer_reason

    doc = article_doc("""# Bins to be collected every three weeks

Black bins will be collected every three weeks after councillors approved the change on Wednesday.
The Waste and Street Services Union (WSSU), which represents the council's bin crews, said heavier bins were a risk.
Councillor Declan Morrow, the cabinet member for environment, said the change would save £1.1 million a year.
Greyholm Recycling Services will end a food waste trial in March.
Alison Varga, a spokeswoman for the company, said the price agreed in 2019 no longer covered the cost of fuel.
""")
    # The union speaks for its members, not for the council; the councillor does.
    council = doer_reason([doc], [("the council", "switching to three-weekly collections")])
    assert "£1.1 million" in council.draft.text and "heavier bins" not in council.draft.text
    greyholm = doer_reason([doc], [("greyholm", "ending the food waste trial")])
    assert "no longer covered the cost of fuel" in greyholm.draft.text
    assert doer_reason([doc], [("the hospital", "ending the trial")]) is None  # no one speaks for it


@pytest.mark.integration
def test_what_the_doer_did_saying_why_is_their_reason_and_a_stated_reason_is_left_to_the_sentence_path():
    from qa.skills.deeds import doer_reason

    club = article_doc("""# Club sold

A consortium has won approval to buy Corrington Athletic, ending 23 years of ownership by Harold Benbow.
Benbow, 78, put the club up for sale last August, saying he no longer had the energy to keep it competitive.
"I have loved every minute," he said.
""")
    found = doer_reason([club], [("Harold Benbow", "selling")])
    assert "no longer had the energy" in found.draft.text
    cuts = article_doc("""# Jobs cut

Quillon Software said on Wednesday it would cut 480 jobs, blaming a sharp fall in orders.
Quillon said it would set out its plans to investors on Tuesday.
""")
    assert doer_reason([cuts], [("quillon", "cutting jobs")]) is None  # "blaming …" says why: the sentence path cites it


LINE = """# Kellby tram extension two years late and over budget

KELLBY — The extension of Kellby's tram network will open two years late and cost £30 million more than planned.

The report, by the authority's auditor, Marsh Partners, blames three main problems. Pipes under Bridge Street were found in the wrong places. The design of the new bridge had to be redrawn. And the project lost months to a shortage of welders.

The mayor said he was frustrated.

Traders said the roadworks had cut trade by a third.
"""


@pytest.mark.integration
def test_why_is_answered_by_the_causes_a_report_announces_and_lists():
    from qa.skills.causes import why

    doc = article_doc(LINE)
    found = why([doc], "why is the tram extension so late")
    assert found is not None and found.level is Level.LIKELY
    text = found.draft.text
    assert text.startswith("The report, by the authority's auditor, Marsh Partners, blames three main problems. [1]")
    assert "shortage of welders" in text and "frustrated" not in text
    assert why([doc], "why is the mayor frustrated") is None  # not what the story is about
    stated = article_doc(LINE + "\nThe line is late because the pipes were in the wrong places, the authority said.\n")
    assert why([stated], "why is the tram extension late") is None  # a reason said in so many words wins
    assert why([doc], "what is the tram extension") is None


ROCK = """# Space rock reaches the lab within a day

DUNMERE — Pieces of a meteorite that fell on a village patio reached the university's lab within a day, scientists said.

Dr Ana Roker said the team was thrilled. Speed matters, she explained, because a meteorite starts to change from the
moment it lands.
"""


@pytest.mark.integration  # the question's verbs are read by spaCy's parser
def test_why_it_matters_how_a_thing_was_done_is_the_reason_the_mattering_is_given():
    from qa.skills.causes import why

    found = why([article_doc(ROCK)], "why does it matter how fast the pieces got to the lab")
    assert found is not None and found.draft.text.startswith("Speed matters, she explained, because")
