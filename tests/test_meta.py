"""qa/conversation/meta.py: questions about the article itself (its date, its subject) are told apart from
questions about its content."""
from __future__ import annotations

from qa.conversation import meta


def test_questions_about_the_article_itself_are_recognized():
    assert meta.kind("What is the date of the article?") == "date"
    assert meta.kind("When was this article published?") == "date"
    assert meta.kind("What is this article about?") == "about"
    assert meta.kind("Which research company published the report on Wagner?") is None
    assert meta.kind("What date did the bridge open?") is None
