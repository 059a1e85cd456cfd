"""Who speaks for a body and what a "why" reads: "Its chair, X" speaks for the body named just before
(qa/skills/speakers.speaks_for); "why are the traders so angry?" asks for their view (lang/motives); "the
closure" is the story's "close" (lang/words.roots); "why?" after "who decided it?" asks why the one the answer
names by what it is did it (qa/conversation/turn_names); a body's officer speaks for "the council's cabinet"
(lang/motives.asks_deed); "announced the suspension" tells "why did she suspend him?" again (qa/skills/deeds);
what left a thing unworkable is the reason for what was done to it (lang/reasons.made_so); a yes/no asked in the
present progressive is answered by "will" (qa/compose/rephrased); a letter that asks is the asking
(qa/compose/clauses)."""
from __future__ import annotations

import pytest

from lang.motives import asks_deed, asks_motive
from lang.reasons import explains, made_so
from lang.words import roots, same_root, stem
from qa.compose.yesno import yes_no
from qa.conversation.followup import resolve
from qa.conversation.turn_names import focus
from qa.types import Level, Route
from support import service_on
from test_answer import assert_citations_are_exact

MARKET = """# Ashbury Christmas market cancelled as costs soar

ASHBURY — The town's Christmas market will not go ahead this year, the borough council said.

The council's cabinet voted six to three on Tuesday, 12 October, to cancel the market.

Council leader Marion Hale said the authority had no choice because the bill for this year's event had risen to £98,000.

The Ashbury Market Traders' Association, which represents about 70 stallholders, said it had not been consulted.
Its chair, Petra Linwood, said many stallholders relied on December for a third of their takings.

"Nobody asked us whether we could help pay," Linwood said.

Councillor Owen Brack said the decision was rushed.
"""

PLANT = """# Printer to close its Wexley plant

WEXLEY — The owner of the Wexley Gazette is to close its printing plant in the town, with the loss of 40 jobs.

The company said falling sales and the rising cost of paper had made the plant uneconomic.

Anna Frey, the MP for Wexley, said the closure was "a real blow" to the town.
"""


@pytest.mark.parametrize("question, holder", [
    ("why are the traders so angry", "the traders"),
    ("why is the union so upset", "the union"),
    ("why is brack really annoyed about it", "brack"),
])
def test_a_feeling_stressed_by_so_or_really_still_asks_whose_view(question, holder):
    assert asks_motive(question)[0] == holder


def test_a_noun_made_from_a_verb_is_matched_by_the_verb():
    assert roots("the closure") == {"clos"} and "clos" in roots("is to close its plant")
    assert roots("the approval") == roots("approved")
    assert same_root(stem("suspend"), stem("suspension")) and not same_root(stem("decide"), stem("station"))
    assert not same_root(stem("protest"), stem("protect")) and not same_root(stem("contract"), stem("contrast"))


def test_what_left_a_thing_unworkable_is_a_reason_for_what_was_done_to_it():
    said = "The company said falling sales had made the plant uneconomic."
    assert explains(said) and made_so(said) == "plant"
    assert made_so("The council made the decision on Tuesday.") == "" and not explains("They made the plant.")


def test_a_possessive_doer_is_also_read_as_its_owner():
    assert ("the council", "decide to cancel the market") in asks_deed(
        "why did the council's cabinet decide to cancel the market?")


def test_who_did_it_answered_by_what_the_doer_is_carries_that_doer_into_why():
    answer = "The council's cabinet voted six to three on Tuesday, 12 October, to cancel the market. [1]"
    assert focus("who decided to cancel the market", answer) == ["the council's cabinet"]
    asked = resolve("why?", [{"role": "user", "content": "who decided to cancel the market"},
                             {"role": "assistant", "content": answer}])
    assert asked.searched == "Why did the council's cabinet decide to cancel the market?"
    # One of many, or one a deed befell, is not the doer.
    assert focus("who won the cup", "A striker was sent off before Tom Hale scored. [1]") == ["Tom Hale"]


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the christmas market going ahead this year?", "The town's Christmas market will not go ahead this year.", "No"),
    ("is the market going ahead?", "The market will go ahead as planned.", "Yes"),
    ("is the market going to close?", "The market will not close.", "No"),
    ("did she ask for a meeting", "She wrote to the chief executive to ask for a meeting.", "Yes"),
    ("did she meet the chief executive", "She wrote to the chief executive to ask for a meeting.", None),
    ("did she ask for a meeting", "She went to London to ask for a meeting.", None),  # only the aim
])
def test_progressive_plans_and_letters_that_ask(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.integration
def test_a_bodys_view_includes_what_its_chair_said(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "market.md", MARKET)
    a = service.answer("why are the traders so angry")
    assert a.route is Route.OPINION and a.level is Level.LIKELY
    assert "relied on December" in a.text and "Nobody asked us" in a.text  # the body, here untagged, by its chair
    assert "rushed" not in a.text
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
def test_why_after_who_decided_gives_the_leaders_reason(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "market.md", MARKET)
    first = service.answer("who decided to cancel the market")
    history = [{"role": "user", "content": "who decided to cancel the market"},
               {"role": "assistant", "content": first.text}]
    a = service.answer("why?", history)
    assert "had no choice because the bill" in a.text
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
def test_the_local_mp_on_the_closure_is_what_the_mp_said_of_closing_it(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "plant.md", PLANT)
    a = service.answer("what did the local mp say about the closure")
    assert a.route is Route.OPINION and "a real blow" in a.text
    assert_citations_are_exact(a, texts)


@pytest.mark.parametrize("question, subject, deeds", [
    ("what are the traders doing about it", "the traders", True),
    ("what is the opposition councillor trying to do", "the opposition councillor", True),
    ("what has the MP done about the closure", "the MP", True),
    ("what did the traders say", "the traders", False),
    ("what did gary lunt do when they found it", "gary lunt", True),  # what they did then: their own account
    ("what did the council do after the flood", "the council", True),
])
def test_what_someone_is_doing_asks_for_their_deeds_first(question, subject, deeds):
    from lang.forms import Kind, form

    f = form(question)
    assert f.kind is Kind.OPINION and f.subject == subject and f.deeds is deeds


def test_what_happens_after_that_asks_what_follows_the_deed_just_told():
    from qa.conversation.next_event import after_the_answer

    answer = "Owen Brack (Councillor): Brack has tabled a motion asking the council to reconsider. [1]"
    assert after_the_answer("and what happens after that?", answer) == \
        "What happens after Brack has tabled a motion asking the council to reconsider?"
    assert after_the_answer("what happened after that", answer).startswith("What happened after")


@pytest.mark.integration
def test_what_they_are_doing_shows_their_deeds_before_their_words(tmp_path, embedder):
    text = MARKET + """
The association has started a petition calling on the council to reverse the decision.

Brack has tabled a motion asking the full council to reconsider. It will be debated on Thursday, 6 November.
"""
    service, texts = service_on(tmp_path, embedder, "market.md", text)
    a = service.answer("what is the opposition councillor trying to do".replace("opposition ", ""))
    b = service.answer("what has brack done about it")
    for answer in (a, b):
        assert answer.route is Route.OPINION
        assert answer.text.split(": ", 1)[1].startswith("Brack has tabled a motion")
        assert_citations_are_exact(answer, texts)
    c = service.answer("what are the traders doing about it")
    assert "The association has started a petition" in c.text
    history = [{"role": "user", "content": "what has brack done about it"}, {"role": "assistant", "content": b.text}]
    then = service.answer("and what happens after that?", history)
    assert "It will be debated on Thursday, 6 November" in then.text


@pytest.mark.parametrize("question, sentence, verdict", [
    ("can residents still appeal", "Residents have 21 days to appeal against the decision.", "Yes"),
    ("has the council tried to sell part of the park before",
     "This is not the first time the council has tried to sell part of the park.", "Yes"),
    ("has the council tried to sell part of the park", "The council has tried to sell part of the park.", "Yes"),
])
def test_time_to_do_it_is_leave_to_and_not_the_first_time_is_before(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, one", [
    ("which supermarket wanted the land in 2016", "In 2016, it offered a strip to a supermarket chain.",
     "a supermarket chain"),
    ("which firm got the contract", "The contract went to a local firm.", "a local firm"),
    ("which company won the contract", "Brackenhurst, a civil engineering company, won the contract.", None),
    ("what time does it open", "It opens at a time to be confirmed.", None),
    ("what role did she play", "She played a major role in the campaign.", None),  # "what" asks what it was
    ("what fixed set of factors decide it", "It uses a fixed set of rules to decide.", None),  # a word that describes
])
def test_a_which_answered_by_one_of_a_kind_is_not_an_answer(question, sentence, one):
    from qa.compose.which import which_unnamed

    assert which_unnamed(question, sentence) == one


def test_why_did_they_do_it_asks_why_of_the_deed_the_last_answer_told():
    from qa.conversation.next_event import why_of_the_answer

    told = "In “Park sale”, Tuesday:\n- Tuesday: The council's cabinet voted on Tuesday to sell 6.5 acres. [1]"
    assert why_of_the_answer("why did they do it?", told) == "Why has the council's cabinet voted on Tuesday to sell 6.5 acres?"
    assert why_of_the_answer("why did he do that", "Mr Hale wrote to the board. [1]") == "Why did Mr Hale write to the board?"
    assert why_of_the_answer("why?", told) is None
    assert why_of_the_answer("why did they do it", "They closed the road on Monday. [1]") is None  # "they": the names
    assert why_of_the_answer("why did they do it?", "The article may not say this; the closest it comes is: X. [1]") is None


@pytest.mark.parametrize("question, kind, subject", [
    ("what did the council decide on tuesday", "timeline", "tuesday"),
    ("what are the police saying", "opinion", "the police"),
    ("whats she doing about the sale?", "opinion", "she"),
])
def test_more_ways_of_asking_what_someone_did_or_said(question, kind, subject):
    from lang.forms import form

    f = form(question)
    assert f.kind == kind and f.subject == subject


@pytest.mark.integration
def test_an_officer_named_by_title_after_the_body_speaks_for_it(tmp_path, embedder):
    text = """# Club wins concert licence

KELLTON — The club has been given a licence for four concerts.

Kellton Police did not object to the application. Inspector Colin Dale said officers were satisfied that crowds could be managed safely.

Residents said they feared traffic.
"""
    service, texts = service_on(tmp_path, embedder, "club.md", text)
    a = service.answer("what did the police say")
    assert a.route is Route.OPINION and "crowds could be managed safely" in a.text and "feared" not in a.text
    assert_citations_are_exact(a, texts)


@pytest.mark.integration
def test_why_a_group_is_against_it_is_what_it_said_not_its_reason_for_something_else(tmp_path, embedder):
    text = """# Harbury Athletic wins licence for summer concerts

HARBURY — Harbury Athletic has been given permission to hold four concerts a summer at its stadium.

The Mill Road Residents' Association (MRRA), which represents about 400 households, led the opposition. Its secretary, Howard Penn, said residents already put up with "gridlock and litter" on match days.

"People in these streets have young children," Penn said. He said the association would consider an appeal because it believed the committee had "not listened to a single resident".

The first concert is likely to take place on Saturday, 21 June. Penn said the association would hold a public meeting on 12 February.
"""
    service, texts = service_on(tmp_path, embedder, "club.md", text)
    a = service.answer("why are the residents against the concerts")
    assert a.route is Route.OPINION and "gridlock and litter" in a.text
    assert_citations_are_exact(a, texts)


def test_what_about_them_after_what_someone_said_asks_what_they_said():
    history = [{"role": "user", "content": "what did the police say"},
               {"role": "assistant", "content": "Colin Dale (Inspector): Inspector Colin Dale said crowds could be managed. [1]"}]
    assert resolve("what about the residents?", history).searched == "what did the residents say"


def test_why_after_what_someone_did_or_said_asks_why_they_hold_their_view():
    history = [{"role": "user", "content": "what is delphine marsh doing about the sale?"},
               {"role": "assistant", "content": "Delphine Marsh (chair): The group plans to hold a protest march. [1]"}]
    asked = resolve("why?", history).searched
    assert asked == "Why does delphine marsh think so about the sale?"
    assert asks_motive(asked) == ("delphine marsh", "so about the sale")


def test_a_named_doer_in_the_subject_is_the_doer_not_what_they_are():
    answer = "The council's leader, Jane Smith, announced the cuts on Monday. [1]"
    assert focus("Who announced the cuts?", answer) != ["the council's leader"]


@pytest.mark.parametrize("question", ["What is there to see in Harlow?", "What did the council decide on the 3 proposals?"])
def test_is_and_decide_on_are_read_as_opinion_or_a_day_only_where_they_say_so(question):
    from lang.forms import Kind, form

    f = form(question)
    assert f is None or f.kind not in (Kind.OPINION, Kind.TIMELINE)


LIMIT = """# Town votes for lower speed limit

MARDLEY — The council voted on Wednesday to bring in a 20mph limit on most roads.

Taxi drivers are also unhappy. Ravi Okon, chair of the Mardley Cab Association, said longer trips would mean higher
fares. He said elderly passengers would pay most.

Cyclists welcomed the vote.

Shopkeepers are divided.

Parents are furious. Headteacher Alan Fairclough said the school had not been asked.

Some neighbours are also unhappy. Diane Westacre, who lives on Orchard Lane, said the lights would keep them awake.

Dana Pirie, who runs a bakery, said she had not decided.
"""


@pytest.mark.integration  # the speakers are read by spaCy
def test_a_group_named_by_its_kind_speaks_through_the_person_quoted_next_in_its_paragraph():
    from qa.skills.voices import group_voice
    from support import article_doc

    doc = article_doc(LIMIT)
    said = group_voice(doc, "taxi drivers")
    assert [s.speaker.name for s in said][:1] == ["Ravi Okon"] and "longer trips" in said[0].line.text
    assert group_voice(doc, "cyclists") == []  # no one speaks for them
    assert group_voice(doc, "shopkeepers") == []  # the next speaker is in another paragraph
    assert group_voice(doc, "Mardley Cab Association") == []  # a name is found by name, not here
    assert group_voice(doc, "parents") == []  # a headteacher speaks for the school, not for the parents
    assert [s.speaker.name for s in group_voice(doc, "neighbours")] == ["Diane Westacre"]  # "who lives on …": one of them


def test_a_word_for_the_storys_own_event_is_what_the_story_is_about():
    from lang.words import roots
    from qa.skills.speakers import about_story
    from support import article_doc

    doc = article_doc(LIMIT)
    assert about_story(doc, roots("the decision")) and about_story(doc, roots("the news"))
    assert about_story(doc, roots("the plan")) and about_story(doc, roots("the scheme"))  # "what's their issue with the plan"
    assert not about_story(doc, roots("the parking charges"))  # a thing the story never speaks of


BASKET = """# Balloon comes down in barley field

COTTLE — Four passengers were hurt when a hot-air balloon tipped over on landing on Sunday.

Sandra Okafor, 68, who was on the flight with her husband Neil, broke her wrist. "It just kept going and going," she said.

The company's director, Fiona Raeburn, said it had flown 9,000 passengers without harm.

"Owen did exactly what he was trained to do," she said.
"""


@pytest.mark.integration  # the speakers are read by spaCy
def test_she_said_is_not_the_husband_named_last_nor_a_name_inside_the_quote():
    from qa.skills.entities import entities
    from qa.skills.pronouns import pronoun_of
    from qa.skills.speakers import statements
    from support import article_doc

    doc = article_doc(BASKET)
    said = {s.line.text.strip()[:12]: s.speaker.name for s in statements(doc)}
    assert said['"It just kep'] == "Sandra Okafor"  # not "her husband Neil"
    assert said['"Owen did ex'] == "Fiona Raeburn"  # Owen is whom she speaks of
    neil = next(e for e in entities(doc) if e.name == "Neil")
    assert pronoun_of(doc, neil) == "he"  # "her husband"
    webb = article_doc("# Cab drivers petition\n\nWEXTON — Cab drivers want more ranks.\n\nJoan Webb, whose husband Neil "
                       "has driven a cab for 20 years, started a petition. \"He works nights,\" she said.\n")
    assert [s.speaker.name for s in statements(webb)] == ["Joan Webb"]  # "whose husband Neil": he
