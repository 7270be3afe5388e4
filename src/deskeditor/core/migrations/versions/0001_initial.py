"""Initial schema: the articles table.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from deskeditor.core.schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("subhead", sa.Text(), nullable=False),
        sa.Column("byline", sa.Text(), nullable=False),
        sa.Column("section", sa.String(100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("body_chars", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"])
    op.create_index("ix_articles_deleted_at", "articles", ["deleted_at"])


def downgrade() -> None:
    op.drop_index("ix_articles_deleted_at", table_name="articles")
    op.drop_index("ix_articles_updated_at", table_name="articles")
    op.drop_table("articles")
