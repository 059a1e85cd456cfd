"""The page's layout: the header, the chat with its question box, and the side panel (filters, uploads)."""
from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from .render import article_choices, render_header, render_library

FEEDBACK_REASONS = ("Wrong citation", "Missed the answer", "Should have said it doesn't know")
SUGGESTED_JS = ("element.addEventListener('click', (event) => { const chip = event.target.closest('.qa-suggest-q');"
                "if (chip) trigger('click', {question: chip.textContent, source: chip.dataset.source || ''}); });")
"""A question suggested under the upload report is sent with its article (`QuestionHandler.suggested`)."""
PLACEHOLDER = ("**Ask a question about the loaded articles.**<br>Each answer cites the exact sentences it comes "
               "from; if the articles don't say, you'll be told so.")


@dataclass
class Page:
    """The components the handlers read and write."""

    header: gr.HTML
    chat: gr.Chatbot
    question: gr.Textbox
    ask_note: gr.HTML
    new_chat: gr.Button
    chooser: gr.Dropdown
    since: gr.Textbox
    until: gr.Textbox
    date_note: gr.HTML
    files: gr.File
    upload_status: gr.HTML


def _chat_column(examples: list[dict] | None) -> tuple[gr.Chatbot, gr.Textbox, gr.HTML, gr.Button]:
    chat = gr.Chatbot(
        elem_id="qa-chat", show_label=False, height="min(64vh, 680px)", min_height=360,
        buttons=["copy", "copy_all"], feedback_options=("Like", "Dislike", *FEEDBACK_REASONS),
        latex_delimiters=[], line_breaks=False, sanitize_html=True, layout="bubble", placeholder=PLACEHOLDER,
        autoscroll=False,  # app.js scrolls: a long answer is shown from its question, not from its end
        examples=examples,
    )
    with gr.Row(elem_id="qa-ask", equal_height=False):
        # The question box and its note stay together: on a phone they stay at the foot of the screen (app.css).
        with gr.Column(scale=6, min_width=200, elem_id="qa-compose"):
            question = gr.Textbox(label="Question", show_label=False, placeholder="Ask a question…", lines=1,
                                  max_lines=5, submit_btn="Ask", elem_id="qa-question", autofocus=True,
                                  html_attributes=gr.InputHTMLAttributes(enterkeyhint="send"))
            # Why a question was not asked, where the reader is looking (a bad date, a question too long).
            ask_note = gr.HTML("", elem_id="qa-ask-note")
        new_chat = gr.Button("New chat", variant="secondary", scale=1, min_width=110, elem_id="qa-new")
    return chat, question, ask_note, new_chat


def build_layout(settings, articles: dict, examples: list[dict] | None) -> Page:
    """The components, inside the Blocks being built, showing `articles` until the page loads its own."""
    header = gr.HTML(render_header(render_library(articles) if articles else ""), elem_id="qa-header")
    with gr.Row(equal_height=False, elem_id="qa-main"):
        with gr.Column(scale=3, min_width=340, elem_id="qa-talk"):
            chat, question, ask_note, new_chat = _chat_column(examples)
        with gr.Column(scale=1, min_width=280, elem_id="qa-side"):
            chooser = gr.Dropdown(choices=article_choices(articles), value=[], multiselect=True,
                                  label="Ask only these articles", info="Leave empty to ask all of them.",
                                  elem_id="qa-chooser")
            with gr.Row(elem_id="qa-dates"):
                since = gr.Textbox(value="", label="From date", placeholder="YYYY-MM-DD", max_lines=1, min_width=120,
                                   elem_id="qa-since")
                until = gr.Textbox(value="", label="To date", placeholder="YYYY-MM-DD", max_lines=1, min_width=120,
                                   elem_id="qa-until")
            date_note = gr.HTML("", elem_id="qa-date-note")
            # No file_types: the browser would refuse other files with a bare toast; the report says why instead.
            files = gr.File(label="Add articles", file_count="multiple", type="filepath", height=150,
                            elem_id="qa-upload")
            gr.HTML(f'<div class="qa-upload-help">.txt, .md or .html, up to {settings.max_file_mb:g} MB each; '
                    'answerable as soon as they are added.</div>', elem_id="qa-upload-help")
            upload_status = gr.HTML(elem_id="qa-upload-status", js_on_load=SUGGESTED_JS)
    return Page(header, chat, question, ask_note, new_chat, chooser, since, until, date_note, files, upload_status)
