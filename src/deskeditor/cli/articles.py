"""Commands that read and manage articles: list, show."""

from __future__ import annotations

import argparse

from deskeditor.cli.output import article_json, cell, display_width, pad, print_json
from deskeditor.cli.types import EXIT_OK
from deskeditor.core.models import ArticleId
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], after: argparse.ArgumentParser
) -> None:
    """Add this module's subcommands (`after` carries the --db accepted after a command)."""
    list_ = commands.add_parser("list", parents=[after], help="list live articles, newest first")
    list_.add_argument("--json", action="store_true", help="print a JSON array")
    list_.set_defaults(command_parser=list_, handler=_list)

    show = commands.add_parser("show", parents=[after], help="print one article")
    show.add_argument("id", metavar="ID", type=int)
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(command_parser=show, handler=_show)


def _list(args: argparse.Namespace, store: Store) -> int:
    if args.json:
        articles = store.articles(store.article_ids())
        print_json([article_json(article) for article in articles])
        return EXIT_OK
    summaries = store.list_summaries()
    if not summaries:
        return EXIT_OK
    rows = [("ID", "STATUS", "SECTION", "HEADLINE")]
    rows += [
        (str(row.id), row.status.value, cell(row.section), cell(row.headline) or "(untitled)")
        for row in summaries
    ]
    widths = [max(display_width(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        cells = [pad(cell, width) for cell, width in zip(row[:3], widths, strict=True)]
        print("  ".join([*cells, row[3]]))
    return EXIT_OK


def _show(args: argparse.Namespace, store: Store) -> int:
    article = store.get_article(ArticleId(args.id))
    if args.json:
        print_json(article_json(article, with_body=True))
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
