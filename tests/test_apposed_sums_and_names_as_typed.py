"""Yes/no claims as news writes them: a name typed in lower case read as the claim's subject, not its verb
(qa/compose/as_statement.py); "said …, but that it would not" as reported speech (qa/compose/clauses.py); a verb
whose subject is another clause's ("the practice accepted … and apologised"); an apposition ("The Regal,
Mardlow's only cinema,": qa/compose/apposed.py); a sum or a count against the one asked (qa/compose/amounts.py);
"rather than held"; a vote with some against (qa/compose/tally.py). And an English word typed on purpose is no
typo of an article's word (lang/spelling.py); "Mrs" is no role, and a person's "who" clause hung on her home town
is hers (qa/skills/roles.py); "X blamed Y" answers why X did what the article told before (qa/skills/causes.py);
"The statue, known as the Horseman" says what the Horseman is (lang/glosses.py); "what happens next at the club?"
asks what comes next (lang/next_steps.py); "she" is the woman asked about, not the college beside her
(qa/conversation/); "bit postwoman" is no role, "what did she tell the court?" asks what she said, and a "he said" is
not Mrs Gilmour (qa/skills/roles.py, lang/forms.py, qa/skills/speakers.py)."""
from __future__ import annotations

import pytest

from lang.spelling import Speller, english_words
from qa.compose.amounts import amount_verdict
from qa.compose.apposed import apposed
from qa.compose.as_statement import as_statement
from qa.compose.tally import unanimous
from qa.compose.yesno import yes_no
from qa.skills.entities import entities
from qa.skills.roles import shown_role
from test_people_kinds import article

RENT = 'Verrill said the company "would much rather see a cinema there than an empty unit", but that it would not lower the rent.'
SORRY = ('Dr Okafor said the practice accepted that "the phones have not been good enough" and apologised to '
         'patients.')
REGAL = ("MARDLOW — The Regal, Mardlow's only cinema, will show its last film on Sunday, 2 February after its "
         "landlord doubled the rent.")
RAISED = "By Friday the society had raised £138,000 from 1,140 investors."
DEPOSITS = ("Under the sale contracts, deposits were paid directly to Ashlane rather than held in a protected "
            "account.")


def test_a_name_typed_in_lower_case_is_the_claims_subject_not_its_verb():
    claim = as_statement("will castlegate lower the rent?")
    root = next(t for t in claim if t.dep_ == "ROOT")
    assert root.text == "lower" and [c.text for c in root.children if c.dep_ == "nsubj"] == ["castlegate"]
    assert as_statement("what is the rent?") is None  # no yes/no question
    assert yes_no("will castlegate lower the rent?", RENT) == "No"  # "but that it would not": reported, denied
    assert yes_no("will castlegate lower the rent?", "Castlegate said it would lower the rent in May.") == "Yes"


def test_a_verb_whose_subject_another_clause_holds():
    assert yes_no("did the practice apologise", SORRY) == "Yes"
    assert yes_no("Did prices rise?", "Prices fell in March and rose in April.") is None  # both outcomes told
    # The other clause's subject is someone else: the one asked about is only its object.
    assert yes_no("did the mayor resign", "The deputy mayor criticised the mayor and resigned.") is None
    assert yes_no("did the school apologise", "Parents wrote to the school and later apologised.") is None


@pytest.mark.parametrize("question, sentence, expected", [
    ("is the regal the only cinema in mardlow", REGAL, True),
    ("is the regal the only cinema in brantham", REGAL, False),  # another town
    ("is the regal the biggest cinema in mardlow", REGAL, False),  # not what it is called
    ("was Smith the club chairman?", "Tom Smith, the club chairman, said nothing.", True),
    ("is smith the chairman", "The chairman, Tom Smith, resigned.", True),
    ("is jones the chairman", "The chairman, Tom Smith, resigned after Jones complained.", False),
    ("is smith the chairman", "After meeting Smith, the chairman, Tom Jones, said no.", False),  # not Smith
    ("is the regal the only cinema in mardlow", "The Regal, Mardlow's only cinema, will close.", True),
    ("is the regal the only cinema in mardlow", "MARDLOW — The Regal, once Mardlow's only cinema, will close.", False),
    ("is the regal the only cinema in mardlow", "The Regal, Mardlow's only independent cinema, will close.", False),
    ("is smith the mayor", "Councillor Jane Smith, the deputy mayor, opened the fete.", False),
    ("is smith the mayor", "The deputy mayor, Jane Smith, opened the fete.", False),
    ("is smith the chairman", "Tom Smith, the former chairman, said no.", False),
    ("is smith a councillor", "Tom Smith, a former councillor, said no.", False),
    ("is smith the chairman", "The chairman, Smith's deputy Tom Jones, said no.", False),  # Smith's, not Smith
    ("is smith the chairman of the club", "Tom Smith, the chairman of the club, said no.", True),
])
def test_an_apposition_says_what_a_name_is(question, sentence, expected):
    assert apposed(question, sentence) is expected


def test_an_apposition_answers_yes_though_the_sentence_tells_of_a_plan():
    assert yes_no("is the regal the only cinema in mardlow", REGAL) == "Yes"


@pytest.mark.parametrize("question, sentence, expected", [
    ("has the society already raised the full £350,000", RAISED, "No"),
    ("has the society raised £350,000", "It aims to raise £350,000 by 31 March.", None),  # only an aim
    ("did the society raise more than £100,000", RAISED, "Yes"),
    ("did the society raise more than £200,000", RAISED, "No"),
    ("did the society raise £100,000", RAISED, None),  # it did, and more: not for a sum to say
    ("did the club pay players £50,000", "The club paid nine players £38,400 through a company.", "No"),
    ("did the council raise £1m", RAISED, None),  # another body's sum
    ("did they spend less than £2m on it", "The council spent £1.5m on the bridge.", "Yes"),
    ("was keith darrowby chairman for more than 10 years",
     "Keith Darrowby, who had been chairman for eleven years, stepped down on Friday morning.", "Yes"),
    ("was keith darrowby chairman for more than 20 years",
     "Keith Darrowby, who had been chairman for eleven years, stepped down on Friday morning.", "No"),
    # Two counts: which one is of the deed is not read.
    ("did fewer than 50 households get a call", "Of 118 households on the register, only 47 received a call.", None),
    ("did the society raise at least £138,000", RAISED, "Yes"),
    ("did the council spend more than £1m", "The council spent more than £1.5m on the bridge.", "Yes"),
    ("were more than 100 homes cut off", "About 2,340 homes were cut off.", "Yes"),
    # Another sum beside it, a rate, a doer the other way round, a ceiling, a count hoped for or to come.
    ("has the society raised the full £350,000",
     "The society, which raised £138,000 last year, has now raised the full £350,000.", None),
    ("has the society raised £350,000", "The society raised £138,000 in its first week, bringing its total to £360,000.",
     None),
    ("did the club pay £50,000 for the striker", "The club paid £30,000 for the goalkeeper and £50,000 for the striker.",
     None),
    ("did the developer pay the council £50,000", "The council paid the developer £30,000.", None),
    ("was the consultant paid more than £20,000", "The consultant was paid £900 a day for seven months.", None),
    ("did the council spend less than £2m", "The council spent up to £2m on the bridge.", None),
    ("did more than 100 people attend the protest", "Organisers had hoped 500 people would attend the protest.", None),
    ("were more than ten jobs lost", "Up to 40 jobs could be lost, the union warned.", None),
    ("was the bridge closed for more than two weeks", "The bridge will be closed for three weeks from Monday.", None),
    ("did fewer than 10 councillors vote for it", "Eight councillors voted against it.", None),
    ("did more than 50 people sign the petition", "Hundreds signed the petition, but only 40 people attended.", None),
])
def test_a_sum_or_a_count_against_the_one_asked(question, sentence, expected):
    assert amount_verdict(question, sentence) == expected


def test_a_count_asked_against_is_not_answered_by_a_sentence_that_ignores_it():
    assert yes_no("did more than 50 people sign the petition", "A dozen people signed the petition.") is None
    assert yes_no("has the society raised £350,000", "It aims to raise £350,000 by 31 March.") is None  # an aim


def test_the_one_passed_over_is_denied():
    assert yes_no("were the deposits held in a protected account", DEPOSITS) == "No"
    assert yes_no("were the deposits held in a protected account",
                  "Deposits were paid to Ashlane rather than being held in a protected account.") == "No"
    assert yes_no("were the deposits paid to Ashlane", DEPOSITS) == "Yes"


@pytest.mark.parametrize("sentence, expected", [
    ("Councillor Derek Hollins, one of the three trustees who voted against, said he accepted it.", "No"),
    ("Two councillors voted against the plan.", "No"),
    ("No councillors voted against.", None),
    ("No one voted against the plan.", None),
    ("None of the 12 councillors voted against.", None),
    ("In 2019 councillors voted against a similar scheme, but on Tuesday the plan was approved.", None),  # another vote
    ("The council voted against the plan.", None),  # the whole council, maybe
    ("The council voted unanimously against the plan.", "Yes"),
])
def test_some_who_voted_against_is_no_unanimous_vote(sentence, expected):
    assert unanimous("was the trustees vote unanimous", sentence) == expected


def test_an_english_word_typed_on_purpose_is_no_typo_of_an_articles_word():
    assert "gist" in english_words() and "lincoln" not in english_words()  # a name WordNet writes with a capital
    speller = Speller(["gust", "haskett"])
    assert speller.correct("gist") is None
    assert speller.correct("hasket") == "haskett"  # a name's typo still is one


def test_a_courtesy_title_is_no_role_and_a_who_clause_on_her_town_is_hers():
    text = ("Among those who did not was Doreen Haskett, 81, of Kelsby, who relies on an oxygen concentrator at "
            "home. \"If Craig hadn't come round, I don't know what would have happened,\" Mrs Haskett said.\n")
    doc = article(text)
    haskett = next(e for e in entities(doc) if e.name == "Doreen Haskett")
    start, end = shown_role(doc, haskett)
    assert text[start:end] == "Doreen Haskett, 81, of Kelsby, who relies on an oxygen concentrator at home"
    text = "\"We were told nothing,\" Mrs Haskett said.\n"
    assert next(e for e in entities(article(text)) if "Haskett" in e.name).role == ""
    assert next(e for e in entities(article("Mr and Mrs Reed said they were shocked.\n"))).role == ""
    text = "Tom Reed, of the family who founded the brewery in 1840, said the pub would stay open.\n"
    assert next(e for e in entities(article(text)) if e.name == "Tom Reed").role.startswith("of the family")


BUILDER = """# Builder collapses leaving flats unfinished

WENDLOW — Buyers of 30 flats at Millgate Court in Wendlow have been left without homes after the builder, Corran
Developments, went into administration on Monday.

Corran blamed soaring energy bills and the loss of its biggest contract last autumn. Its chairman, Alan Reeve, said
the firm had tried every option.

The landmark, known as the Copper Tower, was meant to be finished in May.

The residents' group has raised £21,000 towards legal costs.

The administrators will meet Corran's creditors on 3 March. The buyers' group will ask the council for help at its next
meeting.
"""


def test_a_known_as_name_is_the_thing_it_names():
    from lang.glosses import gloss

    text = "The vote was close. The statue, known as the Horseman of Nsaro, is 1.2 metres tall."
    assert gloss("Horseman of Nsaro", text).text == "The statue"
    assert gloss("Project Fear", "He said, known as Project Fear.") is None  # no thing named before it
    # The phrase that opens the sentence, not its last noun ("the river").
    assert gloss("Brown's Mill", "The old mill by the river, known as Brown's Mill, was sold.").text == \
        "The old mill by the river"
    # What is done under a system known by the name is what the name is.
    text = "The vote was close. Most streetlights will be turned off overnight under a system known as part-night lighting."
    assert gloss("part-night lighting", text).text == "Most streetlights will be turned off overnight"
    assert gloss("virtual wards", "Patients are treated at home under a scheme called virtual wards.").text == \
        "Patients are treated at home"
    assert gloss("part-night lighting", "Areas where part-night lighting was introduced saw no rise in crime.") is None
    assert gloss("phonics", "Pupils at Carrow Primary are taught to read in a method known as phonics.") is None
    assert gloss("Fast Track", "Carrow General Hospital is one of 12 in a programme known as Fast Track.") is None
    assert gloss("Clean Air", "Mr Reed said he was proud of the work done under a scheme known as Clean Air.") is None
    assert gloss("Project Fear", "# Campaign row\n\nLONDON — Critics attacked the Remain campaign through a method dubbed "
                                 "Project Fear.") is None  # not in the passive: what critics did
    assert gloss("ULEZ", "Mr Khan was re-elected after expanding charges under a scheme known as ULEZ.") is None
    assert gloss("hospital at home", "It is not clear how many beds will be freed under a scheme known as hospital "
                                     "at home.") is None
    assert gloss("fast-track", "Applicants who are not British get visas through a process known as fast-track.") is None


@pytest.mark.integration
def test_blame_a_known_as_name_what_comes_next_and_a_sum_short_of_the_one_asked(tmp_path, embedder):
    from support import service_on
    from test_answer import assert_citations_are_exact

    service, texts = service_on(tmp_path, embedder, "builder.md", BUILDER)
    why = service.answer("why did corran developments go into administration")
    assert "soaring energy bills" in why.text
    assert_citations_are_exact(why, texts)
    tower = service.answer("what is the copper tower")
    assert tower.short is not None and tower.short.text == "The landmark"
    ahead = service.answer("what happens next at corran developments")
    assert "3 March" in ahead.text  # what comes next ("at" the builder), not the sentence after the first
    raised = service.answer("has the residents group raised more than £50,000")
    assert raised.text.startswith("No") and "£21,000" in raised.text
    assert_citations_are_exact(raised, texts)


def test_a_firms_founder_or_chief_executive_is_its_boss_a_treasurer_is_not():
    from qa.skills.speakers import called, known_as

    text = ("Ashlane Homes went into administration. Its founder and managing director, Keith Dunmore, said the "
            "firm had run out of road. The club's treasurer, Angela Prewett, said she had warned the board.\n")
    doc = article(text)
    found = {e.name: e for e in entities(doc)}
    assert known_as({"boss"}, called(doc, found["Keith Dunmore"]))
    assert not known_as({"boss"}, called(doc, found["Angela Prewett"]))
    text = "Mills Ltd closed. Its former chief executive, Ruth Dale, said sorry. Its founder, Ian Cole, said nothing.\n"
    doc = article(text)
    found = {e.name: e for e in entities(doc)}
    assert not known_as({"boss"}, called(doc, found["Ruth Dale"])) and not known_as({"boss"}, called(doc, found["Ian Cole"]))


def test_what_is_blamed_is_for_the_deed_asked_about():
    from qa.skills.causes import _BLAMES, _for_the_deed

    assert _BLAMES.match("He blamed the council for failing to protect buyers.") is None  # who is "he"?
    assert _for_the_deed(" a subcontractor for the accident.", {"go"}) is False
    assert _for_the_deed(" soaring energy bills and the loss of its biggest contract.", {"go"}) is True


def test_she_is_the_woman_asked_about_not_the_college_named_beside_her():
    from qa.conversation.followup import resolve
    from qa.conversation.turn_names import focus

    said = ("A lecturer in history at Holtby College. The campaign began in 2022, when Dr Amara Quist, a lecturer in "
            "history at Holtby College, launched the petition. [1]")
    assert focus("who is amara quis", said) == ["Dr Amara Quist"]  # her first name as typed, past her title
    history = [{"role": "user", "content": "who is amara quis"}, {"role": "assistant", "content": said}]
    assert resolve("what did she say about the vote", history).searched == "what did Dr Amara Quist say about the vote"
    history = [{"role": "user", "content": "what did holtby college announce"},
               {"role": "assistant", "content": "Holtby College said Dr Amara Quist would lead the review. [1]"}]
    assert resolve("what did she say about the vote", history).searched == "what did Dr Amara Quist say about the vote"
    history = [{"role": "user", "content": "who runs the lab"},
               {"role": "assistant", "content": "It is run by Holtby College. [1]"}]
    # No one else named: the college is what is left (as before).
    assert "Holtby College" in resolve("what did she say about the vote", history).searched


def test_a_past_tense_before_a_role_is_no_part_of_it_and_he_is_no_mrs():
    from lang.forms import Kind, form
    from qa.skills.speakers import statements

    text = ("The court heard that the dog ran out of an open gate and bit postwoman Heather Gilmour on the arm. Mrs "
            "Gilmour, 47, was off work for six weeks. \"I still check every garden,\" she said. The judge said the "
            "gate had been left open. \"This was preventable,\" he said.\n")
    doc = article(text)
    assert next(e for e in entities(doc) if e.name == "Heather Gilmour").role == "postwoman"
    said = {s.line.text.strip(): s.speaker.name for s in statements(doc)}
    assert said.get("\"I still check every garden,\" she said.") == "Heather Gilmour"
    assert said.get("\"This was preventable,\" he said.") != "Heather Gilmour"  # "he" is not Mrs Gilmour
    asked = form("what did heather gilmour tell the court")
    assert asked is not None and asked.kind is Kind.OPINION


def test_a_verb_done_to_an_end_is_told_an_aim_is_not():
    assert yes_no("will greyline hire temp drivers to cover the strike",
                  "Greyline said it would not use agency drivers to cover the strike.") == "No"
    assert yes_no("has the society raised £350,000", "The society hopes to raise £350,000 by 31 March.") is None


def test_a_specialist_or_a_professor_is_the_expert_a_chat_asks_for_a_treasurer_is_not():
    from lang.motives import asks_motive
    from lang.normalize import shorthand_spelled
    from qa.skills.speakers import called, known_as

    text = ("Wall paintings were found at the inn. Dr Priya Latham, a specialist in medieval art at Carrowmead "
            "University, said they were rare. The club's treasurer, Angela Prewett, said she was delighted.\n")
    doc = article(text)
    found = {e.name: e for e in entities(doc)}
    assert known_as({"university", "expert"}, called(doc, found["Priya Latham"]))
    assert not known_as({"expert"}, called(doc, found["Angela Prewett"]))
    assert shorthand_spelled("what does the uni expert say") == "what does the university expert say"
    assert asks_motive("why does the uni expert reckon the paintings are special") == ("the uni expert",
                                                                                        "the paintings are special")
