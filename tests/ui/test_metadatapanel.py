"""Article metadata in the editor: every field to the store and back, status log, timestamps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.dates import timestamp
from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    Language,
    RevisionKind,
    Status,
    StatusChange,
)
from deskeditor.core.store import Store
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.autosave import Autosaver
from deskeditor.ui.metadatapanel import parse_tags
from deskeditor.ui.preferences import AppPreferences, preferences_settings

T0 = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)


class Clock:
    """The store's clock, moved by the test."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    store = Store.open(tmp_path / "store.sqlite3", clock=clock)
    yield store
    store.close()


@pytest.fixture
def editor(qtbot: QtBot) -> ArticleEditor:
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def autosaving(editor: ArticleEditor, store: Store, article: Article) -> Autosaver:
    editor.load(article)
    saver = Autosaver(store, editor.content, debounce_ms=10, parent=editor)
    saver.track(article.id)
    editor.content_changed.connect(saver.note_change)
    saver.article_saved.connect(editor.saved)
    return saver


def article_of(content: ArticleContent, **times: datetime) -> Article:
    """An article as the store would hand it over, without a store."""
    return Article(ArticleId(1), content, times.get("created_at", T0), times.get("updated_at", T0))


def local_stamp(moment: datetime, language: Language) -> str:
    local = moment.astimezone()
    assert local.tzinfo is not None
    return timestamp(local, language, local.tzinfo)


def test_every_metadata_field_reaches_the_store_and_comes_back(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    article = store.create_article(ArticleContent(headline="반도체 수출 늘어"))
    saver = autosaving(editor, store, article)
    panel = editor.metadata
    panel.set_expanded(True)
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        panel.status_edit.setCurrentIndex(panel.status_edit.findData(Status.DESK))
        panel.language_edit.setCurrentIndex(panel.language_edit.findData(Language.EN))
        focus(qtbot, panel.target_edit)
        QTest.keyClick(panel.target_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(panel.target_edit, "2000")
        focus(qtbot, panel.tags_edit)
        commit_text(panel.tags_edit, "반도체, 수출 ,#경제, 반도체")
        focus(qtbot, panel.slug_edit)
        QTest.keyClicks(panel.slug_edit, "chip-exports")
        focus(qtbot, panel.summary_edit)
        commit_text(panel.summary_edit, "수출이 석 달째 늘었다.")
        focus(qtbot, panel.note_edit)
        commit_text(panel.note_edit, "수치 확인 필요")
    qtbot.waitUntil(lambda: not saver.is_dirty)
    stored = store.get_article(article.id)
    assert stored.content == ArticleContent(
        headline="반도체 수출 늘어",
        status=Status.DESK,
        language=Language.EN,
        target_length=2000,
        tags=("반도체", "수출", "경제"),
        slug="chip-exports",
        summary="수출이 석 달째 늘었다.",
        editor_note="수치 확인 필요",
    )
    assert stored.slug == "chip-exports"

    again = ArticleEditor()
    qtbot.addWidget(again)
    again.load(stored)
    shown = again.metadata
    assert shown.status() is Status.DESK
    assert shown.language() is Language.EN
    assert shown.target_length() == 2000
    assert shown.tags_edit.text() == "반도체, 수출, 경제"
    assert shown.slug_edit.text() == "chip-exports"
    assert shown.summary_edit.toPlainText() == "수출이 석 달째 늘었다."
    assert shown.note_edit.toPlainText() == "수치 확인 필요"
    assert again.content() == stored.content


def test_loading_and_reading_back_changes_nothing(qtbot: QtBot, editor: ArticleEditor) -> None:
    content = ArticleContent(
        headline="제목",
        tags=("a, b", "  spaced  "),  # tags the comma line could not spell are kept as loaded
        slug=" Odd Slug ",
        summary="  요약  ",
        target_length=1500,
        status=Status.READY,
        language=Language.KO,
        editor_note="메모\r\n둘째 줄",
        feature_image="ab" * 32,
    )
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.load(article_of(content))
    assert editor.content() == content


def test_an_emptied_slug_follows_the_headline_again(
    qtbot: QtBot, editor: ArticleEditor, store: Store
) -> None:
    article = store.create_article(ArticleContent(headline="국회 예산안 통과", slug="budget"))
    saver = autosaving(editor, store, article)
    assert editor.metadata.slug_edit.placeholderText() == "budget"
    editor.metadata.set_expanded(True)
    focus(qtbot, editor.metadata.slug_edit)
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        editor.metadata.slug_edit.selectAll()
        QTest.keyClick(editor.metadata.slug_edit, Qt.Key.Key_Delete)
    assert store.get_article(article.id).slug == "국회-예산안-통과"
    assert editor.metadata.slug_edit.placeholderText() == "국회-예산안-통과"


def test_a_status_change_is_logged_with_its_time(
    qtbot: QtBot, editor: ArticleEditor, store: Store, clock: Clock
) -> None:
    article = store.create_article(ArticleContent(headline="출고 시각"))
    saver = autosaving(editor, store, article)
    status_edit = editor.metadata.status_edit
    clock.now = T0 + timedelta(minutes=20)
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        status_edit.setCurrentIndex(status_edit.findData(Status.DESK))
    clock.now = T0 + timedelta(hours=1)
    with qtbot.waitSignal(saver.article_saved, timeout=2000):
        status_edit.setCurrentIndex(status_edit.findData(Status.PUBLISHED))
    assert store.status_history(article.id) == [
        StatusChange(article.id, Status.DRAFT, Status.DESK, T0 + timedelta(minutes=20)),
        StatusChange(article.id, Status.DESK, Status.PUBLISHED, T0 + timedelta(hours=1)),
    ]
    stored = store.get_article(article.id)
    assert stored.published_at == T0 + timedelta(hours=1)
    assert stored.status_changed_at == T0 + timedelta(hours=1)
    kinds = [revision.kind for revision in store.revisions(article.id)]
    assert kinds.count(RevisionKind.STATUS) == 2
    label = editor.metadata.timestamps_label.text()
    assert label.startswith("Published · Created ")
    assert f"Published {local_stamp(T0 + timedelta(hours=1), Language.EN)}" in label


def test_a_korean_interface_shows_the_desks_words_and_dates(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    updated = T0 + timedelta(minutes=7)
    editor.load(article_of(ArticleContent(status=Status.READY), updated_at=updated))
    editor.setLocale(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    created = local_stamp(T0, Language.KO)
    assert editor.metadata.timestamps_label.text() == (
        f"출고 대기 · 입력 {created} · 수정 {local_stamp(updated, Language.KO)}"
    )
    assert created.startswith("2026.03.19 ")
    statuses = editor.metadata.status_edit
    assert [statuses.itemText(i) for i in range(statuses.count())] == [
        "초고",
        "데스킹",
        "출고 대기",
        "출고",
    ]
    assert editor.metadata.status() is Status.READY


def test_the_panel_is_folded_until_asked_for(qtbot: QtBot, editor: ArticleEditor) -> None:
    panel = editor.metadata
    assert not panel.is_expanded()
    assert not panel.fields.isVisible()
    assert panel.timestamps_label.isVisible()
    focus(qtbot, editor.byline_edit)
    QTest.keyClick(editor.byline_edit, Qt.Key.Key_Tab)
    assert editor.body_edit.hasFocus()  # folded fields are not in the way
    with qtbot.waitSignal(panel.expanded_changed):
        panel.toggle_action.trigger()
    assert panel.fields.isVisible()
    qtbot.waitUntil(panel.status_edit.hasFocus)
    focus(qtbot, editor.byline_edit)
    for expected in [*panel.field_order(), editor.body_edit]:
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_every_metadata_field_reports_an_edit(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.load(article_of(ArticleContent()))
    panel = editor.metadata
    panel.set_expanded(True)
    edits = [
        lambda: panel.status_edit.setCurrentIndex(2),
        lambda: panel.language_edit.setCurrentIndex(1),
        lambda: panel.target_edit.setValue(900),
    ]
    for edit in edits:
        with qtbot.waitSignal(editor.content_changed, timeout=1000):
            edit()
    for widget in (panel.tags_edit, panel.slug_edit, panel.summary_edit, panel.note_edit):
        focus(qtbot, widget)
        with qtbot.waitSignal(editor.content_changed, timeout=1000):
            commit_text(widget, "글")


def test_the_editors_note_says_it_is_never_exported(editor: ArticleEditor) -> None:
    note = editor.metadata.note_edit
    assert "never exported" in note.placeholderText()
    assert "never exported" in note.toolTip()


def test_sections_come_from_the_managed_list(qtbot: QtBot, store: Store) -> None:
    store.set_sections(["정치", "지역", "경제"])
    editor = ArticleEditor(sections=store.sections())
    qtbot.addWidget(editor)
    combo = editor.section_edit
    assert [combo.itemText(i) for i in range(combo.count())] == ["정치", "지역", "경제"]
    editor.load(article_of(ArticleContent(section="칼럼")))
    with qtbot.assertNotEmitted(editor.content_changed):
        editor.set_sections(["지역", "국제"])
    assert [combo.itemText(i) for i in range(combo.count())] == ["지역", "국제"]
    assert editor.content().section == "칼럼"


def test_a_new_article_gets_the_reporters_byline(
    qtbot: QtBot, editor: ArticleEditor, store: Store, tmp_path: Path
) -> None:
    preferences = AppPreferences(preferences_settings(tmp_path / "preferences.ini"))
    preferences.set_reporter_name("홍길동")
    preferences.set_reporter_email("hong@example.com")
    article = store.create_article(preferences.new_article_content())
    editor.load(article)
    assert editor.byline_edit.text() == "홍길동 기자 hong@example.com"
    assert store.get_article(article.id).content.byline == "홍길동 기자 hong@example.com"


def test_parse_tags() -> None:
    assert parse_tags(" 반도체, 수출，경제、#AI ,, 반도체 ") == ("반도체", "수출", "경제", "AI")
    assert parse_tags("") == ()
