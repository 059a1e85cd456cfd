"""The page's Gradio theme: Soft, indigo on slate, every text at WCAG AA contrast (4.5:1) in both colour schemes."""
from __future__ import annotations

import gradio as gr


def theme() -> gr.themes.Base:
    return gr.themes.Soft(primary_hue="indigo", neutral_hue="slate",
                          font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
                          font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"]).set(
        # The Soft theme's indigo-500 and slate-400 texts are below 4.5:1 on its backgrounds.
        color_accent="*primary_700", block_label_text_color="*primary_700", block_title_text_color="*primary_700",
        body_text_color_subdued="*neutral_600", input_placeholder_color="*neutral_500",
        # "Ask" is the page's one primary button: filled, its text at 4.5:1 in both schemes (Soft's indigo-500 is not).
        button_primary_background_fill="*primary_700", button_primary_background_fill_hover="*primary_800",
        button_primary_text_color="white", button_primary_background_fill_dark="*primary_300",
        button_primary_background_fill_hover_dark="*primary_200", button_primary_text_color_dark="*primary_950",
        # .set() would otherwise reset the Soft page background to white.
        background_fill_primary="*neutral_50",
        # Dark: the subdued and placeholder texts one step lighter (the page's own colours are in app.css).
        body_text_color_subdued_dark="*neutral_300",
        input_placeholder_color_dark="*neutral_300", background_fill_primary_dark="*neutral_900")
