"""The web chat: `python app.py` serves a Gradio page over the ingested articles.

A thin face over `qa` and `ingest`: it turns questions into `service.stream(...)` calls and
Answers into HTML. Every piece of user or article text is escaped before it becomes HTML.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
import unicodedata
import uuid
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

# ingest first: importing it sets the offline environment (no analytics, no downloads) before gradio loads.
from ingest import AskError, StoreUnavailable, get_settings  # noqa: I001
from ingest.load import SUPPORTED_SUFFIXES
from qa import Answer, Citation, get_service

import gradio as gr

ASSETS = Path(__file__).resolve().parent / "app_assets"
SNIPPET_CHARS = 140
"""Characters of context shown on each side of a cited span before the citation is expanded."""
LIBRARY_SHOWN = 6
"""Articles listed in the header before the rest fold into "more"."""
QUESTION_CONCURRENCY = 4
FEEDBACK_REASONS = ("Wrong citation", "Missed the answer", "Should have said it doesn't know")
SHIPPED_EXAMPLES = {
    "russia-libya-2023-11-06.txt": [
        "Where does Russia want to open a military port?",
        "Where is Haftar's headquarters?",
        "How many Wagner fighters stayed in Libya?",
        "How much will the Tobruk port cost?",
    ],
}
"""Example questions, shown when the article they are about is loaded."""

_MARKER = re.compile(r"\[(\d+)\]")
_RECORD = re.compile(r'<div class="qa-turn[^"]*"[^>]*?\sdata-record="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_BR = re.compile(r"<br\s*/?>", re.I)
_ERROR_START = '<div class="qa-turn qa-error"'


# --- dates and small text helpers ----------------------------------------------------------------

def format_date(iso: str | None) -> str:
    """'2023-11-06' -> '6 Nov 2023'; unknown dates read 'undated'."""
    if not iso:
        return "undated"
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b %Y')}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _text_html(text: str) -> str:
    # Newlines become <br>: a blank line would end the HTML block in the chat's Markdown renderer.
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>")


def _attr(value: str) -> str:
    return html.escape(value, quote=True).replace("\n", "&#10;")


def question_html(question: str) -> str:
    """The user's question as it is shown in the chat: text, never markup."""
    return f'<div class="qa-q">{_text_html(question)}</div>'


def content_html(content) -> str:
    """A chat message's content as one string (Gradio passes a list of {"type": "text", "text": ...} parts)."""
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, (list, tuple)):
        return "".join(content_html(c) for c in content)
    return str(content or "")


def message_text(content) -> str:
    """The plain text of a chat message this app wrote (the inverse of the HTML helpers)."""
    content = content_html(content)
    record = turn_record(content)
    if record is not None:
        return record.get("answer", "")
    return html.unescape(_TAG.sub("", _BR.sub("\n", content))).strip()


def history_for_qa(messages: list | None) -> list[dict]:
    """The conversation as qa expects it: plain question and answer texts, no HTML.

    A question that got an error instead of an answer is left out with its error.
    """
    out: list[dict] = []
    for msg in messages or []:
        role = msg.get("role") if isinstance(msg, dict) else getattr(msg, "role", None)
        content = msg.get("content") if isinstance(msg, dict) else getattr(msg, "content", "")
        if role == "assistant" and content_html(content).startswith(_ERROR_START):
            if out and out[-1]["role"] == "user":
                out.pop()
        elif role in ("user", "assistant"):
            out.append({"role": role, "content": message_text(content)})
    return out


# --- citations and answers ------------------------------------------------------------------------

def citation_parts(c: Citation) -> tuple[str, str, str]:
    """(before, quote, after) of the cited span inside its passage, cut by offsets.

    When the offsets do not fit the passage (a bug upstream), only the quote is returned:
    showing an unhighlighted or wrongly highlighted passage would mislead the reader.
    """
    lo, hi = c.start - c.passage_start, c.end - c.passage_start
    if c.passage_text and 0 <= lo <= hi <= len(c.passage_text) and c.passage_text[lo:hi] == c.quote:
        return c.passage_text[:lo], c.passage_text[lo:hi], c.passage_text[hi:]
    return "", c.quote, ""


def _clip_left(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[-n:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < n // 3 else cut)


def _clip_right(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text[:n]
    space = cut.rfind(" ")
    return (cut[:space] if space > n * 2 // 3 else cut) + "…"


def render_citation(c: Citation) -> str:
    """One cited passage: number, title, date, the span highlighted; expanding shows the whole passage."""
    before, quote, after = citation_parts(c)
    mark = f"<mark>{_text_html(quote)}</mark>"
    snippet = f"{_text_html(_clip_left(before, SNIPPET_CHARS))}{mark}{_text_html(_clip_right(after, SNIPPET_CHARS))}"
    full = f"{_text_html(before)}{mark}{_text_html(after)}"
    closest = c.role == "closest"
    # The number is a class, not a data- attribute: the chat's HTML sanitizer drops data- attributes.
    kind = f"qa-cite qa-n-{c.index}" + (" qa-closest" if closest else "")
    badge = '<span class="qa-cite-role">closest passage, not an answer</span>' if closest else ""
    more = ("" if full == snippet else
            '<span class="qa-cite-more">show the whole passage</span><span class="qa-cite-less">show less</span>')
    return (f'<details class="{kind}"><summary>'
            f'<span class="qa-cite-head"><span class="qa-cite-n">{c.index}</span>'
            f'<span class="qa-cite-title">{html.escape(c.title)}</span>'
            f'<span class="qa-cite-date">{html.escape(format_date(c.date))}</span>{badge}</span>'
            f'<span class="qa-cite-snippet">{snippet}</span>{more}</summary>'
            f'<div class="qa-cite-full">{full}</div></details>')


def _answer_body(answer: Answer) -> str:
    numbers = {c.index: c for c in answer.citations}

    def marker(m: re.Match) -> str:
        c = numbers.get(int(m.group(1)))
        if c is None:
            return m.group(0)
        label = html.escape(f"{c.title} ({format_date(c.date)})", quote=True)
        return f'<span class="qa-ref qa-n-{c.index}" title="{label}">[{c.index}]</span>'

    return _MARKER.sub(marker, _text_html(answer.text))


def copy_text(answer: Answer) -> str:
    """What the copy button puts on the clipboard: the answer, then its numbered sources."""
    lines = [answer.text.strip()]
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            note = " (closest passage, not an answer)" if c.role == "closest" else ""
            lines.append(f"[{c.index}] {c.title}, {format_date(c.date)}{note}: \u201c{' '.join(c.quote.split())}\u201d")
    return "\n".join(lines)


def answer_record(answer: Answer) -> dict:
    """The facts about an answer kept in its message (for follow-ups, feedback and API clients)."""
    return {
        "answer": answer.text,
        "abstained": answer.abstained,
        "searched": answer.searched,
        "path": answer.path,
        "citations": [{"index": c.index, "source": c.source, "passage_id": c.passage_id, "start": c.start,
                       "end": c.end, "quote": c.quote, "role": c.role} for c in answer.citations],
    }


def render_answer(answer: Answer, question: str) -> str:
    """The whole assistant message for a finished answer (or abstention), as one HTML block."""
    kind = "qa-abstained" if answer.abstained else "qa-answered"
    parts = [f'<div class="qa-turn {kind}" data-copy="{_attr(copy_text(answer))}" '
             f'data-record="{_attr(json.dumps(answer_record(answer), ensure_ascii=False))}">']
    if answer.abstained:
        parts.append('<div class="qa-abstain-label">Not in the articles</div>')
    parts.append(f'<div class="qa-answer">{_answer_body(answer)}</div>')
    if answer.abstained and answer.reason and answer.reason not in answer.text:
        parts.append(f'<div class="qa-reason">Why: {_text_html(answer.reason)}</div>')
    if answer.searched and " ".join(answer.searched.split()).lower() != " ".join(question.split()).lower():
        parts.append(f'<div class="qa-searched">Searched for: {_text_html(answer.searched)}</div>')
    if answer.notice:
        parts.append(f'<div class="qa-searched">{_text_html(answer.notice)}</div>')
    if answer.citations:
        label = "" if answer.abstained else ("Source" if len(answer.citations) == 1 else "Sources")
        label_html = f'<div class="qa-cites-label">{label}</div>' if label else ""
        cites = "".join(render_citation(c) for c in answer.citations)
        parts.append(f'<div class="qa-cites">{label_html}{cites}</div>')
    parts.append("</div>")
    return "".join(parts)


def render_partial(text: str) -> str:
    """An answer while it streams in."""
    return f'<div class="qa-turn qa-streaming"><div class="qa-answer">{_text_html(text)}</div></div>'


def render_error(message: str) -> str:
    """An expected error (bad question, store down) as a chat message."""
    return (f'{_ERROR_START} data-copy="{_attr(message)}">'
            f'<div class="qa-error-label">Could not answer</div><div>{_text_html(message)}</div></div>')


def turn_record(content: str) -> dict | None:
    """The record `render_answer` stored in a message, or None for other messages."""
    m = _RECORD.match(content or "")
    if not m:
        return None
    try:
        return json.loads(html.unescape(m.group(1)))
    except json.JSONDecodeError:
        return None


# --- the library header and uploads --------------------------------------------------------------

def render_library(articles: dict) -> str:
    """What is loaded: titles, dates and passage counts."""
    if not articles:
        return ('<div class="qa-library qa-empty">No articles loaded yet: add .txt, .md or .html files '
                'under "Add articles".</div>')
    infos = sorted(articles.values(), key=lambda a: (a.date or "", a.title), reverse=True)
    total = sum(a.passages for a in infos)

    def item(a) -> str:
        meta = f"{format_date(a.date)} · {_count(a.passages, 'passage')}"
        return (f'<li><span class="qa-lib-title">{html.escape(a.title)}</span>'
                f'<span class="qa-lib-meta">{html.escape(meta)}</span></li>')

    shown = "".join(item(a) for a in infos[:LIBRARY_SHOWN])
    rest = infos[LIBRARY_SHOWN:]
    more = (f'<details class="qa-lib-more"><summary>{len(rest)} more</summary><ul>'
            f'{"".join(item(a) for a in rest)}</ul></details>') if rest else ""
    return (f'<div class="qa-library"><div class="qa-lib-count">{_count(len(infos), "article")} · '
            f'{_count(total, "passage")}</div>'
            f'<ul>{shown}</ul>{more}</div>')


def render_header(library_html: str) -> str:
    """The page header: what the page is, and what is loaded."""
    return ('<div class="qa-top"><div class="qa-brand"><h1>Ask the Article</h1><p>Answers come only from the '
            'loaded articles, and every answer shows the sentences it rests on.</p></div>'
            f'{library_html}</div>')


def render_store_error(message: str) -> str:
    return f'<div class="qa-library qa-down"><b>The article store is not available.</b> {html.escape(message)}</div>'


def article_choices(articles: dict) -> list[tuple[str, str]]:
    """Dropdown choices (label, article name), newest first."""
    infos = sorted(articles.values(), key=lambda a: (a.date or "", a.title), reverse=True)
    return [(f"{a.title} ({format_date(a.date)})", a.source) for a in infos]


def safe_upload_name(name: str) -> str:
    """A file name that stays inside the upload folder: no folders, no leading dots, no odd characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch if ch.isalnum() or ch in "-_. " else "_" for ch in base).strip(" .")
    base = re.sub(r"\s+", " ", base)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:120].strip(" .") or "article"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def stage_upload(src: str | Path, name: str, upload_dir: Path) -> Path:
    """Copy an uploaded file into a fresh folder under upload_dir/.incoming; returns the copy.

    The copy replaces the stored file only after it ingests well (see `keep_upload`), so a bad
    upload changes nothing.
    """
    staging = (upload_dir / ".incoming" / uuid.uuid4().hex).resolve()
    target = (staging / safe_upload_name(name)).resolve()
    if not target.is_relative_to(upload_dir.resolve()):
        raise ValueError(f"refusing to store {name!r} outside {upload_dir}")
    staging.mkdir(parents=True)
    shutil.copyfile(src, target)
    return target


def keep_upload(staged: Path, upload_dir: Path) -> Path:
    """Move an ingested upload to its place, replacing an earlier file of the same name."""
    final = upload_dir.resolve() / staged.name
    os.replace(staged, final)
    staged.parent.rmdir()
    return final


def discard_upload(staged: Path) -> None:
    staged.unlink(missing_ok=True)
    staged.parent.rmdir()


def upload_line(result) -> tuple[str, str, str]:
    """(status, article name, what happened) for one ingested upload."""
    if result.status == "failed":
        # The error names the staged copy; the reader knows the file by its own name.
        return "failed", result.source, (result.error or "could not be ingested").replace(result.path, result.source)
    detail = {"added": "added", "replaced": "replaced the earlier version",
              "unchanged": "already loaded, unchanged"}[result.status]
    return result.status, result.source, f"{detail} · {_count(result.passages, 'passage')}"


def render_upload_report(lines: list[tuple[str, str, str]]) -> str:
    """Upload results, one line a file: (status, name, detail)."""
    icons = {"added": "✓", "replaced": "✓", "unchanged": "=", "failed": "✗"}
    items = "".join(
        f'<li class="qa-up-{html.escape(status)}"><span class="qa-up-icon">{icons.get(status, "·")}</span>'
        f'<span class="qa-up-name">{html.escape(name)}</span> '
        f'<span class="qa-up-detail">{html.escape(detail)}</span></li>'
        for status, name, detail in lines)
    return f'<ul class="qa-upload-report">{items}</ul>'


# --- feedback ---------------------------------------------------------------------------------------

def feedback_record(messages: list, index, liked) -> dict:
    """One vote as a JSON-able dict: the vote, the question, the answer and what it cited."""
    i = index[0] if isinstance(index, (list, tuple)) else int(index)
    content = content_html(messages[i].get("content")) if 0 <= i < len(messages) else ""
    question = next((message_text(m.get("content")) for m in reversed(messages[:i]) if m.get("role") == "user"), "")
    vote = {True: "like", False: "dislike", None: "undo"}.get(liked, liked) if not isinstance(liked, str) else liked
    record = turn_record(content) or {"answer": message_text(content)}
    return {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "vote": vote, "question": question,
            "message_index": i, **record}


def append_feedback(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")


# --- the page --------------------------------------------------------------------------------------

def _examples(articles: dict) -> list[dict]:
    return [{"text": q} for source, qs in SHIPPED_EXAMPLES.items() if source in articles for q in qs]


def build_app(service) -> gr.Blocks:
    """The chat page over `service` (a qa.QAService, or anything with the same methods)."""
    settings = get_settings()
    upload_dir = settings.upload_dir

    def library() -> tuple[str, dict]:
        try:
            articles = service.articles()
        except StoreUnavailable as exc:
            return render_header(render_store_error(str(exc))), gr.update(choices=[], value=[])
        return render_header(render_library(articles)), gr.update(choices=article_choices(articles))

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
        history = history_for_qa(messages)
        messages = [*messages, {"role": "user", "content": question_html(question)},
                    {"role": "assistant", "content": render_partial("")}]
        yield "", messages
        text = ""
        try:
            for item in service.stream(question, history, sources=sources or None, since=(since or "").strip() or None,
                                       until=(until or "").strip() or None):
                if isinstance(item, str):
                    text += item
                    messages[-1] = {"role": "assistant", "content": render_partial(text)}
                else:
                    messages[-1] = {"role": "assistant", "content": render_answer(item, question)}
                yield "", messages
        except AskError as exc:
            messages[-1] = {"role": "assistant", "content": render_error(str(exc))}
            yield "", messages

    def respond_example(messages: list, sources: list[str] | None, since: str, until: str, evt: gr.SelectData):
        yield from respond(evt.value["text"], messages, sources, since, until)

    def add_articles(files: list[str] | None, progress=gr.Progress()):
        if not files:
            return None, gr.update(), *library()
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
        done = [0]

        def tick(result) -> None:
            done[0] += 1
            progress((done[0], len(staged)), desc=f"Ingested {result.source}")

        if staged:
            progress((0, len(staged)), desc="Reading and embedding")
            try:
                report = service.ingest(list(staged), sources=staged, progress=tick)
            except StoreUnavailable as exc:
                for path in staged:
                    discard_upload(Path(path))
                return None, render_upload_report([("failed", "store", str(exc))]), *library()
            for r in report.results:
                if r.status == "failed":
                    discard_upload(Path(r.path))
                else:
                    keep_upload(Path(r.path), upload_dir)
                lines[position[r.path]] = upload_line(r)
        # The drop zone is emptied for the next upload; the report says what happened to each file.
        return None, render_upload_report([lines[i] for i in sorted(lines)]), *library()

    def record_vote(messages: list, data: gr.LikeData) -> None:
        append_feedback(settings.feedback_path, feedback_record(messages, data.index, data.liked))

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
                    examples=_examples(initial) or None,
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
                files = gr.File(label="Add articles (.txt, .md, .html)", file_count="multiple",
                                file_types=sorted(SUPPORTED_SUFFIXES), type="filepath", height=150,
                                elem_id="qa-upload")
                upload_status = gr.HTML(elem_id="qa-upload-status")

        question.submit(respond, [question, chatbot, chooser, since, until], [question, chatbot], api_name="ask",
                        concurrency_id="questions")
        chatbot.example_select(respond_example, [chatbot, chooser, since, until], [question, chatbot],
                               api_visibility="private",
                               concurrency_id="questions")
        chatbot.like(record_vote, [chatbot], None, api_visibility="private", queue=False)
        new_chat.click(lambda: ("", []), None, [question, chatbot], api_name="new_chat", queue=False)
        # Ingest is serialized: one upload at a time, while questions keep being answered.
        files.upload(add_articles, [files], [files, upload_status, header, chooser], api_name="add_articles",
                     concurrency_limit=1, concurrency_id="ingest")
        demo.load(library, None, [header, chooser], api_visibility="private", queue=False)
    return demo


def launch_options(settings) -> dict:
    """Arguments of `demo.launch`: address, login, upload limit, page assets."""
    auth = None
    if settings.auth:
        user, sep, password = settings.auth.partition(":")
        if not sep or not user or not password:
            raise SystemExit("QA_AUTH must look like user:password")
        auth = (user, password)
    head = f"<script>{(ASSETS / 'app.js').read_text(encoding='utf-8')}</script>"
    return {
        "server_name": os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1",
        "server_port": int(os.environ.get("GRADIO_SERVER_PORT") or 7860),
        "auth": auth,
        "max_file_size": settings.max_file_bytes,
        "css_paths": [ASSETS / "app.css"],
        "head": head,
        "theme": gr.themes.Soft(primary_hue="indigo", neutral_hue="slate",
                                font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
                                font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"]),
        "footer_links": ["api", "settings"],
        "show_error": False,
    }


class _ServiceWhenReachable:
    """Stands in for the service while the store cannot be opened: each use tries again,
    so the page starts and shows the store's message, and works once the store is back."""

    def __getattr__(self, name):
        return getattr(get_service(), name)


def main() -> None:
    settings = get_settings()
    # Gradio receives uploads into its cache folder (default /tmp/gradio): keep it in the app's data too.
    os.environ.setdefault("GRADIO_TEMP_DIR", str(settings.upload_dir / ".gradio-cache"))
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
