"""The main window's file commands on a real store: delete, export, failing saves, menus."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from deskeditor import paths
from deskeditor.core.export import export_article_html
from deskeditor.core.models import ArticleContent
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.mainwindow import MainWindow

NEVER_MS = 3_600_000  # an autosave delay long enough that only explicit saves happen

MakeWindow = Callable[..., MainWindow]
CommitText = Callable[[QWidget, str], None]
Focus = Callable[[QWidget], None]
ChooseRow = Callable[[MainWindow, int], None]


def test_delete_asks_first_and_only_marks_the_article_deleted(
    qtbot: QtBot, make_window: MakeWindow, store: Store, prompts: Any, focus: Focus
) -> None:
    kept = store.create_article(ArticleContent(headline="Kept"))
    doomed = store.create_article(ArticleContent(headline="Doomed"))
    window = make_window()
    focus(window.list_view)

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
    qtbot: QtBot, make_window: MakeWindow, store: Store, prompts: Any, focus: Focus
) -> None:
    store.create_article(ArticleContent(headline="Keep me"))
    window = make_window()
    headline = window.editor.headline_edit
    focus(headline)
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
    prompts: Any,
    focus: Focus,
    choose_row: ChooseRow,
) -> None:
    article = store.create_article()
    window = make_window()
    focus(window.editor.headline_edit)
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

    choose_row(window, 0)  # switching is refused while the text is unsaved
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
    prompts: Any,
    tmp_path: Path,
    focus: Focus,
    commit_text: CommitText,
) -> None:
    article = store.create_article(ArticleContent(headline="수출 증가", body="**반도체** 호조"))
    window = make_window(autosave_ms=NEVER_MS)
    focus(window.editor.subhead_edit)
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
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    store.create_article(ArticleContent(headline="Select me"))
    window = make_window()
    focus(window.editor.headline_edit)
    window.commands.select_all.trigger()
    assert window.editor.headline_edit.selectedText() == "Select me"
    window.commands.cut.trigger()
    assert window.editor.headline_edit.text() == ""
    window.commands.undo.trigger()
    assert window.editor.headline_edit.text() == "Select me"


def test_format_shortcuts_and_list_shortcut_work_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, store: Store, focus: Focus
) -> None:
    store.create_article()
    window = make_window()
    body = window.editor.body_edit
    focus(body)
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
    assert titles == ["&File", "&Edit", "&Insert", "F&ormat", "&View", "&Help"]
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
