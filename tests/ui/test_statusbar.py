"""Status bar counts: the visible text of the body, the selection, 원고지 pages, copyfit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.models import Article, ArticleContent, ArticleId
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.countsmeter import CountsReport
from deskeditor.ui.statusbar import EditorStatusBar

MOMENT = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)
SENTENCE = "정부는 데이터센터를 짓는다."  # 15 characters, 13 without spaces, 3 words
STORY = " ".join([SENTENCE] * 40)  # 639 characters, 520 without spaces, 120 words


def commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def pane(qtbot: QtBot) -> Iterator[tuple[ArticleEditor, EditorStatusBar]]:
    """An editor and a status bar wired as the window wires them."""
    window = QWidget()
    qtbot.addWidget(window)
    editor = ArticleEditor(window)
    status = EditorStatusBar(window)
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(status)
    editor.counts_changed.connect(status.show_report)
    editor.load(Article(ArticleId(1), ArticleContent(), MOMENT, MOMENT))
    window.show()
    qtbot.waitExposed(window)
    yield editor, status  # the window stays referenced while the test runs


def type_body(qtbot: QtBot, editor: ArticleEditor, text: str) -> CountsReport:
    editor.body_edit.setFocus()
    qtbot.waitUntil(editor.body_edit.hasFocus)
    with qtbot.waitSignal(editor.counts_changed, timeout=2000) as blocker:
        commit_text(editor.body_edit, text)
    report = blocker.args[0] if blocker.args else None
    assert isinstance(report, CountsReport)
    return report


def texts(status: EditorStatusBar) -> list[str]:
    labels = (status.counts_label, status.words_label, status.pages_label, status.reading_label)
    return [label.text() for label in labels]


def test_a_korean_story_is_counted_as_the_desk_counts(
    qtbot: QtBot, pane: tuple[ArticleEditor, EditorStatusBar]
) -> None:
    editor, status = pane
    report = type_body(qtbot, editor, STORY)
    assert (report.body.chars, report.body.chars_no_spaces, report.body.words) == (639, 520, 120)
    assert report.selection is None
    assert texts(status) == [
        "639 characters (520 without spaces)",
        "120 words",
        "3.2 manuscript pages",
        "1.0 min read",
    ]
    assert not status.copyfit_label.isVisibleTo(status)


def test_the_selection_is_counted_when_there_is_one(
    qtbot: QtBot, pane: tuple[ArticleEditor, EditorStatusBar]
) -> None:
    editor, status = pane
    type_body(qtbot, editor, STORY)
    cursor = editor.body_edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len(SENTENCE), QTextCursor.MoveMode.KeepAnchor)
    with qtbot.waitSignal(editor.counts_changed, timeout=2000):
        editor.body_edit.setTextCursor(cursor)
    assert texts(status)[:2] == ["Selection: 15 characters (13 without spaces)", "3 words"]
    cursor.clearSelection()
    with qtbot.waitSignal(editor.counts_changed, timeout=2000):
        editor.body_edit.setTextCursor(cursor)
    assert texts(status)[0] == "639 characters (520 without spaces)"


def test_counts_are_of_the_text_a_reader_sees(
    qtbot: QtBot, pane: tuple[ArticleEditor, EditorStatusBar]
) -> None:
    editor, status = pane
    body = "**굵게** 쓴 [링크](https://example.com/a-long-address)\n\n둘째 문단"
    editor.load(Article(ArticleId(1), ArticleContent(body=body), MOMENT, MOMENT))
    report = editor.counts.report
    assert report is not None
    assert (report.body.chars, report.body.chars_no_spaces) == (12, 9)
    assert (report.body.words, report.body.paragraphs) == (5, 2)
    assert texts(status)[0] == "12 characters (9 without spaces)"


def test_pages_of_150_characters_as_an_option(
    qtbot: QtBot, pane: tuple[ArticleEditor, EditorStatusBar]
) -> None:
    editor, status = pane
    type_body(qtbot, editor, STORY)
    with qtbot.waitSignal(editor.counts_changed):
        editor.set_page_chars(150)
    assert status.pages_label.text() == "4.3 manuscript pages"  # 639 / 150, rounded up
    assert "150" in status.pages_label.toolTip()


@pytest.mark.parametrize(
    ("target", "fit", "text"),
    [(700, "short", "Short by 61"), (640, "fits", "Fits (-1)"), (600, "over", "Over by 39")],
)
def test_the_copyfit_meter_against_the_target_length(
    qtbot: QtBot,
    pane: tuple[ArticleEditor, EditorStatusBar],
    target: int,
    fit: str,
    text: str,
) -> None:
    editor, status = pane
    type_body(qtbot, editor, STORY)
    editor.metadata.set_expanded(True)
    with qtbot.waitSignal(editor.counts_changed, timeout=2000):
        editor.metadata.target_edit.setValue(target)
    assert status.copyfit_label.isVisibleTo(status)
    assert status.copyfit_label.text() == text
    assert status.copyfit_label.property("fit") == fit
    assert "background" in status.copyfit_label.styleSheet()
    with qtbot.waitSignal(editor.counts_changed, timeout=2000):
        editor.metadata.target_edit.setValue(0)
    assert not status.copyfit_label.isVisibleTo(status)


def test_show_counts_of_plain_text_and_clearing(qtbot: QtBot) -> None:
    status = EditorStatusBar()
    qtbot.addWidget(status)
    status.show_counts("가 나다")
    assert status.counts_label.text() == "4 characters (3 without spaces)"
    assert status.words_label.text() == "2 words"
    status.clear_counts()
    assert texts(status) == ["", "", "", ""]
