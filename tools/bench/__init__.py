"""The benchmark (`python -m tools.bench`), one module per measurement: cold start and warm latency
(`cold_start.py`), concurrent callers (`concurrency.py`), ingest throughput (`ingest_rate.py`), latency as the
store grows (`growth.py`); `asking.py` holds the questions, `run.py` the whole run and its report."""
