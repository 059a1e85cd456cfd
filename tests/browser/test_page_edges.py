"""Issue 26 item 5: the page's rough edges, as a reader sees them in Chromium at 1280×800 and 390×844."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from contrast import SETTLED_JS
from fakes import FakeArticle
from pages import DESKTOP, PHONE, ask, ferry_script, ferry_service, last_reply, open_page

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

SIZES = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])
HARBOUR = FakeArticle("harbour.md", "Harbour traffic grew", "2024-02-01",
                      "# Harbour traffic grew\n\nThe harbour of Port Alba handled 12 ships a day in January.")
QUAY = ("New quay opens\n\nThe new quay of Port Alba opened on Monday, the harbour office said. The quay brings two "
        "changes:\n- Ships up to 200 metres long can now dock in the town.\n- Ferries to Umeå leave from the new "
        "quay.\nHarbour master Anna Berg said the quay cost 40 million euros.")
SUMMARY = ("The new quay of Port Alba opened on Monday, the harbour office said.",
           "- Ships up to 200 metres long can now dock in the town.", "- Ferries to Umeå leave from the new quay.",
           "Harbour master Anna Berg said the quay cost 40 million euros.")


@pytest.fixture(scope="module")
def harbour(tmp_path_factory, serve):
    """The ferry and the harbour articles; "about" questions are summarised like qa's summary skill does (the
    article's sentences after one another, a sentence quoted from a list keeping its dash) for the one article
    asked, or else for the ferry."""
    from qa import Answer
    from qa.types import Level

    service = ferry_service(tmp_path_factory.mktemp("edges"))
    service._articles[HARBOUR.source] = HARBOUR
    service._ingested[HARBOUR.source] = 0.0

    def script(question: str):
        if "about" not in question:
            return ferry_script(question)
        sources = service.asked[-1]["sources"] or []
        if sources != ["quay.txt"]:
            c = service._articles["ferry.txt"].cite("The city of Vaasa opened a ferry line to Umeå on Thursday.")
            return Answer(text=f"{c.quote} [1]", citations=(c,), question=question, searched=question,
                          level=Level.SURE, confidence=1.0)
        quay = service._articles["quay.txt"]
        cites = tuple(quay.cite(s, index=i) for i, s in enumerate(SUMMARY, 1))
        return Answer(text=" ".join(f"{c.quote} [{c.index}]" for c in cites), citations=cites, question=question,
                      searched=question, level=Level.SURE, confidence=1.0)

    service.script = script
    return service, serve(service)


def rect(locator) -> dict:
    return locator.evaluate("el => { const r = el.getBoundingClientRect(); "
                            "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def contrast(fg: str, bg: str) -> float:
    """The WCAG ratio of two computed colours ("rgb(r, g, b)")."""
    def lum(colour: str) -> float:
        r, g, b = (float(v) / 255 for v in re.findall(r"[\d.]+", colour)[:3])
        f = (lambda v: v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)  # noqa: E731
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


SURROUNDING_JS = """el => {
  let n = el.parentElement;
  while (n && /rgba\\(0, 0, 0, 0\\)|transparent/.test(getComputedStyle(n).backgroundColor)) n = n.parentElement;
  const st = getComputedStyle(el);
  return [st.backgroundColor, st.color, n ? getComputedStyle(n).backgroundColor : "rgb(255, 255, 255)"];
}"""


@SIZES
@SCHEMES
def test_ask_looks_like_a_primary_button_in_both_schemes(browser, harbour, viewport, scheme, tmp_path):
    """In light mode "Ask" was bare text beside the box (a grey pill in dark mode)."""
    _, url = harbour
    page = open_page(browser, url, viewport, scheme)
    page.wait_for_function(SETTLED_JS)
    ask_button = page.get_by_role("button", name="Ask", exact=True)
    fill, text, around = ask_button.evaluate(SURROUNDING_JS)
    page.screenshot(path=tmp_path / f"ask-{scheme}.png")
    assert "0, 0, 0, 0" not in fill
    # A filled button: it stands out from what is around it (3:1, WCAG 1.4.11), its word is readable (4.5:1),
    # and it is the theme's primary colour, as a primary button is in either scheme.
    assert contrast(fill, around) >= 3, (fill, around)
    assert contrast(text, fill) >= 4.5, (text, fill)
    primary = page.evaluate("getComputedStyle(document.querySelector('#qa-question button.submit-button'))"
                            ".getPropertyValue('--button-primary-background-fill')")
    assert primary.strip(), "the theme defines a primary fill"
    box, button = rect(page.locator("#qa-question textarea")), rect(ask_button)
    assert button["left"] >= box["right"], "Ask sits beside the box, not over its edge"
    page.close()


def _scroll_chat(page, fraction: float) -> None:
    """Scroll the conversation (the chat's own box, or the page on a phone) to `fraction` of its height."""
    page.evaluate("""f => {
      const box = document.querySelector('#qa-chat .bubble-wrap');
      if (box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== 'visible') {
        box.scrollTop = f * (box.scrollHeight - box.clientHeight); box.dispatchEvent(new Event('scroll'));
      } else {
        const chat = document.querySelector('#qa-chat').getBoundingClientRect();
        window.scrollTo(0, window.scrollY + chat.top + f * chat.height - 100);
      }
    }""", fraction)


def _messages(page) -> list[dict]:
    return page.locator("#qa-chat .message-row, #qa-chat .message-buttons .icon-button-wrapper").evaluate_all(
        "els => els.map(el => { const r = el.getBoundingClientRect(); "
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })")


@SIZES
def test_the_chat_corner_buttons_never_sit_on_a_message(browser, harbour, viewport, tmp_path):
    """The scroll-to-bottom arrow sat on the answer's and the citations' text; the copy-the-conversation icon
    overlapped the edge of the question bubble under it."""
    _, url = harbour
    page = open_page(browser, url, viewport)
    for question in ("How many passengers a day?", "How long is the crossing?", "How many passengers a day?"):
        ask(page, question)
    copy_all = page.get_by_role("button", name="Copy conversation", exact=True)
    arrow = page.locator("#qa-chat .scroll-down-button-container button")
    shown = 0
    for fraction in (0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85):
        _scroll_chat(page, fraction)
        page.wait_for_timeout(150)
        messages = _messages(page)
        corners = [rect(copy_all)] + ([rect(arrow)] if arrow.count() and arrow.is_visible() else [])
        shown += len(corners) - 1
        for corner in corners:
            assert not any(overlaps(corner, m) for m in messages), (fraction, corner)
    page.screenshot(path=tmp_path / "corners.png")
    if viewport is DESKTOP:
        assert shown, "the arrow showed while the chat was scrolled up"
    page.close()


@SCHEMES
def test_on_a_phone_the_question_box_has_the_width_and_the_page_is_the_one_scroll(browser, harbour, scheme, tmp_path):
    """The box was squeezed to ~215 px with "New chat" outside its row, the answer card left ~40 px empty on its
    right, and the chat was a small box scrolling inside a scrolling page."""
    _, url = harbour
    page = open_page(browser, url, PHONE, scheme)
    box = page.locator("#qa-question textarea")
    assert rect(box)["right"] - rect(box)["left"] >= 250
    new_chat = page.get_by_role("button", name="New chat")
    expect(new_chat).to_be_in_viewport()
    assert not overlaps(rect(new_chat), rect(page.locator("#qa-question")))
    for question in ("How many passengers a day?", "How long is the crossing?"):
        ask(page, question)
    page.screenshot(path=tmp_path / f"phone-{scheme}.png")
    chat, card = rect(page.locator("#qa-chat")), rect(page.locator("#qa-chat .bot-row").first)
    assert chat["right"] - card["right"] <= 12 and card["left"] - chat["left"] <= 12, (chat, card)
    # No scroll box inside the page: the chat is as tall as the conversation.
    inner = page.evaluate("""() => [...document.querySelectorAll('#qa-talk *')].filter(el =>
        /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1
        && el.clientHeight > 100).length""")
    assert inner == 0
    # Wherever the reader is in the conversation, the question box is on screen.
    for fraction in (0.0, 0.5, 0.9):
        _scroll_chat(page, fraction)
        expect(box).to_be_in_viewport(ratio=1)
        question = rect(page.locator("#qa-compose"))
        assert question["bottom"] <= PHONE["height"] + 1
    # New chat still clears the conversation.
    new_chat.click()
    expect(page.locator(".qa-turn")).to_have_count(0)
    page.close()


def test_on_a_desktop_new_chat_stays_beside_the_question_box(browser, harbour):
    _, url = harbour
    page = open_page(browser, url, DESKTOP)
    box, new_chat = rect(page.locator("#qa-question")), rect(page.locator("#qa-new"))
    assert new_chat["left"] > box["right"] and abs(new_chat["top"] - box["top"]) < 12, (box, new_chat)
    chat = rect(page.locator("#qa-chat"))
    assert new_chat["right"] <= chat["right"] + 1 and box["right"] - box["left"] >= 500
    page.close()


@SIZES
def test_no_empty_gap_between_the_dates_and_add_articles(browser, harbour, viewport, tmp_path):
    _, url = harbour
    page = open_page(browser, url, viewport)
    dates, upload = rect(page.locator("#qa-dates")), rect(page.locator("#qa-upload"))
    page.screenshot(path=tmp_path / "side.png", full_page=True)
    assert upload["top"] - dates["bottom"] <= 20, (dates, upload)
    # A bad date still gets its note there.
    page.locator("#qa-since input").click()
    page.locator("#qa-since input").fill("March 2025")
    page.locator("#qa-since input").press("Tab")
    note = page.locator("#qa-date-note .qa-date-error")
    expect(note).to_be_visible()
    assert rect(page.locator("#qa-dates"))["bottom"] <= rect(note)["top"] <= rect(page.locator("#qa-upload"))["top"]
    page.close()


@SIZES
def test_the_article_list_closes_on_an_outside_click_or_escape_and_keeps_off_the_side_panel(browser, harbour,
                                                                                           viewport, tmp_path):
    _, url = harbour
    page = open_page(browser, url, viewport)
    summary, panel = page.locator(".qa-lib > summary"), page.locator(".qa-lib-panel")
    summary.click()
    expect(panel).to_be_visible()
    page.screenshot(path=tmp_path / "list.png")
    for covered in ("#qa-chooser", "#qa-dates"):
        assert not overlaps(rect(panel), rect(page.locator(covered))), covered
    # Typing in its search box keeps it open; a click elsewhere closes it.
    page.locator(".qa-lib-search").click()
    expect(panel).to_be_visible()
    page.locator(".qa-brand h1").click()
    expect(panel).to_be_hidden()
    summary.click()
    expect(panel).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(summary).to_be_focused()
    page.close()


@SIZES
def test_an_empty_question_is_answered_with_a_note_and_a_long_one_with_one_message(browser, harbour, viewport,
                                                                                  tmp_path):
    service, url = harbour
    page = open_page(browser, url, viewport)
    box = page.locator("#qa-question textarea")
    asked = len(service.asked)
    box.click()
    box.press("Enter")
    note = page.locator("#qa-ask-note .qa-ask-error")
    expect(note).to_have_text("Type a question first, then press Enter or Ask.")
    expect(box).to_be_focused()
    box.press_sequentially("How")
    expect(note).to_be_hidden()  # stale once the question is edited

    box.fill("why is the crossing so long " * 180)  # 5,040 characters
    box.press("Enter")
    expect(note).to_contain_text("This question is 5,039 characters long")
    page.screenshot(path=tmp_path / "too-long.png")
    said = page.locator("#qa-compose").get_by_text("characters", exact=False)
    expect(said.filter(visible=True)).to_have_count(1)
    # Shortened but still too long: the counter speaks for the new text, once.
    box.fill("why " * 600)
    expect(said.filter(visible=True)).to_have_count(1)
    expect(page.locator("#qa-counter")).to_contain_text("2,399 / 2,000 characters")
    assert len(service.asked) == asked and page.locator(".qa-turn").count() == 0
    page.close()


@SIZES
def test_a_suggested_about_question_is_asked_of_the_new_article_and_its_list_reads_as_a_list(browser, harbour,
                                                                                            viewport, tmp_path):
    service, url = harbour
    page = open_page(browser, url, viewport)
    quay = tmp_path / "quay.txt"
    quay.write_text(QUAY, encoding="utf-8")
    page.locator("#qa-upload input[type=file]").set_input_files([str(quay)])
    chip = page.locator("#qa-upload-status .qa-suggest-q", has_text="What is this article about?")
    expect(chip).to_be_visible(timeout=30_000)
    box = page.locator("#qa-question textarea")
    box.fill("a draft")
    chip.click()
    reply = last_reply(page)
    expect(reply).to_have_class("qa-turn qa-answered", timeout=30_000)
    assert service.asked[-1]["sources"] == ["quay.txt"] and service.asked[-1]["question"] == chip.inner_text()
    expect(page.locator(".qa-q").last).to_have_text("What is this article about?")
    expect(box).to_have_value("a draft")
    # The two sentences quoted from the article's list are a list, without their dashes.
    items = reply.locator(".qa-answer li")
    expect(items).to_have_count(2)
    expect(items.first).to_have_text("Ships up to 200 metres long can now dock in the town. [2]")
    assert "- " not in reply.locator(".qa-answer").inner_text()
    expect(reply.locator(".qa-cite-title").first).to_have_text("New quay opens")
    reply.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "about.png")
    page.close()
