"""Fixtures of the page tests: one headless Chromium, and the chat page over a scripted service, served in this
process."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import pytest
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fakes import ScriptedService  # noqa: E402
from pages import CHROMIUM, CHROMIUM_ARGS, ferry_service  # noqa: E402
from support import launch_on_a_free_port  # noqa: E402


@pytest.fixture(scope="module")  # not longer: tests/test_browser.py starts Playwright of its own
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian chromium: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def serve(tmp_path_factory) -> Callable[[ScriptedService], str]:
    """serve(service) -> the URL of the chat page built over `service` (closed at the end of the module)."""
    import app

    launched = []

    def start(service: ScriptedService) -> str:
        demo = app.build_app(service)
        demo.queue(default_concurrency_limit=app.QUESTION_CONCURRENCY)
        options = {k: v for k, v in app.launch_options(service.settings).items() if k != "server_port"}
        url = launch_on_a_free_port(demo, **options)
        launched.append(demo)
        return url

    yield start
    for demo in launched:
        demo.close()


@pytest.fixture(scope="module")
def ferry(tmp_path_factory, serve) -> tuple[ScriptedService, str]:
    """(service, url) of a page over the ferry article, shared by the module's tests."""
    service = ferry_service(tmp_path_factory.mktemp("ferry"))
    return service, serve(service)


