"""What is loaded, as the page shows it: the header's article list, the article chooser and the example questions."""
from __future__ import annotations

import gradio as gr

from core.errors import StoreUnavailable

from .examples import ExampleQuestions
from .render import article_choices, render_header, render_library, render_store_error


class Library:
    """Reads the service's articles for the page; the store being down is shown, not raised."""

    def __init__(self, service, examples: ExampleQuestions):
        self.service = service
        self.examples = examples

    def articles(self) -> dict:
        """The loaded articles; {} while the store is down."""
        try:
            return self.service.articles()
        except StoreUnavailable:
            return {}

    def example_messages(self, articles: dict) -> list[dict] | None:
        """The chat's example buttons (None hides them)."""
        return [{"text": q} for q in self.examples(articles)] or None

    def refresh(self) -> tuple[str, dict, dict]:
        """(header, chooser update, chat update with its examples), read now."""
        try:
            articles = self.service.articles()
        except StoreUnavailable as exc:
            return render_header(render_store_error(str(exc))), gr.update(choices=[], value=[]), gr.update()
        return (render_header(render_library(articles)), gr.update(choices=article_choices(articles)),
                gr.update(examples=self.example_messages(articles)))
