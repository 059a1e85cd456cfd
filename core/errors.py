"""The errors a user can cause or fix; the CLIs and the chat turn them into one-line messages."""


class AskError(Exception):
    """Base of the expected errors: the message says what was wrong and what to do."""


class IngestError(AskError):
    """A file that cannot be ingested (missing, empty, binary, too large...)."""


class StoreUnavailable(AskError):
    """The Chroma store cannot be used: not reachable, not openable, or refusing requests (subclasses
    below say which); the chat and the CLIs show the message and try again on the next use."""


class StoreRefused(StoreUnavailable):
    """Chroma answered but refused a request (an invalid name, vectors of the wrong dimension...):
    not a connection problem, so "is the server running?" would mislead."""


class EmbeddingMismatch(StoreUnavailable):
    """The store's vectors were made by another embedding model than the one configured."""


class QuestionError(AskError, ValueError):
    """A question that cannot be asked (empty, too long, a bad date filter). `field` names the input at fault
    ("question", "since", "until", "sources", "history") so a form can point at it."""

    def __init__(self, message: str, field: str = "question"):
        super().__init__(message)
        self.field = field


class BadSetting(AskError):
    """A QA_* environment variable with an unusable value."""


def one_line(exc: BaseException, limit: int | None = None) -> str:
    """An exception's message on one line (its type's name when it has none), cut to `limit` characters."""
    text = " ".join(str(exc).split())
    if limit is not None and len(text) > limit:
        text = text[:limit - 1] + "…"
    return text or type(exc).__name__
