"""SQL for the article list: filters and sort orders, the same on every backend."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, select
from sqlalchemy.orm import InstrumentedAttribute

from deskeditor.core.models import ListQuery, SortKey
from deskeditor.core.schema import ArticleRow, ArticleTagRow

_SORT_COLUMNS: dict[SortKey, InstrumentedAttribute[Any]] = {
    SortKey.UPDATED: ArticleRow.updated_at,
    SortKey.CREATED: ArticleRow.created_at,
    SortKey.HEADLINE: ArticleRow.headline,
    SortKey.SECTION: ArticleRow.section,
    SortKey.STATUS: ArticleRow.status,
    SortKey.LENGTH: ArticleRow.body_chars,
}


def has_filters(query: ListQuery) -> bool:
    """True when the query narrows the list beyond live/deleted."""
    return any(
        value is not None
        for value in (
            query.section,
            query.status,
            query.tag,
            query.updated_from,
            query.updated_until,
        )
    )


def filtered_ids(query: ListQuery, *, among: Sequence[int] | None = None) -> Select[int]:
    """SELECT article ids matching the query's filters (no order yet), optionally among ids."""
    statement = select(ArticleRow.id).where(
        ArticleRow.deleted_at.is_not(None) if query.deleted else ArticleRow.deleted_at.is_(None)
    )
    if among is not None:
        statement = statement.where(ArticleRow.id.in_(among))
    if query.section is not None:
        statement = statement.where(ArticleRow.section == query.section)
    if query.status is not None:
        statement = statement.where(ArticleRow.status == query.status.value)
    if query.tag is not None:
        tagged = select(ArticleTagRow.article_id).where(ArticleTagRow.tag == query.tag)
        statement = statement.where(ArticleRow.id.in_(tagged))
    if query.updated_from is not None:
        statement = statement.where(ArticleRow.updated_at >= query.updated_from)
    if query.updated_until is not None:
        statement = statement.where(ArticleRow.updated_at < query.updated_until)
    return statement


def ordered_ids(query: ListQuery) -> Select[int]:
    """The filtered ids in the query's sort order; ties broken by newest change, then id."""
    column = _SORT_COLUMNS[query.sort]
    primary = column.desc() if query.descending else column.asc()
    tiebreak: list[UnaryExpression[Any] | ColumnElement[Any]] = [
        ArticleRow.updated_at.desc(),
        ArticleRow.id.desc(),
    ]
    if query.sort is SortKey.UPDATED:
        tiebreak = [ArticleRow.id.desc() if query.descending else ArticleRow.id.asc()]
    return filtered_ids(query).order_by(primary, *tiebreak)
