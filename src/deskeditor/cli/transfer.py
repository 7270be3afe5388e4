"""Commands that move articles in and out of the store: import, export."""

from __future__ import annotations

import argparse
from pathlib import Path

from deskeditor import paths
from deskeditor.cli.output import report
from deskeditor.cli.types import EXIT_FAILURE, EXIT_OK
from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import read_markdown_file
from deskeditor.core.models import ArticleId
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], after: argparse.ArgumentParser
) -> None:
    """Add this module's subcommands (`after` carries the --db accepted after a command)."""
    import_ = commands.add_parser(
        "import", parents=[after], help="create one article per Markdown file; prints the new ids"
    )
    import_.add_argument("files", metavar="FILE.md", nargs="+", type=Path)
    import_.set_defaults(command_parser=import_, handler=_import)

    export = commands.add_parser(
        "export", parents=[after], help="write articles as HTML pages; prints the written paths"
    )
    export.add_argument("ids", metavar="ID", type=int, nargs="*")
    export.add_argument("--all", action="store_true", help="export every live article")
    export.add_argument("--out", metavar="DIR", type=Path, required=True, help="output folder")
    export.set_defaults(command_parser=export, handler=_export)


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
