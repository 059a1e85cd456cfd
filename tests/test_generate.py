"""The generative answer step: the verifier, and the openai backend against a real (tiny) OpenAI-compatible
HTTP server on loopback that replies with scripted drafts."""
from __future__ import annotations

import dataclasses
import json
import logging
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from core.settings import Settings
from ingest import ArticleStore
from qa import QAService
from qa.judgment.abstain import Decision
from qa.compose.compose import Draft
from qa.judgment.evidence import Scored
from qa.judgment.features import Candidate
from qa.compose.generate import SYSTEM, GenerativeAnswerer, make_answerer, verify
from qa.question import analyze
from qa.types import Level, Route
from lang.words import names


def scored(text: str, start: int = 0) -> Scored:
    sentence = Candidate(passage_rank=0, passage_id="a#1#0", source="a.txt", start=start, end=start + len(text),
                         text=text, passage_start=start, passage_end=start + len(text), passage_text=text, index=0,
                         cosine=0.5, passage_vector_rank=0, passage_bm25_rank=0)
    return Scored(sentence, coverage=0.5, context_coverage=0.5, fits=True, score=0.6, confidence=0.6)


EVIDENCE = [scored("Russia aims to open a military port in Tobruk before long."),
            scored("Russia has only one military port in the Mediterranean, in Tartus, Syria.", 100)]


def test_verify_accepts_a_short_supported_answer_with_its_marker():
    v = verify("Tobruk [1]", EVIDENCE, question="Where does Russia want a port?")
    assert v.ok and v.claim == "Tobruk" and v.cited == (1,)


def test_verify_attributes_an_unmarked_answer_to_the_sentence_that_contains_it():
    v = verify("Tartus, Syria", EVIDENCE, question="Where is Russia's only port?")
    assert v.ok and v.cited == (2,)


@pytest.mark.parametrize("draft, why", [
    ("Moscow [1]", "'Moscow' is not in the cited evidence"),
    ("Two ports [2]", "'two' is not in the cited evidence"),
    ("Tobruk [3]", "cites a sentence it was not given"),
    ("NOT FOUND", "found no answer"),
    ("The answer is: a port [1]", "only repeats the question"),
    ("A huge secret submarine base [1]", "of the draft's words are in the cited evidence"),
])
def test_verify_rejects_unsupported_drafts(draft, why):
    v = verify(draft, EVIDENCE, question="Where does Russia want a port?")
    assert not v.ok and why in v.reason


ANSWERING = Decision(Level.SURE)
BRIDGE = [scored("Mayor Ilse Brandt opened the bridge on May 3, although she did not cut the ribbon."),
          scored("The council paid for it.", 100)]
NOT_OPENED = [scored("Mayor Ilse Brandt did not open the bridge on May 3."), scored("The council paid for it.", 100)]


@pytest.mark.integration  # the yes/no check parses the cited sentence with spaCy (loaded once)
@pytest.mark.parametrize("draft, evidence, cited", [
    ("Yes [1]", BRIDGE, (1,)),
    ("yes [1]", BRIDGE, (1,)),              # the model's lower case is no reason to refuse it
    ("Yes", BRIDGE, (1,)),                  # unmarked: attributed to the sentence that says so
    ("Yes, she opened it [1]", BRIDGE, (1,)),
    ("No [1]", NOT_OPENED, (1,)),
    ("no, she did not [1]", NOT_OPENED, (1,)),
])
def test_a_yes_no_draft_stands_when_the_cited_sentence_says_the_same(draft, evidence, cited):
    v = verify(draft, evidence, question="Did Mayor Brandt open the bridge?")
    assert v.ok, v.reason
    assert v.cited == cited


@pytest.mark.integration  # the yes/no check parses the cited sentence with spaCy (loaded once)
@pytest.mark.parametrize("draft, evidence, why", [
    ("No [1]", BRIDGE, "the cited evidence does not say 'No'"),
    ("Yes [1]", NOT_OPENED, "the cited evidence does not say 'Yes'"),
    ("Yes [2]", BRIDGE, "the cited evidence does not say 'Yes'"),        # the other sentence does not say it
    ("Yes, Weber opened it [1]", BRIDGE, "'Weber' is not in the cited evidence"),
])
def test_a_yes_no_draft_is_refused_unless_the_cited_sentence_says_the_same(draft, evidence, why):
    v = verify(draft, evidence, question="Did Mayor Brandt open the bridge?")
    assert not v.ok and v.reason == why


def test_no_is_no_answer_to_a_question_that_is_not_yes_no():
    # Without an embedder, "No" has no word that could be missing from the evidence: it used to pass.
    for draft in ("No [1]", "No", "Yes [1]"):
        v = verify(draft, EVIDENCE, question="Where does Russia want a port?")
        assert not v.ok and "does not say" in v.reason


@pytest.mark.integration  # the yes/no check parses the cited sentence with spaCy (loaded once)
def test_a_verified_yes_is_shown_with_its_sentence():
    items = generate(FakeListChatModel(responses=["yes [1]"]), "Did Mayor Brandt open the bridge?", BRIDGE)

    final = items[-1]
    assert (final.route, final.fallback, final.text) == (Route.LOCAL, "", "Yes [1]")
    assert final.short.text == "Yes" and final.citations[0].quote == BRIDGE[0].text


def test_verify_requires_every_word_of_a_name_and_numbers_as_written():
    evidence = [scored("Mayor Anna Roth paid $40 million for the bridge in 2019.")]
    q = "Who paid for the bridge?"
    assert verify("Mayor Anna Roth [1]", evidence, question=q).ok
    assert verify("Roth [1]", evidence, question=q).ok
    assert verify("Jan Roth [1]", evidence, question=q).reason == "'Jan Roth' is not in the cited evidence"
    assert verify("$40 million in 2019 [1]", evidence, question=q).ok
    assert verify("$41 million [1]", evidence, question=q).reason == "'41' is not in the cited evidence"
    assert verify("In 2018 [1]", evidence, question=q).reason == "'2018' is not in the cited evidence"


def run(answerer, question: str = "Where does Russia want a port?", evidence: list[Scored] = EVIDENCE) -> list:
    """Everything the answerer's stream yields for the evidence (the last item is the Draft)."""
    return list(answerer.stream(analyze(question, idf=lambda term: 1.0), evidence, ANSWERING, {}))


def generate(model, question: str = "Where does Russia want a port?", evidence: list[Scored] = EVIDENCE) -> list:
    """run() with a GenerativeAnswerer named "local" around the model."""
    return run(GenerativeAnswerer(model, "local"), question, evidence)


def streamed_text(items: list) -> str:
    return "".join(i for i in items if isinstance(i, str))


def test_unverified_draft_never_reaches_the_stream():
    items = generate(FakeListChatModel(responses=["Moscow [1]"]))  # streams one character at a time

    final = items[-1]
    assert isinstance(final, Draft) and final.route == Route.EXTRACTIVE
    assert final.fallback.startswith("'Moscow' is not in")
    assert "Moscow" not in streamed_text(items) and "Mos" not in streamed_text(items)
    assert streamed_text(items) == final.text


def test_verified_draft_is_streamed_as_the_answer_shown():
    items = generate(FakeListChatModel(responses=["tobruk [1]"]))

    assert (items[-1].route, items[-1].fallback, items[-1].text) == (Route.LOCAL, "", "Tobruk [1]")
    assert streamed_text(items) == "Tobruk [1]"


def test_a_backend_that_fails_falls_back_with_its_message_and_logs_the_cause(caplog):
    class Down(FakeListChatModel):
        def _stream(self, *args, **kwargs):
            raise ConnectionRefusedError("the model server is not running")

    with caplog.at_level(logging.WARNING, logger="qa.compose.generate"):
        items = generate(Down(responses=[""]))

    assert items[-1].route == Route.EXTRACTIVE and "Tobruk" in items[-1].text
    assert items[-1].fallback == "local backend failed: ConnectionRefusedError: the model server is not running"
    assert streamed_text(items) == items[-1].text
    logged = [r for r in caplog.records if r.name == "qa.compose.generate"]
    assert logged and logged[0].exc_info and "the model server is not running" in str(logged[0].exc_info[1])


def test_a_corrupt_local_model_file_falls_back_with_the_cause(tmp_path, caplog):
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"this is not a model" * 10)

    answerer = make_answerer(dataclasses.replace(Settings(), generator="local", local_model=str(broken)))
    with caplog.at_level(logging.WARNING, logger="qa.compose.generate"):
        items = run(answerer)

    final = items[-1]
    assert final.route == Route.EXTRACTIVE and "Tobruk" in final.text and final.notice == ""
    assert final.fallback.startswith("local backend failed: LocalModelError: cannot load the local model")
    assert "broken.gguf" in final.fallback
    assert any(r.exc_info for r in caplog.records if r.name == "qa.compose.generate")


def test_a_local_model_that_times_out_falls_back():
    class Stalled(FakeListChatModel):
        def _stream(self, *args, **kwargs):
            raise TimeoutError("the local model produced no text for 60 s (QA_LOCAL_TIMEOUT)")

    items = generate(Stalled(responses=[""]))

    assert items[-1].route == Route.EXTRACTIVE and "QA_LOCAL_TIMEOUT" in items[-1].fallback


def test_an_openai_server_that_is_down_falls_back():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before use: nothing listens there
    answerer = make_answerer(dataclasses.replace(Settings(), generator="openai", openai_api_key="test-key",
                                                 openai_base_url=f"http://127.0.0.1:{port}/v1"))

    final = run(answerer)[-1]

    assert final.route == Route.EXTRACTIVE and "Tobruk" in final.text
    assert final.fallback.startswith("openai backend failed: ") and "Connection error" in final.fallback


def test_a_bug_in_our_prompt_code_raises_instead_of_falling_back(monkeypatch):
    def broken_prompt(question, evidence):
        raise TypeError("prompt() got an unexpected keyword argument")

    monkeypatch.setattr("qa.compose.generate.prompt", broken_prompt)
    with pytest.raises(TypeError, match="unexpected keyword"):
        generate(FakeListChatModel(responses=["Tobruk [1]"]))


def test_a_bug_inside_the_backend_call_raises_instead_of_falling_back():
    class Buggy(FakeListChatModel):
        def _stream(self, *args, **kwargs):
            raise AttributeError("'NoneType' object has no attribute 'generate'")

    with pytest.raises(AttributeError, match="no attribute 'generate'"):
        generate(Buggy(responses=[""]))


def test_prompt_names_nothing_from_the_shipped_article(shipped_article):
    name_words = {w for n in names(shipped_article.read_text(encoding="utf-8")) for w in n.split() if len(w) > 2}

    assert "Tobruk" in name_words
    assert sorted(w for w in name_words if re.search(rf"\b{re.escape(w)}\b", SYSTEM)) == []


class FakeOpenAI:
    """A real HTTP server speaking the chat-completions API, replying with queued drafts."""

    def __init__(self):
        self.replies: list[str] = []
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.requests.append(body)
                reply = outer.replies.pop(0) if outer.replies else "NOT FOUND"
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in [reply[:3], reply[3:]]:
                        chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                                 "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece},
                                              "finish_reason": None}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    end = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                           "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                    self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                    return
                data = json.dumps({"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                                   "choices": [{"index": 0, "finish_reason": "stop",
                                                "message": {"role": "assistant", "content": reply}}],
                                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _service(settings, embedder, base_url: str) -> QAService:
    s = dataclasses.replace(settings, generator="openai", openai_base_url=base_url, openai_api_key="test-key",
                            openai_model="fake-model")
    svc = QAService.of(ArticleStore.open(s, embedder), embedder, s, make_answerer(s, embedder))
    svc.ensure_seeded(announce=lambda msg: None)
    return svc


@pytest.mark.integration
def test_openai_backend_gives_a_short_verified_answer(settings, embedder):
    with FakeOpenAI() as server:
        svc = _service(settings, embedder, f"http://127.0.0.1:{server.port}/v1")
        server.replies.append("Approximately two thousand Wagner fighters [1]")
        a = svc.answer("How many Wagner fighters stayed in Libya?")
        assert a.path == "openai" and a.text == "Approximately two thousand Wagner fighters [1]"
        assert "two thousand" in a.citations[0].quote
        prompt = server.requests[-1]["messages"][-1]["content"]
        assert "[1]" in prompt and "How many Wagner fighters stayed in Libya?" in prompt


@pytest.mark.integration
def test_openai_backend_streams_only_the_verified_answer(settings, embedder):
    with FakeOpenAI() as server:
        svc = _service(settings, embedder, f"http://127.0.0.1:{server.port}/v1")
        server.replies.append("Approximately two thousand Wagner fighters [1]")  # sent in two pieces: "Approximately two th", "ousand Wagner fighters [1]"
        items = list(svc.stream("How many Wagner fighters stayed in Libya?"))
        assert items[:-1] == ["Approximately two thousand Wagner fighters [1]"]
        assert items[-1].text == "Approximately two thousand Wagner fighters [1]" and items[-1].citations


@pytest.mark.integration
def test_unsupported_draft_falls_back_to_the_extractive_answer(settings, embedder):
    with FakeOpenAI() as server:
        svc = _service(settings, embedder, f"http://127.0.0.1:{server.port}/v1")
        server.replies.append("Moscow [1]")
        a = svc.answer("Where does Russia want to open a military port?")
        assert "Moscow" not in a.text and "Tobruk" in a.text
        assert a.path.startswith("extractive (fallback: 'Moscow' is not in the cited evidence")


@pytest.mark.integration
def test_server_down_falls_back_with_a_clear_reason(settings, embedder):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before use: nothing listens there
    svc = _service(settings, embedder, f"http://127.0.0.1:{port}/v1")
    a = svc.answer("Where does Russia want to open a military port?")
    assert "Tobruk" in a.text and "openai backend failed" in a.path


@pytest.mark.integration
def test_cli_says_in_one_line_that_the_backend_failed(run_cli):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before use: nothing listens there
    done = run_cli("qa", "Where does Russia want to open a military port?",
                   env={"QA_GENERATOR": "openai", "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1",
                        "OPENAI_API_KEY": "test-key"})

    assert done.returncode == 0, done.stderr
    assert "Tobruk" in done.stdout
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == ["warning: openai backend failed; answering extractively"]
    assert "Traceback" not in done.stderr


@pytest.mark.integration
def test_abstentions_never_reach_the_generator(settings, embedder):
    with FakeOpenAI() as server:
        svc = _service(settings, embedder, f"http://127.0.0.1:{server.port}/v1")
        server.replies.append("Brazil [1]")
        a = svc.answer("Who won the 2022 football World Cup?")
        assert a.abstained and server.requests == []


@pytest.mark.integration
def test_local_style_model_load_time_is_shown_once(settings, embedder):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from qa.compose.generate import GenerativeAnswerer

    class SlowToLoad(FakeListChatModel):
        loads: list[float] = [2.5]

        def load(self) -> float:
            return self.loads.pop(0) if self.loads else 0.0

    model = SlowToLoad(responses=["Approximately two thousand Wagner fighters [1]", "Approximately two thousand Wagner fighters [1]"])
    svc = QAService.of(ArticleStore.open(settings, embedder), embedder, settings,
                    GenerativeAnswerer(model, "local", embedder))
    svc.ensure_seeded(announce=lambda msg: None)
    first = svc.answer("How many Wagner fighters stayed in Libya?")
    second = svc.answer("How many Wagner fighters stayed in Libya?")
    assert first.text == "Approximately two thousand Wagner fighters [1]" and first.notice == "Loaded the local model in 2.5 s (first use)."
    assert second.text == "Approximately two thousand Wagner fighters [1]" and second.notice == ""


def test_a_draft_agrees_with_the_phrase_it_names_or_the_words_it_modifies():
    from qa.compose.generate import agrees
    from qa.types import Citation, Short

    quote = "Russia aims to open a military port in eastern Libya’s Tobruk before long."
    cite_ = Citation(index=1, source="a.txt", title="A", date=None, passage_id="p", start=100,
                     end=100 + len(quote), quote=quote, score=1.0)
    at = quote.index("Libya")
    phrase = Short(text="Libya", citation=1, start=100 + at, end=100 + at + 5, quote="Libya")
    assert agrees("Libya", phrase, [cite_])
    assert agrees("Tobruk", phrase, [cite_])            # what the phrase modifies, in the same words
    assert agrees("eastern Libya's Tobruk", phrase, [cite_])
    assert not agrees("Moscow", phrase, [cite_])
    assert not agrees("a military port", phrase, [cite_])  # words of the sentence, but not next to the phrase
