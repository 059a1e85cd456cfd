"""Titles as the chat shows them (issue 15 item 7): the file's own title when it has one, else a short form;
Markdown heading marks read as text."""
from __future__ import annotations

from ingest import load_article
from webapp.render import display_title, unheading


def load(path):
    return load_article(path, max_bytes=5_000_000)


def test_html_title_without_h1_drops_the_site_name(write_article):
    page = "<html><head><title>Russia eyes Tobruk | The Libya Observer</title></head><body><p>Text.</p></body></html>"
    assert load(write_article("a.html", page)).title == "Russia eyes Tobruk"
    dash = "<html><head><title>Libya Observer — Russia eyes a naval port in Tobruk</title></head><body><p>T.</p></body></html>"
    assert load(write_article("b.html", dash)).title == "Russia eyes a naval port in Tobruk"


def test_markdown_heading_and_short_first_line_are_titles(write_article):
    assert load(write_article("a.md", "date 2024-06-02\n# Port Alba harbour review\n\nBody text here.")).title == \
        "Port Alba harbour review"
    assert load(write_article("b.txt", "New ferry line for Vaasa\n\nThe city opened a line.")).title == \
        "New ferry line for Vaasa"


def test_first_sentence_title_is_shown_short(shipped_article):
    title = load(shipped_article).title
    assert len(title) > 100
    assert display_title(title) == ("The death of Wagner boss Prigozhin did not slow down the cooperation between "
                                    "Putin and Haftar")


def test_heading_marks_and_underlines_are_not_shown():
    assert unheading("Port Alba\n=========\n\n## Berths\nTwelve of them.") == "Port Alba\n\nBerths\nTwelve of them."
    assert unheading("in the #1 port") == "in the #1 port"
    assert unheading("# not a heading mid-line", line_start=False) == "# not a heading mid-line"
