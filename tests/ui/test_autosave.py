"""Autosaver: saves within a second, at once on demand; failures are kept and retried."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent
from deskeditor.core.store import Store
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.autosave import DEBOUNCE_MS, Autosaver


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "stores" / "store.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    store = Store.open(store_path)
    yield store
    store.close()


@pytest.fixture
def editor(qtbot: QtBot) -> ArticleEditor:
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def autosaver_on(
    editor: ArticleEditor, store: Store, **options: int
) -> tuple[Autosaver, ArticleContent]:
    article = store.create_article(ArticleContent(headline="Start"))
    editor.load(article)
    saver = Autosaver(store, editor.content, parent=editor, **options)
    saver.track(article.id)
    editor.content_changed.connect(saver.note_change)
    return saver, article.content


def test_an_edit_is_stored_within_a_second_of_the_last_keystroke(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    saver, _ = autosaver_on(editor, store)
    editor.headline_edit.setFocus()
    QTest.keyClicks(editor.headline_edit, " of the day")
    last_keystroke = time.monotonic()
    with qtbot.waitSignal(saver.article_saved, timeout=1000) as saved:
        pass
    assert time.monotonic() - last_keystroke < 1.0
    assert DEBOUNCE_MS < 1000
    article = saved.args[0]
    assert article.content.headline == "Start of the day"
    assert store.get_article(article.id).content.headline == "Start of the day"


def test_a_burst_of_edits_is_written_once(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    saver, _ = autosaver_on(editor, store)
    saves: list[object] = []
    saver.article_saved.connect(saves.append)
    editor.headline_edit.setFocus()
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        QTest.keyClicks(editor.headline_edit, " and more words")
    assert len(saves) == 1
    assert not saver.is_dirty


def test_save_now_writes_at_once_and_an_unchanged_article_is_not_touched(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    saver, _ = autosaver_on(editor, store, debounce_ms=3_600_000)
    article_id = saver.article_id
    assert article_id is not None
    before = store.get_article(article_id)
    assert saver.save_now(force=True)  # opening and saving changes nothing
    assert store.get_article(article_id).updated_at == before.updated_at

    QTest.keyClicks(editor.byline_edit, "Kim")
    assert saver.is_dirty
    assert saver.save_now()
    assert store.get_article(article_id).content.byline == "Kim"
    assert not saver.is_dirty


def test_typing_and_undoing_writes_nothing(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    saver, _ = autosaver_on(editor, store, debounce_ms=3_600_000)
    with qtbot.assertNotEmitted(saver.article_saved):
        QTest.keyClicks(editor.headline_edit, "x")
        QTest.keyClick(editor.headline_edit, Qt.Key.Key_Backspace)
        assert saver.save_now()


def test_the_application_going_to_the_background_saves(
    qtbot: QtBot, editor: ArticleEditor, store: Store, qapp: QGuiApplication
) -> None:
    saver, _ = autosaver_on(editor, store, debounce_ms=3_600_000)
    saver.watch_application(qapp)
    QTest.keyClicks(editor.subhead_edit, "Late edit")
    with qtbot.waitSignal(saver.article_saved, timeout=1000):
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    saver.stop()
    assert saver.article_id is not None
    assert store.get_article(saver.article_id).content.subhead == "Late edit"


def test_tracking_nothing_ignores_edits(qtbot: QtBot, editor: ArticleEditor, store: Store) -> None:
    saver, _ = autosaver_on(editor, store)
    saver.track(None)
    with qtbot.assertNotEmitted(saver.article_saved, wait=DEBOUNCE_MS + 200):
        QTest.keyClicks(editor.headline_edit, "ignored")
    assert not saver.is_dirty
    assert saver.save_now(force=True)


def test_a_failed_save_is_reported_kept_and_retried(
    qtbot: QtBot, editor: ArticleEditor, store: Store, store_path: Path
) -> None:
    saver, _ = autosaver_on(editor, store, retry_ms=200)
    article_id = saver.article_id
    assert article_id is not None
    # A real failure, for root too: no connection left, and a file where the folder was.
    folder = store_path.parent
    store.engine.dispose()
    moved = folder.with_name("moved-away")
    folder.rename(moved)
    folder.write_text("not a folder")

    with qtbot.waitSignal(saver.save_failed, timeout=2000) as failed:
        QTest.keyClicks(editor.headline_edit, " - kept")
    assert "Cannot save the article" in failed.args[0]
    assert saver.is_dirty and saver.is_failing
    assert editor.headline_edit.text() == "Start - kept"

    folder.unlink()
    shutil.move(moved, folder)
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        pass  # retried by the timer, without another keystroke
    assert not saver.is_failing
    assert store.get_article(article_id).content.headline == "Start - kept"
