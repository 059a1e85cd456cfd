"""Moved to core.settings; kept only for qa/train.py's import until it imports core.settings."""
from core.settings import PROJECT_DIR, Settings, get_settings

__all__ = ["PROJECT_DIR", "Settings", "get_settings"]
