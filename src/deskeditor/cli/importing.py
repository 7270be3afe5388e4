"""The import command: one article per file, a bad file never costs the others."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskeditor.cli.output import report
from deskeditor.cli.types import EXIT_FAILURE, EXIT_OK
from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import read_markdown_file
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after: argparse.ArgumentParser,
) -> None:
    """Add the import subcommand (`after` carries the --db accepted after a command)."""
    import_ = commands.add_parser(
        "import", parents=[after], help="create one article per Markdown file; prints the new ids"
    )
    import_.add_argument("files", metavar="FILE.md", nargs="+", type=Path)
    import_.set_defaults(command_parser=import_, handler=_import)


def _import(args: argparse.Namespace, store: Store) -> int:
    failed = False
    for path in args.files:
        try:
            content = read_markdown_file(path)
        except ImportFileError as error:
            # One bad file must not cost the others; it is reported and the run fails at the end.
            report(str(error))
            failed = True
            continue
        # One store call per file: an article is created whole or not at all.
        article = store.create_article(content)
        print(article.id, flush=True)
    return EXIT_FAILURE if failed else EXIT_OK
