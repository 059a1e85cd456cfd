"""What will happen if …: which questions ask it and what conditions a sentence states (lang/conditions.py), and
the sentence whose condition means the question's, by the embedder's cosine (qa/skills/conditions.py)."""
from __future__ import annotations

import numpy as np

from core.types import ArticleInfo
from lang.conditions import asks_condition, conditions
from qa.skills.article import ArticleDoc, Line
from qa.skills.conditions import what_if

TEXT = ("The council voted to close the old bridge. If no buyer is found by May, the bridge will be demolished. "
        "Traffic will move to the ring road if the work starts in June.")


def test_questions_that_ask_what_follows_from_a_condition():
    assert asks_condition("What will happen if the talks take longer than 60 days?") == \
        "the talks take longer than 60 days"
    assert asks_condition("whats going to happen if voters say no") == "voters say no"
    assert asks_condition("what happens if nobody buys the bridge") == "nobody buys the bridge"
    assert asks_condition("what if members vote yes") == "members vote yes"  # the chat's short form
    for other in ["What happened when the police arrived?", "what if?", "What will the city do?",
                  "What happens when the immune system is less active?"]:  # "when": mostly what it is called
        assert asks_condition(other) is None, other


def test_the_conditions_a_sentence_states_run_to_the_next_comma():
    assert conditions("If no buyer is found by May, the bridge will be demolished.") == ["no buyer is found by May"]
    assert conditions("Traffic will move if the work starts in June.") == ["the work starts in June"]
    assert conditions("The bridge will be demolished.") == []
    assert conditions("The council should sell the bridge, Lee said.") == []  # advice, not a condition


class Meanings:
    """An embedder that knows a few phrases, each a fixed unit vector (any other: a vector of its own)."""

    table = {"nobody buys the bridge": [1.0, 0.0, 0.0], "no buyer is found by May": [0.8, 0.6, 0.0],
             "the work starts in June": [0.0, 0.0, 1.0], "it snows in winter": [0.2, -0.98, 0.0]}

    def __call__(self, texts: list[str]) -> np.ndarray:
        return np.array([self.table.get(t, [0.0, 1.0, 0.0]) for t in texts], dtype=np.float32)


def _doc() -> ArticleDoc:
    info = ArticleInfo(source="bridge.md", title="Bridge", date="2024-10-09", content_hash="h", size_bytes=len(TEXT),
                       passages=1, sentences=3, ingested_at=0.0, title_start=-1, title_end=-1, date_start=-1,
                       date_end=-1)
    from ingest.records import StoredPassage

    passage = StoredPassage(id="bridge.md#h#0", source="bridge.md", content_hash="h", index=0, start=0,
                            end=len(TEXT), text=TEXT, sentences=())
    cuts = [0, TEXT.index("If no"), TEXT.index("Traffic"), len(TEXT) + 1]
    lines = [Line(k, a, b - 1, TEXT[a:b - 1], passage) for k, (a, b) in enumerate(zip(cuts, cuts[1:]))]
    return ArticleDoc(info, lines, np.zeros((3, 4), dtype=np.float32), TEXT)


def test_the_sentence_whose_condition_means_the_questions_is_the_answer():
    found = what_if("nobody buys the bridge", [_doc()], Meanings())
    cited = found.draft.citations[0]
    assert cited.quote == "If no buyer is found by May, the bridge will be demolished." and cited.quote == \
        TEXT[cited.start:cited.end]
    assert what_if("it snows in winter", [_doc()], Meanings()) is None  # no condition of the article means it
    assert what_if("nobody buys the bridge", [_doc()], None) is None  # nothing to compare meanings with
