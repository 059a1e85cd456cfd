""""And then?" after a dated event whose passage goes on, undated, with what happened to the one it named: the
next sentences of the story, not the article's other dated events."""
from __future__ import annotations

import numpy as np
import pytest

from core.types import ArticleInfo
from ingest.records import StoredPassage
from qa.skills.article import ArticleDoc, Line
from qa.skills.sequence import narrates, what_came


@pytest.mark.parametrize("sentence, goes_on", [
    ("A loose boulder struck her on a steep section of the descent, breaking her left leg.", True),
    ("She was carried off the hill by her teammates and airlifted to hospital.", True),
    ("Police arrested him at the scene.", True),
    ("She said she was sore but stubborn.", False),  # what was said of it
    ("She was 34.", False),  # a state
    ("She had joined the team in 2017.", False),  # told from before, and dated
    ("Her teammates carried the stretcher.", False),  # "her" only owns
    ("The team was called out 174 times.", False),  # no one pointed back to
    ("She will be back on call by the summer.", False),  # to come
    ("On Monday she was discharged.", False),  # dated: the timeline's
    ("He was previously convicted of assault and was banned from the pub.", False),  # from before
    ("He bought the pub from the brewery with his wife, Lynn.", False),  # what he did: maybe his story before
    ("He was known to regulars as a gentle giant.", False),  # who he was
    ("She was loved by colleagues and patients alike.", False),
    ("He was nicknamed Big Dave by regulars.", False),
    ("He was brought up in Bridgend.", False),
    ("He was seen by paramedics at the scene.", True),
])
def test_an_undated_deed_done_to_or_by_someone_pointed_back_to_goes_on_with_the_story(sentence, goes_on):
    assert narrates(sentence) is goes_on


def _doc(sentences: list[str], passages: list[int]) -> ArticleDoc:
    text = " ".join(sentences)
    starts = [text.index(s) for s in sentences]
    spans = {}
    for k, p in enumerate(passages):
        a, b = spans.get(p, (starts[k], starts[k] + len(sentences[k])))
        spans[p] = (min(a, starts[k]), starts[k] + len(sentences[k]))
    stored = {p: StoredPassage(id=f"p{p}", source="rescue.md", content_hash="h", index=p, start=a, end=b,
                               text=text[a:b], sentences=()) for p, (a, b) in spans.items()}
    lines = [Line(k, starts[k], starts[k] + len(s), s, stored[passages[k]]) for k, s in enumerate(sentences)]
    info = ArticleInfo(source="rescue.md", title="Rescue", date="2026-03-06", content_hash="h", size_bytes=len(text),
                       passages=len(stored), sentences=len(lines), ingested_at=0.0, title_start=-1, title_end=-1,
                       date_start=-1, date_end=-1)
    return ArticleDoc(info, lines, np.zeros((len(lines), 4), dtype=np.float32), text)


STORY = ["On the night of 8 February, volunteer Hannah Lusk was injured during a rescue.",
         "A loose boulder struck her on the descent, breaking her left leg.",
         "She was carried off the hill by her teammates.",
         "The appeal was launched on Saturday, 1 March."]


def test_what_came_after_a_dated_event_is_the_story_its_passage_goes_on_to_tell():
    doc = _doc(STORY, [0, 0, 0, 1])
    found = what_came(doc, doc.lines[0], {"lusk", "injur"}, before=False)
    text = found.draft.text
    assert text.startswith("Next, the article says: A loose boulder struck her on the descent")
    assert "She was carried off the hill" in text and "appeal" not in text


def test_a_story_told_on_in_another_passage_leaves_the_dated_events_to_the_timeline():
    doc = _doc(STORY, [0, 1, 1, 1])  # the boulder is another passage's: no longer the same telling
    found = what_came(doc, doc.lines[0], {"lusk", "injur"}, before=False)
    assert "Saturday" in found.draft.text and "boulder" not in found.draft.text
