"""The chat's JSON API (`/answer`): an Answer as plain JSON for programs using gradio_client, and the endpoint."""
from __future__ import annotations

from typing import Callable

from core.errors import AskError, QuestionError
from qa import Answer, request

from .checks import problem

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


class AnswerEndpoint:
    """`/answer`: the same check as every other entry point (`qa.request.check`), then `service.answer`."""

    def __init__(self, service, max_chars: int):
        self.service = service
        self.max_chars = max_chars

    def __call__(self, question: str, history: list | None = None, sources: list[str] | None = None,
                 since: str = "", until: str = "") -> dict:
        import gradio as gr

        question = question.strip() if isinstance(question, str) else question
        try:
            checked = request.check(question, history, sources or None, since, until, max_chars=self.max_chars)
        except QuestionError as exc:
            message = problem(exc, question if isinstance(question, str) else "", str(since or ""),
                              str(until or ""), self.max_chars).message
            raise gr.Error(message) from None
        try:
            chosen = checked.filters.sources
            answer = self.service.answer(checked.question, plain_history(checked.history),
                                         sources=None if chosen is None else sorted(chosen),
                                         since=(since or "").strip() or None, until=(until or "").strip() or None)
        except AskError as exc:
            raise gr.Error(str(exc)) from None
        return answer_json(answer)


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
