"""The conversation: follow-ups, small talk, and questions about the articles themselves."""
