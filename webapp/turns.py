"""The assistant's chat turns as HTML: a sure answer, a likely one (said to be unsure, with what else may answer),
a refusal, the pending state while an answer is found, and an error."""
from __future__ import annotations

import html
import re

from qa import Answer
from qa.types import CLOSEST_LABEL, MARKER, Level

from .render import (attr, bare_title, display_title, format_date, lines_html, list_lines, render_citation, text_html,
                     unheading)

LIKELY_LABEL = "Not certain"
DOUBTFUL_LABEL = "Probably not in the articles"
UNSETTLED_LABEL = "Not settled in the articles"
ALSO_LABEL = "Also possibly"
PENDING_TEXT = "Looking through the articles…"


def refused(answer: Answer) -> bool:
    return answer.abstained or answer.level == Level.REFUSED


def likely(answer: Answer) -> bool:
    """Shown as not certain: a likely answer, or a doubtful one (the closest sentence, not claimed)."""
    return answer.level in (Level.LIKELY, Level.DOUBTFUL) and not refused(answer)


def likely_note(answer: Answer) -> str:
    """How unsure a likely answer is, in words: "Not certain: about 60% likely" (the calibrated confidence);
    a doubtful one says the article may not answer, or why it does not settle the question."""
    if answer.level == Level.DOUBTFUL:
        if answer.reason:  # the sentence is likely the right one; the claim is what is unsettled
            return f"{UNSETTLED_LABEL}: {answer.reason}"
        return f"{DOUBTFUL_LABEL}: about {round(answer.confidence * 100):d}% likely"
    if answer.reason:  # shown as likely by the sentence's form, not by the judge's number
        return f"{LIKELY_LABEL}: {answer.reason}"
    if answer.confidence > 0:
        return f"{LIKELY_LABEL}: about {round(answer.confidence * 100):d}% likely"
    return LIKELY_LABEL


def without_lead(answer: Answer) -> str:
    """The answer text without its leading answer phrase ("Lakeside. Mayor Anna Roth, who ... [1]"), for pages
    that show the phrase on its own line above it."""
    text = answer.text
    if answer.short is not None and answer.short.text and not refused(answer):
        lead = answer.short.text.strip().rstrip(".,;:") + "."
        if text[:len(lead)].lower() == lead.lower():
            return text[len(lead):].lstrip()
    return text


def _answer_body(answer: Answer) -> str:
    numbers = {c.index: c for c in (*answer.citations, *answer.alternatives)}

    def marker(m: re.Match) -> str:
        c = numbers.get(int(m.group(1)))
        if c is None:
            return m.group(0)
        label = html.escape(f"{display_title(c.title)} ({format_date(c.date)})", quote=True)
        return f'<span class="qa-ref qa-n-{c.index}" title="{label}">[{c.index}]</span>'

    return MARKER.sub(marker, lines_html(unheading(without_lead(answer))))


def _source_line(c) -> str:
    note = f" ({CLOSEST_LABEL})" if c.role == "closest" else ""
    quote = " ".join(unheading(c.quote).split())
    return f"[{c.index}] {bare_title(display_title(c.title))} ({format_date(c.date)}){note}: \u201c{quote}\u201d"


def copy_text(answer: Answer) -> str:
    """What the copy button puts on the clipboard: the short answer, the answer, then its numbered sources
    (for a likely answer: that it is not certain, and what else may answer)."""
    lines = [answer.short.text, ""] if answer.short is not None and answer.short.text else []
    lines.append(list_lines(unheading(without_lead(answer))).strip())
    if likely(answer):
        lines.append(f"({likely_note(answer)}.)")
    if answer.citations:
        lines.append("")
        lines.extend(_source_line(c) for c in answer.citations)
    if likely(answer) and answer.alternatives:
        lines.extend(["", f"{ALSO_LABEL}:"])
        lines.extend(_source_line(c) for c in answer.alternatives)
    return "\n".join(lines)


def _same_question(a: str, b: str) -> bool:
    return " ".join(a.split()).lower() == " ".join(b.split()).lower()


def _cards(label: str, cards: str, css_class: str) -> str:
    label_html = f'<div class="qa-cites-label">{label}</div>' if label else ""
    return f'<div class="{css_class}">{label_html}{cards}</div>'


def render_answer(answer: Answer, question: str) -> str:
    """The whole assistant message for a finished answer, likely answer or refusal, as one HTML block."""
    no, unsure = refused(answer), likely(answer)
    kind = "qa-abstained" if no else ("qa-answered qa-likely" if unsure else "qa-answered")
    parts = [f'<div class="qa-turn {kind}" data-copy="{attr(copy_text(answer))}">']
    if no:
        parts.append('<div class="qa-abstain-label">Not in the articles</div>')
    elif unsure:
        parts.append(f'<div class="qa-likely-label">{html.escape(likely_note(answer))}</div>')
    if not no and answer.short is not None and answer.short.text:
        parts.append(f'<div class="qa-short">{text_html(answer.short.text)}</div>')
    parts.append(f'<div class="qa-answer">{_answer_body(answer)}</div>')
    if no and answer.reason and answer.reason not in answer.text:
        parts.append(f'<div class="qa-reason">Why: {text_html(answer.reason)}</div>')
    if answer.searched and not _same_question(answer.searched, question):
        parts.append(f'<div class="qa-searched">Searched for: {text_html(answer.searched)}</div>')
    if answer.notice:
        parts.append(f'<div class="qa-searched">{text_html(answer.notice)}</div>')
    if answer.citations:
        label = "" if no else ("Source" if len(answer.citations) == 1 else "Sources")
        short = None if no else answer.short
        parts.append(_cards(label, "".join(render_citation(c, short) for c in answer.citations), "qa-cites"))
    if unsure and answer.alternatives:
        parts.append(_cards(ALSO_LABEL, "".join(render_citation(c) for c in answer.alternatives),
                            "qa-cites qa-alternatives"))
    parts.append("</div>")
    return "".join(parts)


def render_pending() -> str:
    """The assistant's turn while the answer is being found: a status, never half an answer."""
    return (f'<div class="qa-turn qa-pending" role="status"><span class="qa-pending-dots" aria-hidden="true">'
            f'<span></span><span></span><span></span></span>{PENDING_TEXT}</div>')


def render_error(message: str) -> str:
    """An expected error (the store is down) as a chat message."""
    return (f'<div class="qa-turn qa-error" data-copy="{attr(message)}">'
            f'<div class="qa-error-label">Could not answer</div><div>{text_html(message)}</div></div>')
