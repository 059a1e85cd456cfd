"""Article -> passages of a few whole sentences, each with offsets into the source text."""
from __future__ import annotations

import re

import sentencex
from langchain_text_splitters import RecursiveCharacterTextSplitter

from core.types import Article, Passage, Span

# MiniLM reads at most 256 word pieces; longer "sentences" (lists, run-ons) are cut further.
MAX_SENTENCE_CHARS = 800
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A single newline ends a unit when the line before it is complete or a Markdown element starts.
_LINE_BREAK = re.compile(r"(?<=[.!?:;\"”’)\]])[ \t]*\n|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>))|(?<=\n)(?=[ \t]*#)")
_HEADING_LINE = re.compile(r"[ \t]*#{1,6}\s[^\n]*")
_long_splitter = RecursiveCharacterTextSplitter(
    chunk_size=MAX_SENTENCE_CHARS, chunk_overlap=0, separators=["; ", ", ", " ", ""], keep_separator="end")


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans (whitespace trimmed) of text[start:end], never crossing a paragraph."""
    spans: list[Span] = []
    for block_start, block_end in _blocks(text, start, end):
        block = text[block_start:block_end]
        for b in sentencex.get_sentence_boundaries("en", block):
            if b["is_paragraph_break"]:
                continue
            s, e = _trim(text, block_start + b["start_index"], block_start + b["end_index"])
            if s >= e:
                continue
            if e - s <= MAX_SENTENCE_CHARS:
                spans.append(Span(s, e))
            else:
                spans.extend(_cut_long(text, s, e))
    return spans


def split_passages(article: Article, target_chars: int = 600) -> list[Passage]:
    """Group sentences into passages of about target_chars, preferring paragraph ends as breaks."""
    text = article.text
    paragraphs = [split_sentences(text, s, e) for s, e in _blocks(text, article.body.start, article.body.end)]
    groups: list[list[Span]] = []
    current: list[Span] = []
    for sentences in paragraphs:
        if not sentences:
            continue
        para_len = sentences[-1].end - sentences[0].start
        # Start a new passage at a paragraph break when the current one is big enough
        # or the paragraph would overflow it.
        if current and (current[-1].end - current[0].start >= target_chars // 2
                        or current[-1].end - current[0].start + para_len > target_chars):
            groups.append(current)
            current = []
        for sent in sentences:
            if current and sent.end - current[0].start > target_chars:
                groups.append(current)
                current = []
            current.append(sent)
    if current:
        groups.append(current)
    return [
        Passage(source=article.source, index=i, start=g[0].start, end=g[-1].end,
                text=text[g[0].start:g[-1].end], sentences=tuple(g), content_hash=article.content_hash)
        for i, g in enumerate(groups)
    ]


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph-like blocks: blank-line separated, also split at complete lines and Markdown elements."""
    out = []
    pos = start
    for m in _BLOCK_BREAK.finditer(text, start, end):
        out.extend(_lines(text, pos, m.start()))
        pos = m.end()
    out.extend(_lines(text, pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _LINE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    # A Markdown heading is a unit of its own even when text follows on the next line.
    result = []
    for s, e in out:
        h = _HEADING_LINE.match(text, s, e)
        if h and h.end() < e:
            result.append((s, h.end()))
            result.append((h.end(), e))
        else:
            result.append((s, e))
    return result


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _cut_long(text: str, s: int, e: int) -> list[Span]:
    """Cut an over-long sentence at clause or word boundaries, keeping offsets."""
    spans = []
    pos = s
    for chunk in _long_splitter.split_text(text[s:e]):
        at = text.find(chunk, pos, e)
        if at < 0:  # the splitter strips whitespace; fall back to the running position
            at = pos
        cs, ce = _trim(text, at, min(at + len(chunk), e))
        if cs < ce:
            spans.append(Span(cs, ce))
        pos = max(pos, ce)
    return spans
