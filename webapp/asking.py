"""The question handler: a question typed or an example clicked is checked, posted, answered and rendered."""
from __future__ import annotations

from typing import Iterator

import gradio as gr

from core.errors import AskError
from qa import Answer

from .checks import Problem, check_dates, check_question, problem_html
from .messages import answer_message, error_message, history_for_qa, pending_message, question_message

ASK_NOTE = "qa-ask-error"
DATE_NOTE = "qa-date-error"
EMPTY = Problem("question", "Type a question first, then press Enter or Ask.")
"""What Enter or Ask on an empty box says (programs calling /answer get qa's own message)."""
UNEXPECTED = "something went wrong while answering this question (the app's log says what); please ask again"


def _date(value: str | None) -> str | None:
    return (value or "").strip() or None


class QuestionHandler:
    """Yields (question box, chat, note beside the Ask box). A refused question is not posted: the typed text
    stays and the note says why (its class names the field at fault, which the page then focuses)."""

    def __init__(self, service, max_chars: int):
        self.service = service
        self.max_chars = max_chars

    def ask(self, question: str, messages: list, sources: list[str] | None, since: str = "",
                 until: str = "") -> Iterator[tuple[str, list, str]]:
        typed = question or ""
        question = typed.strip()
        if not question:
            yield typed, messages, problem_html(EMPTY, ASK_NOTE)
            return
        history = history_for_qa(messages)
        found = check_question(question, history, sources or None, since or "", until or "", self.max_chars)
        if found is not None:
            yield typed, messages, problem_html(found, ASK_NOTE)
            return
        messages = [*messages, question_message(question), pending_message()]
        yield "", list(messages), ""  # a copy: the list goes on to change
        finished = False
        try:
            # Only the finished Answer is shown: the text chunks streamed before it are the same text without
            # its layout (answer phrase, marked citations), so showing them would make the answer jump.
            for item in self.service.stream(question, history, sources=sources or None, since=_date(since),
                                            until=_date(until)):
                if isinstance(item, Answer):
                    messages[-1] = answer_message(item, question)
                    finished = True
                    yield "", messages, ""
        except AskError as exc:
            messages[-1] = error_message(str(exc))
            yield "", messages, ""
            return
        except Exception:
            # A bug: the turn ends in the chat rather than staying pending, and the error goes on to the log.
            messages[-1] = error_message(UNEXPECTED)
            yield "", messages, ""
            raise
        if not finished:  # a bug upstream: say so rather than leave the turn pending forever
            messages[-1] = error_message("the answer step ended without an answer")
            yield "", messages, ""

    def suggested(self, messages: list, evt: gr.EventData):
        """A click on a question suggested under an upload report: asked of its article alone (the chooser and
        the dates are for typed questions; "What is this article about?" means the article just added). The
        question box keeps whatever is being typed."""
        source = getattr(evt, "source", "") or ""
        for _, chat, note in self.ask(getattr(evt, "question", "") or "", messages, [source] if source else None):
            yield gr.update(), chat, note

    def example(self, messages: list, sources: list[str] | None, since: str, until: str, evt: gr.SelectData):
        """A click on an example question: asked like a typed one."""
        yield from self.ask(evt.value["text"], messages, sources, since, until)


def date_note(since: str, until: str) -> str:
    """The note under the date fields: why they cannot be used ('' when they can)."""
    return problem_html(check_dates(since or "", until or ""), DATE_NOTE)
