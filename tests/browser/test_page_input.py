"""Issue 21 items 3, 4 and 6: typing and clicking in the page, by keyboard and on a phone."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages import DESKTOP, EXAMPLES, PHONE, ask, last_reply, open_page

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]


BORDER_JS = """el => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    const [r, g, b] = rgb(c); return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let around = el.parentElement;
  const clear = (n) => /rgba\\(0, 0, 0, 0\\)|transparent/.test(getComputedStyle(n).backgroundColor);
  while (around && clear(around)) around = around.parentElement;
  const st = getComputedStyle(el);
  const [a, b] = [lum(st.borderTopColor), lum(around ? getComputedStyle(around).backgroundColor : "rgb(255,255,255)")];
  return [st.borderTopStyle, parseFloat(st.borderTopWidth), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
}"""


def _date_field(page, which: str):
    field = page.locator(f"#qa-{which} input")
    # Focus it first: Svelte's autofocus gives the question box the focus back whenever nothing holds it.
    field.click()
    expect(field).to_be_focused()
    return field


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_bad_date_is_explained_beside_the_ask_box_and_focus_moves_to_it(browser, ferry, viewport, tmp_path):
    """Issue 21 item 3: Enter silently kept the text; the explanation sat two screens below on a phone."""
    service, url = ferry
    page = open_page(browser, url, viewport)
    _date_field(page, "since").fill("March 2025")
    box = page.locator("#qa-question textarea")
    box.click()
    box.fill("How long is the crossing?")
    asked = len(service.asked)
    box.press("Enter")
    note = page.locator("#qa-ask-note .qa-ask-error")
    expect(note).to_have_text("From date “March 2025” is not a date: write it as YYYY-MM-DD, e.g. 2023-11-06.")
    expect(page.locator("#qa-since input")).to_be_focused()
    expect(page.locator("#qa-since input")).to_have_attribute("aria-invalid", "true")
    page.screenshot(path=tmp_path / "bad-date.png")
    # Nothing was asked or posted, the question is kept, and the note sits right under the question box.
    assert len(service.asked) == asked
    expect(page.locator(".qa-turn")).to_have_count(0)
    expect(box).to_have_value("How long is the crossing?")
    # Both measured at once: the page may still be scrolling smoothly to the focused field.
    gap = page.evaluate("""() => document.querySelector('#qa-ask-note .qa-ask-error').getBoundingClientRect().top -
                                 document.querySelector('#qa-question textarea').getBoundingClientRect().bottom""")
    assert 0 <= gap <= 80, gap

    # A From date after the To date is refused the same way.
    page.locator("#qa-since input").fill("2025-01-01")
    _date_field(page, "until").fill("2024-01-01")
    box.click()
    box.press("Enter")
    expect(note).to_contain_text("The From date is after the To date")
    expect(page.locator("#qa-since input")).to_be_focused()

    # Fixed, the question goes through and the note goes away.
    page.locator("#qa-since input").fill("2024-01-01")
    page.locator("#qa-until input").fill("")
    ask(page, "How long is the crossing?")
    expect(note).to_have_count(0)
    assert service.asked[-1]["since"] == "2024-01-01" and service.asked[-1]["until"] is None
    page.close()


def test_question_box_and_date_fields_show_a_focus_ring_and_the_box_is_named_question(browser, ferry):
    _, url = ferry
    page = open_page(browser, url)
    box = page.get_by_role("textbox", name="Question", exact=True)
    expect(box).to_be_visible()
    for field in (page.locator("#qa-question textarea"), page.locator("#qa-since input"),
                  page.locator("#qa-until input")):
        field.focus()
        expect(field).to_be_focused()
        style, width = field.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")
        assert style != "none" and float(width.rstrip("px")) >= 2, (style, width)
    page.close()


def test_phone_inputs_are_16px_so_ios_does_not_zoom(browser, ferry):
    _, url = ferry
    page = open_page(browser, url, PHONE)
    for selector in ("#qa-question textarea", "#qa-since input", "#qa-until input"):
        size = page.locator(selector).evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 16, (selector, size)
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_very_long_question_keeps_its_counter_and_the_ask_button_on_screen(browser, ferry, viewport, tmp_path):
    """Issue 21 item 6: a 5,000-character question grew the box off the screen."""
    _, url = ferry
    page = open_page(browser, url, viewport)
    box = page.locator("#qa-question textarea")
    box.fill("why is the crossing so long " * 180)
    counter = page.locator("#qa-counter")
    expect(counter).to_contain_text("too long to ask")
    page.screenshot(path=tmp_path / "long.png")
    for thing in (counter, page.get_by_role("button", name="Ask", exact=True), box):
        shown = thing.bounding_box()
        assert shown["y"] >= 0 and shown["y"] + min(shown["height"], 40) <= viewport["height"], (thing, shown)
    assert box.bounding_box()["height"] <= viewport["height"] * 0.35
    page.close()


def test_new_chat_keeps_a_half_typed_question_and_is_the_one_way_to_clear(browser, ferry):
    """Issue 21 item 6: "New chat" threw the draft away, and a trash icon was a second clear without undo."""
    _, url = ferry
    page = open_page(browser, url)
    ask(page, "How long is the crossing?")
    expect(page.locator("#qa-chat").get_by_role("button", name="Clear", exact=True)).to_have_count(0)
    box = page.locator("#qa-question textarea")
    box.fill("And how much does a ticket")
    page.get_by_role("button", name="New chat").click()
    expect(page.locator(".qa-turn")).to_have_count(0)
    expect(box).to_have_value("And how much does a ticket")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_example_questions_are_drawn_as_buttons_and_ask_when_tapped(browser, ferry, scheme, tmp_path):
    """Issue 21 item 4: white on white, no border, only a hover tint (none on touch)."""
    _, url = ferry
    page = open_page(browser, url, PHONE, scheme)
    examples = page.locator("#qa-chat .examples .example")
    expect(examples).to_have_count(len(EXAMPLES))
    page.screenshot(path=tmp_path / f"examples-{scheme}.png")
    for i, text in enumerate(EXAMPLES):
        expect(examples.nth(i)).to_have_text(text)
        border, width, ratio = examples.nth(i).evaluate(BORDER_JS)
        # WCAG 1.4.11: a control's boundary at 3:1 against what is around it.
        assert border == "solid" and width >= 1 and ratio >= 3, (border, width, ratio)
    examples.first.click()
    expect(last_reply(page)).to_have_class("qa-turn qa-answered", timeout=30_000)
    expect(page.locator(".qa-q")).to_have_text(EXAMPLES[0])
    page.close()
