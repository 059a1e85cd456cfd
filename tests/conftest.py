"""Shared fixtures: the real embedder (loaded once), a deterministic fake one, isolated settings and stores."""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import hypothesis
import pytest

from core.settings import PROJECT_DIR, Settings, configure_offline
from ingest import ArticleStore, get_embedder

configure_offline()  # the tests are an entry point too: nothing they load may reach the network

from support import LOOPBACK, SHIPPED_ARTICLE, FakeEmbedder, free_port  # noqa: E402,F401  (re-exported for fixtures)

# No deadline: the first call into sentencex or charset_normalizer imports data tables.
# No example database: it would leave a .hypothesis folder in the project.
hypothesis.settings.register_profile("ask", deadline=None, max_examples=150, database=None, print_blob=True)
hypothesis.settings.load_profile("ask")


@pytest.fixture(scope="session")
def embedder():
    """The real sentence-transformers embedder, loaded once per session (mark such tests `integration`)."""
    return get_embedder()


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """A fresh FakeEmbedder (384 dimensions, empty call history) for fast unit tests."""
    return FakeEmbedder()


@pytest.fixture
def shipped_article() -> Path:
    """Path of the article shipped in data/articles (do not write to it)."""
    return SHIPPED_ARTICLE


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default Settings with every path (store, seed articles, uploads, feedback) inside tmp_path."""
    seed_dir = tmp_path / "seed"
    seed_dir.mkdir()
    shutil.copyfile(SHIPPED_ARTICLE, seed_dir / SHIPPED_ARTICLE.name)
    return dataclasses.replace(Settings(), chroma_path=tmp_path / "chroma", chroma_host=None, seed_dir=seed_dir,
                               upload_dir=tmp_path / "uploads", feedback_path=tmp_path / "feedback.jsonl",
                               keyword_index=tmp_path / "keywords.sqlite3")


@pytest.fixture
def store(settings: Settings) -> ArticleStore:
    """An empty ArticleStore on a fresh embedded Chroma folder (settings.chroma_path); no embedder attached."""
    return ArticleStore.open(settings)


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[..., Path]:
    """write_article(name, content, encoding="utf-8") writes str or bytes to tmp_path/articles/name (name may hold
    subfolders) and returns the path."""
    folder = tmp_path / "articles"

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write


@pytest.fixture
def run_cli(settings: Settings) -> Callable[..., subprocess.CompletedProcess]:
    """run_cli("ingest", *args, env={...}) runs `python -m ingest ...` with QA_* paths taken from `settings`."""
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("QA_") or k == "QA_EMBEDDING_MODEL"}
    base_env.update(QA_CHROMA_PATH=str(settings.chroma_path), QA_SEED_DIR=str(settings.seed_dir),
                    QA_UPLOAD_DIR=str(settings.upload_dir), QA_FEEDBACK_PATH=str(settings.feedback_path),
                    PYTHONDONTWRITEBYTECODE="1")
    if settings.chroma_host:
        base_env.update(QA_CHROMA_HOST=settings.chroma_host, QA_CHROMA_PORT=str(settings.chroma_port))
    if settings.keyword_index:
        base_env.update(QA_KEYWORD_INDEX=str(settings.keyword_index))

    def run(module: str, *args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", module, *map(str, args)], cwd=PROJECT_DIR,
                              env={**base_env, **(env or {})}, capture_output=True, text=True, timeout=300)

    return run


# --- a real Chroma server ----------------------------------------------------------------------

CHROMA_CLI = Path(sys.executable).parent / "chroma"


def _answers_heartbeat(port: int) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://{LOOPBACK}:{port}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@dataclasses.dataclass
class ChromaServer:
    """`chroma run` on a loopback port; start() waits until it answers, stop() ends it, start() again restarts."""

    path: Path
    port: int
    log: Path
    process: subprocess.Popen | None = None

    def start(self) -> "ChromaServer":
        import time

        with self.log.open("ab") as out:
            self.process = subprocess.Popen([str(CHROMA_CLI), "run", "--host", LOOPBACK, "--port", str(self.port),
                                             "--path", str(self.path)], stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60  # a bound on waiting for start-up, not a timing assertion
        while not _answers_heartbeat(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"chroma run did not start on port {self.port}:\n"
                            f"{self.log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)


@pytest.fixture
def start_chroma(tmp_path):
    """start_chroma(path) starts a Chroma server storing in `path` on a free port; all are stopped after the test.
    Skips when the chroma CLI is not installed."""
    if not CHROMA_CLI.exists():
        pytest.skip(f"the chroma CLI is not installed next to {sys.executable}")
    servers: list[ChromaServer] = []

    def start(path: Path) -> ChromaServer:
        server = ChromaServer(path=path, port=free_port(), log=tmp_path / f"chroma-{len(servers)}.log")
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
