"""The command line: start the window, or import, list, show and export articles headless."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import deskeditor
from deskeditor import paths
from deskeditor.core.errors import DeskeditorError, ImportFileError
from deskeditor.core.importers import read_markdown_file
from deskeditor.core.language import article_language
from deskeditor.core.models import Article, ArticleId
from deskeditor.core.store import Store

PROG = "deskeditor"
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

Command = Callable[[argparse.Namespace, Store], int]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failure, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # argparse exits on --help, --version and usage errors
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_FAILURE if code else EXIT_OK
    if args.command is None:
        # Imported here so that headless commands never load Qt; the window parses
        # --db and --open itself from the very same arguments.
        from deskeditor.app import main as run_window

        return run_window(argv)
    if args.open is not None:
        return _usage_error(parser, "--open applies only when starting the window")
    if args.command == "export" and args.all == bool(args.ids):
        return _usage_error(args.command_parser, "give article ids or --all (not both)")
    _use_utf8_output()
    command: Command = args.handler
    try:
        store = Store.open(paths.store_target(args.db))
        try:
            return command(args, store)
        finally:
            store.close()
    except (DeskeditorError, OSError) as error:
        if isinstance(error, BrokenPipeError):
            return _stdout_closed()
        _report(_describe(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: global options, and one subparser per headless command."""
    # --db is accepted before and after the subcommand. The subcommands' copy defaults
    # to SUPPRESS so that leaving it out there keeps a value given before.
    db_help = "store file or SQLAlchemy URL (default: $DESKEDITOR_DB, else the user data folder)"
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--db", metavar="DB", default=argparse.SUPPRESS, help=db_help)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A desktop newsroom editor. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {deskeditor.__version__}")
    parser.add_argument("--db", metavar="DB", default=None, help=db_help)
    parser.add_argument("--open", metavar="ID", type=int, help="open the window on this article")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    import_ = commands.add_parser(
        "import", parents=[after], help="create one article per Markdown file; prints the new ids"
    )
    import_.add_argument("files", metavar="FILE.md", nargs="+", type=Path)
    import_.set_defaults(command_parser=import_, handler=_import)

    list_ = commands.add_parser("list", parents=[after], help="list live articles, newest first")
    list_.add_argument("--json", action="store_true", help="print a JSON array")
    list_.set_defaults(command_parser=list_, handler=_list)

    show = commands.add_parser("show", parents=[after], help="print one article")
    show.add_argument("id", metavar="ID", type=int)
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(command_parser=show, handler=_show)

    export = commands.add_parser(
        "export", parents=[after], help="write articles as HTML pages; prints the written paths"
    )
    export.add_argument("ids", metavar="ID", type=int, nargs="*")
    export.add_argument("--all", action="store_true", help="export every live article")
    export.add_argument("--out", metavar="DIR", type=Path, required=True, help="output folder")
    export.set_defaults(command_parser=export, handler=_export)
    return parser


def _import(args: argparse.Namespace, store: Store) -> int:
    failed = False
    for path in args.files:
        try:
            content = read_markdown_file(path)
        except ImportFileError as error:
            # One bad file must not cost the others; it is reported and the run fails at the end.
            _report(str(error))
            failed = True
            continue
        # One store call per file: an article is created whole or not at all.
        article = store.create_article(content)
        print(article.id, flush=True)
    return EXIT_FAILURE if failed else EXIT_OK


def _list(args: argparse.Namespace, store: Store) -> int:
    if args.json:
        articles = store.articles(store.article_ids())
        _print_json([article_json(article) for article in articles])
        return EXIT_OK
    summaries = store.list_summaries()
    if not summaries:
        return EXIT_OK
    rows = [("ID", "STATUS", "SECTION", "HEADLINE")]
    rows += [
        (str(row.id), row.status.value, _cell(row.section), _cell(row.headline) or "(untitled)")
        for row in summaries
    ]
    widths = [max(_width(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [_pad(cell, width) for cell, width in zip(row[:3], widths, strict=True)]
        print("  ".join([*cells, row[3]]))
    return EXIT_OK


def _show(args: argparse.Namespace, store: Store) -> int:
    article = store.get_article(ArticleId(args.id))
    if args.json:
        _print_json(article_json(article, with_body=True))
        return EXIT_OK
    content = article.content
    fields = {
        "Headline": content.headline,
        "Subhead": content.subhead,
        "Byline": content.byline,
        "Section": content.section,
        "Status": content.status.value,
        "Tags": ", ".join(content.tags),
    }
    for label, value in fields.items():
        print(f"{label + ':':<10}{value}".rstrip())
    print()
    print(content.body)
    return EXIT_OK


def _export(args: argparse.Namespace, store: Store) -> int:
    # Rendering pulls in Markdown, Jinja2 and nh3: loaded only by the command that needs them.
    from deskeditor.core.export import export_articles_html
    from deskeditor.core.render import Renderer

    # Every article is read before anything is written, so an unknown id writes nothing.
    ids = store.article_ids() if args.all else list(dict.fromkeys(ArticleId(i) for i in args.ids))
    articles = store.articles(ids)
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    for written in export_articles_html(renderer, articles, args.out):
        print(written)
    return EXIT_OK


def article_json(article: Article, *, with_body: bool = False) -> dict[str, object]:
    """The JSON object for one article, with the keys the CLI promises scripts."""
    content = article.content
    data: dict[str, object] = {
        "id": article.id,
        "headline": content.headline,
        "subhead": content.subhead,
        "byline": content.byline,
        "section": content.section,
        "tags": list(content.tags),
        "status": content.status.value,
        "language": article_language(content).value,
    }
    if with_body:
        data["body"] = content.body
    data["created_at"] = _iso(article.created_at)
    data["updated_at"] = _iso(article.updated_at)
    return data


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _cell(text: str) -> str:
    """Table cells stay on one line whatever the field holds."""
    return " ".join(text.split())


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """Report a rule argparse cannot express the way argparse reports its own (exit 2)."""
    try:
        parser.error(message)
    except SystemExit as exit_request:
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_FAILURE
    return EXIT_FAILURE  # parser.error always exits; this satisfies the type checker


def _describe(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror and error.filename:
        return f"{error.filename}: {error.strerror}."
    return str(error)


def _report(message: str) -> None:
    """One line on stderr, whatever newlines the message carried."""
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr, flush=True)


def _use_utf8_output() -> None:
    """Print UTF-8 whatever the locale says, so Korean survives pipes and files."""
    streams: Sequence[tuple[TextIO, str]] = (
        (sys.stdout, "strict"),
        (sys.stderr, "backslashreplace"),
    )
    for stream, errors in streams:
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=errors)


def _stdout_closed() -> int:
    """The reader went away (`deskeditor list | head`): stop quietly, as Unix tools do."""
    try:
        # Point stdout at devnull so the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_FAILURE
