"""The web chat: `python app.py` builds the Gradio page over the ingested articles and launches it.

A thin face over `qa` and `ingest`: questions go to `service.stream(...)`, uploads to
`service.ingest(...)`. The parts live in `webapp/`: HTML rendering (`render.py`), chat messages and the
facts they carry (`messages.py`), uploads (`uploads.py`), the feedback log (`feedback.py`), the JSON API
(`api.py`) and example questions shipped beside articles (`examples.py`).
"""
from __future__ import annotations

import html
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

from core.errors import AskError, QuestionError, StoreUnavailable
from core.settings import configure_chat_uploads, configure_offline, get_settings
from core.types import date_ord
from ingest.load import SUPPORTED_SUFFIXES
from qa import get_service
from webapp.api import answer_json, plain_history
from webapp.examples import example_questions
from webapp.feedback import FeedbackLog
from webapp.messages import answer_message, error_message, history_for_qa, partial_message, question_message
from webapp.render import article_choices, render_header, render_library, render_store_error
from webapp.uploads import ingest_staged, render_progress, render_upload_report, safe_upload_name, stage_upload

# The entry point keeps the libraries offline (no downloads, no analytics) before gradio loads: gradio and
# huggingface_hub read these variables when they are imported.
configure_offline()
import gradio as gr  # noqa: E402

ASSETS = Path(__file__).resolve().parent / "app_assets"
QUESTION_CONCURRENCY = 4
FEEDBACK_REASONS = ("Wrong citation", "Missed the answer", "Should have said it doesn't know")
PROGRESS_EVERY_S = 0.4
"""Least time between two upload progress updates sent to the page."""


def date_problem(since: str, until: str) -> str:
    """What is wrong with the date fields, in words for the reader; '' when both are fine."""
    parsed = {}
    for label, value in (("From", since), ("To", until)):
        value = (value or "").strip()
        if not value:
            continue
        try:
            parsed[label] = date_ord(value)
        except QuestionError:
            return f"{label} date “{value}” is not a date: write it as YYYY-MM-DD, e.g. 2023-11-06."
    if len(parsed) == 2 and parsed["From"] > parsed["To"]:
        return "The From date is after the To date: swap them."
    return ""


def question_problem(question: str, limit: int) -> str:
    """Why a question cannot be asked as typed ('' when it can)."""
    if len(question) > limit:
        return (f"This question is {len(question):,} characters long; questions can be at most {limit:,} "
                f"characters. Shorten it and ask again.")
    return ""


def date_note(problem: str) -> str:
    """The date problem shown under the date fields (the typed value is text, never markup)."""
    return f'<div class="qa-date-error" role="alert">{html.escape(problem)}</div>' if problem else ""


def build_app(service) -> gr.Blocks:
    """The chat page over `service` (a qa.QAService, or anything with the same methods)."""
    settings = get_settings()
    upload_dir = settings.upload_dir
    feedback = FeedbackLog(settings.feedback_path)
    example_folders = [settings.seed_dir, upload_dir]

    def examples(articles: dict) -> list[dict] | None:
        return [{"text": q} for q in example_questions(articles, example_folders)] or None

    def library() -> tuple[str, dict, dict]:
        try:
            articles = service.articles()
        except StoreUnavailable as exc:
            return render_header(render_store_error(str(exc))), gr.update(choices=[], value=[]), gr.update()
        return (render_header(render_library(articles)), gr.update(choices=article_choices(articles)),
                gr.update(examples=examples(articles)))

    try:
        initial = service.articles()
    except StoreUnavailable:
        initial = {}

    def respond(question: str, messages: list, sources: list[str] | None, since: str = "",
                until: str = "") -> Iterator[tuple[str, list]]:
        question = (question or "").strip()
        if not question:
            yield "", messages
            return
        too_long = question_problem(question, settings.max_question_chars)
        if too_long:
            raise gr.Error(too_long, title="Question too long")  # nothing is posted; the typed text stays
        if date_problem(since, until):
            # Nothing is posted and the typed text stays; `check_dates` shows why next to the date fields.
            yield question, messages
            return
        history = history_for_qa(messages)
        messages = [*messages, question_message(question), partial_message("")]
        yield "", messages
        text = ""
        try:
            for item in service.stream(question, history, sources=sources or None, since=(since or "").strip() or None,
                                       until=(until or "").strip() or None):
                if isinstance(item, str):
                    text += item
                    messages[-1] = partial_message(text)
                else:
                    messages[-1] = answer_message(item, question)
                yield "", messages
        except AskError as exc:
            messages[-1] = error_message(str(exc))
            yield "", messages

    def respond_example(messages: list, sources: list[str] | None, since: str, until: str, evt: gr.SelectData):
        yield from respond(evt.value["text"], messages, sources, since, until)

    def answer_api(question: str, history: list | None = None, sources: list[str] | None = None, since: str = "",
                   until: str = "") -> dict:
        """Answer a question about the loaded articles as JSON: text, short answer, abstained and reason,
        searched question, and citations (source, title, date, start, end, quote)."""
        question = (question or "").strip()
        try:
            turns = plain_history(history)
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        problem = ("Ask a question: the question is empty." if not question else
                   question_problem(question, settings.max_question_chars) or date_problem(since, until))
        if problem:
            raise gr.Error(problem)
        try:
            answer = service.answer(question, turns, sources=sources or None, since=(since or "").strip() or None,
                                    until=(until or "").strip() or None)
        except AskError as exc:
            raise gr.Error(str(exc)) from None
        return answer_json(answer)

    def check_dates(since: str, until: str) -> str:
        return date_note(date_problem(since, until))

    def add_articles(files: list[str] | None):
        if not files:
            yield None, gr.update(), *library()
            return
        lines: dict[int, tuple[str, str, str]] = {}  # upload position -> report line
        staged: dict[str, str] = {}  # staged path -> article name
        position: dict[str, int] = {}
        for i, src in enumerate(files):
            name = safe_upload_name(Path(src).name)
            if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                lines[i] = ("failed", name, f"unsupported file type (use {', '.join(sorted(SUPPORTED_SUFFIXES))})")
            elif Path(src).stat().st_size > settings.max_file_bytes:
                lines[i] = ("failed", name, f"too large (the limit is {settings.max_file_mb:g} MB)")
            else:
                path = str(stage_upload(src, name, upload_dir))
                staged[path], position[path] = name, i
        if staged:
            yield gr.update(), render_progress(len(staged)), gr.update(), gr.update(), gr.update()
            done = yield from _with_progress(len(staged), lambda report: ingest_staged(service, staged, upload_dir,
                                                                                       report))
            lines.update({position[path]: line for path, line in done.items()})
        # The drop zone is emptied for the next upload; the report says what happened to each file.
        yield None, render_upload_report([lines[i] for i in sorted(lines)]), *library()

    def _with_progress(files: int, work):
        """Run work(report) in a thread while this generator yields the progress display (the request
        thread must stay free to send it); returns what work returned."""
        events: queue.Queue = queue.Queue()
        outcome: dict = {}

        def run() -> None:
            try:
                outcome["value"] = work(events.put)
            except BaseException as exc:  # re-raised in the request thread below, so Gradio reports it
                outcome["error"] = exc
            finally:
                events.put(None)

        threading.Thread(target=run, name="upload-ingest", daemon=True).start()
        last_sent = 0.0
        while True:
            progress = events.get()
            while progress is not None and not events.empty():
                progress = events.get()  # only the newest report matters
            if progress is None:
                break
            if time.monotonic() - last_sent >= PROGRESS_EVERY_S:
                last_sent = time.monotonic()
                yield (gr.update(), render_progress(files, progress.sentences_done, progress.sentences_total,
                                                    progress.seconds_left), gr.update(), gr.update(), gr.update())
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    def record_vote(messages: list, data: gr.LikeData, request: gr.Request) -> None:
        feedback.record(getattr(request, "session_hash", None) or "", messages, data.index, data.liked)

    # Gradio's own copies of uploads are deleted after an hour; the ingested ones live in upload_dir.
    with gr.Blocks(title="Ask the Article", delete_cache=(3600, 3600)) as demo:
        header = gr.HTML(render_header(render_library(initial) if initial else ""), elem_id="qa-header")
        with gr.Row(equal_height=False, elem_id="qa-main"):
            with gr.Column(scale=3, min_width=340):
                chatbot = gr.Chatbot(
                    elem_id="qa-chat", show_label=False, height="min(68vh, 680px)", min_height=360,
                    buttons=["copy", "copy_all"], feedback_options=("Like", "Dislike", *FEEDBACK_REASONS),
                    latex_delimiters=[], line_breaks=False, sanitize_html=True, layout="bubble",
                    placeholder="**Ask a question about the loaded articles.**<br>Each answer cites the exact "
                                "sentences it comes from; if the articles don't say, you'll be told so.",
                    examples=examples(initial),
                )
                with gr.Row(elem_id="qa-ask"):
                    question = gr.Textbox(show_label=False, placeholder="Ask about the articles…", lines=1,
                                          max_lines=5, scale=6, submit_btn="Ask", elem_id="qa-question",
                                          autofocus=True)
                    new_chat = gr.Button("New chat", variant="secondary", scale=1, min_width=110, elem_id="qa-new")
            with gr.Column(scale=1, min_width=280, elem_id="qa-side"):
                chooser = gr.Dropdown(choices=article_choices(initial), value=[], multiselect=True,
                                      label="Ask only these articles", info="Leave empty to ask all of them.",
                                      elem_id="qa-chooser")
                with gr.Row(elem_id="qa-dates"):
                    since = gr.Textbox(value="", label="From date", placeholder="YYYY-MM-DD", max_lines=1, min_width=120,
                                       elem_id="qa-since")
                    until = gr.Textbox(value="", label="To date", placeholder="YYYY-MM-DD", max_lines=1, min_width=120,
                                       elem_id="qa-until")
                date_status = gr.HTML("", elem_id="qa-date-note")
                # No file_types: the browser would refuse other files with a bare toast; the report says why instead.
                files = gr.File(label="Add articles", file_count="multiple", type="filepath", height=150,
                                elem_id="qa-upload")
                gr.HTML(f'<div class="qa-upload-help">.txt, .md or .html, up to {settings.max_file_mb:g} MB each; '
                        'answerable as soon as they are added.</div>', elem_id="qa-upload-help")
                upload_status = gr.HTML(elem_id="qa-upload-status")

        question.submit(respond, [question, chatbot, chooser, since, until], [question, chatbot], api_name="ask",
                        concurrency_id="questions", show_progress_on=[chatbot])
        chatbot.example_select(respond_example, [chatbot, chooser, since, until], [question, chatbot],
                               api_visibility="private", concurrency_id="questions", show_progress_on=[chatbot])
        for asked in (question.submit, chatbot.example_select):
            asked(check_dates, [since, until], [date_status], api_visibility="private", queue=False,
                  show_progress="hidden")
        chatbot.like(record_vote, [chatbot], None, api_visibility="private", queue=False)
        new_chat.click(lambda: ("", []), None, [question, chatbot], api_name="new_chat", queue=False)
        for field in (since, until):
            field.blur(check_dates, [since, until], [date_status], api_visibility="private", queue=False,
                       show_progress="hidden")
            field.submit(check_dates, [since, until], [date_status], api_visibility="private", queue=False,
                         show_progress="hidden")
        # Ingest is serialized: one upload at a time, while questions keep being answered. The status
        # area is the one progress display (no overlay on the header or the drop zone).
        files.upload(add_articles, [files], [files, upload_status, header, chooser, chatbot], api_name="add_articles",
                     concurrency_limit=1, concurrency_id="ingest", show_progress="hidden")
        gr.api(answer_api, api_name="answer")
        demo.load(library, None, [header, chooser, chatbot], api_visibility="private", queue=False)
    return demo


def launch_options(settings) -> dict:
    """Arguments of `demo.launch`: address, login, upload limit, page assets."""
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
        "max_file_size": settings.max_file_bytes,
        "css_paths": [ASSETS / "app.css"],
        "head": head,
        "theme": gr.themes.Soft(primary_hue="indigo", neutral_hue="slate",
                                font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
                                font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"]).set(
            # The Soft theme's indigo-500 and slate-400 texts are below WCAG AA contrast (4.5:1) on its backgrounds.
            color_accent="*primary_700", block_label_text_color="*primary_700", block_title_text_color="*primary_700",
            body_text_color_subdued="*neutral_600", input_placeholder_color="*neutral_500",
            background_fill_primary="*neutral_50"),  # .set() would otherwise reset the Soft page background to white
        "footer_links": ["api"],
        "show_error": False,
    }


class _ServiceWhenReachable:
    """Stands in for the service while the store cannot be opened: each use tries again,
    so the page starts and shows the store's message, and works once the store is back."""

    def __getattr__(self, name):
        return getattr(get_service(), name)


def main() -> None:
    settings = get_settings()
    configure_chat_uploads(settings)
    try:
        service = get_service()
        service.ensure_seeded()
    except StoreUnavailable as exc:
        print(f"warning: {exc}", file=sys.stderr)
        service = _ServiceWhenReachable()
    demo = build_app(service)
    demo.queue(default_concurrency_limit=QUESTION_CONCURRENCY)
    demo.launch(**launch_options(settings))


if __name__ == "__main__":
    main()
