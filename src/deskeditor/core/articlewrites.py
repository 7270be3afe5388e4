"""Writes that keep an article's derived data (slug, tags, index) in step, within one session."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import TypeVar

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from deskeditor.core import searchindex
from deskeditor.core.articlerows import apply_content, bulk_row, indexed_text
from deskeditor.core.models import ArticleContent, Status
from deskeditor.core.schema import ArticleRow, ArticleTagRow
from deskeditor.core.slugs import slugify, unique_slug

BATCH = 500  # rows per executemany / ids per IN (...) list, under SQLite's variable limit

T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def after_content_change(
    session: Session, row: ArticleRow, old: ArticleContent | None = None
) -> None:
    """Keep slug, tag table and search index in step with the row, in the same transaction."""
    assign_slug(session, row)
    if old is None or list(old.tags) != row.tags:
        session.execute(delete(ArticleTagRow).where(ArticleTagRow.article_id == row.id))
        session.add_all(ArticleTagRow(article_id=row.id, tag=tag) for tag in row.tags)
    fields_before = None if old is None else (old.headline, old.subhead, old.body, old.tags)
    if fields_before != (row.headline, row.subhead, row.body, tuple(row.tags)):
        searchindex.index_article(session, row.id, indexed_text(row))


def assign_slug(session: Session, row: ArticleRow) -> None:
    """Give the row a unique slug from the chosen slug or the headline."""
    base = slugify(row.slug_choice or row.headline)
    if not base:
        row.slug = None
        return
    if row.slug is not None and (row.slug == base or row.slug.startswith(base + "-")):
        return  # already derived from the same words

    def taken(candidate: str) -> bool:
        query = select(ArticleRow.id).where(ArticleRow.slug == candidate, ArticleRow.id != row.id)
        return session.scalar(query) is not None

    row.slug = unique_slug(base, taken)


def insert_many(session: Session, items: Iterable[tuple[ArticleContent, datetime]]) -> int:
    """Insert many new articles with executemany; no revisions (there is no earlier text)."""
    taken = set(session.scalars(select(ArticleRow.slug).where(ArticleRow.slug.is_not(None))))
    next_id = (session.scalar(select(func.max(ArticleRow.id))) or 0) + 1
    count = 0
    for chunk in _chunks(items, BATCH):
        rows: list[dict[str, object]] = []
        tags: list[dict[str, object]] = []
        index: list[tuple[int, searchindex.IndexedText]] = []
        for content, created_at in chunk:
            row = ArticleRow(
                id=next_id,
                created_at=created_at,
                updated_at=created_at,
                status_changed_at=created_at,
                published_at=created_at if content.status is Status.PUBLISHED else None,
            )
            apply_content(row, content)
            base = slugify(content.slug or content.headline)
            slug = unique_slug(base, taken.__contains__) if base else None
            if slug:
                taken.add(slug)
            rows.append(bulk_row(row, slug))
            tags.extend({"article_id": next_id, "tag": tag} for tag in row.tags)
            index.append((next_id, indexed_text(row)))
            next_id += 1
        session.execute(insert(ArticleRow), rows)
        if tags:
            session.execute(insert(ArticleTagRow), tags)
        searchindex.index_new_articles(session, index)
        count += len(rows)
    return count
