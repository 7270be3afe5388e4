"""Alembic migrations: applied on open, and in agreement with the ORM models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from deskeditor.core.models import ArticleContent, ListQuery, SortKey
from deskeditor.core.opening import MIGRATIONS_DIR, script_revisions
from deskeditor.core.schema import Base
from deskeditor.core.schemaversion import HEAD_REVISION, KNOWN_REVISIONS
from deskeditor.core.searchindex import is_index_table
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
            context = MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    # The full-text index is backend-specific and lives outside the ORM.
                    "include_name": lambda name, kind, _parent: (
                        not (kind == "table" and is_index_table(str(name)))
                    ),
                },
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


def test_a_version_0001_store_is_upgraded_with_its_data_indexed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO articles (headline, subhead, byline, section, body, tags, status,"
                " language, body_chars, created_at, updated_at) VALUES ('옛 기사', '', '', '사회',"
                " '정부는 데이터센터를 짓는다', '[\"선거\"]', 'draft', NULL, 13,"
                " '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
            )
        )
    engine.dispose()
    store = Store.open(path)
    try:
        (article_id,) = store.article_ids()
        assert [hit.id for hit in store.search("데이터센터")] == [article_id]
        assert store.tags() == ["선거"]
        assert store.get_article(article_id).slug == "옛-기사"
    finally:
        store.close()


def test_known_revisions_match_the_migration_scripts() -> None:
    assert list(KNOWN_REVISIONS) == script_revisions()
    assert script_revisions()[-1] == HEAD_REVISION


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    script = (
        "import sys\n"
        "from deskeditor.core.store import Store\n"
        "Store.open(sys.argv[1]).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_a_version_0003_store_gains_the_list_indexes_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "0003.sqlite3"
    store = Store.open(path)
    ids = [
        store.create_article(ArticleContent(headline=headline, tags=("선거",))).id
        for headline in ("나중", "가장 먼저", "Zebra")
    ]
    store.delete_article(ids[2])
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")  # the store as version 0003 left it
        columns = {
            index["name"]: index["column_names"]
            for index in inspect(connection).get_indexes("articles")
        }
        assert columns["ix_articles_live_headline"] == ["deleted_at", "headline"]
        assert "ix_articles_trash" not in columns
    engine.dispose()

    store = Store.open(path)
    try:
        with store.engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_heads() == (HEAD_REVISION,)
            columns = {
                index["name"]: index["column_names"]
                for index in inspect(connection).get_indexes("articles")
            }
        assert columns["ix_articles_live_headline"][:4] == [
            "deleted_at",
            "headline",
            "updated_at",
            "id",
        ]
        assert columns["ix_articles_trash"] == ["updated_at", "id"]
        by_headline = store.article_ids(ListQuery(sort=SortKey.HEADLINE, descending=False))
        assert by_headline == [ids[1], ids[0]]
        assert store.article_ids(ListQuery(deleted=True)) == [ids[2]]
        assert [hit.id for hit in store.search("먼저")] == [ids[1]]
        assert store.get_article(ids[0]).content.tags == ("선거",)
    finally:
        store.close()
