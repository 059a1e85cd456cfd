"""Tools around the product, not part of it: evaluation (`python -m tools.eval`), benchmark
(`python -m tools.bench`), scale run (`python -m tools.scale`), load test (`python -m tools.loadtest`) and the
synthetic articles they use (`python -m tools.synth`)."""
