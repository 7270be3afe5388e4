"""The main window on a real store: typing, autosave, switching, session, start-up choices."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent, ArticleId, ListQuery
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.articlelistmodel import HEADLINE
from deskeditor.ui.mainwindow import MainWindow

LOAD_TIMEOUT_MS = 20_000
NEVER_MS = 3_600_000  # an autosave delay long enough that only explicit saves happen

MakeWindow = Callable[..., MainWindow]
CommitText = Callable[[QWidget, str], None]
Focus = Callable[[QWidget], None]
ChooseRow = Callable[[MainWindow, int], None]


def list_headline(window: MainWindow, row: int) -> Any:
    return window.model.data(window.model.index(row, HEADLINE))


def test_objects_carry_the_contract_names(make_window: MakeWindow, store: Store) -> None:
    store.create_article()
    window = make_window()
    for name in ("articleList", "sectionEdit", "headlineEdit", "subheadEdit", "bylineEdit"):
        assert window.findChild(QWidget, name) is not None, name
    assert window.findChild(QWidget, "bodyEdit") is window.editor.body_edit
    assert window.findChild(QWidget, "previewView") is window.preview


def test_empty_store_shows_how_to_start(make_window: MakeWindow, store: Store) -> None:
    window = make_window()
    assert window.middle.currentWidget() is window.empty_state
    assert "Ctrl+N" in window.empty_state.message.text()
    assert not window.commands.save.isEnabled()
    assert not window.commands.delete.isEnabled()
    window.empty_state.button.click()
    assert len(store.article_ids()) == 1
    assert window.middle.currentWidget() is window.editor
    assert window.commands.export.isEnabled()


def test_ctrl_n_creates_an_article_and_puts_the_cursor_in_the_headline(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    store.create_article(ArticleContent(headline="Older"))
    window = make_window()
    focus(window.list_view)
    QTest.keyClick(window.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.editor.headline_edit.hasFocus)
    assert len(store.article_ids()) == 2
    new_id = store.article_ids()[0]
    assert window.autosaver.article_id == new_id
    assert window.list_view.currentIndex().row() == 0
    assert list_headline(window, 0) == "Untitled"


def test_enter_moves_from_headline_to_subhead_to_body(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    store.create_article()
    window = make_window()
    editor = window.editor
    focus(editor.headline_edit)
    QTest.keyClick(editor.headline_edit, Qt.Key.Key_Return)
    assert editor.subhead_edit.hasFocus()
    QTest.keyClick(editor.subhead_edit, Qt.Key.Key_Return)
    assert editor.body_edit.hasFocus()


def test_tab_order_runs_list_section_headline_subhead_byline_body(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    store.create_article()
    window = make_window()
    editor = window.editor
    focus(window.list_view)
    expected = [
        editor.section_edit,
        editor.headline_edit,
        editor.subhead_edit,
        editor.byline_edit,
        editor.body_edit,
    ]
    for widget in expected:
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_typing_a_headline_updates_the_list_after_autosave(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    article = store.create_article()
    window = make_window()
    focus(window.editor.headline_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, "Budget passes")
    assert store.get_article(article.id).content.headline == "Budget passes"
    assert list_headline(window, 0) == "Budget passes"
    assert window.windowTitle() == "Budget passes"
    assert "Saved" in window.status.save_label.text()


def test_hangul_from_an_input_method_reaches_the_store(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, commit_text: CommitText
) -> None:
    article = store.create_article()
    window = make_window()
    editor = window.editor
    focus(editor.headline_edit)
    commit_text(editor.headline_edit, "국회 예산안 통과")
    focus(editor.body_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        commit_text(editor.body_edit, "여야가 합의했다.")
    stored = store.get_article(article.id).content
    assert stored.headline == "국회 예산안 통과"
    assert "여야가 합의했다." in stored.body


def test_typing_in_the_body_changes_the_preview(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, commit_text: CommitText
) -> None:
    store.create_article(ArticleContent(headline="Preview test"))
    window = make_window()
    with qtbot.waitSignal(window.preview.page_shown, timeout=LOAD_TIMEOUT_MS):
        window.preview_updater.refresh_now()  # the page as opened, before typing
    focus(window.editor.body_edit)
    with qtbot.waitSignal(window.preview.page_shown, timeout=LOAD_TIMEOUT_MS):
        commit_text(window.editor.body_edit, "미리보기 본문")
    with qtbot.waitCallback(timeout=LOAD_TIMEOUT_MS) as callback:
        window.preview.page().toHtml(callback)
    html = callback.args[0]
    assert "미리보기 본문" in html
    assert "Preview test" in html


def test_status_bar_counts_body_characters(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, commit_text: CommitText
) -> None:
    store.create_article()
    window = make_window()
    focus(window.editor.body_edit)
    commit_text(window.editor.body_edit, "가 나다")
    # Counts are coalesced off the keystroke path, so they arrive a moment later.
    qtbot.waitUntil(lambda: window.status.counts_label.text() == "4 characters (3 without spaces)")


def test_switching_articles_saves_at_once(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, choose_row: ChooseRow
) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    second = store.create_article(ArticleContent(headline="Second"))
    window = make_window(autosave_ms=NEVER_MS)
    assert window.autosaver.article_id == second.id
    focus(window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, " edited")
    choose_row(window, 1)  # "First"
    assert store.get_article(second.id).content.headline == "Second edited"
    assert window.autosaver.article_id == first.id
    assert window.editor.headline_edit.text() == "First"


def test_the_open_article_stays_selected_when_its_save_moves_it_to_the_top(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, choose_row: ChooseRow
) -> None:
    oldest = store.create_article(ArticleContent(headline="Oldest"))
    store.create_article(ArticleContent(headline="Middle"))
    store.create_article(ArticleContent(headline="Newest"))
    window = make_window()
    choose_row(window, 2)
    assert window.autosaver.article_id == oldest.id
    focus(window.editor.headline_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, "!")
    assert window.model.article_id(0) == oldest.id
    assert window.list_view.currentIndex().row() == 0
    assert window.autosaver.article_id == oldest.id
    assert window.editor.headline_edit.text() == "Oldest!"


def test_ctrl_s_saves_at_once(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, "Saved by hand")
    assert store.get_article(article.id).content.headline == ""
    QTest.keyClick(window.editor.headline_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.get_article(article.id).content.headline == "Saved by hand"


def test_closing_the_window_saves(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus, commit_text: CommitText
) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(window.editor.body_edit)
    commit_text(window.editor.body_edit, "마지막 문장")
    window.close()
    assert "마지막 문장" in store.get_article(article.id).content.body


def test_focus_moving_to_another_window_saves(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, "Before the lid closes")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: store.get_article(article.id).content.headline != "")
    assert store.get_article(article.id).content.headline == "Before the lid closes"


def test_session_state_is_restored_by_the_next_window(
    qtbot: QtBot, make_window: MakeWindow, store: Store, session_file: Path, choose_row: ChooseRow
) -> None:
    older = store.create_article(ArticleContent(headline="Older"))
    store.create_article(ArticleContent(headline="Newer"))
    first = make_window()
    # Smaller than the offscreen screen (800x600), which restoreGeometry clamps to.
    first.resize(720, 540)
    first.splitter.setSizes([150, 330, 200])
    size = first.size()
    sizes = first.splitter.sizes()
    choose_row(first, 1)
    first.close()
    assert session_file.exists()

    second = make_window()
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert second.autosaver.article_id == older.id
    assert second.list_view.currentIndex().row() == 1


def test_a_hidden_preview_stays_hidden_next_time(qtbot: QtBot, make_window: MakeWindow) -> None:
    first = make_window()
    first.commands.toggle_preview.trigger()
    first.close()
    second = make_window()
    assert not second.commands.toggle_preview.isChecked()
    assert not second.preview.isVisible()
    second.commands.toggle_preview.trigger()
    assert second.preview.isVisible()
    qtbot.waitUntil(lambda: second.preview.width() > 100)


def test_open_argument_wins_over_the_session(make_window: MakeWindow, store: Store) -> None:
    wanted = store.create_article(ArticleContent(headline="Wanted"))
    store.create_article(ArticleContent(headline="Newest"))
    window = make_window(open_article=wanted.id)
    assert window.autosaver.article_id == wanted.id
    assert window.editor.headline_edit.text() == "Wanted"


def test_unknown_open_argument_falls_back_to_the_newest(
    make_window: MakeWindow, store: Store
) -> None:
    newest = store.create_article(ArticleContent(headline="Newest"))
    window = make_window(open_article=ArticleId(999))
    assert window.autosaver.article_id == newest.id
    assert "999" in window.status.currentMessage()


@pytest.fixture
def slow_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold every id-list read on the worker until the test sets the event (a big store)."""
    release = threading.Event()
    read = operations.article_ids

    def held(store: Store, query: ListQuery | None = None) -> list[ArticleId]:
        release.wait(30)
        return read(store, query)

    monkeypatch.setattr(operations, "article_ids", held)
    yield release
    release.set()  # never leave the worker waiting


def test_a_slow_list_does_not_hold_the_window_back(
    qtbot: QtBot, make_window: MakeWindow, store: Store, slow_list: threading.Event
) -> None:
    store.create_article(ArticleContent(headline="Older"))
    newest = store.create_article(ArticleContent(headline="Newest"))
    window = make_window(listed=False)
    assert window.model.is_loading and window.model.rowCount() == 0
    assert window.middle.currentWidget() is window.waiting  # not "No articles yet"
    slow_list.set()
    qtbot.waitUntil(lambda: window.autosaver.article_id == newest.id)
    assert window.model.rowCount() == 2
    assert window.list_view.currentIndex().row() == 0


def test_a_named_article_opens_before_a_slow_list(
    qtbot: QtBot, make_window: MakeWindow, store: Store, slow_list: threading.Event
) -> None:
    wanted = store.create_article(ArticleContent(headline="Wanted"))
    store.create_article(ArticleContent(headline="Newest"))
    gone = store.create_article(ArticleContent(headline="Deleted"))
    store.delete_article(gone.id)
    window = make_window(open_article=wanted.id, listed=False)
    assert window.model.is_loading
    assert window.editor.headline_edit.text() == "Wanted"
    slow_list.set()
    qtbot.waitUntil(lambda: not window.model.is_loading)
    assert window.autosaver.article_id == wanted.id  # the list does not open another
    assert window.list_view.currentIndex().row() == 1
    window.close()

    slow_list.clear()
    other = make_window(
        open_article=gone.id, listed=False
    )  # in the Trash: the session's article instead
    assert other.model.is_loading
    assert other.editor.headline_edit.text() == "Wanted"
