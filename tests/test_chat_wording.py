"""Questions as people type them in a chat: shorthand, a subject named before the question, "they" for a body,
"when?" after "how many", "it" for the thing a question about people named, a length asked after a comma."""
from __future__ import annotations

import pytest

from lang.forms import Kind, form
from lang.motives import asks_motive
from lang.normalize import shorthand_spelled
from qa.conversation.again import ask_again
from qa.conversation.bodies import they_as_body
from qa.conversation.followup import resolve
from qa.conversation.lead_in import named_first


def _chat(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


@pytest.mark.parametrize("typed, meant", [
    ("how many ppl were stranded", "how many people were stranded"),
    ("what should people who booked thru an agent do", "what should people who booked through an agent do"),
    ("y did u say that", "why did you say that"),
    ("how tall are the panels gonna be", "how tall are the panels going to be"),
    ("what did the U.S. say", "what did the U.S. say"),  # a capital is a letter or a name
    ("the u.s. economy", "the u.s. economy"),
    ("what is R&D spending", "what is R&D spending"),
    ("has the owner said hell appeal", "has the owner said he'll appeal"),
    ("did she say shell stay on", "did she say shell stay on"),  # "shell", "well" are words there too
    ("did tom reed say that well over 200 homes flooded", "did tom reed say that well over 200 homes flooded"),
    ("are they saying theyll reopen", "are they saying they'll reopen"),
    ("what the hell happened", "what the hell happened"),  # no clause starts there
    ("oh well what did the council say", "oh well what did the council say"),
    ("is the shell of the building safe", "is the shell of the building safe"),
    ("will the no 4 bus take longer", "will the number 4 bus take longer"),  # a route numbered
    ("is it on the no. 12", "is it on the number 12"),
    ("there were no 4 bedroom houses", "there were no 4 bedroom houses"),  # "no" denying: no article before it
    ("will it take no 5 minutes", "will it take no 5 minutes"),
])
def test_chat_shorthand_is_written_out(typed, meant):
    assert shorthand_spelled(typed) == meant


def test_a_follow_up_in_shorthand_asks_the_question_as_searched():
    history = _chat("how many ppl were stranded", "Hundreds of passengers were left stranded on Thursday. [1]")
    assert resolve("when was that?", history).searched == "When were people stranded?"


@pytest.mark.parametrize("question, meant", [
    ("and the farmer, why's he for it", "Why's the farmer for it"),
    ("what about Ana Roth, did she vote for it?", "Did Ana Roth vote for it?"),
    ("and the union - what is their position?", "What is the union's position?"),
])
def test_a_subject_named_before_the_question_is_put_in_its_pronoun(question, meant):
    assert named_first(question) == meant


@pytest.mark.parametrize("question", ["and the cost, how much was it?", "what about the mayor?", "why did he go?"])
def test_a_question_without_that_shape_or_pronoun_is_left_alone(question):
    assert named_first(question) is None


def test_it_after_a_question_about_people_is_the_one_thing_that_question_named():
    history = _chat("why are the villagers against the solar farm", "They say the fields are good farmland. [1]")
    assert resolve("and the farmer, why's he for it", history).searched == "Why's the farmer for the solar farm"


@pytest.mark.parametrize("question, body, meant", [
    ("when will they decide?", "MAS", "when will the MAS decide?"),
    ("what is their budget?", "Tarn Valley Trust", "what is the Tarn Valley Trust's budget?"),
    ("who leads them?", "the Marrowby Agricultural Society", "who leads the Marrowby Agricultural Society?"),
])
def test_they_after_a_turn_about_a_body_is_that_body(question, body, meant):
    assert they_as_body(question, body) == meant


@pytest.mark.parametrize("question, body", [
    ("when will they decide?", "Dennis Hobb"),  # a person: the note says who
    ("did she tell them?", "MAS"),  # a person too
    ("did they say what they will do?", "MAS"),  # twice: left to the note
])
def test_they_is_left_to_the_note_otherwise(question, body):
    assert they_as_body(question, body) is None


def test_they_after_what_is_the_acronym_asks_of_the_body_by_its_acronym():
    history = _chat("what is the MAS?", "Marrowby Agricultural Society. The show's organisers, the Marrowby "
                                        "Agricultural Society (MAS), said entries were up. [1]")
    assert resolve("when will they decide?", history).searched == "when will the MAS decide?"


@pytest.mark.parametrize("previous, again", [
    ("how many people were stranded", "When were people stranded?"),
    ("how much did eastmoor get fined", "When did eastmoor get fined?"),
    ("how many jobs did the mill cut?", "When did the mill cut jobs?"),
    ("how much is the fine?", "When? how much is the fine?"),  # "when is the fine?" asks nothing
])
def test_when_after_how_many_asks_when_it_happened(previous, again):
    assert ask_again("when", previous) == again


@pytest.mark.parametrize("question, holder", [
    ("why is the farmer for the solar farm?", "the farmer"),
    ("why's the farmer for it", "the farmer"),
    ("why are the villagers against the solar farm", "the villagers"),
])
def test_why_someone_is_for_or_against_asks_their_view(question, holder):
    assert asks_motive(question)[0] == holder


@pytest.mark.parametrize("question", [
    "whats the hollin farm article about, couple of sentences",
    "tell me about the ferry story, a few lines please",
    "the solar story - 3 sentences",
])
def test_a_length_asked_after_a_comma_or_dash_is_a_summary(question):
    assert form(question).kind is Kind.SUMMARY


def test_a_few_lines_inside_a_question_is_not_a_summary():
    assert form("who wrote the last few lines") is None


@pytest.mark.parametrize("typed, meant", [
    ("why wasnt it more", "why wasn't it more"),  # not "want": the speller never sees it
    ("whos the guy from the campaign", "who's the guy from the campaign"),
    ("cant they appeal", "can't they appeal"),
])
def test_contractions_typed_without_the_apostrophe_are_written_out(typed, meant):
    assert shorthand_spelled(typed) == meant


def test_and_him_asks_of_the_one_named_a_turn_earlier_when_the_last_answer_names_no_one_else():
    history = (_chat("who came up with the hub plan", "Derek Ostrowski. Councillor Derek Ostrowski, the cabinet "
                                                      "member for communities, drew up the proposal. [1]")
               + _chat("what did alison frane say about the consultation", 'Alison Frayne (the leader of the council): '
                       'Frayne said the council had "listened carefully" and added Saturday morning hours. [1]'))
    assert resolve("and him?", history).searched == "what did Derek Ostrowski say about the consultation"


def test_it_as_the_doer_is_not_the_thing_a_question_about_people_named():
    history = _chat("has westmoor agreed to the pay rise the crews want", "Westmoor has offered 4 percent. [1]")
    assert "pay rise" not in resolve("has the company said it will refund season ticket holders", history).searched


def test_plus_a_thing_narrows_the_last_question():
    history = _chat("how much did eastmoor get fined", "A water company has been fined £1.8 million. [1]")
    assert resolve("plus costs?", history).searched == "how much did eastmoor get fined plus costs?"


def test_a_name_does_not_run_on_across_a_full_stop():
    from lang.words import names

    assert names("Derek Ostrowski. Councillor Derek Ostrowski said so") == ["Derek Ostrowski",
                                                                            "Councillor Derek Ostrowski"]
    assert names("Prof. Ana Weber met Dr. Ilse Brandt") == ["Prof Ana Weber", "Dr Ilse Brandt"]


def test_an_answer_that_names_only_a_number_leaves_he_as_it_was():
    history = (_chat("what does Dennis Hobb want the council to do?", "Provide a permanent car park. The society's "
                     "chair, Dennis Hobb, wants the council to provide a car park. [1]")
               + _chat("which shops are going in?", "Fourteen shop units will be built. [1]"))
    assert resolve("what does he want?", history).searched == "what does Dennis Hobb want?"


@pytest.mark.parametrize("question, subject", [
    ("who's running the campaign?", "head of campaign"),
    ("whos leading the strike", "head of strike"),
    ("wats the FCG", "FCG"),
])
def test_who_is_running_a_body_and_shorthand_reach_the_forms(question, subject):
    assert form(question).subject == subject


@pytest.mark.parametrize("question", ["whats the gist of the landslide story", "what's the tl;dr"])
def test_whats_the_gist_is_a_summary(question):
    assert form(question).kind is Kind.SUMMARY


def test_and_her_after_a_list_asks_of_the_next_one_listed():
    history = (_chat("which shop owners are quoted in the cycle lane story",
                     "2 people in “Council approves Carlow Street cycle lane…”, most mentioned first:\n"
                     "- Derek Fallowfield: who has run a hardware shop on the street [1]\n"
                     "- Priya Lendrum: who owns a florist's near Orchard Square [2]")
               + _chat("what did fallowfeld say", 'Derek Fallowfield (who runs a hardware shop): "Half of my customers '
                       'are older people," said Derek Fallowfield. [1]'))
    assert resolve("and her?", history).searched == "what did Priya Lendrum say"


@pytest.mark.parametrize("question, sort", [
    ("which shop owners are quoted in the cycle lane story", "shop owners"),
    ("which councillors are named?", "councillors"),
])
def test_people_of_a_sort_are_a_list_of_that_sort(question, sort):
    f = form(question)
    assert f.kind is Kind.ENTITIES and f.entity == "person" and f.topic == sort


def test_people_arrested_is_no_list():
    assert form("which people were arrested?") is None


def test_a_contracted_question_word_is_no_name():
    from lang.words import names

    assert names("What's the council's side?") == [] and names("Who's the MP?") == ["MP"]


@pytest.mark.parametrize("question", ["what's the council's side?", "what's the union's case?"])
def test_someones_side_is_their_view(question):
    assert form(question).kind is Kind.OPINION


@pytest.mark.parametrize("typed, meant", [
    ("timeline of the fernlee closure pls", "timeline of the fernlee closure"),
    ("please list the people", "list the people"),
    ("whats it about, thanks", "what's it about"),
    ("has he been told if hes getting more staff", "has he been told if he's getting more staff"),
    ("is the mayor pleased", "is the mayor pleased"),  # a word, not a courtesy
])
def test_a_courtesy_at_either_end_is_dropped(typed, meant):
    assert shorthand_spelled(typed) == meant


@pytest.mark.integration
def test_why_after_who_is_the_one_doing_something_asks_why_they_do_it():
    from qa.conversation.again import of_the_doer

    assert of_the_doer("why", "who's the councillor defending the rent rise", "Simon Prewett") == \
        "Why is Simon Prewett defending the rent rise?"
    assert of_the_doer("when", "who was the woman who found the dog", "Ann Bee") == "When did Ann Bee find the dog?"
    assert of_the_doer("why", "who is the mayor", "Ann Bee") is None  # described by no deed


@pytest.mark.parametrize("question, holder", [
    ("why is Simon Prewett defending the rent rise", "Simon Prewett"),
    ("why are the villagers fighting the plan", "the villagers"),
])
def test_a_stance_held_in_the_progressive_is_a_motive(question, holder):
    assert asks_motive(question)[0] == holder


def test_what_happened_after_that_asks_after_the_event_the_last_answer_told():
    history = _chat("what did the group try to do", "The group put forward an amendment to keep the buses. [1] It "
                                                    "cost money. [2]")
    assert resolve("what happened after that", history).searched == \
        "What happened after the group put forward an amendment to keep the buses?"
    history = _chat("what did the MP do", "Fiona Tasker (the MP): Hollinbrook's MP, Fiona Tasker, said she had "
                                          "written to him. [1]")
    assert resolve("and then what?", history).searched == \
        "What happened after Hollinbrook's MP, Fiona Tasker, said she had written to him?"
    refused = _chat("what did the group do", "The article may not say this; the closest it comes is: The group met. [1]")
    assert resolve("what happened after that", refused).searched == "what happened after that"


@pytest.mark.integration
def test_it_after_a_timeline_of_a_things_closure_is_the_thing_when_it_does_something():
    history = _chat("timeline of the bank closure", "In “Bank to close”, in date order:\n- 14 March: The bank will "
                                                    "close its branch on 14 March. [1]")
    assert resolve("when does it actually shut", history).searched == "When does the bank actually shut"
    history[0]["content"] = "timeline of the bus strike"
    assert resolve("when does it start", history).searched == "When does the bus strike start"


@pytest.mark.parametrize("question, kind", [
    ("whats the council tax story about, few lines", Kind.SUMMARY),
    ("what has the mp done about the closure", Kind.OPINION),
    ("which named people are in the story", Kind.ENTITIES),
    ("whats the bin thing about", Kind.SUMMARY),  # "thing" for the story, as a chat calls it
    ("whats the bin union's problem with it", Kind.OPINION),
])
def test_more_ways_of_asking_for_a_summary_a_list_or_what_someone_did(question, kind):
    assert form(question).kind is kind


@pytest.mark.integration
def test_and_the_named_people_after_a_list_of_groups_lists_its_people():
    history = _chat("which groups are involved in the council tax row", "7 organisations in “Council tax”: ...")
    assert resolve("and the named people?", history).searched == "Which named people are in the council tax row story?"


def test_her_group_is_the_body_an_acronym_names_beside_her():
    history = _chat("who is bernadette okafor", 'The LIG leader. "This budget is unfair," said the LIG leader, '
                                                "Councillor Bernadette Okafor. [1]")
    assert resolve("what did her group try to do", history).searched == "what did the LIG try to do"


def test_the_story_called_a_thing_is_not_part_of_the_term_asked_about():
    f = form("what does BID refer to in the marathon thing")
    assert f.kind is Kind.DEFINE and f.subject == "BID"


@pytest.mark.parametrize("wh, previous, again", [
    ("by when", "what's janet rusk going to do", "By when is janet rusk going to do it"),
    ("when", "what is the council going to do?", "When is the council going to do it?"),
    ("why", "who's paying for it", "Why? who's paying for it"),  # "who" is the subject: not dropped
    ("why", "what did the council decide?", "Why did the council decide?"),
])
def test_a_question_word_after_what_will_x_do_asks_of_the_deed(wh, previous, again):
    assert ask_again(wh, previous) == again


def test_by_when_alone_carries_the_last_question():
    history = _chat("what's janet rusk going to do", "She said she would call in the decision. [1]")
    assert resolve("by when?", history).searched == "By when is janet rusk going to do it"


def test_by_when_wants_a_deadline_not_a_start():
    from qa.judgment.answer_kinds import fits
    from qa.question import analyze

    q = analyze("By when is the council going to do it", lambda t: 1.0)
    assert fits(q, "She has until Wednesday, 5 November to do so.")
    assert not fits(q, "The council will inspect the houses starting next week.")
