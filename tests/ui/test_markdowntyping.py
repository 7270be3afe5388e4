"""Markdown-style typing in the body: triggers, one Ctrl+Z per conversion, IME input, off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deskeditor.ui.bodyedit import BodyEdit

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def edit(qtbot: QtBot) -> BodyEdit:
    body = BodyEdit()
    qtbot.addWidget(body)
    body.show()
    qtbot.waitExposed(body)
    body.setFocus()
    return body


def keys(qtbot: QtBot, edit: BodyEdit, text: str) -> None:
    """ASCII typed key by key, as a keyboard delivers it."""
    for char in text:
        qtbot.keyClick(edit, char)


def ime(edit: BodyEdit, text: str) -> None:
    """Text committed by an input method (Hangul), with a preedit step first."""
    composing = QInputMethodEvent(text[-1], [])
    QApplication.sendEvent(edit, composing)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def undo(qtbot: QtBot, edit: BodyEdit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("## ", "## 제목\n"),
        ("### ", "### 제목\n"),
        ("#### ", "#### 제목\n"),
        ("- ", "- 제목\n"),
        ("* ", "- 제목\n"),
        ("1. ", "1. 제목\n"),
        ("7. ", "7. 제목\n"),
        ("> ", "> 제목\n"),
    ],
)
def test_block_triggers_at_the_start_of_a_paragraph(
    qtbot: QtBot, edit: BodyEdit, typed: str, expected: str
) -> None:
    keys(qtbot, edit, typed)
    ime(edit, "제목")
    assert edit.markdown() == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("**bold** ", "**bold**\n"),
        ("*it* ", "*it*\n"),
        ("~~gone~~ ", "~~gone~~\n"),
        ("`x = 1` ", "`x = 1`\n"),
        ("2 * 3 * 4", "2 * 3 * 4\n"),  # spaces inside the stars: not emphasis
        ("a**b", "a\\*\\*b\n"),
    ],
)
def test_inline_triggers_on_the_closing_delimiter(
    qtbot: QtBot, edit: BodyEdit, typed: str, expected: str
) -> None:
    keys(qtbot, edit, typed)
    assert edit.markdown() == expected


def test_typing_goes_on_unformatted_after_an_inline_conversion(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    keys(qtbot, edit, "a **b**")
    keys(qtbot, edit, " c `d`")
    keys(qtbot, edit, "e")
    assert edit.markdown() == "a **b** c `d`e\n"


def test_one_undo_takes_back_the_conversion_and_keeps_the_characters(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    keys(qtbot, edit, "## ")
    assert edit.textCursor().blockFormat().headingLevel() == 2
    undo(qtbot, edit)
    assert edit.toPlainText() == "## "
    assert edit.textCursor().blockFormat().headingLevel() == 0
    keys(qtbot, edit, "x")  # typing on does not convert again
    assert edit.markdown() == "\\## x\n"


def test_one_undo_after_inline_bold_gives_back_the_stars(qtbot: QtBot, edit: BodyEdit) -> None:
    keys(qtbot, edit, "see **this**")
    assert edit.markdown() == "see **this**\n"
    undo(qtbot, edit)
    assert edit.toPlainText() == "see **this**"
    assert edit.markdown() == "see \\*\\*this\\*\\*\n"


def test_rule_from_three_dashes_and_enter(qtbot: QtBot, edit: BodyEdit) -> None:
    keys(qtbot, edit, "---")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    ime(edit, "다음")
    assert edit.markdown() == "---\n\n다음\n"
    edit.set_markdown("")
    keys(qtbot, edit, "---")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    undo(qtbot, edit)
    assert edit.toPlainText() == "---"


def test_heading_then_hangul_from_an_ime_and_an_ime_committing_the_trigger(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    keys(qtbot, edit, "##")
    ime(edit, " ")  # some input methods commit the space themselves
    ime(edit, "한글 제목")
    assert edit.markdown() == "## 한글 제목\n"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    ime(edit, "**굵게**")
    ime(edit, "를")
    assert edit.markdown() == "## 한글 제목\n\n**굵게**를\n"


def test_positions_count_utf16_units_with_emoji(qtbot: QtBot, edit: BodyEdit) -> None:
    ime(edit, "😀 ")
    keys(qtbot, edit, "*")
    ime(edit, "𝔘😀")
    keys(qtbot, edit, "* ")
    assert edit.markdown() == "😀 *𝔘😀*\n"


def test_no_conversion_inside_code_lists_headings_or_when_turned_off(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    edit.set_markdown("```\ncode\n```\n")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    keys(qtbot, edit, " **x**")
    assert edit.markdown() == "```\ncode **x**\n```\n"
    edit.set_markdown("- item")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    keys(qtbot, edit, "## ")
    assert edit.markdown() == "- item\n- \\##\n"
    assert edit.textCursor().blockFormat().headingLevel() == 0
    edit.set_markdown("")
    edit.set_markdown_typing(False)
    assert not edit.markdown_typing()
    keys(qtbot, edit, "## **x**")
    assert edit.markdown() == "\\## \\*\\*x\\*\\*\n"


def test_quote_trigger_in_a_paragraph_that_continues_a_list_item(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    edit.set_markdown("- item\n\n    more\n")
    edit.setTextCursor(edit.document().find("more"))
    edit.moveCursor(edit.textCursor().MoveOperation.StartOfBlock)
    keys(qtbot, edit, "> ")
    assert edit.markdown() == "- item\n\n    > more\n"
