"""python -m qa "question" [--json] | python -m qa (terminal chat)"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from core.errors import AskError, QuestionError
from core.settings import configure_offline, get_settings

from .types import CLOSEST_LABEL, Answer, Route


def format_answer(a: Answer) -> str:
    lines = [a.text]
    if a.searched and a.searched != a.question:
        lines.append(f"(searched for: {a.searched})")
    if a.notice:
        lines.append(f"({a.notice})")
    if not a.abstained and a.route in (Route.EXTRACTIVE, Route.LOCAL, Route.OPENAI):
        lines.append(f"  {a.level}: {a.reason or f'{a.confidence:.0%} likely to be right'}")
    if a.short is not None:
        lines.append(f"  answer: {a.short.text} (from [{a.short.citation}], chars {a.short.start}-{a.short.end})")
    for c in a.citations + a.alternatives:
        label = CLOSEST_LABEL if c.role == "closest" else ("also possibly: " if c.role == "alternative" else "") + c.source
        date = f", {c.date}" if c.date else ""
        lines.append(f"  [{c.index}] {c.title} ({label}{date}, chars {c.start}-{c.end})\n      “{c.quote}”")
    return "\n".join(lines)


class _Brief(logging.Formatter):
    """Warnings (e.g. a generator backend that failed) as one line; tracebacks only with --verbose."""

    def formatException(self, ei) -> str:
        return ""


class _Stderr(logging.StreamHandler):
    """Writes to sys.stderr as it is when a record comes, not as it was when logging was set up: a caller that
    runs main() with stderr redirected (a test, a wrapper) would otherwise leave a handler on a closed stream."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr(verbose: bool) -> None:
    handler = _Stderr()
    handler.setLevel(logging.INFO if verbose else logging.WARNING)  # some libraries set their loggers to DEBUG
    fmt = "%(levelname)s: %(name)s: %(message)s"
    handler.setFormatter(logging.Formatter(fmt) if verbose else _Brief("warning: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler], force=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="Ask the ingested articles a question.")
    parser.add_argument("question", nargs="*", help="the question (none: start a terminal chat)")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.add_argument("--source", action="append", help="ask only this article (repeatable)")
    parser.add_argument("--since", help="only articles dated on or after YYYY-MM-DD")
    parser.add_argument("--until", help="only articles dated on or before YYYY-MM-DD")
    parser.add_argument("--verbose", action="store_true", help="log details, with tracebacks")
    args = parser.parse_args(argv)
    _log_to_stderr(args.verbose)
    from .request import check, check_filters

    filters = {"sources": args.source, "since": args.since, "until": args.until}
    question = " ".join(args.question)
    try:
        # Bad input is refused before the model and the store are loaded (seconds on a first call).
        request = (check(question, [], max_chars=get_settings().max_question_chars, **filters) if args.question
                   else check_filters(**filters))
        from .service import get_service

        svc = get_service()
        if args.question:
            a = svc.answer(request)
            print(json.dumps(a.to_json(), indent=2, ensure_ascii=False) if args.json else format_answer(a))
            return 0
        return chat(svc, filters, as_json=args.json)
    except QuestionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except AskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def chat(svc, filters: dict, as_json: bool = False) -> int:
    svc.ensure_seeded()
    titles = ", ".join(i.title[:60] for i in list(svc.articles().values())[:3])
    print(f"Ask about: {titles}. Empty line or Ctrl-D to quit.")
    history: list[dict] = []
    while True:
        try:
            question = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question:
            return 0
        try:
            a = svc.answer(question, history, **filters)
        except QuestionError as exc:
            print(f"error: {exc}")
            continue
        print(json.dumps(a.to_json(), ensure_ascii=False) if as_json else format_answer(a))
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": a.text}]


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
