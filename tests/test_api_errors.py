"""Issue 26 item 3: a bad `/answer` request (empty, wrong types, too long, unknown filter) is one log line and a
clear error for the caller, not a traceback in the server log; a bug keeps its traceback."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import gradio as gr
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from pages import ferry_service  # noqa: E402

from webapp.api import AnswerEndpoint  # noqa: E402

QUESTION = "How long is the crossing?"

BAD = {
    "empty question": (("   ",), "empty question"),
    "question not text": ((42,), "the question must be text, not int"),
    "too long": (("why " * 20,), "at most 50 characters"),
    "sources not a list": ((QUESTION, [], 7), "sources must be a list of article names"),
    "sources not names": ((QUESTION, [], [7]), "sources must be a list of article names"),
    "unknown article": ((QUESTION, [], ["nowhere.txt"]), "no loaded article is named “nowhere.txt”"),
    "bad date": ((QUESTION, [], [], "14/03/2025"), "YYYY-MM-DD"),
    "date not text": ((QUESTION, [], [], 20250314), "since must be text, a date as YYYY-MM-DD"),
    "history not a list": ((QUESTION, "earlier"), "history must be a list"),
}


@pytest.fixture
def service(tmp_path):
    return ferry_service(tmp_path)


@pytest.mark.parametrize("args, message", BAD.values(), ids=BAD.keys())
def test_bad_input_is_one_log_line_and_an_error_without_traceback(service, caplog, capsys, args, message):
    endpoint = AnswerEndpoint(service, 50)
    with caplog.at_level(logging.INFO), pytest.raises(gr.Error) as refused:
        endpoint(*args)

    assert message in refused.value.message
    assert refused.value.print_exception is False  # Gradio prints no traceback for it
    [line] = [r for r in caplog.records if r.name == "webapp.api"]
    assert line.levelno == logging.WARNING and line.exc_info is None
    assert "\n" not in line.getMessage() and message in line.getMessage()
    assert service.asked == []
    assert "Traceback" not in capsys.readouterr().err


def test_an_unknown_article_among_known_ones_is_named(service):
    with pytest.raises(gr.Error, match="“nowhere.txt”") as refused:
        AnswerEndpoint(service, 2000)(QUESTION, [], ["ferry.txt", "nowhere.txt"])
    assert "ferry.txt" in refused.value.message  # the loaded articles are listed, to choose from


def test_the_store_down_is_one_log_line_too(service, caplog):
    def down(question):
        from core.errors import StoreUnavailable
        raise StoreUnavailable("the Chroma server at 127.0.0.1:9 is not reachable (is it running?)")

    service.script = down
    with caplog.at_level(logging.INFO), pytest.raises(gr.Error, match="not reachable") as refused:
        AnswerEndpoint(service, 2000)(QUESTION)
    assert refused.value.print_exception is False
    assert [r.levelno for r in caplog.records if r.name == "webapp.api"] == [logging.WARNING]


def test_a_bug_is_not_turned_into_a_refusal(service):
    def broken(question):
        raise RuntimeError("a bug in the answer step")

    service.script = broken
    with pytest.raises(RuntimeError, match="a bug in the answer step"):
        AnswerEndpoint(service, 2000)(QUESTION)


def test_a_good_request_is_answered(service, caplog):
    with caplog.at_level(logging.INFO):
        data = AnswerEndpoint(service, 2000)(QUESTION, [], ["ferry.txt"], "", "")
    assert data["level"] == "sure" and service.asked[-1]["sources"] == ["ferry.txt"]
    assert [r for r in caplog.records if r.name == "webapp.api"] == []


@pytest.mark.filterwarnings("ignore::Warning:gradio.queueing")  # Gradio's own pandas deprecations
def test_through_the_running_app_a_bad_request_gets_its_message_and_no_traceback(service, capfd, caplog):
    """The page over a scripted service, served in this process, asked with gradio_client."""
    import app
    from gradio_client import Client
    from gradio_client.exceptions import AppError
    from support import launch_on_a_free_port

    demo = app.build_app(service)
    demo.queue(default_concurrency_limit=app.QUESTION_CONCURRENCY)
    options = {k: v for k, v in app.launch_options(service.settings).items() if k != "server_port"}
    caplog.set_level(logging.INFO)
    try:
        client = Client(launch_on_a_free_port(demo, **options), verbose=False)
        capfd.readouterr()
        for args, message in (BAD["empty question"], BAD["unknown article"], BAD["sources not a list"]):
            with pytest.raises(AppError, match=message):
                client.predict(*args, api_name="/answer")
        assert client.predict(QUESTION, api_name="/answer")["level"] == "sure"
    finally:
        demo.close()
    assert "Traceback" not in capfd.readouterr().err
    assert [r.getMessage().split(":")[0] for r in caplog.records if r.name == "webapp.api"] == ["/answer refused"] * 3
