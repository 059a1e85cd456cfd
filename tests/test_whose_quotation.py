"""Who said a quotation that names no one: the speaker the sentence before names as the quotation goes on
('"We understand …," DI Kershaw said. "I would still urge anyone … to come forward."'); a police rank's short form
("DI", "PC") is a title, not part of the name."""
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


def test_a_bare_quotation_names_no_one():
    assert _BARE_QUOTE.match('"I would still urge anyone to come forward."')
    assert not _BARE_QUOTE.match('"They took our pavilion," she said.')


def test_police_ranks_short_forms_are_titles():
    assert {"di", "dci", "pc", "sgt", "cllr"} <= TITLES


@pytest.mark.integration
def test_who_urged_people_to_come_forward_is_the_speaker_of_the_quotation(tmp_path, embedder):
    service, texts = service_on(tmp_path, embedder, "fire.md", FIRE)
    a = service.answer("who asked people to send in doorbell footage")
    assert a.short is not None and a.short.quote == "DI Kershaw"
    assert_citations_are_exact(a, texts)
    assert texts[a.citations[0].source][a.short.start:a.short.end] == "DI Kershaw"
    tears = service.answer("who said some members were in tears")
    assert tears.short is None or not re.fullmatch(r"(?i)he|she", tears.short.quote)  # "he" names no one
