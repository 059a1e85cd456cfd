"""How the page shows an answer's confidence (sure, likely, refused) and an answer still being found."""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect

from pages import DESKTOP, PHONE, ask, last_reply, open_page, shown_in_chat

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_sure_answer_is_shown_plainly_with_its_phrase(browser, ferry, viewport, tmp_path):
    _, url = ferry
    page = open_page(browser, url, viewport)
    ask(page, "How long is the crossing?")
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-answered")
    expect(reply.locator(".qa-short")).to_have_text("three hours and forty minutes")
    expect(reply.locator(".qa-cite-snippet mark .qa-phrase")).to_have_text("three hours and forty minutes")
    expect(reply.locator(".qa-likely-label, .qa-abstain-label, .qa-alternatives")).to_have_count(0)
    # Issue 21 item 8: the headline is the card's title, not again the passage's first line.
    card = reply.locator(".qa-cite").first
    expect(card.locator(".qa-cite-title")).to_have_text("New ferry line for Vaasa")
    expect(card.locator(".qa-cite-full")).not_to_contain_text("New ferry line for Vaasa")
    expect(card.locator(".qa-cite-full")).to_contain_text("The city of Vaasa opened a ferry line")
    page.screenshot(path=tmp_path / "sure.png")
    page.close()


def test_no_bold_phrase_when_the_answer_has_none(browser, ferry):
    _, url = ferry
    page = open_page(browser, url)
    ask(page, "How long is the crossing, no phrase?")
    reply = last_reply(page)
    expect(reply.locator(".qa-answer")).to_contain_text("three hours and forty minutes")
    expect(reply.locator(".qa-short, .qa-phrase")).to_have_count(0)
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_likely_answer_says_it_is_not_certain_and_offers_alternatives(browser, ferry, viewport, tmp_path):
    _, url = ferry
    page = open_page(browser, url, viewport)
    ask(page, "How many passengers a day?")
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-answered qa-likely")
    # Taller than the chat on a phone: shown from its question, not scrolled to its last card.
    assert shown_in_chat(page, page.locator(".qa-q").last)
    expect(reply.locator(".qa-likely-label")).to_have_text("Not certain: about 62% likely")
    expect(reply.locator(".qa-short")).to_have_text("about 300 passengers")
    expect(reply.locator(".qa-cites").first.locator(".qa-cite-snippet mark")).to_have_text(
        "Berg expects about 300 passengers a day in summer.")
    also = reply.locator(".qa-alternatives")
    expect(also.locator(".qa-cites-label")).to_have_text("Also possibly")
    alternative = also.locator(".qa-cite.qa-alt")
    expect(alternative).to_have_count(1)
    expect(alternative.locator(".qa-cite-n")).to_have_text("2")
    expect(alternative.locator(".qa-cite-snippet mark")).to_have_text(
        "A second ship may join the line next year, according to the ferry company.")
    # Secondary: after the answer's own source, in smaller type, and without the answer phrase inside it.
    main = reply.locator(".qa-cites").first.locator(".qa-cite").first
    assert alternative.bounding_box()["y"] > main.bounding_box()["y"]
    size = lambda loc: float(loc.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))  # noqa: E731
    assert size(alternative) < size(main)
    expect(alternative.locator(".qa-phrase")).to_have_count(0)

    # Copy says so too.
    page.get_by_role("button", name="Copy message", exact=True).last.click()
    copied = page.evaluate("window.__copied")[-1]
    assert "Not certain: about 62% likely" in copied and "Also possibly:\n[2] New ferry line for Vaasa" in copied
    page.screenshot(path=tmp_path / "likely.png")
    page.close()


def test_refusal_stays_a_refusal(browser, ferry, tmp_path):
    _, url = ferry
    page = open_page(browser, url)
    ask(page, "What do tickets cost in winter?")
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-abstained")
    expect(reply.locator(".qa-abstain-label")).to_have_text("Not in the articles")
    expect(reply.locator(".qa-reason")).to_have_text("Why: no sentence gives a price for winter")
    expect(reply.locator(".qa-closest .qa-cite-role")).to_have_text("closest passage, not an answer")
    expect(reply.locator(".qa-short, .qa-likely-label, .qa-alternatives")).to_have_count(0)
    page.screenshot(path=tmp_path / "refused.png")
    page.close()


@pytest.fixture
def held(ferry) -> threading.Event:
    """The shared ferry service keeps each answer pending until the event is set; released after the test
    whatever happened in it, so that a failure does not stall the module's later tests."""
    service, _ = ferry
    service.hold = threading.Event()
    try:
        yield service.hold
    finally:
        service.hold.set()
        service.hold = None


def test_unfinished_answer_shows_a_pending_state_without_text_or_feedback_buttons(browser, ferry, held, tmp_path):
    """Issue 21 item 7: the half-streamed raw text showed, with like/dislike/flag buttons under it."""
    _, url = ferry
    page = open_page(browser, url)
    page.locator("#qa-question textarea").fill("How long is the crossing?")
    page.locator("#qa-question textarea").press("Enter")
    pending = page.locator(".qa-turn.qa-pending")
    expect(pending).to_have_text("Looking through the articles…")
    assert "The crossing" not in page.locator("#qa-chat").inner_text()
    chat = page.locator("#qa-chat")
    for name in ("Like", "Dislike", "Feedback"):  # the only answer in this chat is unfinished
        expect(chat.get_by_role("button", name=name, exact=True)).to_have_count(0)
    page.screenshot(path=tmp_path / "pending.png")
    held.set()
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-answered")
    expect(reply.locator(".qa-short")).to_have_text("three hours and forty minutes")
    expect(page.get_by_role("button", name="Like", exact=True).last).to_be_visible()
    page.close()
