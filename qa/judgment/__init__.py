"""Judgment: which sentence answers (the ranker, the reader) and whether to answer at all."""
