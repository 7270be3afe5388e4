"""ORM rows, private to the store: the rest of the app speaks in core.models values."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out, whatever the backend.

    SQLite has no time zones, so values are stored as naive UTC and given their
    zone back on the way out; PostgreSQL keeps them as ``timestamptz``.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base for every table of the store."""


def _list_index(name: str, column: str) -> Index:
    """(deleted_at, column, updated_at, id, then the other filter columns) for one list order."""
    filters = [other for other in ("section", "status") if other != column]
    return Index(f"ix_articles_live_{name}", "deleted_at", column, "updated_at", "id", *filters)


class ArticleRow(Base):
    """One article; soft-deleted rows keep ``deleted_at``."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    headline: Mapped[str] = mapped_column(Text, default="")
    subhead: Mapped[str] = mapped_column(Text, default="")
    byline: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str] = mapped_column(String(100), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    body_chars: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    slug_choice: Mapped[str] = mapped_column(Text, default="")
    """The slug the user typed; empty means "follow the headline"."""
    slug: Mapped[str | None] = mapped_column(String(200), nullable=True, unique=True)
    """The effective slug, unique across the store (NULL while there is no headline)."""
    summary: Mapped[str] = mapped_column(Text, default="")
    target_length: Mapped[int | None] = mapped_column(Integer, nullable=True)
    editor_note: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_revision_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    """When the newest automatic revision was taken (drives the 5-minute rule)."""
    feature_image: Mapped[str] = mapped_column(String(64), default="")
    """sha256 of the lead photo, or empty."""

    __table_args__ = (
        Index("ix_articles_updated_at", "updated_at"),
        Index("ix_articles_deleted_at", "deleted_at"),
        Index("ix_articles_live_updated", "deleted_at", "updated_at"),
        # Each list order whole, tie-breakers included, then the filter columns: a
        # sorted, filtered list is read from one index alone (migration 0004).
        _list_index("headline", "headline"),
        _list_index("created", "created_at"),
        _list_index("section", "section"),
        _list_index("status", "status"),
        _list_index("length", "body_chars"),
        # The Trash, newest first: without it an empty Trash is found by walking every
        # article in date order (0.3 s at 100,000), as SQLite prefers that to sorting.
        Index(
            "ix_articles_trash",
            "updated_at",
            "id",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
    )


class ArticleTagRow(Base):
    """One tag of one article, so the list can filter by tag with an index."""

    __tablename__ = "article_tags"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(200), primary_key=True)

    __table_args__ = (Index("ix_article_tags_tag", "tag"),)


class SectionRow(Base):
    """The managed list of sections offered in the section box."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class StatusChangeRow(Base):
    """A status change with its time: the desk's workflow log."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_status_changes_article", "article_id", "changed_at"),)


class RevisionRow(Base):
    """Every field of an article at one moment, as JSON (the fields grow; rows stay readable)."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(Text, default="")
    body_chars: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (Index("ix_revisions_article", "article_id", "created_at"),)


class AssetRow(Base):
    """A photo's original bytes, stored once however often it is used (content-addressed)."""

    __tablename__ = "assets"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    byte_size: Mapped[int] = mapped_column(Integer)
    alt: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AssetDisplayRow(Base):
    """A photo scaled for the editor and preview, made once and kept (the original is untouched)."""

    __tablename__ = "asset_displays"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("assets.sha256", ondelete="CASCADE"), primary_key=True
    )
    width: Mapped[int] = mapped_column(Integer, primary_key=True)
    media_type: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)
