"""Chat messages and the facts they carry: each message this app writes keeps its plain facts (the
question, or the answer with its citations) in Gradio's message metadata, so follow-ups, feedback and
API clients never parse HTML.

Gradio keeps only its own metadata keys; `id` (a string) is the one that changes nothing on screen
without a `title`, so it holds the facts as JSON.
"""
from __future__ import annotations

import html
import json
import re

from qa import Answer

from .api import answer_json
from .render import question_html
from .turns import render_answer, render_error, render_pending

_TAG = re.compile(r"<[^>]+>")
_BR = re.compile(r"<br\s*/?>", re.I)


def answer_record(answer: Answer) -> dict:
    """The facts about an answer kept in its message: what the `/answer` API returns, plus its kind."""
    return {"kind": "answer", **answer_json(answer)}


def _message(role: str, content: str, record: dict) -> dict:
    return {"role": role, "content": content, "metadata": {"id": json.dumps(record, ensure_ascii=False)}}


def question_message(question: str) -> dict:
    return _message("user", question_html(question), {"kind": "question", "text": question})


def answer_message(answer: Answer, question: str) -> dict:
    return _message("assistant", render_answer(answer, question), answer_record(answer))


def pending_message() -> dict:
    """The assistant's turn while its answer is being found (no text yet: not part of the history)."""
    return _message("assistant", render_pending(), {"kind": "pending", "text": ""})


def error_message(message: str) -> dict:
    return _message("assistant", render_error(message), {"kind": "error", "error": message})


def _field(msg, name: str):
    return msg.get(name) if isinstance(msg, dict) else getattr(msg, name, None)


def message_record(msg) -> dict | None:
    """The facts a message of this app carries, or None for a message from elsewhere."""
    metadata = _field(msg, "metadata") or {}
    raw = metadata.get("id") if isinstance(metadata, dict) else None
    if not isinstance(raw, str) or not raw.startswith("{"):
        return None
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    return record if isinstance(record, dict) and "kind" in record else None


def content_html(content) -> str:
    """A chat message's content as one string (Gradio passes a list of {"type": "text", "text": ...} parts)."""
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, (list, tuple)):
        return "".join(content_html(c) for c in content)
    return str(content or "")


def message_text(msg) -> str:
    """The plain text of a message: its question or answer, else its content without markup."""
    record = message_record(msg)
    if record is not None:
        key = {"question": "text", "error": "error"}.get(record["kind"], "text")
        return str(record.get(key) or "")
    content = content_html(_field(msg, "content"))
    return html.unescape(_TAG.sub("", _BR.sub("\n", content))).strip()


def history_for_qa(messages: list | None) -> list[dict]:
    """The conversation as qa expects it: plain question and answer texts, no HTML.

    A question that got an error instead of an answer is left out with its error; an answer still being
    found is not part of it yet.
    """
    out: list[dict] = []
    for msg in messages or []:
        role = _field(msg, "role")
        record = message_record(msg)
        if role == "assistant" and record is not None and record["kind"] == "error":
            if out and out[-1]["role"] == "user":
                out.pop()
        elif role == "assistant" and record is not None and record["kind"] == "pending":
            continue
        elif role in ("user", "assistant"):
            out.append({"role": role, "content": message_text(msg)})
    return out
