"""Yes or No for a yes/no question (qa/compose/yesno.py): said only when the cited sentence states the claim
asked about, "No" only when it negates that very claim, nothing when unsure.

The sentences are parsed by spaCy's small English pipeline (loaded once, about a second): integration marker."""
from __future__ import annotations

import pytest

from qa.compose.yesno import unsettled, yes_no

FIRST = "Was the September meeting the first between Putin and Haftar?"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence", [
    (FIRST, "The September meeting was the first between Putin and Haftar since 2019."),
    ("Did Mayor Ilse Brandt open the bridge?", "Mayor Ilse Brandt opened the bridge on May 3."),
    # A negative question asks the same thing as the positive one.
    ("Didn't Haftar visit Moscow?", "Haftar visited Moscow in September."),
    ("Wasn't the bridge paid for by the council?", "The bridge was paid for by the council."),
    # A negation in a side clause says nothing about the main claim.
    ("Did Haftar visit Moscow?", "Haftar visited Moscow in September, although he did not meet the defence minister."),
    ("Did Brandt open the bridge?", "Brandt, who had not spoken in public for a month, opened the bridge."),
    ("Did Brandt open the bridge?", "Brandt opened the bridge but did not cut the ribbon."),
    ("Did Brandt open the bridge?", "Officials said Brandt opened the bridge."),
    ("Is Russia planning to open a port in Tobruk?", "Russia is planning to open a port in Tobruk."),
    ("Did Brandt open the bridge?", "Brandt opened the bridge, not only the new road."),
    # A word the sentence uses for the question's, as crowd questions use it (lang/paraphrase.py).
    ("Did the company finish the bridge?", "The company completed the bridge in May."),
    # "Is X going to" asks "will X"; "X said it would" is the future, reported.
    ("Is Ferrow going to appeal?", "Ferrow said it would appeal."),
    ("Will Ferrow appeal?", "Ferrow said it would appeal."),
    ("Did Brandt say she opened the bridge?", "Brandt said she opened the bridge."),
    # An irregular verb's form is its base's ("slept" / "sleep"), which a stemmer cannot know.
    ("Did the students sleep longer?", "The students slept 34 minutes longer on school nights."),
    ("Did Redhaven win the cup?", "Redhaven won the cup in May."),
])
def test_yes_when_the_sentence_states_the_claim(question, sentence):
    assert yes_no(question, sentence) == "Yes"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence", [
    (FIRST, "The September meeting was not the first between Putin and Haftar."),
    ("Did Haftar visit Moscow?", "Haftar did not visit Moscow."),
    ("Didn't Haftar visit Moscow?", "Haftar never visited Moscow."),
    ("Did Brandt open the bridge?", "Brandt didn't open the bridge."),
    # The negated clause is the one that holds the claim, though the sentence opens with another.
    ("Did Haftar meet the defence minister?", "Haftar visited Moscow, although he did not meet the defence minister."),
    ("Did Brandt cut the ribbon?", "Brandt opened the bridge but did not cut the ribbon."),
    ("Did Brandt cut the ribbon?", "Brandt left without cutting the ribbon."),
    ("Did any soldiers stay in Oakport?", "No soldiers stayed in Oakport."),
    # "anyone" asks who, if anybody: "no one" answers it.
    ("Has anyone died?", "Twelve people were treated in hospital and no one has died."),
    ("Was anyone injured?", "A slab fell onto a parked car; no one was injured."),
    # Asked of anyone, the verb denied is enough when what is missing is no name ("in the outbreak").
    ("Has anyone died in the outbreak?", "Twelve people were treated in hospital and no one has died."),
    ("Did anyone die in the fires?", "No deaths have been reported in the fires."),
    # Asked about the saying, the saying is the claim.
    ("Has Ferrow said how many workers could lose their jobs?", "Ferrow has not said how many workers could lose their jobs."),
])
def test_no_when_the_sentence_negates_the_very_claim(question, sentence):
    assert yes_no(question, sentence) == "No"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence", [
    (FIRST, "Haftar met Putin in September."),                                    # "first" is not stated
    ("Did Russia open a port in Tobruk?", "Russia aims to open a military port in Tobruk."),  # only an aim
    ("Did Russia open a port in Tobruk?", "Russia may open a port in Tobruk."),              # only possible
    ("Did Brandt open the bridge?", "Brandt denied that she opened the bridge."),
    ("Did Brandt open the bridge?", "If Brandt opens the bridge, the council will pay."),
    ("Did Putin visit Moscow?", "Haftar visited Moscow, but Putin stayed in Sochi."),        # not about Putin
    ("Did Haftar visit Moscow?", "Haftar met the envoy who visited Moscow."),                # the envoy did
    ("Did Brandt open the bridge?", "Brandt did not say that she opened the bridge."),
    ("Has anyone died in Oakport?", "No one has died."),                                     # not said of Oakport
    ("Is the city going to build a bridge?", "The city may build a bridge."),                # only possible
    ("Did Ferrow buy the plant?", "Ferrow sold the plant."),          # related words are not the same claim
    # The question's words only in the subject: the verb denied is another claim.
    ("Did Prigozhin die?", "The death of Wagner boss Prigozhin did not slow down the cooperation."),
])
def test_nothing_when_the_sentence_does_not_plainly_state_it(question, sentence):
    assert yes_no(question, sentence) is None


def test_nothing_unless_a_plain_yes_no_question_about_words_of_the_sentence():
    # No parse needed: these are refused from the words alone.
    assert yes_no("Who met Putin?", "Haftar met Putin.") is None                        # not a yes/no question
    assert yes_no("Is the port in Tobruk or Benghazi?", "The port is in Tobruk.") is None  # a choice
    assert yes_no("Is it?", "It is.") is None                                           # nothing to check
    assert yes_no("Did Brandt open the bridge?", "Weber opened the bridge.") is None     # a word missing
    assert yes_no("Did Brandt open the bridge?", "") is None


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # The core claim (verb, subject, object) is there though other words of the question are not.
    ("Did Brandt meet the envoy in Lyon?", "Mayor Ilse Brandt met the envoy in Lyon on Friday.", "Yes"),
    ("Did the mayor's deputy resign after the vote?", "The deputy resigned on Monday.", "Yes"),
    # A noun that narrows the claim (not one that sets it in time) must be there for a Yes.
    ("Is the drug approved for children?", "The agency said it approved the drug for that group.", None),
    ("Is the drug approved for children?", "The drug was not approved.", "No"),  # denied: whatever it adds
    # So in the clause a belief reports: "on purpose" is not said by "accidentally".
    ("Do the police think someone started the fire on purpose?",
     "Police believe the fire was started accidentally by a barbecue.", None),
    ("Do the police think someone started the fire on purpose?",
     "Police believe the fire was started by a barbecue.", None),
    # Words WordNet and MiniLM agree mean the same ("hurt" / "injured", "shut" / "closed").
    ("Was anybody hurt in the crash?", "No one was injured in the crash.", "No"),
    ("Is the road still shut?", "The road has been closed since Sunday.", "Yes"),
    ("Will the old pier stay open during the works?", "A new pier is built beside the old one, which will stay open.",
     "Yes"),
    # A denied core claim is a No, whatever the question adds to it.
    ("Did the Lakeside council approve a fund for fishermen?", "Weber asked for a fund, but the council did not "
                                                                "approve one.", "No"),
    ("Did the harbour close because of the storm?", "The town was flooded, but its harbour never closed.", "No"),
    ("Did Weber vote for the terminal?", "Weber voted against the terminal.", "No"),
    # Not the same subject, or a name the question asks about is missing: no verdict.
    ("Did Brandt meet the envoy?", "Weber met the envoy on Friday.", None),
    ("Did Brandt meet the envoy in Paris?", "Brandt met the envoy in Lyon.", None),
    ("Did the Lakeside council approve the fund?", "The Oakport council approved the fund.", None),
    ("Did Brandt open the bridge?", "Brandt may open the bridge next year.", None),
])
def test_the_core_claim_decides_when_words_of_the_question_are_missing(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, expected", [
    ("Will voters approve the tax?", "The tax still has to be approved by voters in November.", True),
    ("Will the city close the bridge?", "The city may close the bridge in March.", True),
    ("Did the mayor open the school?", "The mayor hopes to open the school next year.", True),
    # The subject may be named elsewhere in the article ("there is talk of opening ...").
    ("Will Russia open a consulate in Benghazi?", "There is talk of opening a consulate in Benghazi.", True),
    # "Is X going to ...?" asks about the future; a vote on whether to is not a verdict.
    ("Is the board going to move the schools?", "The board would vote in March on whether to move the schools.", True),
    # An aim denied is no plan: not left open.
    ("Will Norvik close the factories?", "Norvik said it had no plans to close either factory.", False),
    ("Will Norvik close the factories?", "Norvik does not plan to close the factories.", False),
    # Stated or denied: settled either way.
    ("Will the city close the bridge?", "The city will close the bridge in March.", False),
    ("Did the mayor open the school?", "The mayor opened the school.", False),
    ("Did the mayor open the school?", "The mayor did not open the school.", False),
    # Under way: an aim is close to what is asked. Words missing after the subject: about something else.
    ("Is Russia building a port in Libya?", "Russia aims to open a port in Libya.", False),
    ("Will the city close the school?", "The city may close the bridge in March.", False),
    ("Who will close the bridge?", "The city may close the bridge in March.", False),
])
def test_unsettled_when_the_sentence_only_plans_allows_or_awaits_the_claim(question, sentence, expected):
    assert unsettled(question, sentence) is expected


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, before, verdict", [
    # The sentence names its subject by its kind; the name the question asks about is in the text before it.
    ("Did Velora recall the batteries?", "The company recalled 48,000 batteries on Wednesday.",
     "Owners were told to contact Velora. ", "Yes"),
    ("Did Velora offer cash refunds?", "The company is not offering cash refunds.",
     "Owners were told to contact Velora. ", "No"),
    # ... but not a name the text before does not hold, nor a kind that comes with a name of its own.
    ("Did Velora recall the batteries?", "The company recalled 48,000 batteries on Wednesday.",
     "Owners were told to contact Hanseong. ", None),
    ("Did Velora recall the batteries?", "The company Hanseong recalled 48,000 batteries on Wednesday.",
     "Owners were told to contact Velora. ", None),
    # A passive or progressive question asks about its verb.
    ("Was anyone injured when the slab fell?", "The slab fell onto a parked car; no one was injured.", "", "No"),
    ("Is the council offering cash refunds?", "The council is not offering cash refunds.", "", "No"),
    ("Was it the first time they met?", "It was the first meeting between them.", "", "Yes"),
    # The opposite outcome of the very claim answers No; of something else, or denied itself, nothing.
    ("Did the union accept the offer?", "The union rejected the offer on Friday.", "", "No"),
    ("Did the council reject the plan?", "The council approved the plan 6-3.", "", "No"),
    ("Did the union accept the offer?", "The union did not reject the offer.", "", None),
    ("did the union accept the 4.5% pay offer", "The union rejected that offer the next day.", "", "No"),
    ("Did the union accept Norvik's offer?", "The union rejected Telma's offer.", "", None),
    ("Did the council approve replacing the bridge?",
     "She had proposed a cheaper repair, but the council rejected her amendment 7-2.", "", None),
    ("Did prices rise?", "Prices fell in March and rose in April.", "", None),
    # What a claim, a fear or a rumour says is not what the sentence states; a fact's content is.
    ("has the leopard escaped before", "She denied claims on social media that the leopard had escaped before.",
     "", None),
    ("was the train overloaded", "Venn denied suggestions from a local campaign group that the train had been "
     "overloaded.", "", None),
    ("was the bridge unsafe", "Fears that the bridge was unsafe grew after the inspection.", "", None),
    ("did the company close the plant", "The fact that the company closed the plant angered workers.", "", "Yes"),
    ("did the company close the plant", "Workers protested at the plant that the company closed in May.", "", "Yes"),
    # Any way a number goes up is the opposite of any way it goes down.
    ("did the share price drop after the announcement?", "The firm's shares rose 7 percent after the announcement.",
     "", "No"),
    ("Did sales climb last year?", "Sales of the model slumped by a third last year.", "", "No"),
    ("Did sales climb last year?", "Sales of the model climbed by a third last year.", "", "Yes"),
    # And any way down says what any other way down says.
    ("did the share price fall after the announcement?", "The firm's shares dropped 7 percent after the announcement.",
     "", "Yes"),
    # A word the crowd uses for the sentence's, by the base of an irregular verb ("start" / "beginning").
    ("did the strike start on monday", "Nurses walked off the job on Monday, beginning an open-ended strike.", "",
     "Yes"),
])
def test_the_subject_named_before_passives_and_opposite_outcomes(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("did absences go down", "Absences fell by 12 percent.", "Yes"),
    ("did absences go up", "Absences fell by 12 percent.", "No"),
    ("did prices go down", "Prices went up 4 percent in May.", "No"),  # "went" alone is not "go down"
    ("did prices rise", "Prices went up 4 percent in May.", "Yes"),
    ("Did the union cancel the strike?", "The union called off the strike on Friday.", "Yes"),
    ("Did the union cancel the strike?", "The union did not call off the strike.", "No"),
    ("Did the council accept the offer?", "The council turned down the offer.", "No"),
    ("Did the mayor resign?", "The mayor stepped down on Monday.", "Yes"),
    ("Did the firm lay off workers?", "The firm fired 200 workers last year.", "Yes"),
    ("Did he give up?", "He did not give up.", "No"),  # the same phrasal verb, as before
    ("Did the mayor go to Paris?", "The mayor went down to the harbour.", None),
])
def test_a_phrasal_verb_is_the_one_word_verb_it_means(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    # "them" is what the sentence named before it ...
    ("Has the firm ruled out compulsory redundancies?",
     "The firm wants to avoid compulsory redundancies, but it has not ruled them out.", "No"),
    ("Did the mayor meet the protesters?", "The protesters waited for hours, but the mayor did not meet them.", "No"),
    ("Did the mayor meet the protesters?", "The protesters waited for hours, and the mayor met them at noon.", "Yes"),
    # ... and nothing the sentence does not name, nor a claim about someone else.
    ("Did the mayor meet the farmers?", "The protesters waited for hours, but the mayor did not meet them.", None),
    ("Did the police meet the protesters?", "The protesters waited for hours, but the mayor did not meet them.", None),
])
def test_an_object_pronoun_stands_for_what_the_sentence_named_before_it(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("Were all flights cancelled on Thursday?", "The airline cancelled 86 flights on Thursday.", None),
    ("Were all flights cancelled on Thursday?", "The airline cancelled all its flights on Thursday.", "Yes"),
    ("Were flights cancelled on Thursday?", "The airline cancelled 86 flights on Thursday.", "Yes"),
    ("Were all flights cancelled?", "No flights were cancelled.", "No"),
])
def test_a_count_does_not_say_all(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_a_question_about_its_subject_alone_is_not_answered_by_what_the_subject_has_not_said():
    sentence = "The council has not said what it would do with the site after closure."
    assert yes_no("is the council doing anything about that", sentence) is None
    assert yes_no("has the council said what it would do with the site", sentence) == "No"


def test_a_dropped_that_is_put_back_before_the_clause_a_verb_of_saying_takes():
    sentence = "Renwick acknowledged that the talks had collapsed, but denied that staff had been misled."
    assert yes_no("did Renwick admit staff were misled", sentence) == "No"  # "admit" / "denied": opposites


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is there a fee for parking at night", "Fees for night parking start at 3 euros.", "Yes"),
    ("are there any survivors", "Rescuers said no survivors were found.", "No"),
    ("Is there a cure for the disease?", "There is no cure for the disease.", "No"),
    ("is there a deadline for the vote", "The deadline for the vote was moved to May.", "Yes"),  # "May": a month
    ("is there a fine for parking", "Fines for speeding start at 100 euros.", None),  # another fine
    ("will there be fines for the firm", "The agency will decide whether the firm faces fines.", None),  # supposed
    ("was there a vote", "The council voted 6-3 on Tuesday.", "Yes"),  # the deed itself, read as before
])
def test_is_there_asks_whether_the_thing_is_spoken_of_or_said_to_be_none(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("was anyone arrested at the match", "Police said the match passed off calmly and that no arrests were made.",
     "No"),
    ("did anyone die in the fire", "Firefighters said the blaze was out and no deaths were reported.", "No"),
    ("was anyone arrested at the match", "Police said the match passed off calmly and three arrests were made.",
     None),
    ("did anyone die in Oslo", "No deaths were reported in Bergen.", None),  # a name missing may be the point
    ("were any records changed at the office", "The office said no records were lost.", None),  # a thing, not a deed
])
def test_a_deed_asked_of_anyone_is_denied_by_no_and_its_noun(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("has the bridge reopened yet", "The bridge is expected to reopen in March.", "No"),
    ("have the new fares started yet", "The new fares will start on 1 April.", "No"),
    ("is the stadium finished yet", "The club hopes to finish the stadium by 2027.", "No"),
    ("has the bridge reopened yet", "The bridge reopened on Tuesday.", "Yes"),
    ("has the bridge already reopened", "The bridge has not reopened.", "No"),
    ("has the bridge reopened yet", "The bridge was expected to reopen in March.", None),  # a plan once made
    ("has the bridge reopened yet", "The tunnel is expected to reopen in March.", None),  # another thing
    ("has the plant opened yet", "She said the plant had been approved in 2022 and would open in 2026.", "No"),
])
def test_yet_asks_whether_it_is_done_by_now_and_a_plan_still_to_come_says_not_yet(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    # What the question's verb finds or says must be what the sentence's verb governs.
    ("did the inquiry find the mayor committed a crime",
     "The mayor resigned after an independent inquiry found he had claimed expenses that could not be justified.",
     None),
    ("did the company agree to pay the fine", "The company agreed to appeal on Monday.", None),
    ("did the study prove that later start times cause better grades",
     "The study did not prove that the later start caused the better grades.", "No"),  # most of its words
    ("did the company agree to pay the fine", "The company agreed to pay the fine on Monday.", "Yes"),
    # A saying denied denies any saying asked about; one made is no confirmation.
    ("has the developer confirmed it will appeal", "The developer has not said whether it will appeal.", "No"),
    ("has the developer confirmed it will appeal", "The developer said it would appeal.", None),
    ("did the minister confirm the plan", "The minister did not say when the plan would start.", None),
    # Phrasal verbs for one-word ones.
    ("did anyone from the group show up at the hearing", "No one from the group attended Tuesday's hearing.", "No"),
    ("did the council put up fares", "The council raised fares by 18 percent.", "Yes"),
])
def test_the_claim_a_verb_governs_a_saying_denied_and_more_phrasal_verbs(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("do we know what the pill will cost", "The maker has not said how much the pill will cost.", "No"),
    ("is it known who started the fire", "Police said it was not yet known who started the fire.", "No"),
    ("does the article say why he resigned", "He declined to say why he resigned.", "No"),
    ("do we know what the pill will cost", "The pill will cost 400 pounds a month.", None),  # said: no verdict
    ("do we know what the pill will cost", "The maker has not said when the pill will reach pharmacies.", None),
])
def test_do_we_know_is_answered_no_by_a_sentence_that_says_it_has_not_been_said(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("has he commented", "He did not respond to requests for comment.", "No"),
    ("has the firm responded to the ruling", "The firm declined to comment on the ruling.", "No"),
    ("did the minister say anything", "The minister could not be reached for comment.", "No"),
    ("has the company commented", "Vasko did not respond to requests for comment.", None),  # someone else
    ("has the firm responded to the ruling", "The firm said it would study the ruling.", None),
])
def test_has_x_commented_is_answered_no_by_a_sentence_that_says_x_declined_to(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the university planning to cut any other subjects too",
     "She said the university had no plans to cut any other subjects.", "No"),
    ("is the council going to sell the stadium", "The council has no intention of selling the stadium.", "No"),
    ("is the university planning to close the library",
     "She said the university had no plans to cut any other subjects.", None),  # another deed
    ("is the council planning to sell the stadium", "The council has no plans to sell the training ground.", None),
    ("is the university planning to cut other subjects", "The university plans to cut two more subjects.", "Yes"),
])
def test_a_plan_asked_about_is_no_when_the_sentence_says_there_is_no_such_plan(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("are they putting in a footbridge?", "A footbridge had been considered but ruled out because of the cost.", "No"),
    ("will tenants get money off their rent", "The housing trust has ruled out cutting rents this year.", "No"),
    ("is the council going to sell the depot", "The council has scrapped plans to sell the depot.", "No"),
    ("will the trust raise rents", "The housing trust has ruled out cutting rents this year.", None),  # another deed
    ("will rents go up", "The housing trust has ruled out cutting rents this year.", None),
    ("will the depot close", "The council has scrapped plans to sell the depot.", None),  # not what was scrapped
    ("did they build a footbridge", "A footbridge had been considered but ruled out.", None),  # asks the past
])
def test_what_was_ruled_out_answers_no_to_whether_it_will_be_done(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, before, verdict", [
    ("has the warden explained why the drums were left out", "The warden has not said why the drums were left out.",
     "", "No"),
    ("has the warden explained why the drums were missing", "The warden has not said when he will return.", "", None),
    ("can the trust knock down the mill?", "The trust cannot demolish the mill without consent.", "", "No"),
    ("did the mayor support the levy", "The mayor backed the levy in March.", "", "Yes"),
    ("did the mayor back down", "The mayor supported the levy in March.", "", None),  # "back down" is not "back"
    ("did the union accept the offer?", "The MTWU rejected the offer on Monday.",
     "Members of the Mill and Textile Workers Union (MTWU) met.", "No"),
    ("did the union accept the offer?", "The MTWU rejected the offer on Monday.", "", None),  # a union? not said
])
def test_a_claim_said_in_other_words(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("can pupils finish their courses", "Pupils will be allowed to finish their courses.", "Yes"),
    ("can pupils finish their courses", "Pupils are not permitted to finish their courses.", "No"),
    ("can pupils finish their courses", "Pupils will not be able to finish their courses.", "No"),
    ("can staff take phones home", "Staff are allowed to take laptops home.", None),  # another thing
    ("will pupils finish their courses", "Pupils will be allowed to finish their courses.", None),  # asks the deed
])
def test_can_is_answered_by_allowed_or_able_to(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("is the warden still getting paid", "The warden has been suspended on full pay.", "Yes"),
    ("is the warden still getting paid", "The warden has been suspended without pay.", None),
])
def test_on_full_pay_is_still_paid(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("did most tenants back the plan", "Of those who replied, 71 percent of tenants backed the plan.", "Yes"),
    ("were most tenants against the plan", "In the survey 64 per cent of tenants opposed the plan.", "Yes"),
    ("did most tenants oppose the plan", "In the survey 64 per cent of tenants backed the plan.", "No"),
    ("did most tenants support the plan", "Only 38% of tenants supported the plan.", "No"),
    ("did a majority of councillors vote for the plan", "The plan was backed by 31 of the 45 councillors.", "Yes"),
    ("did most tenants back the plan", "Turnout among tenants was 40 percent.", None),  # a share, no stance
    ("did most tenants back the plan", "Rents rose 5 percent after the boiler was approved.", None),  # another share
    ("is it the most expensive plan", "The plan was opposed by 60 percent of tenants.", None),  # "the most"
])
def test_whether_most_were_for_or_against_is_read_off_the_share(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("was the council vote unanimous", "The council approved the plan by 14 votes to 5 after a long meeting.", "No"),
    ("was the vote among trustees unanimous", "The trustees voted by nine to two in favour of returning it.", "No"),
    ("was the decision unanimous", "The city council voted 6-3 on Tuesday to tear down the bridge.", "No"),
    ("did the board vote unanimously", "The board voted unanimously to close the ward.", "Yes"),
    ("was the vote unanimous", "The plan was approved by nine votes to none.", "Yes"),
    ("was the vote unanimous", "Fares will rise from 2 to 5 percent.", None),  # a range, not a tally
])
def test_whether_a_vote_was_unanimous_is_read_off_its_tally(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("has the company said it will refund season ticket holders",
     "Westmoor Ferries has not said whether it will refund passengers who bought season tickets.", "No"),
    ("Did Garvie say that the company will raise its pay offer?",
     "Garvie has not said whether the company will raise its pay offer.", "No"),
    ("has she confirmed the date of the vote", "She has not yet announced the date of the vote.", None),  # no "whether"
    ("has the union said it will strike again",
     "Westmoor Ferries has not said whether it will refund passengers.", None),  # another saying
    ("has Rees said she will stand again", "Okafor has not said whether he will stand again.", None),  # someone else
    ("has the company said it will refund passengers", "The company said it will refund passengers.", "Yes"),
])
def test_has_x_said_is_answered_no_by_a_sentence_that_says_x_has_not_said(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_a_saying_asked_about_is_not_answered_by_a_sentence_that_only_names_the_speaker():
    asked = "did the battery maker say anything"
    assert yes_no(asked, "The company bought the cells from the battery maker, based in Ulsan.") is None
    assert yes_no(asked, "The battery maker did not respond to a request for comment.") == "No"
    assert yes_no("did the mayor say she would resign", "The mayor said she would resign.") == "Yes"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # What could not be done was not done; what may not happen is not settled.
    ("Did the helicopter get in?", "The helicopter simply couldn't get in, the team leader said.", "No"),
    ("Did the firm pay the fine?", "The firm could not pay the fine.", "No"),
    ("Did the firm pay the fine?", "The firm may not pay the fine.", None),
    ("Did the helicopter get in?", "The helicopter could get in.", None),
])
def test_could_not_denies_the_deed_and_could_does_not_state_it(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # Done to anyone, denied by a noun: the deed's "no ..." of the subject asked about.
    ("did the police arrest anyone at the depots", "Police said the protest was peaceful and no arrests were made.",
     "No"),
    ("did the police arrest anyone at the depots", "The protest was peaceful and no arrests were made.", None),
    ("did the police arrest anyone", "The police arrested two men.", "Yes"),
])
def test_a_deed_done_to_anyone_is_denied_by_none_of_it(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # Asked of the future, a decided intention says Yes; a hope, a plan since dropped or a possible decision do not.
    ("will the council rebuild the tower", "The council intends to rebuild the tower.", "Yes"),
    ("is the council going to rebuild the tower", "Roth said the council intended to rebuild the tower.", "Yes"),
    ("will the club appeal", "The club has decided to appeal against the ruling.", "Yes"),
    ("will the council rebuild the tower", "The council does not intend to rebuild the tower.", "No"),
    ("will the council rebuild the tower", "The council hopes to rebuild the tower.", None),
    ("will the council rebuild the tower", "The council had planned to rebuild the tower.", None),
    ("will the club appeal", "The club may decide to appeal against the ruling.", None),
    ("did the council rebuild the tower", "The council intends to rebuild the tower.", None),  # not done yet
    # The opposite state said of the subject by a verb of being or keeping: No.
    ("is the closure permanent", "The chair said the closure was temporary.", "No"),
    ("were the hens outside when the virus hit", "The hens had been kept indoors since November.", "No"),
    ("is the road safe", "Police said the road remained dangerous.", "No"),
    ("is the bridge closed", "The bridge was closed to all vehicles on Monday.", "Yes"),
    # Not said of the subject, reopened since, only possible, or itself denied: no verdict from the state.
    ("is the bakery open", "The bakery next to the closed school sells bread.", None),
    ("is the bridge open", "The bridge was closed in May but reopened in June.", None),
    ("is the bridge open", "The bridge may be closed next week.", None),
    ("is the closure permanent", "The pool was temporary.", None),
    # A state that goes on ("will stay closed"), or one to come when the question asks what is to come.
    ("is the coast road open again?", "The coast road will stay closed until at least April.", "No"),
    ("is the care home staying open", "The care home will shut on 13 December, its owner said.", "No"),
    ("is the road staying open", "The road will remain open during the works.", "Yes"),
    ("is the road open", "The road will be closed on Friday for the race.", None),  # open until then
    ("is the pub staying open", "The pub would shut if no buyer was found.", None),
    ("is the museum open?", "The museum will stay closed on Mondays.", None),  # only then
    ("is the bridge open?", "The bridge will remain closed to lorries.", None),  # only to some
    ("is the road open again?", "Police said the road would stay closed until the lorry was recovered.", None),
    ("is the school staying open?", "The school's canteen will shut on 13 December.", None),  # a thing of it
    ("is the pub staying open", "The pub will shut temporarily while repairs are made.", None),  # not for good
    ("is the library staying open", "The library will shut for two weeks for refurbishment.", None),
    ("is the pub staying open", "The pub will shut at 11pm.", None),
    ("is the bridge staying open?", "The bridge will shut on 4 May for one day.", None),
    ("is the bridge staying open?", "The bridge will shut, temporarily, for repairs.", None),
    ("is the bridge staying open?", "The bridge will shut from 8pm tonight until 6am.", None),
    ("is the bridge staying open?", "The bridge will shut at the end of each day.", None),
    ("is the bridge staying open?", "The bridge will shut next week for three days of repairs.", None),
    ("is the pub closing?", "The pub will stay open until March.", None),  # and then it may close
])
def test_the_future_by_a_decided_intention_and_a_state_by_its_opposite(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


def test_opposite_states_are_read_by_the_word_not_its_stem():
    from lang.opposites import opposite_state

    assert opposite_state("permanent", "temporary") and opposite_state("outside", "indoors")
    assert opposite_state("open", "closed") and not opposite_state("close", "open")  # "close" is also "near"


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, before, verdict", [
    # Not affected: nothing is done to it.
    ("is the mobile library getting cut as well", "The mobile library van, which visits villages, is not affected.",
     "", "No"),
    ("will the school be affected?", "The school will not be affected by the closure.", "", "No"),
    ("is the library closing?", "The mobile library is not affected.", "", None),  # another library
    # Getting into a state is being in it.
    ("did any of the swimmers get ill", "Eleven swimmers later reported stomach illness.", "", "Yes"),
    ("did anyone get hurt", "No one was hurt in the crash.", "", "No"),
    # "Others" are more of those the sentences before named.
    ("did any villagers speak in favour", "Others spoke in favour.", "Several villagers gave evidence.", "Yes"),
    ("did any villagers speak in favour", "Others spoke in favour.", "The mayor opened the meeting.", None),
    # Not decided yet.
    ("has the airport decided how many jobs will go", "How many jobs are at risk has not yet been decided, she said.",
     "", "No"),
    ("has the inspector made her decision yet", "Her decision is not expected before the spring.", "", "No"),
    ("has Ana Roth decided to run?", "Tom Lee has not decided whether to stand.", "", None),  # someone else
    ("have the shopkeepers decided to take the council to court",
     "The council has not decided whether businesses will receive compensation.", "", None),  # the council's own
    ("has the government agreed to the emergency funding",
     "The NHA said no decision had been made on whether the road would be rebuilt.", "", None),  # another thing
    # A plan asked in the present, and what is kept open or shut.
    ("is the airport closing?", "The airport will not close.", "", "No"),
    ("is the airport closing?", "Lamont said the airport would stay open for private flights.", "", "No"),
    ("is the pool open?", "The pool will remain closed until May.", "", "No"),  # closed now, and until May
    # Whether a thing will be there: said of "it" that the sentence before named; not from a sentence that denies.
    ("will there be any books at the hub", "It will keep about 4,000 books.", "The hub will offer a café.", "Yes"),
    ("will there be any books at the hub", '"A hub with a shelf of books is not a library," he said.', "", None),
])
def test_chat_yes_no_questions(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.parametrize("what, sentence, unsaid", [
    ("what will happen to the local history collection",
     "It has also not decided what will happen to the library's local history collection.", True),
    ("how much will the council pay the trust", "The council has still not said how much it will pay the trust.", True),
    ("what will happen to the local history collection", "The council decided to keep the local history collection.",
     False),
])
def test_what_is_not_decided_yet_is_not_made_known(what, sentence, unsaid):
    from qa.compose.unsaid import left_unsaid

    assert left_unsaid(what, sentence) is unsaid


def test_what_is_left_undecided_leaves_only_itself_unsaid():
    from qa.compose.unsaid import left_unsaid

    undecided = "It has also not decided what will happen to the library's local history collection."
    assert not left_unsaid("what happens to the library staff", undecided)  # the staff are not in it


@pytest.mark.integration
def test_what_befalls_a_thing_is_told_by_a_clause_that_reports_it_as_the_subject():
    from qa.compose.in_form import _befalls

    assert _befalls("the library staff", "The council said all affected staff would be offered other jobs.")
    assert not _befalls("the library staff", "The library, on Station Road, will close its doors on Saturday.")
    assert not _befalls("the farrowgate building", "Marcus Yeo said the building had always felt like the heart of "
                                                   "the company.")  # a view of it, not what befalls it


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, before, verdict", [
    # A quote that runs on over several sentences is read one sentence at a time: its "not" stays with its claim.
    ("is the countryside group against solar power?",
     '"The countryside group is not against solar power. Put it on warehouse roofs and poorer land," she said.', "",
     "No"),
    # "We" in a quote is the group its speaker speaks for, named just before; stress words add nothing.
    ("is the countryside group against solar power in general?", '"We are not against solar power," she said.',
     "The group's chair, Gillian Ashworth, spoke for the Little Aldersey Countryside Group.", "No"),
    ("is the union against the deal?", '"We are not against the deal," he said.', "The mayor spoke first.", None),
])
def test_a_quote_read_sentence_by_sentence_and_we_as_the_group(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # Not decided whether to do it: not done by now; still open for "will".
    ("has the council asked larchmont for more time",
     "The council has not decided whether it will ask Larchmont to extend the deadline, a spokesperson said.", "No"),
    ("will the council ask larchmont for more time",
     "The council has not decided whether it will ask Larchmont to extend the deadline.", None),
    ("has the union asked for more time", "The council has not decided whether it will ask for more time.", None),
    # "Enough" says how much of the thing: the thing is the beds, not "nowhere near long enough".
    ("are there enough beds nearby for everyone", '"Eight weeks is nowhere near long enough," Okafor said.', None),
    # Voted through is approved.
    ("did the council actually vote the cycle lane through", "The city council on Thursday approved a cycle lane.",
     "Yes"),
    ("did the council vote through the plan?", "The council rejected the plan on Monday.", "No"),
])
def test_not_decided_whether_to_do_it_and_enough_of_a_thing(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("what, sentence, unsaid", [
    ("when will the road reopen", "The NHA, which runs the road, said it could not yet say when it would reopen.", True),
    ("why can't they reopen the road", "The NHA closed it and said it could not yet say when it would reopen.", False),
    ("when will the firm appeal", "The firm has not said whether it will appeal.", True),
])
def test_could_not_say_leaves_unsaid_what_its_own_question_word_asks(what, sentence, unsaid):
    from qa.compose.unsaid import left_unsaid

    assert left_unsaid(what, sentence) is unsaid


def test_a_sentence_that_says_when_leaves_nothing_of_when_unsaid():
    from qa.compose.unsaid import left_unsaid

    said = ("Prothero said the evacuation order would be reviewed at 10am on Wednesday but could not say when "
            "residents would be allowed home.")
    assert not left_unsaid("when will the evacuation order be looked at again", said)


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, before, verdict", [
    # Named by its kind just before: "the company" is WWS, "the regulator" is the WSC (its acronym in brackets).
    ("has the regulator fined wws before", "The WSC fined the company £2.1 million in 2022.",
     "The Water Standards Commission (WSC), the industry regulator, said it would examine whether WWS had met its "
     "duties.", "Yes"),
    ("has the WSC fined WWS", "The WSC fined the company £2.1 million in 2022.",
     "The Water Standards Commission (WSC) said it would examine whether WWS had met its duties.", "Yes"),
    # Nothing before names WWS: "the company" may be any company.
    ("has the WSC fined WWS", "The WSC fined the company £2.1 million in 2022.", "", None),
    # "Anyone" may be anyone: words named before are no claim of theirs ("the rest coming from ticket sales").
    ("did anyone from the arts board come to hear them play", "The grant made up 40 percent of the orchestra's "
     "income, with the rest coming from ticket sales.", "It lost its grant from the National Arts Board.", None),
    # A vote for it says nothing of those who voted against.
    ("did any councillors vote against the budget", "Councillors on Thursday voted through a budget.", "", None),
    ("did councillors vote for the budget", "Councillors on Thursday voted through a budget.", "", "Yes"),
    # Outcomes that exclude each other.
    ("did the amendment pass", "The amendment was defeated by 36 votes to 29.", "", "No"),
    ("is the cash machine staying", "The cash machine outside the branch will be removed when the branch closes.",
     "", "No"),
])
def test_a_name_said_by_its_kind_a_vote_and_outcomes_that_exclude_each_other(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # Would consider it, so has not agreed to it (who decides named, or "it" for them).
    ("has the dmra agreed to a mid year review", "The department said it would consider the request for a mid-year "
                                                 "review, but has not said when it will decide.", "No"),
    ("has the council agreed to the plan", "The council is considering the plan.", "No"),
    ("has the council agreed to the plan", "The union is considering the plan.", None),  # someone else
])
def test_what_is_being_considered_has_not_been_agreed(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, open_", [
    ("is the town getting a banking hub", "He asked the bank to wait until a decision is made on whether the town "
                                          "should get a banking hub.", True),
    ("did the council close the school", "The council will decide in May whether to close the school.", True),
    ("did the council close the school", "The council closed the school, whether parents liked it or not.", False),
])
def test_a_claim_said_only_after_whether_is_not_settled(question, sentence, open_):
    assert unsettled(question, sentence) is open_


@pytest.mark.integration
@pytest.mark.parametrize("question, sentence, verdict", [
    # A clause about a noun at the end, which the small parser takes for the main one.
    ("did the council vote the cycle lane through", "Brackenford City Council on Thursday approved a cycle lane on "
     "Carlow Street, the city's main shopping street, that will remove 64 parking spaces, despite opposition.", "Yes"),
    ("did the council approve the cycle lane", "Brackenford City Council on Thursday rejected a cycle lane on Carlow "
     "Street, the city's main shopping street, that will remove 64 on-street parking spaces.", "No"),
])
def test_a_trailing_clause_about_a_noun_does_not_hide_the_main_claim(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
