"""The GUI's only road to the store: one core call per function, failures made readable here."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from deskeditor.core.errors import ArticleNotFoundError, DeskeditorError
from deskeditor.core.export import export_article_html
from deskeditor.core.figures import MissingAlt, Photos, missing_alt
from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    ArticleSummary,
    ImageAsset,
    ListQuery,
)
from deskeditor.core.render import Renderer
from deskeditor.core.searchtext import snippet_html
from deskeditor.core.store import Store


class OperationError(DeskeditorError):
    """A user action failed; str(error) says which action and why, fit for a status bar."""


@contextmanager
def _failing_as(action: str) -> Iterator[None]:
    """The one place where a core (or OS) failure becomes the message a user sees."""
    try:
        yield
    except (DeskeditorError, OSError) as error:
        raise OperationError(f"{action}: {error}") from error


def article_ids(store: Store, query: ListQuery | None = None) -> list[ArticleId]:
    with _failing_as(QCoreApplication.translate("operations", "Cannot list the articles")):
        return store.article_ids(query)


def summaries(store: Store, ids: Sequence[ArticleId]) -> list[ArticleSummary]:
    with _failing_as(QCoreApplication.translate("operations", "Cannot read the article list")):
        return store.summaries(ids)


def snippets(store: Store, ids: Sequence[ArticleId], text: str) -> dict[ArticleId, str]:
    """Highlighted excerpts (escaped HTML with <mark>) of the given search hits."""
    with _failing_as(QCoreApplication.translate("operations", "Cannot show the search hits")):
        articles = store.articles(ids)
    # The same excerpt Store.search gives its hits: subhead and body, Markdown stripped.
    return {
        article.id: snippet_html(
            f"{article.content.subhead}\n\n{article.content.body}".strip(), text, markdown=True
        )
        for article in articles
    }


def sections(store: Store) -> list[str]:
    with _failing_as(QCoreApplication.translate("operations", "Cannot read the sections")):
        return store.sections()


def tags(store: Store) -> list[str]:
    with _failing_as(QCoreApplication.translate("operations", "Cannot read the tags")):
        return store.tags()


def load_article(store: Store, article_id: ArticleId) -> Article:
    with _failing_as(QCoreApplication.translate("operations", "Cannot open the article")):
        return store.get_article(article_id)


def create_article(store: Store, content: ArticleContent | None = None) -> Article:
    with _failing_as(QCoreApplication.translate("operations", "Cannot create an article")):
        return store.create_article(content)


def save_article(
    store: Store, article_id: ArticleId, content: ArticleContent, *, keep_revision: bool = False
) -> Article:
    with _failing_as(QCoreApplication.translate("operations", "Cannot save the article")):
        return store.save_article(article_id, content, keep_revision=keep_revision)


def delete_article(store: Store, article_id: ArticleId) -> None:
    with _failing_as(QCoreApplication.translate("operations", "Cannot delete the article")):
        store.delete_article(article_id)


def restore_article(store: Store, article_id: ArticleId) -> None:
    with _failing_as(QCoreApplication.translate("operations", "Cannot restore the article")):
        store.restore_article(article_id)


def empty_trash(store: Store) -> int:
    with _failing_as(QCoreApplication.translate("operations", "Cannot empty the Trash")):
        return store.empty_trash()


def export_article(
    renderer: Renderer,
    article: Article,
    path: Path,
    *,
    store: Store | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the standalone page; its photos come from store, inlined (warn: photos left out)."""
    with _failing_as(QCoreApplication.translate("operations", "Cannot export the article")):
        return export_article_html(renderer, article, path, library=store, warn=warn)


def save_version(store: Store, article_id: ArticleId, label: str) -> None:
    with _failing_as(QCoreApplication.translate("operations", "Cannot save the version")):
        store.save_version(article_id, label)


def add_image(store: Store, data: bytes, name: str) -> ImageAsset:
    """Store a photo (once, however often it is added); the message names the file."""
    with _failing_as(QCoreApplication.translate("operations", "Cannot insert the image")):
        return store.add_image(data, name=name)


def image(store: Store, sha256: str) -> ImageAsset:
    with _failing_as(QCoreApplication.translate("operations", "Cannot read the image")):
        return store.image(sha256)


def display_image(store: Store, sha256: str) -> tuple[bytes, str]:
    """The photo's copy for the screen (made once and kept in the store) and its media type."""
    with _failing_as(QCoreApplication.translate("operations", "Cannot show the image")):
        return store.display_image(sha256)


def describe_image(store: Store, sha256: str, *, alt: str, caption: str, credit: str) -> ImageAsset:
    with _failing_as(QCoreApplication.translate("operations", "Cannot save the image's caption")):
        return store.describe_image(sha256, alt=alt, caption=caption, credit=credit)


def photos_missing_alt(
    store: Store, content: ArticleContent, photos: Photos | None = None
) -> list[MissingAlt]:
    """The photos of an article no reader who cannot see them would get words for."""

    def lookup(sha256: str) -> ImageAsset | None:
        try:
            return store.image(sha256)
        except ArticleNotFoundError:
            return None  # named in the body, gone from the store: listed as missing

    photos = photos or Photos(lookup=lookup, href=lambda asset: "")
    with _failing_as(QCoreApplication.translate("operations", "Cannot check the photos")):
        return missing_alt(content.body, photos, feature_image=content.feature_image)
