"""The export command: articles as standalone pages in a folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskeditor import paths
from deskeditor.cli.types import EXIT_OK
from deskeditor.core.models import ArticleId
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after: argparse.ArgumentParser,
) -> None:
    """Add the export subcommand (`after` carries the --db accepted after a command)."""
    export = commands.add_parser(
        "export", parents=[after], help="write articles as HTML pages; prints the written paths"
    )
    export.add_argument("ids", metavar="ID", type=int, nargs="*")
    export.add_argument("--all", action="store_true", help="export every live article")
    export.add_argument("--out", metavar="DIR", type=Path, required=True, help="output folder")
    export.set_defaults(command_parser=export, handler=_export)


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
