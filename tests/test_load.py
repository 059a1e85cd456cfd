"""ingest/load.py: files -> Article (date line, title, decoding, HTML text) and the refusal of bad files."""
from __future__ import annotations

import random

import pytest

from core.errors import IngestError
from ingest import find_articles, load_article
from ingest.load import SUPPORTED_SUFFIXES

MB = 1024 * 1024


def load(path, max_bytes=5 * MB):
    return load_article(path, max_bytes=max_bytes)


def body(article) -> str:
    return article.text[article.body.start:article.body.end]


def assert_one_line_error(excinfo, *fragments: str) -> None:
    message = str(excinfo.value)
    assert "\n" not in message, message
    for fragment in fragments:
        assert fragment in message, message


# --- the shipped article ----------------------------------------------------------------

def test_shipped_article_date_on_first_line_is_metadata_not_body(shipped_article):
    article = load(shipped_article)

    assert article.date == "2023-11-06"
    assert article.text[article.date_span.start:article.date_span.end] == "2023-11-06"
    assert body(article).startswith("The death of Wagner boss Prigozhin did not slow down")
    assert "date" not in body(article)[:20] and "2023-11-06" not in body(article)


def test_shipped_article_title_is_its_first_sentence_after_the_date(shipped_article):
    article = load(shipped_article)

    assert article.title == ("The death of Wagner boss Prigozhin did not slow down the cooperation between "
                             "Putin and Haftar, the commander of LNA forces in eastern Libya.")
    assert article.text[article.title_span.start:article.title_span.end] == article.title
    assert article.source == shipped_article.name
    assert article.encoding == "utf-8"


# --- date line --------------------------------------------------------------------------

def test_date_line_on_its_own_line_becomes_metadata(write_article):
    article = load(write_article("a.txt", "date 2024-02-29\nThe council met on Monday. It voted.\n"))

    assert article.date == "2024-02-29"
    assert article.date_ord == 20240229
    assert body(article) == "The council met on Monday. It voted."


@pytest.mark.parametrize("first_line", ["date 2023-11-06 ", "Date: 2023-11-06 ", "  date 2023-11-06\t"])
def test_date_with_text_on_the_same_line_keeps_that_text_in_the_body(write_article, first_line):
    article = load(write_article("a.txt", first_line + "Ships arrived in Tobruk. Nobody commented."))

    assert article.date == "2023-11-06"
    assert body(article) == "Ships arrived in Tobruk. Nobody commented."
    assert article.title == "Ships arrived in Tobruk."


def test_article_without_date_line_has_no_date(write_article):
    article = load(write_article("a.txt", "Ships arrived in Tobruk on 2023-11-06. Nobody commented."))

    assert article.date is None and article.date_span is None
    assert body(article).startswith("Ships arrived")


def test_impossible_date_is_refused_naming_the_line(write_article):
    path = write_article("a.txt", "date 2023-02-30\nShips arrived.")

    with pytest.raises(IngestError) as excinfo:
        load(path)
    assert_one_line_error(excinfo, "bad date line", "2023-02-30", "YYYY-MM-DD")


# --- title ------------------------------------------------------------------------------

def test_title_is_the_first_sentence(write_article):
    article = load(write_article("a.txt", "Mr. Haftar met Putin in Moscow. The talks lasted hours.\n\nMore later."))

    assert article.title == "Mr. Haftar met Putin in Moscow."


def test_markdown_heading_is_the_title_and_stays_in_the_body(write_article):
    article = load(write_article("a.md", "date 2023-11-06\n\n# Russia eyes Tobruk ##\n\nThe port needs work. A lot.\n"))

    assert article.title == "Russia eyes Tobruk"
    assert article.text[article.title_span.start:article.title_span.end] == "Russia eyes Tobruk"
    assert body(article).startswith("# Russia eyes Tobruk")


def test_title_stops_at_the_end_of_the_first_line(write_article):
    article = load(write_article("a.txt", "Breaking news without a full stop\nThe port of Tobruk is small."))

    assert article.title == "Breaking news without a full stop"


def test_html_h1_is_the_title(write_article):
    html = ("<html><head><title>Site name | News</title></head><body>"
            "<h1>Russia eyes Tobruk</h1><p>The port needs work.</p></body></html>")
    article = load(write_article("a.html", html))

    assert article.title == "Russia eyes Tobruk"


def test_html_title_element_is_the_title_when_there_is_no_h1(write_article):
    html = "<html><head><title>Russia eyes Tobruk</title></head><body><p>The port needs work.</p></body></html>"
    article = load(write_article("a.htm", html))

    assert article.title == "Russia eyes Tobruk"
    assert body(article) == "The port needs work."


def test_html_published_date_meta_becomes_the_date(write_article):
    html = ('<html><head><meta property="article:published_time" content="2023-11-06T08:00:00Z"></head>'
            "<body><p>The port needs work.</p></body></html>")

    assert load(write_article("a.html", html)).date == "2023-11-06"


# --- HTML text --------------------------------------------------------------------------

def test_html_script_style_and_navigation_text_is_dropped(write_article):
    html = ("<html><head><title>T</title><script>var secret = 'HEADSCRIPT';</script>"
            "<style>p { color: red } /* STYLETEXT */</style></head><body>"
            "<nav><a href='/'>NAVLINK</a></nav>"
            "<article><h1>Russia eyes Tobruk</h1><p>The port needs work.</p>"
            "<script>document.write('BODYSCRIPT')</script><p>Work starts soon.</p></article>"
            "<footer>FOOTERTEXT</footer></body></html>")
    article = load(write_article("a.html", html))

    assert body(article) == "Russia eyes Tobruk\n\nThe port needs work.\n\nWork starts soon."
    for hidden in ("HEADSCRIPT", "STYLETEXT", "NAVLINK", "BODYSCRIPT", "FOOTERTEXT", "document.write"):
        assert hidden not in article.text


def test_html_text_outside_paragraph_tags_is_kept(write_article):
    html = ("<html><body><article><h1>Russia eyes Tobruk</h1>"
            "<div class='lead'>Moscow wants a naval base in Libya.</div>"
            "<p>The port needs work.</p></article></body></html>")
    article = load(write_article("a.html", html))

    assert "Moscow wants a naval base in Libya." in article.text


# --- decoding ---------------------------------------------------------------------------

def test_utf8_byte_order_mark_is_not_part_of_the_text(write_article):
    article = load(write_article("a.txt", b"\xef\xbb\xbfThe port needs work. It is small."))

    assert article.text == "The port needs work. It is small."
    assert article.title == "The port needs work."


def test_cp1252_article_is_decoded_by_the_fallback(write_article):
    text = ("Le café est fermé. La rentrée scolaire a eu lieu à Paris, où les élèves étaient nombreux.\n\n"
            "Le ministre a déclaré que la sécurité des écoles était « une priorité ».")
    article = load(write_article("a.txt", text, encoding="cp1252"))

    assert article.text == text
    assert article.encoding != "utf-8"


def test_short_cp1252_article_keeps_its_accented_letters(write_article):
    text = ("date 2023-11-06\nThe mayor of Zürich visited the Élysée on Monday. He ordered a café crème and a "
            "crêpe at the brasserie.\n\nLater he met the président of the Société Générale.")
    article = load(write_article("a.txt", text, encoding="cp1252"))

    assert article.text == text


# --- bad files --------------------------------------------------------------------------

def _random_high_bytes() -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(128, 256) for _ in range(3000))


@pytest.mark.parametrize("name, content, fragments", [
    pytest.param("empty.txt", b"", ["empty file", "empty.txt"], id="empty"),
    pytest.param("blank.txt", b" \n\n\t  \r\n", ["empty file", "blank.txt"], id="whitespace only"),
    pytest.param("bom.txt", b"\xef\xbb\xbf\n", ["empty file", "bom.txt"], id="byte order mark only"),
    pytest.param("dated.txt", b"date 2023-11-06\n\n", ["empty file", "dated.txt"], id="date line only"),
    pytest.param("script.html", b"<html><head><script>alert(1)</script></head><body><nav>Home</nav></body></html>",
                 ["empty file", "script.html"], id="HTML without visible text"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                 ["binary file", "image.txt"], id="binary"),
    pytest.param("noise.txt", _random_high_bytes(), ["not UTF-8", "noise.txt", "save it as UTF-8"],
                 id="random bytes, not UTF-8"),
    pytest.param("notes.pdf", b"%PDF-1.4 some text", ["unsupported file type", "notes.pdf", ".txt"],
                 id="unsupported type"),
])
def test_unusable_file_is_refused_with_a_one_line_reason(write_article, name, content, fragments):
    path = write_article(name, content)

    with pytest.raises(IngestError) as excinfo:
        load(path)
    assert_one_line_error(excinfo, *fragments)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(IngestError) as excinfo:
        load(tmp_path / "nowhere.txt")
    assert_one_line_error(excinfo, "not found", "nowhere.txt")


def test_folder_given_as_a_file_is_refused(tmp_path):
    (tmp_path / "folder.txt").mkdir()

    with pytest.raises(IngestError) as excinfo:
        load(tmp_path / "folder.txt")
    assert_one_line_error(excinfo, "is a folder", "folder.txt")


def test_file_over_the_size_limit_is_refused(write_article):
    path = write_article("big.txt", "The port needs work. " * 100)

    with pytest.raises(IngestError) as excinfo:
        load(path, max_bytes=1000)
    assert_one_line_error(excinfo, "too large", "big.txt", "QA_MAX_FILE_MB")


def test_size_limit_message_shows_that_the_file_is_larger(write_article):
    path = write_article("big.txt", b"a" * (5 * MB + 40_000))

    with pytest.raises(IngestError) as excinfo:
        load(path, max_bytes=5 * MB)
    assert "is 5.0 MB, the limit is 5.0 MB" not in str(excinfo.value)


# --- finding files ----------------------------------------------------------------------

def test_folder_expands_to_its_article_files_in_a_stable_order(write_article, tmp_path):
    write_article("b.md", "B.")
    write_article("a.txt", "A.")
    write_article("photo.jpg", b"\xff\xd8")
    (tmp_path / "articles" / "sub").mkdir()
    (tmp_path / "articles" / "sub" / "c.HTML").write_text("<p>C.</p>")

    found = find_articles([tmp_path / "articles"])

    assert [p.relative_to(tmp_path / "articles").as_posix() for p in found] == ["a.txt", "b.md", "sub/c.HTML"]


def test_folder_without_articles_is_refused_naming_the_supported_types(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")

    with pytest.raises(IngestError) as excinfo:
        find_articles([tmp_path])
    assert_one_line_error(excinfo, "no articles in", str(tmp_path), *sorted(SUPPORTED_SUFFIXES))


def test_missing_path_is_refused_before_anything_is_read(tmp_path, write_article):
    good = write_article("good.txt", "Fine.")

    with pytest.raises(IngestError) as excinfo:
        find_articles([good, tmp_path / "typo.txt"])
    assert_one_line_error(excinfo, "not found", "typo.txt", "check the path")
