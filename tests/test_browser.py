"""The chat page in a real browser: headless Debian Chromium driven by Playwright, against `python app.py`."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from ingest.settings import PROJECT_DIR
from test_app import free_port, start_app, stop_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
README_SCREENSHOT = PROJECT_DIR / "docs" / "screenshot.png"

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium: apt-get install -y chromium"),
]


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("browser-app"))
    yield running
    stop_app(running)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str, viewport: dict) -> Page:
    page = browser.new_page(viewport=viewport)
    # The headless browser has no clipboard: record what the copy button writes instead.
    page.add_init_script("window.__copied = []; Object.defineProperty(navigator, 'clipboard', {value: "
                         "{writeText: (t) => { window.__copied.push(t); return Promise.resolve(); }}});")
    page.goto(url)
    expect(page.locator("#qa-question textarea")).to_be_visible(timeout=30_000)
    return page


def ask(page: Page, question: str) -> None:
    replies = page.locator(".qa-turn")
    before = replies.count()
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(replies).to_have_count(before + 1, timeout=30_000)
    expect(page.locator(".qa-streaming")).to_have_count(0, timeout=30_000)


def last_reply(page: Page):
    return page.locator(".qa-turn").last


def test_question_gets_an_answer_with_a_highlighted_citation(browser, running, tmp_path):
    page = open_page(browser, running.url, DESKTOP)
    expect(page.locator("#qa-header")).to_contain_text("1 article · 9 passages")
    ask(page, "Where does Russia want to open a military port?")
    answer = last_reply(page)
    expect(answer.locator(".qa-answer")).to_contain_text("Tobruk")
    expect(answer.locator(".qa-ref").first).to_have_text("[1]")
    cite = answer.locator(".qa-cite").first
    expect(cite.locator(".qa-cite-title")).to_contain_text("The death of Wagner boss Prigozhin")
    expect(cite.locator(".qa-cite-date")).to_have_text("6 Nov 2023")
    mark = cite.locator(".qa-cite-snippet mark")
    expect(mark).to_be_visible()
    expect(mark).to_contain_text("military port in eastern Libya’s Tobruk")
    page.screenshot(path=tmp_path / "desktop.png")

    # Clicking the marker opens the citation with the whole passage around the span.
    answer.locator(".qa-ref").first.click()
    expect(cite.locator(".qa-cite-full")).to_be_visible()
    expect(cite.locator(".qa-cite-full mark")).to_be_visible()
    expect(cite.locator(".qa-cite-full")).to_contain_text("anonymous sources")

    # The copy button copies the answer with its sources as plain text.
    page.get_by_role("button", name="Copy message", exact=True).last.click()
    copied = page.evaluate("window.__copied")[-1]
    assert copied.startswith("Russia increases its presence in Libya") and "\n[1] The death of Wagner boss" in copied
    assert "<" not in copied
    page.close()

    # The README's screenshot is refreshed on request only: a test run must not change tracked files.
    if os.environ.get("QA_UPDATE_SCREENSHOT") == "1":
        README_SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "desktop.png", README_SCREENSHOT)


def test_example_question_is_answered_and_new_chat_starts_over(browser, running):
    page = open_page(browser, running.url, DESKTOP)
    page.get_by_text("Where is Haftar's headquarters?").click()
    expect(page.locator(".qa-turn")).to_have_count(1, timeout=30_000)
    expect(page.locator(".qa-streaming")).to_have_count(0, timeout=30_000)
    expect(last_reply(page).locator("mark").first).to_contain_text("Benghazi")
    page.get_by_role("button", name="New chat").click()
    expect(page.locator(".qa-turn")).to_have_count(0)
    expect(page.get_by_text("Where is Haftar's headquarters?")).to_be_visible()
    page.close()


def test_phone_width_page_fits_the_screen(browser, running, tmp_path):
    page = open_page(browser, running.url, PHONE)
    ask(page, "When did Haftar meet Putin?")
    expect(last_reply(page).locator("mark").first).to_be_visible()
    page.screenshot(path=tmp_path / "phone.png")
    page.screenshot(path=tmp_path / "phone-full.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.close()


def test_abstention_looks_different_from_an_answer(browser, running, tmp_path):
    page = open_page(browser, running.url, DESKTOP)
    ask(page, "What is the population of Norway?")
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-abstained")
    expect(reply.locator(".qa-abstain-label")).to_have_text("Not in the articles")
    closest = reply.locator(".qa-closest")
    if closest.count():
        expect(closest.first.locator(".qa-cite-role")).to_have_text("closest passage, not an answer")
    page.screenshot(path=tmp_path / "abstention.png")
    page.close()


def test_html_in_a_question_is_shown_as_text_and_never_runs(browser, running):
    page = open_page(browser, running.url, DESKTOP)
    attack = '<img src=x onerror="window.__pwned=1">'
    ask(page, attack)
    question = page.locator(".qa-q").last
    expect(question).to_have_text(attack)
    assert question.locator("img").count() == 0
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    page.close()


def test_like_is_appended_to_the_feedback_file(browser, running):
    page = open_page(browser, running.url, DESKTOP)
    ask(page, "How many Wagner fighters stayed in Libya?")
    page.get_by_role("button", name="Like", exact=True).last.click()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not running.feedback_path.exists():
        time.sleep(0.2)
    [record] = [json.loads(line) for line in running.feedback_path.read_text().splitlines()
                if json.loads(line)["question"] == "How many Wagner fighters stayed in Libya?"]
    assert record["vote"] == "like"
    assert record["citations"] and record["answer"]
    page.close()


def test_upload_in_the_page_reports_each_file(browser, running, tmp_path):
    good = tmp_path / "reindeer.md"
    good.write_text("date 2024-01-20\n# Reindeer herders count their herds\n\n"
                    "Herders in Inari counted 4,100 reindeer at the January round-up.", encoding="utf-8")
    bad = tmp_path / "blank.txt"
    bad.write_text("\n\n", encoding="utf-8")
    page = open_page(browser, running.url, DESKTOP)
    page.locator("#qa-upload input[type=file]").set_input_files([str(good), str(bad)])
    status = page.locator("#qa-upload-status")
    expect(status.locator(".qa-up-added")).to_contain_text("reindeer.md", timeout=60_000)
    expect(status.locator(".qa-up-failed")).to_contain_text("blank.txt")
    expect(status.locator(".qa-up-failed")).to_contain_text("empty file")
    expect(page.locator("#qa-header")).to_contain_text("Reindeer herders count their herds")
    page.screenshot(path=tmp_path / "upload.png")
    ask(page, "How many reindeer were counted in Inari?")
    expect(last_reply(page).locator(".qa-cite-title").first).to_contain_text("Reindeer herders")
    page.close()


def test_store_down_shows_a_message_in_the_page(browser, tmp_path):
    down = start_app(tmp_path / "down", QA_CHROMA_HOST="127.0.0.1", QA_CHROMA_PORT=str(free_port()))
    try:
        page = open_page(browser, down.url, DESKTOP)
        expect(page.locator(".qa-down")).to_contain_text("The article store is not available")
        ask(page, "Where does Russia want to open a military port?")
        expect(last_reply(page)).to_contain_text("not reachable")
        page.screenshot(path=tmp_path / "store-down.png")
        page.close()
    finally:
        stop_app(down)
