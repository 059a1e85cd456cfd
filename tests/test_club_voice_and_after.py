"""A body's officer by a possessive role ("the club's chairwoman") speaks for it (qa/skills/speakers.speaks_for);
the story's topic is read from its first sentence, not the headline (speakers.story_roots); "what about the
council?" after "who is she?" keeps asking what was said (qa/conversation/followup); "and then?" asks what came
next, past the answer's phrase (qa/conversation/next_event); "… hours later" goes on from the sentence before
(qa/skills/timeline.goes_on); "after the cracks widened" says what brought a deed about (lang/reasons.after_deed);
a reason for "a road" is not one for "the road" (qa/compose/in_form); a parent by "whose son" (speakers.called);
"against it" after "why does X want to merge the schools?" is against merging them (qa/conversation/thing);
"what is X referring to?" (lang/forms); yes/no: "will stay open", "has been cancelled", "remain on full pay"
(qa/compose/rephrased); "what about X, is that …?" asks it
of X (qa/conversation/lead_in); a sentence about "a permanent repair" does not answer what "the temporary road"
costs (lang/opposites.other_kind)."""
from __future__ import annotations

import pytest

from lang.forms import Kind, form
from lang.opposites import other_kind
from lang.reasons import after_deed
from qa.compose.yesno import yes_no
from qa.conversation.followup import resolve
from qa.conversation.lead_in import named_first
from qa.conversation.next_event import after_the_answer
from qa.conversation.thing import thing_asked_about
from qa.skills.timeline import goes_on
from qa.types import Level, Route
from support import service_on
from test_answer import assert_citations_are_exact

POOL = """# Dunmere lido shut after tiles fall

DUNMERE — The lido at Dunmere Park was closed on Monday after a survey found that tiles on its roof were loose.

Three swimming clubs train at the lido. The largest, Dunmere Seals Swimming Club, has 180 members and had been due to host a gala on 4 May, which has now been cancelled.

"Our swimmers will have nowhere to train," said Carys Bowen, the club's chairwoman. She said the trust should have acted sooner because "the roof has leaked for years".

Councillor Imran Shah, the council's cabinet member for leisure, said the council would pay for the repairs.

The cafe will stay open.
"""

ROAD = """# Cliff road shut after landslip

HELMSBY — The Helmsby coast road has been shut by a landslip.

Cracks were first reported on 2 March. The county put in traffic lights the next day, then closed the road on 5 March after the cracks widened. The slip came about six hours later.

The only other route is a farm road, which is closed to lorries because of a weak bridge.
"""


@pytest.mark.integration
def test_a_clubs_chairwoman_speaks_for_the_club_and_the_council_follows(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "lido.md", POOL)
    asked = "what did the swimming club say about the closure"
    a = service.answer(asked)
    assert a.route is Route.OPINION and "nowhere to train" in a.text and "pay for the repairs" not in a.text
    assert_citations_are_exact(a, texts)
    history = [{"role": "user", "content": asked}, {"role": "assistant", "content": a.text},
               {"role": "user", "content": "who is she"},
               {"role": "assistant", "content": "The club's chairwoman. … said Carys Bowen, the club's chairwoman. [1]"}]
    council = service.answer("what about the council?", history)
    assert council.route is Route.OPINION and "pay for the repairs" in council.text
    assert_citations_are_exact(council, texts)


@pytest.mark.integration
def test_why_and_then_after_when_the_road_closed(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "road.md", ROAD)
    history = []
    for asked in ("when did they close the road", "why?", "and then?"):
        a = service.answer(asked, history)
        history += [{"role": "user", "content": asked}, {"role": "assistant", "content": a.text}]
        assert_citations_are_exact(a, texts)
    why, then = history[3]["content"], history[5]["content"]
    assert "after the cracks widened" in why and "weak bridge" not in why
    assert "The slip came about six hours later" in then


def test_and_then_asks_what_followed_the_sentence_not_the_answers_phrase():
    answer = "5 March. The county put in traffic lights the next day, then closed the road on 5 March. [1]"
    assert after_the_answer("and then?", answer) == (
        "What happened after the county put in traffic lights the next day, then closed the road on 5 March?")
    assert after_the_answer("and after that?", answer).startswith("What happened after the county")
    assert after_the_answer("and then what did the council say?", answer) is None


@pytest.mark.parametrize("text, on", [
    ("The slip came about six hours later.", True),
    ("Two days later, the road reopened.", True),
    ("The line will open two years later than planned.", False),
])
def test_hours_later_goes_on_but_later_than_planned_does_not(text, on):
    assert goes_on(text) is on


@pytest.mark.parametrize("text, deed", [
    ("The county closed the road on 5 March after the cracks widened.", True),
    ("The plant shut after the talks collapsed, the union said.", True),
    ("She resigned after the vote on Monday.", False),
])
def test_a_clause_after_after_is_what_brought_it_about(text, deed):
    assert after_deed(text) is deed


@pytest.mark.integration
def test_a_parent_by_whose_son_speaks_for_the_parents(tmp_path, embedder):
    text = """# Parents fight plan to merge schools

ORTON — Parents have vowed to fight a plan to merge two schools.

The council says the merger is needed because of falling pupil numbers.

Parents are not convinced. Lena Marsh, whose son is in Year 9, has started a petition. "The council has already made up its mind," she said.
"""
    service, texts = service_on(tmp_path, embedder, "schools.md", text)
    a = service.answer("what do the parents think")
    assert a.route is Route.OPINION and "already made up its mind" in a.text
    why = service.answer("why does the council want to merge the schools")
    assert "falling pupil numbers" in why.text and why.level is not Level.REFUSED
    assert_citations_are_exact(a, texts)
    assert_citations_are_exact(why, texts)


def test_against_it_after_wanting_a_deed_is_against_the_deed():
    assert thing_asked_about("why does the council want to merge the schools",
                             "why are the parents against it") == "merging the schools"
    assert thing_asked_about("why does the board plan to cut the bus service",
                             "what do drivers think of it") == "cutting the bus service"
    assert thing_asked_about("when did the strike begin", "and when did it end") == "the strike"
    assert thing_asked_about("why is the club doing concerts", "why are the residents against it") == "the concerts"
    asked = resolve("why are the parents against it", [
        {"role": "user", "content": "why does the council want to merge the schools"},
        {"role": "assistant", "content": "The council says the merger is needed because of falling numbers. [1]"}])
    assert asked.searched == "Why are the parents against merging the schools"


def test_referring_to_asks_what_a_name_means():
    f = form("what is ashdown lane referring to")
    assert f is not None and f.kind is Kind.DEFINE and f.subject == "ashdown lane"


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the cafe still open?", "The cafe will stay open.", "Yes"),
    ("is the gala still going ahead", "The club's gala, due on 4 May, has now been cancelled.", "No"),
    ("is the concert happening", "The concert is cancelled because of rain.", "No"),
    ("is he still getting paid", "The board said Holt would remain on full pay.", "Yes"),
    ("is the pool open?", "The cafe will stay open.", None),
    # Gone by, another year's, on again, or not kept: no verdict.
    ("is the road still closed?", "The road remained closed until Friday, when it reopened.", None),
    ("is she still the chief executive?", "She was the chief executive until 2019.", None),
    ("is the festival happening?", "Last year's festival was cancelled.", None),
    ("is the festival happening?", "The festival has been cancelled but has now been rescheduled for May.", None),
    ("is he still getting paid", "The board said Holt will not remain on full pay.", None),
    # The speaker is not the body it speaks of: no verdict on the union from what the company did.
    ("did the union accept the offer", "The union said the company accepted the offer.", None),
])
def test_yes_no_kept_open_called_off_and_on_pay(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_a_thing_named_first_then_asked_yes_or_no():
    assert named_first("what about the seals gala, is that still going ahead") == "Is the seals gala still going ahead"
    assert named_first("and the cost, how much was it?") is None


def test_a_bare_and_then_before_a_question_and_a_sum_in_the_last_answer_are_not_context():
    history = [{"role": "user", "content": "how much would the repairs cost"},
               {"role": "assistant", "content": "£4.7 million. A survey found the block needs £4.7 million of repairs. [1]"}]
    assert resolve("and how many teaching jobs would go", history).searched == "How many teaching jobs would go"
    assert resolve("and then? whats the next step", history).searched == "whats the next step"


@pytest.mark.parametrize("question, sentence, other", [
    ("how much will the temporary road cost", "A permanent repair, moving the road inland, could cost £4.5 million.",
     ("temporary", "permanent")),
    ("when will the temporary road open", "The partnership would build a temporary road through farmland.", None),
    ("what did the new owner say", "The owner, who bought it from the old firm, said no.", None),
])
def test_a_sentence_about_the_opposite_kind_of_thing_is_about_another_one(question, sentence, other):
    assert other_kind(question, sentence) == other


@pytest.mark.parametrize("question, subject", [
    ("what does the group want", "the group"),
    ("what does her group want from the authority", "her group"),
    ("what are the residents asking for", "the residents"),
    ("what are the union calling for", "the union"),
])
def test_what_someone_wants_is_asked_of_them(question, subject):
    f = form(question)
    assert f is not None and f.kind is Kind.OPINION and f.wants and f.subject == subject and not f.topic


def test_what_someone_wants_to_do_is_not_what_they_asked_for():
    f = form("what does the council want to do")
    assert f is None or not f.wants


@pytest.mark.integration
def test_what_a_group_wants_shows_what_it_asked_for_first(tmp_path, embedder):
    text = """# Traders count cost of roadworks

DALBY — Roadworks on Mill Street have cut trade by a third, shopkeepers say.

The Mill Street Traders' Group, which represents about 40 shops, said nine businesses had closed since the work began.

The group has asked the council for a compensation scheme for affected businesses.

"We were told six months. It has been two years," said Ann Pike, who chairs the group and runs a bakery on the street.

Councillor Tom Reed, who leads the opposition Green group, called for an independent inquiry.
"""
    service, texts = service_on(tmp_path, embedder, "roadworks.md", text)
    a = service.answer("what does the group want")
    assert a.route is Route.OPINION and a.text.index("compensation scheme") < a.text.index("nine businesses")
    assert "independent inquiry" not in a.text
    assert_citations_are_exact(a, texts)
    history = [{"role": "user", "content": "who is ann pike"},
               {"role": "assistant", "content": "Ann Pike, who chairs the group and runs a bakery on the street. "
                                                "\"We were told six months. It has been two years,\" said Ann Pike. [1]"}]
    assert resolve("what does her group want", history).searched == "what does the group want"


@pytest.mark.integration
def test_what_an_engineer_found_is_what_her_report_found(tmp_path, embedder):
    text = """# Pier stays shut after inspection

BRAYMOUTH — The end of Braymouth Pier will stay shut after storm damage.

The inspection was carried out last week by Nora Vale, a chartered structural engineer. Her report, delivered to the trust on Friday, found that the deck was sound but that 12 of the iron legs had cracked.

The trust has launched an appeal for £500,000.
"""
    service, texts = service_on(tmp_path, embedder, "pier.md", text)
    history = [{"role": "user", "content": "who is nora vale"},
               {"role": "assistant", "content": "A chartered structural engineer. The inspection was carried out last "
                                                "week by Nora Vale, a chartered structural engineer. [1]"}]
    a = service.answer("what did she find", history)
    assert "12 of the iron legs had cracked" in a.text and a.level is not Level.REFUSED
    assert_citations_are_exact(a, texts)


def test_views_on_it_read_a_deed_done_to_a_person_and_keep_which_questions():
    assert thing_asked_about("why did police arrest the man", "what did his family say about it") == "arresting the man"
    assert thing_asked_about("which company bought the stadium", "what do fans think about it") == (
        "the company that bought the stadium")
    assert thing_asked_about("who will run the old mill", "what did he say about it") is None


def test_a_lorry_driver_brought_in_with_a_is_still_the_driver_asked_about():
    from lang.words import another_of_its_kind, stem
    assert not another_of_its_kind(stem("driver"), "why was the driver fined",
                                   "A lorry driver was fined £500 because he had no licence.")
    assert another_of_its_kind(stem("road"), "why did they close the road",
                               "The only other route is a farm road, which is closed to lorries because of a bridge.")


@pytest.mark.parametrize("text", ["She was promoted after the season ended.", "The mayor spoke after the meeting ended."])
def test_a_time_after_an_event_is_no_reason(text):
    assert not after_deed(text)


def test_who_someone_is_referring_to_is_not_a_term():
    assert form("what is the minister referring to?") is None and form("what is she referring to") is None


def test_what_about_the_council_keeps_what_was_said_only_right_after_who_is():
    said = [{"role": "user", "content": "what did the club say"},
            {"role": "assistant", "content": "Carys Bowen (the club's chairwoman): \"We have nowhere to train.\" [1]"},
            {"role": "user", "content": "who is she"},
            {"role": "assistant", "content": "The club's chairwoman. … said Carys Bowen, the club's chairwoman. [1]"}]
    assert resolve("what about the council?", said).searched == "what did the council say"
    later = said + [{"role": "user", "content": "when did the lido close"},
                    {"role": "assistant", "content": "Monday. The lido was closed on Monday. [1]"},
                    {"role": "user", "content": "who is carys bowen"},
                    {"role": "assistant", "content": "The club's chairwoman. … said Carys Bowen. [1]"}]
    assert resolve("what about the council?", later).searched != "what did the council say"


@pytest.mark.integration
def test_what_the_union_wants_is_left_to_the_sentence_when_no_speaker_says_it(tmp_path, embedder):
    text = """# Students protest over course cuts

ASHBY — About 600 students protested on Tuesday against plans to close four courses.

Priya Nand, president of the Ashby Students' Union, told the crowd that the vote had been rushed. "Nobody asked the students who will have to live with this," she said.

The Lecturers' Union said on Wednesday that it would ballot its members. The ballot closes on 3 November. Its branch secretary, Ruth Osei, said the union wanted the university to pause the plan for a year.
"""
    service, texts = service_on(tmp_path, embedder, "cuts.md", text)
    a = service.answer("what does the union want")
    assert "pause the plan for a year" in a.text and "Nobody asked" not in a.text
    assert_citations_are_exact(a, texts)
