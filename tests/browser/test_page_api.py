"""Issue 21 item 5: "Use via API" offers only what a program should call, `/answer`, with named parameters; the JSON
carries the answer's confidence (level, confidence, alternatives)."""
from __future__ import annotations

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError
from playwright.sync_api import expect

from pages import DESKTOP, PHONE, open_page

pytestmark = [pytest.mark.integration, pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")]

PARAMETERS = ["question", "history", "sources", "since", "until"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_api_page_offers_answer_with_named_parameters_and_nothing_internal(browser, ferry, viewport, tmp_path):
    _, url = ferry
    page = open_page(browser, url, viewport)
    link = page.locator("footer").get_by_text("Use via API")
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_text("/answer", exact=True).first).to_be_visible(timeout=15_000)
    docs = page.locator("body").inner_text()
    for internal in ("/ask", "/new_chat", "/add_articles", "Hello!!", "parameter_", "value_", "1st Api",
                     "2nd Api"):
        assert internal not in docs, internal
    for name in PARAMETERS:
        assert f'{name}=' in docs  # the example call names every parameter
    assert "How long is the crossing?" in docs and "YYYY-MM-DD" in docs  # the loaded article's first example
    page.screenshot(path=tmp_path / "api.png")
    page.close()


def test_client_sees_only_answer_and_gets_the_confidence_as_json(ferry):
    _, url = ferry
    client = Client(url, verbose=False)
    info = client.view_api(print_info=False, return_format="dict")
    assert list(info["named_endpoints"]) == ["/answer"]
    assert [p["parameter_name"] for p in info["named_endpoints"]["/answer"]["parameters"]] == PARAMETERS

    likely = client.predict("How many passengers a day?", api_name="/answer")
    assert likely["level"] == "likely" and likely["confidence"] == pytest.approx(0.62)
    assert likely["short"]["text"] == "about 300 passengers" and likely["short"]["confidence"] == pytest.approx(0.7)
    [alternative] = likely["alternatives"]
    assert alternative["index"] == 2 and alternative["role"] == "alternative"
    assert alternative["quote"] == "A second ship may join the line next year, according to the ferry company."
    sure = client.predict("How long is the crossing?", api_name="/answer")
    assert sure["level"] == "sure" and sure["alternatives"] == [] and not sure["abstained"]
    refused = client.predict("What do tickets cost in winter?", api_name="/answer")
    assert refused["level"] == "refused" and refused["abstained"] and refused["short"] is None


def test_answer_endpoint_refuses_bad_filters_with_what_to_fix(ferry):
    service, url = ferry
    client = Client(url, verbose=False)
    asked = len(service.asked)
    with pytest.raises(AppError, match="From date “March 2025” is not a date"):
        client.predict("How long is the crossing?", [], [], "March 2025", "", api_name="/answer")
    with pytest.raises(AppError, match="From date is after the To date"):
        client.predict("How long is the crossing?", [], [], "2025-01-01", "2024-01-01", api_name="/answer")
    with pytest.raises(AppError, match="history must be a list"):
        client.predict("How long is the crossing?", ["not a turn"], api_name="/answer")
    assert len(service.asked) == asked  # refused at the edge, before the service
    client.predict("How long is the crossing?", [], ["ferry.txt"], "2024-01-01", "", api_name="/answer")
    assert service.asked[-1]["sources"] == ["ferry.txt"] and service.asked[-1]["since"] == "2024-01-01"
