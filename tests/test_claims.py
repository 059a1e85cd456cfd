"""A claim put up for checking ("is it true that ...?") is asked as the yes/no question it is, and the verdict reads
it; a phrase its own sentence denies is not shown as the answer.

The tests parse sentences with spaCy's pipeline (1.5-2 s, once): they carry the integration marker."""
from __future__ import annotations

import pytest

from lang.claims import asked_plainly
from qa.compose.compose import short_answer
from qa.compose.denied import denied_phrase
from qa.compose.yesno import yes_no
from qa.judgment.evidence import Phrase
from qa.types import Citation
from support import scored_sentence

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("asked, plain", [
    ("is it true that tenants get a rebate from the start?", "do tenants get a rebate from the start?"),
    ("Is it true that the warden resigned?", "did the warden resign?"),
    ("is it true the depot will reopen", "will the depot reopen?"),
    ("is it right that the mill is listed", "is the mill listed?"),
    ("is it true that the closure wasn't permanent", "wasn't the closure permanent?"),
    ("is it true that they're closing the depot", "are they closing the depot?"),
    ("is it true that it's been sold", "has it been sold?"),
    ("I heard they won't reopen it, is that right?", "won't they reopen it?"),
    ("I heard the trust sold the depot, is that true?", "did the trust sell the depot?"),
    ("does the article say that the mill was rebuilt", "was the mill rebuilt?"),
    ("Is it true that Ada Quell has run a bakery?", "has Ada Quell run a bakery?"),
    ("who runs the depot", "who runs the depot"),  # no check asked
    ("is it true", "is it true"),
])
def test_a_claim_put_up_for_checking_is_asked_as_its_own_yes_no_question(asked, plain):
    assert asked_plainly(asked) == plain


def test_the_plain_question_gets_the_verdict_the_check_asked_for():
    sentence = "Tenants will not receive any rebate for the first two years, so that the roof can be paid for."
    assert yes_no(asked_plainly("is it true that tenants get a rebate from the start?"), sentence) == "No"
    assert yes_no("do tenants get a rebate from the start", sentence) == "No"  # "do" asked, "will not" said
    assert yes_no("does the depot open on sundays", "The depot will open on Sundays from May.") is None  # not yet


@pytest.mark.parametrize("sentence, phrase, denied", [
    ("The mill will not be run by volunteers.", "volunteers", True),
    ("Ada Quell did not attend the hearing.", "Ada Quell", True),
    ("The mill will be run by Ada Quell, who has never managed a mill.", "Ada Quell", False),
    ("The hearing was not held in Ludgate but in Harrowfield.", "Harrowfield", False),
    ("The hearing was not held in Ludgate but in Harrowfield.", "Ludgate", True),
    ("The trust did not tell the regulator until March 4.", "March 4", False),  # it did, then
])
def test_a_phrase_is_denied_where_its_own_verb_is_negated(sentence, phrase, denied):
    start = sentence.index(phrase)
    assert denied_phrase(sentence, start, start + len(phrase)) is denied


def test_a_denied_phrase_is_not_bolded_unless_the_question_asks_what_was_not_done():
    quote = "The mill will not be run by volunteers."
    cite = Citation(index=1, source="a.txt", title="A", date=None, start=100, end=100 + len(quote), quote=quote,
                    passage_id="a#0", score=0.6)
    start = 100 + quote.index("volunteers")
    phrase = Phrase(text="volunteers", start=start, end=start + len("volunteers"), p=0.6)
    assert short_answer("who is going to run the mill", [cite], phrase) is None
    assert short_answer("who will not run the mill", [cite], phrase).text == "volunteers"


@pytest.mark.parametrize("question, sentence, before, verdict", [
    ("is the mill going to be run by volunteers", "The Old Forge will not be run by volunteers.",
     "Residents have bought the Old Forge, the village's only mill, after a share offer.", "No"),
    ("is the mill going to be run by volunteers", "The Old Forge will not be run by volunteers.", "", None),
    ("is the mill going to be run by volunteers", "The Old Forge will not be run by volunteers.",
     "The Old Forge stands beside a mill.", None),  # the mill is not the Old Forge there
    ("did the parish council put any money in", "Harrowfield Parish Council added £15,000 from its reserves.", "",
     "Yes"),
    ("did the parish council put any money in", "Harrowfield Parish Council added two members.", "", None),
    ("did the holmby farmer agree to sell his land", "Ivo Marsh, who farms at Holmby, refused to sell the land.", "",
     "No"),
    ("did the holmby farmer agree to sell his land", "Ivo Marsh, who farms at Ludgate, refused to sell the land.", "",
     None),  # another farmer
])
def test_a_kind_asked_for_a_name_and_money_said_as_an_amount(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


def _sentence(text: str, index: int, passage: str = "a#1#0"):
    return scored_sentence(text, index, passage)


def test_who_did_it_follows_a_best_sentence_that_says_only_who_did_not():
    from qa.compose.denied import affirmed_after

    denied = _sentence("The Old Mill will not be run by volunteers.", 0)
    lease = _sentence("The trust has signed a lease with Ivo Castle, who will run the mill with his wife.", 1)
    other = _sentence("The roof will be repaired in May.", 1)
    far = _sentence("Ivo Castle will run the mill.", 1, passage="a#2#0")
    assert affirmed_after([denied, lease], denied, "who is going to run the old mill") is lease
    assert affirmed_after([denied, other], denied, "who is going to run the old mill") is None  # another deed
    assert affirmed_after([denied, far], denied, "who is going to run the old mill") is None  # another passage
    assert affirmed_after([denied, lease], denied, "who will not run the old mill") is None  # asks who did not
    assert affirmed_after([lease, denied], lease, "who is going to run the old mill") is None  # the best says who
