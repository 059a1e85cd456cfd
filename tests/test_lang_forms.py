"""lang/forms.py, lang/dates.py, lang/acronyms.py, lang/spelling.py: the question forms the answer skills answer,
dates resolved against the article, acronyms spelled out, names typed with a typo."""
from __future__ import annotations

import datetime as dt

import pytest

from lang.acronyms import expansion
from lang.dates import DAY, MONTH, YEAR, anchors, find_dates, is_dateline
from lang.forms import Kind, form
from lang.list_forms import ANY, ORGANISATION, PERSON, PLACE, SPEAKER
from lang.spelling import closest, same_word
from lang.normalize import shorthand_spelled


@pytest.mark.parametrize("question, kind, subject", [
    ("Summarize the article", Kind.SUMMARY, ""),
    ("tl;dr", Kind.SUMMARY, ""),
    ("What is this story about?", Kind.SUMMARY, ""),
    ("give me the gist of the ferry story", Kind.SUMMARY, "ferry"),
    ("Give me a timeline of the events", Kind.TIMELINE, ""),
    ("What happened on May 3?", Kind.TIMELINE, "May 3"),
    ("What happened after the vote in Lakeside?", Kind.AFTER, "the vote in Lakeside"),
    ("what happens after the cull", Kind.AFTER, "the cull"),  # asked of what is still to come
    ("in a couple of sentences what happened at redlands farm", Kind.SUMMARY, "redlands farm"),
    ("what happened at the farm, in order", Kind.TIMELINE, ""),
    ("What is the IAEA?", Kind.DEFINE, "IAEA"),
    ("what does WHO stand for", Kind.DEFINE, "WHO"),
    ("What does the term subsidiarity refer to?", Kind.DEFINE, "subsidiarity"),
    ("who is brandt", Kind.WHO_IS, "brandt"),
    ("What does the mayor think about the bridge?", Kind.OPINION, "the mayor"),
    # A feeling is a view the article reports.
    ("what is Ilse Brandt worried about", Kind.OPINION, "Ilse Brandt"),
    ("What are the fishermen angry about?", Kind.OPINION, "the fishermen"),
    ("what's Dr Mira Oduya's advice", Kind.OPINION, "Dr Mira Oduya"),
    ("what does the inspector think caused it", Kind.OPINION, "the inspector"),
    # Which story is meant, said after the question, is not part of the term or the name asked about.
    ("What does the IAEA refer to in the nuclear story?", Kind.DEFINE, "IAEA"),
    ("What is meant by a levee in this article?", Kind.DEFINE, "levee"),
    ("Who is Ilse Brandt in the ferry story?", Kind.WHO_IS, "Ilse Brandt"),
    # More ways people ask the same.
    ("what's the story", Kind.SUMMARY, ""),
    ("what is the study about?", Kind.SUMMARY, "study"),  # a story named by a common noun
    ("what does the article say about Turkey?", Kind.MENTION, "Turkey"),
    ("what is said about the ferry", Kind.MENTION, "the ferry"),
    ("give me an overview", Kind.SUMMARY, ""),
    ("What are the main points?", Kind.SUMMARY, ""),
    ("tell me about this article", Kind.SUMMARY, ""),
    ("what's going on in the ferry story", Kind.SUMMARY, "ferry"),
    ("walk me through the events", Kind.TIMELINE, ""),
    ("whats the IAEA", Kind.DEFINE, "IAEA"),
    ("what kind of group is the BSA?", Kind.DEFINE, "BSA"),
    ("IAEA meaning", Kind.DEFINE, "IAEA"),
    ("what is Ilse Brandt's job?", Kind.WHO_IS, "Ilse Brandt"),
    ("What does Ilse Brandt do?", Kind.WHO_IS, "Ilse Brandt"),
    ("what does brandt do", Kind.WHO_IS, "brandt"),  # typed in lower case: the skill finds out if it is a name
    ("what's Ilse Brandt's take on the ferry?", Kind.OPINION, "Ilse Brandt"),
    ("who runs the IAEA?", Kind.WHO_IS, "head of IAEA"),
    ("what do analysts think will happen?", Kind.OPINION, "analysts"),
    ("what does the economist expect?", Kind.OPINION, "the economist"),  # a forecast is a view too
    ("what does the union blame for the delays", Kind.OPINION, "the union"),  # whom one blames is a view too
    ("Who is in charge of the ferry company?", Kind.WHO_IS, "head of ferry company"),
    # Whether the article mentions something at all.
    ("is Brandt mentioned anywhere?", Kind.MENTION, "Brandt"),
    ("does the article mention the IAEA", Kind.MENTION, "the IAEA"),
    ("Is there anything about the ferry in the story?", Kind.MENTION, "the ferry"),
    ("how many times is Weber mentioned in the article?", Kind.MENTION, "Weber"),
    # When they said it is not what it was about: all they said.
    ("what did Keelan say after the ruling", Kind.OPINION, "Keelan"),
    # A length asked for is a summary's.
    ("what happened with the mayor, in a few sentences", Kind.SUMMARY, "mayor"),
    ("explain the ferry story in three sentences", Kind.SUMMARY, "ferry"),
    ("weir story in a couple of sentences pls", Kind.SUMMARY, "weir"),
    ("whats the ferry article about in a couple sentences", Kind.SUMMARY, "ferry"),
    ("summarize it in 3 bullet points", Kind.SUMMARY, ""),
    ("summary of the 2019 floods", Kind.SUMMARY, "2019 floods"),
    ("what happened at the ferry company? short summary pls", Kind.SUMMARY, "ferry company"),
    ("whats the ferry story about, short version", Kind.SUMMARY, "ferry"),
    ("what happened with the mayor, short version", Kind.SUMMARY, "mayor"),
])
def test_question_forms(question, kind, subject):
    f = form(question)
    assert f is not None and f.kind is kind and f.subject == subject


@pytest.mark.parametrize("question", ["who won, briefly", "what did the mayor say, in short",
                                      "what is the version of the software"])
def test_a_length_hint_after_a_single_fact_question_does_not_make_it_a_summary(question):
    f = form(question)
    assert f is None or f.kind is not Kind.SUMMARY


@pytest.mark.parametrize("question, entity", [("List the people in the story", PERSON),
                                              ("who is quoted in the story?", SPEAKER),
                                              ("who said what", SPEAKER),
                                              ("how many countries are mentioned?", PLACE),
                                              ("Which organisations are mentioned?", ORGANISATION),
                                              ("which countries are mentioned in the article", PLACE),
                                              ("list everyone named in the story", PERSON),
                                              ("which groups and parties are mentioned", ORGANISATION),
                                              ("which people and companies are in the story", ANY)])
def test_entity_lists_by_kind(question, entity):
    f = form(question)
    assert f is not None and f.kind is Kind.ENTITIES and f.entity == entity


@pytest.mark.parametrize("question, story, sort", [
    ("which unions are mentioned", "", "union"), ("which hospitals and groups are named in the merger article", "merger", ""),
    ("what groups or organisations come up in the pool article", "pool", ""), ("what companies are involved", "", ""),
    ("which charities appear in the story", "", "charity"), ("what organisations does it mention", "", ""),
    ("what organisations does the snow leopard story mention", "snow leopard", ""),
    ("which organisations are quoted in the flood story", "flood", ""), ("which orgs are mentioned in the ferry story", "ferry", ""), ("which schools are mentioned in the pool story", "pool", "school"),
])
def test_a_sort_of_organisation_is_listed_as_organisations_of_that_sort(question, story, sort):
    f = form(question)
    assert f is not None and f.kind is Kind.ENTITIES and f.entity == ORGANISATION
    assert (f.subject, f.topic) == (story, sort)


def test_a_sort_of_organisation_that_did_something_asks_a_fact():
    assert form("which unions voted for the strike") is None


@pytest.mark.parametrize("question", ["Which people were arrested?", "How many people died?", "When did the bridge open?",
                                      "Why did the mayor resign?", "Did the council approve the bridge?",
                                      "What is the bridge made of?", "What does the council do?", "What did Brandt do?",
                                      "the hidden meaning", "Was the treaty discussed?",
                                      "What is it about the mine that is unusual?", "What happened in Portugal?",
                                      "Who was the show hosted by?", "What is the Domesday Book about?",
                                      "What does the company expect to earn?"])
def test_single_fact_questions_have_no_special_form(question):
    assert form(question) is None


def test_the_opinion_asked_about_keeps_speaker_and_topic():
    f = form("What did Weber say about the price?")
    assert (f.kind, f.subject, f.topic) == (Kind.OPINION, "Weber", "the price")
    # A study or a report is no speaker: what it said is a finding, read from the sentences themselves.
    assert form("what did the 2022 survey say about the tower") is None
    assert form("What does the council's review say?") is None


def test_relative_dates_resolve_against_the_date_before_them_and_the_article():
    published = dt.date(2023, 11, 6)
    first = find_dates("The minister visited Lyon on August 22.", published)
    assert [(d.text, d.value, d.precision, d.relative) for d in first] == [("August 22", dt.date(2023, 8, 22), DAY, False)]
    nxt = find_dates("His plane crashed the next day.", published, first[-1])
    assert (nxt[0].text, nxt[0].value, nxt[0].relative) == ("the next day", dt.date(2023, 8, 23), True)
    later = find_dates("The meeting took place a month later.", published, nxt[-1])
    assert (later[0].value.month, later[0].precision) == (9, MONTH)
    tuesday = find_dates("The council voted on Tuesday.", published)  # 2023-11-06 is a Monday
    assert tuesday[0].value == dt.date(2023, 10, 31)
    assert find_dates("They met in January 2017.", published)[0].label() == "January 2017"
    assert find_dates("It grew in 2019-2020.", published)[0].precision == YEAR


def test_a_date_after_the_article_is_last_years():
    assert find_dates("It opened on December 12.", dt.date(2024, 1, 10))[0].value == dt.date(2023, 12, 12)


def test_a_day_without_its_year_is_the_one_closest_to_the_article_and_a_plan_looks_ahead():
    published = dt.date(2026, 3, 13)
    assert find_dates("A second strike is planned to start on 30 March.", published)[0].value == dt.date(2026, 3, 30)
    assert find_dates("The union met on September 28.", published)[0].value == dt.date(2025, 9, 28)
    # A weekday or a month that the clause plans for is the next one, not the one just past (13 March is a Friday).
    assert find_dates("The walkout is due to end on Sunday.", published)[0].value == dt.date(2026, 3, 15)
    assert find_dates("The walkout ended on Sunday.", published)[0].value == dt.date(2026, 3, 8)
    assert find_dates("The union will ballot members again in April.", published)[0].value == dt.date(2026, 4, 1)
    assert find_dates("The union balloted members in April.", published)[0].value == dt.date(2025, 4, 1)


def test_the_next_day_counts_from_a_date_something_happened_on_not_one_still_to_come():
    published = dt.date(2026, 3, 13)
    said = "In October, the company said sailings would fall from six to four from 1 April."
    october, april = find_dates(said, published)
    assert anchors(said, october, published) and not anchors(said, april, published)  # 1 April is still to come
    later = find_dates("Two weeks later, it offered a pay rise.", published, october)
    assert later[0].value.month == 10
    # A plan told with "would" that has since happened still anchors: "he would visit on August 22".
    visit = "He would visit Benghazi on August 22."
    assert anchors(visit, find_dates(visit, dt.date(2023, 11, 6))[0], dt.date(2023, 11, 6))
    due = "The walkout is due to end on Sunday."
    assert not anchors(due, find_dates(due, published)[0], published)


def test_a_date_line_under_a_headline_dates_the_article():
    from lang.dates import dateline

    head = "Ferry crews walk out as the line cuts sailings\nPublished 13 March 2026\n\nFerry services were halted."
    assert dateline(head, dt.date(2026, 12, 1)) == (dt.date(2026, 3, 13), True)
    mention = find_dates(head, dt.date(2026, 12, 1))[0]
    assert is_dateline(head, mention)


def test_acronyms_are_spelled_out_as_the_text_gives_them():
    text = "The International Atomic Energy Agency (IAEA) said on Monday. Later the IAEA confirmed it."
    assert expansion("IAEA", text).text == "International Atomic Energy Agency"
    text = "Inspectors of the state Department of Transportation (DOT) closed the road."
    assert expansion("DOT", text).text == "Department of Transportation"
    found = expansion("GIS", "A report by Geopolitical Intelligence Services, the (GIS) company.")
    assert found.text == "Geopolitical Intelligence Services"
    assert expansion("LNA", "Haftar's LNA forces hold the east.") is None


def test_an_acronym_said_to_be_the_short_form_of_the_words_before_it_is_spelled_out_in_any_case():
    text = "The council will consult on a public spaces protection order, or PSPO, that would ban fires."
    assert expansion("PSPO", text).text == "public spaces protection order"
    text = "The case went to the federation's Fair Play Commission, known as the FPC, which will meet."
    assert expansion("FPC", text).text == "Fair Play Commission"
    assert expansion("TUB", "They imposed a temporary use ban (TUB) in May.").text == "temporary use ban"
    # "or" between two words is no short form: "asked, or WHO" spells nothing.
    assert expansion("WHO", "Who pays, he asked, or WHO, nobody knows.") is None


def test_names_typed_with_a_typo_are_the_names_written():
    assert same_word("Prigozhn", "Prigozhin") and same_word("Lindquist", "Lindqvist") and same_word("dafur", "Darfur")
    assert not same_word("Lee", "Lea")  # short names must match exactly
    assert not same_word("Brandt", "Grandt")  # a different first letter is another name
    assert closest("Weberr", ["Weber", "Brandt"]) == "Weber"
    assert closest("Nordbau", ["Weber"]) is None


def test_a_letter_typed_out_of_place_in_a_longer_name_is_still_the_name():
    from lang.spelling import Speller

    assert same_word("Tomhpson", "Thompson") and same_word("Marsdne", "Marsden")  # one letter moved: two edits
    assert not same_word("Carol", "Coral")  # two letters swapped: another name
    assert not same_word("Marion", "Mraino") and not same_word("Amir", "Mira")  # too far; another first letter
    assert not same_word("Lena", "Lane")  # short words: one edit only
    speller = Speller.of_terms(["thompson", "harbour", "marsden"])
    assert speller.fix("What was Tomhpson's job called?") == "What was Thompson's job called?"
    assert speller.fix("who is dr marsdne") == "who is dr marsden"


def test_the_speller_corrects_rare_words_to_the_articles_words_but_never_a_common_word():
    from lang.spelling import Speller

    speller = Speller.of_terms(["prigozhin", "jonathan_winer", "tobruk", "port"], common=frozenset({"winner"}))
    assert speller.fix("what is Prigozhn's job") == "what is Prigozhin's job"
    assert speller.fix("who is the winner in tobrук") == "who is the winner in tobrук"  # common; other script
    assert speller.fix("ships in Tobrku?") == "ships in Tobruk?"
    assert speller.fix("Who is Angela Merkel?") == "Who is Angela Merkel?"  # nothing close: left as typed


def test_a_common_word_typed_as_a_name_or_inside_a_name_is_read_as_the_articles_name():
    from lang.spelling import Speller

    speller = Speller.of_terms(["harold_brandt", "brand", "janet_coyle", "janet", "court"],
                               common=frozenset({"brant", "coil", "court", "courts"}))
    # A capital inside the question marks a name: the common word "Brant" is the articles' Brandt, never "brand".
    assert speller.fix("Why did Judge Brant disagree?") == "Why did Judge Brandt disagree?"
    # After a name's first word, the typo budget is the whole name's: "janet coil" is two letters from it.
    assert speller.fix("who is janet coil") == "who is janet coyle"
    # Lower case and not after a name word, a common word stays as typed; so does a capital at the start.
    assert speller.fix("is brant a bird") == "is brant a bird"
    assert speller.fix("Brant said what?") == "Brant said what?"
    # In a title-cased question a capital says nothing.
    assert speller.fix("Who Is The Brant Of The Courts") == "Who Is The Brant Of The Courts"


def test_a_term_is_explained_by_the_clause_the_text_puts_right_after_it():
    from lang.glosses import gloss

    text = ("Redhaven added a 10 percent sell-on clause, which gives Sarrant a share of any future fee. "
            "Work on the quay, a 120-metre concrete pier, starts soon. The deal was signed on Monday.")
    found = gloss("sell-on clause", text)
    assert found.text == "gives Sarrant a share of any future fee" == text[found.start:found.end]
    assert gloss("quay", text).text == "a 120-metre concrete pier"
    assert gloss("A sell-on clause", "A sell-on clause is a promise of part of a future fee.").text == \
        "a promise of part of a future fee"
    assert gloss("deal", text) is None  # named, never explained
    assert gloss("clause", "The sell-on clauses were dropped.") is None  # another word, not the term
    # A term in quotes explained after a dash, over the commas, asked in the singular.
    called = 'It did nothing about what drivers call "split shifts" — days on which a driver works the rush, ' \
             'is sent home unpaid, and then returns. They struck.'
    assert gloss("split shift", called).text == \
        "days on which a driver works the rush, is sent home unpaid, and then returns"
    assert gloss("deal", "He signed the deal — and left.") is None  # a dash that goes on with the sentence


def test_an_acronym_never_spelled_out_is_described_by_the_words_before_it():
    from lang.acronyms import descriptor
    from lang.tagging import parse

    text = ("Inspectors from the UN nuclear watchdog IAEA visited the plant. Both the state rail agency SRA and "
            "the coastal rescue service KRS were told. The company's auditor KPMG declined to comment. "
            "Officials said the IRS would audit the firm.")
    parsed = parse(text)
    for acronym, want in [("IAEA", "UN nuclear watchdog"), ("SRA", "state rail agency"),
                          ("KRS", "coastal rescue service"), ("KPMG", "company's auditor")]:
        found = descriptor(parsed, acronym)
        assert found is not None and found.text == want and text[found.start:found.end] == want
    assert descriptor(parsed, "IRS") is None  # "the IRS": nothing describes it
    assert descriptor(parse("Marshal Ruiz's NDF forces took the city."), "NDF") is None  # a name is no description
    found = descriptor(parse("The outbreak of H5N1 avian influenza was confirmed."), "H5N1")  # a code: its kind after it
    assert found is not None and found.text == "avian influenza"
    for text, code in [("Drivers on the M6 motorway were stuck.", "M6"), ("G20 leaders met in Rome.", "G20"),
                       ("Patients were given COVID-19 booster jabs.", "COVID-19"), ("He joined an F1 team.", "F1")]:
        assert descriptor(parse(text), code) is None  # no kind told: what it gathers, or a thing of its


def test_a_short_word_the_articles_use_elsewhere_is_a_typo_inside_a_name_they_write_otherwise():
    from lang.spelling import Speller

    # "lui" is a word of the articles (the stem of "Luis"), but after "karen" it can only be Karen Liu.
    speller = Speller.of_terms(["karen_liu", "karen", "liu", "lui", "luis_moreno"])
    assert speller.misnamed("karen", "lui") == ["liu"]
    assert speller.fix("who is karen lui") == "who is karen liu"
    assert speller.misnamed("karen", "liu") == []  # the name as written
    assert speller.fix("karen said what") == "karen said what"  # a word that is no slip of the name stays
    assert speller.fix("who is luis moreno") == "who is luis moreno"


def test_a_purpose_that_restates_the_question_does_not_explain_it():
    from lang.reasons import explains
    from lang.words import terms

    asked = set(terms("Why does Russia want a port in Libya?"))
    assert explains("Russia aims to open a military port in Tobruk.")  # a purpose, asked nothing
    assert not explains("Russia aims to open a military port in Tobruk.", asked)  # only what was asked
    assert explains("If Russia gets ports there, it will get the opportunity to spy on Europe.", asked)
    road = set(terms("Why did the council close the road?"))
    assert explains("The council closed the road; it aims to reduce traffic.", road)


def test_what_a_dispute_was_over_is_its_cause_but_not_a_time_or_a_place():
    from lang.reasons import explains
    from lang.rules import gives_reason

    assert explains("Nurses began a strike after talks collapsed over staffing levels and pay.")
    assert explains("The mayor resigned over his expenses.")
    assert not explains("There were three strikes over the past year.")
    assert not explains("The new bridge runs over the river.")
    assert not gives_reason("The mayor resigned over his expenses.")  # the judge's narrower signal is unchanged


def test_a_surname_typed_as_it_sounds_after_the_first_name_is_the_articles_name():
    from lang.spelling import Speller

    speller = Speller.of_terms(["aldous_fenwright", "aldous", "fenwright", "fennel"])
    assert speller.fix("who's aldous fenwrite") == "who's aldous fenwright"
    assert speller.fix("who's aldous fletcher") == "who's aldous fletcher"  # far off: another man
    assert Speller.of_terms(["al_gore", "al", "gore"]).fix("al gorr") == "al gore"


def test_a_name_word_typed_as_it_sounds_after_its_first_name_is_the_articles_name_but_not_a_short_or_far_one():
    from lang.spelling import Speller

    speller = Speller.of_terms(["nadia_fenwright", "nadia", "fenwright", "colin_marsh", "colin", "marsh", "march"])
    assert speller.fix("who is nadia fenwrite") == "who is nadia fenwright"  # fourteen letters: two edits, three here
    assert speller.fix("what did fenwrite say") == "what did fenwrite say"  # alone it may be another name
    assert speller.fix("what did nadia fenwick say") == "what did nadia fenwick say"  # sounds otherwise
    assert speller.fix("is colin mersh right") == "is colin marsh right"  # one letter: an ordinary typo
    assert speller.fix("what happened in marsh") == "what happened in marsh"  # "March" sounds alike, but short


def test_a_spaced_dash_parts_a_date_line_from_the_name_after_it():
    from lang.words import names

    assert names("LANCHESTER — Corin Vasey, a sprinter, was banned.")[:2] == ["LANCHESTER", "Corin Vasey"]
    assert names("The Molotov–Ribbentrop pact was signed.") == ["Molotov Ribbentrop"]  # unspaced: one name
    # A number that ends a sentence is not the first word of the name that starts the next.
    assert names("The answer was 17. Priya Halloway said so.") == ["17", "Priya Halloway"]


def test_a_term_is_explained_by_what_is_done_in_it_or_by_its_last_noun_named_again():
    from lang.glosses import gloss

    damper = ("Engineers said a tuned mass damper had been fitted under the deck. He explained that the damper is a "
              "two-tonne steel weight hung on springs, which moves against the sway.")
    assert gloss("tuned mass damper", damper).text == "a two-tonne steel weight hung on springs"
    fraud = "She explained that in courier fraud the criminals phone their victim pretending to be police officers."
    assert gloss("courier fraud", fraud).text == "the criminals phone their victim pretending to be police officers"
    assert gloss("tuned mass damper", "The damper is a big thing. Later a tuned mass damper was fitted.") is None
    assert gloss("court", "He was in court the next day.") is None  # one word: "in court" is no term explained
    assert gloss("Operation Kestrel", "Police ran Operation Kestrel. In Operation Kestrel the police arrested six men."
                 ) is None  # a name: what happened in it
    assert gloss("bus gate", "A bus gate will be installed. The gate is a listed iron structure.") is None  # another gate


@pytest.mark.parametrize("question, subject", [
    ("what is courier fraud exactly", "courier fraud"),
    ("what exactly is courier fraud", "courier fraud"),
    ("who exactly is jo bell", "jo bell"),
])
def test_exactly_asks_nothing_more(question, subject):
    assert form(question).subject == subject


@pytest.mark.parametrize("typed, spelled", [
    ("why'd they go for the nest at dawn", "why did they go for the nest at dawn"),
    ("how'd he do it", "how did he do it"),
    ("did they finish the gallbladder op", "did they finish the gallbladder operation"),
    ("how many ops were cancelled", "how many operations were cancelled"),
    ("was it a photo op", "was it a photo op"),  # a photo opportunity
    ("what does OP mean", "what does OP mean"),  # typed as a capital: a name or a term
])
def test_a_wh_words_d_and_an_op_are_spelled_out(typed, spelled):
    assert shorthand_spelled(typed) == spelled


@pytest.mark.parametrize("text, said", [
    ("The paintings were discovered on Monday, 13 January, when builders found them.", ["13 January"]),
    ("on Monday 13 January", ["13 January"]),
    ("Two open days on Saturday, 8 February and Sunday, 9 February drew crowds.", ["8 February", "9 February"]),
    ("The vote was on Monday and the count on 13 January.", ["on Monday", "13 January"]),  # two days
    ("On Monday, May 12 councillors voted.", ["On Monday", "May 12"]),  # may be twelve councillors: left as read
])
def test_a_weekday_written_before_its_date_is_that_date(text, said):
    assert [text[d.start:d.end] for d in find_dates(text, dt.date(2026, 12, 8))] == said
