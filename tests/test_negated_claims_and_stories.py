"""A "not" inside the claim asked ("plead not guilty"), a story asked for by what it is about ("tell me about the
tennis club"), and a summary that keeps the story's figures."""
from __future__ import annotations

import pytest

from lang.forms import Kind, form
from lang.told_about import told_about
from qa.compose.negated_claim import claim_negated
from qa.compose.yesno import yes_no
from support import article_doc

PLEADED = "Derek Tolliver, 58, pleaded guilty at Pennerton Magistrates' Court on Thursday to five offences."


@pytest.mark.parametrize("question, sentence, expected", [
    ("did tolliver plead not guilty", PLEADED, "No"),
    ("did he plead not guilty", "His lawyer said he pleaded not guilty to all the charges.", "Yes"),
    ("was he found not guilty", "Tolliver was found guilty of five offences.", "No"),
    ("was he found not guilty", "Tolliver was found not guilty of five offences.", "Yes"),
    # the positive question keeps its reading; the negative form of a question asks the same as the positive
    ("did tolliver plead guilty", PLEADED, "Yes"),
    ("did he not plead guilty", PLEADED, "Yes"),
    ("did they vote not to sell", "Members voted not to sell the pier.", "Yes"),
    ("did the jury find him not guilty", "The jury found him guilty of murder.", "No"),
    ("was the building deemed not safe", "The building was deemed safe by engineers.", "No"),
])
def test_a_not_inside_the_claim_is_part_of_what_is_asked(question, sentence, expected):
    assert yes_no(question, sentence) == expected


@pytest.mark.parametrize("question", ["did he not plead guilty", "is the pool not open on sundays",
                                      "did they vote not to sell", "does the club want not one but two courts",
                                      "are they going ahead not later than may"])
def test_the_negative_form_of_a_question_is_not_a_negated_claim(question):
    assert claim_negated(question) is None


@pytest.mark.parametrize("sentence", [
    "Tolliver, who had earlier pleaded guilty, changed his plea to not guilty on Thursday.",
    "Tolliver pleaded guilty to two offences and not guilty to three others.",
    "Tolliver pleaded guilty to careless driving but denied dangerous driving.",
])
def test_a_sentence_that_may_also_tell_the_negated_claim_gives_no_no(sentence):
    assert yes_no("did tolliver plead not guilty", sentence) is None


def test_a_negated_claim_not_said_either_way_gets_no_verdict():
    # "unfit" is not "not fit" in the question's own words: no verdict rather than a guess
    assert yes_no("was the house declared not fit to live in", "Inspectors declared the house unfit to live in.") \
        is None


@pytest.mark.parametrize("question, subject", [
    ("whats the kestlemere tennis club story", "kestlemere tennis club"),
    ("tell me about the parking dispute", "parking"),
    ("whats the wrayford biscuit factory news", "wrayford biscuit factory"),
    ("whats the latest news", ""),  # the news of the articles in scope
    ("whats the red kite court case about", "red kite court case"),
    ("whats the deal with ollerbeck hospital", "ollerbeck hospital"),
    ("what's up with the bus gate", "bus gate"),
])
def test_a_story_asked_for_by_what_it_is_about_is_a_summary(question, subject):
    asked = form(question)
    assert asked is not None and asked.kind is Kind.SUMMARY and asked.subject == subject


@pytest.mark.parametrize("question", [
    "tell me about derek tolliver", "tell me about the council", "tell me about the garage owner",
    "tell me about the tennis club",  # may ask what the club is as well as its story: left as before
    "what happened with the vote",  # a fact
    "whats the story", "what's the council's side of the story", "whats the police's story",  # whose account
    "whats the cover story", "whats the back story",  # which telling, not what about
])
def test_a_person_a_thing_a_fact_or_an_account_is_not_a_story_asked_for_by_its_subject(question):
    assert told_about(question) is None


def test_who_someone_is_is_still_asked_by_name():
    asked = form("tell me about derek tolliver")
    assert asked is not None and asked.kind is Kind.WHO_IS


def test_a_summary_keeps_a_sentence_that_tells_the_storys_figure():
    from qa.skills.summary import summarize

    text = ("# Club to replace grass courts\n"
            "Members of a tennis club have voted to replace most of its grass courts with an artificial surface. "
            "The club's chair said the grass could only be used for half of the year by the members. "
            "She said the club had struggled to keep younger players through the long winter months. "
            "Some members said the old courts were part of what made the club special for them. "
            "The work is expected to cost £310,000 and will be paid for partly by a grant.")
    chosen = [ln.text for ln in summarize(article_doc(text), size=4)]
    assert chosen[-1].startswith("The work is expected to cost £310,000")
    assert not any(t.startswith("Some members said") for t in chosen)


FINED = "A landlord has been fined £38,000 after admitting running an unlicensed house."


@pytest.mark.parametrize("question, expected", [
    ("was the fine more than 50k", "No"),
    ("was the fine more than 30k", "Yes"),
    ("was the fine under 40 grand", "Yes"),
])
def test_a_bound_typed_without_its_sign_takes_the_sign_of_the_sentences_one_sum(question, expected):
    assert yes_no(question, FINED) == expected


def test_a_bound_without_its_sign_is_not_read_against_sums_in_two_currencies():
    assert yes_no("was the fine more than 50k", "He was fined £38,000 and ordered to repay $12,000.") is None


def test_a_bound_is_not_a_name_the_evidence_must_repeat():
    from qa.question import analyze

    assert analyze("was the fine more than 50k", lambda t: 1.0).names == ()
    assert analyze("did over 2,000 people sign it in 2019", lambda t: 1.0).names == ("2019",)
    assert analyze("was it 50,000", lambda t: 1.0).names  # a number asked as itself still must be there
    # an age group and a year are names, whatever comes before them
    assert analyze("do under 11s travel free", lambda t: 1.0).names == ("11s",)
    assert analyze("is it above 2019 levels", lambda t: 1.0).names == ("2019",)


@pytest.mark.parametrize("question, counted", [
    ("how many signed the petition", ()),  # people, unsaid: not a count of petitions
    ("how many voted against", ()),
    ("how many red cards were shown", ("red", "card")),
    ("how many homes were evacuated", ("home",)),
    ("how many registered volunteers does the charity have", ("regist", "volunt")),  # volunteers counted
])
def test_how_many_before_a_verb_counts_whoever_did_it(question, counted):
    from qa.question import analyze

    assert analyze(question, lambda t: 1.0).counted == counted


@pytest.mark.parametrize("question, sentence", [
    ("was tolliver found not guilty of murder", "Tolliver was found guilty of manslaughter."),  # another charge
    ("did tolliver plead not guilty", "Tolliver's co-accused, Mark Penn, pleaded guilty."),  # another's plea
    ("did he plead not guilty", "He previously pleaded guilty to a similar offence in 2019."),  # another time's
    ("was tolliver found not guilty", "Tolliver was found guilty of assault but cleared of robbery."),
    ("did tolliver plead not guilty", "Tolliver had pleaded guilty at an earlier hearing but later withdrew his plea."),
    ("was the man found not guilty", "The man's son was found guilty of assault."),
    ("did tolliver plead not guilty", "Tolliver pleaded guilty to a lesser charge of false accounting."),
    ("was tolliver found not guilty", "Penn was found guilty of fraud."),
    ("was tolliver found not guilty", "Tolliver was found guilty of two of the five charges."),
    ("was tolliver found not guilty", "Tolliver was found guilty of fraud but had the conviction quashed on appeal."),
])
def test_a_plea_or_verdict_of_another_charge_time_or_person_gives_no_no(question, sentence):
    assert yes_no(question, sentence) is None


@pytest.mark.parametrize("question", [
    "what's the latest on the sentencing, when is it?", "what's the deal with the vote - did it pass?",
    "whats the latest on when the pool reopens", "whats her story", "what was the first story",
    "what's the deal with the opening hours?",  # one detail of a story
    "tell me about the display case", "what's the deal with him?",
    "What is meant by a separator in the battery story?",  # a term asked, in the story it names
])
def test_a_second_question_a_fact_a_pronoun_or_an_object_is_no_story_subject(question):
    assert told_about(question) is None


def test_an_age_or_a_small_count_after_a_bound_stays_a_name():
    from qa.question import analyze

    assert analyze("can children under 12 swim free", lambda t: 1.0).names == ("12",)
    assert analyze("were people out for more than 12 hours", lambda t: 1.0).names == ("12",)
