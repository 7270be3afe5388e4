"""Getting articles out through the clipboard and in from files dropped or chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from deskeditor.core.errors import DeskeditorError, ImportFileError
from deskeditor.core.export import ExportFormat, photo_export
from deskeditor.core.exportformats import article_text
from deskeditor.core.importers import import_articles
from deskeditor.core.models import Article, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

Progress = Callable[[int, str], bool]
"""Called before each file with (files done, file name); returning False stops the import."""


def article_mime_data(
    renderer: Renderer, article: Article, library: Store | None = None
) -> QMimeData:
    """Edit → Copy as HTML: the article as rich text and as plain text, together.

    A CMS or mail program takes the HTML (headline, subhead, body, byline, the same
    sanitized markup the export writes), with its photos inlined as data: URIs as in an
    exported page, since asset: references mean nothing outside deskeditor; a plain-text
    field takes the wire text, with each photo as its caption line.
    """
    gatherer = photo_export(library, ExportFormat.HTML, Path.cwd())
    table = gatherer.table(article) if gatherer is not None else None
    data = QMimeData()
    data.setHtml(renderer.article_fragment(article, photos=table.photos() if table else None))
    data.setText(article_text(renderer, article, table))
    return data


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop, in the order they came."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def file_urls(paths: Sequence[Path]) -> list[QUrl]:
    """QUrls for local paths (for building drops in tests and drags)."""
    return [QUrl.fromLocalFile(str(path)) for path in paths]


@dataclass
class ImportResult:
    """What an import did: the new articles, and one line per file that failed."""

    created: list[ArticleId] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    stopped: bool = False


def import_files(store: Store, paths: Sequence[Path], progress: Progress) -> ImportResult:
    """Import files and folders, one store call per file; a bad file never costs the others."""
    result = ImportResult()
    for done, (path, outcome) in enumerate(import_articles(paths)):
        if not progress(done, path.name):
            result.stopped = True
            break
        if isinstance(outcome, ImportFileError):
            result.failures.append(str(outcome))
            continue
        try:
            # The article and its photos in one transaction; skipped images are in its note.
            result.created.append(store.import_article(outcome).id)
        except DeskeditorError as error:
            result.failures.append(f"{path}: {error}")
    return result
