"""The chat's JSON API (`/answer`): an Answer as plain JSON for programs using gradio_client, and the endpoint."""
from __future__ import annotations

import logging
from typing import Callable

from core.errors import AskError, QuestionError, one_line
from qa import Answer, request

from .checks import problem

log = logging.getLogger(__name__)

FALLBACK_QUESTION = "What is this article about?"
"""The API page's example question when the loaded articles have none."""
PARAMETERS = {
    "question": "The question about the loaded articles.",
    "history": 'Earlier turns, oldest first: a list of {"role": "user" | "assistant", "content": text}; [] for none.',
    "sources": "Article names to ask (as listed in the page's header); [] or None asks all of them.",
    "since": "Only articles dated on or after this day, YYYY-MM-DD; '' for no lower bound.",
    "until": "Only articles dated on or before this day, YYYY-MM-DD; '' for no upper bound.",
}
DESCRIPTION = ("Answer a question about the loaded articles, as JSON: text (with markers [1], [2]), short (the "
               "exact answer phrase, or None), level (sure, likely, doubtful, refused, or not judged for small talk), "
               "confidence (0..1), abstained, reason, "
               "searched, citations and alternatives (each with its source, title, date, start and end offsets and "
               "quote). Bad input raises an error that says what to fix.")


def answer_json(answer: Answer) -> dict:
    """The answer as `/answer` returns it: its one JSON shape (qa.types.Answer.to_json)."""
    return answer.to_json()


def plain_history(history: tuple | list) -> list[dict]:
    """A checked history (qa.request accepted it) as the plain {"role", "content"} turns qa reads."""
    return [{"role": turn.get("role"), "content": turn.get("content")} for turn in history]


def wrong_type(sources, since, until) -> str | None:
    """What is wrong with a filter of the wrong type (None when each has a usable one). qa.request.check takes
    Python values of any shape; a JSON caller can send a number where text belongs, which would otherwise be
    a TypeError there (sources) or a date read from digits (20231106)."""
    if sources is not None and not isinstance(sources, (str, list, tuple)):
        return f"sources must be a list of article names, not {type(sources).__name__}"
    for name, value in (("since", since), ("until", until)):
        if value is not None and not isinstance(value, str):
            return f"{name} must be text, a date as YYYY-MM-DD (e.g. 2023-11-06), not {type(value).__name__}"
    return None


def unknown_sources(chosen, loaded) -> QuestionError | None:
    """The error for article names that name no loaded article (None when all do): a typo would otherwise be
    answered as "the filter matches no article"."""
    unknown = sorted(set(chosen) - set(loaded))
    if not unknown:
        return None
    names = ", ".join(f"“{name}”" for name in unknown)
    listed = ", ".join(sorted(loaded)[:MAX_LISTED])
    more = f" and {len(loaded) - MAX_LISTED:,} more" if len(loaded) > MAX_LISTED else ""
    return QuestionError(f"no loaded article is named {names}: choose from {listed or 'none'}{more} (the page's "
                         f"header lists them), or give [] to ask all of them", field="sources")


MAX_LISTED = 10
"""How many loaded article names an unknown-article error lists."""


class AnswerEndpoint:
    """`/answer`: the same check as every other entry point (`qa.request.check`), then `service.answer`.

    Bad input and a store that cannot be used are expected: one warning line in the log and a `gr.Error`
    the caller receives as its message (Gradio prints no traceback for it). Anything else is a bug and is
    raised as it is, traceback and all."""

    def __init__(self, service, max_chars: int):
        self.service = service
        self.max_chars = max_chars

    def __call__(self, question: str, history: list | None = None, sources: list[str] | None = None,
                 since: str = "", until: str = "") -> dict:
        question = question.strip() if isinstance(question, str) else question
        wrong = wrong_type(sources, since, until)
        if wrong is not None:
            raise self._refuse(wrong)
        try:
            checked = request.check(question, history, sources or None, since, until, max_chars=self.max_chars)
            chosen = checked.filters.sources
            if chosen is not None and (error := unknown_sources(chosen, self.service.articles())) is not None:
                raise error
        except QuestionError as exc:
            raise self._refuse(problem(exc, question if isinstance(question, str) else "", str(since or ""),
                                       str(until or ""), self.max_chars).message) from None
        except AskError as exc:
            raise self._refuse(str(exc)) from None
        try:
            answer = self.service.answer(checked.question, plain_history(checked.history),
                                         sources=None if chosen is None else sorted(chosen),
                                         since=(since or "").strip() or None, until=(until or "").strip() or None)
        except AskError as exc:
            raise self._refuse(str(exc)) from None
        return answer_json(answer)

    @staticmethod
    def _refuse(message: str):
        import gradio as gr

        log.warning("/answer refused: %s", one_line(Exception(message)))
        return gr.Error(message, print_exception=False)


def add_endpoint(service, max_chars: int, examples: Callable[[], list[str]] = list) -> None:
    """Register `/answer` in the Blocks being built, its parameters named and described on the API page, its
    example question the first of `examples()` (the loaded articles' example questions, read when shown)."""
    import gradio as gr

    endpoint = AnswerEndpoint(service, max_chars)

    def answer(question: str, history: list | None = None, sources: list[str] | None = None, since: str = "",
               until: str = "") -> dict:
        return endpoint(question, history, sources, since, until)

    dependency = gr.api(answer, api_name="answer", api_description=DESCRIPTION)
    # gr.api labels its parameters "1st", "2nd"...: give them their names and descriptions instead.
    block = gr.context.get_blocks_context().fns[dependency["id"]]
    for component, (name, text) in zip(block.inputs, PARAMETERS.items(), strict=True):
        component.label = name
        component._api_info = {**component._api_info, "additional_description": text}
    block.inputs[0].example_payload = lambda: next(iter(examples()), FALLBACK_QUESTION)
    block.outputs[0].label = "answer"
