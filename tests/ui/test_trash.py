"""The Trash in the window: listing deleted articles, reading them, restoring, emptying."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMenu, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent, ArticleId, ListQuery
from deskeditor.core.store import Store
from deskeditor.ui.articlelistmodel import HEADLINE
from deskeditor.ui.mainwindow import MainWindow

LOAD_TIMEOUT_MS = 20_000

MakeWindow = Callable[..., MainWindow]
CommitText = Callable[[QWidget, str], None]
Focus = Callable[[QWidget], None]
ChooseRow = Callable[[MainWindow, int], None]
WaitForList = Callable[[MainWindow], None]


def headlines(window: MainWindow) -> list[Any]:
    model = window.model
    return [model.data(model.index(row, HEADLINE)) for row in range(model.rowCount())]


def button(window: MainWindow, name: str) -> QToolButton:
    found = window.findChild(QToolButton, name)
    assert found is not None, name
    return found


def open_trash(window: MainWindow, wait_for_list: WaitForList) -> None:
    button(window, "trashButton").click()
    wait_for_list(window)
    assert window.list_pane.in_trash


def deleted_desk(store: Store) -> tuple[ArticleId, ArticleId, ArticleId]:
    """One live article and two in the Trash (the older deleted first)."""
    live = store.create_article(ArticleContent(headline="Still here"))
    old = store.create_article(ArticleContent(headline="Old draft", body="지난 초고"))
    spiked = store.create_article(ArticleContent(headline="Spiked story", body="**정부** 발표"))
    store.delete_article(old.id)
    store.delete_article(spiked.id)
    return live.id, old.id, spiked.id


def test_the_trash_lists_deleted_articles_and_opens_none_for_editing(
    qtbot: QtBot, make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    live, old, spiked = deleted_desk(store)
    window = make_window()
    assert headlines(window) == ["Still here"]
    open_trash(window, wait_for_list)
    assert sorted(headlines(window)) == ["Old draft", "Spiked story"]
    assert window.commands.show_trash.isChecked()
    assert window.middle.currentWidget() is window.trash_view
    assert window.autosaver.article_id is None  # nothing is edited (or autosaved) in the Trash
    for action in (window.commands.save, window.commands.export, window.commands.delete):
        assert not action.isEnabled()
    assert not window.commands.restore.isEnabled()  # until a deleted article is chosen
    assert window.windowTitle() == "Trash"
    assert "2 in the Trash" in window.list_pane.count_label.text()
    assert button(window, "restoreButton").isVisible()
    assert button(window, "emptyTrashButton").isVisible()


def test_an_empty_trash_says_so(
    make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    store.create_article(ArticleContent(headline="Live"))
    window = make_window()
    open_trash(window, wait_for_list)
    assert window.model.rowCount() == 0
    assert window.trash_view.message.text() == "The Trash is empty."


def test_a_deleted_article_is_shown_read_only_in_the_preview(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    wait_for_list: WaitForList,
    choose_row: ChooseRow,
) -> None:
    _live, _old, spiked = deleted_desk(store)
    window = make_window()
    open_trash(window, wait_for_list)
    row = window.model.row_of(spiked)
    assert row is not None
    with qtbot.waitSignal(window.preview.page_shown, timeout=LOAD_TIMEOUT_MS):
        choose_row(window, row)
    assert window.trash_view.article is not None
    assert window.trash_view.title.text() == "Spiked story"
    assert "read-only" in window.trash_view.message.text()
    assert window.middle.currentWidget() is window.trash_view  # no editor for it
    assert window.commands.restore.isEnabled()
    with qtbot.waitCallback(timeout=LOAD_TIMEOUT_MS) as callback:
        window.preview.page().toHtml(callback)
    assert "Spiked story" in callback.args[0]
    assert "<strong>정부</strong>" in callback.args[0]
    assert store.get_article(spiked).is_deleted  # reading it changed nothing


def test_restore_brings_the_article_back(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    wait_for_list: WaitForList,
    choose_row: ChooseRow,
) -> None:
    _live, old, spiked = deleted_desk(store)
    window = make_window()
    open_trash(window, wait_for_list)
    choose_row(window, window.model.row_of(spiked) or 0)
    QTest.keyClick(
        window.list_view,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not store.get_article(spiked).is_deleted
    assert headlines(window) == ["Old draft"]
    assert "back in the article list" in window.status.currentMessage()
    # The neighbour in the Trash is shown next; the Restore button restores it too.
    assert window.trash_view.article is not None and window.trash_view.article.id == old
    window.trash_view.restore_button.click()
    assert not store.get_article(old).is_deleted
    assert window.model.rowCount() == 0
    assert window.trash_view.message.text() == "The Trash is empty."
    assert not window.commands.restore.isEnabled()

    window.commands.show_trash.trigger()  # View → Trash, off again
    wait_for_list(window)
    assert sorted(headlines(window)) == ["Old draft", "Spiked story", "Still here"]


def test_empty_trash_removes_for_good_only_after_confirmation(
    qtbot: QtBot, make_window: MakeWindow, store: Store, prompts: Any, wait_for_list: WaitForList
) -> None:
    live, old, spiked = deleted_desk(store)
    window = make_window()
    open_trash(window, wait_for_list)

    prompts.empty_answer = False
    button(window, "emptyTrashButton").click()
    assert prompts.empty_questions == [2]
    assert store.article_ids(ListQuery(deleted=True)) != []
    assert window.model.rowCount() == 2

    prompts.empty_answer = True
    window.commands.empty_trash.trigger()
    assert prompts.empty_questions == [2, 2]
    assert store.article_ids(ListQuery(deleted=True)) == []
    assert window.model.rowCount() == 0
    assert store.article_ids() == [live]
    assert "2 article(s) removed for good" in window.status.currentMessage()

    window.commands.empty_trash.trigger()  # nothing left: nothing to ask
    assert prompts.empty_questions == [2, 2]


def test_leaving_the_trash_reopens_the_article_that_was_open(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    wait_for_list: WaitForList,
    focus: Focus,
    commit_text: CommitText,
) -> None:
    live, _old, _spiked = deleted_desk(store)
    window = make_window(autosave_ms=3_600_000)
    focus(window.editor.headline_edit)
    commit_text(window.editor.headline_edit, " (수정)")
    open_trash(window, wait_for_list)  # saves first
    assert store.get_article(live).content.headline == "Still here (수정)"
    button(window, "trashButton").click()
    wait_for_list(window)
    assert not window.list_pane.in_trash
    assert window.autosaver.article_id == live
    assert window.middle.currentWidget() is window.editor
    assert window.list_view.currentIndex().row() == 0
    assert window.commands.delete.isEnabled()


def test_a_new_article_leaves_the_trash(
    qtbot: QtBot, make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    deleted_desk(store)
    window = make_window()
    open_trash(window, wait_for_list)
    window.commands.new.trigger()
    wait_for_list(window)
    assert not window.list_pane.in_trash
    assert not window.commands.show_trash.isChecked()
    assert window.middle.currentWidget() is window.editor
    # Its row is read again on the worker (the list's rows predate it) and filled in.
    qtbot.waitUntil(lambda: headlines(window)[0] == "Untitled")
    assert len(store.article_ids()) == 2


def test_searching_the_trash_finds_deleted_articles_only(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    wait_for_list: WaitForList,
    commit_text: CommitText,
) -> None:
    deleted_desk(store)
    store.create_article(ArticleContent(headline="정부 발표 (live)"))
    window = make_window()
    open_trash(window, wait_for_list)
    edit = window.findChild(QLineEdit, "searchEdit")
    assert edit is not None
    edit.setFocus()
    commit_text(edit, "정부")
    qtbot.waitUntil(lambda: window.model.query.text == "정부" and not window.model.is_loading)
    assert headlines(window) == ["Spiked story"]


def test_trash_is_in_the_view_menu_and_restore_in_the_file_menu(make_window: MakeWindow) -> None:
    window = make_window()
    view_menu = window.findChild(QMenu, "viewMenu")
    file_menu = window.findChild(QMenu, "fileMenu")
    assert view_menu is not None and file_menu is not None
    assert window.commands.show_trash in view_menu.actions()
    assert window.commands.restore in file_menu.actions()
    assert window.commands.empty_trash in file_menu.actions()
    assert window.commands.restore.shortcut().toString() == "Ctrl+Shift+R"


def test_closing_in_the_trash_remembers_the_live_article(
    make_window: MakeWindow, store: Store, wait_for_list: WaitForList
) -> None:
    live, _old, _spiked = deleted_desk(store)
    newer = store.create_article(ArticleContent(headline="Newer"))
    first = make_window(open_article=live)
    open_trash(first, wait_for_list)
    first.close()
    second = make_window()
    assert second.autosaver.article_id == live
    assert newer.id != live
