"""An article as pasted from a wire service: no date but its date line ("CALLOWAY, Nov. 14 (Wire) —"), a
capitalized common noun opening a sentence, and a name typed in lower case in the chat. The timeline counts
from the date line and does not show a year it had to guess; the people list has no "Retailers"; a follow-up
after "who is lena marsh?" is about Lena Marsh."""
from __future__ import annotations

import datetime as dt

import numpy as np

from core.types import ArticleInfo
from ingest.split import split_sentences
from lang.dates import dateline
from qa.conversation.followup import resolve
from qa.skills import timeline
from qa.skills.article import ArticleDoc, Line
from qa.skills.entities import PERSON, entities

TEXT = """Dockworkers end strike at Port of Calloway

CALLOWAY, Nov. 14 (Wire) — Dockworkers returned to work on Friday after their union accepted a new contract.

The strike began on Nov. 4, when talks broke down over pay. Retailers had warned of shortages before the holidays.

Port director Lena Marsh said the backlog would take ten days to clear. The last strike, in 2011, lasted three weeks.
"""


def _doc(text: str = TEXT, date: str | None = None) -> ArticleDoc:
    spans = split_sentences(text, 0, len(text))
    lines = [Line(i, s.start, s.end, text[s.start:s.end], None) for i, s in enumerate(spans)]
    added = dt.datetime(2026, 12, 1).timestamp()
    info = ArticleInfo(source="strike.txt", title="Strike", date=date, content_hash="h", size_bytes=len(text),
                       passages=1, sentences=len(lines), ingested_at=added, title_start=-1, title_end=-1,
                       date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, np.zeros((len(lines), 4), dtype=np.float32), text)


def test_a_date_line_dates_an_undated_article_and_says_whether_it_gave_the_year():
    today = dt.date(2026, 12, 1)
    assert dateline("CALLOWAY, Nov. 14 (Wire) — Dockworkers returned", today) == (dt.date(2026, 11, 14), False)
    # A date after the day the article was added is last year's.
    assert dateline("CALLOWAY, Dec. 24 (Wire) — Shops closed", today) == (dt.date(2025, 12, 24), False)
    assert dateline("Updated 3:05 PM EDT, Sat May 20, 2023\nThe mayor said", today) == (dt.date(2023, 5, 20), True)
    # A date inside a sentence is an event, not the article's date.
    assert dateline("What happened on May 2, 2020 shocked the town.", today) is None
    assert dateline("The council met on Tuesday.", today) is None


def test_the_timeline_of_an_undated_article_counts_from_its_date_line_without_a_guessed_year():
    events = timeline.events(_doc())
    labels = [timeline.label(e) for e in events]
    assert labels == ["2011", "November 4", "Friday"]  # the Friday before Nov. 14, whatever the year
    assert all(TEXT[e.date.start:e.date.end] == e.date.text for e in events)
    assert not any("Nov. 14" in e.date.text for e in events)  # the date line dates the article, not an event
    asked = timeline.parse_asked("Nov. 4", _doc())
    assert [e.date.text for e in timeline.on(_doc(), asked)] == ["Nov. 4"] and asked.label() == "November 4"


def test_the_timeline_of_an_article_without_any_date_still_orders_its_events_without_making_up_dates():
    text = """Nurses strike at Elm General

Talks broke down on May 2 over staffing. The union rejected the offer the next day.

Members voted to strike on May 6. The hospital postponed surgeries this week.
"""
    labels = [timeline.label(e) for e in timeline.events(_doc(text))]
    # Counted from the day it was added, its year a guess: no year shown, no month made up for "this week".
    assert labels == ["May 2", "May 3 (“the next day”)", "May 6", "this week"]


def test_a_dated_article_keeps_its_years_and_its_date_line_is_not_an_event():
    events = timeline.events(_doc(date="2025-11-14"))
    friday = "November 14, 2025 (“on Friday”)"  # the date line's own day is a Friday
    assert [timeline.label(e) for e in events] == ["2011", "November 4, 2025", friday]


def test_a_capitalized_common_noun_opening_a_sentence_is_not_a_person():
    people = [e.name for e in entities(_doc()) if e.kind == PERSON]
    assert people == ["Lena Marsh"]


def test_a_name_typed_in_lower_case_is_what_the_next_turn_refers_to():
    history = [{"role": "user", "content": "who is lena marsh?"},
               {"role": "assistant", "content": "Port director. Port director Lena Marsh said the backlog would "
                                                "take ten days to clear. [1]"}]
    assert resolve("what did she say?", history).searched == "what did Lena Marsh say?"
    history = [{"role": "user", "content": "when did haftar meet putin"},
               {"role": "assistant", "content": "September 28. On September 28, Marshal Khalifa Haftar met "
                                                "President Vladimir Putin in Moscow. [1]"}]
    assert resolve("why did he go there?", history).searched.startswith("why did Marshal Khalifa Haftar go")
