"""The command line: start the window, or work on the store headless (one module per group)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO

import deskeditor
from deskeditor import paths
from deskeditor.cli import articles, exporting, history, importing, maintenance
from deskeditor.cli.output import PROG, describe, report
from deskeditor.cli.types import EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, Command
from deskeditor.core.errors import DeskeditorError
from deskeditor.core.store import Store


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
    if (problem := exporting.usage_problem(args)) is not None:
        return _usage_error(args.command_parser, problem)
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
        report(describe(error))
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

    for module in (importing, articles, history, exporting, maintenance):
        module.register(commands, after)
    return parser


def _usage_error(parser: argparse.ArgumentParser, message: str) -> int:
    """Report a rule argparse cannot express the way argparse reports its own (exit 2)."""
    try:
        parser.error(message)
    except SystemExit as exit_request:
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_FAILURE
    return EXIT_FAILURE  # parser.error always exits; this satisfies the type checker


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
