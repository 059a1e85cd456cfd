"""python -m ingest FILE... | --list | --remove SOURCE"""
from __future__ import annotations

import argparse
import json
import sys

from core.errors import AskError, StoreUnavailable
from core.settings import configure_offline, get_settings

from .load import article_names
from .pipeline import ingest_files
from .store import ArticleStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Ingest news articles into the Chroma store.")
    parser.add_argument("paths", nargs="*", metavar="FILE", help="article files (.txt, .md, .html) or folders")
    parser.add_argument("--list", action="store_true", help="list the stored articles")
    parser.add_argument("--remove", metavar="SOURCE", action="append", help="remove a stored article by its name")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args(argv)
    if not (args.paths or args.list or args.remove):
        parser.print_usage(sys.stderr)
        print("error: give article files to ingest, --list or --remove SOURCE", file=sys.stderr)
        return 2
    try:
        return _run(args, get_settings())
    except AskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _sync_keywords(settings) -> None:
    """Bring the shared keyword index up to the store now, so that the next question anywhere finds it current
    (a process that finds it behind catches it up too)."""
    from .keywords import KeywordIndex

    store = ArticleStore.open(settings)
    try:
        KeywordIndex.of(settings).sync(store, wait=True)  # for as long as another process's sync takes
    except StoreUnavailable as exc:  # what was ingested is stored: the next question catches the index up
        print(f"warning: {exc}; the keyword index catches up at the next question", file=sys.stderr)


def _run(args, settings) -> int:
    status = 0
    if args.paths:
        names = article_names(args.paths)  # fails before the store or the model is touched
        store = ArticleStore.open(settings)  # a store that is down or made by another model fails here, fast
        with store.writing():  # another process writing to an embedded store: refused here, before the model loads
            status = _ingest(args, settings, store, names)
    if args.remove:
        store = ArticleStore.open(settings)
        with store.writing():
            for source in args.remove:
                if store.remove(source):
                    print(f"removed: {source}")
                else:
                    print(f"error: no stored article named {source!r} (see python -m ingest --list)", file=sys.stderr)
                    status = 1
    if args.paths or args.remove:
        _sync_keywords(settings)
    if args.list:
        store = ArticleStore.open(settings)
        infos = list(store.articles().values())
        if args.json:
            print(json.dumps([i.__dict__ for i in infos], indent=2))
        elif not infos:
            print("no articles stored")
        else:
            print(f"{'source':32} {'date':10} {'passages':>8}  {'hash':12}  title")
            for i in infos:
                print(f"{i.source[:32]:32} {i.date or '-':10} {i.passages:>8}  {i.content_hash[:12]}  {i.title[:70]}")
    return status


def _ingest(args, settings, store: ArticleStore, names: dict) -> int:
    from .embed import get_embedder
    from tqdm import tqdm

    files = list(names)
    embedder = get_embedder(settings)
    store.check_embedding(embedder)  # its dimension, before anything is embedded
    bar = tqdm(total=len(files), unit="file", disable=len(files) < 2 or args.json, file=sys.stderr)

    def progress(result):
        bar.update(1)
        if result.status == "failed":
            tqdm.write(f"error: {result.error}", file=sys.stderr)
        elif not args.json:
            tqdm.write(f"{result.status}: {result.source} ({result.passages} passages)"
                       + (" - already stored, nothing to do" if result.status == "unchanged" else ""))

    report = ingest_files(files, store, embedder, settings, progress=progress,
                          sources={str(p): name for p, name in names.items()})
    bar.close()
    if args.json:
        print(json.dumps([r.__dict__ for r in report.results], indent=2))
    else:
        print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    configure_offline()
    sys.exit(main())
