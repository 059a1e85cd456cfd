"""Alias of `python -m tools.eval` (the evaluation moved to tools/), kept for `python -m qa.eval DATASET`."""
import sys

from tools.eval import main

if __name__ == "__main__":
    sys.exit(main())
