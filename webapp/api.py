"""The chat's JSON API (`/answer`): an Answer as plain JSON for programs using gradio_client."""
from __future__ import annotations

from qa import Answer


def answer_json(answer: Answer) -> dict:
    """Text, short answer (or None), abstained and reason, searched question, and each citation with its
    source, title, date, character offsets and quote (`quote == source_text[start:end]`).

    No key may be named `path`: gradio_client takes a dict holding one for a file to download.
    """
    short = answer.short
    return {
        "text": answer.text,
        "short": None if short is None else {"text": short.text, "citation": short.citation, "start": short.start,
                                             "end": short.end, "quote": short.quote},
        "abstained": answer.abstained,
        "reason": answer.reason,
        "searched": answer.searched,
        "citations": [{"index": c.index, "source": c.source, "title": c.title, "date": c.date, "start": c.start,
                       "end": c.end, "quote": c.quote, "role": c.role, "passage_id": c.passage_id}
                      for c in answer.citations],
    }


def plain_history(history) -> list[dict]:
    """An API caller's history: a list of {"role", "content"} with plain-text content; anything else is refused."""
    if history in (None, "", []):
        return []
    if not isinstance(history, list):
        raise ValueError("history must be a list of {\"role\": \"user\" | \"assistant\", \"content\": text}")
    out = []
    for turn in history:
        if not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant") \
                or not isinstance(turn.get("content"), str):
            raise ValueError("history must be a list of {\"role\": \"user\" | \"assistant\", \"content\": text}")
        out.append({"role": turn["role"], "content": turn["content"]})
    return out
