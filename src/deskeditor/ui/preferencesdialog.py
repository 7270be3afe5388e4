"""Edit → Preferences…: reporter profile, counting, typing, interface language and sections."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from deskeditor.core import settings as schema
from deskeditor.core.errors import DeskeditorError
from deskeditor.core.settings import UiLanguage
from deskeditor.ui.preferences import AppPreferences
from deskeditor.ui.sectionseditor import SectionsEditor


class SectionStore(Protocol):
    """The store calls the Sections page makes (Store itself fits)."""

    def sections(self) -> list[str]: ...

    def set_sections(self, names: Sequence[str]) -> None: ...


class PreferencesDialog(QDialog):
    """Changes apply on OK; each setting then emits its own change signal."""

    sections_changed = Signal(list)  # the managed section list as stored

    def __init__(
        self,
        preferences: AppPreferences,
        sections: SectionStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._preferences = preferences
        self._sections = sections
        self._stored_sections: list[str] = []

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("reporterNameEdit")
        self.name_edit.setMaxLength(schema.REPORTER_NAME.max_length)
        self.email_edit = QLineEdit(self)
        self.email_edit.setObjectName("reporterEmailEdit")
        self.email_edit.setMaxLength(schema.REPORTER_EMAIL.max_length)
        self.byline_preview = QLabel(self)
        self.byline_preview.setObjectName("bylinePreview")
        self.page_edit = QComboBox(self)
        self.page_edit.setObjectName("manuscriptPageEdit")
        for chars in schema.MANUSCRIPT_PAGE.choices:
            self.page_edit.addItem(self.tr("{chars} characters").format(chars=chars), chars)
        self.markdown_typing_edit = QCheckBox(
            self.tr("Format as I type Markdown (# heading, **bold**, - list)"), self
        )
        self.markdown_typing_edit.setObjectName("markdownTypingEdit")
        self.language_edit = QComboBox(self)
        self.language_edit.setObjectName("uiLanguageEdit")
        # Item data are plain strings: Qt hands enum members back as str anyway.
        self.language_edit.addItem(self.tr("System"), UiLanguage.SYSTEM.value)
        self.language_edit.addItem("한국어", UiLanguage.KOREAN.value)
        self.language_edit.addItem("English", UiLanguage.ENGLISH.value)
        self.sections_editor = SectionsEditor(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("preferencesError")
        self.error_label.setStyleSheet("color: #c00000;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_page(), self.tr("&General"))
        sections_page = self.tabs.addTab(self.sections_editor, self.tr("&Sections"))
        self.tabs.setTabEnabled(sections_page, sections is not None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.name_edit.textChanged.connect(self._show_byline)
        self.email_edit.textChanged.connect(self._show_byline)
        self._load()

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(self.tr("Reporter &name"), self.name_edit)
        form.addRow(self.tr("Reporter &e-mail"), self.email_edit)
        form.addRow(self.tr("New articles' byline"), self.byline_preview)
        form.addRow(self.tr("Manuscript &page (원고지)"), self.page_edit)
        form.addRow("", self.markdown_typing_edit)
        form.addRow(self.tr("Interface &language"), self.language_edit)
        note = QLabel(self.tr("The interface language changes at the next start."), page)
        note.setEnabled(False)
        form.addRow("", note)
        return page

    def _load(self) -> None:
        preferences = self._preferences
        self.name_edit.setText(preferences.reporter_name())
        self.email_edit.setText(preferences.reporter_email())
        self.page_edit.setCurrentIndex(self.page_edit.findData(preferences.manuscript_page_chars()))
        self.markdown_typing_edit.setChecked(preferences.markdown_typing())
        self.language_edit.setCurrentIndex(
            self.language_edit.findData(preferences.ui_language().value)
        )
        if self._sections is not None:
            try:
                self._stored_sections = self._sections.sections()
            except DeskeditorError as error:
                self._fail(self.tr("Cannot read the sections"), error)
            self.sections_editor.set_names(self._stored_sections)
        self._show_byline()

    def _show_byline(self) -> None:
        byline = schema.default_byline(self.name_edit.text(), self.email_edit.text())
        self.byline_preview.setText(byline or self.tr("(empty)"))

    def _fail(self, action: str, error: DeskeditorError) -> None:
        self.error_label.setText(f"{action}: {error}")
        self.error_label.show()

    def apply(self) -> bool:
        """Store every setting (and the sections); False, with the reason shown, on failure."""
        self.error_label.hide()
        names = self.sections_editor.names()
        if self._sections is not None and names != self._stored_sections:
            try:
                self._sections.set_sections(names)
            except DeskeditorError as error:
                self._fail(self.tr("Cannot save the sections"), error)
                return False
            self._stored_sections = names
            self.sections_changed.emit(names)
        preferences = self._preferences
        preferences.set_reporter_name(self.name_edit.text())
        preferences.set_reporter_email(self.email_edit.text())
        page_chars = self.page_edit.currentData()
        if isinstance(page_chars, int):
            preferences.set_manuscript_page_chars(page_chars)
        preferences.set_markdown_typing(self.markdown_typing_edit.isChecked())
        preferences.set_ui_language(UiLanguage(self.language_edit.currentData()))
        preferences.sync()
        return True

    @override
    def accept(self) -> None:
        if self.apply():
            super().accept()
