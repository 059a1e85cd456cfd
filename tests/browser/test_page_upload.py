"""Issue 21 items 2, 4 and 8 on uploads: an oversized file gets the app's own line and leaves the drop zone working;
added articles get suggested questions; the page uses the service's own settings (issue 20)."""
from __future__ import annotations

import dataclasses

import pytest
from playwright.sync_api import expect

from fakes import ScriptedService
from pages import DESKTOP, FERRY, PHONE, ask, ferry_script, ferry_service, last_reply, open_page

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

PIER = ("Pier repairs begin\n\nWork on the north pier of Port Alba starts in May, the city said. Mayor Lena Koski "
        "said the pier will reopen in June. Koski expects the work to cost 2 million euros.")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_oversized_file_gets_its_own_line_and_the_drop_zone_works_again(browser, ferry, tmp_path, viewport):
    """Issue 21 item 2: a 6 MB file got Gradio's generic toast, and the drop zone stayed a red "Error" pill."""
    _, url = ferry
    page = open_page(browser, url, viewport)
    first = tmp_path / "first.txt"
    first.write_text("Harbour notes\n\nThe harbour opened a new quay.", encoding="utf-8")
    page.locator("#qa-upload input[type=file]").set_input_files([str(first)])
    status = page.locator("#qa-upload-status")
    expect(status.locator(".qa-up-added, .qa-up-replaced")).to_contain_text("first.txt", timeout=30_000)

    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (6 * 1024 * 1024 // 5))
    page.locator("#qa-upload input[type=file]").set_input_files([str(big)])
    expect(status.locator("li")).to_have_count(1, timeout=30_000)  # the earlier result is gone
    expect(status.locator(".qa-up-failed")).to_have_text("✗big.txt: too large — the limit is 5 MB")
    expect(page.locator(".toast-body")).to_have_count(0)
    zone = page.locator("#qa-upload")
    expect(zone.get_by_text("Error", exact=True)).to_have_count(0)
    page.screenshot(path=tmp_path / "too-large.png")

    # The drop zone opens the file picker again at once, and takes the next file.
    small = tmp_path / "notes.md"
    small.write_text("# Quay notes\n\nThe new quay is 120 metres long.", encoding="utf-8")
    with page.expect_file_chooser(timeout=10_000) as chooser:
        zone.get_by_text("Click to Upload").click()
    chooser.value.set_files(str(small))
    expect(status.locator(".qa-up-added, .qa-up-replaced")).to_contain_text("notes.md", timeout=30_000)
    expect(status.locator(".qa-up-failed")).to_have_count(0)
    page.close()


def test_added_article_gets_questions_suggested_from_its_own_text(browser, tmp_path_factory, serve, tmp_path):
    service = ferry_service(tmp_path_factory.mktemp("suggest"))
    page = open_page(browser, serve(service))
    pier = tmp_path / "pier.txt"
    pier.write_text(PIER, encoding="utf-8")
    page.locator("#qa-upload input[type=file]").set_input_files([str(pier)])
    suggested = page.locator("#qa-upload-status .qa-suggest-q")
    expect(suggested).to_have_text(["What is this article about?", "Who is Mayor Lena Koski?"], timeout=30_000)
    page.screenshot(path=tmp_path / "suggested.png")

    # A suggestion is asked like a typed question; the empty chat offers the new article's questions first.
    suggested.nth(1).click()
    expect(page.locator(".qa-q")).to_have_text("Who is Mayor Lena Koski?")
    expect(last_reply(page)).to_have_class("qa-turn qa-abstained", timeout=30_000)
    assert service.asked[-1]["question"] == "Who is Mayor Lena Koski?"
    page.get_by_role("button", name="New chat").click()
    examples = page.locator("#qa-chat .examples .example")
    expect(examples.first).to_have_text("What is this article about?")
    expect(examples.nth(1)).to_have_text("Who is Mayor Lena Koski?")
    expect(page.locator("#qa-chat .examples")).to_contain_text("How long is the crossing?")  # the sidecar's
    page.close()


def test_page_uses_the_upload_folder_and_limits_of_its_service(browser, tmp_path_factory, serve, tmp_path):
    """Issue 20: build_app read the global settings, so a service built with others got the wrong folder and limits."""
    folder = tmp_path_factory.mktemp("own-settings")
    base = ferry_service(folder).settings
    settings = dataclasses.replace(base, max_file_mb=0.01, upload_dir=folder / "elsewhere", max_question_chars=300)
    service = ScriptedService(settings, [FERRY], ferry_script)
    page = open_page(browser, serve(service))
    expect(page.locator(".qa-upload-help")).to_contain_text("up to 0.01 MB each")
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("Big\n\n" + "word " * 4000, encoding="utf-8")
    small.write_text("Small news\n\nThe quay is 120 metres long.", encoding="utf-8")
    page.locator("#qa-upload input[type=file]").set_input_files([str(big), str(small)])
    status = page.locator("#qa-upload-status")
    expect(status.locator(".qa-up-failed")).to_contain_text("too large — the limit is 0.01 MB", timeout=30_000)
    expect(status.locator(".qa-up-added")).to_contain_text("small.txt")
    assert (settings.upload_dir / "small.txt").read_text(encoding="utf-8") == small.read_text(encoding="utf-8")

    box = page.locator("#qa-question textarea")
    box.fill("why " * 100)
    expect(page.locator("#qa-counter")).to_contain_text("/ 300 characters")
    ask(page, "How long is the crossing?")
    page.close()
