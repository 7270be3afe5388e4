"""The store on real SQLite files: CRUD, ordering, timestamps, soft delete, pragmas."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from deskeditor.core.errors import ArticleNotFoundError
from deskeditor.core.models import ArticleContent, ArticleId, Language, Status
from deskeditor.core.store import Store


class FakeClock:
    """A controllable clock: each call returns the current time, tick() advances it."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Store:
    opened = Store.open(tmp_path / "store.sqlite3", clock=clock)
    yield opened
    opened.close()


KOREAN = ArticleContent(
    headline="데이터센터 전력 수요 급증",
    subhead="AI 붐에 전력망 '비상'",
    byline="홍길동 기자 hong@example.com",
    section="산업",
    body="첫 문단입니다.\n\n**데이터센터**를 짓는다.",
    tags=("AI", "전력"),
    status=Status.DESK,
    language=Language.KO,
)


def test_created_article_reads_back_with_every_field(store: Store, clock: FakeClock) -> None:
    created = store.create_article(KOREAN)
    loaded = store.get_article(created.id)
    assert loaded.content == KOREAN
    assert loaded.created_at == loaded.updated_at == clock.now
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at.utcoffset() == timedelta(0)
    assert not loaded.is_deleted


def test_data_survives_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    first = Store.open(path)
    article_id = first.create_article(KOREAN).id
    first.close()
    second = Store.open(path)
    try:
        assert second.get_article(article_id).content == KOREAN
    finally:
        second.close()


def test_save_changes_content_and_moves_updated_at(store: Store, clock: FakeClock) -> None:
    article = store.create_article()
    clock.tick(5)
    saved = store.save_article(article.id, KOREAN)
    assert saved.content == KOREAN
    assert saved.updated_at == clock.now
    assert saved.created_at == article.created_at


def test_saving_unchanged_content_keeps_updated_at(store: Store, clock: FakeClock) -> None:
    article = store.create_article(KOREAN)
    clock.tick(5)
    again = store.save_article(article.id, KOREAN)
    assert again.updated_at == article.updated_at


def test_ids_are_newest_first_by_last_change(store: Store, clock: FakeClock) -> None:
    first = store.create_article(ArticleContent(headline="one"))
    clock.tick()
    second = store.create_article(ArticleContent(headline="two"))
    clock.tick()
    assert store.article_ids() == [second.id, first.id]
    store.save_article(first.id, ArticleContent(headline="one, edited"))
    assert store.article_ids() == [first.id, second.id]


def test_summaries_follow_requested_order_and_skip_unknown(store: Store) -> None:
    a = store.create_article(ArticleContent(headline="a", body="12345"))
    b = store.create_article(ArticleContent(headline="b", section="사회", tags=("x",)))
    rows = store.summaries([b.id, ArticleId(999), a.id])
    assert [row.id for row in rows] == [b.id, a.id]
    assert rows[0].section == "사회" and rows[0].tags == ("x",)
    assert rows[1].body_chars == 5


def test_summaries_handle_more_ids_than_one_sql_batch(store: Store) -> None:
    ids = [store.create_article(ArticleContent(headline=str(n))).id for n in range(1200)]
    rows = store.summaries(ids)
    assert [row.headline for row in rows] == [str(n) for n in range(1200)]


def test_delete_only_marks_the_article(store: Store, clock: FakeClock) -> None:
    article = store.create_article(KOREAN)
    clock.tick()
    store.delete_article(article.id)
    assert store.article_ids() == []
    assert store.article_ids(deleted=True) == [article.id]
    kept = store.get_article(article.id)
    assert kept.deleted_at == clock.now and kept.content == KOREAN
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1
    store.restore_article(article.id)
    assert store.article_ids() == [article.id]


def test_unknown_article_raises_clear_error(store: Store) -> None:
    with pytest.raises(ArticleNotFoundError, match="no article with id 42"):
        store.get_article(ArticleId(42))
    with pytest.raises(ArticleNotFoundError):
        store.save_article(ArticleId(42), KOREAN)


def test_sqlite_is_opened_with_wal_full_sync_fks_and_busy_timeout(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 1000


def test_store_is_created_in_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.sqlite3"
    Store.open(path).close()
    assert path.is_file()


def test_commit_is_durable_when_the_process_dies_without_closing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    script = (
        "import os, sys\n"
        "from deskeditor.core.store import Store\n"
        "from deskeditor.core.models import ArticleContent\n"
        "s = Store.open(sys.argv[1])\n"
        "s.create_article(ArticleContent(headline='살아남은 기사'))\n"
        "os._exit(0)\n"  # no close(), no WAL checkpoint, no atexit
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    reopened = Store.open(path)
    try:
        assert [a.content.headline for a in reopened.articles(reopened.article_ids())] == [
            "살아남은 기사"
        ]
    finally:
        reopened.close()
