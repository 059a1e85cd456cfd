"""qa/judgment/abstain.py: answer or refuse by the judge's probability, how sure, and a reason a reader can check."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.judgment.abstain import decide
from qa.judgment.evidence import Phrase, Scored, Selection
from qa.judgment.features import Candidate
from qa.question import analyze
from qa.types import Level


def flat_idf(term: str) -> float:
    return 1.0


def _best(text: str, passage: str | None = None, missing: tuple[str, ...] = (), fits: bool = True,
          confidence: float = 0.5) -> Scored:
    passage = passage or text
    sentence = Candidate(passage_rank=0, passage_id="a#1#0", source="a.txt", start=0, end=len(text), text=text,
                         passage_start=0, passage_end=len(passage), passage_text=passage, index=0, cosine=0.5,
                         passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(sentence, coverage=0.5, context_coverage=0.5, fits=fits, score=0.5, confidence=confidence,
                  missing=missing)


def _selected(best: Scored, p_answerable: float, confidence: float = 0.5, *others: Scored,
              phrase: Phrase | None = None) -> Selection:
    return Selection((replace(best, confidence=confidence), *others), None, p_answerable, phrase)


def test_the_judges_probability_decides_and_the_reason_names_a_missing_name():
    q = analyze("What did China say?", flat_idf)
    best = _best("Haftar met Putin in Moscow.", missing=("China",))
    assert not decide(q, _selected(best, 0.7), threshold=0.4, sure=0.8).abstain
    d = decide(q, _selected(best, 0.2), threshold=0.4, sure=0.8)
    assert d.abstain and d.support == 0.2 and "never mention China" in d.reason and d.level == Level.REFUSED


def test_an_answer_is_sure_or_likely_by_its_confidence():
    q = analyze("Who designed the bridge?", flat_idf)
    best = _best("Ana Roth designed the bridge.")
    assert decide(q, _selected(best, 0.9, confidence=0.85), threshold=0.4, sure=0.8).level == Level.SURE
    likely = decide(q, _selected(best, 0.9, confidence=0.6), threshold=0.4, sure=0.8)
    assert likely.level == Level.LIKELY and not likely.abstain and likely.confidence == 0.6


def test_the_reason_names_the_wanted_kind_of_answer_when_it_is_absent():
    q = analyze("How deep is the harbour?", flat_idf)
    d = decide(q, _selected(_best("The harbour is sheltered.", fits=False), 0.1), threshold=0.4, sure=0.8)
    assert d.abstain and "no length" in d.reason
    q = analyze("How many ships came?", flat_idf)
    d = decide(q, _selected(_best("The ships were late.", fits=False), 0.1), threshold=0.4, sure=0.8)
    assert d.abstain and "no number" in d.reason


def test_a_measure_asked_for_is_refused_when_the_best_sentence_gives_none():
    best = _best("The bridge will cost 12 million euros and should open in 2026.", fits=False)
    for question in ("How long is the bridge?", "How far is the bridge from the port?", "How heavy is the span?"):
        d = decide(analyze(question, flat_idf), _selected(best, 0.9, confidence=0.7), threshold=0.4, sure=0.8)
        want = "weight" if "heavy" in question else "length"
        assert d.abstain and d.reason.startswith(f"they give no {want}"), question
    # a count, a share or a rate answers "how big / fast / often" as well as a unit: left to the judge
    d = decide(analyze("How fast did sales grow?", flat_idf), _selected(best, 0.9, confidence=0.7), threshold=0.4,
               sure=0.8)
    assert not d.abstain
    fitting = _best("The bridge is 400 metres long.", fits=True)
    assert not decide(analyze("How long is the bridge?", flat_idf), _selected(fitting, 0.9), threshold=0.4, sure=0.8).abstain


def test_an_age_question_is_refused_when_the_best_sentence_gives_no_age_in_any_form():
    q = analyze("How old is Tomas Reyes?", flat_idf)
    none = _best("Tomas Reyes, who drove for the firm for six years, called the ruling fair.", fits=False)
    d = decide(q, _selected(none, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no age for this"
    for given in ("Tomas Reyes, 58, called the ruling fair.", "The firm was founded in 1921.",
                  "The fossils are 515 million years old.", "He was seven months old."):
        assert not decide(q, _selected(_best(given), 0.9), threshold=0.4, sure=0.8).abstain, given


def test_how_many_or_how_much_is_refused_when_none_of_the_first_sentences_has_a_number():
    q = analyze("How many families will be moved?", flat_idf)
    vague = _best("The mayor promised that the families would receive relocation payments.", fits=False)
    d = decide(q, _selected(vague, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no number for this"
    # A number in the best sentence, or in one of the next two: left to the judge.
    assert not decide(q, _selected(_best("About 40 families will be moved."), 0.9), threshold=0.4, sure=0.8).abstain
    later = _best("About forty families will have to move.")
    assert not decide(q, _selected(vague, 0.9, 0.8, later), threshold=0.4, sure=0.8).abstain


def test_how_much_is_paid_is_refused_when_the_best_sentence_gives_no_sum_of_money():
    q = analyze("How much will the families be paid?", flat_idf)
    vague = _best("The mayor promised that the families would receive relocation payments.", fits=False)
    d = decide(q, _selected(vague, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no amount of money for this"
    assert not decide(q, _selected(_best("Each family will get $20,000."), 0.9), threshold=0.4, sure=0.8).abstain
    # The sum in a runner-up is not what the answer shows first; a share is not a sum of money.
    later = _best("Each family will get twenty thousand dollars.")
    assert decide(q, _selected(vague, 0.9, 0.8, later), threshold=0.4, sure=0.8).abstain
    share = _best("The firm keeps 80 percent of the fee.", fits=False)
    assert decide(analyze("How much does the firm pay couriers?", flat_idf), _selected(share, 0.9, confidence=0.8),
                  threshold=0.4, sure=0.8).abstain


def test_a_persons_name_asked_for_is_refused_when_the_best_sentence_names_no_one():
    q = analyze("whats the name of the night guard", flat_idf)
    d = decide(q, _selected(_best("A night guard on duty raised the alarm."), 0.9, confidence=0.8), threshold=0.4,
               sure=0.8)
    assert d.abstain and d.reason == "they give no name for this"
    named = _best("The night guard, Ana Ruiz, raised the alarm.")
    assert not decide(q, _selected(named, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    names = analyze("what are the names of the injured workers", flat_idf)
    injured = _best("Nine workers were injured when the fire spread.")
    assert decide(names, _selected(injured, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    # The name of a thing may be a common word ("photosynthesis"): left to the judge.
    q = analyze("What is the name of the process?", flat_idf)
    assert not decide(q, _selected(_best("The process is photosynthesis."), 0.9, confidence=0.8), threshold=0.4,
                      sure=0.8).abstain


def test_the_reason_never_lists_the_questions_common_words():
    q = analyze("Who designed the bridge?", flat_idf)
    d = decide(q, _selected(_best("The bridge opened in 2021."), 0.1), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "the closest passage is about the same things but does not say this"


def test_the_reason_names_at_most_two_names_that_no_passage_found_mentions():
    q = analyze("Did Purple win in Oslo on Tuesdays?", flat_idf)
    lacking = ("Purple", "Oslo", "Tuesdays")
    best = _best("The band played in Bergen.", missing=lacking)
    d = decide(q, _selected(best, 0.1, 0.5, _best("Fans came from Oslo.", missing=("Purple", "Tuesdays"))),
               threshold=0.4, sure=0.8)
    assert d.reason == "they never mention Purple or Tuesdays"
    alone = decide(q, _selected(_best("Fans came from Oslo.", missing=("Purple",)), 0.1, 0.5,
                                _best("Purple won.", missing=("Oslo",))), threshold=0.4, sure=0.8)
    assert alone.reason == "the closest passage does not mention Purple"


def test_a_decision_is_made_once_and_read_from_what_it_was_decided_from():
    q = analyze("Who designed the bridge?", flat_idf)
    phrase = Phrase(0, 8, "Ana Roth", 0.9)
    best = _best("Ana Roth designed the bridge.")
    sure = decide(q, _selected(best, 0.9, 0.85, phrase=phrase), threshold=0.4, sure=0.8, doubt=0.5)
    assert sure.level is Level.SURE and sure.confidence == 0.85 and sure.support == 0.9 and sure.phrase == phrase
    doubtful = decide(q, _selected(best, 0.9, 0.3, phrase=phrase), threshold=0.4, sure=0.8, doubt=0.5)
    assert doubtful.level is Level.DOUBTFUL and doubtful.phrase is None  # the closest sentence, no bold phrase
    refused = decide(q, _selected(best, 0.1, 0.85, phrase=phrase), threshold=0.4, sure=0.8)
    assert refused.abstain and refused.confidence == 0.0 and refused.phrase is None and refused.support == 0.1


def test_a_doubtful_answer_is_likely_when_a_cited_sentence_answers_in_the_form_asked():
    from qa.compose.in_form import answered_in_form

    asked = analyze("Did Haftar meet Putin in Moscow?", flat_idf)
    stated = decide(asked, _selected(_best("Haftar met Putin in Moscow on Tuesday."), 0.9, 0.3),
                    threshold=0.4, sure=0.8, doubt=0.5)
    denied = decide(analyze("Is Velora offering refunds?", flat_idf),
                    _selected(_best("Velora is not offering refunds."), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    assert stated.level is denied.level is Level.DOUBTFUL
    assert answered_in_form(asked, stated, [_best("Haftar met Putin in Moscow on Tuesday.")]).level is Level.LIKELY
    from qa.compose.in_form import IN_FORM  # said why it is likely: the judge's number was for doubtful
    assert answered_in_form(asked, stated, [_best("Haftar met Putin in Moscow on Tuesday.")]).reason == IN_FORM
    # The cited sentence that states it may be the one before the best ("It was their first meeting.").
    assert answered_in_form(asked, stated, [_best("It was their first meeting."),
                                            _best("Haftar met Putin in Moscow.")]).level is Level.LIKELY
    assert answered_in_form(analyze("Is Velora offering refunds?", flat_idf), denied,
                            [_best("Velora is not offering refunds.")]).level is Level.LIKELY
    # Only wanted, or about someone else: still doubtful; a refusal or a question for a phrase is left alone.
    wanted = decide(asked, _selected(_best("Haftar hoped to meet Putin in Moscow."), 0.9, 0.3), threshold=0.4,
                    sure=0.8, doubt=0.5)
    assert answered_in_form(asked, wanted, [_best("Haftar hoped to meet Putin in Moscow.")]).level is Level.DOUBTFUL
    # A refusal is answered only when its closest sentence settles the very claim.
    refused = decide(asked, _selected(_best("Haftar met Putin in Moscow."), 0.1, 0.3), threshold=0.4, sure=0.8)
    assert answered_in_form(asked, refused, [_best("Haftar met Putin in Moscow.")]).level is Level.LIKELY
    assert answered_in_form(asked, refused, [_best("Haftar hoped to meet Putin in Moscow.")]).abstain
    where = analyze("Where did Haftar meet Putin?", flat_idf)
    assert answered_in_form(where, decide(where, _selected(_best("Haftar met Putin in Moscow."), 0.9, 0.3),
                                          threshold=0.4, sure=0.8, doubt=0.5),
                            [_best("Haftar met Putin in Moscow.")]).level is Level.DOUBTFUL
    # "Why": every term of the question and a reason; a sentence that only restates the question is not one.
    why = analyze("Why is Velora recalling the batteries?", flat_idf)
    doubtful = decide(why, _selected(_best("Velora is recalling batteries."), 0.9, 0.3), threshold=0.4, sure=0.8,
                      doubt=0.5)
    because_fire = _best("Velora is recalling 900 batteries because they can catch fire.")
    assert answered_in_form(why, doubtful, [because_fire]).level is Level.LIKELY
    sold = _best("Velora is recalling 900 batteries sold in May.")
    assert answered_in_form(why, doubtful, [sold]).level is Level.DOUBTFUL
    other = _best("Batteries can catch fire because of a fault.")
    assert answered_in_form(why, doubtful, [other]).level is Level.DOUBTFUL
    # A cause in a wider form than "because": what a dispute was over.
    striking = analyze("why are the nurses striking", flat_idf)
    unsure = decide(striking, _selected(_best("Strike pay is $120 a day."), 0.9, 0.3), threshold=0.4, sure=0.8,
                    doubt=0.5)
    over = _best("Nurses began a strike after talks collapsed over staffing levels and pay.")
    assert answered_in_form(striking, unsure, [over]).level is Level.LIKELY
    # The dispute in other words: "striking" / "a walkout over pay"; but not a dispute over something of others.
    walkout = _best("The hospital cancelled 80 operations after its nurses began a walkout over pay.")
    assert answered_in_form(striking, unsure, [walkout]).level is Level.LIKELY
    porters = _best("Porters began a walkout over pay.")
    assert answered_in_form(striking, unsure, [porters]).level is Level.DOUBTFUL
    # Its names may be in the passage only ("He said ..."); not when the passage lacks them.
    delayed = analyze("Why were the evacuations in Tassa delayed?", flat_idf)
    late = decide(delayed, _selected(_best("Serra rejected the accusation."), 0.9, 0.3), threshold=0.4, sure=0.8,
                  doubt=0.5)
    because = "He said evacuations had been delayed because the cyclone changed course."
    assert answered_in_form(delayed, late, [_best(because)]).level is Level.LIKELY
    assert answered_in_form(delayed, late, [_best(because, missing=("Tassa",))]).level is Level.DOUBTFUL
    # A quote's "we" was named before it in the passage, and "went" is "go".
    court = analyze("Why did the fishermen go to court?", flat_idf)
    unsure = decide(court, _selected(_best("The judge ruled on Monday."), 0.9, 0.3), threshold=0.4, sure=0.8,
                    doubt=0.5)
    quote = '"We went to court because nobody would listen to us."'
    assert answered_in_form(court, unsure, [_after("said the fishermen's chairman. ", quote)]).level is Level.LIKELY
    assert answered_in_form(court, unsure, [_after("said the mayor. ", quote)]).level is Level.DOUBTFUL
    # A phrasal verb by its meaning, the deed named by its noun: "put the fares up" / "the increase".
    fares = analyze("Why did the council put the fares up?", flat_idf)
    low = decide(fares, _selected(_best("The council met."), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    due = "Council leader Ana Roth said the increase was unavoidable due to a rise in fuel costs."
    assert answered_in_form(fares, low, [_best(due)]).level is Level.LIKELY
    other = "Council leader Ana Roth said the delay was unavoidable due to a rise in fuel costs."
    assert answered_in_form(fares, low, [_best(other)]).level is Level.DOUBTFUL


def test_how_someone_did_is_answered_in_form_by_a_sentence_that_names_them_in_the_time_asked():
    from qa.compose.in_form import answered_in_form

    fared = analyze("how did Kevin Ashby's team do last season", flat_idf)
    doubtful = decide(fared, _selected(_best("The club was sold."), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    ninth = _best("Ashby, whose side finished ninth in League One last season, said the sale was unsettling.")
    assert answered_in_form(fared, doubtful, [ninth]).level is Level.LIKELY
    other_season = _best("Ashby, whose side finished ninth in League One in 2019, said the sale was unsettling.")
    assert answered_in_form(fared, doubtful, [other_season]).level is Level.DOUBTFUL  # not the time asked
    nameless = analyze("how did the team do last season", flat_idf)  # any team: left to the judge
    assert answered_in_form(nameless, doubtful, [ninth]).level is Level.DOUBTFUL


def _after(before: str, text: str) -> Scored:
    """A scored sentence that its passage names something before."""
    passage = before + text
    sentence = Candidate(passage_rank=0, passage_id="a#1#0", source="a.txt", start=len(before), end=len(passage),
                         text=text, passage_start=0, passage_end=len(passage), passage_text=passage, index=1,
                         cosine=0.5, passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(sentence, coverage=0.5, context_coverage=0.5, fits=True, score=0.5, confidence=0.5)


def test_what_a_study_found_is_answered_in_form_by_a_sentence_that_gives_its_findings():
    from qa.compose.in_form import answered_in_form

    found = analyze("What did the study find?", flat_idf)
    lead = "Pupils slept 34 minutes longer, according to a study published on Thursday."
    doubtful = decide(found, _selected(_best(lead), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    assert doubtful.level is Level.DOUBTFUL
    assert answered_in_form(found, doubtful, [_best(lead)]).level is Level.LIKELY
    funded = "The study was funded by a charity."  # about the study, not what it found
    assert answered_in_form(found, doubtful, [_best(funded)]).level is Level.DOUBTFUL
    mayor = analyze("What did the mayor find?", flat_idf)  # not a study or a report
    assert answered_in_form(mayor, doubtful, [_best(lead)]).level is Level.DOUBTFUL
    # What a survey said, stated by "the report" on it, the survey named just before.
    said = analyze("what did the 2022 survey say about the tower", flat_idf)
    rated = "The report rated the tower as poor but stable."
    assert answered_in_form(said, doubtful, [_after("The council commissioned a survey in 2022. ", rated)]).level \
        is Level.LIKELY
    assert answered_in_form(said, doubtful, [_after("The council met in 2022. ", rated)]).level is Level.DOUBTFUL
    # Asked by whose report it is; a clause between commas before what it found.
    firm = analyze("what did the engineering firm's report find", flat_idf)
    found_it = "The firm's report, delivered to the council two weeks ago, found corrosion along the deck."
    assert answered_in_form(firm, doubtful, [_best(found_it)]).level is Level.LIKELY


def test_a_yes_no_answer_is_doubtful_when_its_sentence_only_plans_or_allows_the_claim():
    from qa.compose.in_form import UNSETTLED, settled_in_form

    will = analyze("Will the voters approve the tax increase?", flat_idf)
    pending = "The tax increase still has to be approved by voters in a referendum."
    sure = decide(will, _selected(_best(pending), 0.9, 0.95), threshold=0.4, sure=0.8, doubt=0.5)
    assert sure.level is Level.SURE
    unsettled = settled_in_form(will, sure, [pending])
    assert unsettled.level is Level.DOUBTFUL and unsettled.reason == UNSETTLED and unsettled.phrase is None
    # Any cited sentence that plans it is enough ("talk of opening"), unless another one gives a verdict.
    opened = analyze("Will Russia open a consulate in Benghazi?", flat_idf)
    talk = "At the same time there is talk of opening a consulate in Benghazi."
    likely = decide(opened, _selected(_best(talk), 0.9, 0.6), threshold=0.4, sure=0.8, doubt=0.5)
    assert settled_in_form(opened, likely, ["Russia has an embassy in Tripoli.", talk]).level is Level.DOUBTFUL
    assert settled_in_form(opened, likely, [talk, "Russia will open a consulate in Benghazi."]).level is Level.LIKELY
    # Stated, or about something under way ("Is X building ...?", an aim is close to it), or not yes/no: unchanged.
    did = analyze("Did the council approve the tax increase?", flat_idf)
    approved = decide(did, _selected(_best("The council approved the tax increase."), 0.9, 0.95), threshold=0.4,
                      sure=0.8)
    assert settled_in_form(did, approved, ["The council approved the tax increase."]).level is Level.SURE
    building = analyze("Is Russia building a port in Libya?", flat_idf)
    aims = "Russia aims to open a port in Libya."
    assert settled_in_form(building, decide(building, _selected(_best(aims), 0.9, 0.95), threshold=0.4, sure=0.8),
                           [aims]).level is Level.SURE
    what = analyze("What has to be approved by voters?", flat_idf)
    assert settled_in_form(what, decide(what, _selected(_best(pending), 0.9, 0.95), threshold=0.4, sure=0.8),
                           [pending]).level is Level.SURE


def test_who_did_it_is_doubtful_when_the_best_sentence_tells_the_deed_in_the_passive_with_no_doer():
    from qa.compose.in_form import NO_DOER, settled_in_form
    from qa.compose.unsaid import doer_unsaid

    who = analyze("Who cut the padlock?", flat_idf)
    cut = "An inspection found that a padlock on the gate had been cut."
    likely = decide(who, _selected(_best(cut), 0.9, 0.7), threshold=0.4, sure=0.8, doubt=0.5)
    unsaid = settled_in_form(who, likely, [cut])
    assert unsaid.level is Level.DOUBTFUL and unsaid.reason == NO_DOER
    # A doer given ("by two men", or the active voice), or another deed, or not a deed asked about: unchanged.
    assert not doer_unsaid("Who cut the padlock?", "The padlock was cut by two men.")
    assert not doer_unsaid("Who cut the padlock?", "Two men cut the padlock.")
    assert not doer_unsaid("Who cut the padlock?", "The fence was cut on Sunday.")
    assert not doer_unsaid("Who was arrested?", "A man was arrested on Sunday.")
    by = "The padlock was cut by two men."
    assert settled_in_form(who, decide(who, _selected(_best(by), 0.9, 0.7), threshold=0.4, sure=0.8, doubt=0.5),
                           [by]).level is Level.LIKELY


def test_an_age_question_puts_the_sentence_that_gives_an_age_first():
    from qa.judgment.evidence import age_first

    q = analyze("How old is the Harbor Street Bridge?", flat_idf)
    life = _best("A repair would extend its life by only 15 years.", fits=False)
    age = _best("The council will tear down the 92-year-old Harbor Street Bridge.", fits=True)
    elsewhere = _best("Anna Motu, a 34-year-old trader, survived.", fits=True, missing=("Harbor Street Bridge",))
    assert age_first(q, (life, age)) == (age, life)
    assert age_first(q, (life, elsewhere)) == (life, elsewhere)  # an age of something else is no answer
    assert age_first(q, (age, life)) == (age, life)
    other = analyze("How long will the repair extend its life?", flat_idf)
    assert age_first(other, (life, age)) == (life, age)  # only an age question


def test_a_time_of_day_question_cites_the_sentence_that_gives_a_time_of_day_beside_the_best():
    from qa.compose.compose import clock_among
    from qa.judgment.answer_kinds import fits
    from qa.judgment.evidence import age_first
    from qa.question import CLOCK

    q = analyze("What time did the walkers raise the alarm?", flat_idf)
    assert q.unit == CLOCK and analyze("What time of year is it busiest?", flat_idf).unit is None
    day = _best("The walkers were rescued early on Sunday.", fits=fits(q, "The walkers were rescued early on Sunday."))
    hour = "One walker raised the alarm at about 3.40pm using a beacon."
    clock = _best(hour, fits=fits(q, hour))
    assert not day.fits and clock.fits  # a day is a date, not a time of day
    # The order (and so the level) stays the judge's; the time of day is cited beside the best sentence.
    assert age_first(q, (day, clock)) == (day, clock)
    assert clock_among((clock,), day) is clock and clock_among((day,), clock) is None
    when = analyze("When did the walkers raise the alarm?", flat_idf)
    assert fits(when, hour)  # a time of day answers "when" as well


def _decided(question: str, sentence: str):
    """The decision on a question whose best sentence the judge finds answerable and likely."""
    return decide(analyze(question, flat_idf), _selected(_best(sentence), 0.9, confidence=0.8), threshold=0.4, sure=0.8)


def test_which_named_body_is_refused_when_the_best_sentence_names_none():
    d = _decided("which two airlines were asked to add seats", "She said the ministry had asked two larger carriers "
                                                               "to add seats.")
    assert d.abstain and d.reason == "they give no name for this"
    assert not _decided("which two airlines were asked to add seats",
                        "The ministry asked Skyline and Norair to add seats.").abstain
    # "the airline" may be named in the sentence before, which is cited with it
    assert not _decided("which airline was asked to add seats", "The ministry asked the airline to add seats.").abstain
    # "which group" may be answered by a description ("the beroids"), not a name
    assert not _decided("which group has young born with no tentacles",
                        "The young of the beroids are born with no tentacles.").abstain


def test_a_name_asked_for_is_not_given_by_a_date_a_number_a_date_line_or_another_kind_of_body():
    who = "What is the name of the Velora co-founder who was Hart's college roommate?"
    d = _decided(who, "Velora was founded in 2016 by Hart and his college roommate, and it sold 160,000 bikes in May.")
    assert d.abstain and d.reason == "they give no name for this"
    assert not _decided(who, "Velora was founded in 2016 by Hart and his college roommate, Dana Ortiz.").abstain
    which = "Which construction company will build the new Harbor Street Bridge?"
    assert _decided(which, "MILLBROOK — The Millbrook City Council voted on Tuesday to build a new Harbor Street "
                           "Bridge.").abstain
    assert not _decided(which, "Harlan Construction will build the new Harbor Street Bridge, the council said on "
                               "Tuesday.").abstain
    guard = "whats the name of the farm's guard"  # a body's acronym or name is no person's name
    assert _decided(guard, "The farm's guard reported the break-in to the LDCA on Sunday.").abstain
    assert _decided(guard, "The farm's guard reported it to Ashby District Council on Sunday.").abstain
    assert not _decided(guard, "The farm's guard, Ruth Kell, reported it to the LDCA on Sunday.").abstain


def test_a_name_the_articles_have_elsewhere_is_not_said_to_be_never_mentioned():
    q = analyze("Did Purple win in Oslo on Tuesdays?", flat_idf)
    selected = _selected(_best("The band played in Bergen.", missing=("Purple", "Tuesdays")), 0.1)
    named = decide(q, selected, threshold=0.4, sure=0.8, mentioned=lambda name: name == "Purple")
    assert named.reason == "they never mention Tuesdays"  # the one truly absent is the reason
    both = decide(q, selected, threshold=0.4, sure=0.8, mentioned=lambda name: True)
    assert both.reason == "the passages closest to the question do not mention Purple or Tuesdays"


def test_a_year_asked_that_no_article_mentions_is_refused_whatever_the_judge_thinks():
    q = analyze("How much did a monthly pass cost in 2019?", flat_idf)
    selected = _selected(_best("A monthly pass will rise from 68 pounds to 79 pounds."), 0.9)
    refused = decide(q, selected, threshold=0.4, sure=0.8, mentioned=lambda name: name != "2019")
    assert refused.abstain and refused.reason == "they never mention 2019"
    assert not decide(q, selected, threshold=0.4, sure=0.8, mentioned=lambda name: True).abstain
    ranged = analyze("How many visited in the 2014-2015 season?", flat_idf)  # a range is not a year asked
    visitors = _selected(_best("About 3.5 million people visited that season."), 0.9)
    assert not decide(ranged, visitors, threshold=0.4, sure=0.8, mentioned=lambda name: False).abstain


def test_a_count_asked_is_not_given_by_a_sum_of_money():
    fined = analyze("How many people have been fined for the hose ban?", flat_idf)
    fee = _selected(_best("Fines for breaking the hose ban start at 250 euros.", fits=False), 0.9)
    assert decide(fined, fee, threshold=0.4, sure=0.8).reason == "they give no number for this"
    counted = _selected(_best("Forty people were fined 250 euros each for breaking the hose ban."), 0.9)
    assert not decide(fined, counted, threshold=0.4, sure=0.8).abstain
    cost = analyze("How many euros does a fine cost?", flat_idf)  # money asked for
    money = _selected(_best("Fines for breaking the hose ban start at 250 euros."), 0.9)
    assert not decide(cost, money, threshold=0.4, sure=0.8).abstain
    # Pence are money ("39p").
    from qa.judgment.answer_kinds import fits
    pence = analyze("how much does it cost farmers to produce milk", flat_idf)
    said = "It costs the average farm about 39p to produce a litre of milk."
    assert fits(pence, said) and not decide(pence, _selected(_best(said), 0.9), threshold=0.4, sure=0.8).abstain
    # A best sentence whose every number counts something else is shown only as the closest sentence.
    farms = analyze("how many farms supply fellmart", flat_idf)
    stores = _selected(_best("Fellmart, which runs 412 stores, said on 3 March it would pay 36.5p a litre."), 0.9,
                       confidence=0.9)
    assert decide(farms, stores, threshold=0.4, sure=0.8).level is Level.DOUBTFUL
    own = analyze("how many stores does fellmart run", flat_idf)
    assert decide(own, stores, threshold=0.4, sure=0.8).level is Level.SURE
    # Nor by a time of day.
    complained = analyze("how many parents complained", flat_idf)
    clock = _selected(_best("Some parents complained that the later finish, at 3:40 p.m., left less time.",
                            fits=False), 0.9)
    assert decide(complained, clock, threshold=0.4, sure=0.8).abstain


def test_a_count_whose_best_sentence_holds_none_is_shown_only_as_the_closest_sentence():
    fined = analyze("How many people have been fined for breaking the ban?", flat_idf)
    amount = _best("Customers who break the rules could be fined up to 1,000 pounds.")
    counted = _best("So far 12 customers have been fined.")
    d = decide(fined, _selected(amount, 0.9, 0.95, counted), threshold=0.4, sure=0.8)
    assert not d.abstain and d.level is Level.DOUBTFUL and d.phrase is None
    assert decide(fined, _selected(counted, 0.9, 0.95, amount), threshold=0.4, sure=0.8).level is Level.SURE


def test_a_number_the_question_gives_is_not_its_answer():
    q = analyze("How many of the 1,100 members have voted so far?", flat_idf)
    ballot = _best("The union said it would ballot its 1,100 members on strike action.", fits=False)
    d = decide(q, _selected(ballot, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no number for this"
    voted = _best("So far 640 of the 1,100 members have voted.")
    assert not decide(q, _selected(voted, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    nine = analyze("How many of the nine injured workers are still in hospital?", flat_idf)
    lead = _best("Nine workers were injured when a fire tore through the plant.", fits=False)
    assert decide(nine, _selected(lead, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    three = _best("Three of the nine injured workers were kept in hospital.")
    assert not decide(nine, _selected(three, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain


def test_a_question_is_refused_when_its_best_sentence_says_the_answer_has_not_been_made_known():
    from qa.compose.in_form import NOT_MADE_KNOWN, settled_in_form

    unsaid = "Northvane has not said whether it will appeal."
    when = analyze("when will northvane file its appeal", flat_idf)
    sure = decide(when, _selected(_best(unsaid), 0.9, 0.95), threshold=0.4, sure=0.8)
    refused = settled_in_form(when, sure, [unsaid], unsaid)
    assert refused.abstain and refused.reason == f'{NOT_MADE_KNOWN}: "{unsaid[:-1]}"'  # quoted: a reason one can check
    # Only the best sentence counts, and only when it is about what is asked.
    told = "The firm said it would appeal in May."
    assert not settled_in_form(when, sure, [unsaid, told], told).abstain
    cost = analyze("What will the new bridge cost?", flat_idf)
    assert not settled_in_form(cost, sure, [unsaid], unsaid).abstain
    # What the sentence goes on to say after the clause left unsaid is said ("which cost about 5,400 pounds").
    injections = analyze("how much do the injections cost", flat_idf)
    cheaper = "He did not say whether it would be cheaper than the injections, which cost about 5,400 pounds a year."
    assert not settled_in_form(injections, sure, [cheaper], cheaper).abstain
    # People "undecided" have not made up their minds; nothing was kept back.
    poll = analyze("did most parents support the plan", flat_idf)
    split = "Of the parents who responded, 62 percent backed the plan, 29 percent opposed it and the rest were undecided."
    assert not settled_in_form(poll, sure, [split], split).abstain
    opened = analyze("when will the school open", flat_idf)
    undecided = "When the school will open is not yet decided."
    assert settled_in_form(opened, sure, [undecided], undecided).abstain
    # A yes/no question whose verdict the sentence gives is answered (qa/compose/yesno.py): "has not said" is No.
    asked = analyze("Has Northvane confirmed it will appeal?", flat_idf)
    assert not settled_in_form(asked, sure, [unsaid], unsaid).abstain
    # With no verdict, a cited sentence that says the claim was not made known refuses it.
    step = analyze("will the government step in if the strike goes on", flat_idf)
    quoted = "The minister said the contract sets minimum service levels."
    silent = "He did not say whether the government would step in if the strike continued."
    refused = settled_in_form(step, sure, [quoted, silent], quoted)
    assert refused.abstain and refused.reason == f'{NOT_MADE_KNOWN}: "{silent[:-1]}"'
    assert not settled_in_form(step, sure, [quoted], quoted).abstain


def test_when_is_answered_in_form_by_a_dated_sentence_that_speaks_of_every_word_asked():
    from qa.compose.in_form import answered_in_form

    when = analyze("when does the merger actually happen", flat_idf)
    doubtful = decide(when, _selected(_best("The board met."), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    assert doubtful.level is Level.DOUBTFUL
    dated = "Two hospitals will merge into a single organisation from next April, the board said."
    assert answered_in_form(when, doubtful, [_best(dated)]).level is Level.LIKELY
    # No time given, another deed, or the name asked about missing from the passage: still doubtful.
    assert answered_in_form(when, doubtful, [_best(dated, fits=False)]).level is Level.DOUBTFUL
    moved = analyze("when will the maternity unit move", flat_idf)
    other = "The maternity unit will open a new ward in April."
    assert answered_in_form(moved, decide(moved, _selected(_best(other), 0.9, 0.3), threshold=0.4, sure=0.8,
                                          doubt=0.5), [_best(other)]).level is Level.DOUBTFUL
    named = analyze("When will Harrowby's unit move?", flat_idf)
    assert answered_in_form(named, decide(named, _selected(_best("x"), 0.9, 0.3), threshold=0.4, sure=0.8,
                                          doubt=0.5),
                            [_best("The unit will move in April.", missing=("Harrowby",))]).level is Level.DOUBTFUL


def test_a_sentence_near_the_best_that_says_it_was_not_said_refuses_or_answers_no_to_the_saying():
    from qa.compose.in_form import IN_FORM, said_near
    from qa.types import Level

    managers = analyze("how many managers will crew the ferries during the strike", flat_idf)
    best = "The union says about 340 of its members are deck officers."
    unsaid = ("Garvie has not said whether the company will improve its pay offer, and a spokesperson declined to "
              "say how many managers would be asked to crew vessels during the strike.")
    likely = decide(managers, _selected(_best(best), 0.9, 0.6), threshold=0.4, sure=0.8, doubt=0.5)
    assert likely.level is Level.LIKELY
    refused, first = said_near(managers, likely, [_best(best), _best(unsaid)])
    assert refused.level is Level.REFUSED and unsaid.rstrip(".") in refused.reason and first == 0
    # Another question word than the one left unsaid: unchanged ("why" is not "how many", nor "whether").
    why = analyze("Why are crews striking?", flat_idf)
    likely_why = decide(why, _selected(_best(best), 0.9, 0.6), threshold=0.4, sure=0.8, doubt=0.5)
    assert said_near(why, likely_why, [_best(best), _best(unsaid)]) == (likely_why, 0)
    # Asked about the saying itself: No, citing that sentence first.
    offer = analyze("has the company said it will raise its pay offer", flat_idf)
    doubtful = decide(offer, _selected(_best(best), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    answered, first = said_near(offer, doubtful, [_best(t) for t in (best, "It offered a rise of 2.5 percent.", unsaid)])
    assert answered.level is Level.LIKELY and first == 2
    # A sure answer is the judge's: left alone.
    sure = decide(managers, _selected(_best(best), 0.9, 0.95), threshold=0.4, sure=0.8, doubt=0.5)
    assert said_near(managers, sure, [_best(best), _best(unsaid)]) == (sure, 0)
    # "Why", its best sentence giving no reason: the next that gives one for every word asked is cited first.
    recall = analyze("Why is Velora recalling the batteries?", flat_idf)
    unsure = decide(recall, _selected(_best("Velora sold the batteries in May."), 0.9, 0.6), threshold=0.4,
                    sure=0.8, doubt=0.5)
    near = [_best(t) for t in ("Velora sold the batteries in May.", "The batteries can catch fire because of a fault.",
                               "Velora is recalling the batteries because they can catch fire.")]
    assert said_near(recall, unsure, near) == (replace(unsure, level=Level.LIKELY, reason=IN_FORM), 2)
    assert said_near(recall, unsure, near[:2]) == (unsure, 0)  # a reason for something else


@pytest.mark.parametrize("question, refused", [
    ("which housing developer bid for the mill", True),
    ("who is the buyer of the mill", False),  # the buyer is not the one left unnamed
    ("what did the developer offer for the mill", False),  # not a "which one"
])
def test_who_it_was_is_refused_where_the_sentence_says_they_have_not_been_named(question, refused):
    from qa.compose.in_form import NOT_MADE_KNOWN, said_near
    from qa.types import Level

    best = ("A housing developer had also made an offer for the mill, but the trust has not named the company or said "
            "how much it bid.")
    q = analyze(question, flat_idf)
    likely = decide(q, _selected(_best(best), 0.9, 0.6), threshold=0.4, sure=0.8, doubt=0.5)
    decision, _ = said_near(q, likely, [_best(best)])
    assert (decision.level is Level.REFUSED and decision.reason.startswith(NOT_MADE_KNOWN)) is refused


def test_what_happens_to_a_thing_is_answered_in_form_by_a_sentence_with_it_as_the_subject():
    from qa.compose.in_form import answered_in_form

    fate = analyze("what happens to the cleaners", flat_idf)
    doubtful = decide(fate, _selected(_best("The board met."), 0.9, 0.3), threshold=0.4, sure=0.8, doubt=0.5)
    assert answered_in_form(fate, doubtful, [_best("Around 310 cleaners are expected to transfer.")]).level \
        is Level.LIKELY
    # Named, but not what the sentence tells of: still doubtful.
    assert answered_in_form(fate, doubtful, [_best("The trust thanked the cleaners.")]).level is Level.DOUBTFUL
    assert answered_in_form(analyze("whats happening with the statue", flat_idf), doubtful,
                            [_best("The statue will be handed over on Friday.")]).level is Level.LIKELY


@pytest.mark.parametrize("question, told_by, not_by", [
    # What befalls a thing is told with it as the subject; not in a clause that describes the subject.
    ("what happens to the staff", "The company's 64 staff have been told to stay at home on full pay.",
     ["The firm, which employs 64 staff, was sold."]),
    # "Why": a best sentence giving a reason and holding every word asked; not without a reason, nor about another.
    ("why was the festival cancelled", "Organisers cancelled the festival because the site was flooded.",
     ["Organisers cancelled the festival on Thursday.", "The concert was cancelled because of rain."]),
])
def test_a_question_refused_by_the_judge_is_answered_by_a_best_sentence_in_the_form_asked(question, told_by, not_by):
    from qa.compose.in_form import IN_FORM, answered_in_form

    asked = analyze(question, flat_idf)
    refused = decide(asked, _selected(_best("The board met."), 0.05, 0.2), threshold=0.4, sure=0.8, doubt=0.5)
    assert refused.level is Level.REFUSED
    told = answered_in_form(asked, refused, [_best(told_by)])
    assert told.level is Level.LIKELY and told.reason == IN_FORM
    for sentence in not_by:
        assert answered_in_form(asked, refused, [_best(sentence)]) == refused
    # Any other question the judge refuses stays refused.
    other = analyze("how much are the staff paid", flat_idf)
    assert answered_in_form(other, refused, [_best("The company's 64 staff are paid monthly.")]) == refused


def test_a_why_is_answered_by_a_reason_that_says_the_word_asked_by_its_like():
    from qa.compose.in_form import answered_in_form

    asked = analyze("why is the bakery closed", flat_idf)
    refused = decide(asked, _selected(_best("The board met."), 0.05, 0.2), threshold=0.4, sure=0.8, doubt=0.5)
    before = "Priya Haldane, who runs a bakery on the square, was angry. "
    shut = "Her shop has been shut since Sunday because it lies inside the police cordon."
    assert answered_in_form(asked, refused, [_after(before, shut)]).level is Level.LIKELY
    assert answered_in_form(asked, refused, [_best(shut)]) == refused  # no bakery named
    losing = "Her shop is losing money because trade has fallen."  # a reason, but for nothing asked
    assert answered_in_form(asked, refused, [_after(before, losing)]) == refused


def test_a_yes_no_is_answered_by_a_verdict_next_to_the_best_sentence_in_its_passage():
    from qa.compose.in_form import IN_FORM, NEAR, said_near

    died = analyze("has anybody died from the cheese", flat_idf)
    doubtful = decide(died, _selected(_best("Four people have fallen ill."), 0.9, 0.3), threshold=0.4, sure=0.8,
                      doubt=0.5)
    others = [_best(t) for t in ("The dairy halted production.", "Shops removed the packs.", "Tests came back.")]
    verdict = _best("All four are recovering, and no deaths have been reported.")
    elsewhere = replace(verdict, candidate=replace(verdict.candidate, passage_id="a#1#5"))
    ranked = [_best("Four people have fallen ill."), *others]
    assert len(ranked) > NEAR
    assert said_near(died, doubtful, [*ranked, verdict]) == (replace(doubtful, level=Level.LIKELY, reason=IN_FORM), 4)
    # Asked of anyone, the one line that says so may be anywhere in what was found ("No one was injured.").
    assert said_near(died, doubtful, [*ranked, elsewhere]) == (replace(doubtful, level=Level.LIKELY, reason=IN_FORM), 4)
    # Asked of someone named, beyond the best few only the best sentence's own passage is read.
    recalled = analyze("has the dairy recalled the cheese", flat_idf)
    unsure = decide(recalled, _selected(_best("Four people have fallen ill."), 0.9, 0.3), threshold=0.4, sure=0.8,
                    doubt=0.5)
    said = _best("The dairy has recalled the cheese.")
    assert said_near(recalled, unsure, [*ranked, said]) == (replace(unsure, level=Level.LIKELY, reason=IN_FORM), 4)
    far = replace(said, candidate=replace(said.candidate, passage_id="a#1#5"))
    assert said_near(recalled, unsure, [*ranked, far]) == (unsure, 0)


@pytest.mark.parametrize("question, unnamed, named", [
    ("whats the name of the wildlife hospital they were kept at",  # a place's or a body's name
     "The family spent three weeks in quarantine at a wildlife hospital, where vets checked them.",
     "The family spent three weeks at the Brannock Wildlife Hospital."),
    ("whats the name of the scrapyard",  # spoken of only as "a" one
     "They sold it to a scrapyard in Pellbridge for £3,900 in cash.",
     "They sold it to the Hollis Metals scrapyard in Pellbridge."),
])
def test_the_name_of_a_place_or_body_is_refused_when_the_best_sentence_names_none(question, unnamed, named):
    q = analyze(question, flat_idf)
    assert decide(q, _selected(_best(unnamed), 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    assert not decide(q, _selected(_best(named), 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain


def test_what_time_is_refused_when_no_time_of_day_is_told_in_the_first_sentences():
    q = analyze("what time does the bus open on tuesdays", flat_idf)
    days = _best("The bus will park in the car park every Tuesday and Thursday from Tuesday, 3 June.", fits=False)
    d = decide(q, _selected(days, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no time of day for this"
    told = _best("Doors open at 9am and close at 4pm.", fits=True)
    assert not decide(q, _selected(days, 0.9, 0.8, told), threshold=0.4, sure=0.8).abstain


def test_the_name_of_someone_asked_by_office_is_not_given_by_a_word_capitalized_where_the_sentence_starts():
    q = analyze("whats the name of the councillor who asked for the call in", flat_idf)
    unnamed = _best("Opposition councillors have asked for the decision to be called in on 19 November.")
    d = decide(q, _selected(unnamed, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
    assert d.abstain and d.reason == "they give no name for this"
    named = _best("Councillor Ruth Oyelaran has asked for the decision to be called in.")
    assert not decide(q, _selected(named, 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain


def test_a_thing_named_right_after_it_or_a_name_that_opens_the_sentence_is_given():
    q = analyze("whats the name of the scrapyard", flat_idf)
    for text in ("They sold it to a scrapyard, Harlow Metals, in Pellbridge.", "They sold it to a scrapyard called Harlow"
                 " Metals."):
        assert not decide(q, _selected(_best(text), 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain
    manager = analyze("what is the name of the manager", flat_idf)
    for text in ("Brown, the yard's manager, said it was closed.", "Brown said he was the yard's manager."):
        assert not decide(manager, _selected(_best(text), 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain


def test_a_time_frame_is_no_time_of_day_and_a_time_of_day_may_be_told_in_words():
    assert analyze("what time frame does the council expect for the review", flat_idf).unit is None
    from qa.judgment.answer_kinds import fits
    q = analyze("what time did the fire start", flat_idf)
    for text in ("The fire started in the early hours of Sunday.", "The fire started at 19:45.",
                 "The fire started at half past eight."):
        assert fits(q, text)
    for text in ("The fire started at around 7.30.", "It began at 6 tonight.", "It began at about 10 last night."):
        assert fits(q, text)
    assert not fits(q, "The fire started on Sunday.") and not fits(q, "He was jailed at 19 on Monday.")


def test_a_name_given_before_the_thing_or_after_a_place_is_given():
    for question, text in (("what is the name of the nurse", "Holly Marsh, a nurse at the hospital, said it was full."),
                           ("what is the name of the dog", "Biscuit, a three-year-old dog, was found on Monday."),
                           ("what is the name of the hotel", "They stayed at a hotel in Leeds, The Grand, for a week."),
                           ("what is the name of the driver", "Baker admitted dangerous driving at the hearing.")):
        q = analyze(question, flat_idf)
        assert not decide(q, _selected(_best(text), 0.9, confidence=0.8), threshold=0.4, sure=0.8).abstain, text


def test_how_much_a_thing_paid_for_costs_wants_a_sum_of_money():
    for question in ("how much are junior memberships", "how much is a berth in tregarrow", "how much is parking"):
        q = analyze(question, flat_idf)
        assert q.unit == "money", question
        best = _best("Membership has fallen from 420 in 2019 to 285, and many juniors had left.", fits=False)
        d = decide(q, _selected(best, 0.9, confidence=0.8), threshold=0.4, sure=0.8)
        assert d.abstain and d.reason == "they give no amount of money for this"
    assert analyze("how much is left in the fund", flat_idf).unit is None
