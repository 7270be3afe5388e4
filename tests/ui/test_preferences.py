"""Preferences: typed settings in their own INI file, change signals, the dialog and sections."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from deskeditor import paths
from deskeditor.core.errors import StoreError
from deskeditor.core.settings import UiLanguage
from deskeditor.core.store import Store
from deskeditor.ui.preferences import AppPreferences, preferences_settings
from deskeditor.ui.preferencesdialog import PreferencesDialog, SectionStore
from deskeditor.ui.sectionseditor import SectionsEditor


@pytest.fixture
def preferences_file() -> Path:
    return paths.preferences_file()  # in the test's temporary config dir


@pytest.fixture
def preferences(preferences_file: Path) -> AppPreferences:
    return AppPreferences(preferences_settings(preferences_file))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "store.sqlite3")
    yield store
    store.close()


def test_preferences_live_in_their_own_file(preferences_file: Path) -> None:
    assert preferences_file.name == "preferences.ini"
    assert preferences_file != paths.session_state_file()
    settings = preferences_settings(preferences_file)
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()) == preferences_file


def test_defaults_then_values_that_survive_a_restart(
    preferences: AppPreferences, preferences_file: Path
) -> None:
    assert preferences.reporter_name() == ""
    assert preferences.manuscript_page_chars() == 200
    assert preferences.markdown_typing() is True
    assert preferences.ui_language() is UiLanguage.SYSTEM
    preferences.set_reporter_name(" 홍길동 ")
    preferences.set_reporter_email("hong@example.com")
    preferences.set_manuscript_page_chars(150)
    preferences.set_markdown_typing(False)
    preferences.set_ui_language(UiLanguage.KOREAN)
    preferences.sync()
    assert preferences_file.is_file()

    reopened = AppPreferences(preferences_settings(preferences_file))
    assert reopened.reporter_name() == "홍길동"
    assert reopened.reporter_email() == "hong@example.com"
    assert reopened.default_byline() == "홍길동 기자 hong@example.com"
    assert reopened.manuscript_page_chars() == 150
    assert reopened.markdown_typing() is False
    assert reopened.ui_language() is UiLanguage.KOREAN
    assert reopened.resolved_ui_language().value == "ko"


def test_a_hand_edited_file_with_bad_values_gives_defaults(preferences_file: Path) -> None:
    preferences_file.parent.mkdir(parents=True, exist_ok=True)
    preferences_file.write_text(
        "[counts]\nmanuscriptPageChars=175\n[editor]\nmarkdownTyping=maybe\n"
        "[interface]\nlanguage=tlh\n",
        encoding="utf-8",
    )
    preferences = AppPreferences(preferences_settings(preferences_file))
    assert preferences.manuscript_page_chars() == 200
    assert preferences.markdown_typing() is True
    assert preferences.ui_language() is UiLanguage.SYSTEM


def test_each_setter_signals_only_a_real_change(qtbot: QtBot, preferences: AppPreferences) -> None:
    with qtbot.waitSignal(preferences.manuscript_page_chars_changed) as blocker:
        preferences.set_manuscript_page_chars(150)
    assert blocker.args == [150]
    with qtbot.assertNotEmitted(preferences.manuscript_page_chars_changed):
        preferences.set_manuscript_page_chars(150)
    with qtbot.waitSignal(preferences.markdown_typing_changed) as blocker:
        preferences.set_markdown_typing(False)
    assert blocker.args == [False]
    with qtbot.waitSignal(preferences.reporter_changed):
        preferences.set_reporter_name("홍길동")
    with qtbot.assertNotEmitted(preferences.reporter_changed):
        preferences.set_reporter_name("홍길동 ")
    with qtbot.waitSignal(preferences.ui_language_changed) as blocker:
        preferences.set_ui_language(UiLanguage.ENGLISH)
    assert blocker.args == ["en"]


def test_an_invalid_page_size_is_refused(preferences: AppPreferences) -> None:
    with pytest.raises(ValueError):
        preferences.set_manuscript_page_chars(175)
    assert preferences.manuscript_page_chars() == 200


def make_dialog(
    qtbot: QtBot, preferences: AppPreferences, store: SectionStore | None = None
) -> PreferencesDialog:
    dialog = PreferencesDialog(preferences, store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialog_applies_every_setting_on_ok(
    qtbot: QtBot, preferences: AppPreferences, store: Store, preferences_file: Path
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    assert dialog.page_edit.currentData() == 200
    assert dialog.markdown_typing_edit.isChecked()
    dialog.name_edit.setText("홍길동")
    dialog.email_edit.setText("hong@example.com")
    assert dialog.byline_preview.text() == "홍길동 기자 hong@example.com"
    dialog.page_edit.setCurrentIndex(dialog.page_edit.findData(150))
    dialog.markdown_typing_edit.setChecked(False)
    dialog.language_edit.setCurrentIndex(dialog.language_edit.findData("ko"))
    with (
        qtbot.waitSignal(preferences.manuscript_page_chars_changed),
        qtbot.waitSignal(preferences.markdown_typing_changed),
        qtbot.waitSignal(dialog.accepted),
    ):
        dialog.accept()
    reopened = AppPreferences(preferences_settings(preferences_file))
    assert reopened.default_byline() == "홍길동 기자 hong@example.com"
    assert reopened.manuscript_page_chars() == 150
    assert reopened.markdown_typing() is False
    assert reopened.ui_language() is UiLanguage.KOREAN


def test_cancel_changes_nothing(qtbot: QtBot, preferences: AppPreferences) -> None:
    dialog = make_dialog(qtbot, preferences)
    dialog.name_edit.setText("홍길동")
    dialog.reject()
    assert preferences.reporter_name() == ""


def test_sections_are_edited_and_stored(
    qtbot: QtBot, preferences: AppPreferences, store: Store
) -> None:
    store.set_sections(["정치", "경제", "사회"])
    dialog = make_dialog(qtbot, preferences, store)
    sections = dialog.sections_editor
    assert sections.names() == ["정치", "경제", "사회"]
    sections.set_current_row(2)
    sections.move_current(-1)  # 사회 above 경제
    sections.set_current_row(0)
    sections.remove_current()  # no more 정치
    sections.add_section("지역")
    with qtbot.waitSignal(dialog.sections_changed) as blocker:
        dialog.accept()
    assert blocker.args == [["사회", "경제", "지역"]]
    assert store.sections() == ["사회", "경제", "지역"]


def test_unchanged_sections_are_not_written(
    qtbot: QtBot, preferences: AppPreferences, store: Store
) -> None:
    dialog = make_dialog(qtbot, preferences, store)
    with qtbot.assertNotEmitted(dialog.sections_changed):
        dialog.accept()


class LockedSections:
    """Sections that can be read but not written, as with a locked database."""

    def sections(self) -> list[str]:
        return ["정치"]

    def set_sections(self, names: Sequence[str]) -> None:
        raise StoreError("The store could not complete the operation: database is locked.")


def test_a_failed_section_save_keeps_the_dialog_open(
    qtbot: QtBot, preferences: AppPreferences
) -> None:
    dialog = make_dialog(qtbot, preferences, LockedSections())
    dialog.sections_editor.add_section("경제")
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.accept()
    assert dialog.isVisible()
    assert "database is locked" in dialog.error_label.text()


def test_the_sections_editor_buttons(qtbot: QtBot) -> None:
    editor = SectionsEditor()
    qtbot.addWidget(editor)
    editor.set_names(["가", "나"])
    editor.set_current_row(0)
    assert not editor.up_button.isEnabled()
    assert editor.down_button.isEnabled()
    editor.down_button.click()
    assert editor.names() == ["나", "가"]
    assert editor.current_row() == 1
    editor.model.setStringList(["가", " 가 ", "", "다"])
    assert editor.names() == ["가", "다"]  # trimmed, empty rows dropped, each once
