"""Choosing the answer step from QA_GENERATOR (the generative backends live in their own modules)."""
from __future__ import annotations

from ingest.errors import AskError
from ingest.settings import Settings

from .compose import Answerer, ExtractiveAnswerer


def make_answerer(settings: Settings) -> Answerer:
    if settings.generator == "extractive":
        return ExtractiveAnswerer()
    raise AskError(f"QA_GENERATOR={settings.generator!r} is not available; use 'extractive'")
