"""The answer skills end to end (qa/skills/): the real embedder, a real embedded Chroma, and articles the test
writes: a summary, who is who with aliases grouped, an acronym spelled out, a role, a timeline with a relative
date resolved, what happened after an event, what someone said, a follow-up "Why?", and a sentence that refers
back. Every citation and phrase is checked against the source text."""
from __future__ import annotations

import pytest

from qa.types import Level, Route
from support import service_on
from test_answer import assert_citations_are_exact

pytestmark = pytest.mark.integration

HARBOUR = """date 2024-05-10
# Port Ellery approves a new ferry terminal

The council of Port Ellery voted on Tuesday to build a ferry terminal on the old coal quay, at a cost of 30 million euros.

The terminal will be paid for by a harbour levy, which adds two euros to every ferry ticket.

Mayor Ilse Brandt, who has pushed for the terminal since 2021, said the vote was "a new start for the harbour." Brandt told reporters that the first ferries could sail in 2026.

Opposition leader Tomas Weber voted against the plan because the terminal would close the quay to fishing boats. Weber said the fishermen had not been asked.

The Maritime Safety Agency (MSA) must still approve the design. The agency said it would decide within a month.

In March, the Nordbau company won the tender. The firm built the bridge at Lakeside in 2019. The next day, its shares rose eight percent.

The frigate Aurora anchored in the bay on Monday. The minister boarded the ship to inspect the quay.

Parking at the quay will rise from 3 euros to 4 euros an hour, and a season permit from 90 euros to 120 euros.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, embedder):
    return service_on(tmp_path_factory.mktemp("skills"), embedder, "harbour.md", HARBOUR)


def ask(harbour, question, history=None):
    svc, texts = harbour
    a = svc.answer(question, history or [])
    assert_citations_are_exact(a, texts)
    return a


def test_summary_tells_the_story_in_cited_sentences_in_article_order(harbour):
    a = ask(harbour, "Summarize the article")
    assert a.route is Route.SUMMARY and a.level is Level.SURE
    assert 3 <= len(a.citations) <= 5
    assert "voted on Tuesday to build a ferry terminal" in a.text  # the lead
    assert [c.start for c in a.citations] == sorted(c.start for c in a.citations)


def test_whats_the_deal_with_the_story_is_its_summary_and_with_a_person_told_of_later_who_they_are(harbour):
    a = ask(harbour, "whats the deal with the ferry terminal")
    assert a.route is Route.SUMMARY and "voted on Tuesday to build a ferry terminal" in a.text
    a = ask(harbour, "whats the story with tomas weber")
    assert a.route is not Route.SUMMARY and "Opposition leader" in a.text
    a = ask(harbour, "whats up with the parking")  # a detail of the story, not what it is about
    assert a.route is not Route.SUMMARY and "Parking at the quay will rise" in a.text and not a.text.startswith("Yes")


def test_people_are_grouped_by_alias_with_their_roles(harbour):
    a = ask(harbour, "Who are the people in this story?")
    assert a.route is Route.ENTITIES
    lines = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert any(line.startswith("- Ilse Brandt: Mayor") for line in lines)
    assert any(line.startswith("- Tomas Weber: Opposition leader") for line in lines)
    assert sum("Brandt" in line for line in lines) == 1  # "Brandt" and "Mayor Ilse Brandt" are one person


def test_a_story_named_in_words_it_never_uses_is_the_only_article_there_is(harbour):
    a = ask(harbour, "sum up the shipping story")  # it never says "shipping"
    assert a.route is Route.SUMMARY and "voted on Tuesday to build a ferry terminal" in a.text


def test_how_many_people_says_how_many_it_lists(harbour):
    a = ask(harbour, "how many people are mentioned?")
    assert a.route is Route.ENTITIES
    rows = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert a.text.startswith(f"{len(rows)} people in ")


def test_who_is_quoted_lists_the_speakers_in_order_with_what_they_said_first(harbour):
    a = ask(harbour, "who is quoted in the story?")
    assert a.route is Route.ENTITIES
    rows = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert rows[0].startswith("- Ilse Brandt (Mayor") and "a new start for the harbour" in rows[0]
    assert rows[1].startswith("- Tomas Weber (Opposition leader)") and "fishermen had not been asked" in rows[1]
    assert a.text.startswith(f"{len(rows)} speakers quoted in ")
    # One speaker asked for is a fact, not the list.
    assert ask(harbour, "Who was quoted as saying the fishermen had not been asked?").route is not Route.ENTITIES


def test_who_is_answers_with_the_role_first(harbour):
    a = ask(harbour, "who is weber")
    assert a.short is not None and a.short.text == "Opposition leader"


def test_what_a_name_typed_in_lower_case_does_is_its_role_and_a_common_word_is_no_role(harbour):
    a = ask(harbour, "what does weber do")
    assert a.short is not None and a.short.text == "Opposition leader"
    assert ask(harbour, "what does opposition do").route is not Route.DEFINITION  # a role's word is not a name


def test_a_typo_in_a_name_still_finds_the_person(harbour):
    a = ask(harbour, "Who is Brant?")
    assert a.short is not None and a.short.text == "Mayor"


def test_an_acronym_is_spelled_out(harbour):
    a = ask(harbour, "What does MSA stand for?")
    assert a.short is not None and a.short.text == "Maritime Safety Agency"


def test_a_term_the_article_explains_is_answered_with_its_explanation(harbour):
    a = ask(harbour, "What does the harbour levy refer to?")
    assert a.route is Route.DEFINITION
    assert a.short is not None and a.short.text == "adds two euros to every ferry ticket"
    a = ask(harbour, "what's a harbour levy")  # asked as "what is a ...", in the plural too
    assert a.route is Route.DEFINITION and a.short.text == "adds two euros to every ferry ticket"
    assert ask(harbour, "what are harbour levies").route is Route.DEFINITION


def test_a_term_the_article_does_not_explain_is_not_given_a_made_up_meaning(harbour):
    a = ask(harbour, "What does the coal quay mean?")
    # The article never explains it: where it first speaks of it, with no phrase offered as its meaning.
    assert a.short is None and a.level is Level.LIKELY
    assert a.text.startswith("The article first speaks of the coal quay as “the old coal quay”")


def test_what_is_meant_by_a_saying_is_where_it_is_said_and_what_follows(harbour):
    a = ask(harbour, "what is meant by the vote was a new start for the harbour")
    assert a.route is Route.DEFINITION and a.level is Level.LIKELY and a.short is None
    assert a.text.startswith("The article says it here: Mayor Ilse Brandt")
    assert [c.quote for c in a.citations][1] == "Brandt told reporters that the first ferries could sail in 2026."
    # A saying the article does not hold (a word of it but one in five at most may differ) is not placed there.
    other = ask(harbour, "What is meant by the council buying a new ferry?")
    assert not other.text.startswith("The article says it here")


def test_timeline_orders_the_dated_events_and_resolves_relative_dates(harbour):
    a = ask(harbour, "Give me a timeline")
    assert a.route is Route.TIMELINE
    rows = [line for line in a.text.splitlines() if line.startswith("- ")]
    assert rows[0].startswith("- 2019")  # the background, told late in the article, comes first
    assert any(row.startswith("- March 2, 2024 (“The next day”)") or "(“The next day”)" in row for row in rows)


def test_what_someone_did_on_a_day_is_that_days_event_naming_them(harbour):
    a = ask(harbour, "What did the council do on Tuesday?")
    assert a.route is Route.TIMELINE
    assert "voted on Tuesday to build a ferry terminal" in a.text and "anchored in the bay" not in a.text


def test_what_happened_after_an_event_is_the_next_dated_one(harbour):
    a = ask(harbour, "What happened after Nordbau won the tender?")
    assert a.route is Route.TIMELINE
    assert "shares rose eight percent" in a.text


def test_the_headline_is_not_the_event_asked_about(harbour):
    # The headline shares the question's words as well as the lead does, but it sums up the story: the event
    # is the dated vote, and what came next is counted from its day.
    a = ask(harbour, "What happened after the council approved the ferry terminal?")
    assert a.route is Route.TIMELINE
    assert "(after May 7, 2024" in a.text and "first ferries could sail in 2026" in a.text


def test_according_to_who_names_the_speaker_of_the_sentence_the_last_answer_cited(harbour):
    first = ask(harbour, "When could the first ferries sail?")
    history = [{"role": "user", "content": "When could the first ferries sail?"},
               {"role": "assistant", "content": first.text}]
    a = ask(harbour, "according to who?", history)
    assert a.route is Route.OPINION and a.level is Level.SURE
    assert a.text.startswith("According to Brandt") and a.short.text == "Brandt"
    assert a.citations[0].quote.startswith("Brandt told reporters")


def test_a_preposition_and_a_question_word_ask_for_a_detail_of_the_sentence_just_cited(harbour):
    first = "What did the council vote to build?"
    said = ask(harbour, first)
    assert "ferry terminal on the old coal quay" in said.citations[0].quote
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": said.text}]
    a = ask(harbour, "on which quay?", history)  # "on Tuesday" comes first: the phrase with the noun asked
    assert a.short.text == "the old coal quay" and a.level is Level.LIKELY
    assert ask(harbour, "at what cost?", history).short.text == "a cost of 30 million euros"
    # No such preposition in the sentence: searched as any follow-up is ("for how much" with the last turn's
    # names), never a phrase read off another preposition.
    fallback = ask(harbour, "and for how much", history)
    assert fallback.searched != first and "30 million euros" in fallback.text
    assert ask(harbour, "with whom?", history).abstained


def test_what_it_was_before_is_the_from_of_the_change_the_last_answer_was_about(harbour):
    first = "How much will a season permit cost?"
    said = ask(harbour, first)
    assert "a season permit from 90 euros to 120 euros" in said.citations[0].quote
    history = [{"role": "user", "content": first}, {"role": "assistant", "content": said.text}]
    a = ask(harbour, "and what was it before?", history)
    assert a.short.text == "90 euros" and a.level is Level.LIKELY  # not the hourly rate's "3 euros"


def test_a_fact_told_in_the_articles_own_voice_has_no_named_source(harbour):
    history = [{"role": "user", "content": "How will the terminal be paid for?"},
               {"role": "assistant", "content": "The terminal will be paid for by a harbour levy [1]"}]
    a = ask(harbour, "who said that?", history)
    assert a.text.startswith("The article names no source for this") and a.level is Level.LIKELY
    assert "harbour levy" in a.citations[0].quote
    # After a refusal there is nothing to attribute.
    refused = [{"role": "user", "content": "What is the mayor's favourite colour?"},
               {"role": "assistant", "content": "The articles don't answer this."}]
    assert ask(harbour, "source?", refused).abstained


def test_what_someone_said_is_their_reported_speech(harbour):
    a = ask(harbour, "What did Weber say?")
    assert a.route is Route.OPINION
    assert "fishermen had not been asked" in a.text


def test_what_someone_said_about_a_topic_is_what_they_said_of_it(harbour):
    a = ask(harbour, "What did the mayor say about the ferries?")
    assert a.route is Route.OPINION
    assert "first ferries could sail in 2026" in a.text
    assert "a new start for the harbour" not in a.text  # said next to it, not of it


def test_a_view_on_what_the_whole_story_is_about_is_everything_they_said(harbour):
    a = ask(harbour, "what's Brandt's take on the approval?")  # she never says "approve"; the title does
    assert a.route is Route.OPINION
    assert "a new start for the harbour" in a.text and "first ferries could sail in 2026" in a.text


def test_what_someone_is_worried_about_is_their_reported_view(harbour):
    a = ask(harbour, "What is Tomas Weber worried about?")
    assert a.route is Route.OPINION and "fishermen had not been asked" in a.text


def test_whether_something_is_mentioned_is_read_from_every_sentence(harbour):
    a = ask(harbour, "is Weber mentioned anywhere?")
    assert a.route is Route.MENTION and a.level is Level.SURE and a.text.startswith("Yes.")
    assert "2 sentences mention “Weber”" in a.text and "Tomas Weber voted against the plan" in a.text
    assert a.short.text == "Yes" and a.short.quote == a.citations[0].quote
    # A country by any of its names; a thing never named: "No", with nothing cited.
    assert ask(harbour, "does the article mention Sweden?").text == "No: the article never mentions “Sweden”."
    none = ask(harbour, "Is the airport mentioned in the story?")
    assert none.route is Route.MENTION and none.text.startswith("No:") and not none.citations


def test_what_the_article_says_about_something_is_every_sentence_that_mentions_it_without_a_verdict(harbour):
    a = ask(harbour, "what does the article say about weber")  # typed in lower case
    assert a.route is Route.MENTION and a.short is None and not a.text.startswith("Yes")
    assert "2 sentences mention “weber”" in a.text and "Tomas Weber voted against the plan" in a.text
    assert ask(harbour, "what does it say about the airport").text == "The article never mentions “airport”."


def test_a_bare_why_follows_up_on_the_previous_question(harbour):
    first = ask(harbour, "How did Weber vote?")
    history = [{"role": "user", "content": "How did Weber vote?"}, {"role": "assistant", "content": first.text}]
    a = ask(harbour, "Why?", history)
    assert a.searched.lower().startswith("why did weber vote")
    assert "fishing boats" in a.text


def test_a_sentence_that_refers_back_brings_the_sentence_it_refers_to(harbour):
    a = ask(harbour, "Which ship did the minister board?")
    assert not a.abstained
    assert "Aurora" in a.text


def test_a_name_the_articles_never_mention_is_not_described(harbour):
    a = ask(harbour, "Who is Angela Merkel?")
    assert a.route is not Route.DEFINITION
    # Typed in lower case, the refusal says so; a role asked for is not called an unknown name.
    lower = ask(harbour, "who is angela merkel")
    assert lower.level is Level.REFUSED and "never mention “angela merkel”" in lower.text
    assert "never mention" not in ask(harbour, "who is mayor").text


def test_a_misspelled_name_in_a_question_is_searched_as_the_articles_name(harbour):
    a = ask(harbour, "When did Nordbua win the tender?")
    assert a.searched == "When did Nordbau win the tender?"
    assert not a.abstained and "Nordbau company won the tender" in a.text


def test_the_sentence_referred_to_is_brought_from_the_passage_before(harbour):
    a = ask(harbour, "Which firm built the bridge at Lakeside?")
    assert not a.abstained
    assert "Nordbau" in a.text


def test_a_quotation_that_goes_on_from_a_view_asked_about_is_part_of_it():
    from qa.skills.article import Line
    from qa.skills.entities import PERSON, Entity
    from qa.skills.speakers import Statement, carried_on

    ellison, rees = (Entity(n, PERSON, (n,), 1, 0) for n in ("Morag Ellison", "Bethan Rees"))

    def said(number, speaker):
        return Statement(Line(number, 0, 1, "x", None), speaker)

    views = [said(3, ellison), said(4, ellison), said(5, ellison), said(6, rees), said(9, ellison)]
    assert carried_on(views, [views[0]]) == views[:3]  # her quote goes on; another speaker, or a gap, ends it
    assert carried_on(views, [views[4]]) == [views[4]]
    assert carried_on(views, []) == []



def test_what_happens_next_is_what_the_story_says_is_still_to_come(harbour):
    a = ask(harbour, "What happens next?")
    assert a.route is Route.TIMELINE and a.level is Level.LIKELY
    quotes = [c.quote for c in a.citations]
    assert "The agency said it would decide within a month." in quotes
    assert not any(q.startswith("The council of Port Ellery voted") for q in quotes)  # the event itself


def test_a_sort_of_organisation_lists_only_those_named_or_described_as_one(harbour):
    a = ask(harbour, "which councils are mentioned?")
    assert a.route is Route.ENTITIES and "council of Port Ellery" in a.text
    assert "Nordbau" not in a.text and "Maritime Safety Agency" not in a.text


def test_why_someone_holds_a_view_is_answered_by_what_they_said_and_only_as_likely(harbour):
    a = ask(harbour, "why does Brandt support the terminal?")
    assert a.route is Route.OPINION and a.level is Level.LIKELY
    assert any("said the vote was" in c.quote for c in a.citations)
    # A sentence that names them with a reason of its own answers better than their words.
    b = ask(harbour, "why is Tomas Weber against the plan?")
    assert b.route is not Route.OPINION and "because the terminal would close the quay" in b.citations[0].quote
