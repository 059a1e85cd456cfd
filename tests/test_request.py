"""qa/request.py: every input of a question checked once, at the edge, and refused with the field at fault."""
from __future__ import annotations

import pytest

from core.errors import QuestionError
from qa.request import Request, check, check_filters, check_history, check_question
from qa.retrieval.filters import Filters


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "\u200b"])
def test_empty_question_is_refused(question):
    with pytest.raises(QuestionError, match="empty question"):
        check_question(question, 2000)


def test_too_long_question_is_refused_with_the_limit():
    with pytest.raises(QuestionError, match="10000 characters, the limit is 2000"):
        check_question("why " * 2500, 2000)


def test_odd_unicode_is_normalized_not_refused():
    assert check_question("Who is “Haftar”\u00a0?", 2000) == 'Who is "Haftar" ?'


def test_a_question_that_is_not_text_is_refused_with_its_type():
    with pytest.raises(QuestionError, match="must be text, not int") as refused:
        check_question(42, 2000)
    assert refused.value.field == "question"


def test_a_from_date_after_the_to_date_is_refused_on_the_from_field():
    with pytest.raises(QuestionError, match="since=2025-01-01 is after until=2024-01-01: swap them") as refused:
        check_filters(since="2025-01-01", until="2024-01-01")
    assert refused.value.field == "since"
    assert check_filters(since="2024-01-01", until="2024-01-01") == Filters(since=20240101, until=20240101)


@pytest.mark.parametrize("since, until, field, bad", [
    ("last week", None, "since", "last week"),
    (None, "2024-13-40", "until", "2024-13-40"),
    ("14/03/2025", "2025-03-20", "since", "14/03/2025"),
])
def test_a_bad_date_is_refused_naming_its_field(since, until, field, bad):
    with pytest.raises(QuestionError, match="is not a date: use YYYY-MM-DD") as refused:
        check_filters(since=since, until=until)
    assert refused.value.field == field and f"{field}='{bad}'" in str(refused.value)


def test_dates_are_trimmed_and_blank_dates_filter_nothing():
    assert check_filters(since=" 2024-01-01 ", until="  ") == Filters(since=20240101)
    assert check_filters(since="", until="").empty


@pytest.mark.parametrize("sources", [["a.txt", 3], [None], [b"a.txt"]])
def test_sources_that_are_not_text_are_refused(sources):
    with pytest.raises(QuestionError, match="sources must be a list of article names") as refused:
        check_filters(sources=sources)
    assert refused.value.field == "sources"


def test_one_article_name_is_a_list_of_one():
    assert check_filters(sources="a.txt") == Filters(sources=frozenset({"a.txt"}))
    assert check_filters(sources=["a.txt", "b.txt"]).sources == {"a.txt", "b.txt"}


@pytest.mark.parametrize("history", ["hello", 3, {"role": "user", "content": "hi"}, ["hi"],
                                     [{"role": "user", "content": 5}], [{"role": "user", "content": "hi"}, None]])
def test_history_that_is_not_a_list_of_messages_is_refused(history):
    with pytest.raises(QuestionError, match="history must be a list of") as refused:
        check_history(history)
    assert refused.value.field == "history"


def test_history_of_messages_is_kept_in_order():
    turns = [{"role": "user", "content": "Who is Haftar?"}, {"role": "assistant", "content": "A commander [1]."}]
    assert check_history(turns) == tuple(turns)
    assert check_history(None) == ()


def test_check_gives_the_request_to_answer_or_the_first_field_at_fault():
    assert check("Who is “Haftar”?", None, "a.txt", "2023-01-01", max_chars=2000) == Request(
        question='Who is "Haftar"?', history=(), filters=Filters(sources=frozenset({"a.txt"}), since=20230101))
    with pytest.raises(QuestionError) as refused:
        check("Who is Haftar?", "not a list", max_chars=2000)
    assert refused.value.field == "history"
