"""python -m tools.bench: see tools/bench/run.py."""
import sys

from core.settings import configure_offline

from .run import main

configure_offline()
sys.exit(main())
