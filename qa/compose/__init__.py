"""The answer step: evidence -> text with citations and the answer phrase (extractive or generated)."""
