"""What came next in a day told by the clock (qa/skills/by_the_clock.py, through qa/skills/sequence.what_came)."""
from __future__ import annotations

import pytest

from qa.skills.by_the_clock import clock_times, next_by_clock
from support import article_doc

SEAL = """# Seal rescued from harbour

KELLAN — A grey seal caught in netting was spotted in the harbour at about 6.20am on Saturday by a fisherman.

Volunteers arrived at 7.05am. The rescue boat was due at 7.48pm, the harbour master said.

Police closed the quay at midday. The net was cut free at about 8.10pm, and the seal swam off at 9.35pm.

On Sunday, a vet checked the beach at 10am.
"""


@pytest.mark.parametrize("text, times", [
    ("arrived at 7.05am and left at 2pm", [(425, "7.05am"), (840, "2pm")]),
    ("closed at midday", [(720, "midday")]),
    ("at 19:45 and at 12.30am", [(1185, "19:45"), (30, "12.30am")]),
    ("in 2019 there were 14 of them", []),
])
def test_times_of_day_are_read_as_minutes_after_midnight(text, times):
    assert clock_times(text) == times


def test_the_events_later_that_day_follow_in_time_order_until_another_day():
    doc = article_doc(SEAL)
    found = next_by_clock(doc, doc.lines[1], limit=4)
    assert found is not None
    rows = found.draft.text.split("\n")[1:]
    assert [r.split(":")[0] for r in rows] == ["- 7.05am", "- midday", "- 8.10pm"]  # not "due at 7.48pm", not Sunday
    assert all(c.quote in doc.text for c in found.draft.citations)


def test_no_clock_answer_without_a_time_in_the_event_or_later_times():
    doc = article_doc(SEAL)
    assert next_by_clock(doc, doc.lines[0], limit=4) is None  # the headline tells no time
    assert next_by_clock(doc, doc.lines[5], limit=4) is None  # 8.10pm: only one later time that day


@pytest.mark.integration  # what_came reads the next sentence with spaCy's parser
def test_what_happened_after_an_event_told_by_the_clock_is_the_rest_of_that_day():
    from qa.skills.sequence import came_after

    found = came_after([article_doc(SEAL)], "the fisherman spotted the seal", before=False)
    assert found is not None and "by the clock" in found.draft.text
    assert "Volunteers arrived at 7.05am" in found.draft.text and "On Sunday" not in found.draft.text


FIRE = """# Warehouse fire

DELLBY — Fire crews were called to a warehouse at 11.40pm on Saturday.

The owner had locked up at 6pm. The roof fell in at 1.15am. The breakfast club, which usually opens at 7.30am, could not open.

The lane will reopen at 6pm, the council said. The fire was under control by 4am.

By Thursday morning, at 9am, the site had been cleared.
"""


def test_the_small_hours_follow_the_evening_and_no_time_of_another_day_or_of_what_is_usual_or_to_come_is_listed():
    doc = article_doc(FIRE)
    found = next_by_clock(doc, doc.lines[1], limit=4)
    assert found is not None
    rows = [r.split(":")[0] for r in found.draft.text.split("\n")[1:]]
    assert rows == ["- 1.15am", "- 4am"]  # not "had locked up at 6pm", "usually opens", "will reopen", Thursday


PAINTINGS = """# Medieval wall paintings found under plaster at cafe

FELBURY — Wall paintings more than 500 years old have been found under plaster at a cafe, and building work has been halted.

The paintings were discovered on Monday, 13 January, when builders stripping a damp wall uncovered a patch of red paint.

"I went cold," the owner said.

She contacted the conservation officer, who visited the next day and told the builders to stop work.

Two open days on Saturday, 8 February drew about 1,100 visitors.
"""


def test_what_came_after_the_event_the_lead_sums_up_counts_from_the_day_it_is_told():
    from qa.skills.sequence import came_after

    found = came_after([article_doc(PAINTINGS)], "they found the paintings", before=False)
    assert found is not None and "visited the next day" in found.draft.text and "1,100 visitors" in found.draft.text
    assert "have been found under plaster" not in found.draft.text  # the lead, not an event after it
