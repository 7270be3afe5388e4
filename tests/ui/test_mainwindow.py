"""The main window on a real store: typing, autosave, switching, session, delete, export."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from deskeditor import paths
from deskeditor.core.export import export_article_html
from deskeditor.core.models import ArticleContent, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.articlelistmodel import HEADLINE
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.sessionstate import SessionState, session_settings

LOAD_TIMEOUT_MS = 20_000  # the first QtWebEngine start on a busy machine is slow
NEVER_MS = 3_600_000  # an autosave delay long enough that only explicit saves happen


class AnsweringPrompts(Prompts):
    """Answers the window's questions without showing dialogs, and remembers warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.delete_answer = True
        self.delete_questions: list[str] = []
        self.export_to: Path | None = None
        self.warnings: list[str] = []

    def confirm_delete(self, parent: QWidget, headline: str) -> bool:
        self.delete_questions.append(headline)
        return self.delete_answer

    def export_path(self, parent: QWidget, suggested: Path) -> Path | None:
        return self.export_to

    def warn(self, parent: QWidget, title: str, message: str) -> None:
        self.warnings.append(message)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "stores" / "store.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    store = Store.open(store_path)
    yield store
    store.close()


@pytest.fixture
def prompts() -> AnsweringPrompts:
    return AnsweringPrompts()


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    return tmp_path / "session.ini"


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, prompts: AnsweringPrompts, session_file: Path
) -> Iterator[MakeWindow]:
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    windows: list[MainWindow] = []

    def make(**options: Any) -> MainWindow:
        window = MainWindow(
            store,
            renderer,
            SessionState(session_settings(session_file)),
            prompts=prompts,
            **options,
        )
        windows.append(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)  # window shortcuts need the active window
        return window

    yield make
    for window in windows:
        # Delete inside this test's event loop, so no WebEngine page outlives it.
        window.close()
        with qtbot.waitSignal(window.destroyed, timeout=LOAD_TIMEOUT_MS):
            window.deleteLater()


def commit_text(widget: QWidget, text: str) -> None:
    """Type text as an input method does (QTest.keyClicks cannot send Hangul)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def select_row(window: MainWindow, row: int) -> None:
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    window.list_view.selectionModel().setCurrentIndex(window.model.index(row, 0), flags)


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
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article(ArticleContent(headline="Older"))
    window = make_window()
    focus(qtbot, window.list_view)
    QTest.keyClick(window.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.editor.headline_edit.hasFocus)
    assert len(store.article_ids()) == 2
    new_id = store.article_ids()[0]
    assert window.autosaver.article_id == new_id
    assert window.list_view.currentIndex().row() == 0
    assert list_headline(window, 0) == "Untitled"


def test_enter_moves_from_headline_to_subhead_to_body(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article()
    window = make_window()
    editor = window.editor
    focus(qtbot, editor.headline_edit)
    QTest.keyClick(editor.headline_edit, Qt.Key.Key_Return)
    assert editor.subhead_edit.hasFocus()
    QTest.keyClick(editor.subhead_edit, Qt.Key.Key_Return)
    assert editor.body_edit.hasFocus()


def test_tab_order_runs_list_section_headline_subhead_byline_body(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article()
    window = make_window()
    editor = window.editor
    focus(qtbot, window.list_view)
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
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    article = store.create_article()
    window = make_window()
    focus(qtbot, window.editor.headline_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, "Budget passes")
    assert store.get_article(article.id).content.headline == "Budget passes"
    assert list_headline(window, 0) == "Budget passes"
    assert window.windowTitle() == "Budget passes"
    assert "Saved" in window.status.save_label.text()


def test_hangul_from_an_input_method_reaches_the_store(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    article = store.create_article()
    window = make_window()
    editor = window.editor
    focus(qtbot, editor.headline_edit)
    commit_text(editor.headline_edit, "국회 예산안 통과")
    focus(qtbot, editor.body_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        commit_text(editor.body_edit, "여야가 합의했다.")
    stored = store.get_article(article.id).content
    assert stored.headline == "국회 예산안 통과"
    assert "여야가 합의했다." in stored.body


def test_typing_in_the_body_changes_the_preview(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article(ArticleContent(headline="Preview test"))
    window = make_window()
    with qtbot.waitSignal(window.preview.page_shown, timeout=LOAD_TIMEOUT_MS):
        window.preview_updater.refresh_now()  # the page as opened, before typing
    focus(qtbot, window.editor.body_edit)
    with qtbot.waitSignal(window.preview.page_shown, timeout=LOAD_TIMEOUT_MS):
        commit_text(window.editor.body_edit, "미리보기 본문")
    with qtbot.waitCallback(timeout=LOAD_TIMEOUT_MS) as callback:
        window.preview.page().toHtml(callback)
    html = callback.args[0]
    assert "미리보기 본문" in html
    assert "Preview test" in html


def test_status_bar_counts_body_characters(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article()
    window = make_window()
    focus(qtbot, window.editor.body_edit)
    commit_text(window.editor.body_edit, "가 나다")
    assert window.status.counts_label.text() == "4 characters (3 without spaces)"


def test_switching_articles_saves_at_once(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    first = store.create_article(ArticleContent(headline="First"))
    second = store.create_article(ArticleContent(headline="Second"))
    window = make_window(autosave_ms=NEVER_MS)
    assert window.autosaver.article_id == second.id
    focus(qtbot, window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, " edited")
    select_row(window, 1)  # "First"
    assert store.get_article(second.id).content.headline == "Second edited"
    assert window.autosaver.article_id == first.id
    assert window.editor.headline_edit.text() == "First"


def test_the_open_article_stays_selected_when_its_save_moves_it_to_the_top(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    oldest = store.create_article(ArticleContent(headline="Oldest"))
    store.create_article(ArticleContent(headline="Middle"))
    store.create_article(ArticleContent(headline="Newest"))
    window = make_window()
    select_row(window, 2)
    assert window.autosaver.article_id == oldest.id
    focus(qtbot, window.editor.headline_edit)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, "!")
    assert window.model.article_id(0) == oldest.id
    assert window.list_view.currentIndex().row() == 0
    assert window.autosaver.article_id == oldest.id
    assert window.editor.headline_edit.text() == "Oldest!"


def test_ctrl_s_saves_at_once(qtbot: QtBot, make_window: MakeWindow, store: Store) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(qtbot, window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, "Saved by hand")
    assert store.get_article(article.id).content.headline == ""
    QTest.keyClick(window.editor.headline_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.get_article(article.id).content.headline == "Saved by hand"


def test_closing_the_window_saves(qtbot: QtBot, make_window: MakeWindow, store: Store) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(qtbot, window.editor.body_edit)
    commit_text(window.editor.body_edit, "마지막 문장")
    window.close()
    assert "마지막 문장" in store.get_article(article.id).content.body


def test_focus_moving_to_another_window_saves(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    article = store.create_article()
    window = make_window(autosave_ms=NEVER_MS)
    focus(qtbot, window.editor.headline_edit)
    QTest.keyClicks(window.editor.headline_edit, "Before the lid closes")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: store.get_article(article.id).content.headline != "")
    assert store.get_article(article.id).content.headline == "Before the lid closes"


def test_session_state_is_restored_by_the_next_window(
    qtbot: QtBot, make_window: MakeWindow, store: Store, session_file: Path
) -> None:
    older = store.create_article(ArticleContent(headline="Older"))
    store.create_article(ArticleContent(headline="Newer"))
    first = make_window()
    # Smaller than the offscreen screen (800x600), which restoreGeometry clamps to.
    first.resize(720, 540)
    first.splitter.setSizes([150, 330, 200])
    size = first.size()
    sizes = first.splitter.sizes()
    select_row(first, 1)
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


def test_delete_asks_first_and_only_marks_the_article_deleted(
    qtbot: QtBot, make_window: MakeWindow, store: Store, prompts: AnsweringPrompts
) -> None:
    kept = store.create_article(ArticleContent(headline="Kept"))
    doomed = store.create_article(ArticleContent(headline="Doomed"))
    window = make_window()
    focus(qtbot, window.list_view)

    prompts.delete_answer = False
    QTest.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert prompts.delete_questions == ["Doomed"]
    assert window.model.rowCount() == 2

    prompts.delete_answer = True
    QTest.keyClick(window.list_view, Qt.Key.Key_Delete)
    assert window.model.rowCount() == 1
    assert store.get_article(doomed.id).is_deleted  # the row is still in the database
    assert store.article_ids(deleted=True) == [doomed.id]
    assert window.autosaver.article_id == kept.id
    assert window.list_view.currentIndex().row() == 0


def test_delete_key_in_a_text_field_deletes_text_not_the_article(
    qtbot: QtBot, make_window: MakeWindow, store: Store, prompts: AnsweringPrompts
) -> None:
    store.create_article(ArticleContent(headline="Keep me"))
    window = make_window()
    headline = window.editor.headline_edit
    focus(qtbot, headline)
    headline.setCursorPosition(0)
    QTest.keyClick(headline, Qt.Key.Key_Delete)
    assert headline.text() == "eep me"
    assert prompts.delete_questions == []


def test_deleting_the_last_article_shows_the_empty_state(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article(ArticleContent(headline="Alone"))
    window = make_window()
    window.commands.delete.trigger()
    assert window.model.rowCount() == 0
    assert window.middle.currentWidget() is window.empty_state
    assert window.autosaver.article_id is None


def test_a_failing_save_keeps_the_text_says_so_and_retries(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    store_path: Path,
    prompts: AnsweringPrompts,
) -> None:
    article = store.create_article()
    window = make_window()
    focus(qtbot, window.editor.headline_edit)
    # Make the store really unwritable, for root too: close its connections and put a
    # plain file where its folder was, so SQLite cannot open the database again.
    folder = store_path.parent
    store.engine.dispose()
    moved = folder.with_name("moved-away")
    folder.rename(moved)
    folder.write_text("not a folder")

    with qtbot.waitSignal(window.autosaver.save_failed, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, "Important")
    assert window.editor.headline_edit.text() == "Important"
    assert "Not saved" in window.status.save_label.text()
    assert "c00000" in window.status.save_label.styleSheet()
    assert len(prompts.warnings) == 1

    with qtbot.waitSignal(window.autosaver.save_failed, timeout=2000):
        QTest.keyClicks(window.editor.headline_edit, " story")
    assert len(prompts.warnings) == 1  # warned once per failure streak, not per retry

    select_row(window, 0)  # switching is refused while the text is unsaved
    assert window.editor.headline_edit.text() == "Important story"

    folder.unlink()
    shutil.move(moved, folder)
    with qtbot.waitSignal(window.autosaver.article_saved, timeout=5000):
        pass  # the retry timer saves without another keystroke
    assert store.get_article(article.id).content.headline == "Important story"
    assert "Saved" in window.status.save_label.text()
    assert "c00000" not in window.status.save_label.styleSheet()


def test_export_writes_the_page_of_the_stored_article(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    prompts: AnsweringPrompts,
    tmp_path: Path,
) -> None:
    article = store.create_article(ArticleContent(headline="수출 증가", body="**반도체** 호조"))
    window = make_window(autosave_ms=NEVER_MS)
    focus(qtbot, window.editor.subhead_edit)
    commit_text(window.editor.subhead_edit, "석 달 연속")
    prompts.export_to = tmp_path / "page.html"
    QTest.keyClick(
        window.editor.subhead_edit,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    stored = store.get_article(article.id)
    assert stored.content.subhead == "석 달 연속"  # export saved first
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    written = prompts.export_to.read_bytes()
    assert written.decode("utf-8") == renderer.article_page(stored)
    reference = export_article_html(renderer, stored, tmp_path / "reference.html")
    assert written == reference.read_bytes()


def test_edit_menu_acts_on_the_focused_field(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article(ArticleContent(headline="Select me"))
    window = make_window()
    focus(qtbot, window.editor.headline_edit)
    window.commands.select_all.trigger()
    assert window.editor.headline_edit.selectedText() == "Select me"
    window.commands.cut.trigger()
    assert window.editor.headline_edit.text() == ""
    window.commands.undo.trigger()
    assert window.editor.headline_edit.text() == "Select me"


def test_format_shortcuts_and_list_shortcut_work_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.create_article()
    window = make_window()
    body = window.editor.body_edit
    focus(qtbot, body)
    QTest.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(body, "bold")
    assert "**bold**" in body.markdown()
    QTest.keyClick(body, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.list_view.hasFocus()


def test_preview_can_be_hidden_and_shown(make_window: MakeWindow, store: Store) -> None:
    store.create_article()
    window = make_window()
    assert window.preview.isVisible()
    window.commands.toggle_preview.trigger()
    assert not window.preview.isVisible()
    window.commands.toggle_preview.trigger()
    assert window.preview.isVisible()


def test_menus_offer_every_command(make_window: MakeWindow) -> None:
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "F&ormat", "&View", "&Help"]
    assert window.commands.new.shortcut().toString() == "Ctrl+N"
    assert window.commands.save.shortcut().toString() == "Ctrl+S"
    assert window.commands.export.shortcut().toString() == "Ctrl+Shift+E"
    assert window.commands.quit.shortcut().toString() == "Ctrl+Q"
    format_actions = window.editor.body_edit.format_actions()
    format_menu = window.findChild(QMenu, "formatMenu")
    assert format_menu is not None
    assert all(action in format_menu.actions() for action in format_actions)
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is not None
    on_toolbar = toolbar.actions()
    assert on_toolbar[:3] == [window.commands.new, window.commands.save, window.commands.export]
    assert all(action in on_toolbar for action in format_actions)
