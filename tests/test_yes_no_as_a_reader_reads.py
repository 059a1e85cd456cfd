"""Yes or no read as a reader would: "He did not apologise." speaks of the one person the sentence before names,
or of the body it gives them a post in; a thing that happens only "if" something else does is not said to happen;
"warned people not to swim" says they warned people, and "did they urge people not to swim?" asks about the "not"."""
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
    # Another person beside the one named: the victim, a man, an organiser, the mayor, a son of the same name.
    ("did daniel orrin die", "He died in hospital two hours later.",
     "A passer-by, Daniel Orrin, found the victim lying in the road.", None),
    ("was tom hale arrested", "He was arrested at the scene.", "Police said Tom Hale was attacked by a man outside a pub.",
     None),
    ("did sarah kemp resign", "He resigned the next day.", "The society's secretary, Sarah Kemp, met the show's "
                                                          "organiser on Friday.", None),
    ("did daniel orrin resign", "She resigned last week.", "Daniel Orrin was criticised by the mayor.", None),
    ("did orrin apologise", "He apologised.", "Orrin's son, James Orrin, spoke outside court.", None),
    # A post that is no voice of the body: a former one's, a customer's, a nurse's.
    ("did kestrel vale water apologise", "He apologised to families on the street.",
     "Sam Price, a former director of Kestrel Vale Water, said the firm had failed residents.", None),
    ("did kestrel vale water apologise", "He apologised.", "Daniel Orrin, a customer of Kestrel Vale Water, spoke.", None),
    ("did oakvale care apologise", "She apologised.", "Sarah Kemp, a nurse at Oakvale Care, spoke.", None),
    # His own quotes between the name and "He": still his voice; not where a quote names another.
    ("has graham ousby said he'll appeal", "He has not said whether he will appeal.",
     'Its owner, Graham Ousby, said he was "heartbroken". "I tried to do too much," he said. "I am sorry."', "No"),
    ("has graham ousby said he'll appeal", "He has not said whether he will appeal.",
     'Graham Ousby said he was "heartbroken". "Ask Tom Bell," he said.', None),
    ("has graham ousby said he'll appeal", "He has not said whether he will appeal.",
     'Graham Ousby said he was "heartbroken". The zone will close on Friday.', None),
    ("has graham ousby said he'll appeal", "He has not said whether he will appeal.",
     'Graham Ousby said he was "heartbroken". "We will look at every option," his lawyer insisted.', None),
    ("did tom reed resign", "He resigned on Monday.",
     'Chairman Tom Reed said the ground would be sold. "It is a sad day," said one supporter. "We will fight it."', None),
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
    ("will the council decide in june", "The council will decide in June if the scheme goes ahead.", "Yes"),  # whether
])
def test_what_happens_only_if_something_else_does_is_not_said_to_happen(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("did the agency warn people", "The agency warned people not to swim in the river.", "Yes"),
    ("did the union agree to strike", "The union agreed not to strike.", "No"),
    ("did the agency urge people not to swim", "The agency urged people not to swim.", "Yes"),
    ("did the union agree not to strike", "The union agreed to call off the strike.", None),  # no "not" to read
    ("did the chancellor promise not to raise taxes", "The chancellor stopped short of promising not to raise taxes.",
     None),  # a bid inside another clause
    ("has anyone pledged not to cut jobs", "Neither party has pledged not to cut jobs.", "No"),
    ("did the agency urge people not to swim", "The agency did not urge people to swim.", None),
    ("did they decide not to sell", "They decided not to sell the land.", "Yes"),
])
def test_a_not_before_to_belongs_to_what_was_bid(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict


@pytest.mark.parametrize("question, sentence, before, verdict", [
    ("did kestrel vale water apologise", "He apologised.",
     "Daniel Orrin, who was chief executive of Kestrel Vale Water until 2019, spoke.", None),  # no longer its voice
    ("did tom ridings apologise", "He apologised.", "Tom Ridings met the pupil's grandfather on Friday.", None),
    ("did amy lee concede", "She conceded shortly after midnight.", "In the by-election, Amy Lee beat her rival by 300 "
                                                                    "votes.", None),
    ("did kestrel vale water say the talks were constructive", "She said the talks had been constructive.",
     "Jo Bright, who runs the town's food bank, met the boss of Kestrel Vale Water on Wednesday.", None),  # his post
])
def test_he_is_not_read_past_a_post_gone_by_or_another_person(question, sentence, before, verdict):
    assert yes_no(question, sentence, before) == verdict


@pytest.mark.parametrize("question, sentence, verdict", [
    ("will the minister decide the appeal", "The minister will decide the appeal if the council fails to act.", None),
    ("will the union ask members to strike", "The union will ask members to strike if the offer is not improved.",
     None),
])
def test_an_if_after_an_object_is_a_condition(question, sentence, verdict):
    assert yes_no(question, sentence) == verdict
