"""The chat page's pure helpers: citation HTML, answer messages, history, uploads, feedback, launch options."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest

import app
from ingest import IngestResult, Settings
from ingest.store import ArticleInfo
from qa import Answer, Citation

SOURCE = ("Tobruk is a port. Russia wants a naval base in Tobruk, the sources said. "
          "Work on the port would take years.")


def cite(quote: str, *, index: int = 1, occurrence: int = 0, passage: tuple[int, int] = (0, len(SOURCE)),
         role: str = "support", title: str = "Russia in Libya", date: str | None = "2023-11-06") -> Citation:
    """A Citation of the `occurrence`-th `quote` in SOURCE, inside the passage SOURCE[passage[0]:passage[1]]."""
    start = [m.start() for m in re.finditer(re.escape(quote), SOURCE)][occurrence]
    p0, p1 = passage
    return Citation(index=index, source="libya.txt", title=title, date=date, passage_id="libya.txt#abc#0",
                    start=start, end=start + len(quote), quote=SOURCE[start:start + len(quote)], score=0.9,
                    passage_start=p0, passage_end=p1, passage_text=SOURCE[p0:p1], role=role)


def info(source: str, title: str, date: str | None, passages: int) -> ArticleInfo:
    return ArticleInfo(source=source, title=title, date=date, content_hash="h", passages=passages, sentences=1,
                       size_bytes=1, ingested_at=0.0, title_start=0, title_end=1, date_start=-1, date_end=-1)


# --- citations ---------------------------------------------------------------------------------------

def test_highlight_is_cut_by_offsets_not_found_by_search():
    # "Tobruk" occurs twice; the citation is the second one.
    c = cite("Tobruk", occurrence=1)
    assert app.citation_parts(c) == (SOURCE[:c.start], "Tobruk", SOURCE[c.end:])
    html = app.render_citation(c)
    full = re.search(r'<div class="qa-cite-full">(.*?)</div>', html).group(1)
    assert full == "Tobruk is a port. Russia wants a naval base in <mark>Tobruk</mark>, the sources said. " \
                   "Work on the port would take years."


def test_citation_shows_number_title_and_readable_date():
    html = app.render_citation(cite("Russia wants a naval base in Tobruk", index=2))
    assert '<span class="qa-cite-n">2</span>' in html
    assert '<span class="qa-cite-title">Russia in Libya</span>' in html
    assert '<span class="qa-cite-date">6 Nov 2023</span>' in html
    assert "qa-n-2" in html and "closest passage" not in html


def test_citation_in_a_passage_that_starts_later_in_the_article():
    p0 = SOURCE.index("Russia")
    c = cite("naval base", passage=(p0, len(SOURCE)))
    before, quote, after = app.citation_parts(c)
    assert (before, quote) == ("Russia wants a ", "naval base")


def test_closest_passage_of_an_abstention_is_labelled_not_an_answer():
    html = app.render_citation(cite("Work on the port would take years.", role="closest"))
    assert "qa-closest" in html and "closest passage, not an answer" in html


def test_offsets_that_do_not_fit_show_only_the_quote():
    bad = dataclasses.replace(cite("naval base"), passage_text="something else entirely")
    assert app.citation_parts(bad) == ("", "naval base", "")


def test_long_passage_is_clipped_around_the_span_and_expands_to_all_of_it():
    long_before = "word " * 100
    text = long_before + "THE SPAN." + " tail" * 100
    c = Citation(index=1, source="s", title="t", date=None, passage_id="p", start=len(long_before),
                 end=len(long_before) + 9, quote="THE SPAN.", score=1.0, passage_start=0, passage_end=len(text),
                 passage_text=text)
    html = app.render_citation(c)
    snippet = re.search(r'<span class="qa-cite-snippet">(.*?)</span>', html).group(1)
    assert snippet.startswith("…word") and snippet.endswith("tail…") and "<mark>THE SPAN.</mark>" in snippet
    assert len(snippet) < 2 * app.SNIPPET_CHARS + 40
    assert "show the whole passage" in html and '<span class="qa-cite-date">undated</span>' in html


def test_article_text_is_escaped_everywhere():
    evil = '<script>alert(1)</script> & <b onmouseover="x()">'
    text = f"Intro {evil} end."
    start = text.index("<script>")
    c = Citation(index=1, source="e.html", title=evil, date="2024-01-01", passage_id="p", start=start,
                 end=start + len(evil), quote=evil, score=1.0, passage_start=0, passage_end=len(text),
                 passage_text=text)
    html = app.render_answer(Answer(text=f"It says {evil} [1].", citations=(c,)), question=evil)
    assert "<script" not in html and "<b " not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html


def test_newlines_never_end_the_html_block():
    text = "First paragraph.\n\nSecond paragraph has the fact."
    start = text.index("Second")
    c = Citation(index=1, source="s", title="t", date=None, passage_id="p", start=start, end=len(text),
                 quote=text[start:], score=1.0, passage_start=0, passage_end=len(text), passage_text=text)
    html = app.render_answer(Answer(text="Answer\n\nin two parts [1].", citations=(c,)), "q")
    assert "\n" not in html and "First paragraph.<br><br><mark>Second" in html


# --- answer messages --------------------------------------------------------------------------------

def test_answer_markers_become_links_to_their_citations():
    c = cite("Russia wants a naval base in Tobruk")
    html = app.render_answer(Answer(text="Russia wants a naval base in Tobruk [1]. Also [7].", citations=(c,)),
                             "Where?")
    assert '<span class="qa-ref qa-n-1" title="Russia in Libya (6 Nov 2023)">[1]</span>' in html
    assert "Also [7]." in html  # a marker without a citation stays text
    assert html.startswith('<div class="qa-turn qa-answered"') and "Not in the articles" not in html
    assert '<div class="qa-cites-label">Source</div>' in html


def test_abstention_is_marked_and_shows_its_reason_once():
    c = cite("Work on the port would take years.", role="closest")
    answer = Answer(text="The articles don't say what the port costs. The closest passage [1] is not an answer.",
                    citations=(c,), abstained=True, reason="no passage mentions a price")
    html = app.render_answer(answer, "What does the port cost?")
    assert html.startswith('<div class="qa-turn qa-abstained"')
    assert '<div class="qa-abstain-label">Not in the articles</div>' in html
    assert "Why: no passage mentions a price" in html
    repeated = dataclasses.replace(answer, reason="what the port costs")
    assert "Why:" not in app.render_answer(repeated, "q")


def test_searched_question_is_shown_only_when_it_differs():
    answer = Answer(text="In Benghazi.", searched="Where is Khalifa Haftar's headquarters?")
    assert "Searched for: Where is Khalifa Haftar&#x27;s headquarters?" in app.render_answer(
        answer, "Where is his headquarters?")
    same = dataclasses.replace(answer, searched="where is  KHALIFA Haftar's headquarters?")
    assert "Searched for" not in app.render_answer(same, "Where is Khalifa Haftar's headquarters?")


def test_copy_text_is_the_answer_with_numbered_sources():
    c1 = cite("Russia wants a naval base in Tobruk")
    c2 = cite("Work on the port would take years.", index=2, date=None)
    text = app.copy_text(Answer(text="A base in Tobruk [1], in years [2].", citations=(c1, c2)))
    assert text == ("A base in Tobruk [1], in years [2].\n\n"
                    "[1] Russia in Libya, 6 Nov 2023: \u201cRussia wants a naval base in Tobruk\u201d\n"
                    "[2] Russia in Libya, undated: \u201cWork on the port would take years.\u201d")


def test_message_carries_a_record_of_the_answer():
    c = cite("naval base")
    html = app.render_answer(Answer(text='A "naval base" [1].', citations=(c,), searched="q"), "q")
    record = app.turn_record(html)
    assert record["answer"] == 'A "naval base" [1].' and record["abstained"] is False
    assert record["citations"] == [{"index": 1, "source": "libya.txt", "passage_id": "libya.txt#abc#0",
                                    "start": c.start, "end": c.end, "quote": "naval base", "role": "support"}]
    assert app.turn_record(app.render_error("x")) is None


def test_history_for_qa_is_plain_text_of_both_sides():
    question = 'Who is <b>"Haftar"</b>?\nTell me.'
    messages = [
        {"role": "user", "content": [{"type": "text", "text": app.question_html(question)}]},
        {"role": "assistant", "content": [{"type": "text", "text": app.render_answer(
            Answer(text="Haftar commands the LNA [1].", citations=(cite("Tobruk"),)), question)}]},
        {"role": "user", "content": app.question_html("and then?")},
        {"role": "assistant", "content": app.render_error("the Chroma store failed")},
        {"role": "user", "content": app.question_html("Where is his base?")},
        {"role": "assistant", "content": app.render_partial("In Beng")},
    ]
    assert app.history_for_qa(messages) == [
        {"role": "user", "content": question},
        {"role": "assistant", "content": "Haftar commands the LNA [1]."},
        {"role": "user", "content": "Where is his base?"},
        {"role": "assistant", "content": "In Beng"},
    ]


def test_question_is_shown_as_text():
    assert app.question_html('<img src=x onerror="window.__pwned=1">') == \
        '<div class="qa-q">&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</div>'


# --- library, uploads --------------------------------------------------------------------------------

def test_library_lists_titles_dates_and_passages_newest_first():
    html = app.render_library({"a.txt": info("a.txt", "Old <news>", "2020-01-02", 3),
                               "b.txt": info("b.txt", "New news", "2024-05-06", 4)})
    assert "2 articles · 7 passages" in html
    assert html.index("New news") < html.index("Old &lt;news&gt;")
    assert "6 May 2024 · 4 passages" in html and "2 Jan 2020 · 3 passages" in html
    assert "No articles loaded" in app.render_library({})


def test_long_library_folds_the_rest():
    articles = {f"{i}.txt": info(f"{i}.txt", f"Title {i}", f"2024-01-{i + 1:02d}", 1) for i in range(9)}
    html = app.render_library(articles)
    assert "<summary>3 more</summary>" in html


def test_article_choices_are_labelled_by_title_and_date():
    assert app.article_choices({"a.txt": info("a.txt", "A title", None, 1)}) == [("A title (undated)", "a.txt")]


@pytest.mark.parametrize("name, safe", [
    ("article.txt", "article.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\win.MD", "win.md"),
    (".hidden.html", "hidden.html"),
    ("..", "article"),
    ("a b\x00c<>|.txt", "a b_c___.txt"),
    ("no-suffix", "no-suffix"),
    ("Ünïcode nåme.txt", "Ünïcode nåme.txt"),
])
def test_upload_names_are_made_safe(name, safe):
    assert app.safe_upload_name(name) == safe


def test_upload_named_with_dot_dot_stays_inside_the_upload_folder(tmp_path):
    upload_dir = tmp_path / "data" / "uploads"
    src = tmp_path / "incoming.txt"
    src.write_text("hello", encoding="utf-8")
    staged = app.stage_upload(src, "../../../evil.txt", upload_dir)
    assert staged.is_relative_to(upload_dir.resolve()) and staged.read_text() == "hello"
    kept = app.keep_upload(staged, upload_dir)
    assert kept == upload_dir.resolve() / "evil.txt"
    assert sorted(p.name for p in tmp_path.rglob("evil.txt")) == ["evil.txt"]
    assert not list((upload_dir / ".incoming").iterdir())


def test_discarded_upload_leaves_nothing_behind(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("x", encoding="utf-8")
    staged = app.stage_upload(src, "x.txt", tmp_path / "uploads")
    app.discard_upload(staged)
    assert not list((tmp_path / "uploads").rglob("*.txt"))


def test_upload_line_names_the_file_not_its_staged_copy():
    failed = IngestResult("/data/uploads/.incoming/ab12/blank.txt", "blank.txt", "failed",
                          error="empty file: /data/uploads/.incoming/ab12/blank.txt has no text to ingest")
    assert app.upload_line(failed) == ("failed", "blank.txt", "empty file: blank.txt has no text to ingest")
    added = IngestResult("/x/one.md", "one.md", "added", passages=1)
    assert app.upload_line(added) == ("added", "one.md", "added · 1 passage")
    replaced = IngestResult("/x/two.md", "two.md", "replaced", passages=3)
    assert app.upload_line(replaced) == ("replaced", "two.md", "replaced the earlier version · 3 passages")


def test_upload_report_marks_failures():
    html = app.render_upload_report([("added", "a.txt", "added · 3 passages"),
                                     ("failed", "<b>.txt", "empty file: no text")])
    assert 'class="qa-up-added"' in html and 'class="qa-up-failed"' in html
    assert "&lt;b&gt;.txt" in html and "empty file: no text" in html


# --- feedback ---------------------------------------------------------------------------------------

def test_votes_are_appended_as_json_lines(tmp_path):
    c = cite("naval base")
    messages = [{"role": "user", "content": [{"type": "text", "text": app.question_html("What base?")}]},
                {"role": "assistant", "content": [{"type": "text", "text": app.render_answer(
                    Answer(text="A naval base [1].", citations=(c,)), "What base?")}]}]
    path = tmp_path / "feedback" / "votes.jsonl"
    app.append_feedback(path, app.feedback_record(messages, 1, True))
    app.append_feedback(path, app.feedback_record(messages, 1, "Wrong citation"))
    app.append_feedback(path, app.feedback_record(messages, 1, False))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in lines] == ["like", "Wrong citation", "dislike"]
    assert lines[0]["question"] == "What base?" and lines[0]["answer"] == "A naval base [1]."
    assert lines[0]["citations"][0]["quote"] == "naval base" and lines[0]["message_index"] == 1
    assert lines[0]["time"].endswith("+00:00")


# --- launch -----------------------------------------------------------------------------------------

def test_launch_binds_to_localhost_with_optional_login(monkeypatch):
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    monkeypatch.delenv("GRADIO_SERVER_PORT", raising=False)
    options = app.launch_options(Settings())
    assert options["server_name"] == "127.0.0.1" and options["server_port"] == 7860
    assert options["auth"] is None and options["max_file_size"] == Settings().max_file_bytes
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9000")
    options = app.launch_options(Settings(auth="ann:s3cret:x"))
    assert options["server_name"] == "0.0.0.0" and options["server_port"] == 9000
    assert options["auth"] == ("ann", "s3cret:x")


def test_malformed_login_setting_stops_with_a_message():
    with pytest.raises(SystemExit, match="QA_AUTH must look like user:password"):
        app.launch_options(Settings(auth="no-colon"))
