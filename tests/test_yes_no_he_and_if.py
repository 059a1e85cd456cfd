"""Yes or no read as a reader would: "He did not apologise." speaks of the one person the sentence before names,
or of the body it gives them a post in; a thing that happens only "if" something else does is not said to happen;
"warned people not to swim" says they warned people, and "did they urge people not to swim?" asks about the
"not"."""
from __future__ import annotations

import pytest

from qa.compose.yesno import yes_no

ORRIN = 'Daniel Orrin, the company\'s director of wastewater, said the overflows were "permitted".'


@pytest.mark.parametrize("question, sentence, before, verdict", [
    ("did daniel orrin apologise", "He did not apologise.", ORRIN, "No"),
    ("did orrin apologise", "He did not apologise.", 'Mr Orrin said the overflows were "permitted".', "No"),
    ("did orrin apologise", "He apologised to residents on Monday.", ORRIN, "Yes"),
    ("did kestrel vale water apologise", "He did not apologise.",
     'Kestrel Vale Water\'s director, Daniel Orrin, said the overflows were "permitted".', "No"),
    # Not where "he" may be another: two people named, or the question's body is only one he fought.
    ("did orrin apologise", "He apologised on Monday.", 'Daniel Orrin said so, and Tom Bell agreed.', None),
    ("did kestrel vale water apologise", "He did not apologise.",
     'Daniel Orrin, a resident who has fought Kestrel Vale Water for years, said so.', None),
    ("did the council apologise", "He did not apologise.", "Resident Tom Marsh said the council had let people down.",
     None),
    ("did tom marsh resign", "He did not resign.", "Tom Marsh spoke first. Council leader Ian Fry was also there.",
     None),  # the sentence just before names another
    ("did ann cole resign", "He did not resign.", "Ann Cole said her council had acted.", None),  # not "he"
    ("did tom bell resign", "She did not resign.", "Mr Tom Bell said the council had acted.", None),
])
def test_he_or_she_is_the_one_person_just_named(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("will fares rise", "Fares will rise if the deal collapses.", None),
    ("will fares rise", "The union said that fares would rise if the deal collapsed.", None),
    ("will fares rise", "If the deal collapses, fares will rise.", None),
    ("will the school close", "The school will close unless a buyer is found.", None),
    ("will fares rise", "Fares will rise even if the deal is signed.", "Yes"),  # whatever happens
    ("did the council approve the plan", "The council approved the plan, although it said it would review it if "
                                         "costs rose.", "Yes"),  # the condition is another clause's
])
def test_what_happens_only_if_something_else_does_is_not_said_to_happen(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("did the agency warn people", "The agency warned people not to swim in the river.", "Yes"),
    ("did the union agree to strike", "The union agreed not to strike.", "No"),
    ("did the agency urge people not to swim", "The agency urged people not to swim.", "Yes"),
    ("did the agency urge people not to swim", "The agency urged people to swim.", None),
    ("did the agency urge people not to swim", "The agency did not urge people to swim.", "No"),
    ("did they decide not to sell", "They decided not to sell the land.", "Yes"),
])
def test_a_not_before_to_belongs_to_what_was_bid(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
