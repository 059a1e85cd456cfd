"""qa/compose/local_llm.py without the real model: a model that cannot load, or a generation that fails or
stalls, ends the request with its error instead of leaving it waiting forever."""
from __future__ import annotations

import struct
import threading

import pytest

from qa.compose.local_llm import LocalGGUFChat, LocalModelError

torch = pytest.importorskip("torch")


class FakeTokenizer:
    eos_token_id = 0

    def apply_chat_template(self, chat, add_generation_prompt=True, return_tensors="pt"):
        return torch.tensor([[1, 2, 3]])

    def decode(self, ids, **kwargs) -> str:
        return "".join(f"w{int(i)} " for i in ids)


class FailingModel:
    def generate(self, **kwargs):
        raise RuntimeError("CUDA out of memory (pretend)")


class StalledModel:
    """Produces nothing until released, then stops as soon as its stopping criteria say so."""

    def __init__(self):
        self.release = threading.Event()
        self.stopped = threading.Event()

    def generate(self, input_ids, stopping_criteria=None, **kwargs):
        self.release.wait(10)
        if stopping_criteria is not None and all(c(input_ids, None) for c in stopping_criteria):
            self.stopped.set()


class TwoTokenModel:
    def generate(self, input_ids, streamer, **kwargs):
        streamer.put(input_ids)  # the prompt: skipped
        streamer.put(torch.tensor([7]))
        streamer.put(torch.tensor([8]))
        streamer.end()


def chat_with(model, token_timeout_s: float = 5.0) -> LocalGGUFChat:
    chat = LocalGGUFChat(model_path="unused.gguf", token_timeout_s=token_timeout_s)
    chat._model = model  # as if loaded: load() returns at once
    chat._tokenizer = FakeTokenizer()
    return chat


def run_bounded(fn, seconds: float = 20.0):
    """fn() in a thread; fails the test instead of hanging it. Returns (result, exception)."""
    out: dict = {}

    def target():
        try:
            out["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"the stream was still waiting after {seconds} s"
    return out.get("result"), out.get("error")


def test_generation_error_reaches_the_caller_instead_of_hanging():
    chat = chat_with(FailingModel())

    _, error = run_bounded(lambda: list(chat.stream("Where is the port?")))

    assert isinstance(error, LocalModelError) and isinstance(error.__cause__, RuntimeError)
    assert str(error) == "the local model failed while generating (RuntimeError: CUDA out of memory (pretend))"


def test_a_mistake_in_how_we_call_the_model_raises_as_it_is():
    class WrongArguments:
        def generate(self, **kwargs):
            raise TypeError("generate() got an unexpected keyword argument 'streamer'")

    _, error = run_bounded(lambda: list(chat_with(WrongArguments()).stream("Where is the port?")))

    assert type(error) is TypeError and "unexpected keyword argument" in str(error)


def test_a_missing_or_corrupt_model_file_is_a_local_model_error(tmp_path):
    with pytest.raises(LocalModelError, match="no such GGUF file"):
        LocalGGUFChat(model_path=str(tmp_path / "missing.gguf")).load()
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF\x03\x00\x00\x00truncated")
    with pytest.raises(LocalModelError, match="cannot load the local model .*broken.gguf .*QA_LOCAL_MODEL"):
        LocalGGUFChat(model_path=str(broken)).load()


def test_stalled_generation_times_out_with_a_clear_message_and_is_stopped():
    model = StalledModel()
    chat = chat_with(model, token_timeout_s=0.3)

    _, error = run_bounded(lambda: list(chat.stream("Where is the port?")))
    model.release.set()

    assert isinstance(error, TimeoutError)
    assert "no text for 0.3 s" in str(error) and "QA_LOCAL_TIMEOUT" in str(error)
    assert model.stopped.wait(5), "the abandoned generation was not told to stop"


def test_generated_tokens_are_streamed():
    chat = chat_with(TwoTokenModel())

    chunks, error = run_bounded(lambda: list(chat.stream("Where is the port?")))

    assert error is None
    assert "".join(c.content for c in chunks).split() == ["w7", "w8"]


@pytest.mark.parametrize("error", [ValueError("not a GGUF file"), OSError("Input/output error"),
                                   struct.error("unpack requires a buffer of 4 bytes")])
def test_a_file_or_format_error_while_loading_says_to_replace_the_file(tmp_path, monkeypatch, error):
    transformers = pytest.importorskip("transformers")
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF")

    def fails(*args, **kwargs):
        raise error

    monkeypatch.setattr(transformers.AutoTokenizer, "from_pretrained", fails)
    with pytest.raises(LocalModelError, match="cannot load the local model .*replace the file, or set QA_LOCAL_MODEL"):
        LocalGGUFChat(model_path=str(path)).load()


def test_any_other_error_while_loading_raises_as_it_is(tmp_path, monkeypatch):
    transformers = pytest.importorskip("transformers")
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF")

    def fails(*args, **kwargs):
        raise RuntimeError("out of memory (pretend)")

    monkeypatch.setattr(transformers.AutoTokenizer, "from_pretrained", fails)
    with pytest.raises(RuntimeError, match="out of memory") as excinfo:
        LocalGGUFChat(model_path=str(path)).load()
    assert not isinstance(excinfo.value, LocalModelError)
