"""What the page says when `qa.request` refuses an input: the decision is qa's, the wording and the field the
page's."""
from __future__ import annotations

import html
from dataclasses import dataclass

from core.errors import QuestionError
from qa import request

FIELD_LABELS = {"since": "From", "until": "To"}
"""The page's name for each date field that `QuestionError.field` can name."""


@dataclass(frozen=True)
class Problem:
    """An input the page refuses: which field is at fault, and what to tell the reader."""

    field: str
    """"question", "since", "until", "sources" or "history" (`QuestionError.field`)."""
    message: str


def date_problem(exc: QuestionError, since: str, until: str) -> Problem:
    """The page's words for a refused date filter. Each field is asked of `qa.request` on its own: a field
    refused alone is not a date; when both pass alone, it is their order."""
    for name, value in (("since", since), ("until", until)):
        try:
            request.check_filters(None, **{name: value})
        except QuestionError:
            shown = (value or "").strip()
            return Problem(name, f"{FIELD_LABELS[name]} date “{shown}” is not a date: write it as YYYY-MM-DD, "
                                 f"e.g. 2023-11-06.")
    return Problem(exc.field, "The From date is after the To date: swap them, or clear one of them.")


def problem(exc: QuestionError, question: str, since: str, until: str, max_chars: int) -> Problem:
    """`exc` in the page's words, for the field it names."""
    if exc.field in FIELD_LABELS:
        return date_problem(exc, since, until)
    if exc.field == "question" and question.strip():
        # qa refuses a question that is not empty for its length; its message names the setting, this one the limit.
        return Problem("question", f"This question is {len(question):,} characters long; questions can be at most "
                                   f"{max_chars:,} characters. Shorten it and ask again.")
    return Problem(exc.field, str(exc))


def check_question(question: str, history: list, sources, since: str, until: str, max_chars: int) -> Problem | None:
    """None when the question may be asked as typed, else the Problem (decided by `qa.request.check`)."""
    try:
        request.check(question, history, sources, since, until, max_chars=max_chars)
    except QuestionError as exc:
        return problem(exc, question, since, until, max_chars)
    return None


def check_dates(since: str, until: str) -> Problem | None:
    """None when the date fields are fine (or empty), else the Problem (decided by `qa.request.check_filters`)."""
    try:
        request.check_filters(None, since, until)
    except QuestionError as exc:
        return date_problem(exc, since, until)
    return None


def problem_html(found: Problem | None, css_class: str) -> str:
    """A Problem as a note on the page; its class names the field (`qa-bad-since`), so the page can focus it.
    The typed value is text, never markup."""
    if found is None:
        return ""
    return (f'<div class="{css_class} qa-bad-{html.escape(found.field)}" role="alert">'
            f'{html.escape(found.message)}</div>')
