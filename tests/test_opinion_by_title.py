"""What someone thinks, asked by what the article calls them (qa/skills/answer.py: Skills.opinion), end to end
with the real embedder and an embedded Chroma: "the headteacher" finds "Headteacher Fiona Castle", whose title
the article writes as part of her name and gives her no other role; "why did the headteacher want the ban?" is
answered by her words, as likely."""
from __future__ import annotations

import pytest

from qa.types import Level, Route
from support import service_on
from test_answer import assert_citations_are_exact

pytestmark = pytest.mark.integration

TEXT = """# School locks away pupils' phones

Pupils at Hillside Academy will lock their phones in pouches for the whole school day from September.
Headteacher Fiona Castle said the decision followed a trial with younger pupils in the spring.
"Children are coming into lessons exhausted, and a lot of that starts on the screen in their pocket," Castle said.
The pouches cost about 18 pounds each and will be paid for by the school.
"""


@pytest.fixture(scope="module")
def school(tmp_path_factory, embedder):
    return service_on(tmp_path_factory.mktemp("title"), embedder, "school.md", TEXT)


def test_what_someone_called_by_their_title_thinks_is_their_reported_words(school):
    svc, texts = school
    a = svc.answer("what does the headteacher think?", [])
    assert_citations_are_exact(a, texts)
    assert a.route is Route.OPINION and any("exhausted" in c.quote for c in a.citations)


def test_why_they_hold_their_view_is_their_words_as_likely(school):
    svc, texts = school
    a = svc.answer("why did the headteacher want the ban?", [])
    assert_citations_are_exact(a, texts)
    assert a.route is Route.OPINION and a.level is Level.LIKELY
    assert any("exhausted" in c.quote for c in a.citations)
