"""The import command: an article per file (folders walked); a bad file never costs the others."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskeditor.cli.exporting import warn
from deskeditor.cli.output import report
from deskeditor.cli.types import EXIT_FAILURE, EXIT_OK
from deskeditor.core.errors import DeskeditorError, ImportFileError
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after: argparse.ArgumentParser,
) -> None:
    """Add the import subcommand (`after` carries the --db accepted after a command)."""
    import_ = commands.add_parser(
        "import",
        parents=[after],
        help="create one article per file (Markdown, Word .docx, saved web page, text); "
        "prints the new ids",
        description="Create one article per file. Folders are imported recursively "
        "(.md, .txt, .html, .docx; hidden files skipped). Images in Word files, saved "
        "pages and Markdown (files beside them) come in as photos; an image that cannot "
        "is named in a warning and the article still imports. A file that cannot be "
        "imported is reported on stderr and the others still are; the exit status is then 1.",
    )
    import_.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="a file or a folder")
    import_.set_defaults(command_parser=import_, handler=_import)


def _import(args: argparse.Namespace, store: Store) -> int:
    # Imported here: the readers pull in lxml, mammoth and friends, which the other
    # commands should not pay for at every start.
    from deskeditor.core.importers import import_articles

    failed = False
    for path, result in import_articles(args.paths):
        if isinstance(result, ImportFileError):
            # One bad file must not cost the others; it is reported and the run fails at the end.
            report(str(result))
            failed = True
            continue
        for line in result.skipped:
            warn(line)
        try:
            # One store call per file: the article and its photos go in whole or not at all.
            article = store.import_article(result)
        except DeskeditorError as error:
            report(f"Cannot import {path}: {error}")
            failed = True
            continue
        print(article.id, flush=True)
    return EXIT_FAILURE if failed else EXIT_OK
