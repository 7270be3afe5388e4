"""Newsroom workflow: metadata, tags, sections, status log, revisions, search index.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from deskeditor.core.schema import UTCDateTime
from deskeditor.core.searchindex import rebuild_index
from deskeditor.core.slugs import slugify, unique_slug

# As they stood when this migration was written (models.SECTIONS may change later).
DEFAULT_SECTIONS = ("정치", "경제", "사회", "산업", "국제", "문화", "스포츠", "IT·과학", "오피니언")

ARTICLE_COLUMN_ORDER = (
    "id",
    "status",
    "section",
    "language",
    "body_chars",
    "created_at",
    "updated_at",
    "deleted_at",
    "published_at",
    "status_changed_at",
    "last_revision_at",
    "target_length",
    "slug",
    "slug_choice",
    "tags",
    "headline",
    "byline",
    "subhead",
    "summary",
    "editor_note",
    "body",
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The table is rebuilt with the body last: SQLite stores a long body in overflow
    # pages, and every column after it costs a walk down that chain on each read.
    with op.batch_alter_table(
        "articles", recreate="always", partial_reordering=[ARTICLE_COLUMN_ORDER]
    ) as batch:
        batch.add_column(sa.Column("slug_choice", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("slug", sa.String(200), nullable=True))
        batch.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("target_length", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("editor_note", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("published_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("status_changed_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("last_revision_at", UTCDateTime(), nullable=True))
        batch.create_unique_constraint("uq_articles_slug", ["slug"])
    op.create_index("ix_articles_live_updated", "articles", ["deleted_at", "updated_at"])
    op.create_index("ix_articles_live_headline", "articles", ["deleted_at", "headline"])
    op.create_index("ix_articles_live_created", "articles", ["deleted_at", "created_at"])
    op.create_index("ix_articles_live_section", "articles", ["deleted_at", "section"])
    op.create_index("ix_articles_live_status", "articles", ["deleted_at", "status"])
    op.create_index("ix_articles_live_length", "articles", ["deleted_at", "body_chars"])

    op.create_table(
        "article_tags",
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String(200), primary_key=True),
    )
    op.create_index("ix_article_tags_tag", "article_tags", ["tag"])
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("from_status", sa.String(16), nullable=False),
        sa.Column("to_status", sa.String(16), nullable=False),
        sa.Column("changed_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_status_changes_article", "status_changes", ["article_id", "changed_at"])
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("body_chars", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
    )
    op.create_index("ix_revisions_article", "revisions", ["article_id", "created_at"])

    # Existing articles: their tags into the tag table, and a slug from the headline.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, headline, tags FROM articles")).fetchall()
    tags_table = sa.table("article_tags", sa.column("article_id"), sa.column("tag"))
    taken: set[str] = set()
    for article_id, headline, tags in rows:
        base = slugify(headline)
        if base:
            slug = unique_slug(base, taken.__contains__)
            taken.add(slug)
            connection.execute(
                sa.text("UPDATE articles SET slug = :slug WHERE id = :id"),
                {"slug": slug, "id": article_id},
            )
        values = json.loads(tags) if isinstance(tags, str) else (tags or [])
        for tag in dict.fromkeys(values):
            connection.execute(tags_table.insert().values(article_id=article_id, tag=tag))

    sections = sa.table("sections", sa.column("name"), sa.column("position"))
    for position, name in enumerate(DEFAULT_SECTIONS):
        connection.execute(sections.insert().values(name=name, position=position))

    # The full-text index is backend-specific (core/searchindex.py); SQLite's is FTS5.
    if connection.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "headline, subhead, body, tags, tokenize='unicode61')"
        )
        op.execute(
            "CREATE VIRTUAL TABLE article_search_head USING fts5("
            "headline, subhead, tags, tokenize='unicode61')"
        )
        rebuild_index(connection)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search_head")
        op.execute("DROP TABLE IF EXISTS article_search")
    op.drop_table("revisions")
    op.drop_table("status_changes")
    op.drop_table("sections")
    op.drop_table("article_tags")
    for name in ("length", "status", "section", "created"):
        op.drop_index(f"ix_articles_live_{name}", table_name="articles")
    op.drop_index("ix_articles_live_headline", table_name="articles")
    op.drop_index("ix_articles_live_updated", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_constraint("uq_articles_slug", type_="unique")
        for column in (
            "last_revision_at",
            "status_changed_at",
            "published_at",
            "editor_note",
            "target_length",
            "summary",
            "slug",
            "slug_choice",
        ):
            batch.drop_column(column)
