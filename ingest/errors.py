"""The errors a user can cause or fix; the CLIs and the chat turn them into one-line messages."""


class AskError(Exception):
    """Base of the expected errors: the message says what was wrong and what to do."""


class IngestError(AskError):
    """A file that cannot be ingested (missing, empty, binary, too large...)."""


class StoreUnavailable(AskError):
    """The Chroma store cannot be reached or opened."""


class QuestionError(AskError, ValueError):
    """A question that cannot be asked (empty, too long)."""


class BadSetting(AskError):
    """A QA_* environment variable with an unusable value."""
