"""qa/judgment/features.py: what a sentence must hold to answer (the wanted kind of answer, the question's
names, its relation words)."""
from __future__ import annotations

import pytest

from lang.words import terms
from qa.judgment.answer_kinds import fits
from qa.judgment.features import names_missing, relation_coverage
from qa.question import NUMBER, analyze


def flat_idf(term: str) -> float:
    return 1.0


def test_how_many_needs_a_number_with_the_counted_thing():
    q = analyze("How many bridges does Lakeside have?", flat_idf)
    assert fits(q, "Lakeside has three bridges over the river.")
    assert not fits(q, "Lakeside has three parks.")
    assert not fits(q, "Lakeside has bridges over the river.")


def test_age_and_date_questions_need_an_age_or_a_date():
    assert not fits(analyze("How old is Ilse Brandt?", flat_idf), "Ilse Brandt is the mayor of Lakeside.")
    assert fits(analyze("How old is Ilse Brandt?", flat_idf), "Ilse Brandt, aged 54, is the mayor.")
    assert fits(analyze("When did the bridge open?", flat_idf), "The bridge opened in March 2021.")
    assert not fits(analyze("When did the bridge open?", flat_idf), "The bridge opened with a ceremony.")


def test_how_long_is_answered_by_generations_or_a_fortnight_as_by_years():
    q = analyze("how long has the family kept hens there", flat_idf)
    assert fits(q, "We have been keeping hens here for three generations.")
    assert fits(q, "The car park will be closed for two fortnights.")
    assert not fits(q, "We have three sheds.")


def test_when_is_answered_by_a_time_counted_from_now_or_a_season():
    q = analyze("When will a new manager be named?", flat_idf)
    assert fits(q, "The club said a new manager would be named within three weeks.")
    assert fits(q, "A new manager is expected in a few days.")
    assert fits(q, "A decision is not expected before the autumn.") and fits(q, "It will open next fall.")
    assert not fits(q, "The club said a new manager would be named soon.")
    assert not fits(q, "The fall of the old regime was quick.")  # "fall" is a season only with next/this/last


def test_an_age_beside_the_name_asked_about_is_that_persons_age():
    from qa.judgment.answer_kinds import age_beside

    assert age_beside(analyze("how old is lind", flat_idf), "The council elected Ana Lind, 41, as its chair.")
    assert not age_beside(analyze("How old is Ana Lind?", flat_idf), "It elected Ana Lyle, 41, as its chair.")
    assert not age_beside(analyze("How old is Ana Lyle?", flat_idf), "Lyle won, 3-1, in May.")  # not a lone number


def test_how_long_needs_a_length_or_a_duration_not_any_number():
    q = analyze("How long is the bridge?", flat_idf)
    assert not fits(q, "The bridge will cost 12 million euros.")
    assert fits(q, "The bridge is 800 metres long.")
    assert fits(analyze("How long did the siege last?", flat_idf), "The siege lasted three months.")
    assert not fits(analyze("How far is Tobruk from Benghazi?", flat_idf), "Tobruk has 120,000 inhabitants.")
    # An age is not a duration: "a 92-year-old bridge" says nothing of its length.
    assert not fits(q, "The council voted to replace the 92-year-old bridge.")
    assert fits(analyze("How long did the bridge stand?", flat_idf), "The bridge stood for 92 years.")


def test_how_much_is_paid_or_costs_needs_an_amount_of_money():
    q = analyze("how much does the firm pay couriers per delivery", flat_idf)
    assert q.unit == "money"
    assert not fits(q, "The firm keeps 80 percent of every delivery fee.")
    assert fits(q, "Couriers are paid $4.50 per delivery.")
    assert fits(analyze("How much did the port cost?", flat_idf), "The port cost 1.2 billion euros.")
    assert fits(analyze("how much is the firm paying", flat_idf), "It will pay 310 Danish kroner a share.")
    assert fits(analyze("How much will the tax cost a household?", flat_idf), "It will cost about £38 a year.")
    worth = analyze("how much is the stolen painting worth", flat_idf)
    assert worth.unit == "money" and fits(worth, "Experts value the painting at about 12 million euros.")
    assert not fits(worth, "The painting, made in 1340, is set with 46 pearls.")
    assert not fits(worth, "Thieves escaped with a 14th-century painting in a raid that lasted four minutes.")
    assert fits(worth, "It sold for US$ 2 million.") and fits(worth, "It sold for A$3.5m.")
    # The thing priced may take several words: "a pack of the blue cheese", "the new riverside stadium".
    pack = analyze("how much does a pack of the blue cheese cost", flat_idf)
    assert pack.unit == "money" and not fits(pack, "About 18,000 packs of the blue cheese were affected.")
    assert analyze("how much will the new riverside stadium cost to build", flat_idf).unit == "money"
    # A share of something, or an amount not of money, is not asked as money.
    assert analyze("How much of the budget goes to schools?", flat_idf).unit is None
    assert analyze("How much did prices rise?", flat_idf).unit is None
    assert analyze("From 1947 to 1967, how much did the price of oil increase?", flat_idf).unit is None
    assert analyze("How much did costs rise?", flat_idf).unit is None


def test_what_will_it_cost_needs_a_number():
    q = analyze("What will the port cost?", flat_idf)
    assert q.wants == NUMBER
    assert not fits(q, "The port requires extensive construction work.")


def test_names_missing_from_the_evidence_are_reported():
    q = analyze("What did China say about the Haftar-Putin meeting?", flat_idf)
    assert names_missing(q, "Haftar met Putin in Moscow.") == ["China"]
    assert names_missing(analyze("Who won the 2022 World Cup?", flat_idf), "The World Cup was won in 2018.") == [
        "2022 World Cup"]


def test_a_surname_is_enough_for_a_person_but_numbers_must_all_be_there():
    q = analyze("Where is Khalifa Haftar's headquarters?", flat_idf)
    assert names_missing(q, "Haftar, who has his headquarters in Benghazi") == []
    assert names_missing(analyze("What happened in May 2021?", flat_idf), "In May 2020 the bridge opened.") == [
        "May 2021"]


def test_a_country_named_differently_in_the_evidence_is_not_missing():
    q = analyze("Why is the United States worried?", flat_idf)
    assert names_missing(q, "The US administration is worried about the port.") == []


def test_a_sentence_naming_the_subject_without_the_relation_is_no_answer():
    q = analyze("Who is the mayor of Pellendorf?", flat_idf)
    assert relation_coverage(q, set(terms("Speaking in Pellendorf, the minister praised the bridge."))) == 0.0
    assert relation_coverage(q, set(terms("Anna Roth, the mayor of Pellendorf, opened the bridge."))) == 1.0


def test_how_long_is_answered_by_a_span_of_time_with_or_without_a_number():
    lasts = analyze("how long will the rationing last", flat_idf)
    assert fits(lasts, "The rationing will stay in place until the autumn rains.")
    assert fits(lasts, "Officials expect it to last for several weeks.")
    assert fits(lasts, "It will last for two years.")
    assert not fits(lasts, "The rationing began on Thursday.")


def test_how_much_faster_asks_for_a_difference_not_a_count_of_faster_things():
    q = analyze("how much faster will the trip be", flat_idf)
    assert q.counted == ()
    assert fits(q, "It will cut the trip from 35 minutes to about 15.")
    assert analyze("how much water is used", flat_idf).counted == ("water",)


@pytest.mark.parametrize("question, sentence, phrase, other", [
    ("How many buses does the company own?", "The company runs 64 routes and carries 180,000 passengers.", "64", True),
    ("How many votes did she get?", "She won with 52 percent of the vote.", "52 percent", True),
    ("How many buses does the company own?", "There are 64 buses in its fleet.", "64", False),
    ("How many members does the union have?", "It has 1.2 million members.", "1.2 million", False),
    ("How many people were evacuated?", "The floods forced 12,000 residents to leave.", "12,000", False),  # any people
    ("How many workers were injured?", "Nine workers were injured.", "Nine", False),
    ("How many flights were cancelled?", "It cancelled 86 of its flights.", "86", False),  # no noun after: unsure
    ("How much does it cost?", "It costs 64 euros a month.", "64 euros", False),  # not a count
])
def test_a_count_of_something_else_does_not_answer_how_many(question, sentence, phrase, other):
    from qa.judgment.answer_kinds import counts_other
    start = sentence.index(phrase)
    assert counts_other(analyze(question, flat_idf), sentence, start, start + len(phrase)) is other


def test_a_rate_is_not_the_thing_counted_and_a_count_in_words_counts():
    from qa.judgment.answer_kinds import counts_only_other

    q = analyze("how many eggs a day does the farm produce", flat_idf)
    assert q.counted == ("egg",)
    assert counts_only_other(q, "The cull began on Thursday and is expected to take three days.")
    assert not counts_only_other(q, "The farm sends out about nine thousand eggs a day.")  # may count eggs
    assert not counts_only_other(q, "One of the sheds was empty.")  # "one" is no count here
