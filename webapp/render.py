"""Citations, questions and the article list as HTML for the chat (answers: `turns.py`).

Every piece of user or article text is escaped before it becomes HTML. Citations are cut by their
character offsets, never found by searching for the quote.
"""
from __future__ import annotations

import html
import re
from datetime import date

from qa import Citation
from qa.types import CLOSEST_LABEL

SNIPPET_CHARS = 140
"""Characters of context shown on each side of a cited span before the citation is expanded."""
TITLE_CHARS = 90
"""Titles longer than this are shown in a short form (the full title is the tooltip)."""

# A Markdown heading's markers at the start of a line (also after a list dash): "# Title ##" -> "Title".
_HEADING_LINE = re.compile(r"(?m)^([ \t]*(?:[-*][ \t]+)?)#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# The underline of a Setext heading ("Title\n=====") or a thematic break: markup, not text.
_RULE_LINE = re.compile(r"\n[ \t]*(?:={3,}|-{3,}|\*{3,})[ \t]*(?=\n|$)")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s[-–—]\s")


# --- small text helpers ---------------------------------------------------------------------------

def format_date(iso: str | None) -> str:
    """'2023-11-06' -> '6 Nov 2023'; unknown dates read 'undated'."""
    if not iso:
        return "undated"
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b %Y')}"


def count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def unheading(text: str, line_start: bool = True) -> str:
    """Markdown heading markers removed, so '# Port Alba review' reads 'Port Alba review'.

    `line_start` says whether `text` starts at the start of a line (a piece cut from the middle of a
    line keeps a '#' it starts with: that one is not a heading marker).
    """
    text = _RULE_LINE.sub("", text)
    if line_start:
        return _HEADING_LINE.sub(r"\1\2", text)
    first, nl, rest = text.partition("\n")
    return first + nl + _HEADING_LINE.sub(r"\1\2", rest) if nl else text


def display_title(title: str) -> str:
    """A title as shown: heading markers dropped; a long first sentence cut to its first clause or words."""
    title = " ".join(unheading(title or "").split()) or "Untitled"
    if len(title) <= TITLE_CHARS:
        return title
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(title, 0, TITLE_CHARS + 10) if m.start() >= 30]
    if breaks:
        return title[:breaks[-1]].rstrip(" ,;:")
    cut = title[:TITLE_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > TITLE_CHARS // 2 else cut).rstrip(" ,;:.") + "…"


def bare_title(title: str) -> str:
    """A title without its final punctuation, for use inside a sentence or before a date."""
    return title.rstrip(" .,;:")


def text_html(text: str) -> str:
    # Newlines become <br>: a blank line would end the HTML block in the chat's Markdown renderer.
    return html.escape(text).replace("\r\n", "\n").replace("\n", "<br>")


# A citation marker ending one quoted sentence of an answer, before the next one ("said. [1] - Ferries leave").
_AFTER_MARKER = re.compile(r"(?<=\[\d\]) |(?<=\[\d\d\]) |(?<=\[\d\d\d\]) ")


def list_lines(text: str) -> str:
    """An answer's text with each list item on a line of its own. A summary strings the article's sentences
    together after their markers, and a sentence quoted from a list keeps its dash ("said. [1] - Ferries leave
    from the quay. [2] Berg said"): that item goes on its own line, and so does the text after it."""
    out = []
    for line in text.split("\n"):
        runs: list[list[str]] = []  # prose sentences joined on one line; each item alone
        for unit in _AFTER_MARKER.split(line):
            item = unit.startswith("- ")
            if item or not runs or runs[-1][0].startswith("- "):
                runs.append([unit])
            else:
                runs[-1].append(unit)
        out.extend(" ".join(run) for run in runs)
    return "\n".join(out)


def lines_html(text: str) -> str:
    """An answer's text as HTML: list items (lines that start with "- ": a list of people, a timeline, the
    sentences of a list a summary quotes) as a list, the rest as text_html does."""
    out, items = [], []
    for line in list_lines(text.replace("\r\n", "\n")).split("\n"):
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            out.append(f'<ul class="qa-list">{"".join(items)}</ul>')
            items = []
        out.append(html.escape(line) + "<br>")
    if items:
        out.append(f'<ul class="qa-list">{"".join(items)}</ul>')
    return "".join(out).removesuffix("<br>")


def attr(value: str) -> str:
    return html.escape(value, quote=True).replace("\n", "&#10;")


def question_html(question: str) -> str:
    """The user's question as it is shown in the chat: text, never markup."""
    return f'<div class="qa-q">{text_html(question)}</div>'


# --- citations --------------------------------------------------------------------------------------

def citation_parts(c: Citation) -> tuple[str, str, str]:
    """(before, quote, after) of the cited span inside its passage, cut by offsets.

    When the offsets do not fit the passage (a bug upstream), only the quote is returned:
    showing an unhighlighted or wrongly highlighted passage would mislead the reader.
    """
    lo, hi = c.start - c.passage_start, c.end - c.passage_start
    if c.passage_text and 0 <= lo <= hi <= len(c.passage_text) and c.passage_text[lo:hi] == c.quote:
        return c.passage_text[:lo], c.passage_text[lo:hi], c.passage_text[hi:]
    return "", c.quote, ""


def short_parts(c: Citation, short) -> tuple[str, str, str] | None:
    """(before, phrase, after) of the short answer inside the citation's quote, cut by offsets.

    None when the short answer is not in this citation, covers all of it (a stated yes/no), or its
    offsets do not agree with its quote.
    """
    if short is None or short.citation != c.index:
        return None
    if not (c.start <= short.start < short.end <= c.end) or (short.start, short.end) == (c.start, c.end):
        return None
    lo, hi = short.start - c.start, short.end - c.start
    if c.quote[lo:hi] != short.quote:
        return None
    return c.quote[:lo], c.quote[lo:hi], c.quote[hi:]


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


def _shown(text: str, line_start: bool) -> str:
    return text_html(unheading(text, line_start))


def without_headline(before: str, title: str) -> str:
    """The context before a cited span without the article's headline as its first line: the card shows the
    title already."""
    first, nl, rest = before.partition("\n")
    same = " ".join(unheading(first).split()).rstrip(" .") == " ".join(unheading(title or "").split()).rstrip(" .")
    return rest.lstrip("\n") if nl and first.strip() and same else before


CARD_KINDS = {"closest": " qa-closest", "alternative": " qa-alt"}


def render_citation(c: Citation, short=None) -> str:
    """One cited passage: number, title, date, the span highlighted (and the short answer inside it);
    expanding shows the whole passage. A closest passage (with a refusal) is labelled not an answer; an
    alternative (beside a likely answer) is drawn as secondary."""
    before, quote, after = citation_parts(c)
    before = without_headline(before, c.title)
    quote_starts_line = not before or before.endswith("\n")
    phrase = short_parts(c, short) if quote == c.quote else None
    if phrase:
        q1, p, q2 = phrase
        inner = (f"{_shown(q1, quote_starts_line)}<strong class=\"qa-phrase\">{_shown(p, False)}</strong>"
                 f"{_shown(q2, False)}")
    else:
        inner = _shown(quote, quote_starts_line)
    mark = f"<mark>{inner}</mark>"
    clipped_before = _clip_left(before, SNIPPET_CHARS)
    snippet = (f"{_shown(clipped_before, clipped_before == before)}{mark}"
               f"{_shown(_clip_right(after, SNIPPET_CHARS), False)}")
    full = f"{_shown(before, True)}{mark}{_shown(after, False)}"
    # The number is a class, not a data- attribute: the chat's HTML sanitizer drops data- attributes.
    kind = f"qa-cite qa-n-{c.index}{CARD_KINDS.get(c.role, '')}"
    badge = f'<span class="qa-cite-role">{CLOSEST_LABEL}</span>' if c.role == "closest" else ""
    more = ("" if full == snippet else
            '<span class="qa-cite-more">show the whole passage</span><span class="qa-cite-less">show less</span>')
    title = display_title(c.title)
    return (f'<details class="{kind}"><summary>'
            f'<span class="qa-cite-head"><span class="qa-cite-n">{c.index}</span>'
            f'<span class="qa-cite-title" title="{attr(unheading(c.title))}">{html.escape(title)}</span>'
            f'<span class="qa-cite-date">{html.escape(format_date(c.date))}</span>{badge}</span>'
            f'<span class="qa-cite-snippet">{snippet}</span>{more}</summary>'
            f'<div class="qa-cite-full">{full}</div></details>')


# --- the header: what is loaded -------------------------------------------------------------------------

def _newest_first(articles: dict) -> list:
    return sorted(articles.values(), key=lambda a: (a.date or "", a.title), reverse=True)


def render_library(articles: dict) -> str:
    """What is loaded, in one line: the count, and a searchable list that opens over the page."""
    if not articles:
        return ('<div class="qa-library qa-empty">No articles loaded yet: add .txt, .md or .html files '
                'under "Add articles".</div>')
    infos = _newest_first(articles)
    total = sum(a.passages for a in infos)
    summary = f"{count(len(infos), 'article')} · {count(total, 'passage')}"

    def item(a) -> str:
        meta = f"{format_date(a.date)} · {count(a.passages, 'passage')}"
        return (f'<li><span class="qa-lib-title" title="{attr(unheading(a.title))}">'
                f'{html.escape(display_title(a.title))}</span>'
                f'<span class="qa-lib-meta">{html.escape(meta)}</span></li>')

    if len(infos) == 1:
        only = infos[0]
        return (f'<div class="qa-library qa-lib-one"><div class="qa-lib-count">{summary}</div>'
                f'<ul class="qa-lib-list">{item(only)}</ul></div>')
    search = ('<input type="search" class="qa-lib-search" placeholder="Search the titles…" '
              'aria-label="Search the loaded articles" autocomplete="off">')
    return (f'<div class="qa-library"><details class="qa-lib"><summary><span class="qa-lib-count">{summary}</span>'
            f'<span class="qa-lib-toggle">show the list</span></summary>'
            f'<div class="qa-lib-panel">{search}<ul class="qa-lib-list">{"".join(item(a) for a in infos)}</ul>'
            f'<p class="qa-lib-none" hidden>No title matches.</p></div></details></div>')


def render_header(library_html: str) -> str:
    """The page header: what the page is, and what is loaded."""
    return ('<div class="qa-top"><div class="qa-brand"><h1>Ask the Article</h1><p>Answers come only from the '
            'loaded articles, and every answer shows the sentences it rests on.</p></div>'
            f'{library_html}</div>')


def render_store_error(message: str) -> str:
    return f'<div class="qa-library qa-down"><b>The article store is not available.</b> {html.escape(message)}</div>'


def article_choices(articles: dict) -> list[tuple[str, str]]:
    """Dropdown choices (label, article name), newest first."""
    return [(f"{display_title(a.title)} ({format_date(a.date)})", a.source) for a in _newest_first(articles)]


# --- questions to try on just-added articles ----------------------------------------------------------------

def render_suggestions(suggestions: list[tuple[str, str]]) -> str:
    """Questions to try, each (question, article name): a button that asks it of that article alone, so "What is
    this article about?" is answered about the article just added, not about all of them."""
    if not suggestions:
        return ""
    buttons = "".join(f'<button type="button" class="qa-suggest-q" data-source="{attr(source)}">{html.escape(q)}'
                      f'</button>' for q, source in suggestions)
    return f'<div class="qa-suggest"><span class="qa-suggest-label">Try asking</span>{buttons}</div>'
