"""qa/skills/timeline.py on an article the test writes: a sentence with two dates is an event of each, and what
someone did on a day is found by either."""
from __future__ import annotations

import numpy as np

from core.types import ArticleInfo
from lang.forms import Kind, form
from qa.skills import timeline
from qa.skills.article import ArticleDoc, Line

TEXT = ("The governor declared an emergency on Sunday and toured the flooded towns the next day. "
        "The river crested on Tuesday.")


def _doc() -> ArticleDoc:
    info = ArticleInfo(source="flood.md", title="Flood", date="2024-10-09", content_hash="h", size_bytes=len(TEXT),
                       passages=1, sentences=2, ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1,
                       date_end=-1)
    cut = TEXT.index("The river")
    lines = [Line(0, 0, cut - 1, TEXT[:cut - 1], None), Line(1, cut, len(TEXT), TEXT[cut:], None)]
    return ArticleDoc(info, lines, np.zeros((2, 4), dtype=np.float32), TEXT)


def test_a_sentence_with_two_dates_is_found_by_its_second():
    doc = _doc()
    monday = timeline.parse_asked("Monday", doc)
    found = timeline.on(doc, monday)
    assert [e.line.number for e in found] == [0]
    assert found[0].date.text == "the next day"  # dated by the date that falls on the day asked
    assert TEXT[found[0].date.start:found[0].date.end] == "the next day"
    sunday = timeline.on(doc, timeline.parse_asked("Sunday", doc))
    assert [e.date.text for e in sunday] == ["on Sunday"]
    # The timeline itself keeps one row per sentence, by its first date.
    assert [e.date.text for e in timeline.events(doc)] == ["on Sunday", "on Tuesday"]


def test_what_someone_did_on_a_day_asks_for_that_days_events_of_them():
    f = form("What did the governor do on Monday?")
    assert f.kind is Kind.TIMELINE and f.subject == "Monday" and f.topic == "the governor"
    assert form("What did the governor say about Monday?").kind is not Kind.TIMELINE


def test_what_came_next_may_be_told_in_the_same_sentence():
    doc = _doc()
    mine, step = timeline.after(doc, doc.lines[0])
    assert mine.date.text == "on Sunday" and step.line.number == 0 and step.date.text == "the next day"
    mine, step = timeline.after(doc, doc.lines[1])  # Tuesday: nothing later
    assert mine.date.text == "on Tuesday" and step is None
    mine, step = timeline.after(doc, doc.lines[1], before=True)
    assert step.line.number == 0  # the event before Tuesday


def test_a_sentence_may_go_on_to_what_came_of_the_event():
    from lang.words import terms

    said = "In March 2019, Cyclone Hela killed 200 people, and the government afterwards promised new shelters."
    assert timeline.tells_what_followed(said, set(terms("cyclone hela")))
    # "later" before the event asked about tells nothing of what followed it
    assert not timeline.tells_what_followed("Later, Cyclone Hela killed 200 people.", set(terms("cyclone hela")))
    assert not timeline.tells_what_followed("Cyclone Hela killed 200 people.", set(terms("cyclone hela")))


def _sentences(text: str) -> ArticleDoc:
    info = ArticleInfo(source="storm.md", title="Storm", date="2024-10-09", content_hash="h", size_bytes=len(text),
                       passages=1, sentences=4, ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1,
                       date_end=-1)
    cuts = [0] + [i + 2 for i, ch in enumerate(text) if ch == "." and i + 2 < len(text)] + [len(text) + 1]
    lines = [Line(k, a, b - 1, text[a:b - 1], None) for k, (a, b) in enumerate(zip(cuts, cuts[1:]))]
    return ArticleDoc(info, lines, np.zeros((len(lines), 4), dtype=np.float32), text)


def test_what_came_next_is_every_event_told_on_that_day():
    doc = _sentences("The storm hit the coast on Sunday. Crews cleared the roads on Monday. The mayor visited the "
                     "harbour on Monday. Schools reopened on Wednesday.")
    _, step = timeline.after(doc, doc.lines[0])
    assert [e.line.number for e in timeline.same_day(doc, step)] == [1, 2]  # both Monday events, not Wednesday's
    _, step = timeline.after(doc, doc.lines[2])
    assert [e.line.number for e in timeline.same_day(doc, step)] == [3]


def test_the_aftermath_is_what_followed_within_a_month():
    doc = _sentences("The storm hit the coast on Sunday. Crews cleared the roads on Monday. Schools reopened on "
                     "Wednesday. The port will reopen in March 2025.")
    _, step = timeline.after(doc, doc.lines[0])
    assert [e.line.number for e in timeline.following(doc, step, 4)] == [1, 2]  # not the port, months later
    assert [e.line.number for e in timeline.following(doc, step, 1)] == [1]


def test_a_date_the_sentence_plans_for_after_the_articles_day_is_not_what_came_next():
    # The article is of 2024-10-09: "from 1 April" is a plan, not an event that followed the vote.
    doc = _sentences("The council voted on Monday to raise fares from 1 April 2025. The next day, the mayor "
                     "resigned.")
    mine, step = timeline.after(doc, doc.lines[0])
    assert mine.date.text == "on Monday" and step.line.number == 1
    told = _sentences("The council voted on Monday to raise fares, and on Tuesday the mayor resigned.")
    _, step = timeline.after(told, told.lines[0])
    assert step.line.number == 0 and step.date.text == "on Tuesday"  # told in the same sentence, and past


def test_a_next_sentence_that_says_it_comes_then_is_what_came_after():
    assert timeline.goes_on("The sheds will then be cleaned and disinfected.")
    assert timeline.goes_on("Afterwards, the crowd went home.")
    assert timeline.goes_on("A week later, the trust announced a new route.")
    assert timeline.goes_on("The next day, the roads reopened.")
    assert not timeline.goes_on("The road reopened two weeks later than planned.")  # not what opens the sentence
    for not_next in ("Since then the farm has been empty.", "Back then it was small.", "It was then that they knew."):
        assert not timeline.goes_on(not_next), not_next


def test_what_came_after_an_event_is_the_next_sentence_of_its_passage_that_says_then():
    from ingest.records import StoredPassage
    from qa.skills.sequence import what_came

    text = "The cull began on Thursday. The sheds will then be cleaned. Vets visited on Friday."
    cuts = [0, text.index("The sheds"), text.index("Vets"), len(text)]
    one = StoredPassage(id="p0", source="farm.md", content_hash="h", index=0, start=0, end=cuts[2], text=text[:cuts[2]],
                        sentences=())
    two = StoredPassage(id="p1", source="farm.md", content_hash="h", index=1, start=cuts[2], end=len(text),
                        text=text[cuts[2]:], sentences=())
    lines = [Line(i, cuts[i], cuts[i + 1], text[cuts[i]:cuts[i + 1]], p) for i, p in enumerate((one, one, two))]
    info = ArticleInfo(source="farm.md", title="Farm", date="2026-03-06", content_hash="h", size_bytes=len(text),
                       passages=2, sentences=3, ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1,
                       date_end=-1)
    doc = ArticleDoc(info, lines, np.zeros((3, 4), dtype=np.float32), text)
    found = what_came(doc, lines[0], {"cull"}, before=False)
    assert found.draft.text.startswith("Next, the article says: The sheds will then be cleaned.")


def test_what_happens_after_an_event_to_come_is_what_the_article_says_will_follow_it():
    import pytest

    pytest.importorskip("spacy")
    from qa.skills.sequence import to_come_after
    from support import article_doc

    assert form("what happens after the branch shuts").ahead and not form("what happened after the vote").ahead
    doc = article_doc("""# Bank to close

The bank will close its branch on 14 March.
The cash machine outside the branch will be removed when the branch closes.
Staff were told last week when the branch would open on Saturdays.
""")
    a = to_come_after([doc], "the branch shuts")
    assert a is not None and [c.quote for c in a.draft.citations] == [
        "The cash machine outside the branch will be removed when the branch closes."]
    assert to_come_after([doc], "the school shuts") is None


def test_a_speakers_loose_look_back_inside_a_quote_dates_no_event():
    from support import article_doc

    doc = article_doc("# Theatre appeal\n\nThe grant came in May, when the fund awarded the theatre £75,000.\n\n"
                      "\"Six months ago we did not know whether this theatre had a future,\" she said.\n\n"
                      "Work is due to begin on 14 July.\n")
    dated = [e.date.text for e in timeline.events(doc)]
    assert "Six months ago" not in dated and "in May" in " ".join(dated) and any("14 July" in d for d in dated)
