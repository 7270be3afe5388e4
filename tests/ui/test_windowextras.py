"""The window's extra tools: versions, Copy as HTML, import by drop, menus, preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from conftest import MakeWindow
from deskeditor.core.models import ArticleContent, RevisionKind
from deskeditor.core.store import Store
from deskeditor.ui import windowextras
from deskeditor.ui.preferences import AppPreferences, preferences_settings
from deskeditor.ui.transfer import file_urls


def menu_actions(window: object, name: str) -> list[str]:
    menu = window.menuBar().findChild(QMenu, name)  # type: ignore[attr-defined]
    return [action.objectName() for action in menu.actions()]


def test_menus_offer_the_extra_tools(make_window: MakeWindow, store: Store) -> None:
    store.create_article()
    window = make_window()
    assert {"importFiles", "saveVersion", "showHistory"} <= set(menu_actions(window, "fileMenu"))
    assert {"copyAsHtml", "preferences"} <= set(menu_actions(window, "editMenu"))
    view = [action.text() for action in window.menuBar().findChild(QMenu, "viewMenu").actions()]
    assert any("Markdown Source" in text for text in view)


def test_save_version_keeps_a_labelled_revision(
    make_window: MakeWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = store.create_article(ArticleContent(headline="버전", body="본문"))
    window = make_window(open_article=article.id)
    monkeypatch.setattr(windowextras, "ask_version_label", lambda parent: "송고 전")
    window.extras.save_version.trigger()
    (revision,) = store.revisions(article.id)
    assert (revision.kind, revision.label) == (RevisionKind.LABELLED, "송고 전")


def test_copy_as_html_copies_the_open_article(make_window: MakeWindow, store: Store) -> None:
    article = store.create_article(ArticleContent(headline="복사할 기사", body="**굵게**"))
    window = make_window(open_article=article.id)
    window.extras.copy_html.trigger()
    mime = QApplication.clipboard().mimeData()
    assert "<h1>복사할 기사</h1>" in mime.html()
    assert "굵게" in mime.text() and "**" not in mime.text()


def test_dropping_files_imports_and_opens_them(
    qtbot: QtBot, make_window: MakeWindow, store: Store, tmp_path: Path
) -> None:
    story = tmp_path / "story.md"
    story.write_text("# 떨어뜨린 기사\n\n본문", encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls(file_urls([story]))
    drop = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.editor.headline_edit.text() == "떨어뜨린 기사")
    assert [a.content.headline for a in store.articles(store.article_ids())] == ["떨어뜨린 기사"]


def test_new_article_takes_the_byline_from_the_reporter_profile(
    make_window: MakeWindow, store: Store, tmp_path: Path
) -> None:
    preferences = AppPreferences(preferences_settings(tmp_path / "prefs.ini"))
    preferences.set_reporter_name("홍길동")
    preferences.set_reporter_email("hong@example.com")
    window = make_window(preferences=preferences)
    window.commands.new.trigger()
    assert window.editor.byline_edit.text() == "홍길동 기자 hong@example.com"
