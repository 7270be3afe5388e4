"""Commands that read and manage articles: list, show, search and the Trash."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from deskeditor.cli.output import (
    article_json,
    cell,
    iso,
    local_time,
    plain_snippet,
    plural,
    print_json,
    print_table,
    table_lines,
)
from deskeditor.cli.types import EXIT_OK
from deskeditor.core.language import article_language
from deskeditor.core.models import Article, ArticleId
from deskeditor.core.searchtext import query_terms
from deskeditor.core.store import Store

if TYPE_CHECKING:
    from deskeditor.core.counts import TextCounts

SEARCH_LIMIT = 50


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], after: argparse.ArgumentParser
) -> None:
    """Add this module's subcommands (`after` carries the --db accepted after a command)."""
    list_ = commands.add_parser("list", parents=[after], help="list live articles, newest first")
    list_.add_argument("--json", action="store_true", help="print a JSON array")
    list_.set_defaults(command_parser=list_, handler=_list)

    show = commands.add_parser("show", parents=[after], help="print one article and its counts")
    show.add_argument("id", metavar="ID", type=int)
    show.add_argument("--json", action="store_true", help="print a JSON object")
    show.set_defaults(command_parser=show, handler=_show)

    search = commands.add_parser(
        "search", parents=[after], help="find articles by words in them, best match first"
    )
    search.add_argument("query", metavar="QUERY", type=_query, help="quote several words")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument(
        "--limit", metavar="N", type=_positive, default=SEARCH_LIMIT, help="at most N hits"
    )
    search.add_argument("--trash", action="store_true", help="search the Trash instead")
    search.set_defaults(command_parser=search, handler=_search)

    delete = commands.add_parser("delete", parents=[after], help="move an article to the Trash")
    delete.add_argument("id", metavar="ID", type=int)
    delete.set_defaults(command_parser=delete, handler=_delete)

    trash = commands.add_parser("trash", parents=[after], help="list the articles in the Trash")
    trash.add_argument("--json", action="store_true", help="print a JSON array")
    trash.set_defaults(command_parser=trash, handler=_trash)

    restore = commands.add_parser(
        "restore", parents=[after], help="bring an article back from the Trash"
    )
    restore.add_argument("id", metavar="ID", type=int)
    restore.set_defaults(command_parser=restore, handler=_restore)

    empty = commands.add_parser(
        "empty-trash",
        parents=[after],
        help="remove the Trash's articles for good",
        # argparse prints the usage above its "required: --yes" error: say why it is asked.
        usage=(
            "%(prog)s [-h] [--db DB] --yes\n  (--yes confirms: emptying the Trash cannot be undone)"
        ),
    )
    # Required rather than checked in the command: argparse refuses before a store is opened.
    empty.add_argument(
        "--yes",
        action="store_true",
        required=True,
        help="confirm: the articles and their history are removed; this cannot be undone",
    )
    empty.set_defaults(command_parser=empty, handler=_empty_trash)


def _query(text: str) -> str:
    if not query_terms(text):
        raise argparse.ArgumentTypeError("give at least one word to search for")
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def _list(args: argparse.Namespace, store: Store) -> int:
    return _print_articles(store, deleted=False, as_json=args.json)


def _trash(args: argparse.Namespace, store: Store) -> int:
    return _print_articles(store, deleted=True, as_json=args.json)


def _print_articles(store: Store, *, deleted: bool, as_json: bool) -> int:
    """The live list or the Trash, newest change first: a table, or the JSON objects."""
    if as_json:
        articles = store.articles(store.article_ids(deleted=deleted))
        print_json([article_json(article) for article in articles])
        return EXIT_OK
    summaries = store.list_summaries(deleted=deleted)
    if not summaries:
        return EXIT_OK
    rows = [("ID", "STATUS", "SECTION", "HEADLINE")]
    rows += [
        (str(row.id), row.status.value, cell(row.section), cell(row.headline) or "(untitled)")
        for row in summaries
    ]
    print_table(rows)
    return EXIT_OK


def _show(args: argparse.Namespace, store: Store) -> int:
    article = store.get_article(ArticleId(args.id))
    counts = _body_counts(article)
    if args.json:
        data = article_json(article, with_body=True)
        # After the body it describes, before the timestamps (dicts keep insertion order).
        timestamps = {key: data.pop(key) for key in ("created_at", "updated_at")}
        data["counts"] = counts.as_json()
        data.update(timestamps)
        print_json(data)
        return EXIT_OK
    content = article.content
    fields = {
        "Headline": content.headline,
        "Subhead": content.subhead,
        "Byline": content.byline,
        "Section": content.section,
        "Status": content.status.value,
        "Tags": ", ".join(content.tags),
        "Length": (
            f"{plural(counts.chars, 'char')} ({counts.chars_no_spaces} without spaces), "
            f"{plural(counts.words, 'word')}, {plural(counts.paragraphs, 'paragraph')}, "
            f"{counts.manuscript_pages} manuscript pages"
        ),
    }
    if article.deleted_at is not None:
        fields["Trash"] = f"deleted {local_time(article.deleted_at)}"
    for label, value in fields.items():
        print(f"{label + ':':<10}{value}".rstrip())
    print()
    print(content.body)
    return EXIT_OK


def _body_counts(article: Article) -> TextCounts:
    """The body's counts on the text a reader sees, in the article's language."""
    # Counting renders Markdown (Markdown, nh3): loaded only by the command that needs it.
    from deskeditor.core.counts import count_markdown

    content = article.content
    return count_markdown(content.body, article_language(content))


def _search(args: argparse.Namespace, store: Store) -> int:
    hits = store.search(args.query, limit=args.limit, deleted=args.trash)
    if args.json:
        print_json(
            [
                {
                    "id": hit.id,
                    "headline": hit.headline,
                    "section": hit.section,
                    "status": hit.status.value,
                    "updated_at": iso(hit.updated_at),
                    "snippet": hit.snippet_html,
                }
                for hit in hits
            ]
        )
        return EXIT_OK
    rows = [(str(hit.id), cell(hit.section), cell(hit.headline) or "(untitled)") for hit in hits]
    for line, hit in zip(table_lines(rows), hits, strict=True):
        print(line)
        snippet = cell(plain_snippet(hit.snippet_html))
        if snippet:
            print(f"    {snippet}")
    return EXIT_OK


def _delete(args: argparse.Namespace, store: Store) -> int:
    article_id = ArticleId(args.id)
    if store.get_article(article_id).is_deleted:
        print(f"article {article_id} is already in the Trash")
        return EXIT_OK
    store.delete_article(article_id)
    print(f"moved article {article_id} to the Trash")
    return EXIT_OK


def _restore(args: argparse.Namespace, store: Store) -> int:
    article_id = ArticleId(args.id)
    if not store.get_article(article_id).is_deleted:
        print(f"article {article_id} is not in the Trash")
        return EXIT_OK
    store.restore_article(article_id)
    print(f"restored article {article_id} from the Trash")
    return EXIT_OK


def _empty_trash(args: argparse.Namespace, store: Store) -> int:
    removed = store.empty_trash()
    print(f"removed {plural(removed, 'article')} from the Trash for good")
    return EXIT_OK
