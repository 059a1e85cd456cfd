"""`ask-article chat | ingest | ask | eval`: the installed command, one name for the existing faces.

Thin on purpose: it picks the face and hands it the rest of the command line (`ask-article ask --json "..."`
is `python -m qa --json "..."`). It lives in tools/ because it imports the chat face (`app`) and the
evaluation, which the product layers below may not.
"""
from __future__ import annotations

import argparse
import sys
from typing import Callable

from core.settings import configure_offline


def _chat(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="ask-article chat", description="Start the web chat (settings: QA_* and "
                            "GRADIO_SERVER_NAME/PORT variables).").parse_args(argv)
    import app

    app.main()
    return 0


def _ingest(argv: list[str]) -> int:
    from ingest.__main__ import main

    return main(argv)


def _ask(argv: list[str]) -> int:
    from qa.__main__ import main

    return main(argv)


def _eval(argv: list[str]) -> int:
    from tools.eval import main

    return main(argv)


COMMANDS: dict[str, tuple[Callable[[list[str]], int], str]] = {
    "chat": (_chat, "the web chat (python app.py)"),
    "ingest": (_ingest, "add, list or remove articles (python -m ingest)"),
    "ask": (_ask, "ask a question, or chat in the terminal (python -m qa)"),
    "eval": (_eval, "evaluate on a questions file (python -m tools.eval)"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="ask-article", description="Ask the Article: cited answers about news articles, offline.",
        epilog="Each command's own options: ask-article COMMAND --help.")
    parser.add_argument("command", choices=COMMANDS, metavar="{" + ",".join(COMMANDS) + "}",
                        help="; ".join(f"{name}: {what}" for name, (_, what) in COMMANDS.items()))
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed to the command")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    configure_offline()  # as each face's `__main__` does, before gradio or huggingface_hub load
    run, _ = COMMANDS[args.command]
    return run(args.args) or 0


if __name__ == "__main__":
    sys.exit(main())
