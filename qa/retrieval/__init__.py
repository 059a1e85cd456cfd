"""Retrieval: which passages of which articles the question is searched in, by vectors and keywords."""
