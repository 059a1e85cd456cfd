"""The page's handlers over a scripted service: one input check (qa.request) for the page and /answer, the page's
own settings, and an API page that offers only /answer."""
from __future__ import annotations

import dataclasses
import html
import re
import sys
from pathlib import Path

import gradio as gr
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from fakes import ScriptedService, fake_settings  # noqa: E402
from pages import ferry_script, ferry_service  # noqa: E402

import app  # noqa: E402
from webapp.api import AnswerEndpoint  # noqa: E402
from webapp.asking import QuestionHandler  # noqa: E402
from webapp.messages import message_record  # noqa: E402


@pytest.fixture
def service(tmp_path):
    return ferry_service(tmp_path)


def run(handler: QuestionHandler, question: str, since: str = "", until: str = "", messages=None):
    return list(handler.ask(question, messages or [], None, since, until))


def test_a_bad_date_is_not_asked_and_its_note_names_the_field(service):
    handler = QuestionHandler(service, 2000)
    [(kept, messages, note)] = run(handler, "How long is the crossing?", since="March 2025")
    assert kept == "How long is the crossing?" and messages == [] and service.asked == []
    assert 'class="qa-ask-error qa-bad-since"' in note and "From date “March 2025” is not a date" in note
    [(_, _, note)] = run(handler, "How long is the crossing?", since="2025-01-01", until="2024-01-01")
    assert "qa-bad-since" in note and "The From date is after the To date" in note
    [(_, _, note)] = run(handler, "How long is the crossing?", until="31.12.2024")
    assert "qa-bad-until" in note and "To date “31.12.2024”" in note


def test_a_too_long_question_is_kept_with_the_limit_in_words(service):
    [(kept, messages, note)] = run(QuestionHandler(service, 50), "why " * 20)
    assert kept == "why " * 20 and messages == []
    assert "qa-bad-question" in note and "at most 50 characters" in note and "QA_" not in note


def test_a_question_is_posted_pending_then_answered(service):
    steps = run(QuestionHandler(service, 2000), "How long is the crossing?", since=" 2024-01-01 ")
    assert [message_record(m[-1])["kind"] for _, m, _ in steps] == ["pending", "answer"]
    assert service.asked[-1]["since"] == "2024-01-01"
    assert message_record(steps[-1][1][-1])["short"]["text"] == "three hours and forty minutes"


def shown(message: dict) -> str:
    """The text a chat message shows (its HTML without tags)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", message["content"])).split())


def test_the_store_down_is_a_message_in_the_chat(service):
    *_, (_, messages, _) = run(QuestionHandler(service, 2000), "Is the store up?")
    assert message_record(messages[-1])["kind"] == "error"
    assert shown(messages[-1]) == ("Could not answer the Chroma server at 127.0.0.1:9 is not reachable "
                                   "(is it running?)")


def test_a_bug_while_answering_ends_the_turn_in_the_chat_and_still_raises(service):
    def broken(question):
        raise RuntimeError("a bug in the answer step")

    service.script = broken
    steps = []
    with pytest.raises(RuntimeError, match="a bug in the answer step"):
        for step in QuestionHandler(service, 2000).ask("How long is the crossing?", [], None):
            steps.append(step)

    _, messages, _ = steps[-1]
    assert [message_record(m)["kind"] for m in messages] == ["question", "error"]  # nothing left pending
    assert shown(messages[-1]).startswith("Could not answer something went wrong while answering")


def test_answer_endpoint_uses_the_same_check(service):
    endpoint = AnswerEndpoint(service, 2000)
    with pytest.raises(gr.Error, match="From date “14/03/2025” is not a date"):
        endpoint("How long is the crossing?", [], [], "14/03/2025", "")
    with pytest.raises(gr.Error, match="history must be a list"):
        endpoint("How long is the crossing?", ["not a turn"])
    with pytest.raises(gr.Error, match="empty question"):
        endpoint("   ")
    assert service.asked == []
    data = endpoint("How long is the crossing?", None, "ferry.txt")
    assert service.asked[-1]["sources"] == ["ferry.txt"] and data["level"] == "sure"


def test_the_page_uses_its_service_s_settings(tmp_path):
    settings = dataclasses.replace(ferry_service(tmp_path).settings, max_file_mb=0.5, upload_dir=tmp_path / "mine")
    service = ferry_service(tmp_path)
    service.settings = settings
    demo = app.build_app(service)
    help_text = [b.value for b in demo.blocks.values() if isinstance(b, gr.HTML) and "MB each" in str(b.value)]
    assert help_text == ['<div class="qa-upload-help">.txt, .md or .html, up to 0.5 MB each; answerable as soon as '
                         'they are added.</div>']
    assert app.launch_options(settings)["max_file_size"] == settings.max_file_bytes * app.UPLOAD_CEILING


def test_the_api_page_lists_only_answer_with_named_parameters(service):
    info = app.build_app(service).get_api_info()
    assert list(info["named_endpoints"]) == ["/answer"]
    parameters = info["named_endpoints"]["/answer"]["parameters"]
    assert [p["parameter_name"] for p in parameters] == ["question", "history", "sources", "since", "until"]
    assert [p["label"] for p in parameters] == ["question", "history", "sources", "since", "until"]
    assert all(p["python_type"]["description"] for p in parameters)
    assert parameters[0]["example_input"] == "How long is the crossing?"  # the loaded article's first example


def test_the_api_page_s_example_question_without_examples_is_a_general_one(tmp_path):
    service = ScriptedService(fake_settings(tmp_path), [], ferry_script)  # nothing loaded
    parameters = app.build_app(service).get_api_info()["named_endpoints"]["/answer"]["parameters"]
    assert parameters[0]["example_input"] == "What is this article about?"

