"""An imported file written in one transaction: its photos and its article, or nothing."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from deskeditor.core import articlewrites, imagerows
from deskeditor.core.articlerows import apply_content, row_article
from deskeditor.core.models import Article, Status
from deskeditor.core.schema import ArticleRow

if TYPE_CHECKING:  # the importers pull in lxml; the store needs only the type
    from deskeditor.core.importers.photos import ImportedArticle


def import_article(session: Session, imported: ImportedArticle, now: datetime) -> Article:
    """Store the photos, then the article that refers to them, in the caller's session.

    A photo already in the store is kept as it is (its words fill only blanks), so
    importing the same file twice stores each photo once.
    """
    for photo in imported.photos:
        imagerows.add(
            session,
            photo.data,
            photo.facts,
            now,
            alt=photo.alt,
            caption=photo.caption,
            credit=photo.credit,
        )
    content = imported.content
    # As Store.create_article does: a new article is created, never merged.
    row = ArticleRow(created_at=now, updated_at=now, status_changed_at=now)
    apply_content(row, content)
    if content.status is Status.PUBLISHED:
        row.published_at = now
    session.add(row)
    session.flush()
    articlewrites.after_content_change(session, row)
    return row_article(row)
