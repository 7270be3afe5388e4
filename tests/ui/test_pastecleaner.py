"""Clean paste into the body: recorded clipboards, plain-text paste, and very big pastes."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deskeditor.core.pasteconversion import pasted_blocks
from deskeditor.ui.bodyedit import BodyEdit
from deskeditor.ui.documentbuilder import DocumentBuilder
from deskeditor.ui.markdowndocument import document_markdown
from deskeditor.ui.pastecleaner import ASYNC_THRESHOLD

FIXTURES = Path(__file__).parent / "fixtures"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

STORY = (
    "산업통상자원부는 **19일** 반도체 수출이 *석 달 만에* ~~발표할 예정~~ 반등했다고 "
    "밝혔다([산업부](https://www.motie.go.kr/)).\n\n"
)
TABLE = "| **품목** | **증감률** |\n| --- | --: |\n| 메모리 | +12.5% |\n\n"
EXPECTED = {
    "word": (
        "## 반도체 수출 동향\n\n"
        "산업통상자원부는 **19일** 반도체 수출이 *석 달 만에* 반등했다고 ~~발표할 예정이다~~ "
        "밝혔다 ([산업부](https://www.motie.go.kr/) 자료).\n\n"
        "- 메모리\n    - HBM과 **D램**\n- 시스템 반도체\n\n"
        "> *“수출 회복세가 이어지도록 지원하겠다”*\n\n" + TABLE + "끝.\n"
    ),
    "gdocs": (
        "## 반도체 수출 동향\n\n"
        + STORY
        + "- 메모리\n    - HBM\n- 시스템 반도체\n\n"
        + TABLE
        + "`export_rate()` 끝.\n"
    ),
    "libreoffice": (
        "## 반도체 수출 동향\n\n" + STORY + "1. 메모리\n    - HBM\n2. 시스템 반도체\n\n"
        "> “수출 회복세가 이어지도록 지원하겠다”\n\n" + TABLE + "export_rate() 끝.\n"
    ),
    "news": (
        "# 반도체 수출 석 달 만에 반등\n\n"
        "김기자 reporter@example.co.kr 2024.03.19 09:00\n\n"
        "산업통상자원부는 **19일** 반도체 수출이 *석 달 만에* 반등했다고 밝혔다. "
        "자세한 내용은 [산업부 보도자료](https://www.motie.go.kr/)에 있다.\n\n"
        "경기도의 한 반도체 공장. 연합뉴스\n\n"
        "## 품목별 동향\n\n"
        "- 메모리: **HBM** 수요 증가\n    - D램 가격 상승\n- 시스템 반도체\n\n"
        "> “수출 회복세가 이어지도록 지원하겠다”\n\n"
        "| 품목 | 증감률 |\n| :-- | --: |\n| 메모리 | +12.5% |\n\n"
        "~~수정 전 문장~~ 끝.\n"
    ),
}
JUNK = ("mso", "Mso", "font", "Arial", "Liberation", "color", "style", "class", "<", "공유",
        "링크 복사", "광고", "dataLayer", "pixel", "analytics", "scorecard", "관련 기사",
        "google.com/url", "file:", "·", "§", "StartFragment", "Version:")  # fmt: skip


@pytest.fixture
def edit(qtbot: QtBot) -> BodyEdit:
    body = BodyEdit()
    qtbot.addWidget(body)
    body.show()
    qtbot.waitExposed(body)
    return body


def mime(html: str, text: str = "plain text") -> QMimeData:
    data = QMimeData()
    data.setHtml(html)
    data.setText(text)
    return data


def formats_are_bare(document: QTextDocument) -> bool:
    """No fonts, colours or sizes came along: only what the Markdown says."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.fontFamilies() not in (None, [], ["monospace"]):
                return False
            if fmt.hasProperty(fmt.Property.ForegroundBrush) and not fmt.isAnchor():
                return False
            if fmt.hasProperty(fmt.Property.FontPointSize):
                return False
            it += 1
        block = block.next()
    return True


@pytest.mark.parametrize("name", EXPECTED)
def test_recorded_clipboards_keep_structure_and_drop_everything_else(
    edit: BodyEdit, name: str
) -> None:
    html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
    assert edit.canInsertFromMimeData(mime(html))
    edit.insertFromMimeData(mime(html))
    markdown = edit.markdown()
    assert markdown == EXPECTED[name]
    for junk in JUNK:
        assert junk not in markdown, junk
    assert formats_are_bare(edit.document())


def test_a_paste_is_one_undo_step(edit: BodyEdit) -> None:
    edit.set_markdown("앞")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertFromMimeData(mime("<p><b>굵게</b></p><p>둘째</p>"))
    assert edit.markdown() == "앞**굵게**\n\n둘째\n"
    edit.undo()
    assert edit.markdown() == "앞\n"


def test_ctrl_shift_v_pastes_plain_text(qtbot: QtBot, edit: BodyEdit) -> None:
    action = edit.paste_plain_action()
    assert action.objectName() == "pastePlainAction"
    assert action.shortcut().toString() == "Ctrl+Shift+V"
    QGuiApplication.clipboard().setMimeData(mime("<h2>rich</h2>", "**rich**\r\nsecond line"))
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL_SHIFT)
    assert edit.markdown() == "\\*\\*rich\\*\\*\n\nsecond line\n"


def big_page(size: int) -> str:
    """A news page of about size characters: the fixture's article again and again."""
    page = (FIXTURES / "news.html").read_text(encoding="utf-8")
    body = page[page.index("<!--StartFragment-->") : page.index("<!--EndFragment-->")]
    return "<html><body>" + body * (size // len(body) + 1) + "</body></html>"


def converting() -> bool:
    """A paste conversion's thread or child process is still there."""
    return any(t.name == "paste-cleaner" for t in threading.enumerate()) or any(
        p.name == "paste-converter" for p in multiprocessing.active_children()
    )


def built_at_once(html: str) -> str:
    """The Markdown of "앞" followed by the whole paste, built in one go."""
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("앞")
    builder = DocumentBuilder(document, cursor)
    for block in pasted_blocks(html):
        builder.add(block)
    return document_markdown(document)


def paste_big(qtbot: QtBot, edit: BodyEdit, size: int, timeout: int) -> None:
    """Paste size characters of HTML: it goes in later, whole, and as one undo step."""
    html = big_page(size)
    edit.set_markdown("앞\n")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(edit.paste_finished, timeout=timeout) as finished:
        edit.insertFromMimeData(mime(html))
        # Converted elsewhere: nothing is in yet, and nothing can be typed in between.
        assert edit.toPlainText() == "앞"
        assert edit.isReadOnly()
        assert QApplication.overrideCursor() is not None
    assert finished.args == [True]
    assert not edit.isReadOnly() and QApplication.overrideCursor() is None
    text = edit.toPlainText()
    # A big paste starts a paragraph of its own.
    assert text.startswith("앞\n반도체 수출 석 달 만에 반등")
    assert text.count("품목별 동향") == html.count("품목별 동향")  # every copy arrived
    assert "dataLayer" not in text
    # Slice by slice, batch by batch, it is what building it all at once gives.
    assert edit.markdown() == built_at_once(html)
    edit.undo()
    assert edit.markdown() == "앞\n"


def test_a_big_paste_is_converted_off_the_ui_thread(qtbot: QtBot, edit: BodyEdit) -> None:
    paste_big(qtbot, edit, 4 * ASYNC_THRESHOLD, timeout=120_000)


def test_a_multi_megabyte_paste_arrives_complete(qtbot: QtBot, edit: BodyEdit) -> None:
    paste_big(qtbot, edit, 2_500_000, timeout=300_000)


@pytest.mark.long
def test_a_10_mb_paste_neither_freezes_nor_crashes(qtbot: QtBot, edit: BodyEdit) -> None:
    # How long the window froze is measured by bench/bench_paste.py, not asserted here.
    paste_big(qtbot, edit, 10_000_000, timeout=900_000)


def test_a_big_paste_into_a_table_cell_goes_in_after_the_table(
    qtbot: QtBot, edit: BodyEdit
) -> None:
    table = "| 품목 | 증감률 |\n| --- | --: |\n| 메모리 | +12.5% |\n"
    edit.set_markdown(table + "\n끝\n")
    cursor = edit.textCursor()
    while cursor.currentTable() is None:
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    edit.setTextCursor(cursor)  # in the first cell
    html = big_page(2 * ASYNC_THRESHOLD)
    with qtbot.waitSignal(edit.paste_finished, timeout=120_000) as finished:
        edit.insertFromMimeData(mime(html))
    assert finished.args == [True]
    markdown = edit.markdown()
    # The cells are as they were; the paste follows the table.
    assert markdown.startswith(table + "\n# 반도체 수출 석 달 만에 반등\n")
    assert markdown.count("품목별 동향") == html.count("품목별 동향")
    assert markdown.endswith("끝\n")
    edit.undo()
    assert edit.markdown() == table + "\n끝\n"


def test_loading_another_article_cancels_a_big_paste(qtbot: QtBot, edit: BodyEdit) -> None:
    with qtbot.waitSignal(edit.paste_finished) as finished:
        edit.insertFromMimeData(mime(big_page(2 * ASYNC_THRESHOLD)))
        edit.set_markdown("다른 기사\n")
    assert finished.args == [False]
    qtbot.waitUntil(lambda: not converting())  # the conversion is stopped, not just ignored
    qtbot.wait(50)
    assert edit.markdown() == "다른 기사\n"
    assert not edit.isReadOnly() and QApplication.overrideCursor() is None


def test_closing_the_editor_during_a_big_paste_is_harmless(qtbot: QtBot) -> None:
    body = BodyEdit()
    body.insertFromMimeData(mime(big_page(2 * ASYNC_THRESHOLD)))
    assert QApplication.overrideCursor() is not None
    body.deleteLater()
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is None)
    # The conversion goes with the editor: its thread and its process end.
    qtbot.waitUntil(lambda: not converting())
    qtbot.wait(50)
