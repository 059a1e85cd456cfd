"""The web chat: `python app.py` builds the Gradio page over the ingested articles and launches it.

A thin face over `qa` and `ingest`: questions go to `service.stream(...)`, uploads to `service.ingest(...)`,
every input is checked by `qa.request`. The parts live in `webapp/`: the layout (`layout.py`), the question
handler (`asking.py`), the upload handler (`adding.py`), the JSON API (`api.py`), what is loaded
(`library.py`), example and suggested questions (`examples.py`, `suggest.py`), HTML (`render.py`,
`turns.py`), chat messages (`messages.py`), uploads (`uploads.py`), the feedback log (`feedback.py`) and
the page's colours (`theme.py`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from core.errors import StoreUnavailable
from core.settings import configure_chat_uploads, configure_offline, get_settings

# The entry point keeps the libraries offline (no downloads, no analytics) before gradio loads: gradio and
# huggingface_hub read these variables when they are imported.
configure_offline()
import gradio as gr  # noqa: E402

from webapp.adding import UploadHandler  # noqa: E402
from webapp.api import add_endpoint  # noqa: E402
from webapp.asking import QuestionHandler, date_note  # noqa: E402
from webapp.examples import ExampleQuestions  # noqa: E402
from webapp.feedback import FeedbackLog  # noqa: E402
from webapp.layout import Page, build_layout  # noqa: E402
from webapp.library import Library  # noqa: E402
from webapp.theme import theme  # noqa: E402

ASSETS = Path(__file__).resolve().parent / "app_assets"
QUESTION_CONCURRENCY = 4
UPLOAD_CEILING = 20
"""Gradio refuses files over this many times QA_MAX_FILE_MB before they are sent (it protects the disk). Files
between the limit and the ceiling reach the app, which refuses them in its own report with the limit in words;
Gradio's own refusal would leave the drop zone stuck in an error state."""
PRIVATE = {"api_visibility": "private", "queue": False, "show_progress": "hidden"}
AFTER_ASK = "() => window.qaAfterAsk && window.qaAfterAsk()"
"""After a question: the field a refusal names gets the focus (app.js)."""


def wire_questions(page: Page, asker: QuestionHandler) -> None:
    """Asking (Enter, the Ask button, an example, a suggested question), the date notes, New chat."""
    asked_with = [page.chooser, page.since, page.until]
    outputs = [page.question, page.chat, page.ask_note]
    # Programs call /answer; /ask stays callable for the page's own tests but is not offered on the API page.
    page.question.submit(asker.ask, [page.question, page.chat, *asked_with], outputs, api_name="ask",
                         api_visibility="undocumented", concurrency_id="questions",
                         show_progress_on=[page.chat]).then(None, js=AFTER_ASK, **PRIVATE)
    page.chat.example_select(asker.example, [page.chat, *asked_with], outputs, api_visibility="private",
                             concurrency_id="questions", show_progress_on=[page.chat]).then(
        None, js=AFTER_ASK, **PRIVATE)
    # A question suggested under an upload report: asked of the article it was suggested for.
    page.upload_status.click(asker.suggested, [page.chat], outputs, api_visibility="private",
                             concurrency_id="questions", show_progress_on=[page.chat]).then(
        None, js=AFTER_ASK, **PRIVATE)
    for trigger in (page.question.submit, page.chat.example_select, page.since.blur, page.since.submit,
                    page.until.blur, page.until.submit):
        trigger(date_note, [page.since, page.until], [page.date_note], **PRIVATE)
    # A new chat empties the conversation and keeps a half-typed question.
    page.new_chat.click(lambda: ([], ""), None, [page.chat, page.ask_note], **PRIVATE)


def build_app(service) -> gr.Blocks:
    """The chat page over `service` (a qa.QAService, or anything with the same methods), with its settings."""
    settings = service.settings
    examples = ExampleQuestions([settings.seed_dir, settings.upload_dir], settings.max_file_bytes)
    library = Library(service, examples)
    feedback = FeedbackLog(settings.feedback_path)
    initial = library.articles()

    def record_vote(messages: list, data: gr.LikeData, request: gr.Request) -> None:
        feedback.record(getattr(request, "session_hash", None) or "", messages, data.index, data.liked)

    # Gradio's own copies of uploads are deleted after an hour; the ingested ones live in upload_dir.
    with gr.Blocks(title="Ask the Article", delete_cache=(3600, 3600)) as demo:
        page = build_layout(settings, initial, library.example_messages(initial))
        wire_questions(page, QuestionHandler(service, settings.max_question_chars))
        page.chat.like(record_vote, [page.chat], None, api_visibility="private", queue=False)
        # Ingest is serialized: one upload at a time, while questions keep being answered. The status
        # area is the one progress display (no overlay on the header or the drop zone).
        page.files.upload(UploadHandler(service, settings, library).upload, [page.files],
                          [page.files, page.upload_status, page.header, page.chooser, page.chat],
                          api_name="add_articles", api_visibility="undocumented", concurrency_limit=1,
                          concurrency_id="ingest", show_progress="hidden")
        add_endpoint(service, settings.max_question_chars, lambda: library.examples(library.articles()))
        demo.load(library.refresh, None, [page.header, page.chooser, page.chat], api_visibility="private",
                  queue=False)
    return demo


def launch_options(settings) -> dict:
    """Arguments of `demo.launch`: address, login, upload ceiling, page assets."""
    auth = None
    if settings.auth:
        user, sep, password = settings.auth.partition(":")
        if not sep or not user or not password:
            raise SystemExit("QA_AUTH must look like user:password")
        auth = (user, password)
    limits = f"window.qaLimits = {{questionChars: {int(settings.max_question_chars)}}};"
    head = f"<script>{limits}\n{(ASSETS / 'app.js').read_text(encoding='utf-8')}</script>"
    return {
        "server_name": settings.server_name,
        "server_port": settings.server_port,
        "auth": auth,
        "max_file_size": settings.max_file_bytes * UPLOAD_CEILING,
        "css_paths": [ASSETS / "app.css"],
        "head": head,
        "theme": theme(),
        "footer_links": ["api"],
        "show_error": False,
    }


class _ServiceWhenReachable:
    """Stands in for the service while the store cannot be opened: each use tries again,
    so the page starts and shows the store's message, and works once the store is back."""

    def __init__(self, settings):
        self.settings = settings

    def __getattr__(self, name):
        from qa import get_service

        return getattr(get_service(), name)


def main() -> None:
    from qa import get_service  # the service's models and store load here, not when the page is built in a test

    settings = get_settings()
    configure_chat_uploads(settings)
    try:
        service = get_service()
        service.ensure_seeded()
    except StoreUnavailable as exc:
        print(f"warning: {exc}", file=sys.stderr)
        service = _ServiceWhenReachable(settings)
    demo = build_app(service)
    demo.queue(default_concurrency_limit=QUESTION_CONCURRENCY)
    demo.launch(**launch_options(service.settings))


if __name__ == "__main__":
    main()
