"""Launching a page on a free port in the tests (tests/support.py): a port taken between finding it free and
Gradio binding it is not a failed test."""
from __future__ import annotations

import socket

import gradio as gr

import support


def test_a_page_launch_whose_port_was_taken_meanwhile_tries_another(monkeypatch):
    with socket.socket() as taken:
        taken.bind((support.LOOPBACK, 0))
        taken.listen()
        port = taken.getsockname()[1]
        ports = iter([port])
        free_port = support.free_port
        monkeypatch.setattr(support, "free_port", lambda: next(ports, None) or free_port())
        with gr.Blocks() as demo:
            gr.Markdown("hello")
        try:
            url = support.launch_on_a_free_port(demo, server_name=support.LOOPBACK)
            assert url.startswith(f"http://{support.LOOPBACK}:") and not url.endswith(f":{port}")
        finally:
            demo.close()
