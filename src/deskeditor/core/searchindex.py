"""The full-text index behind the store: SQLite FTS5 over bigram text, LIKE elsewhere.

Everything backend-specific about search lives here, so the store itself runs
unchanged on PostgreSQL (which gets its own index in a later step).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select, text
from sqlalchemy.orm import Session

from deskeditor.core.models import ArticleId, SearchHit, Status
from deskeditor.core.schema import ArticleRow
from deskeditor.core.searchtext import (
    fts5_match,
    index_text,
    parse_query,
    query_terms,
    snippet_html,
)


@dataclass(frozen=True, slots=True)
class IndexedText:
    """The searchable fields of one article."""

    headline: str
    subhead: str
    body: str
    tags: Sequence[str]


INDEX_TABLE = "article_search"
"""SQLite's FTS5 table of every field (and its shadow tables, which share the prefix)."""
HEAD_TABLE = "article_search_head"
"""A second, small FTS5 table of headline, subhead and tags only: the first tier of hits.

Asking the big table for a headline-only match would walk every body's positions
whenever fewer headlines match than the cap; this table holds a few tokens per article.
"""


def is_index_table(name: str) -> bool:
    """True for the index's own tables, which schema comparisons must ignore."""
    return name == INDEX_TABLE or name.startswith(INDEX_TABLE + "_")


def _is_sqlite(bind: Session | Connection) -> bool:
    connection = bind.connection() if isinstance(bind, Session) else bind
    return connection.dialect.name == "sqlite"


def _values(article_id: int, fields: IndexedText) -> dict[str, object]:
    return {
        "id": article_id,
        "headline": index_text(fields.headline),
        "subhead": index_text(fields.subhead),
        "body": index_text(fields.body),
        "tags": index_text(" ".join(fields.tags)),
    }


_INSERT_ALL = text(
    "INSERT INTO article_search(rowid, headline, subhead, body, tags) "
    "VALUES (:id, :headline, :subhead, :body, :tags)"
)
_INSERT_HEAD = text(
    "INSERT INTO article_search_head(rowid, headline, subhead, tags) "
    "VALUES (:id, :headline, :subhead, :tags)"
)


def _delete(session: Session | Connection, article_id: int) -> None:
    for table in (INDEX_TABLE, HEAD_TABLE):
        session.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": article_id})


def index_article(session: Session | Connection, article_id: int, fields: IndexedText) -> None:
    """Put (or replace) one article in the index, inside the caller's transaction."""
    if not _is_sqlite(session):
        return  # the LIKE fallback reads the articles table directly
    _delete(session, article_id)
    values = _values(article_id, fields)
    session.execute(_INSERT_ALL, values)
    session.execute(_INSERT_HEAD, values)


def index_new_articles(
    session: Session | Connection, items: Sequence[tuple[int, IndexedText]]
) -> None:
    """Index many articles that are not in the index yet (bulk import), in one statement."""
    if not items or not _is_sqlite(session):
        return
    values = [_values(article_id, fields) for article_id, fields in items]
    session.execute(_INSERT_ALL, values)
    session.execute(_INSERT_HEAD, values)


def unindex_article(session: Session | Connection, article_id: int) -> None:
    """Remove one article from the index (when it is removed for good)."""
    if _is_sqlite(session):
        _delete(session, article_id)


def rebuild_index(connection: Connection) -> None:
    """Index every article again (used by migrations and maintenance)."""
    if connection.dialect.name != "sqlite":
        return
    for table in (INDEX_TABLE, HEAD_TABLE):
        connection.execute(text(f"DELETE FROM {table}"))
    rows = connection.execute(
        select(
            ArticleRow.id, ArticleRow.headline, ArticleRow.subhead, ArticleRow.body, ArticleRow.tags
        )
    )
    for row in rows:
        index_article(
            connection, row.id, IndexedText(row.headline, row.subhead, row.body, row.tags or [])
        )


MAX_HITS = 2000
"""The most hits a query returns: a desk reads the best few hundred, not 60,000."""

_HIT_SQL = (
    "SELECT rowid FROM {table} WHERE {table} MATCH :match "
    "AND rowid {trash} (SELECT id FROM articles WHERE deleted_at IS NOT NULL) "
    "ORDER BY rowid DESC LIMIT :cap"
)


def search_ids(
    session: Session, query: str, *, deleted: bool = False, limit: int | None = None
) -> list[int]:
    """Ids of articles matching every part of the query, best first.

    The order is the one a desk expects of its archive: a hit in the headline,
    subhead or tags ranks above a hit only in the body, and within each tier newer
    articles come first. Both tiers walk the index newest-first and stop at the cap,
    so a word found in 70,000 articles costs no more than a rare one (bm25 would
    score every match first: about a second for a common word at 100,000 articles).
    """
    parts = parse_query(query)
    if not parts:
        return []
    cap = min(limit or MAX_HITS, MAX_HITS)
    if not _is_sqlite(session):
        return _like_search(session, query, deleted=deleted, limit=cap)
    expression = fts5_match(parts)
    trash = "IN" if deleted else "NOT IN"
    hits: dict[int, None] = {}
    # Every part in the headline, subhead or tags first; then anywhere, body included.
    for table in (HEAD_TABLE, INDEX_TABLE):
        sql = text(_HIT_SQL.format(table=table, trash=trash))
        for article_id in session.scalars(sql, {"match": expression, "cap": cap}):
            hits.setdefault(article_id)
            if len(hits) >= cap:
                return list(hits)
    return list(hits)


def _like_search(session: Session, query: str, *, deleted: bool, limit: int | None) -> list[int]:
    """Portable fallback: every term as a case-insensitive substring of some field."""
    statement = select(ArticleRow.id).where(
        ArticleRow.deleted_at.is_not(None) if deleted else ArticleRow.deleted_at.is_(None)
    )
    for term in query_terms(query):
        pattern = f"%{term}%"
        statement = statement.where(
            or_(
                ArticleRow.headline.ilike(pattern),
                ArticleRow.subhead.ilike(pattern),
                ArticleRow.body.ilike(pattern),
            )
        )
    statement = statement.order_by(ArticleRow.updated_at.desc())
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


def search_hits(session: Session, query: str, *, limit: int, deleted: bool) -> list[SearchHit]:
    """The best matches with a highlighted snippet each (bodies read for the hits only)."""
    ids = search_ids(session, query, deleted=deleted, limit=limit)
    if not ids:
        return []
    columns = (
        ArticleRow.id,
        ArticleRow.headline,
        ArticleRow.subhead,
        ArticleRow.section,
        ArticleRow.status,
        ArticleRow.updated_at,
        ArticleRow.body,
    )
    rows = {row.id: row for row in session.execute(select(*columns).where(ArticleRow.id.in_(ids)))}
    return [
        SearchHit(
            id=ArticleId(article_id),
            headline=rows[article_id].headline,
            section=rows[article_id].section,
            status=Status(rows[article_id].status),
            updated_at=rows[article_id].updated_at,
            snippet_html=snippet_html(
                f"{rows[article_id].subhead}\n\n{rows[article_id].body}".strip(),
                query,
                markdown=True,
            ),
        )
        for article_id in ids
    ]
