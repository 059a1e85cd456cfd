"""Who is who on an article the test writes (qa/skills/entities.py, speakers.py): a common word opening a
sentence is no one, names listed after the noun they are take its kind ("two counties, Lisle and Oakridge"),
a role's head noun says a person ("School superintendent Helen Carver", though the tagger says organisation),
a title typed before a name still names the person, and "She said" after her belongs to her."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.types import ArticleInfo
from ingest.split import split_sentences
from lang.spelling import Speller
from lang.words import stem
from qa.skills.article import ArticleDoc, Line
from qa.skills.entities import ORGANISATION, PERSON, PLACE, entities
from qa.skills.speakers import asked_terms, statements

TEXT = """Measles outbreak grows

Health officials said a measles outbreak has grown to 41 cases. The county's Department of Public Health (DPH) said
no one has died.

Dr. Priya Raman, the county's chief medical officer, urged parents to vaccinate their children.

The outbreak has spread to two neighbouring counties, Lisle and Oakridge, where five cases have been reported.

School superintendent Helen Carver said exposed students must stay home for 21 days. She said attendance had
dropped by a third.

Measles was declared eliminated in the United States in 2000.
"""


def article(text: str) -> ArticleDoc:
    """An ArticleDoc of the text: its sentences as lines, no passages (nothing here cites), no vectors."""
    spans = split_sentences(text, 0, len(text))
    lines = [Line(i, s.start, s.end, text[s.start:s.end], None) for i, s in enumerate(spans)]
    info = ArticleInfo(source="article.txt", title="Article", date="2025-03-18", content_hash=str(hash(text)),
                       size_bytes=len(text), passages=1, sentences=len(lines), ingested_at=0.0, title_start=-1,
                       title_end=-1, date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, np.zeros((len(lines), 4), dtype=np.float32), text)


def _doc() -> ArticleDoc:
    return article(TEXT)


def test_kinds_come_from_what_the_article_says_they_are():
    found = {e.name: e for e in entities(_doc())}
    assert "Measles" not in found  # "a measles outbreak": a common word, capitalized only to open a sentence
    assert found["Lisle"].kind == PLACE and found["Oakridge"].kind == PLACE
    assert found["Lisle"].role == "two neighbouring counties"
    assert TEXT[found["Lisle"].role_start:found["Lisle"].role_end] == found["Lisle"].role
    assert found["Helen Carver"].kind == PERSON and found["Helen Carver"].role == "School superintendent"
    assert found["Department of Public Health"].kind == ORGANISATION


def test_a_title_typed_before_a_name_names_the_person():
    raman = next(e for e in entities(_doc()) if e.name == "Priya Raman")
    assert raman.matches("Dr Priya Raman") and raman.matches("dr. raman") and not raman.matches("Dr Carver")


def test_she_said_after_her_is_hers():
    said = [(s.speaker.name, s.line.text[:12]) for s in statements(_doc())]
    assert ("Helen Carver", "She said att") in said


def test_a_typo_before_a_words_ending_is_corrected_to_the_articles_word():
    speller = Speller([stem(w) for w in "hospital vaccinated people measles".split()])
    assert speller.correct("hosptial") == "hospital"     # the stem typed wrong, then its ending
    assert speller.correct("vacinated") == "vaccinated"
    assert speller.correct("peopel") == "people"         # a word, not the stem "peopl"
    assert speller.correct("hospital") is None           # known already
    assert speller.correct("hostile") is None            # not one of the articles' words


def test_a_name_without_a_role_takes_the_one_given_to_its_head_noun_later():
    text = ("Talks with the Calloway Terminal Operators Association broke down on Monday. The association, a group "
            "that negotiates for the port's five terminal companies, had offered a raise of 9 percent.")
    doc = article(text)
    found = next(e for e in entities(doc) if e.name == "Calloway Terminal Operators Association")
    assert found.role.startswith("a group that negotiates for the port's five terminal companies")
    assert text[found.role_start:found.role_end] == found.role and found.line == 1


STORM = """Cyclone Oren kills 63

The cyclone made landfall near the town of Rava on Saturday, and 41 of the dead were in Tassa province.
Cyclone Oren was the strongest storm since 2019. Tomasz Wrobel, a 41-year-old former courier, lost his house.
Wrobel said the warning came too late. Marcus Hale, who joined the rescue teams on Sunday, said the roads were closed.
"""


def _storm() -> ArticleDoc:
    return article(STORM)


def test_what_the_text_writes_around_a_name_says_its_kind():
    found = {e.name: e for e in entities(_storm())}
    assert found["Cyclone Oren"].kind not in (PERSON, ORGANISATION, PLACE)  # "the cyclone": a named thing
    assert found["Rava"].kind == PLACE and found["Rava"].role == "the town"  # "the town of Rava"
    assert found["Tassa"].kind == PLACE  # "Tassa province"
    assert found["Tomasz Wrobel"].kind == PERSON  # "a 41-year-old former courier"
    assert found["Marcus Hale"].kind == PERSON  # "who joined ..."
    assert "Wrobel" not in found and "Wrobel" in found["Tomasz Wrobel"].aliases  # one person


WATER = """Rationing ordered

The city of Harlow will ration tap water from Monday, the Harlow Water Authority (HWA) said on Wednesday.
The authority last rationed water in 1995, when a drought forced the city to truck in supplies from the coast.
Green group River Watch said the city's pipes leak. "Before anyone tells families to let their gardens die, fix the
pipes," said its director, Claire Benton.
"""


def _water() -> ArticleDoc:
    return article(WATER)


def test_a_clause_about_a_bodys_head_noun_is_not_its_role():
    found = {e.name: e for e in entities(_water())}
    hwa = found["Harlow Water Authority"]
    assert hwa.kind == ORGANISATION and "rationed" not in hwa.role  # "The authority last rationed water ..."


def test_the_speaker_is_who_says_it_not_a_word_inside_the_quote_nor_a_name_inside_the_body():
    said = {s.line.text[:20]: s.speaker.name for s in statements(_water())}
    assert said["The city of Harlow w"] == "Harlow Water Authority"  # not Harlow, a part of its name
    assert said['"Before anyone tells'] == "Claire Benton"  # "anyone tells families" is inside the quote


def test_who_runs_a_body_is_whoever_the_article_says_leads_it_by_any_of_its_names():
    from qa.skills.holders import role_holder

    text = WATER + "HWA chief executive Rosa Delgado said the reservoirs were low.\n"
    doc = article(text)
    for asked in ("head of Harlow Water Authority", "head of the HWA"):
        assert role_holder(doc, asked).name == "Rosa Delgado", asked
    # "its director" after the one body the sentence before names is that body's.
    assert role_holder(doc, "head of River Watch").name == "Claire Benton"


def test_its_head_after_a_sentence_about_a_body_leads_that_body():
    from qa.skills.holders import leader_named, role_holder

    text = ("Ferrow Labs said on Monday it would close its plant in Dunmore. Its chief executive, Lena Voss, said "
            "the plant had lost money for five years.\nThe Dunmore Trust said it was shocked. Its director, Ivo Marr, "
            "called the decision cruel.\n")
    doc = article(text)
    assert role_holder(doc, "head of Ferrow Labs").name == "Lena Voss"
    assert role_holder(doc, "head of the Dunmore Trust").name == "Ivo Marr"
    # "Its" after the one body a sentence names anywhere in it; a leader asked by the body's name.
    sic = ("The case was brought by the Sport Integrity Commission (SIC), the body that tests athletes. Its chief "
           "executive, Rhona Castellan, said the ruling was clear.\nOn Monday the Harbour Trust met the Dunmore "
           "Council. Its director, Ivo Marr, said nothing.\n")
    doc = article(sic)
    assert role_holder(doc, "head of the Sport Integrity Commission").name == "Rhona Castellan"
    for asked in ("the integrity commission boss", "the head of the integrity commission", "the SIC chief"):
        assert leader_named(doc, asked).name == "Rhona Castellan", asked
    # Two bodies before "its": whose director, the text does not say.
    assert leader_named(doc, "the harbour trust director") is None
    assert leader_named(doc, "the commission") is None  # no one's role asked
    described = ("The Dunmore Tenants Union (DTU), a group that represents renters, sued. The union's president, "
                 "Sara Opoku, said it would go on.\n")
    assert role_holder(article(described), "head of renters group").name == "Sara Opoku"
    assert role_holder(article(described), "head of farmers group") is None
    # By words of its name and of its description together ("the tenants group").
    assert role_holder(article(described), "head of tenants group").name == "Sara Opoku"


def test_who_runs_a_body_named_by_a_word_of_it_is_who_the_next_sentence_says_leads_it():
    from qa.skills.holders import _led_by

    doc = article("Relatives met on Monday and formed the Fernlea Campaign Group to fight the closure. The group is "
                  "led by Maureen Halloway, a retired midwife.\n")
    line, start, end = _led_by(doc, "campaign to save the home")
    assert doc.text[start:end] == "Maureen Halloway" and line.number == 1
    assert _led_by(doc, "the union") is None  # no body of that word before it


def test_a_person_hung_on_a_company_inside_a_phrase_about_a_person_is_that_person():
    text = ("The Dutch researcher who wrote the report for the Norden research company Anna Lisa Berg estimates that "
            "prices will rise. Berg thinks the rise will last.\n")
    berg = next(e for e in entities(article(text)) if e.name == "Anna Lisa Berg")
    assert berg.kind == PERSON and berg.role.startswith("The Dutch researcher who wrote the report")


def test_a_body_called_by_the_first_word_of_its_name_is_one_organisation():
    text = ("Norvik Group said it had agreed to buy Telma. Norvik will pay 310 kroner a share. Norvik, which is "
            "based in Oslo, makes lifts.\n")
    found = [e for e in entities(article(text)) if e.name.startswith("Norvik")]
    assert len(found) == 1 and found[0].name == "Norvik Group" and "Norvik" in found[0].aliases
    assert found[0].kind == ORGANISATION  # "which is based in Oslo": not a person, and not a place either
    from qa.skills.roles import shown_role

    start, end = shown_role(article(text), found[0])  # shown with the name it describes, not "Which is based…"
    assert text[start:end] == "Norvik, which is based in Oslo"


def test_words_before_a_name_in_a_headline_are_not_its_title():
    text = "Court orders Ferrow to pay workers\n\nA judge ordered Ferrow, which makes lenses, to pay its workers.\n"
    doc = article(text)
    doc.info = replace(doc.info, title_start=0, title_end=text.index("\n"))
    ferrow = next(e for e in entities(doc) if e.name == "Ferrow")
    assert "Court" not in ferrow.role and ferrow.role.startswith("which makes lenses")


def test_a_date_line_is_not_the_speaker_and_a_pronouns_possessive_leaves_the_role():
    text = ("OSLO — Norvik Group, the Norwegian maker of lifts, said on Thursday it had agreed to buy its Danish rival "
            "Telma for $4.2 billion.\nAnalysts said the price was high.\n")
    doc = article(text)
    assert statements(doc)[0].speaker.name == "Norvik Group"
    from lang.tagging import parse
    from qa.skills.roles import role_of

    said = "Norvik said it had agreed to buy its Danish rival Telma for 4 billion dollars."
    at = said.index("Telma")
    start, end = role_of(parse(said).char_span(at, at + 5), ORGANISATION)
    assert said[start:end] == "its Danish rival"
    owned = "Haftar's LNA forces attacked Tripoli."  # a name's possessive is not what the name is
    assert role_of(parse(owned).char_span(owned.index("LNA"), owned.index("LNA") + 3), ORGANISATION) is None


def test_an_acronym_the_article_never_writes_is_mentioned_by_its_words():
    from qa.skills.mention import mentioning

    text = "The deal needs the approval of the European Commission.\nThe Commission will decide in May.\n"
    doc = article(text)
    assert [ln.number for ln in mentioning(doc, "EC", None)] == [0]
    assert [ln.number for ln in mentioning(doc, "Commission", None)] == [0, 1]
    assert mentioning(doc, "FTC", None) == [] and mentioning(doc, "Sweden", None) == []


DROUGHT = """The Valley Growers' Cooperative, which represents 900 farms, called the cuts "a death sentence". Dr Felipe Arrando,
a climatologist at the weather service, said dry winters had become more frequent.

"We cannot blame one winter on climate change, but the trend is clear," he said.
"""


def test_an_honorific_or_an_occupation_makes_a_person_and_the_quote_after_is_theirs():
    doc = article(DROUGHT)
    arrando = next(e for e in entities(doc) if e.name == "Felipe Arrando")
    assert arrando.kind == PERSON  # "Dr", "a climatologist": whatever the tagger made of the name
    said = {s.line.text.strip()[:20]: s.speaker.name for s in statements(doc)}
    assert said['"We cannot blame one'] == "Felipe Arrando"
    # A name with an apostrophe is matched as written.
    assert next(s.speaker.name for s in statements(doc) if "death sentence" in s.line.text) == \
        "Valley Growers' Cooperative"


def test_a_person_title_before_a_name_keeps_a_person_whose_apposition_describes_a_town():
    doc = article("Mayor Henrik Dahl of Tarrow, a town of about 40,000 people, accused the minister of having "
                  "abandoned the north. He said 120 jobs depend on the airline.\n")
    dahl = next(e for e in entities(doc) if e.name == "Henrik Dahl")
    assert dahl.kind == PERSON and dahl.role == "Mayor"  # "a town of ..." is Tarrow's
    assert [s.speaker.name for s in statements(doc)] == ["Henrik Dahl", "Henrik Dahl"]


def test_a_later_description_of_a_person_is_found_but_not_a_deed_or_the_same_role_again():
    from qa.skills.roles import other_role

    text = ("Until the vote, deputy mayor Mara Lind will act as mayor. Lind, a former headteacher, said "
            "her first task would be to restore trust. Council leader Omar Vance, who chairs the budget committee, "
            "spoke first. Vance, who said nothing about the vote, left early. Vance, the council leader, agreed.")
    doc = article(text)
    found = {e.name: e for e in entities(doc)}
    more = other_role(doc, found["Mara Lind"])
    assert more is not None and text[more[0]:more[1]] == "a former headteacher"
    assert other_role(doc, found["Omar Vance"]) is None  # a deed ("who said nothing"), and "leader" again


def test_an_organisation_is_called_by_the_first_word_of_its_name_and_nothing_else_is():
    doc = article("Nurses were supplied by Kelvar Staffing, a staffing agency. Dr Ana Brandt said the ward was full.")
    found = {e.name: e for e in entities(doc)}
    assert found["Kelvar Staffing"].called_by_first_word("kelvar")
    assert not found["Kelvar Staffing"].called_by_first_word("solutions")
    assert not found["Ana Brandt"].called_by_first_word("ana")  # a person is named by the surname


def test_a_names_own_words_and_the_dateline_say_what_it_is_over_the_taggers_person():
    from qa.skills.roles import kind_by_name, kind_by_role

    text = "# Wind farm blocked\n\nMARSHTON — The High Court blocked the plan of the Orvel-based Orvel Group."
    assert kind_by_name("High Court", PERSON, text) == ORGANISATION
    assert kind_by_name("Marshton", PERSON, text) == PLACE and kind_by_name("Orvel", PERSON, text) == PLACE
    assert kind_by_name("MARSHTON", ORGANISATION, text) == PLACE  # the dateline's capitals read as a body
    assert kind_by_name("Ana Brandt", PERSON, text) == PERSON
    assert kind_by_name("Quarry Lane", PERSON, text) == PLACE and kind_by_name("Mill Road", PERSON, text) == PLACE
    assert kind_by_role("The city's returning officer", ORGANISATION) == PERSON  # "officer" is not "office"


def test_a_word_taken_for_a_person_that_opens_an_organisations_name_is_that_organisation():
    doc = article("Corvane Renewables, a subsidiary of the Orvel Group, planned the farm. Under the ruling, "
                  "Corvane must submit a new assessment if it wants to revive the project. The judge ordered "
                  "Corvane and the CPA to pay 70 percent of the costs. The dispute began when Corvane first "
                  "published its plans.")  # the small tagger takes "Corvane" for a person here
    found = {e.name: e for e in entities(doc)}
    assert "Corvane" in found["Corvane Renewables"].aliases and "Corvane" not in found
    assert found["Corvane Renewables"].kind == ORGANISATION


def test_a_name_the_tagger_cut_inside_its_brackets_is_shown_without_the_open_bracket():
    text = ("Students protest cuts\n\nPriya Nandakumar, president of the Ashgrove Students' Union (ASU), told the "
            "crowd that the vote had been rushed. The ASU said it would protest again on Friday.\n")
    names = [n for e in entities(article(text)) for n in e.aliases]
    assert names and not any("(" in n and ")" not in n for n in names), names


def test_a_noun_modifier_is_no_one_an_age_says_a_person_and_the_full_name_says_the_kind():
    text = ("# Carrowdale bus drivers walk out as pay talks collapse\n\n"
            "Bus services across the Carrowdale region were halted on Monday. "
            "Its transport lead, councillor Priya Hendry, said both sides had agreed to meet. \"I understand the "
            "anger of drivers,\" Hendry said. Hendry said any extra money would need approval.\n\nOliver Banks, 68, "
            "who takes the number 22 bus to his dialysis appointments, said he had paid 40 pounds for a taxi.\n")
    people = {e.name: e for e in entities(article(text)) if e.kind == PERSON}
    assert "Carrowdale" not in people  # "Carrowdale bus drivers": a place's name before a noun
    assert "Priya Hendry" in people and people["Priya Hendry"].mentions == 3
    assert "Oliver Banks" in people  # "Banks" is not a bank here


FREIGHT = """Freight train derails near Dunmere

A freight train run by Corrigan Haulage Services derailed near Dunmere early on Sunday.

Corrigan Haulage's managing director, Tobias Venn, denied that the train had been overloaded.

Commuters reacted with frustration as replacement buses ran every 15 minutes.
"""


def test_a_name_that_opens_a_companys_longer_name_is_that_company_and_a_plural_noun_is_no_body():
    found = {e.name: e for e in entities(article(FREIGHT))}
    assert "Corrigan Haulage" not in found  # "Corrigan Haulage's managing director": the company, not a person
    assert found["Corrigan Haulage Services"].kind == ORGANISATION
    assert "Corrigan Haulage" in found["Corrigan Haulage Services"].aliases
    assert found["Tobias Venn"].kind == PERSON
    assert "Commuters" not in found  # a common noun opening a sentence



def test_names_that_open_each_other_in_a_chain_merge_without_losing_one():
    from qa.skills.entities import Entity, _merge_short_names

    def body(name: str, kind: str = ORGANISATION) -> Entity:
        return Entity(name=name, kind=kind, aliases=(name,), mentions=1, first=0, role="", role_start=-1, role_end=-1,
                      line=0)

    found = [body("Talbot"), body("Talbot Marine", PERSON), body("Talbot Marine Services")]
    _merge_short_names(found)  # "Talbot" joins "Talbot Marine", which then joins the longer name
    assert [e.name for e in found] == ["Talbot Marine Services"]
    assert set(found[0].aliases) == {"Talbot", "Talbot Marine", "Talbot Marine Services"}


def test_what_someone_is_written_before_their_name_is_not_part_of_it():
    # The tagger takes "Farmer" into the name here, and leaves it out but opening the sentence in the first text.
    for text in ("""Train derails\n\nEleven wagons came off the tracks on Sunday.\n\nFarmer Gordon Lusk, whose field the
wagons ended up in, said the crash had woken his family. "It sounded like a building coming down," he said.\n""",
                 """Wagons land in a field\n\nFarmer Gordon Lusk, whose field the wagons ended up in, said the crash had woken
his family. Lusk said he had lost two acres of barley.\n"""):
        found = {e.name: e for e in entities(article(text))}
        assert "Gordon Lusk" in found and found["Gordon Lusk"].kind == PERSON
        assert not any(name.startswith("Farmer") for name in found)


def test_an_acronym_given_in_brackets_is_the_name_it_follows_though_it_does_not_spell_it_out():
    text = """Festival called off

The decision was taken after the Lowmoor Safety Advisory Group (SAG) inspected the site on Wednesday. The SAG said
the access roads were under water. A spokesman for the SAG said the group had no choice.
"""
    found = entities(article(text))
    sag = [e for e in found if "SAG" in e.aliases]
    assert len(sag) == 1 and sag[0].name == "Lowmoor Safety Advisory Group"


def test_a_role_between_commas_before_said_is_read_from_the_words_when_the_parse_misses_it():
    text = """Leopard back in its enclosure

Keepers found the animal asleep in woodland on Sunday.

Tom Ashdown, campaigns director of the animal welfare charity Open Field, said the escape showed that big cats "do
not belong in small enclosures". He called for the breeding programme to be suspended.
"""
    doc = article(text)
    ashdown = next(e for e in entities(doc) if e.name == "Tom Ashdown")
    assert ashdown.role == "campaigns director of the animal welfare charity Open Field"
    assert text[ashdown.role_start:ashdown.role_end] == ashdown.role
    said = [s.line.text for s in statements(doc) if s.speaker.name == "Tom Ashdown"]
    assert said[0].startswith("Tom Ashdown, campaigns director") and len(said) == 2


def test_a_name_taken_for_a_person_that_extends_an_organisations_is_that_organisation():
    text = ("# Festival called off\n\nThe promoter, Brightgate Live, said every ticket holder would get a refund. "
            "Brightgate said the staff would be paid. Brightgate said it would hold the festival next year. "
            "It was to be headlined by the indie band Paper Lanterns and the singer Ana Roth. Paper Lanterns said "
            "they would play a free show.\n")
    found = {e.name: e for e in entities(article(text))}
    assert found["Brightgate Live"].kind == ORGANISATION and "Brightgate" not in found
    assert found["Paper Lanterns"].kind != PERSON  # a band is a group, not a person



def test_an_age_between_commas_is_no_role_the_clause_after_it_is():
    doc = article("The school will lock phones away. Priya Halloway, 17, who chairs the student council, said most "
                  "pupils had accepted it.\n")
    halloway = next(e for e in entities(doc) if e.name == "Priya Halloway")
    assert halloway.role == "who chairs the student council"


def test_a_name_written_only_where_a_place_goes_is_a_place_and_he_is_the_last_person():
    text = ("The bridge links Tollbrook with the villages of Ashby Senn and Marrowgate. Gareth Mulvey, who runs a "
            "garage in Ashby Senn, said takings had fallen. \"The council has done nothing,\" he said.\n")
    doc = article(text)
    kinds = {e.name: e.kind for e in entities(doc)}
    assert kinds["Ashby Senn"] == PLACE and kinds["Gareth Mulvey"] == PERSON
    assert [s.speaker.name for s in statements(doc)] == ["Gareth Mulvey", "Gareth Mulvey"]


def test_a_speaker_is_known_by_what_their_role_says_they_do_and_by_a_short_form():
    from qa.skills.speakers import called, known_as

    doc = article("Gareth Mulvey, who runs a garage in Ashby Senn, said takings had fallen. Dr Fiona Redfern, the "
                  "chief veterinary officer, disagreed that more money was the answer.\n")
    found = {e.name: e for e in entities(doc)}
    assert known_as(asked_terms("the garage owner"), called(doc, found["Gareth Mulvey"]))
    assert known_as(asked_terms("the chief vet"), called(doc, found["Fiona Redfern"]))
    assert not known_as(asked_terms("the chief ve"), called(doc, found["Fiona Redfern"]))  # too short to say
    assert not known_as(asked_terms("the garage manager"), called(doc, found["Gareth Mulvey"]))
    assert known_as(asked_terms("the local garage owner"), called(doc, found["Gareth Mulvey"]))  # "local" says no more
    # Disagreeing is a view: the sentence is hers.
    assert [s.speaker.name for s in statements(doc)][-1] == "Fiona Redfern"


def test_a_body_the_article_describes_is_an_organisation_whatever_the_tagger_made_of_it():
    doc = article("""Park sale backed

TARRBY — The council has agreed to sell part of Quellfield Park to Pellmoor Homes for £4.2 million.

The Friends of Quellfield Park, a campaign group formed in January, has collected 3,600 signatures.

Pellmoor Homes, which is based in Corrington, said the homes were needed.

Opposition councillor Kwabena Ellison, of the Tarrby Independents, said the cabinet had learned nothing.

Harbury Athletic said it would play on.
""")
    kinds = {e.name: e.kind for e in entities(doc)}
    assert kinds.get("Friends of Quellfield Park") == ORGANISATION
    assert kinds.get("Pellmoor Homes") == ORGANISATION
    assert kinds.get("Tarrby Independents") == ORGANISATION
    assert kinds.get("Harbury Athletic") == ORGANISATION


def test_a_sort_of_body_asked_for_is_never_a_person_whose_role_opens_with_it():
    from qa.skills.cite import Citer
    from qa.skills.listing import named
    from support import article_doc

    doc = article_doc("# Town to share a ground\n\nClub chairman Derek Mawson said the news was hard to take.\n\n"
                  "The Halbrook Cricket Club will share the ground from May, its secretary said.\n")
    listed = named(doc, ORGANISATION, Citer(), "club")
    assert "Derek Mawson" not in listed and "Halbrook Cricket Club" in listed
