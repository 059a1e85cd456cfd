"""What `ingest/`, `qa/`, the chat and the tools share: settings (`settings.py`), the errors a user can cause or
fix (`errors.py`) and the article values (`types.py`). Importing it changes nothing in the environment."""
