"""Helpers of the page tests: the ferry article with scripted answers, opening the page, asking, contrast."""
from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from fakes import FakeArticle, ScriptedService, fake_settings, refusal

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

FERRY = FakeArticle(
    "ferry.txt", "New ferry line for Vaasa", "2024-03-14",
    "New ferry line for Vaasa\n\nThe city of Vaasa opened a ferry line to Umeå on Thursday. The crossing takes "
    "three hours and forty minutes, said harbour master Anna Berg. Tickets for the first week are free, the "
    "harbour office said.\n\nBerg expects about 300 passengers a day in summer. A second ship may join the line "
    "next year, according to the ferry company.")
EXAMPLES = ["How long is the crossing?", "How many passengers a day?", "What do tickets cost in winter?"]


def ferry_script(question: str):
    """The scripted answers: sure for "how long", likely for "how many", the store down for "store", refused
    otherwise; "no phrase" in a question drops the answer phrase."""
    from core.errors import StoreUnavailable
    from qa import Answer
    from qa.types import Level

    if "store" in question:
        raise StoreUnavailable("the Chroma server at 127.0.0.1:9 is not reachable (is it running?)")
    if "long" in question:
        c = FERRY.cite("The crossing takes three hours and forty minutes, said harbour master Anna Berg.")
        short = None if "no phrase" in question else FERRY.short("three hours and forty minutes", c)
        return Answer(text=f"{c.quote} [1]", citations=(c,), short=short, question=question, searched=question,
                      level=Level.SURE, confidence=0.94)
    if "many" in question:
        c = FERRY.cite("Berg expects about 300 passengers a day in summer.")
        alt = FERRY.cite("A second ship may join the line next year, according to the ferry company.", index=2,
                         role="alternative")
        return Answer(text=f"{c.quote} [1]", citations=(c,), short=FERRY.short("about 300 passengers", c, 0.7),
                      question=question, searched=question, level=Level.LIKELY, confidence=0.62,
                      alternatives=(alt,))
    return refusal(question, FERRY.cite("Tickets for the first week are free, the harbour office said."),
                   reason="no sentence gives a price for winter")


def ferry_service(folder: Path) -> ScriptedService:
    """The ferry article loaded (its file and example questions in the seed folder) with the scripted answers."""
    settings = fake_settings(folder)
    (settings.seed_dir / FERRY.source).write_text(FERRY.text, encoding="utf-8")
    (settings.seed_dir / "ferry.questions.json").write_text(json.dumps(EXAMPLES), encoding="utf-8")
    return ScriptedService(settings, [FERRY], ferry_script)


def open_page(browser, url: str, viewport: dict = DESKTOP, scheme: str = "light") -> Page:
    page = browser.new_page(viewport=viewport, color_scheme=scheme)
    page.add_init_script("window.__copied = []; Object.defineProperty(navigator, 'clipboard', {value: "
                         "{writeText: (t) => { window.__copied.push(t); return Promise.resolve(); }}});")
    page.goto(url)
    expect(page.locator("#qa-question textarea")).to_be_visible(timeout=30_000)
    return page


def ask(page: Page, question: str) -> None:
    """Type and send a question, and wait until its answer is finished."""
    replies = page.locator(".qa-turn:not(.qa-pending)")
    before = replies.count()
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(replies).to_have_count(before + 1, timeout=30_000)
    expect(page.locator(".qa-pending")).to_have_count(0, timeout=30_000)


def last_reply(page: Page):
    return page.locator(".qa-turn").last


def shown_in_chat(page: Page, locator) -> bool:
    """Whether the top of `locator` is inside the chat's visible area: the chat's own scrolled box on a wide
    screen; on a phone, where the page scrolls, the screen above the question box fixed at its foot."""
    return locator.evaluate("""el => {
      let box = el.parentElement;
      while (box && !(/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight))
        box = box.parentElement;
      const r = el.getBoundingClientRect();
      if (box) { const b = box.getBoundingClientRect(); return r.top >= b.top - 1 && r.top < b.bottom; }
      const foot = document.querySelector('#qa-compose').getBoundingClientRect().top;
      return r.top >= -1 && r.top < Math.min(foot, window.innerHeight);
    }""")
