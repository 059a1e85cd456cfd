"""Alias of `python -m tools.eval` (the evaluation moved to tools/), kept for `python -m qa.eval DATASET`."""
import sys

from core.settings import configure_offline
from tools.eval import main

if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
