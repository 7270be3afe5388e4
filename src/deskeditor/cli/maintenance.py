"""Store maintenance from the command line: vacuum."""

from __future__ import annotations

import argparse

from deskeditor.cli.types import EXIT_OK
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after: argparse.ArgumentParser,
) -> None:
    """Add the maintenance subcommands (`after` carries the --db accepted after a command)."""
    vacuum = commands.add_parser(
        "vacuum",
        parents=[after],
        help="remove photos that no article or revision uses any more",
    )
    vacuum.set_defaults(command_parser=vacuum, handler=_vacuum)


def _vacuum(args: argparse.Namespace, store: Store) -> int:
    report = store.vacuum()
    noun = "photo" if report.removed_images == 1 else "photos"
    print(
        f"removed {report.removed_images} unused {noun} ({report.freed_bytes / 1_000_000:.1f} MB)"
    )
    return EXIT_OK
