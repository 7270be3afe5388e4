"""The Markdown source view of the body: same widget, same text, nothing lost either way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from deskeditor.ui.bodyedit import BodyEdit

# Every construct the editor writes, and two it can only keep as source.
ARTICLE = (
    "## **굵은** 제목\n\n"
    "Text with **bold**, *italic*, ~~strike~~, `code`, <u>u</u>, H<sub>2</sub>O, "
    '[a link](https://example.com/a_b "T"), <https://example.com/auto> and a break  \n'
    "here\u00a0with NBSP, zero\u200bwidth, 👩\u200d💻, שלום.\n\n"
    "- one\n    1. nested\n\n- loose\n\n    continued\n\n    > quote in item\n\n"
    "<!-- -->\n\n- second list\n\n"
    "> quoted\n>\n> > nested\n\n"
    "```python\ndef f():\n\treturn 1\n```\n\n"
    "| Left | Right |\n| :-- | --: |\n| a | **b** |\n\n"
    "---\n\n"
    "<div>\n\n**raw html**\n\n</div>\n\n"
    "[unused]: https://example.com/kept\n\n"
    "\\# literal\n"
)


@pytest.fixture
def edit(qtbot: QtBot) -> BodyEdit:
    body = BodyEdit()
    qtbot.addWidget(body)
    body.show()
    qtbot.waitExposed(body)
    body.setFocus()
    return body


def test_the_action(edit: BodyEdit) -> None:
    action = edit.source_view_action()
    assert action.objectName() == "sourceViewAction"
    assert action.text().replace("&", "") == "Markdown Source"
    assert action.isCheckable() and not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+/"
    assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert action in edit.actions()


def test_switching_back_and_forth_loses_nothing(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown(ARTICLE)
    assert edit.markdown() == ARTICLE
    with qtbot.assertNotEmitted(edit.body_changed):
        for _ in range(2):
            edit.source_view_action().trigger()
            assert edit.is_source_view() and edit.objectName() == "bodyEdit"
            assert edit.markdown() == ARTICLE
            assert edit.toPlainText() == ARTICLE.replace("\u00a0", " ")  # Qt's plain text
            edit.source_view_action().trigger()
            assert not edit.is_source_view()
            assert edit.markdown() == ARTICLE


def test_edits_in_the_source_view_count_and_show_up_formatted(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("plain\n")
    edit.set_source_view(True)
    assert all(not action.isEnabled() for action in edit.format_actions())
    assert edit.document().defaultFont().fixedPitch()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(edit.body_changed):
        commit = QInputMethodEvent()
        commit.setCommitString("\n## 제목 __굵게__")
        QApplication.sendEvent(edit, commit)
    assert edit.markdown() == "plain\n\n## 제목 __굵게__\n"
    with qtbot.waitSignal(edit.body_changed):  # now written as the editor writes it
        edit.set_source_view(False)
    assert edit.markdown() == "plain\n\n## 제목 **굵게**\n"
    assert edit.document().findBlockByNumber(1).blockFormat().headingLevel() == 2
    assert all(action.isEnabled() for action in edit.format_actions()[:3])


def test_the_source_view_takes_no_formatting_and_tab_indents(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_source_view(True)
    mime = QMimeData()
    mime.setHtml("<b>bold</b>")
    mime.setText("**bold**")
    edit.insertFromMimeData(mime)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "## ")  # Markdown-style typing is off here
    assert edit.markdown() == "**bold**    ## \n"
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert edit.markdown() == "**bold**    ## \n"


def test_loading_an_article_keeps_the_view(edit: BodyEdit) -> None:
    edit.set_source_view(True)
    edit.set_markdown("# other\n")
    assert edit.is_source_view() and edit.toPlainText() == "# other\n"
    edit.set_source_view(False)
    assert edit.markdown() == "# other\n"


def test_the_view_is_the_same_widget_for_the_window(qtbot: QtBot) -> None:
    parent = QTextEdit()
    qtbot.addWidget(parent)
    body = BodyEdit(parent)
    body.set_source_view(True)
    assert parent.findChild(BodyEdit, "bodyEdit") is body
