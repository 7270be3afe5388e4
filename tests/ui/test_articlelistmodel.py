"""ArticleListModel: a lazy, id-backed table model over a real store, in every mode."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent, ArticleId, ListQuery, SortKey, Status
from deskeditor.core.store import Store
from deskeditor.ui.articlelistmodel import (
    ARTICLE_ID_ROLE,
    HEADLINE,
    LENGTH,
    MODIFIED,
    SECTION,
    SNIPPET_ROLE,
    STATUS,
    ArticleListModel,
)
from deskeditor.ui.listrows import short_local_time, snippet_rich_text
from deskeditor.ui.statusbadge import STATUS_ROLE

MakeModel = Callable[[], ArticleListModel]


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


@pytest.fixture
def make_model(store: Store) -> Iterator[MakeModel]:
    models: list[ArticleListModel] = []

    def make() -> ArticleListModel:
        model = ArticleListModel(store)
        model.reload()
        models.append(model)
        return model

    yield make
    for model in models:
        model.wait_for_reads()  # no read may outlive the store


def apply(qtbot: QtBot, model: ArticleListModel, query: ListQuery) -> None:
    """Ask for another query and wait until its rows are shown."""
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_query(query)
    assert model.query == query


def display(model: ArticleListModel, row: int, column: int) -> object:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def ids(model: ArticleListModel) -> list[ArticleId | None]:
    return [model.article_id(row) for row in range(model.rowCount())]


@pytest.fixture
def newsroom(store: Store) -> Store:
    """A few articles that differ in every column, one with tags, one deleted."""
    rows = [
        ("Budget passes", "정치", Status.PUBLISHED, "x" * 40, ("budget",)),
        ("초대형 데이터센터", "산업", Status.DESK, "정부는 초대형데이터센터를 짓는다.", ()),
        ("Apple harvest", "경제", Status.DRAFT, "x" * 5, ("farm", "budget")),
        ("", "사회", Status.READY, "x" * 400, ()),
        ("Zoo opens", "경제", Status.DESK, "x" * 12, ("farm",)),
    ]
    for headline, section, status, body, tags in rows:
        store.create_article(
            ArticleContent(headline=headline, section=section, status=status, body=body, tags=tags)
        )
    gone = store.create_article(ArticleContent(headline="Withdrawn story", body="정부 발표"))
    store.delete_article(gone.id)
    return store


def test_model_passes_qmodeltester_with_rows(
    make_model: MakeModel, store: Store, qtmodeltester: object
) -> None:
    for number in range(250):  # more than two pages
        store.create_article(ArticleContent(headline=f"Story {number}", body="x" * number))
    model = make_model()
    assert model.rowCount() == 250
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_model_passes_qmodeltester_when_empty(make_model: MakeModel, qtmodeltester: object) -> None:
    model = make_model()
    assert model.rowCount() == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "query",
    [
        ListQuery(sort=SortKey.HEADLINE, descending=False),
        ListQuery(status=Status.DESK),
        ListQuery(section="경제", tag="farm"),
        ListQuery(text="데이터센터"),
        ListQuery(deleted=True),
        ListQuery(deleted=True, text="정부"),
    ],
    ids=["sorted", "filtered", "filtered-by-tag", "searching", "trash", "trash-search"],
)
def test_model_passes_qmodeltester_in_every_mode(
    qtbot: QtBot, make_model: MakeModel, newsroom: Store, qtmodeltester: object, query: ListQuery
) -> None:
    model = make_model()
    apply(qtbot, model, query)
    assert model.rowCount() > 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_rows_show_status_section_headline_time_and_length_newest_first(
    make_model: MakeModel, store: Store
) -> None:
    old = store.create_article(ArticleContent(headline="Old", section="경제", body="12345"))
    new = store.create_article(
        ArticleContent(headline="", section="정치", status=Status.READY, body="가나다")
    )
    model = make_model()
    assert ids(model) == [new.id, old.id]
    assert display(model, 0, HEADLINE) == "Untitled"
    assert display(model, 0, SECTION) == "정치"
    assert display(model, 0, STATUS) == "Ready"
    assert model.data(model.index(0, STATUS), STATUS_ROLE) == "ready"
    assert model.data(model.index(0, HEADLINE), STATUS_ROLE) is None
    assert display(model, 0, LENGTH) == 3
    assert display(model, 0, MODIFIED) == short_local_time(new.updated_at)
    assert display(model, 1, HEADLINE) == "Old"
    assert model.data(model.index(1, 0), ARTICLE_ID_ROLE) == int(old.id)
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(5)]
    assert headers == ["Status", "Section", "Headline", "Modified", "Length"]


@pytest.mark.parametrize("column", [STATUS, SECTION, HEADLINE, MODIFIED, LENGTH])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sorting_a_column_asks_the_store_for_that_order(
    qtbot: QtBot, make_model: MakeModel, newsroom: Store, column: int, order: Qt.SortOrder
) -> None:
    model = make_model()
    key = {
        STATUS: SortKey.STATUS,
        SECTION: SortKey.SECTION,
        HEADLINE: SortKey.HEADLINE,
        MODIFIED: SortKey.UPDATED,
        LENGTH: SortKey.LENGTH,
    }[column]
    descending = order == Qt.SortOrder.DescendingOrder
    if key is SortKey.UPDATED and descending:
        model.sort(column, order)  # the order shown already: nothing to read
        assert not model.is_loading
    else:
        with qtbot.waitSignal(model.query_applied, timeout=10_000):
            model.sort(column, order)
    expected = newsroom.article_ids(ListQuery(sort=key, descending=descending))
    assert ids(model) == expected
    assert model.query.sort is key


def test_sorted_rows_really_are_in_order(
    qtbot: QtBot, make_model: MakeModel, newsroom: Store
) -> None:
    model = make_model()
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.sort(HEADLINE, Qt.SortOrder.AscendingOrder)
    headlines = [display(model, row, HEADLINE) for row in range(model.rowCount())]
    assert headlines == [
        "Untitled",
        "Apple harvest",
        "Budget passes",
        "Zoo opens",
        "초대형 데이터센터",
    ]
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.sort(LENGTH, Qt.SortOrder.DescendingOrder)
    lengths = [display(model, row, LENGTH) for row in range(model.rowCount())]
    assert lengths == sorted(lengths, reverse=True)


def test_first_click_orders_dates_and_lengths_largest_first(make_model: MakeModel) -> None:
    model = make_model()
    first = [
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole)
        for column in (STATUS, HEADLINE, MODIFIED, LENGTH)
    ]
    ascending, descending = Qt.SortOrder.AscendingOrder.value, Qt.SortOrder.DescendingOrder.value
    assert first == [ascending, ascending, descending, descending]


@pytest.mark.parametrize(
    ("query", "headlines"),
    [
        (ListQuery(section="경제"), {"Apple harvest", "Zoo opens"}),
        (ListQuery(status=Status.DESK), {"Zoo opens", "초대형 데이터센터"}),
        (ListQuery(tag="budget"), {"Budget passes", "Apple harvest"}),
        (ListQuery(section="경제", tag="budget"), {"Apple harvest"}),
        (ListQuery(deleted=True), {"Withdrawn story"}),
    ],
)
def test_filters_narrow_the_rows(
    qtbot: QtBot, make_model: MakeModel, newsroom: Store, query: ListQuery, headlines: set[str]
) -> None:
    model = make_model()
    apply(qtbot, model, query)
    assert {display(model, row, HEADLINE) for row in range(model.rowCount())} == headlines
    assert ids(model) == newsroom.article_ids(query)


def test_search_finds_korean_inside_longer_words_and_gives_snippets(
    qtbot: QtBot, make_model: MakeModel, newsroom: Store
) -> None:
    model = make_model()
    apply(qtbot, model, ListQuery(text="데이터센터"))
    assert [display(model, row, HEADLINE) for row in range(model.rowCount())] == [
        "초대형 데이터센터"
    ]
    snippet = model.data(model.index(0, HEADLINE), SNIPPET_ROLE)
    assert "<mark>데이터센터</mark>" in snippet
    tooltip = model.data(model.index(0, SECTION), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<qt><b>초대형 데이터센터</b>")
    assert "background-color" in tooltip and "데이터센터</span>" in tooltip

    apply(qtbot, model, ListQuery(text="정부"))
    assert [display(model, row, HEADLINE) for row in range(model.rowCount())] == [
        "초대형 데이터센터"
    ]
    apply(qtbot, model, ListQuery())
    assert model.rowCount() == 5
    assert model.data(model.index(0, HEADLINE), SNIPPET_ROLE) == ""


def test_snippets_keep_only_the_marks_as_markup() -> None:
    html = "a &lt;b&gt; <mark>정부</mark> &amp; <script>x</script>"
    rich = snippet_rich_text(html)
    assert "<script>" not in rich and "&lt;script&gt;" in rich
    assert "&lt;b&gt;" in rich and "&amp;" in rich
    assert rich.count("<span") == 1 and ">정부</span>" in rich


def test_rows_are_read_a_page_at_a_time(make_model: MakeModel, store: Store) -> None:
    for number in range(ArticleListModel.PAGE_SIZE * 3):
        store.create_article(ArticleContent(headline=f"Story {number}"))
    model = make_model()
    assert model.cached_count() == 0
    display(model, 0, HEADLINE)
    assert model.cached_count() == ArticleListModel.PAGE_SIZE
    display(model, ArticleListModel.PAGE_SIZE * 2 + 5, HEADLINE)
    assert model.cached_count() == ArticleListModel.PAGE_SIZE * 2


def test_a_view_that_does_not_wait_sees_rows_filled_in_when_read(
    qtbot: QtBot, store: Store, qtmodeltester: Any
) -> None:
    """The window's list never reads on the UI thread: a cold page took up to a second."""
    page = ArticleListModel.PAGE_SIZE
    for number in range(page * 3):
        store.create_article(ArticleContent(headline=f"Story {number}"))
    model = ArticleListModel(store, wait_for_rows=False)
    try:
        model.reload()
        row = page + 50  # on the second page: nothing of it read yet
        with qtbot.waitSignal(model.dataChanged, timeout=10_000) as filled:
            assert display(model, row, HEADLINE) is None  # shown empty, read on the worker
            assert display(model, row, STATUS) is None
        first, last, *_roles = filled.args
        assert first.row() <= row <= last.row()
        assert display(model, row, HEADLINE) == f"Story {page * 3 - 1 - row}"
        assert model.pages_not_ready() == 1
        # Asked for by code rather than painted, a row is still read at once.
        far = page * 3 - 1
        summary = model.summary(far)
        assert summary is not None and summary.headline == "Story 0"
        qtmodeltester.check(model)
    finally:
        model.wait_for_reads()


def test_cache_stays_bounded(
    make_model: MakeModel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ArticleListModel, "PAGE_SIZE", 10)
    monkeypatch.setattr(ArticleListModel, "CACHE_LIMIT", 25)
    for number in range(60):
        store.create_article(ArticleContent(headline=f"Story {number}"))
    model = make_model()
    for row in range(60):
        assert display(model, row, HEADLINE) == f"Story {59 - row}"
    assert model.cached_count() == 25


def test_saved_article_moves_to_top_and_the_selection_follows(
    make_model: MakeModel, store: Store
) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    store.create_article(ArticleContent(headline="Second"))
    store.create_article(ArticleContent(headline="Third"))
    model = make_model()
    assert model.row_of(first.id) == 2
    display(model, 2, HEADLINE)
    current = QPersistentModelIndex(model.index(2, 0))

    saved = store.save_article(first.id, ArticleContent(headline="First, rewritten"))
    model.article_saved(saved)

    assert model.row_of(first.id) == 0
    assert current.row() == 0
    assert display(model, 0, HEADLINE) == "First, rewritten"
    assert [display(model, row, HEADLINE) for row in (1, 2)] == ["Third", "Second"]


def test_in_another_order_a_saved_article_is_updated_where_it_stands(
    qtbot: QtBot, make_model: MakeModel, store: Store
) -> None:
    first = store.create_article(ArticleContent(headline="A first"))
    store.create_article(ArticleContent(headline="B second"))
    model = make_model()
    apply(qtbot, model, ListQuery(sort=SortKey.HEADLINE, descending=False))
    saved = store.save_article(first.id, ArticleContent(headline="Z renamed"))
    model.article_saved(saved)
    assert model.row_of(first.id) == 0  # no jump while typing
    assert display(model, 0, HEADLINE) == "Z renamed"


def test_unchanged_save_keeps_the_row_in_place(make_model: MakeModel, store: Store) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    store.create_article(ArticleContent(headline="Second"))
    model = make_model()
    display(model, 1, HEADLINE)
    same = store.save_article(first.id, first.content)
    model.article_saved(same)
    assert model.row_of(first.id) == 1


def test_added_and_removed_articles(make_model: MakeModel, store: Store) -> None:
    model = make_model()
    article = store.create_article(ArticleContent(headline="New"))
    model.article_added(article)
    assert model.rowCount() == 1
    assert display(model, 0, HEADLINE) == "New"
    model.article_removed(article.id)
    assert model.rowCount() == 0
    model.article_removed(ArticleId(12345))  # unknown ids are ignored
    assert model.rowCount() == 0


def test_edits_made_while_a_query_runs_are_not_lost(
    qtbot: QtBot, make_model: MakeModel, store: Store
) -> None:
    gone = store.create_article(ArticleContent(headline="Gone"))
    model = make_model()
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_query(ListQuery(sort=SortKey.HEADLINE))
        assert model.is_loading
        # The query may already have read the ids: the edits are replayed on its result.
        added = store.create_article(ArticleContent(headline="Added"))
        model.article_added(added)
        store.delete_article(gone.id)
        model.article_removed(gone.id)
    assert ids(model) == [added.id]


def test_the_newest_query_wins(qtbot: QtBot, make_model: MakeModel, newsroom: Store) -> None:
    model = make_model()
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_query(ListQuery(status=Status.DESK))
        model.set_query(ListQuery(status=Status.DRAFT))
    qtbot.waitUntil(lambda: not model.is_loading)
    assert model.query == ListQuery(status=Status.DRAFT)
    assert [display(model, row, HEADLINE) for row in range(model.rowCount())] == ["Apple harvest"]


def test_going_back_to_the_shown_query_reads_nothing(qtbot: QtBot, make_model: MakeModel) -> None:
    model = make_model()
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_query(ListQuery(status=Status.DESK))
        model.set_query(ListQuery())
    assert not model.is_loading
    assert model.query == ListQuery()


def test_invalid_indexes_and_roles_give_nothing(make_model: MakeModel, store: Store) -> None:
    store.create_article(ArticleContent(headline="Only"))
    model = make_model()
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.article_id(5) is None
    assert model.summary(-1) is None
    assert model.snippet(0) == ""


def test_short_local_time_shows_time_today_and_date_before() -> None:
    now = datetime(2026, 3, 19, 15, 0, tzinfo=UTC).astimezone()
    assert short_local_time(now - timedelta(minutes=5), now) == (
        now - timedelta(minutes=5)
    ).strftime("%H:%M")
    older = now - timedelta(days=3)
    assert short_local_time(older, now) == older.strftime("%Y-%m-%d %H:%M")
