"""Commands for an article's revision history: history, revert."""

from __future__ import annotations

import argparse

from deskeditor.cli.output import cell, iso, local_time, print_json, print_table
from deskeditor.cli.types import EXIT_OK
from deskeditor.core.models import ArticleId, RevisionId, RevisionKind
from deskeditor.core.store import Store


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], after: argparse.ArgumentParser
) -> None:
    """Add this module's subcommands (`after` carries the --db accepted after a command)."""
    history = commands.add_parser(
        "history", parents=[after], help="list an article's revisions, newest first"
    )
    history.add_argument("id", metavar="ID", type=int)
    history.add_argument("--json", action="store_true", help="print a JSON array")
    history.set_defaults(command_parser=history, handler=_history)

    revert = commands.add_parser(
        "revert",
        parents=[after],
        help="make an earlier revision current (the text it replaces is kept as a revision)",
    )
    revert.add_argument("id", metavar="ID", type=int)
    revert.add_argument(
        "--to", metavar="REVISION", type=int, required=True, help="a revision id from `history`"
    )
    revert.set_defaults(command_parser=revert, handler=_revert)


def _history(args: argparse.Namespace, store: Store) -> int:
    revisions = store.revisions(ArticleId(args.id))
    if args.json:
        print_json(
            [
                {
                    "id": revision.id,
                    "created_at": iso(revision.created_at),
                    "kind": revision.kind.value,
                    "label": revision.label,
                    "body_chars": revision.body_chars,
                }
                for revision in revisions
            ]
        )
        return EXIT_OK
    if not revisions:
        return EXIT_OK
    rows = [("REVISION", "TIME", "KIND", "LENGTH", "LABEL")]
    rows += [
        (
            str(revision.id),
            local_time(revision.created_at),
            revision.kind.value,
            str(revision.body_chars),
            cell(revision.label),
        )
        for revision in revisions
    ]
    print_table(rows)
    return EXIT_OK


def _revert(args: argparse.Namespace, store: Store) -> int:
    article_id = ArticleId(args.id)
    target = RevisionId(args.to)
    # The store checks that the revision belongs to this article and refuses otherwise.
    article = store.restore_article_revision(article_id, target)
    print(f"article {article_id} now has the text of revision {target}:")
    print(f"  {cell(article.content.headline) or '(untitled)'}")
    kept = next(
        (r for r in store.revisions(article_id) if r.kind is RevisionKind.RESTORE),
        None,
    )
    if kept is not None:
        # Tells the user how to undo the revert, which is the point of keeping it.
        print(f"the text it replaced is kept as revision {kept.id}")
    return EXIT_OK
