"""Answer skills beyond the single sentence: summaries, who is who, definitions, timelines, opinions."""
