"""The chat page's pure helpers: citation HTML, answer messages, history, uploads, feedback, launch options."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest

import app
from core.settings import Settings
from core.types import ArticleInfo
from ingest import IngestResult
from qa import Answer, Citation
from qa.types import Level, Short
from webapp import checks, feedback, messages, render, turns, uploads

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
    assert render.citation_parts(c) == (SOURCE[:c.start], "Tobruk", SOURCE[c.end:])
    html = render.render_citation(c)
    full = re.search(r'<div class="qa-cite-full">(.*?)</div>', html).group(1)
    assert full == "Tobruk is a port. Russia wants a naval base in <mark>Tobruk</mark>, the sources said. " \
                   "Work on the port would take years."


def test_citation_shows_number_title_and_readable_date():
    html = render.render_citation(cite("Russia wants a naval base in Tobruk", index=2))
    assert '<span class="qa-cite-n">2</span>' in html
    assert '<span class="qa-cite-title" title="Russia in Libya">Russia in Libya</span>' in html
    assert '<span class="qa-cite-date">6 Nov 2023</span>' in html
    assert "qa-n-2" in html and "closest passage" not in html


def test_citation_in_a_passage_that_starts_later_in_the_article():
    p0 = SOURCE.index("Russia")
    c = cite("naval base", passage=(p0, len(SOURCE)))
    before, quote, after = render.citation_parts(c)
    assert (before, quote) == ("Russia wants a ", "naval base")


def test_closest_passage_of_an_abstention_is_labelled_not_an_answer():
    html = render.render_citation(cite("Work on the port would take years.", role="closest"))
    assert "qa-closest" in html and "closest passage, not an answer" in html


def test_offsets_that_do_not_fit_show_only_the_quote():
    bad = dataclasses.replace(cite("naval base"), passage_text="something else entirely")
    assert render.citation_parts(bad) == ("", "naval base", "")


def test_long_passage_is_clipped_around_the_span_and_expands_to_all_of_it():
    long_before = "word " * 100
    text = long_before + "THE SPAN." + " tail" * 100
    c = Citation(index=1, source="s", title="t", date=None, passage_id="p", start=len(long_before),
                 end=len(long_before) + 9, quote="THE SPAN.", score=1.0, passage_start=0, passage_end=len(text),
                 passage_text=text)
    html = render.render_citation(c)
    snippet = re.search(r'<span class="qa-cite-snippet">(.*?)</span>', html).group(1)
    assert snippet.startswith("…word") and snippet.endswith("tail…") and "<mark>THE SPAN.</mark>" in snippet
    assert len(snippet) < 2 * render.SNIPPET_CHARS + 40
    assert "show the whole passage" in html and '<span class="qa-cite-date">undated</span>' in html


def test_article_text_is_escaped_everywhere():
    evil = '<script>alert(1)</script> & <b onmouseover="x()">'
    text = f"Intro {evil} end."
    start = text.index("<script>")
    c = Citation(index=1, source="e.html", title=evil, date="2024-01-01", passage_id="p", start=start,
                 end=start + len(evil), quote=evil, score=1.0, passage_start=0, passage_end=len(text),
                 passage_text=text)
    html = turns.render_answer(Answer(text=f"It says {evil} [1].", citations=(c,)), question=evil)
    assert "<script" not in html and "<b " not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in html


def test_newlines_never_end_the_html_block():
    text = "First paragraph.\n\nSecond paragraph has the fact."
    start = text.index("Second")
    c = Citation(index=1, source="s", title="t", date=None, passage_id="p", start=start, end=len(text),
                 quote=text[start:], score=1.0, passage_start=0, passage_end=len(text), passage_text=text)
    html = turns.render_answer(Answer(text="Answer\n\nin two parts [1].", citations=(c,)), "q")
    assert "\n" not in html and "First paragraph.<br><br><mark>Second" in html


# --- answer messages --------------------------------------------------------------------------------

def test_answer_markers_become_links_to_their_citations():
    c = cite("Russia wants a naval base in Tobruk")
    html = turns.render_answer(Answer(text="Russia wants a naval base in Tobruk [1]. Also [7].", citations=(c,)),
                             "Where?")
    assert '<span class="qa-ref qa-n-1" title="Russia in Libya (6 Nov 2023)">[1]</span>' in html
    assert "Also [7]." in html  # a marker without a citation stays text
    assert html.startswith('<div class="qa-turn qa-answered"') and "Not in the articles" not in html
    assert '<div class="qa-cites-label">Source</div>' in html


def test_abstention_is_marked_and_shows_its_reason_once():
    c = cite("Work on the port would take years.", role="closest")
    answer = Answer(text="The articles don't say what the port costs. The closest passage [1] is not an answer.",
                    citations=(c,), level=Level.REFUSED, reason="no passage mentions a price")
    html = turns.render_answer(answer, "What does the port cost?")
    assert html.startswith('<div class="qa-turn qa-abstained"')
    assert '<div class="qa-abstain-label">Not in the articles</div>' in html
    assert "Why: no passage mentions a price" in html
    repeated = dataclasses.replace(answer, reason="what the port costs")
    assert "Why:" not in turns.render_answer(repeated, "q")


def test_searched_question_is_shown_only_when_it_differs():
    answer = Answer(text="In Benghazi.", searched="Where is Khalifa Haftar's headquarters?")
    assert "Searched for: Where is Khalifa Haftar&#x27;s headquarters?" in turns.render_answer(
        answer, "Where is his headquarters?")
    same = dataclasses.replace(answer, searched="where is  KHALIFA Haftar's headquarters?")
    assert "Searched for" not in turns.render_answer(same, "Where is Khalifa Haftar's headquarters?")


def test_copy_text_is_the_answer_with_numbered_sources():
    c1 = cite("Russia wants a naval base in Tobruk")
    c2 = cite("Work on the port would take years.", index=2, date=None, title="Port plans.")
    text = turns.copy_text(Answer(text="A base in Tobruk [1], in years [2].", citations=(c1, c2)))
    assert text == ("A base in Tobruk [1], in years [2].\n\n"
                    "[1] Russia in Libya (6 Nov 2023): \u201cRussia wants a naval base in Tobruk\u201d\n"
                    "[2] Port plans (undated): \u201cWork on the port would take years.\u201d")
    assert "., " not in text  # issue 15: a title ending in a full stop gave "eastern Libya., 6 Nov 2023"


def test_message_carries_the_facts_of_the_answer_in_its_metadata():
    c = cite("naval base")
    message = messages.answer_message(Answer(text='A "naval base" [1].', citations=(c,), searched="q"), "q")
    assert "data-record" not in message["content"]
    record = messages.message_record(message)
    assert record["kind"] == "answer" and record["text"] == 'A "naval base" [1].' and record["abstained"] is False
    assert record["short"] is None
    assert record["citations"] == [{"index": 1, "source": "libya.txt", "title": "Russia in Libya", "date": "2023-11-06",
                                    "start": c.start, "end": c.end, "quote": "naval base", "role": "support",
                                    "passage_id": "libya.txt#abc#0"}]
    assert messages.message_record(messages.error_message("x"))["kind"] == "error"
    assert messages.message_record({"role": "assistant", "content": "hi"}) is None


def test_metadata_survives_gradio_s_message_model():
    import gradio as gr

    chatbot = gr.Chatbot()
    sent = [messages.question_message("Where?"),
            messages.answer_message(Answer(text="In Tobruk [1].", citations=(cite("Tobruk"),)), "Where?")]
    back = chatbot.preprocess(chatbot.postprocess(sent))
    assert [messages.message_record(m) for m in back] == [messages.message_record(m) for m in sent]
    assert messages.history_for_qa(back) == [{"role": "user", "content": "Where?"},
                                             {"role": "assistant", "content": "In Tobruk [1]."}]


def test_history_for_qa_is_plain_text_of_both_sides():
    question = 'Who is <b>"Haftar"</b>?\nTell me.'
    answer = Answer(text="Haftar commands the LNA [1].", citations=(cite("Tobruk"),))
    chat = [
        messages.question_message(question),
        messages.answer_message(answer, question),
        messages.question_message("and then?"),
        messages.error_message("the Chroma store failed"),
        messages.question_message("Where is his base?"),
        messages.pending_message(),
        {"role": "user", "content": [{"type": "text", "text": "A plain <i>client</i> question"}]},
    ]
    assert messages.history_for_qa(chat) == [
        {"role": "user", "content": question},
        {"role": "assistant", "content": "Haftar commands the LNA [1]."},
        {"role": "user", "content": "Where is his base?"},
        {"role": "user", "content": "A plain client question"},
    ]


def test_question_is_shown_as_text():
    assert render.question_html('<img src=x onerror="window.__pwned=1">') == \
        '<div class="qa-q">&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;</div>'


# --- library, uploads --------------------------------------------------------------------------------

def test_library_lists_titles_dates_and_passages_newest_first():
    html = render.render_library({"a.txt": info("a.txt", "Old <news>", "2020-01-02", 3),
                                  "b.txt": info("b.txt", "New news", "2024-05-06", 4)})
    assert "2 articles · 7 passages" in html
    assert html.index("New news") < html.index("Old &lt;news&gt;")
    assert "6 May 2024 · 4 passages" in html and "2 Jan 2020 · 3 passages" in html
    assert "No articles loaded" in render.render_library({})


def test_many_articles_fold_into_a_count_with_a_searchable_list():
    articles = {f"{i}.txt": info(f"{i}.txt", f"Title {i}", f"2024-01-{i % 28 + 1:02d}", 1) for i in range(1000)}
    html = render.render_library(articles)
    assert '<span class="qa-lib-count">1,000 articles · 1,000 passages</span>' in html
    assert '<details class="qa-lib">' in html and 'class="qa-lib-search"' in html
    assert html.count("<li>") == 1000


def test_one_article_is_shown_with_its_title():
    html = render.render_library({"a.txt": info("a.txt", "# Port Alba harbour review", "2024-05-06", 2)})
    assert "1 article · 2 passages" in html and "<details" not in html
    assert ">Port Alba harbour review</span>" in html


def test_article_choices_are_labelled_by_title_and_date():
    assert render.article_choices({"a.txt": info("a.txt", "A title", None, 1)}) == [("A title (undated)", "a.txt")]


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
    assert uploads.safe_upload_name(name) == safe


def test_upload_named_with_dot_dot_stays_inside_the_upload_folder(tmp_path):
    upload_dir = tmp_path / "data" / "uploads"
    src = tmp_path / "incoming.txt"
    src.write_text("hello", encoding="utf-8")
    staged = uploads.stage_upload(src, "../../../evil.txt", upload_dir)
    assert staged.is_relative_to(upload_dir.resolve()) and staged.read_text() == "hello"
    kept = uploads.keep_upload(staged, upload_dir)
    assert kept == upload_dir.resolve() / "evil.txt"
    assert sorted(p.name for p in tmp_path.rglob("evil.txt")) == ["evil.txt"]
    assert not list((upload_dir / ".incoming").iterdir())


def test_discarded_upload_leaves_nothing_behind(tmp_path):
    src = tmp_path / "x.txt"
    src.write_text("x", encoding="utf-8")
    staged = uploads.stage_upload(src, "x.txt", tmp_path / "uploads")
    uploads.discard_upload(staged)
    assert not list((tmp_path / "uploads").rglob("*.txt"))


def test_upload_line_names_the_file_not_its_staged_copy():
    failed = IngestResult("/data/uploads/.incoming/ab12/blank.txt", "blank.txt", "failed",
                          error="empty file: /data/uploads/.incoming/ab12/blank.txt has no text to ingest")
    assert uploads.upload_line(failed) == ("failed", "blank.txt", "empty: there is no text in it")
    binary = IngestResult("/x/.incoming/1/pic.txt", "pic.txt", "failed",
                          error="binary file: /x/.incoming/1/pic.txt does not look like text (ingest .txt, .md or "
                                ".html articles)")
    assert uploads.upload_line(binary) == ("failed", "pic.txt", "not text, whatever its name says (an image, a PDF?): "
                                                                "save the article as text and add it again")
    odd = IngestResult("/x/.incoming/1/d.txt", "d.txt", "failed",
                       error="bad date line in /x/.incoming/1/d.txt: 'date 2024-02-30' is not a real date")
    assert uploads.upload_line(odd) == ("failed", "d.txt", "bad date line in: 'date 2024-02-30' is not a real date")
    added = IngestResult("/x/one.md", "one.md", "added", passages=1)
    assert uploads.upload_line(added) == ("added", "one.md", "added · 1 passage")
    replaced = IngestResult("/x/two.md", "two.md", "replaced", passages=3)
    assert uploads.upload_line(replaced) == ("replaced", "two.md", "replaced the earlier version · 3 passages")


def test_upload_report_marks_failures():
    html = uploads.render_upload_report([("added", "a.txt", "added · 3 passages"),
                                     ("failed", "<b>.txt", "empty file: no text")])
    assert 'class="qa-up-added"' in html and 'class="qa-up-failed"' in html
    assert "&lt;b&gt;.txt" in html and "empty file: no text" in html


# --- feedback ---------------------------------------------------------------------------------------

def _voted_chat():
    c = cite("naval base")
    return [messages.question_message("What base?"),
            messages.answer_message(Answer(text="A naval base [1].", citations=(c,)), "What base?")]


def test_votes_are_appended_as_json_lines(tmp_path):
    chat = _voted_chat()
    path = tmp_path / "feedback" / "votes.jsonl"
    log = feedback.FeedbackLog(path)
    log.record("s1", chat, 1, True)
    log.record("s1", chat, 1, "Wrong citation")
    log.record("s1", chat, 1, False)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in lines] == ["like", "Wrong citation", "dislike"]
    assert lines[0]["question"] == "What base?" and lines[0]["text"] == "A naval base [1]."
    assert lines[0]["citations"][0]["quote"] == "naval base" and lines[0]["message_index"] == 1
    assert lines[0]["time"].endswith("+00:00")


def test_a_repeated_event_is_logged_once_and_an_undo_says_what_it_undoes(tmp_path):
    chat = _voted_chat()
    path = tmp_path / "votes.jsonl"
    log = feedback.FeedbackLog(path)
    # Gradio sends a click on a flag reason as two identical events, and an un-like as liked="".
    assert log.record("s1", chat, 1, "Wrong citation") is not None
    assert log.record("s1", chat, 1, "Wrong citation") is None
    log.record("s1", chat, 1, True)
    log.record("s1", chat, 1, "")
    log.record("s2", chat, 1, True)  # another session's vote on the same message counts
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["vote"], r.get("undoes")) for r in lines] == [("Wrong citation", None), ("like", None),
                                                              ("undo", "like"), ("like", None)]
    assert all(r["vote"] for r in lines)


# --- launch -----------------------------------------------------------------------------------------

def test_launch_binds_to_localhost_with_optional_login(monkeypatch):
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    monkeypatch.delenv("GRADIO_SERVER_PORT", raising=False)
    options = app.launch_options(Settings())
    assert options["server_name"] == "127.0.0.1" and options["server_port"] == 7860
    assert options["auth"] is None
    # Gradio refuses only far larger files: between the limit and the ceiling the app's own report says why.
    assert options["max_file_size"] == Settings().max_file_bytes * app.UPLOAD_CEILING > Settings().max_file_bytes
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "9000")
    # The address comes from the settings, read from the environment like every other setting.
    options = app.launch_options(dataclasses.replace(Settings.from_env(), auth="ann:s3cret:x"))
    assert options["server_name"] == "0.0.0.0" and options["server_port"] == 9000
    assert options["auth"] == ("ann", "s3cret:x")


def test_malformed_login_setting_stops_with_a_message():
    with pytest.raises(SystemExit, match="QA_AUTH must look like user:password"):
        app.launch_options(Settings(auth="no-colon"))


# --- issue 15: short answers, titles, headings, examples, input checks, progress, API ------------------

def _short(phrase: str, c: Citation, index: int = 1) -> Short:
    start = c.start + c.quote.index(phrase)
    return Short(text=phrase, citation=index, start=start, end=start + len(phrase), quote=SOURCE[start:start + len(phrase)])


def test_short_answer_is_shown_first_and_highlighted_inside_the_cited_sentence():
    c = cite("Russia wants a naval base in Tobruk, the sources said.")
    answer = Answer(text="Russia wants a naval base in Tobruk, the sources said. [1]", citations=(c,),
                    short=_short("a naval base", c))
    html = turns.render_answer(answer, "What does Russia want?")
    assert html.index('<div class="qa-short">a naval base</div>') < html.index('<div class="qa-answer">')
    assert ('<mark>Russia wants <strong class="qa-phrase">a naval base</strong> in Tobruk, the sources said.</mark>'
            in html)
    assert turns.copy_text(answer).startswith("a naval base\n\nRussia wants")


def test_the_phrase_leading_the_answer_text_is_not_shown_twice():
    c = cite("Russia wants a naval base in Tobruk, the sources said.")
    answer = Answer(text="A naval base. Russia wants a naval base in Tobruk, the sources said. [1]", citations=(c,),
                    short=_short("a naval base", c))
    html = turns.render_answer(answer, "What does Russia want?")
    assert '<div class="qa-short">a naval base</div>' in html
    assert '<div class="qa-answer">Russia wants a naval base' in html
    assert turns.copy_text(answer).startswith("a naval base\n\nRussia wants")


def test_short_answer_with_offsets_elsewhere_is_shown_without_an_inner_highlight():
    c = cite("Russia wants a naval base in Tobruk, the sources said.")
    wrong = dataclasses.replace(_short("a naval base", c), citation=2)
    html = turns.render_answer(Answer(text="x [1]", citations=(c,), short=wrong), "q")
    assert '<div class="qa-short">a naval base</div>' in html and "qa-phrase" not in html
    assert "qa-short" not in turns.render_answer(Answer(text="x [1]", citations=(c,)), "q")


def test_long_first_sentence_titles_get_a_readable_short_form():
    long = ("The death of Wagner boss Prigozhin did not slow down the cooperation between Putin and Haftar, "
            "the commander of LNA forces in eastern Libya.")
    assert render.display_title(long) == ("The death of Wagner boss Prigozhin did not slow down the cooperation "
                                          "between Putin and Haftar")
    words = "word " * 40
    short = render.display_title(words)
    assert short.endswith("…") and len(short) <= render.TITLE_CHARS + 1
    assert render.display_title("## Port Alba harbour review ##") == "Port Alba harbour review"


def test_markdown_headings_in_passages_and_answers_read_as_text():
    text = "# Port Alba harbour review\n\nThe harbour has 12 berths."
    c = Citation(index=1, source="p.md", title="# Port Alba harbour review", date=None, passage_id="p", start=0,
                 end=26, quote=text[:26], score=1.0, passage_start=0, passage_end=len(text), passage_text=text)
    html = turns.render_answer(Answer(text="# Port Alba harbour review [1]", citations=(c,)), "What is it about?")
    assert "#" not in html.replace("&#x27;", "").replace("&#10;", "")
    assert "<mark>Port Alba harbour review</mark><br><br>The harbour has 12 berths." in html


def test_example_questions_come_from_the_sidecar_of_a_loaded_article(tmp_path):
    from webapp.examples import example_questions, sidecar_path

    seed = tmp_path / "seed"
    seed.mkdir()
    sidecar_path(seed, "ferry.txt").write_text(json.dumps(["How long is the crossing?", "  "]), encoding="utf-8")
    (seed / "broken.questions.json").write_text("{not json", encoding="utf-8")
    loaded = {"ferry.txt": info("ferry.txt", "Ferry", "2024-01-01", 1), "broken.txt": info("broken.txt", "B", None, 1)}
    assert example_questions(loaded, [seed]) == ["How long is the crossing?"]
    assert example_questions({"other.txt": info("other.txt", "O", None, 1)}, [seed]) == []


def test_shipped_sidecar_is_not_an_article():
    from ingest.load import find_articles
    from core.settings import PROJECT_DIR

    shipped = PROJECT_DIR / "data" / "articles"
    assert list(shipped.glob("*.questions.json"))
    assert all(not p.name.endswith(".json") for p in find_articles([shipped]))


@pytest.mark.parametrize("since, until, field, problem", [
    ("", "", None, ""),
    ("2024-01-01", "2024-12-31", None, ""),
    (" 2024-01-01 ", "", None, ""),
    ("14/03/2025", "", "since", "From date “14/03/2025” is not a date: write it as YYYY-MM-DD"),
    ("", "last week", "until", "To date “last week” is not a date"),
    ("March 2025", "also bad", "since", "From date “March 2025” is not a date"),
    ("2025-01-01", "2024-01-01", "since", "The From date is after the To date"),
])
def test_dates_are_checked_by_qa_request_and_worded_for_their_fields(since, until, field, problem):
    found = checks.check_dates(since, until)
    if field is None:
        assert found is None
        return
    assert found.field == field and problem in found.message
    assert "since=" not in found.message and "QA_" not in found.message


def test_a_question_with_a_bad_date_is_refused_with_the_field_named():
    found = checks.check_question("Where is Tobruk?", [], None, "", "2024-13-40", 2000)
    assert found.field == "until" and "To date “2024-13-40”" in found.message
    assert checks.check_question("Where is Tobruk?", [], None, "2023-01-01", "", 2000) is None


def test_a_typed_date_is_shown_as_text():
    note = checks.problem_html(checks.check_dates('<img src=x onerror="x()">', ""), "qa-date-error")
    assert "<img" not in note and "&lt;img src=x" in note
    assert 'class="qa-date-error qa-bad-since"' in note


def test_too_long_question_message_names_the_limit_not_a_setting():
    found = checks.check_question("why " * 750, [], None, "", "", 2000)
    assert found.field == "question"
    assert "3,000 characters" in found.message and "2,000" in found.message and "QA_" not in found.message
    assert checks.check_question("Where is Tobruk?", [], None, "", "", 2000) is None


def test_upload_progress_says_sentences_and_time_left():
    html = uploads.render_progress(2, 1234, 3010, 12.4)
    assert 'value="1234" max="3010"' in html
    assert "Embedding 2 files: 1,234 of 3,010 sentences · about 12 s left" in html
    assert "Reading 1 file" in uploads.render_progress(1)


def test_answer_json_has_the_documented_fields():
    from webapp.api import answer_json

    c = cite("Russia wants a naval base in Tobruk, the sources said.")
    data = answer_json(Answer(text="x [1]", citations=(c,), searched="q", short=_short("a naval base", c)))
    assert set(data) == {"text", "short", "level", "confidence", "abstained", "reason", "searched", "citations",
                         "alternatives"}
    assert data["short"] == {"text": "a naval base", "citation": 1, "start": c.start + 13, "end": c.start + 25,
                             "quote": "a naval base", "confidence": 1.0}
    assert data["level"] == "sure" and data["alternatives"] == []
    assert set(data["citations"][0]) >= {"source", "title", "date", "start", "end", "quote"}
    assert json.loads(json.dumps(data)) == data
    assert answer_json(Answer(text="No.", level=Level.REFUSED, reason="r"))["short"] is None


class _IngestingService:
    """Ingests by the file's first byte: 'x' fails; or the whole store is down."""

    def __init__(self, down: bool = False):
        self.down = down

    def ingest(self, paths, sources=None, progress=None, read_ahead=False):
        from core.errors import StoreUnavailable
        from ingest import IngestReport
        from ingest.pipeline import EmbedProgress

        if self.down:
            raise StoreUnavailable("Chroma server at 127.0.0.1:1 is not reachable")
        progress.embedded(EmbedProgress(3, 3, 0.1))
        results = [IngestResult(p, sources[p], "failed", error=f"empty file: {p} has no text to ingest")
                   if open(p, encoding="utf-8").read(1) == "x" else IngestResult(p, sources[p], "added", passages=2)
                   for p in paths]
        return IngestReport(results=results)


def test_ingested_uploads_are_kept_and_failed_ones_discarded(tmp_path):
    upload_dir = tmp_path / "uploads"
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("good article", encoding="utf-8")
    bad.write_text("x", encoding="utf-8")
    staged = {str(uploads.stage_upload(good, "good.txt", upload_dir)): "good.txt",
              str(uploads.stage_upload(bad, "bad.txt", upload_dir)): "bad.txt"}
    seen = []
    lines = uploads.ingest_staged(_IngestingService(), staged, upload_dir, seen.append)
    assert sorted(lines.values()) == [("added", "good.txt", "added · 2 passages"),
                                      ("failed", "bad.txt", "empty: there is no text in it")]
    assert sorted(p.name for p in upload_dir.iterdir() if p.is_file()) == ["good.txt"]
    assert not list((upload_dir / ".incoming").iterdir())
    assert seen and seen[-1].sentences_done == 3


def test_store_down_during_upload_keeps_nothing(tmp_path):
    upload_dir = tmp_path / "uploads"
    src = tmp_path / "a.txt"
    src.write_text("text", encoding="utf-8")
    staged = {str(uploads.stage_upload(src, "a.txt", upload_dir)): "a.txt"}
    [line] = uploads.ingest_staged(_IngestingService(down=True), staged, upload_dir).values()
    assert line[0] == "failed" and "not reachable" in line[2]
    assert not [p for p in upload_dir.rglob("*") if p.is_file()]


# --- issue 26: an empty question, a suggested one ---------------------------------------------------------------

@pytest.fixture
def asker(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
    from pages import ferry_service

    from webapp.asking import QuestionHandler

    service = ferry_service(tmp_path)
    return service, QuestionHandler(service, 2000)


def test_an_empty_question_is_answered_with_a_note_on_the_question(asker):
    service, handler = asker
    [(box, chat, note)] = list(handler.ask("   ", [], None))
    assert box == "   " and chat == [] and service.asked == []
    assert note == ('<div class="qa-ask-error qa-bad-question" role="alert">Type a question first, then press Enter '
                    'or Ask.</div>')


def test_a_suggested_question_is_asked_of_its_article_alone_and_keeps_the_draft(asker):
    import gradio as gr

    service, handler = asker
    event = gr.EventData(None, {"question": "How long is the crossing?", "source": "ferry.txt"})
    steps = list(handler.suggested([], event))
    assert service.asked[-1]["sources"] == ["ferry.txt"] and service.asked[-1]["since"] is None
    assert all(box == gr.update() for box, _, _ in steps)
    _, chat, note = steps[-1]
    assert note == "" and [messages.message_record(m)["kind"] for m in chat] == ["question", "answer"]
