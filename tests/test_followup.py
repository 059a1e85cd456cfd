"""Follow-up questions (qa/conversation/followup.py): pronouns and "and what about X?" rewritten with the
conversation's names; standalone questions left as they are."""
from __future__ import annotations

import pytest

from qa.conversation.followup import resolve
from qa.conversation.turn_names import WHO_IS, focus


def test_standalone_question_is_not_rewritten():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": "Former US Special Envoy Jonathan Winer said so [1]"}]
    assert resolve("Where is Tartus?", history).searched == "Where is Tartus?"
    assert resolve("hi", history).searched == "hi"


def test_pronoun_follow_up_takes_the_person_of_a_who_is_question():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": "Former US Special Envoy to Libya Jonathan Winer commented [1]"}]
    r = resolve("What did he say about ports?", history)
    assert r.searched == "What did Jonathan Winer say about ports?"
    assert r.context == ("Jonathan Winer",)


def test_possessive_follow_up_takes_the_person_the_answer_named():
    history = [{"role": "user", "content": "Who visited Lakeside on May 3?"},
               {"role": "assistant", "content": "Mayor Ilse Brandt visited Lakeside on May 3 [1]"}]
    assert resolve("What was her position?", history).searched == "What was Mayor Ilse Brandt's position?"


def test_follow_up_about_a_thing_appends_the_context_names():
    history = [{"role": "user", "content": "What was the home port of the Admiral Kuznetsov?"},
               {"role": "assistant", "content": "Its home port of Severomorsk [1]"}]
    r = resolve("What war did it take part in?", history)
    assert r.searched.startswith("What war did it take part in?") and "Admiral Kuznetsov" in r.searched


def test_existential_there_is_not_a_follow_up():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": "Former US Special Envoy to Libya Jonathan Winer commented [1]"}]
    q = "Is there a Russian military port in Syria?"
    r = resolve(q, history)
    assert r.searched == q and r.context == ()
    assert resolve("Is it true that the port is deep?", history).searched == "Is it true that the port is deep?"


def test_object_her_is_not_made_possessive():
    history = [{"role": "user", "content": "Who visited Lakeside on May 3?"},
               {"role": "assistant", "content": "Mayor Ilse Brandt visited Lakeside on May 3 [1]"}]
    assert resolve("Who met her?", history).searched == "Who met Mayor Ilse Brandt?"
    assert resolve("Did the council thank her for the bridge?", history).searched == (
        "Did the council thank Mayor Ilse Brandt for the bridge?")
    assert resolve("Where does her husband work?", history).searched == "Where does Mayor Ilse Brandt's husband work?"
    # "her" before a word saying what she was made (not a noun she has) is the object too.
    assert resolve("What made her suspicious?", history).searched == "What made Mayor Ilse Brandt suspicious?"


def test_the_name_is_put_in_once_and_a_later_pronoun_left_to_point_at_it():
    history = [{"role": "user", "content": "Who is Ilse Brandt?"},
               {"role": "assistant", "content": "Mayor Ilse Brandt of Lakeside [1]"}]
    assert resolve("Did she lose her house?", history).searched == "Did Ilse Brandt lose her house?"
    assert resolve("Did he sell his car?", history).searched == "Did Ilse Brandt sell his car?"


def test_follow_up_without_history_stays_as_it_is():
    assert resolve("What was his position?", []).searched == "What was his position?"


def test_history_accepts_gradio_message_dicts_with_html_and_markers():
    history = [{"role": "user", "content": "Who is Jonathan Winer?"},
               {"role": "assistant", "content": [{"type": "text", "text": "<b>Envoy</b> Jonathan Winer [1]"}]}]
    assert "Jonathan Winer" in resolve("What did he say?", history).searched


BRIDGE_TURN = [{"role": "user", "content": "How much did Roth pay for the bridge?"},
               {"role": "assistant", "content": "Mayor Anna Roth paid $40 million for the bridge [1]"}]


@pytest.mark.parametrize("follow_up", ["And what about Weber?", "and how about Weber?", "What about Weber?",
                                       "How about Weber?", "And Weber?"])
def test_and_what_about_x_asks_the_previous_question_about_x(follow_up):
    # The longest opener is taken whole: "And what about Weber?" must not become "... did what about Weber ...".
    assert resolve(follow_up, BRIDGE_TURN).searched == "How much did Weber pay for the bridge?"


ROTH_TURN = [{"role": "user", "content": "Who is Anna Roth?"},
             {"role": "assistant", "content": "Anna Roth is the mayor of Lakeside [1]"}]


def test_and_before_a_question_of_its_own_is_dropped_and_its_pronoun_resolved():
    assert resolve("And when did she become mayor?", ROTH_TURN).searched == "When did Anna Roth become mayor?"


def test_how_about_a_pronoun_is_not_a_name_put_in_the_previous_question():
    assert resolve("How about it?", ROTH_TURN).searched == "How about it? (Anna Roth)"


def test_a_bare_question_word_asks_the_previous_question_again():
    history = [{"role": "user", "content": "When did Weber visit Lyon?"},
               {"role": "assistant", "content": "On May 3. Weber visited Lyon on May 3. [1]"}]
    assert resolve("Why?", history).searched == "Why did Weber visit Lyon?"
    assert resolve("and where?", history).searched == "Where did Weber visit Lyon?"
    assert resolve("How come?", history).searched == "Why did Weber visit Lyon?"
    yes_no = [{"role": "user", "content": "Did Weber visit Lyon?"}, {"role": "assistant", "content": "Yes. [1]"}]
    assert resolve("When?", yes_no).searched == "When did Weber visit Lyon?"
    assert resolve("Why?", []).searched == "Why?"  # nothing to ask again


def test_the_note_a_follow_up_carries_is_not_part_of_the_claim_a_verdict_reads():
    from qa.compose.compose import Citation, short_answer
    from qa.question import without_note

    history = [{"role": "user", "content": "Who made the cells?"},
               {"role": "assistant", "content": "Velora bought the cells from Hanseong Energy [1]"}]
    searched = resolve("Did they comment?", history).searched
    assert searched.startswith("Did they comment? (") and without_note(searched) == "Did they comment?"
    assert without_note("(Velora)") == "(Velora)"  # nothing but a note: left as it is
    quote = "The supplier stopped selling to Velora in 2023 and did not respond to a request for comment."
    cite = Citation(index=1, source="a.txt", title="A", date=None, start=0, end=len(quote), quote=quote,
                    passage_id="a#0", score=0.9)
    assert short_answer(searched, [cite]).text == "No"


def test_it_after_a_question_about_a_thing_is_that_thing():
    history = [{"role": "user", "content": "when did the strike begin"},
               {"role": "assistant", "content": "Nov. 4. The strike began on Nov. 4, when talks broke down. [1]"}]
    r = resolve("and when did it end?", history)
    assert r.searched == "When did the strike end?" and r.context == ("the strike",)
    history = [{"role": "user", "content": "When did the fire start?"},
               {"role": "assistant", "content": "On Monday. The fire started on Monday. [1]"}]
    assert resolve("what caused it?", history).searched == "What caused the fire?"
    assert resolve("Is it true that it spread?", history).searched.startswith("Is it true that the fire")


def test_it_after_a_which_question_is_the_thing_it_asked_for():
    history = [{"role": "user", "content": "Which ferry ran aground near Umeå in 2019?"},
               {"role": "assistant", "content": "The ferry Nordlys ran aground near Umeå in 2019. [1]"}]
    assert resolve("Where was it going?", history).searched == \
        "Where was the ferry that ran aground near Umeå in 2019 going?"
    # The ferry as an object ("Which ferry did she board?") or many of them ("Which ferries ...") is not
    # what "it" stands for.
    for asked in ("Which ferry did the minister board?", "Which ferries ran aground in 2019?"):
        history[0] = {"role": "user", "content": asked}
        assert "ferry that" not in resolve("Where was it going?", history).searched


def test_and_x_replaces_the_name_the_last_question_typed_in_lower_case():
    history = [{"role": "user", "content": "how full is the aston reservoir"},
               {"role": "assistant", "content": "24 percent. The smaller Aston reservoir stood at 24 percent. [1]"}]
    assert resolve("and miller creek?", history).searched == "how full is the miller creek reservoir"
    history = [{"role": "user", "content": "what did weber say"},
               {"role": "assistant", "content": "Tomas Weber (Opposition leader): Weber said no. [1]"}]
    assert resolve("and the mayor?", history).searched == "what did the mayor say"


def test_and_x_after_who_is_asks_who_for_a_role_and_what_for_a_thing():
    answer = "Industry analyst. Industry analyst Saul Brightwater said each day would cost the airline £5 million. [1]"
    history = [{"role": "user", "content": "who is saul brightwater"}, {"role": "assistant", "content": answer}]
    assert resolve("and the cost?", history).searched == "What is the cost? (Saul Brightwater)"
    # A role asks who, in place of the whole name typed ("the mayor", not "saul the mayor").
    assert resolve("and the mayor?", history).searched == "who is the mayor"
    history = [{"role": "user", "content": "who is the mayor"},
               {"role": "assistant", "content": "Mayor Ana Roth said no. [1]"}]
    assert resolve("and the deputy mayor?", history).searched == "who is the deputy mayor"


def test_a_wire_date_line_is_not_what_a_turn_is_about_and_a_sentence_end_ends_a_name():
    assert focus("who said it would act", "HARLOW — Anna Berg said on Monday the board would act. [1]")[0] \
        == "Anna Berg"
    assert focus("who is okonjo", "Mayor. Mayor Daniel Okonjo backed the plan. [1]") == ["Mayor Daniel Okonjo"]
    # A title's full stop does not end the answer's first sentence ("Dr." is not who led it).
    assert focus("who led the study?", "Dr. Naomi Fisk. Dr. Naomi Fisk, who led the study, said so. [1]") \
        == ["Dr Naomi Fisk"]
    # A day is never whom a later "he" stands for.
    assert focus("who won the cup", "A striker was sent off on Saturday before Tom Hale scored. [1]") == ["Tom Hale"]
    # Nor is a date line after the lead of a doubtful answer; but a place typed in the question is that place.
    doubtful = "The article may not say this; the closest it comes is: LANCHESTER — Corin Vasey was banned. [1]"
    assert focus("did the tribunal believe his excuse", doubtful) == ["Corin Vasey"]
    assert focus("how many jobs in lanchester", doubtful) == ["LANCHESTER", "Corin Vasey"]


def test_a_word_capitalized_only_where_the_answer_starts_is_no_name():
    answer = ('Pregnant women and newborn babies. "It can be serious for pregnant women and newborn babies," said '
              'Dr Mira Oduya. [1]')
    assert focus("who does she say is most at risk", answer) == []
    history = [{"role": "user", "content": "who is mira oduya"},
               {"role": "assistant", "content": "Dr Mira Oduya leads the response team. [1]"},
               {"role": "user", "content": "who does she say is most at risk"}, {"role": "assistant", "content": answer}]
    assert resolve("and what's her advice", history).searched == "What's Dr Mira Oduya's advice"


def test_a_phrase_that_narrows_the_last_question_is_added_to_it():
    history = [{"role": "user", "content": "How much is Norvik paying?"},
               {"role": "assistant", "content": "Norvik will pay $4.2 billion in cash. [1]"}]
    assert resolve("per share?", history).searched == "How much is Norvik paying per share?"
    assert resolve("and in 2019?", history).searched == "How much is Norvik paying in 2019?"
    # A question of its own is not a phrase to add: "for how long?", a long clause.
    assert "paying for how long" not in resolve("for how long?", history).searched
    assert resolve("on the first day of the long strike?", history).searched == \
        "on the first day of the long strike?"


def test_her_group_is_the_body_her_role_names():
    history = [{"role": "user", "content": "Who is Karen Liu?"},
               {"role": "assistant", "content": 'Director of the Battery Safety Alliance. "Too long," said Karen Liu, '
                                                "director of the Battery Safety Alliance (BSA). [1]"}]
    assert resolve("What does her group want?", history).searched == "What does the Battery Safety Alliance want?"
    # A role that names no body leaves the possessive to the name.
    history = [{"role": "user", "content": "Who is Tomas Weber?"},
               {"role": "assistant", "content": "Opposition leader. Opposition leader Tomas Weber said no. [1]"}]
    assert resolve("what does his party want", history).searched == "what does Tomas Weber's party want"
    # A body of one word, named as the one the person is an officer of.
    history = [{"role": "user", "content": "Who is Ines Marr?"},
               {"role": "assistant", "content": "Brackwell's managing director. \"We will pay,\" said Ines Marr, "
                                                "Brackwell's managing director. [1]"}]
    assert resolve("what has her company offered to do", history).searched == "what has Brackwell offered to do"


def test_a_name_run_on_past_the_person_is_cut_at_the_name_typed():
    answer = "Judge. Judge Helen Mbeki of the U.S. District Court in Brandmoor said the firm was their employer. [1]"
    history = [{"role": "user", "content": "who is mbeki"}, {"role": "assistant", "content": answer}]
    assert resolve("what did she rule", history).searched == "what did Judge Helen Mbeki rule"
    # The whole name typed (with a slip in it: "mbekki") is cut at its last word.
    history = [{"role": "user", "content": "who is helen mbekki"}, {"role": "assistant", "content": answer}]
    assert resolve("what did she rule", history).searched == "what did Judge Helen Mbeki rule"
    # A title the question typed is not where the name is cut.
    answer = "Mayor Daniel Okonjo, who has been in office since 2022, backed the rules. [1]"
    history = [{"role": "user", "content": "who is the mayor of harlow"}, {"role": "assistant", "content": answer}]
    assert resolve("when did he take office", history).searched == "when did Mayor Daniel Okonjo take office"


def test_a_turn_opened_by_and_carries_the_last_turns_names():
    history = [{"role": "user", "content": "how much does halvorn owe"},
               {"role": "assistant", "content": "Court filings show that Halvorn Air owes 86 million euros, including "
                                                "31 million euros to its largest supplier, Northway Fuels. [1]"}]
    r = resolve("and who is owed the most", history)
    # "halvorn", typed in lower case, is the first word of the answer's "Halvorn Air"
    assert r.searched.startswith("Who is owed the most (Halvorn Air")
    # A turn opened by "and" that names its own subject stands alone.
    assert resolve("and what is the NMS?", history).searched == "and what is the NMS?"
    # "The oldest", "the others": of what was asked.
    assert resolve("and which is the oldest", history).searched != "and which is the oldest"
    assert resolve("and how many of the others are owed", history).searched != "and how many of the others are owed"


def test_her_name_is_who_the_last_answer_was_about():
    history = [{"role": "user", "content": "what did the transport minister decide"},
               {"role": "assistant", "content": "Transport Minister Alison Vey rejected calls for a bailout. [1]"}]
    assert resolve("what's her name", history).searched == "Who is Transport Minister Alison Vey?"


def test_what_about_a_thing_with_nothing_to_stand_in_for_asks_what_the_article_says_of_it():
    history = [{"role": "user", "content": "how much will the recall cost the firm"},
               {"role": "assistant", "content": "Rosa Vell said it would cost £700,000. [1]"}]
    # Nothing of "how much will the recall cost the firm" is a staff: put in its place, the question means nothing.
    assert resolve("what about the staff", history).searched.startswith("What does the article say about the staff?")
    # A name still stands in for the name asked about.
    history = [{"role": "user", "content": "what did Weber say"},
               {"role": "assistant", "content": "Tomas Weber said no. [1]"}]
    assert resolve("and what about Brandt?", history).searched == "what did Brandt say"



def test_and_x_after_a_list_of_names_lists_the_other_sort_in_the_same_story():
    answer = "6 people in “Freight train derailment closes line”:\n- Ines Varro: chief inspector [1]"
    history = [{"role": "user", "content": "who's who in the derailment article"},
               {"role": "assistant", "content": answer}]
    assert resolve("and the companies and organisations?", history).searched == \
        "Which companies and organisations are in the derailment story?"
    history[0] = {"role": "user", "content": "who are the people mentioned?"}
    assert resolve("what about the places?", history).searched == "Which places are there?"
    # A name or a role is not a sort of names: it is asked about as before.
    assert resolve("and the mayor?", history).searched != "Which mayor are there?"


def test_it_after_a_question_asked_of_anyone_is_the_event_it_was_asked_about():
    history = [{"role": "user", "content": "was anybody injured in the derailment"},
               {"role": "assistant", "content": "No one was hurt. [1]"}]
    assert resolve("what caused it?", history).searched == "What caused the derailment?"
    history[0] = {"role": "user", "content": "was anyone arrested at the match"}
    assert resolve("when did it start?", history).searched == "When did the match start?"
    # "it" is put in even where another pointing word stays ("they": whoever would know).
    history = [{"role": "user", "content": "was anybody injured in the derailment"},
               {"role": "assistant", "content": "Investigators from the Rail Board said no one was hurt. [1]"}]
    assert resolve("do they know what caused it yet?", history).searched.startswith(
        "do they know what caused the derailment yet?")
    # A place is no event: "it" is left to the names.
    history[0] = {"role": "user", "content": "did anyone die in Tassa"}
    assert "Tassa" in resolve("when did it happen", history).searched


def test_after_a_list_of_names_a_pronoun_is_its_first_row_not_the_count_or_the_headline():
    answer = ("4 people in “Snow leopard recaptured near park”, most mentioned first:\n- Helena Marsh: the park's "
              "director [1]\n- Rhys Okafor: a detective inspector [2]")
    history = [{"role": "user", "content": "which people are named in the leopard article"},
               {"role": "assistant", "content": answer}]
    assert resolve("what did she say about the escape", history).searched == \
        "what did Helena Marsh say about the escape"


def test_and_her_asks_the_last_question_of_another_person_the_last_answer_names():
    history = [{"role": "user", "content": "who will run the old mill"},
               {"role": "assistant", "content": "The Old Mill will not be run by volunteers. [1] The trust has signed a "
                                                "lease with Ivo Castle, who will run the mill with his wife, Nell. [2]"},
               {"role": "user", "content": "what did he say about it"},
               {"role": "assistant", "content": 'Ivo Castle (who will run the mill with his wife, Nell): "We will grind '
                                                'flour again," Ivo Castle said. [1]'}]
    assert resolve("and her?", history).searched == "what did Nell say about it"
    # Who did it is not what the question named: "he" is the miller, not the mill.
    assert resolve("what did he say about it", history[:2]).searched == "what did Ivo Castle say about it"
    assert not WHO_IS.match("who is going to run the mill") and WHO_IS.match("who is Ivo Castle")


def test_why_after_a_view_asks_why_they_hold_it():
    history = [{"role": "user", "content": "what does the warden reckon caused the outbreak"},
               {"role": "assistant", "content": "The warden said wild birds were the most likely source. [1]"}]
    assert resolve("why?", history).searched == "Why does the warden think so?"
    history = [{"role": "user", "content": "what did the union think about the cuts"},
               {"role": "assistant", "content": "The union said the cuts were reckless. [1]"}]
    assert resolve("Why?", history).searched == "Why did the union think so?"


def test_why_after_who_did_it_asks_why_the_one_named_did_it():
    history = [{"role": "user", "content": "who refused to sell the meadow"},
               {"role": "assistant", "content": "In 2023, Hugh Tarrant, who farms at Coldmoor, refused to sell the "
                                                "trust the meadow. [1]"}]
    assert resolve("why?", history).searched == "Why did Hugh Tarrant refuse to sell the meadow?"
    # A year is no one "he" can stand for.
    assert resolve("what happened after he refused", history).searched == "what happened after Hugh Tarrant refused"


def test_a_verdict_that_opens_the_answer_names_no_one():
    history = [{"role": "user", "content": "is the inspector still getting paid"},
               {"role": "assistant", "content": "Yes. Ivo Marsh has been suspended on full pay. [1]"}]
    assert resolve("has he explained why", history).searched == "has Ivo Marsh explained why"


def test_it_after_a_timeline_or_a_summary_is_the_last_thing_it_named():
    history = [{"role": "user", "content": "give me a timeline of how the village got the mill"},
               {"role": "assistant", "content": "In “Villagers buy their mill”, in date order:\n- January: Castlemoor "
                                                "closed the mill in January. [1]"}]
    assert resolve("when does it reopen", history).searched == "When does the mill reopen"
    history[0]["content"] = "timeline of the holmford floods and the barrier"
    assert resolve("so when will it be finished", history).searched == "So when will the barrier be finished"
