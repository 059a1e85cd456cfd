"""Issue 21 item 1: every visible text at WCAG AA contrast in the light and the dark colour scheme, in every
state of the page (examples, answers sure and likely with alternatives, refusal, error, notes, upload report,
article list)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from contrast import low_contrast
from fakes import FakeArticle
from pages import DESKTOP, PHONE, ask, ferry_service, last_reply, open_page

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

HARBOUR = FakeArticle("harbour.md", "Harbour traffic grew", "2024-02-01",
                      "# Harbour traffic grew\n\nThe harbour of Port Alba handled 12 ships a day in January.")


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory, serve):
    """Two articles, so that the header shows its count with "show the list"."""
    service = ferry_service(tmp_path_factory.mktemp("contrast"))
    service._articles[HARBOUR.source] = HARBOUR
    service._ingested[HARBOUR.source] = 0.0
    return service, serve(service)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_text_meets_wcag_aa_contrast_in_both_colour_schemes(browser, two_articles, tmp_path, scheme, viewport):
    _, url = two_articles
    page = open_page(browser, url, viewport, scheme)
    assert page.evaluate("document.body.classList.contains('dark')") == (scheme == "dark")
    expect(page.locator("#qa-chat .examples .example").first).to_be_visible()
    expect(page.locator(".qa-lib-toggle")).to_be_visible()
    assert low_contrast(page) == []

    # Notes and reports: a bad date beside the Ask box and under the dates, a refused and an added upload.
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1_100_000 + 1))  # 5.2 MB, over the 5 MB limit
    small = tmp_path / "pier.txt"
    small.write_text("Pier repairs begin\n\nWork on the north pier of Port Alba starts in May, the city said. "
                     "Mayor Lena Koski said the pier will reopen in June. Koski expects it to cost 2 million euros.",
                     encoding="utf-8")
    page.locator("#qa-upload input[type=file]").set_input_files([str(big), str(small)])
    status = page.locator("#qa-upload-status")
    expect(status.locator(".qa-up-failed")).to_contain_text("too large", timeout=30_000)
    expect(status.locator(".qa-suggest-q").first).to_be_visible()
    page.locator("#qa-since input").fill("March 2025")
    page.locator("#qa-question textarea").fill("How long is the crossing?")
    page.locator("#qa-question textarea").press("Enter")
    expect(page.locator("#qa-ask-note .qa-ask-error")).to_be_visible()
    expect(page.locator("#qa-date-note .qa-date-error")).to_be_visible()
    page.locator(".qa-lib > summary").click()
    expect(page.locator(".qa-lib-panel")).to_be_visible()
    assert low_contrast(page) == []
    page.locator(".qa-lib > summary").click()
    page.locator("#qa-since input").fill("")

    # Every kind of answer.
    for question in ("How long is the crossing?", "How many passengers a day?", "What do tickets cost in winter?",
                     "Is the store up?"):
        ask(page, question)
    expect(last_reply(page)).to_have_class("qa-turn qa-error")
    page.locator(".qa-likely .qa-ref").first.click()  # open a citation: its whole passage shows
    page.locator(".qa-alt summary").first.click()
    assert low_contrast(page) == []
    page.screenshot(path=tmp_path / f"{scheme}.png", full_page=True)
    page.close()
