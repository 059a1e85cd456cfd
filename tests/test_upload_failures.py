"""Issue 26 item 3 on uploads: every failure is cleaned up and reported (nothing left in .incoming), failure kinds
are typed values, and a file is shown by the name it was given while it is stored under a safe one."""
from __future__ import annotations

import html
import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from fakes import IngestReport, IngestResult, ScriptedService  # noqa: E402
from pages import ferry_service  # noqa: E402

from ingest.load import load_article  # noqa: E402
from webapp import uploads  # noqa: E402
from webapp.adding import UploadHandler  # noqa: E402
from webapp.examples import ExampleQuestions  # noqa: E402
from webapp.library import Library  # noqa: E402
from webapp.uploads import Failure, ingest_staged, stage_upload  # noqa: E402

ARTICLE = "Harbour news\n\nA new crane arrived at the pier on Monday."


def report_lines(report_html: str) -> list[str]:
    """The upload report as the page shows it, one line a file."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", report_html)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split()).replace(" : ", ": ") for item in items]


def handler(service) -> UploadHandler:
    settings = service.settings
    return UploadHandler(service, settings, Library(service, ExampleQuestions(
        [settings.seed_dir, settings.upload_dir], settings.max_file_bytes)))


def staged_left(upload_dir: Path) -> list[Path]:
    return [p for p in (upload_dir / ".incoming").rglob("*") if p.is_file()]


def write(folder: Path, name: str, text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


class BrokenIngest(ScriptedService):
    """Ingest fails with one of our own bugs after reading the files."""

    def ingest(self, paths, sources=None, progress=None, read_ahead=False):
        raise RuntimeError("a bug in ingest")


class ForgetfulIngest(ScriptedService):
    """Ingest reports on the first file only (a bug): the others get no result."""

    def ingest(self, paths, sources=None, progress=None, read_ahead=False):
        report = super().ingest(paths[:1], sources, progress, read_ahead)
        return IngestReport(results=report.results)


def test_a_bug_in_ingest_keeps_nothing_staged_and_still_raises(tmp_path):
    service = ferry_service(tmp_path)
    broken = BrokenIngest(service.settings, [], service.script)
    upload_dir = service.settings.upload_dir
    staged = {str(stage_upload(write(tmp_path / "in", "a.txt"), "a.txt", upload_dir)): "a.txt"}

    with pytest.raises(RuntimeError, match="a bug in ingest"):
        ingest_staged(broken, staged, upload_dir)

    assert staged_left(upload_dir) == []


def test_a_bug_in_ingest_ends_the_upload_with_a_report_and_still_raises(tmp_path):
    service = ferry_service(tmp_path)
    broken = BrokenIngest(service.settings, [], service.script)
    steps = []
    with pytest.raises(RuntimeError, match="a bug in ingest"):
        for step in handler(broken).upload([str(write(tmp_path / "in", "a.txt"))]):
            steps.append(step)

    zone, report, *_ = steps[-1]
    assert zone is None  # the drop zone is emptied for the next try
    assert report_lines(report) == ["✗ a.txt: " + Failure.UNEXPECTED.words()]
    assert "try again" in Failure.UNEXPECTED.words() and "log" in Failure.UNEXPECTED.words()
    assert staged_left(service.settings.upload_dir) == []


def test_a_file_that_cannot_be_kept_is_said_so_and_the_others_are_settled(tmp_path):
    service = ferry_service(tmp_path)
    upload_dir = service.settings.upload_dir
    (upload_dir / "a.txt" / "in-the-way").mkdir(parents=True)  # os.replace onto a folder fails (OSError)
    files = [write(tmp_path / "in", "a.txt"), write(tmp_path / "in", "b.txt")]
    staged = {str(stage_upload(f, f.name, upload_dir)): f.name for f in files}

    lines = list(ingest_staged(service, staged, upload_dir).values())

    assert lines[0][:2] == ("added", "a.txt")
    assert "its file could not be saved" in lines[0][2] and "add it again" in lines[0][2]
    assert lines[1] == ("added", "b.txt", "added · 1 passage")
    assert (upload_dir / "b.txt").read_text(encoding="utf-8") == ARTICLE
    assert staged_left(upload_dir) == []


def test_a_file_ingest_says_nothing_about_is_reported_and_not_kept(tmp_path):
    service = ferry_service(tmp_path)
    forgetful = ForgetfulIngest(service.settings, [], service.script)
    upload_dir = service.settings.upload_dir
    files = [write(tmp_path / "in", "a.txt"), write(tmp_path / "in", "b.txt")]
    staged = {str(stage_upload(f, f.name, upload_dir)): f.name for f in files}

    lines = list(ingest_staged(forgetful, staged, upload_dir).values())

    assert lines == [("added", "a.txt", "added · 1 passage"), ("failed", "b.txt", Failure.UNEXPECTED.words())]
    assert staged_left(upload_dir) == []


def test_a_file_that_cannot_be_staged_is_reported_and_the_others_go_on(tmp_path):
    service = ferry_service(tmp_path)
    (tmp_path / "in" / "odd.txt").mkdir(parents=True)  # a folder with a file's name: copying it fails (OSError)
    good = write(tmp_path / "in2", "good.txt")

    *_, (_, report, *_) = handler(service).upload([str(tmp_path / "in" / "odd.txt"), str(good)])

    lines = report_lines(report)
    assert lines[0].startswith("✗ odd.txt: could not be copied into the upload folder") and "add it again" in lines[0]
    assert lines[1] == "✓ good.txt: added · 1 passage"
    assert staged_left(service.settings.upload_dir) == []
    assert not [p for p in (service.settings.upload_dir / ".incoming").iterdir()]  # no empty staging folder either


# --- failure kinds as values ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data, kind", [
    ("empty.txt", b"  \n\n", Failure.EMPTY),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4, Failure.BINARY),
    ("notes.pdf", b"%PDF-1.4 some text", Failure.UNSUPPORTED),
    ("noise.txt", bytes(128 | b for b in random.Random(7).randbytes(3000)), Failure.NOT_UTF8),
])
def test_each_kind_of_file_ingest_refuses_is_told_apart(tmp_path, name, data, kind):
    """The one place that reads ingest's messages: a change of ingest's wording fails here."""
    (tmp_path / name).write_bytes(data)
    with pytest.raises(Exception) as refused:
        load_article(tmp_path / name, max_bytes=100_000)
    assert Failure.of_ingest_error(str(refused.value)) is kind


def test_an_ingest_message_of_no_known_kind_is_shown_without_the_staged_path():
    odd = IngestResult("/x/.incoming/1/d.txt", "d.txt", "failed",
                       error="bad date line in /x/.incoming/1/d.txt: 'date 2024-02-30' is not a real date")
    assert Failure.of_ingest_error(odd.error) is Failure.OTHER
    assert uploads.upload_line(odd) == ("failed", "d.txt", "bad date line in: 'date 2024-02-30' is not a real date")


def test_the_page_s_own_refusals_carry_their_kind():
    assert uploads.failed_line("a.txt", Failure.SAME_NAME) == ("failed", "a.txt", Failure.SAME_NAME.words())
    assert uploads.failed_line("a.txt", Failure.TOO_LARGE, limit_mb=2) == (
        "failed", "a.txt", "too large — the limit is 2 MB")


# --- names as given --------------------------------------------------------------------------------------------

def test_an_upload_is_shown_and_named_as_given_and_stored_under_a_safe_name(tmp_path):
    service = ferry_service(tmp_path)
    odd = write(tmp_path / "in", "Q&A <draft> O'Brien's notes.txt")

    *_, (_, report, *_) = handler(service).upload([str(odd)])

    assert "Q&amp;A &lt;draft&gt; O&#x27;Brien&#x27;s notes.txt" in report  # escaped where rendered
    assert report_lines(report)[0] == "✓ Q&A <draft> O'Brien's notes.txt: added · 1 passage"
    assert "Q&A <draft> O'Brien's notes.txt" in service.articles()
    [kept] = [p for p in service.settings.upload_dir.iterdir() if p.is_file()]
    assert re.fullmatch(r"[\w\-. ]+\.txt", kept.name) and kept.read_text(encoding="utf-8") == ARTICLE


def test_two_names_that_sanitize_alike_are_stored_apart(tmp_path):
    service = ferry_service(tmp_path)
    one = write(tmp_path / "in1", "a&b.txt", "One\n\nThe first article.")
    two = write(tmp_path / "in2", "a+b.txt", "Two\n\nThe second article.")
    for f in (one, two):
        list(handler(service).upload([str(f)]))

    kept = sorted(p.read_text(encoding="utf-8") for p in service.settings.upload_dir.iterdir() if p.is_file())
    assert kept == ["One\n\nThe first article.", "Two\n\nThe second article."]
    assert {"a&b.txt", "a+b.txt"} <= set(service.articles())


def test_a_plain_name_is_stored_as_it_is():
    assert uploads.upload_file_name("harbour-news.txt") == "harbour-news.txt"
    assert uploads.upload_file_name("../../evil.txt") == "evil.txt"  # folders dropped, as before
    assert uploads.upload_file_name("a&b.txt") != uploads.upload_file_name("a+b.txt")


def test_suggestions_are_found_for_an_article_stored_under_a_safe_name(tmp_path):
    service = ferry_service(tmp_path)
    odd = write(tmp_path / "in", "Port (draft) & news.txt",
                "Port Alba opens a ferry line\n\nThe city of Port Alba opened a ferry line to Umeå on Thursday. "
                "The crossing takes three hours, the harbour office said.")

    *_, (_, report, *_) = handler(service).upload([str(odd)])

    assert 'class="qa-suggest-q"' in report
