"""Alembic migrations: applied on open, and in agreement with the ORM models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from deskeditor.core.schema import Base
from deskeditor.core.store import Store, known_revisions


def test_opening_applies_every_migration(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite3")
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert set(context.get_current_heads()) <= known_revisions()
            assert context.get_current_heads()
            assert "articles" in inspect(connection).get_table_names()
    finally:
        store.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite3")
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()
