"""The export command: articles as files in a folder (HTML, Markdown, Word, text), or an edition."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deskeditor import paths
from deskeditor.cli.output import PROG
from deskeditor.cli.types import EXIT_OK
from deskeditor.core.models import SECTIONS, Article, ArticleId, Language, ListQuery
from deskeditor.core.store import Store

FORMATS = ("html", "md", "docx", "txt")


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    after: argparse.ArgumentParser,
) -> None:
    """Add the export subcommand (`after` carries the --db accepted after a command)."""
    export = commands.add_parser(
        "export",
        parents=[after],
        help="write articles as files, or a whole edition; prints the written paths",
        description=(
            "Write articles into a folder, one file each (article-ID.html, .md, .docx or "
            ".txt), or with --edition a linked set of pages: index.html, one page per "
            "section and per article, and one stylesheet."
        ),
    )
    export.add_argument("ids", metavar="ID", type=int, nargs="*", help="articles to export")
    export.add_argument("--all", action="store_true", help="export every live article")
    export.add_argument("--out", metavar="DIR", type=Path, required=True, help="output folder")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="html",
        help="file format: a standalone page, Markdown with front matter, Word, plain text",
    )
    export.add_argument(
        "--edition",
        action="store_true",
        help="write an edition (of the given ids, else of every live article); prints index.html",
    )
    export.add_argument("--section", metavar="S", help="only the articles of this section")
    export.add_argument("--title", metavar="TEXT", default="", help="the edition's name")
    export.add_argument(
        "--language",
        choices=[language.value for language in Language],
        default=Language.KO.value,
        help="language of the edition's own words (더보기 / More); default: ko",
    )
    export.set_defaults(command_parser=export, handler=_export)


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with an export command line that argparse cannot tell, if anything."""
    if args.command != "export":
        return None
    if args.all and args.ids:
        return "give article ids or --all (not both)"
    if args.section is not None and args.ids:
        return "--section chooses the articles itself; leave out the ids"
    if args.edition:
        if args.format != "html":
            return "--edition writes HTML pages; leave out --format"
        return None
    if not args.ids and not args.all and args.section is None:
        return "give article ids, --all or --section"
    if args.title or args.language != Language.KO.value:
        return "--title and --language apply only with --edition"
    return None


def _chosen(args: argparse.Namespace, store: Store) -> list[Article]:
    """The articles the command names, every one read before anything is written."""
    if args.ids:
        # Every article is read first, so an unknown id writes nothing.
        return store.articles(list(dict.fromkeys(ArticleId(i) for i in args.ids)))
    section = args.section.strip() if args.section is not None else None
    return store.articles(store.article_ids(ListQuery(section=section)))


def _export(args: argparse.Namespace, store: Store) -> int:
    # Rendering pulls in Markdown, Jinja2 and nh3: loaded only by the command that needs them.
    from deskeditor.core.export import ExportFormat, default_workers, export_articles
    from deskeditor.core.render import Renderer

    articles = _chosen(args, store)
    _warn_missing_alt(store, articles)
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    workers = default_workers(len(articles))
    if args.edition:
        from deskeditor.core.edition import export_edition

        written = export_edition(
            renderer,
            articles,
            args.out,
            title=args.title,
            language=Language(args.language),
            preferred_sections=store.sections() or SECTIONS,
            workers=workers,
            library=store,
            warn=warn,
        )
        print(written[0])
        return EXIT_OK
    fmt = ExportFormat(args.format)
    written = export_articles(
        renderer, articles, args.out, fmt, workers=workers, library=store, warn=warn
    )
    for path in written:
        print(path)
    return EXIT_OK


def warn(message: str) -> None:
    """One warning line on stderr; unlike an error, the command goes on."""
    print(f"{PROG}: warning: {' '.join(message.split())}", file=sys.stderr, flush=True)


def _warn_missing_alt(store: Store, articles: list[Article]) -> None:
    """A warning per photo a reader who cannot see it would get no words for.

    Accessibility is flagged, not enforced: the export still writes the page.
    """
    from deskeditor.core.figures import missing_alt, store_photos

    photos = store_photos(store)
    for article in articles:
        for missing in missing_alt(
            article.content.body, photos, feature_image=article.content.feature_image
        ):
            if missing.asset is not None:
                warn(f"article {int(article.id)}: photo {missing.sha256[:12]}… has no alt text")
