"""The body editor: its actions, keys, IME input, undo, paste and the link dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.ui.bodyedit import BodyEdit
from deskeditor.ui.linkdialog import LinkDialog, normalized_url

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[tuple[QWidget, BodyEdit]]:
    """A body between two other fields, as in the article form, shown and focused."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before, edit, after = QLineEdit(window), BodyEdit(window), QLineEdit(window)
    before.setObjectName("before")
    after.setObjectName("after")
    for widget in (before, edit, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    yield window, edit


@pytest.fixture
def edit(form: tuple[QWidget, BodyEdit]) -> BodyEdit:
    return form[1]


def type_text(edit: BodyEdit, text: str) -> None:
    """Text as a Korean IME delivers it; QTest.keyClicks aborts on non-ASCII."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def select(edit: BodyEdit, text: str) -> None:
    found = edit.document().find(text)
    assert not found.isNull(), text
    edit.setTextCursor(found)


def test_contract(edit: BodyEdit) -> None:
    assert edit.objectName() == "bodyEdit"
    names = [action.objectName() for action in edit.format_actions()]
    assert names == [
        "boldAction", "italicAction", "strikethroughAction",
        "heading2Action", "heading3Action", "paragraphAction",
        "bulletListAction", "numberedListAction", "outdentAction", "indentAction",
        "blockQuoteAction", "linkAction", "horizontalRuleAction",
    ]  # fmt: skip
    groups = edit.format_action_groups()
    assert [a for group in groups for a in group] == edit.format_actions()
    assert len(groups) == 4


@pytest.mark.parametrize(
    ("name", "shortcut"),
    [
        ("boldAction", "Ctrl+B"),
        ("italicAction", "Ctrl+I"),
        ("strikethroughAction", "Ctrl+Shift+X"),
        ("heading2Action", "Ctrl+2"),
        ("heading3Action", "Ctrl+3"),
        ("paragraphAction", "Ctrl+0"),
        ("bulletListAction", "Ctrl+Shift+8"),
        ("numberedListAction", "Ctrl+Shift+7"),
        ("blockQuoteAction", "Ctrl+Shift+9"),
        ("linkAction", "Ctrl+K"),
    ],
)
def test_actions_have_shortcuts_shown_in_their_tooltips(
    edit: BodyEdit, name: str, shortcut: str
) -> None:
    action = next(a for a in edit.format_actions() if a.objectName() == name)
    assert action.shortcut().toString() == shortcut
    assert action.shortcut().toString() in action.toolTip()
    assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


@pytest.mark.parametrize(
    ("action_name", "expected"),
    [
        ("bold_action", "기사 **데이터센터**를\n"),
        ("italic_action", "기사 *데이터센터*를\n"),
        ("strike_action", "기사 ~~데이터센터~~를\n"),
    ],
)
def test_character_actions_toggle_and_show_in_markdown(
    edit: BodyEdit, action_name: str, expected: str
) -> None:
    edit.set_markdown("기사 데이터센터를")
    select(edit, "데이터센터")
    action = getattr(edit, action_name)
    action.trigger()
    assert edit.markdown() == expected
    assert action.isChecked()
    action.trigger()
    assert edit.markdown() == "기사 데이터센터를\n"
    assert not action.isChecked()


def test_ctrl_b_then_typing_is_bold(qtbot: QtBot, edit: BodyEdit) -> None:
    qtbot.keyClicks(edit, "plain ")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(edit, "bold")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(edit, " again")
    assert edit.markdown() == "plain **bold** again\n"


def test_actions_follow_the_cursor(edit: BodyEdit) -> None:
    edit.set_markdown("## Title\n\nplain **bold** text\n\n- item\n\n> quoted")
    cursor = edit.textCursor()
    assert edit.heading2_action.isChecked()
    assert not edit.bold_action.isChecked()  # the heading's own weight is not bold text
    cursor.setPosition(edit.document().find("bold").selectionStart() + 2)
    edit.setTextCursor(cursor)
    assert edit.bold_action.isChecked() and edit.paragraph_action.isChecked()
    edit.setTextCursor(edit.document().find("item"))
    assert edit.bullet_action.isChecked() and edit.indent_action.isEnabled()
    edit.setTextCursor(edit.document().find("quoted"))
    assert edit.quote_action.isChecked() and not edit.bullet_action.isChecked()


def test_headings_and_paragraph(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("제목\n\nbody with **bold**")
    select(edit, "제목")
    qtbot.keyClick(edit, Qt.Key.Key_2, CTRL)
    assert edit.markdown() == "## 제목\n\nbody with **bold**\n"
    qtbot.keyClick(edit, Qt.Key.Key_3, CTRL)
    assert edit.markdown() == "### 제목\n\nbody with **bold**\n"
    qtbot.keyClick(edit, Qt.Key.Key_0, CTRL)
    assert edit.markdown() == "제목\n\nbody with **bold**\n"
    select(edit, "body")
    edit.paragraph_action.trigger()  # already a paragraph: its bold stays
    assert edit.markdown() == "제목\n\nbody with **bold**\n"


def test_enter_after_a_heading_starts_a_paragraph(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("## 제목")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "본문")
    assert edit.markdown() == "## 제목\n\n본문\n"


def test_lists_and_nesting_with_tab(qtbot: QtBot, edit: BodyEdit) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_8, CTRL | SHIFT)
    type_text(edit, "하나")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "둘")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "셋")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.markdown() == "- 하나\n    - 둘\n        - 셋\n"
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, SHIFT)
    assert edit.markdown() == "- 하나\n    - 둘\n    - 셋\n"
    qtbot.keyClick(edit, Qt.Key.Key_7, CTRL | SHIFT)  # the sublist becomes numbered
    assert edit.markdown() == "- 하나\n    1. 둘\n    2. 셋\n"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on an empty item goes up a level
    type_text(edit, "넷")
    assert edit.markdown() == "- 하나\n    1. 둘\n    2. 셋\n- 넷\n"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # and at the top level ends the list
    type_text(edit, "끝")
    assert edit.markdown() == "- 하나\n    1. 둘\n    2. 셋\n- 넷\n\n끝\n"


def test_list_actions_toggle(edit: BodyEdit) -> None:
    edit.set_markdown("one\n\ntwo")
    edit.selectAll()
    edit.numbered_action.trigger()
    assert edit.markdown() == "1. one\n2. two\n"
    edit.bullet_action.trigger()
    assert edit.markdown() == "- one\n- two\n"
    edit.bullet_action.trigger()
    assert edit.markdown() == "one\n\ntwo\n"


def test_tab_outside_a_list_moves_the_focus(qtbot: QtBot, form: tuple[QWidget, BodyEdit]) -> None:
    window, edit = form
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.findChild(QLineEdit, "after"))
    assert edit.markdown() == ""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Backtab, SHIFT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.findChild(QLineEdit, "before"))


def test_block_quote_and_rule(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("인용문")
    qtbot.keyClick(edit, Qt.Key.Key_9, CTRL | SHIFT)
    assert edit.markdown() == "> 인용문\n"
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter on an empty quote line leaves the quote
    edit.rule_action.trigger()
    type_text(edit, "다음")
    assert edit.markdown() == "> 인용문\n\n---\n\n다음\n"


def test_hard_line_break_with_shift_enter(qtbot: QtBot, edit: BodyEdit) -> None:
    type_text(edit, "첫 줄")
    qtbot.keyClick(edit, Qt.Key.Key_Return, SHIFT)
    type_text(edit, "둘째 줄")
    assert edit.markdown() == "첫 줄  \n둘째 줄\n"


def test_hangul_typed_through_the_ime(edit: BodyEdit) -> None:
    type_text(edit, "한글 기사 ")
    type_text(edit, "😀 𝔘")
    assert edit.markdown() == "한글 기사 😀 𝔘\n"


def test_set_markdown_is_not_an_edit(qtbot: QtBot, edit: BodyEdit) -> None:
    with qtbot.assertNotEmitted(edit.body_changed):
        edit.set_markdown("**불러온** 기사")
    assert not edit.document().isUndoAvailable()
    assert edit.markdown() == "**불러온** 기사\n"


def test_typing_emits_body_changed_and_undo_restores(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("원문")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(edit.body_changed):
        type_text(edit, " 추가")
    assert edit.markdown() == "원문 추가\n"
    select(edit, "추가")
    with qtbot.waitSignal(edit.body_changed):
        edit.bold_action.trigger()  # formatting is a change too
    assert edit.markdown() == "원문 **추가**\n"
    edit.undo()
    assert edit.markdown() == "원문 추가\n"
    edit.undo()
    assert edit.markdown() == "원문\n"
    assert not edit.document().isUndoAvailable()


def test_link_dialog_adds_edits_and_removes_a_link(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("보도 **자료** 참조")
    select(edit, "자료")
    qtbot.keyClick(edit, Qt.Key.Key_K, CTRL)
    dialog = edit.findChild(LinkDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.text_edit.text() == "자료"
    assert not dialog.ok_button.isEnabled()
    dialog.url_edit.setText("example.com/a_b(c)")
    dialog.title_edit.setText("출처")
    dialog.accept()
    assert edit.markdown() == '보도 [**자료**](https://example.com/a_b(c) "출처") 참조\n'
    type_text(edit, "!")  # typing on after a link is not part of it (but still bold)
    assert edit.markdown() == '보도 **[자료](https://example.com/a_b(c) "출처")!** 참조\n'

    cursor = edit.textCursor()
    cursor.setPosition(edit.document().find("자료").selectionStart() + 1)
    edit.setTextCursor(cursor)
    dialog = edit.edit_link()
    assert dialog.url_edit.text() == "https://example.com/a_b(c)"
    assert dialog.text_edit.text() == "자료" and dialog.remove_button.isVisible()
    dialog.remove_button.click()
    assert edit.markdown() == "보도 **자료!** 참조\n"


def test_link_dialog_inserts_new_text_at_the_cursor(edit: BodyEdit) -> None:
    edit.set_markdown("참조:")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(edit, " ")
    dialog = edit.edit_link()
    dialog.text_edit.setText("연합뉴스 📰")
    dialog.url_edit.setText("https://www.yna.co.kr")
    dialog.accept()
    type_text(edit, " 끝")
    assert edit.markdown() == "참조: [연합뉴스 📰](https://www.yna.co.kr) 끝\n"


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("example.com", "https://example.com"),
        ("www.example.com/a?b=1", "https://www.example.com/a?b=1"),
        ("reporter@example.com", "mailto:reporter@example.com"),
        ("http://x.org", "http://x.org"),
        ("#section", "#section"),
        ("  https://x.org  ", "https://x.org"),
    ],
)
def test_link_addresses_are_completed(typed: str, url: str) -> None:
    assert normalized_url(typed) == url


def test_paste_keeps_structure_and_drops_fonts_and_colours(edit: BodyEdit) -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        '<h2 style="font-family:Batang">소제목</h2>'
        '<p class="MsoNormal"><span style="font-family:Arial;color:#ff0000;font-size:20pt">'
        'Word <b>굵게</b> <span style="font-style:italic">기울임</span></span>'
        "<!--[if gte mso 9]><xml>junk</xml><![endif]--></p>"
        "<ul><li>하나<ul><li>둘</li></ul></li></ul>"
        '<p><a href="javascript:alert(1)">bad link</a> <img src="https://t.example/p.gif"></p>'
        "</body></html>"
    )
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("plain fallback")
    edit.insertFromMimeData(mime)
    assert (
        edit.markdown() == "## 소제목\n\nWord **굵게** *기울임*\n\n- 하나\n    - 둘\n\nbad link\n"
    )
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert fmt.fontFamilies() in (None, []), fmt.fontFamilies()
            assert not fmt.hasProperty(fmt.Property.ForegroundBrush)
            it += 1
        block = block.next()


def test_plain_text_paste(edit: BodyEdit) -> None:
    mime = QMimeData()
    mime.setText("**not bold**")
    edit.insertFromMimeData(mime)
    assert edit.markdown() == "\\*\\*not bold\\*\\*\n"


def test_own_shortcuts_win_over_text_editing_bindings(edit: BodyEdit) -> None:
    # On X11, Ctrl+K is also QTextEdit's "delete to end of line"; the link action must win.
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_K, CTRL)
    QApplication.sendEvent(edit, override)
    assert not override.isAccepted()
    plain = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(edit, plain)
    assert plain.isAccepted()  # ordinary typing stays with the editor


def test_paste_from_google_docs_and_unclosed_head(edit: BodyEdit) -> None:
    mime = QMimeData()
    mime.setHtml(
        '<meta charset="utf-8"><head><xml><o:Settings>x</o:Settings></xml>'
        '<b style="font-weight:normal;" id="docs-internal-guid-1">'
        '<p><span style="font-weight:700">굵게</span> 보통<o:p></o:p></p></b>'
    )
    edit.insertFromMimeData(mime)
    assert edit.markdown() == "**굵게** 보통\n"


def test_rich_paste_into_code_is_plain(edit: BodyEdit) -> None:
    edit.set_markdown("```\ncode\n```")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setHtml("<b>x</b>")
    mime.setText("*x*")
    edit.insertFromMimeData(mime)
    assert edit.markdown() == "```\ncode*x*\n```\n"


def test_unsupported_content_is_kept_and_reported(qtbot: QtBot, edit: BodyEdit) -> None:
    with qtbot.assertNotEmitted(edit.unsupported_content):
        edit.set_markdown("## 제목\n\n- ok\n")
    markdown = "intro\n\n<div>\n\n**raw**\n\n</div>\n\n<!-- note -->\n"
    with qtbot.waitSignal(edit.unsupported_content) as reported:
        edit.set_markdown(markdown)
    assert reported.args == [
        "Kept 2 passages the editor cannot format (HTML, comment) as Markdown source; "
        "saved unchanged."
    ]
    assert edit.markdown() == markdown
    select(edit, "**raw**")  # the raw block is text like any other, typed into as is
    type_text(edit, "**edited**")
    assert edit.markdown() == markdown.replace("**raw**", "**edited**")


def test_tab_and_enter_in_a_raw_block_are_plain_text(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("<div>\nx\n</div>\n")
    cursor = edit.document().find("x")
    cursor.clearSelection()
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "## y")
    assert edit.markdown() == "<div>\nx\t\n## y\n</div>\n"


def test_bold_inside_a_heading(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("## 굵은 제목")
    select(edit, "굵은")
    qtbot.keyClick(edit, Qt.Key.Key_B, CTRL)
    assert edit.markdown() == "## **굵은** 제목\n"
    assert edit.bold_action.isChecked()
    qtbot.keyClick(edit, Qt.Key.Key_0, CTRL)  # the bold word stays bold in the paragraph
    assert edit.markdown() == "**굵은** 제목\n"
    qtbot.keyClick(edit, Qt.Key.Key_3, CTRL)
    assert edit.markdown() == "### **굵은** 제목\n"


def test_quote_inside_a_list_item(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("- item\n\n    more of the item\n")
    select(edit, "more")
    qtbot.keyClick(edit, Qt.Key.Key_9, CTRL | SHIFT)
    assert edit.markdown() == "- item\n\n    > more of the item\n"
    assert edit.quote_action.isChecked()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # an empty quote line leaves the quote, not the item
    type_text(edit, "after")
    assert edit.markdown() == "- item\n\n    > more of the item\n\n    after\n"


def test_loose_lists_stay_loose_when_items_are_added(qtbot: QtBot, edit: BodyEdit) -> None:
    edit.set_markdown("- one\n\n- two\n")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "three")
    assert edit.markdown() == "- one\n\n- two\n\n- three\n"
