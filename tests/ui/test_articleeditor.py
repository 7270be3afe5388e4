"""ArticleEditor: loads an article, reports edits, and gives back the edited content."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.models import SECTIONS, Article, ArticleContent, ArticleId, Language, Status
from deskeditor.ui.articleeditor import ArticleEditor

MOMENT = datetime(2026, 3, 19, 9, 30, tzinfo=UTC)


def article(**content: object) -> Article:
    return Article(
        id=ArticleId(7),
        content=ArticleContent(**content),  # type: ignore[arg-type]
        created_at=MOMENT,
        updated_at=MOMENT,
    )


def make_editor(qtbot: QtBot) -> ArticleEditor:
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_sections_are_seeded_and_the_combo_is_editable(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    combo = editor.section_edit
    assert combo.objectName() == "sectionEdit"
    assert combo.isEditable()
    assert [combo.itemText(i) for i in range(combo.count())] == list(SECTIONS)
    assert combo.currentText() == ""


def test_load_fills_the_fields_without_signalling_an_edit(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.load(
            article(
                headline="헤드라인", subhead="부제", byline="김기자", section="경제", body="본문"
            )
        )
    assert editor.headline_edit.text() == "헤드라인"
    assert editor.subhead_edit.text() == "부제"
    assert editor.byline_edit.text() == "김기자"
    assert editor.section_edit.currentText() == "경제"
    assert editor.body_edit.markdown().strip() == "본문"


def test_content_keeps_what_the_editor_does_not_show(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article(headline="Old", tags=("budget",), status=Status.DESK, language=Language.EN))
    editor.headline_edit.setText("New")
    content = editor.content()
    assert content.headline == "New"
    assert content.tags == ("budget",)
    assert content.status is Status.DESK
    assert content.language is Language.EN
    current = editor.current_article()
    assert current is not None
    assert current.id == ArticleId(7)
    assert current.content == content


def test_a_typed_section_is_kept(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article())
    editor.section_edit.setFocus()
    qtbot.waitUntil(editor.section_edit.hasFocus)
    with qtbot.waitSignal(editor.content_changed):
        QTest.keyClicks(editor.section_edit, "Local")
    assert editor.content().section == "Local"
    with qtbot.waitSignal(editor.content_changed):
        editor.section_edit.setCurrentIndex(SECTIONS.index("스포츠"))
    assert editor.content().section == "스포츠"


def test_every_field_reports_edits(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article())
    for field in (editor.headline_edit, editor.subhead_edit, editor.byline_edit, editor.body_edit):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        with qtbot.waitSignal(editor.content_changed, timeout=1000):
            commit_text(field, "글")
    content = editor.content()
    assert (content.headline, content.subhead, content.byline) == ("글", "글", "글")
    assert "글" in content.body


def test_enter_walks_down_the_form(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article())
    editor.headline_edit.setFocus()
    qtbot.waitUntil(editor.headline_edit.hasFocus)
    QTest.keyClick(editor.headline_edit, Qt.Key.Key_Return)
    assert editor.subhead_edit.hasFocus()
    QTest.keyClick(editor.subhead_edit, Qt.Key.Key_Enter)
    assert editor.body_edit.hasFocus()
    editor.byline_edit.setFocus()
    QTest.keyClick(editor.byline_edit, Qt.Key.Key_Return)
    assert editor.body_edit.hasFocus()


def test_saved_updates_timestamps_but_not_the_fields(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article(headline="Before"))
    editor.headline_edit.setText("Typed meanwhile")
    later = Article(
        id=ArticleId(7),
        content=ArticleContent(headline="Before, saved"),
        created_at=MOMENT,
        updated_at=MOMENT.replace(hour=10),
    )
    editor.saved(later)
    assert editor.headline_edit.text() == "Typed meanwhile"
    assert editor.article is later


def test_headline_and_subhead_counts_beside_the_fields(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article(headline="국회 예산안 통과", subhead=""))
    assert editor.headline_count.text() == "9"
    assert editor.headline_count.toolTip() == "9 characters, 7 without spaces, 3 words"
    assert editor.subhead_count.text() == ""
    editor.subhead_edit.setFocus()
    qtbot.waitUntil(editor.subhead_edit.hasFocus)
    commit_text(editor.subhead_edit, "여야 합의")
    assert editor.subhead_count.text() == "5"


def test_counts_are_coalesced_while_typing(qtbot: QtBot) -> None:
    editor = make_editor(qtbot)
    editor.load(article())
    reports: list[object] = []
    editor.counts_changed.connect(reports.append)
    editor.body_edit.setFocus()
    qtbot.waitUntil(editor.body_edit.hasFocus)
    for syllable in "정부는 데이터센터를":
        commit_text(editor.body_edit, syllable)  # ten keystrokes, no event loop between
    assert reports == []  # a keystroke only restarts a timer
    qtbot.waitUntil(lambda: len(reports) == 1)
    report = editor.counts.report
    assert report is not None and report.body.chars == 10
    with qtbot.waitSignal(editor.counts_changed):
        editor.set_page_chars(150)
    assert editor.counts.page_chars == 150
