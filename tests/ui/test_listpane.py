"""The list pane in the window: search box, sorting by the header, filters, keyboard paths."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent, ArticleId, ListQuery, SortKey, Status
from deskeditor.core.store import Store
from deskeditor.ui.articlelistmodel import HEADLINE, LENGTH, SECTION, SNIPPET_ROLE, STATUS
from deskeditor.ui.listfilters import DateRange, DateRangeDialog
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.statusbadge import BADGE_COLOURS, StatusBadgeDelegate, status_labels

MakeWindow = Callable[..., MainWindow]
CommitText = Callable[[QWidget, str], None]
Focus = Callable[[QWidget], None]
WaitForList = Callable[[MainWindow], None]


def headlines(window: MainWindow) -> list[Any]:
    model = window.model
    return [model.data(model.index(row, HEADLINE)) for row in range(model.rowCount())]


def listed(window: MainWindow) -> list[ArticleId | None]:
    return [window.model.article_id(row) for row in range(window.model.rowCount())]


def search_edit(window: MainWindow) -> QLineEdit:
    edit = window.findChild(QLineEdit, "searchEdit")
    assert edit is not None
    return edit


def search(qtbot: QtBot, window: MainWindow, commit_text: CommitText, text: str) -> None:
    """Type a query as an input method does, and wait for the hits."""
    edit = search_edit(window)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    commit_text(edit, text)
    qtbot.waitUntil(lambda: window.model.query.text == text and not window.model.is_loading)


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Pick a combo box item with the arrow keys, as a user does."""
    wanted = combo.findData(data)
    assert wanted >= 0, data
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != wanted:
        QTest.keyClick(combo, key)


@pytest.fixture
def korean_desk(store: Store) -> Store:
    """Korean stories whose words carry particles, and an English one."""
    for headline, body in (
        ("데이터센터 유치전", "지자체들이 초대형데이터센터를 유치하려 경쟁한다."),
        ("예산안 통과", "정부는 내년 예산을 확정했다."),
        ("Data center boom", "Operators build new halls."),
        ("날씨", "맑음"),
    ):
        store.create_article(ArticleContent(headline=headline, body=body))
    return store


def test_the_search_box_is_above_the_list_and_carries_its_contract_name(
    make_window: MakeWindow,
) -> None:
    window = make_window()
    edit = search_edit(window)
    assert edit.mapTo(window, QPoint(0, 0)).y() < window.list_view.mapTo(window, QPoint(0, 0)).y()
    assert edit.isClearButtonEnabled()


def test_typing_a_korean_query_filters_the_list_to_the_hits(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText
) -> None:
    window = make_window()
    assert window.model.rowCount() == 4
    edit = search_edit(window)
    edit.setFocus()
    commit_text(edit, "데이터센터")
    assert window.model.query.text == ""  # debounced: nothing searched per keystroke
    qtbot.waitUntil(lambda: window.model.query.text == "데이터센터" and not window.model.is_loading)
    assert headlines(window) == ["데이터센터 유치전"]  # found inside 초대형데이터센터를
    assert "1 hits" in window.list_pane.count_label.text()

    edit.clear()
    search(qtbot, window, commit_text, "정부")
    assert headlines(window) == ["예산안 통과"]  # 정부 inside 정부는

    edit.clear()
    search(qtbot, window, commit_text, "DATA")
    assert headlines(window) == ["Data center boom"]  # English regardless of case


def test_each_hit_shows_its_highlighted_snippet(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText
) -> None:
    window = make_window()
    search(qtbot, window, commit_text, "데이터센터")
    model = window.model
    assert "<mark>데이터센터</mark>" in model.data(model.index(0, HEADLINE), SNIPPET_ROLE)
    tooltip = model.data(model.index(0, HEADLINE), Qt.ItemDataRole.ToolTipRole)
    assert "<b>데이터센터 유치전</b>" in tooltip and "데이터센터</span>" in tooltip
    label = window.list_pane.snippet_label
    assert not label.isVisible()  # until a hit is chosen
    QTest.keyClick(search_edit(window), Qt.Key.Key_Down)
    qtbot.waitUntil(label.isVisible)
    assert "background-color" in label.text() and "데이터센터</span>" in label.text()
    assert "초대형" in label.text()


def test_enter_opens_the_top_hit(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText
) -> None:
    store = korean_desk
    store.create_article(ArticleContent(headline="정부 발표", body="새 소식"))
    weather = store.article_ids(ListQuery(text="날씨"))[0]
    window = make_window(open_article=weather)
    edit = search_edit(window)
    edit.setFocus()
    commit_text(edit, "정부")
    QTest.keyClick(edit, Qt.Key.Key_Return)  # before the search delay is over
    top = store.article_ids(ListQuery(text="정부"))[0]
    qtbot.waitUntil(lambda: window.autosaver.article_id == top)
    assert top != weather
    assert window.editor.headline_edit.text() == "정부 발표"  # headline hits rank first
    assert window.list_view.hasFocus()
    assert window.list_view.currentIndex().row() == 0


def test_enter_opens_the_hit_chosen_in_the_list(
    qtbot: QtBot, make_window: MakeWindow, store: Store, commit_text: CommitText
) -> None:
    for number in range(3):
        store.create_article(ArticleContent(headline=f"선거 {number}"))
    window = make_window()
    search(qtbot, window, commit_text, "선거")
    edit = search_edit(window)
    QTest.keyClick(edit, Qt.Key.Key_Down)  # into the list, on the top hit
    QTest.keyClick(window.list_view, Qt.Key.Key_Down)  # the second hit opens
    second = window.model.article_id(1)
    assert window.autosaver.article_id == second
    QTest.keyClick(window.list_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert edit.hasFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert window.autosaver.article_id == second
    assert window.list_view.currentIndex().row() == 1


def test_clearing_the_search_restores_the_list_and_its_order(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText
) -> None:
    window = make_window()
    everything = listed(window)
    header = window.list_view.horizontalHeader()
    search(qtbot, window, commit_text, "정부")
    assert not window.list_view.isSortingEnabled()  # hits come best first
    assert not header.isSortIndicatorShown()
    QTest.keyClick(search_edit(window), Qt.Key.Key_Escape)
    assert search_edit(window).text() == ""
    qtbot.waitUntil(lambda: window.model.query == ListQuery() and not window.model.is_loading)
    assert listed(window) == everything
    assert window.list_view.isSortingEnabled() and header.isSortIndicatorShown()
    # The open article is chosen again in the whole list.
    assert window.model.article_id(window.list_view.currentIndex().row()) == (
        window.autosaver.article_id
    )


def click_header(window: MainWindow, column: int) -> None:
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


@pytest.mark.parametrize(
    ("column", "key", "first_descending"),
    [
        (STATUS, SortKey.STATUS, False),
        (SECTION, SortKey.SECTION, False),
        (HEADLINE, SortKey.HEADLINE, False),
        (LENGTH, SortKey.LENGTH, True),
    ],
)
def test_clicking_a_header_sorts_by_its_column(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    wait_for_list: WaitForList,
    column: int,
    key: SortKey,
    first_descending: bool,
) -> None:
    for headline, section, status, body in (
        ("Budget", "정치", Status.PUBLISHED, "x" * 40),
        ("Apple", "경제", Status.DESK, "x" * 5),
        ("Zoo", "사회", Status.DRAFT, "x" * 400),
        ("Mango", "경제", Status.READY, "x" * 12),
    ):
        store.create_article(
            ArticleContent(headline=headline, section=section, status=status, body=body)
        )
    window = make_window()
    opened = window.autosaver.article_id
    click_header(window, column)
    wait_for_list(window)
    assert listed(window) == store.article_ids(ListQuery(sort=key, descending=first_descending))
    click_header(window, column)  # the second click turns the order round
    wait_for_list(window)
    assert listed(window) == store.article_ids(ListQuery(sort=key, descending=not first_descending))
    assert window.autosaver.article_id == opened  # sorting opens nothing else
    assert window.model.article_id(window.list_view.currentIndex().row()) == opened


def test_the_status_column_sorts_in_workflow_order(
    make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    for status in (Status.READY, Status.PUBLISHED, Status.DRAFT, Status.DESK):
        store.create_article(ArticleContent(headline=status.value, status=status))
    window = make_window()
    click_header(window, STATUS)
    wait_for_list(window)
    labels = status_labels()
    shown = [window.model.data(window.model.index(row, STATUS)) for row in range(4)]
    # Draft, Desk, Ready, Published: not the alphabet's Desk, Draft, Published, Ready.
    assert shown == [labels[status] for status in Status]
    click_header(window, STATUS)
    wait_for_list(window)
    shown = [window.model.data(window.model.index(row, STATUS)) for row in range(4)]
    assert shown == [labels[status] for status in reversed(Status)]


def test_header_clicks_do_not_reorder_search_hits(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText
) -> None:
    window = make_window()
    search(qtbot, window, commit_text, "데이터")
    hits = listed(window)
    click_header(window, HEADLINE)
    assert not window.model.is_loading
    assert listed(window) == hits


def test_section_status_and_tag_filters(
    qtbot: QtBot, make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    for headline, section, status, tags in (
        ("Rates rise", "경제", Status.DESK, ("금리",)),
        ("Exports grow", "경제", Status.PUBLISHED, ("수출",)),
        ("Vote count", "정치", Status.DESK, ("선거", "금리")),
    ):
        store.create_article(
            ArticleContent(headline=headline, section=section, status=status, tags=tags)
        )
    window = make_window()
    bar = window.list_pane.filter_bar
    qtbot.waitUntil(lambda: bar.tag_combo.count() == 4)  # tags are read off the UI thread
    assert bar.section_combo.findData("오피니언") > 0  # the managed section list

    choose(qtbot, bar.section_combo, "경제")
    wait_for_list(window)
    assert sorted(headlines(window)) == ["Exports grow", "Rates rise"]
    choose(qtbot, bar.status_combo, Status.DESK.value)
    wait_for_list(window)
    assert headlines(window) == ["Rates rise"]
    choose(qtbot, bar.section_combo, None)
    wait_for_list(window)
    assert sorted(headlines(window)) == ["Rates rise", "Vote count"]
    choose(qtbot, bar.status_combo, None)
    choose(qtbot, bar.tag_combo, "금리")
    wait_for_list(window)
    assert sorted(headlines(window)) == ["Rates rise", "Vote count"]
    assert window.model.query == ListQuery(tag="금리")


def test_date_filters_by_last_change(
    qtbot: QtBot,
    make_window: MakeWindow,
    store_path: Path,
    prompts: Any,
    wait_for_list: WaitForList,
) -> None:
    now = datetime.now(UTC)
    for headline, age in (("Today", 0), ("Ten days ago", 10), ("Two months ago", 60)):
        dated = Store.open(store_path, clock=lambda age=age: now - timedelta(days=age))
        dated.create_article(ArticleContent(headline=headline))
        dated.close()
    window = make_window()
    bar = window.list_pane.filter_bar
    for choice, expected in (
        (DateRange.TODAY, ["Today"]),
        (DateRange.LAST_7_DAYS, ["Today"]),
        (DateRange.LAST_30_DAYS, ["Today", "Ten days ago"]),
        (DateRange.ANY, ["Today", "Ten days ago", "Two months ago"]),
    ):
        choose(qtbot, bar.date_combo, choice.value)
        wait_for_list(window)
        assert headlines(window) == expected, choice

    today = datetime.now().astimezone().date()
    prompts.dates = (today - timedelta(days=15), today - timedelta(days=5))
    bar.choose_dates(DateRange.CUSTOM)
    wait_for_list(window)
    assert headlines(window) == ["Ten days ago"]
    assert prompts.date_questions == [(today - timedelta(days=6), today)]
    assert bar.date_combo.currentText() == (
        f"{today - timedelta(days=15):%Y-%m-%d} – {today - timedelta(days=5):%Y-%m-%d}"
    )

    prompts.dates = None  # cancelled: the custom range stays
    bar.choose_dates(DateRange.CUSTOM)
    assert prompts.date_questions[-1] == (today - timedelta(days=15), today - timedelta(days=5))
    assert not window.model.is_loading
    assert headlines(window) == ["Ten days ago"]


def test_ctrl_f_escape_and_down_reach_everything_from_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, korean_desk: Store, commit_text: CommitText, focus: Focus
) -> None:
    window = make_window()
    body = window.editor.body_edit
    focus(body)
    QTest.keyClick(body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    edit = search_edit(window)
    assert edit.hasFocus()
    commit_text(edit, "정부")
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "" and edit.hasFocus()
    QTest.keyClick(edit, Qt.Key.Key_Escape)  # nothing left to clear: back to the list
    assert window.list_view.hasFocus()

    search(qtbot, window, commit_text, "데이터")
    QTest.keyClick(edit, Qt.Key.Key_Down)
    assert window.list_view.hasFocus()
    assert window.list_view.currentIndex().row() == 0
    assert window.autosaver.article_id == window.model.article_id(0)
    QTest.keyClick(window.list_view, Qt.Key.Key_Return)  # and on into the editor
    assert QApplication.focusWidget() is body


def test_find_is_in_the_view_menu(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    view_menu = window.findChild(QMenu, "viewMenu")
    assert view_menu is not None and window.commands.find in view_menu.actions()
    assert window.commands.find.shortcut().toString() == "Ctrl+F"
    window.commands.find.trigger()
    qtbot.waitUntil(search_edit(window).hasFocus)


@pytest.mark.parametrize("status", list(Status))
def test_status_is_drawn_as_a_coloured_badge(
    make_window: MakeWindow, store: Store, status: Status
) -> None:
    store.create_article(ArticleContent(headline="Badge", status=status))
    window = make_window()
    view = window.list_view
    index = window.model.index(0, STATUS)
    assert window.model.data(index) == status_labels()[status]
    delegate = view.itemDelegateForColumn(STATUS)
    assert isinstance(delegate, StatusBadgeDelegate)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.fontMetrics = view.fontMetrics()
    badge = delegate.badge_rect(option, window.model.data(index))
    image = view.viewport().grab().toImage()
    # Left of the centred label, inside the rounded end: the badge's own colour.
    colour = image.pixelColor(badge.left() + 3, badge.center().y())
    assert colour.name() == BADGE_COLOURS[status][0]


def test_status_labels_follow_the_ui_language(qtbot: QtBot) -> None:
    english = status_labels()
    assert english[Status.DRAFT] == "Draft" and english[Status.READY] == "Ready"
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        korean = status_labels()
    finally:
        QLocale.setDefault(previous)
    assert [korean[status] for status in Status] == ["초고", "데스킹", "출고 대기", "출고"]

    class Translator(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return f"[{source}]" if context == "StatusBadge" else ""

    translator = Translator()
    QCoreApplication.installTranslator(translator)
    try:
        translated = status_labels()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert translated[Status.DESK] == "[Desk]"  # a translation file, when there is one, wins


def test_the_custom_date_dialog_keeps_the_range_in_order(qtbot: QtBot) -> None:
    first, last = date(2026, 3, 1), date(2026, 3, 19)
    dialog = DateRangeDialog(first, last)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == (first, last)
    dialog.first_edit.setDate(QDate(2026, 3, 25))  # after the last day: the last day follows
    assert dialog.chosen() == (date(2026, 3, 25), date(2026, 3, 25))
