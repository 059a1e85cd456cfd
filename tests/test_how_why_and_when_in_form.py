"""How a deed was done ("through a phishing email") and, for a "why", what was found or done before it that
brought it about ("stay closed … after engineers found …"), and when a thing stopped resumes ("adjourned the inquest
until 3 November"), read as answering in the form asked; and a "who are the …?" whose sentence only describes them
("two walkers who had become stranded"), read as not answering it."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.compose.in_form import IN_FORM, answered_in_form, said_near
from qa.compose.means import by_means
from qa.judgment.abstain import decide
from qa.judgment.evidence import Scored, Selection
from qa.judgment.features import Candidate
from qa.question import analyze
from qa.types import Level


def flat_idf(term: str) -> float:
    return 1.0


def _scored(text: str, missing: tuple[str, ...] = ()) -> Scored:
    sentence = Candidate(passage_rank=0, passage_id="a#1#0", source="a.txt", start=0, end=len(text), text=text,
                         passage_start=0, passage_end=len(text), passage_text=text, index=0, cosine=0.5,
                         passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(sentence, coverage=0.5, context_coverage=0.5, fits=True, score=0.5, confidence=0.5, missing=missing)


def _decided(question: str, best: str, confidence: float, p_answerable: float = 0.9):
    q = analyze(question, flat_idf)
    selection = Selection((replace(_scored(best), confidence=confidence),), None, p_answerable, None)
    return q, decide(q, selection, threshold=0.4, sure=0.8, doubt=0.5)


PHISHING = ("Investigators believe the attackers got into the network through a phishing email sent to a member of "
            "the finance team in late February.")


@pytest.mark.parametrize("question, sentence, told", [
    ("how did the attackers get into the councils network", PHISHING, True),  # whose network may go unsaid
    ("how did the hackers get into the network", PHISHING, False),  # the sentence's attackers may be others
    ("how did the council respond?", "The council could respond by closing the road.", False),  # possible
    ("how did the council respond?", "Residents urged the council to respond by closing the road.", False),
    ("how did the attackers get into the network", "It is not known how the attackers got into the network, "
     "though police are looking at emails sent through the council's system.", False),  # unknown
    ("how did the fire spread", "The fire started in the kitchen and spread through the building.", False),  # a place
    ("how did crews clear the road", "Crews cleared the road by morning.", False),  # a time
    ("how did the company raise the money", "The rival firm raised the money through a share sale.", False),
    ("how did the thieves get into the shop", "The thieves got into the shop and left through a skylight.", False),
    ("how did the council pay for the scheme", "The council paid for the scheme through to March.", False),
    ("how did the attackers get into the network?", PHISHING, True),
    ("how did they pay for the repairs", "The trust paid for the repairs through a public appeal.", True),
    ("how did the council respond?", "The council responded by closing the road.", True),
    ("how did the council respond?", "The union responded by calling a strike.", False),  # another's deed
    ("how was the council hacked", PHISHING, False),  # not the deed asked
    ("how many people got into the network", PHISHING, False),  # a number, not a means
    ("how did the fire start", "The fire burned through the night.", False),  # a time, not a means
    ("how did the fire spread", "The fire was spread by arsonists, police said.", False),  # a doer, not a means
    ("how did they get into the network", "They got into the network.", False),  # no means given
])
def test_a_means_is_told_after_the_deed_asked(question, sentence, told):
    assert by_means(question, sentence) is told


def test_a_doubted_or_refused_how_is_likely_when_its_best_sentence_tells_the_means():
    q, doubtful = _decided("how did the attackers get into the network?", PHISHING, 0.3)
    assert doubtful.level is Level.DOUBTFUL
    assert answered_in_form(q, doubtful, [_scored(PHISHING)]).level is Level.LIKELY
    assert answered_in_form(q, doubtful, [_scored("The attackers got into the network.")]).level is Level.DOUBTFUL
    q, refused = _decided("how did the attackers get into the network?", PHISHING, 0.05, 0.1)
    assert refused.level is Level.REFUSED
    told = answered_in_form(q, refused, [_scored(PHISHING)])
    assert told.level is Level.LIKELY and told.reason == IN_FORM
    assert answered_in_form(q, refused, [_scored(PHISHING, missing=("attackers",))]).level is Level.REFUSED


ARCADE = "The pier's amusement arcade and four kiosks have been shut since February."
FOUND = ("The town's pier will stay closed for the rest of the summer after engineers found that storm damage had "
         "left parts of it unsafe.")


def test_a_why_whose_best_sentence_gives_no_reason_cites_first_what_was_found_before_the_deed():
    q, likely = _decided("why is the pier shut", ARCADE, 0.6)
    assert likely.level is Level.LIKELY
    decision, first = said_near(q, likely, [_scored(ARCADE), _scored("The pier opened in 1874."), _scored(FOUND)])
    assert decision.reason == IN_FORM and first == 2
    # Only a time before it ("after the meeting on Monday") is no cause: as ranked.
    when = "The pier will stay closed for the rest of the summer after the meeting on Monday."
    assert said_near(q, likely, [_scored(ARCADE), _scored(when)]) == (likely, 0)
    # A stated reason ("because") still comes before what was found.
    because = "The pier is shut because nine of its legs cracked."
    assert said_near(q, likely, [_scored(ARCADE), _scored(FOUND), _scored(because)])[1] == 2


@pytest.mark.parametrize("question, sentence, dated", [
    ("when does the inquest resume", "Mrs Pellham adjourned the inquest until 3 November.", True),
    ("when will the pool reopen", "The pool will stay closed until May.", True),
    ("when does the inquest resume", "Mrs Pellham opened the inquest on Thursday.", False),  # not when it resumes
    ("when will the pool reopen", "The council until May will consult on the pool.", False),  # nothing stopped
    ("when will the museum reopen", "The museum halted work on the extension until the spring.", False),  # the work
    ("when will the trial resume", "The judge adjourned the trial and said the jury should not discuss it until 3 "
     "November.", False),  # another deed's "until"
    ("when will the library reopen", "The library will stay shut until the council decides its future.", False),
    ("when will the pool reopen", "The pool was closed until 2019, when it was refurbished.", False),  # gone by
    ("when does the trial resume", "The judge adjourned the trial until Monday.", True),
    ("when does the merger actually happen", "The trusts will merge from next April.", True),
])
def test_a_time_when_is_answered_by_a_sentence_that_dates_every_word_asked(question, sentence, dated):
    from qa.compose.timed import time_of

    q = analyze(question, flat_idf)
    assert time_of(set(q.terms), sentence) is dated


def test_a_rise_driven_by_something_answers_why_it_went_up():
    from qa.skills.causes import why
    from support import article_doc

    doc = article_doc("# Callouts soar\nThe rescue team was called out 174 times last year. Its leader said the rise "
                      "was driven largely by visitors heading onto the fells with little experience.\n")
    found = why([doc], "why have rescue callouts gone up so much")
    assert found is not None and "driven largely by visitors" in found.draft.text
    assert found.level is Level.LIKELY
    # Another thing driven ("the fall"), or a drive doubted, is no answer.
    other = article_doc("# Callouts soar\nThe rescue team was called out 174 times last year. Its leader said the fall "
                        "in donations was driven by the cost of living.\n")
    found = why([other], "why have rescue callouts gone up so much")
    assert found is None or "driven" not in found.draft.text
    for said in ("It is unclear whether the rise was driven by visitors.",
                 "Some members claimed the rise was driven by visitors, but the leader disagreed."):
        found = why([article_doc(f"# Callouts soar\nThe team was called out 174 times. {said}\n")],
                    "why have rescue callouts gone up so much")
        assert found is None or "driven" not in found.draft.text
    # What fed a thing is not why it began ("the fire was fuelled by dry hay" for "why did the fire start?").
    fire = article_doc("# Farm fire\nA fire broke out at the farm on Monday. The fire was fuelled by dry hay.\n")
    found = why([fire], "why did the fire start")
    assert found is None or "fuelled" not in found.draft.text


WALKERS = ("On the night of 8 February, volunteer Hannah Lusk was injured while helping to bring down two walkers who "
           "had become stranded near the summit of Blackthorn Pike in heavy snow.")


@pytest.mark.parametrize("question, sentence, unnamed", [
    ("who were the two walkers that got rescued on blackthorn pike", WALKERS, "two walkers"),
    ("who is the chair", "Ann Hale said the chair had resigned.", "the chair"),
    ("who were the walkers", "Two walkers, Ann Hale and Ben Cole, were rescued.", None),
    ("who is the treasurer", "The treasurer, Ann Hale, said the club was broke.", None),
    ("who is the treasurer", "Ann Hale, the treasurer, said the club was broke.", None),
    ("who were the victims", "The two victims were named as Ann Hale and Ben Cole.", None),
    ("who is the head of the trust", "The head of the trust, Ann Hale, said it would appeal.", None),
    ("who is the team leader", "Team leader Callum Rennard said the rise was driven by visitors.", None),
    ("who are the people in this story", "The people of the tower were angry.", None),  # everyone named: a list
    ("who is the treasurer", "Ann Hale is the treasurer.", None),
    ("who is the treasurer", "Ann Hale, who has been the treasurer since 2010, said the club was broke.", None),
    ("who are the owners", "The owners, the Hale family, said they would sell.", None),
    ("who is the buyer", "The buyer is understood to be the Ovenbrook Group.", None),
    ("who is the chairman", "The chairman said Tom Hill would take over as chief executive.", "The chairman"),
    ("who was the hostage", "Malcolm surrendered his son Duncan as a hostage.", None),
    ("who were the two abbots", "At Fécamp, under two Italian abbots, William of Volpiano and John of Ravenna, the "
     "system was developed.", None),
    ("who is the buyer", "The buyer, thought to be a London investor, has not been named.", "The buyer"),
])
def test_a_who_are_the_asked_of_a_sentence_that_only_describes_them_is_unnamed(question, sentence, unnamed):
    from qa.compose.which import who_unnamed

    assert who_unnamed(question, sentence) == unnamed


def test_a_sure_who_are_the_is_doubtful_when_its_sentence_does_not_name_them():
    from qa.compose.in_form import settled_in_form
    from qa.compose.which import NOT_WHO

    q, sure = _decided("who were the two walkers that got rescued on blackthorn pike", WALKERS, 0.95)
    assert sure.level is Level.SURE
    settled = settled_in_form(q, sure, [WALKERS], WALKERS)
    assert settled.level is Level.DOUBTFUL and settled.reason.startswith(NOT_WHO)
    named = "Two walkers, Ann Hale and Ben Cole, were rescued near the summit of Blackthorn Pike."
    assert settled_in_form(q, sure, [named], named) == sure


@pytest.mark.parametrize("sentence, found", [
    (FOUND, True),
    ("The pier was closed after a survey found that nine legs had cracked.", True),
    ("The pier reopened after engineers found it safe, but was shut again in February.", False),  # not the deed
    ("The pier stayed shut on Sunday after the last ferry left at 6pm.", False),  # a time, no finding
    ("The council said the pier could be shut after engineers found cracks.", False),  # possible
    ("The pier was not shut after engineers found the damage, the owner said.", False),  # denied
    ("Nearby Clevedon pier was shut after engineers found rot.", False),  # another pier
    ("Shops near the pier shut after inspectors found rot.", False),  # another thing
    ("The pier's cafe was shut after inspectors found mice.", False),  # the pier's
    ("The pier was shut, and reopened after engineers found it safe.", False),  # a finding before another deed
])
def test_what_was_found_before_the_deed_asked_answers_why(sentence, found):
    from qa.compose.found_before import found_before

    assert found_before("why is the pier shut", sentence) is found
