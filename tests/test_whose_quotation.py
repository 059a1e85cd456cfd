"""Who said a quotation that names no one: the speaker the sentence before names as the quotation goes on
('"We understand …," DI Kershaw said. "I would still urge anyone … to come forward."'); a police rank's short form
("DI", "Sgt") is a title, not part of the name; and "how long does it take?" asks for a time, not a distance or
a rate ("the 11-mile crossing", "210,000 passengers a year"); "how much has it raised?" is not answered by a sum still
to raise."""
from __future__ import annotations

import re

import pytest

from lang.rules import TITLES
from qa.compose.quoted import _BARE_QUOTE, _SAID_BY
from support import service_on
from test_answer import assert_citations_are_exact

FIRE = """# Teenager charged after pavilion fire

THORNLEIGH — A 17-year-old boy has been charged with arson after a fire destroyed the cricket pavilion.

Detective Inspector Nadia Kershaw of Brackenshire Police said the boy was arrested on Monday.

"We understand how much this building meant to the people of Thornleigh," DI Kershaw said. "I would still urge anyone with information, or with doorbell footage from that night, to come forward."

"We can rebuild a pavilion, but we can't rebuild what was inside it," he said. "Some of our older members were in tears."
"""


@pytest.mark.parametrize("sentence, who", [
    ('"We understand how much this meant," DI Kershaw said.', "DI Kershaw"),
    ('"It was a hard decision," said Joan Petrakis, Kestrel\'s area director.', "Joan Petrakis"),
    ('"We can rebuild a pavilion," he said.', None),  # whom "he" is, the sentence before says
    ("DI Kershaw said the boy was arrested.", None),  # no quotation closed
])
def test_a_quotations_close_names_its_speaker(sentence, who):
    m = _SAID_BY.search(sentence)
    found = (m.group("who") or m.group("by")) if m else None
    assert (found if found and found.split()[0] not in ("He", "She") else None) == who


def test_a_bare_quotation_names_no_one_and_its_speaker_did_it():
    assert _BARE_QUOTE.match('"I would still urge anyone to come forward."')
    assert not _BARE_QUOTE.match('"They took our pavilion," she said.')
    assert not _BARE_QUOTE.match('"My wife called the fire brigade straight away."')  # her deed, not the speaker's


def test_the_british_form_names_the_speaker_before_the_quotation():
    from qa.compose.quoted import _SAID_THUS

    m = _SAID_THUS.search('Insp Jo Reid said: "We need the public\'s help."')
    assert m is not None and m.group("who") == "Insp Jo Reid"
    assert _SAID_THUS.search('But Cllr Anne Price said: "We need help."').group("who") == "Cllr Anne Price"
    assert not _BARE_QUOTE.match('"We were told that Gary Hale had warned them."')  # told, not telling


def test_police_ranks_short_forms_are_titles():
    assert {"di", "dci", "sgt", "cllr"} <= TITLES
    assert not {"dc", "ds", "pc"} & TITLES  # DC Thomson, DS Smith, PC World: firms


@pytest.mark.integration
def test_who_urged_people_to_come_forward_is_the_speaker_of_the_quotation(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "fire.md", FIRE)
    a = service.answer("who asked people to send in doorbell footage")
    assert a.short is not None and a.short.quote == "DI Kershaw"
    assert_citations_are_exact(a, texts)
    assert texts[a.citations[0].source][a.short.start:a.short.end] == "DI Kershaw"
    hurt = service.answer("who was hurt when the pavilion burned")
    assert hurt.short is None or hurt.short.quote != "DI Kershaw"  # a quotation may only speak of it
    tears = service.answer("who said some members were in tears")
    assert tears.short is None or not re.fullmatch(r"(?i)he|she", tears.short.quote)  # "he" names no one


@pytest.mark.parametrize("question, sentence, given", [
    ("how long does the crossing take", "The company carries 210,000 passengers a year on the 11-mile crossing.",
     False),  # a distance and a rate, no time it takes
    ("how long does the crossing take", "The crossing takes about 40 minutes.", True),
    ("how long does the crossing take", "The reduced timetable would run until 28 March.", False),  # how long it runs
    ("how long will the timetable run", "The reduced timetable would run until 28 March.", True),
    ("how long is the crossing", "The company runs the 11-mile crossing.", True),  # a length answers "how long is"
    ("how long will the refurbishment take", "The refurbishment will take until spring 2026.", True),
    ("how long will the repairs take", "The repairs will take several weeks.", True),
    ("how long does the crossing take", "The crossing takes about an hour.", True),
    ("how long ago did the bridge close", "The bridge carries the A548 for 400 metres.", False),  # a length
    ("how long have patients been waiting", "The queue stretched 200 metres.", False),
    ("how long is the trail that takes walkers round the lake", "The trail is 7 miles long.", True),
])
def test_how_long_it_takes_is_a_time(question, sentence, given):
    from qa.judgment.answer_kinds import fits
    from qa.question import analyze

    assert fits(analyze(question, lambda t: 1.0), sentence) is given


@pytest.mark.parametrize("question, sentence, hoped", [
    ("how much has the online appeal raised so far",
     "The club has launched an online appeal and hopes to raise the remaining £370,000 by the end of next year.", True),
    ("how much has the club raised", "The club aims to raise £1.2 million within two years.", True),
    ("how much have they raised so far", "GMRT has already raised £340,000 towards the cost.", False),
    ("how much have they raised", "They have raised £340,000 and hope to raise the remaining £860,000.", False),
    ("how much does the club hope to raise", "The club hopes to raise the remaining £370,000.", False),  # asked so
    ("how much has the community bid raised", "The community bid has raised £40,000 so far.", False),
    ("how much have the organisers raised", "Organisers who planned the event raised £8,000.", False),
    ("how much has the school raised", "Pupils beat their target and raised £5,000.", False),
    ("how much have villagers raised", "Villagers have raised the remaining £40,000.", False),
    ("how much has the kitchen appeal raised", "The kitchen appeal has reached its target of £10,000.", False),
])
def test_a_sum_still_to_raise_is_not_what_has_been_raised(question, sentence, hoped):
    from qa.judgment.sums import hoped_only

    assert hoped_only(question, sentence) is hoped
