"""The chat app over its API (gradio_client), as a separate process on the real embedder and Chroma."""
from __future__ import annotations

import html
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, AuthenticationError

from core.settings import PROJECT_DIR
from webapp.examples import REFUSED, read_examples
from webapp.messages import content_html, message_record

SHIPPED = PROJECT_DIR / "data" / "articles" / "russia-libya-2023-11-06.txt"

pytestmark = pytest.mark.integration


@dataclass
class RunningApp:
    url: str
    folder: Path
    process: subprocess.Popen

    @property
    def upload_dir(self) -> Path:
        return self.folder / "uploads"

    @property
    def feedback_path(self) -> Path:
        return self.folder / "feedback.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(folder: Path, **env: str) -> RunningApp:
    """`python app.py` on a free port with its store, uploads and feedback inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "GRADIO_"))}
    full_env.update(QA_CHROMA_PATH=str(folder / "chroma"), QA_UPLOAD_DIR=str(folder / "uploads"),
                    QA_FEEDBACK_PATH=str(folder / "feedback.jsonl"), GRADIO_SERVER_PORT=str(port),
                    GRADIO_ANALYTICS_ENABLED="False", PYTHONDONTWRITEBYTECODE="1", **env)
    log = open(folder / "app.log", "wb")
    process = subprocess.Popen([sys.executable, "app.py"], cwd=PROJECT_DIR, env=full_env, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited with {process.returncode}:\n{(folder / 'app.log').read_text()}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as response:
                if response.status == 200:
                    return RunningApp(url, folder, process)
        except OSError:
            time.sleep(0.5)
    stop_app(RunningApp(url, folder, process))
    raise RuntimeError(f"app.py did not answer on {url} within 180 s:\n{(folder / 'app.log').read_text()}")


def stop_app(running: RunningApp) -> None:
    running.process.terminate()
    try:
        running.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        running.process.kill()
        running.process.wait()


@pytest.fixture(scope="module")
def running(tmp_path_factory) -> RunningApp:
    running = start_app(tmp_path_factory.mktemp("app"))
    yield running
    stop_app(running)


@pytest.fixture(scope="module")
def client(running: RunningApp) -> Client:
    return Client(running.url, verbose=False)


def ask(client: Client, question: str, history: list | None = None, sources: list[str] | None = None) -> list:
    """The chat after asking `question`: the app's messages, the last one being the reply."""
    # /ask is the page's own event (not on the API page): the client is told nothing of its defaults.
    _, messages, _ = client.predict(question, history or [], sources or [], "", "", api_name="/ask")
    return messages


def reply(messages: list) -> str:
    assert messages[-1]["role"] == "assistant"
    return content_html(messages[-1]["content"])


def record(messages: list) -> dict:
    """The facts the last message carries in its metadata."""
    assert messages[-1]["role"] == "assistant"
    return message_record(messages[-1])


def test_shipped_article_question_gets_answer_with_cited_spans(client):
    messages = ask(client, "Where does Russia want to open a military port?")
    content = reply(messages)
    facts = record(messages)
    assert facts is not None and facts["kind"] == "answer" and not facts["abstained"]
    assert "Tobruk" in facts["text"] and "[1]" in facts["text"]
    source_text = SHIPPED.read_text(encoding="utf-8")
    cited = facts["citations"]
    assert cited and {c["source"] for c in cited} == {SHIPPED.name}
    for c in cited:
        assert source_text[c["start"]:c["end"]] == c["quote"]
    assert html.escape(cited[0]["quote"]) in content and "<mark>" in content
    assert "6 Nov 2023" in content


def test_follow_up_question_is_resolved_from_the_conversation(client):
    first = ask(client, "Who is Khalifa Haftar?")
    second = ask(client, "Where is his headquarters?", history=first)
    facts = record(second)
    assert "Haftar" in facts["searched"]
    assert "Searched for:" in reply(second)
    assert "Benghazi" in facts["text"]


def test_date_range_limits_the_articles_asked(client):
    _, messages, _ = client.predict("Where does Russia want to open a military port?", [], [], "2030-01-01", "",
                                    api_name="/ask")
    facts = record(messages)
    assert facts["abstained"] and "No article matches" in facts["text"]


def test_bad_date_is_not_posted_into_the_chat_and_keeps_the_question(client):
    """Issue 15: a bad date used to be posted into the chat as "since='14/03/2025' is not a date"; issue 21: the
    page says why beside the Ask box (see tests/browser/test_page_input.py)."""
    question, messages, note = client.predict("Where is Tobruk?", [], [], "14/03/2025", "", api_name="/ask")
    assert question == "Where is Tobruk?" and messages == []
    assert "From date “14/03/2025” is not a date" in note and "qa-bad-since" in note


def test_uploaded_article_becomes_answerable(client, running, tmp_path):
    article = tmp_path / "harbour-news.txt"
    article.write_text("date 2024-03-14\nNew ferry line for Vaasa\n\n"
                       "The city of Vaasa opened a ferry line to Umeå on Thursday. "
                       "The crossing takes three hours and forty minutes.\n\n"
                       "Tickets for the first week are free, the harbour office said.", encoding="utf-8")
    _, status, header, _, _ = client.predict([handle_file(str(article))], api_name="/add_articles")
    assert "harbour-news.txt" in status and "added" in status
    assert "New ferry line for Vaasa" in header and "2 articles" in header
    assert (running.upload_dir / "harbour-news.txt").read_bytes() == article.read_bytes()
    assert list((running.upload_dir / ".gradio-cache").rglob("harbour-news.txt"))  # Gradio's copy stays in the data

    facts = record(ask(client, "How long does the ferry crossing to Umeå take?", sources=["harbour-news.txt"]))
    assert not facts["abstained"]
    assert "three hours and forty minutes" in facts["text"]
    assert {c["source"] for c in facts["citations"]} == {"harbour-news.txt"}


def test_bad_upload_shows_the_error_and_changes_nothing(client, running, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    before = sorted(p.name for p in running.upload_dir.glob("*")) if running.upload_dir.exists() else []
    _, _, header_before, _, _ = client.predict([], api_name="/add_articles")
    _, status, header, _, _ = client.predict([handle_file(str(empty))], api_name="/add_articles")
    assert "empty.txt" in status and "empty: there is no text in it" in status and "qa-up-failed" in status
    assert header == header_before
    after = sorted(p.name for p in running.upload_dir.glob("*")) if running.upload_dir.exists() else []
    assert after == before
    assert not list((running.upload_dir / ".incoming").glob("*/*")) if running.upload_dir.exists() else True


def test_upload_named_with_dot_dot_is_stored_inside_the_upload_folder(client, running):
    body = ("date 2024-05-02\nLighthouse repaired\n\nThe old lighthouse on Valsörarna was repaired in May "
            "by a team of six volunteers.").encode()
    upload = ("files", ("../../escape.txt", body, "text/plain"))
    response = httpx.post(f"{running.url}/gradio_api/upload", files=[upload])
    response.raise_for_status()
    [server_path] = response.json()
    file_data = {"path": server_path, "orig_name": "../../escape.txt", "meta": {"_type": "gradio.FileData"}}
    _, status, _, _, _ = client.predict([file_data], api_name="/add_articles")
    assert "escape.txt" in status and "added" in status
    assert (running.upload_dir / "escape.txt").read_bytes() == body
    assert not (running.folder / "escape.txt").exists() and not (running.folder.parent / "escape.txt").exists()


def test_too_long_question_is_refused_before_it_is_posted(client):
    """Issue 15: it used to be posted as a huge bubble with a message naming QA_MAX_QUESTION_CHARS."""
    question, messages, note = client.predict("why " * 1000, [], [], "", "", api_name="/ask")
    assert question == "why " * 1000 and messages == []  # the typed text stays as typed
    assert "characters long" in note and "QA_" not in note
    # the app still answers afterwards
    assert record(ask(client, "When did Haftar meet Putin?")) is not None


def test_empty_question_changes_nothing(client):
    history = ask(client, "When did Haftar meet Putin?")
    assert ask(client, "   ", history=history) == history


def test_chroma_server_down_gives_a_clear_message(tmp_path):
    dead_port = str(free_port())  # nothing listens there
    running = start_app(tmp_path / "down", QA_CHROMA_HOST="127.0.0.1", QA_CHROMA_PORT=dead_port)
    try:
        content = reply(ask(Client(running.url, verbose=False), "Where does Russia want to open a military port?"))
        assert "qa-error" in content and f"127.0.0.1:{dead_port}" in content and "not reachable" in content
        assert running.process.poll() is None
    finally:
        stop_app(running)


def test_login_is_required_when_qa_auth_is_set(tmp_path):
    running = start_app(tmp_path / "auth", QA_AUTH="ann:s3cret")
    try:
        assert httpx.get(f"{running.url}/config").status_code == 401
        with pytest.raises(AuthenticationError):
            Client(running.url, verbose=False)
        client = Client(running.url, auth=("ann", "s3cret"), verbose=False)
        assert record(ask(client, "Where is Haftar's headquarters?")) is not None
    finally:
        stop_app(running)


# --- the JSON API ------------------------------------------------------------------------------------

def test_answer_endpoint_returns_the_answer_as_json(client):
    data = client.predict("Where does Russia want to open a military port?", api_name="/answer")
    assert json.loads(json.dumps(data)) == data  # plain JSON, no HTML
    assert set(data) >= {"text", "short", "abstained", "reason", "searched", "citations", "level", "confidence",
                         "alternatives"}
    assert data["level"] in ("sure", "likely") and 0 <= data["confidence"] <= 1
    assert not data["abstained"] and "Tobruk" in data["text"] and "<" not in data["text"]
    source_text = SHIPPED.read_text(encoding="utf-8")
    assert data["citations"]
    for c in data["citations"]:
        assert set(c) >= {"source", "title", "date", "start", "end", "quote"}
        assert c["source"] == SHIPPED.name and c["date"] == "2023-11-06"
        assert source_text[c["start"]:c["end"]] == c["quote"]
    short = data["short"]
    if short is not None:  # filled in by the answer step when an exact phrase fits
        assert source_text[short["start"]:short["end"]] == short["quote"]
        assert short["citation"] in {c["index"] for c in data["citations"]}


def test_answer_endpoint_takes_history_articles_and_dates(client):
    first = client.predict("Who is Khalifa Haftar?", api_name="/answer")
    history = [{"role": "user", "content": "Who is Khalifa Haftar?"}, {"role": "assistant", "content": first["text"]}]
    follow = client.predict("Where is his headquarters?", history, api_name="/answer")
    assert "Haftar" in follow["searched"] and "Benghazi" in follow["text"]
    outside = client.predict("Where does Russia want to open a military port?", [], [SHIPPED.name], "2030-01-01", "",
                             api_name="/answer")
    assert outside["abstained"] and outside["reason"]


def test_answer_endpoint_refuses_bad_input_with_a_message(client):
    with pytest.raises(AppError, match="YYYY-MM-DD"):
        client.predict("Where is Tobruk?", [], [], "14/03/2025", "", api_name="/answer")
    with pytest.raises(AppError, match="From date is after the To date"):  # issue 20: only the page refused it
        client.predict("Where is Tobruk?", [], [], "2024-01-01", "2023-01-01", api_name="/answer")
    with pytest.raises(AppError, match="history must be a list"):
        client.predict("Where is Tobruk?", ["not a turn"], api_name="/answer")


def test_readme_api_example_runs(running):
    """The three lines of the README's gradio_client example, against the running chat."""
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\nfrom gradio_client import Client", 1)[1].split("```", 1)[0]
    code = "from gradio_client import Client" + example.replace("http://127.0.0.1:7860", running.url)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    answer = namespace["answer"]
    assert set(answer) >= {"text", "short", "abstained", "reason", "searched", "citations"} and answer["text"]


def test_every_shipped_example_is_answered_as_its_file_records(client):
    """Issue 21 item 4: an example must be answered right (the recorded sentence cited first, and no other phrase
    in bold) or correctly refused."""
    examples = read_examples(SHIPPED.with_name(SHIPPED.stem + ".questions.json"))
    assert examples
    for example in examples:
        data = client.predict(example.question, api_name="/answer")
        if example.expect == REFUSED:
            assert data["abstained"], (example, data["text"])
            continue
        assert not data["abstained"], (example, data["reason"])
        assert example.expect in data["citations"][0]["quote"], (example, data["citations"][0]["quote"])
        if example.phrase and data["short"] is not None:
            assert data["short"]["text"] == example.phrase, (example, data["short"])
