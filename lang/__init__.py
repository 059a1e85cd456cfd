"""English rules shared by ingest and the answer step: words, terms, names, question words, negation."""
