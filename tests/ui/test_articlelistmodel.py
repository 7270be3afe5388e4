"""ArticleListModel: a lazy, id-backed table model over a real store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from deskeditor.core.models import ArticleContent, ArticleId, Status
from deskeditor.core.store import Store
from deskeditor.ui.articlelistmodel import (
    ARTICLE_ID_ROLE,
    HEADLINE,
    LENGTH,
    MODIFIED,
    SECTION,
    STATUS,
    ArticleListModel,
    short_local_time,
)


class SteppingClock:
    """Each call is one second later, so newest-first order is certain."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "store.sqlite3", clock=SteppingClock())
    yield store
    store.close()


def display(model: ArticleListModel, row: int, column: int) -> object:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_model_passes_qmodeltester_with_rows(store: Store, qtmodeltester: object) -> None:
    for number in range(250):  # more than two pages
        store.create_article(ArticleContent(headline=f"Story {number}", body="x" * number))
    model = ArticleListModel(store)
    model.reload()
    assert model.rowCount() == 250
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_model_passes_qmodeltester_when_empty(store: Store, qtmodeltester: object) -> None:
    model = ArticleListModel(store)
    model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_show_headline_section_status_time_and_length_newest_first(store: Store) -> None:
    old = store.create_article(ArticleContent(headline="Old", section="경제", body="12345"))
    new = store.create_article(
        ArticleContent(headline="", section="정치", status=Status.READY, body="가나다")
    )
    model = ArticleListModel(store)
    model.reload()
    assert [model.article_id(row) for row in range(2)] == [new.id, old.id]
    assert display(model, 0, HEADLINE) == "Untitled"
    assert display(model, 0, SECTION) == "정치"
    assert display(model, 0, STATUS) == "Ready"
    assert display(model, 0, LENGTH) == 3
    assert display(model, 0, MODIFIED) == short_local_time(new.updated_at)
    assert display(model, 1, HEADLINE) == "Old"
    assert model.data(model.index(1, 0), ARTICLE_ID_ROLE) == int(old.id)
    assert model.headerData(HEADLINE, Qt.Orientation.Horizontal) == "Headline"


def test_deleted_articles_are_not_listed(store: Store) -> None:
    kept = store.create_article(ArticleContent(headline="Kept"))
    gone = store.create_article(ArticleContent(headline="Gone"))
    store.delete_article(gone.id)
    model = ArticleListModel(store)
    model.reload()
    assert [model.article_id(row) for row in range(model.rowCount())] == [kept.id]


def test_rows_are_read_a_page_at_a_time(store: Store) -> None:
    for number in range(ArticleListModel.PAGE_SIZE * 3):
        store.create_article(ArticleContent(headline=f"Story {number}"))
    model = ArticleListModel(store)
    model.reload()
    assert model.cached_count() == 0
    display(model, 0, HEADLINE)
    assert model.cached_count() == ArticleListModel.PAGE_SIZE
    display(model, ArticleListModel.PAGE_SIZE * 2 + 5, HEADLINE)
    assert model.cached_count() == ArticleListModel.PAGE_SIZE * 2


def test_cache_stays_bounded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ArticleListModel, "PAGE_SIZE", 10)
    monkeypatch.setattr(ArticleListModel, "CACHE_LIMIT", 25)
    for number in range(60):
        store.create_article(ArticleContent(headline=f"Story {number}"))
    model = ArticleListModel(store)
    model.reload()
    for row in range(60):
        assert display(model, row, HEADLINE) == f"Story {59 - row}"
    assert model.cached_count() == 25


def test_saved_article_moves_to_top_and_the_selection_follows(store: Store) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    store.create_article(ArticleContent(headline="Second"))
    store.create_article(ArticleContent(headline="Third"))
    model = ArticleListModel(store)
    model.reload()
    assert model.row_of(first.id) == 2
    display(model, 2, HEADLINE)
    current = QPersistentModelIndex(model.index(2, 0))

    saved = store.save_article(first.id, ArticleContent(headline="First, rewritten"))
    model.article_saved(saved)

    assert model.row_of(first.id) == 0
    assert current.row() == 0
    assert display(model, 0, HEADLINE) == "First, rewritten"
    assert [display(model, row, HEADLINE) for row in (1, 2)] == ["Third", "Second"]


def test_unchanged_save_keeps_the_row_in_place(store: Store) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    store.create_article(ArticleContent(headline="Second"))
    model = ArticleListModel(store)
    model.reload()
    display(model, 1, HEADLINE)
    same = store.save_article(first.id, first.content)
    model.article_saved(same)
    assert model.row_of(first.id) == 1


def test_added_and_removed_articles(store: Store, qtbot: object) -> None:
    model = ArticleListModel(store)
    model.reload()
    article = store.create_article(ArticleContent(headline="New"))
    model.article_added(article)
    assert model.rowCount() == 1
    assert display(model, 0, HEADLINE) == "New"
    model.article_removed(article.id)
    assert model.rowCount() == 0
    model.article_removed(ArticleId(12345))  # unknown ids are ignored
    assert model.rowCount() == 0


def test_invalid_indexes_and_roles_give_nothing(store: Store) -> None:
    store.create_article(ArticleContent(headline="Only"))
    model = ArticleListModel(store)
    model.reload()
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.article_id(5) is None
    assert model.summary(-1) is None


def test_short_local_time_shows_time_today_and_date_before() -> None:
    now = datetime(2026, 3, 19, 15, 0, tzinfo=UTC).astimezone()
    assert short_local_time(now - timedelta(minutes=5), now) == (
        now - timedelta(minutes=5)
    ).strftime("%H:%M")
    older = now - timedelta(days=3)
    assert short_local_time(older, now) == older.strftime("%Y-%m-%d %H:%M")
