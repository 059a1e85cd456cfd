"""The upload handler (webapp/adding.py, uploads.py) over a scripted or a real store: what the report says per
file, and which uploads are kept."""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from pages import ferry_service  # noqa: E402

from core.errors import StoreUnavailable  # noqa: E402
from ingest import ArticleStore, ingest_files, open_client  # noqa: E402
from webapp.adding import UploadHandler  # noqa: E402
from webapp.examples import ExampleQuestions  # noqa: E402
from webapp.library import Library  # noqa: E402
from webapp.uploads import ingest_staged, stage_upload  # noqa: E402


def report_lines(report_html: str) -> list[str]:
    """The upload report as the page shows it, one line a file."""
    items = re.findall(r"<li[^>]*>(.*?)</li>", report_html)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split()).replace(" : ", ": ") for item in items]


def upload(service, files: list[Path]) -> list[str]:
    settings = service.settings
    library = Library(service, ExampleQuestions([settings.seed_dir, settings.upload_dir], settings.max_file_bytes))
    *_, (_, report, *_) = UploadHandler(service, settings, library).upload([str(f) for f in files])
    return report_lines(report)


def test_two_files_of_one_name_in_one_drop_are_refused_in_the_page_s_words(tmp_path):
    service = ferry_service(tmp_path / "page")
    files = []
    for folder, text in (("a", "Notes A\n\nThe pier opens in May."), ("b", "Notes B\n\nThe pier opens in June."),
                         ("c", "Harbour news\n\nA new crane arrived.")):
        (tmp_path / folder).mkdir()
        files.append(tmp_path / folder / ("notes.txt" if folder != "c" else "harbour.txt"))
        files[-1].write_text(text, encoding="utf-8")

    lines = upload(service, files)

    assert lines == ["✗ notes.txt: two files have this name; add one at a time",
                     "✓ harbour.txt: added · 1 passage"]
    assert "notes.txt" not in service.articles()
    assert sorted(p.name for p in service.settings.upload_dir.iterdir()) == [".incoming", "harbour.txt"]
    assert not any((service.settings.upload_dir / ".incoming").iterdir())  # nothing of either left staged


class StoreFailingCleanup(ArticleStore):
    """Deletes of old versions fail (the server went away right after publishing)."""

    def _delete(self, where):
        raise StoreUnavailable("the Chroma server at 127.0.0.1:8000 is not reachable")


def test_an_upload_published_but_not_cleaned_up_is_reported_and_kept(tmp_path, settings, fake_embedder):
    store = StoreFailingCleanup(open_client(settings), settings.collection)
    service = SimpleNamespace(ingest=lambda paths, sources, progress, read_ahead=False: ingest_files(
        paths, store, fake_embedder, settings, progress=progress, sources=sources))
    src = tmp_path / "notes.txt"
    for text in ("The pier opens in May.", "The pier opens in June."):
        src.write_text(text, encoding="utf-8")
        staged = stage_upload(src, "notes.txt", settings.upload_dir)

        lines = ingest_staged(service, {str(staged): "notes.txt"}, settings.upload_dir)

    assert list(lines.values()) == [("replaced", "notes.txt", "replaced the earlier version · 1 passage")]
    assert (settings.upload_dir / "notes.txt").read_text(encoding="utf-8") == "The pier opens in June."
    assert store.first_passage("notes.txt", store.article("notes.txt").content_hash).text == "The pier opens in June."
