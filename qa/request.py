"""One check of what a caller asks (question, history, article and date filters), the same for `answer()`,
`python -m qa`, the chat and `/answer`. Light to import: the CLI refuses bad input before any model loads."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.errors import QuestionError
from lang.normalize import clean

from qa.retrieval.filters import Filters


@dataclass(frozen=True)
class Request:
    """A question that may be asked, with what it is asked of."""

    question: str
    """The question, whitespace and quotes normalized."""
    history: tuple[dict, ...]
    """Earlier turns, Gradio-style messages ({"role": "user" | "assistant", "content": text})."""
    filters: Filters


def check_question(question: Any, max_chars: int) -> str:
    """The normalized question, or QuestionError saying what to fix."""
    if not isinstance(question, str):
        raise QuestionError(f"the question must be text, not {type(question).__name__}")
    text = clean(question)
    if not text:
        raise QuestionError("empty question: type a question about the articles")
    if len(question) > max_chars:
        raise QuestionError(f"question too long: {len(question)} characters, the limit is {max_chars} "
                            f"(QA_MAX_QUESTION_CHARS); ask about one thing at a time")
    return text


def check_filters(sources: Any = None, since: Any = None, until: Any = None) -> Filters:
    """The article and date filters, or QuestionError naming the bad one (a date that is not YYYY-MM-DD,
    a From date after the To date, article names that are not text)."""
    if isinstance(sources, str):
        sources = [sources]
    if sources is not None and not all(isinstance(s, str) for s in sources):
        raise QuestionError("sources must be a list of article names", field="sources")
    since = since.strip() if isinstance(since, str) else since
    until = until.strip() if isinstance(until, str) else until
    filters = Filters.of(sources, since or None, until or None)
    if filters.since is not None and filters.until is not None and filters.since > filters.until:
        raise QuestionError(f"since={since} is after until={until}: swap them", field="since")
    return filters


def check_history(history: Any) -> tuple[dict, ...]:
    if history is None:
        return ()
    if not isinstance(history, (list, tuple)) or not all(
            isinstance(m, dict) and isinstance(m.get("content", ""), (str, list, dict, type(None))) for m in history):
        raise QuestionError('history must be a list of {"role": ..., "content": ...} messages', field="history")
    return tuple(history)


def check(question: Any, history: Any = None, sources: Any = None, since: Any = None, until: Any = None, *,
          max_chars: int) -> Request:
    """Every input checked once, at the edge: the Request to answer, or QuestionError (with its `field`)."""
    return Request(check_question(question, max_chars), check_history(history), check_filters(sources, since, until))
