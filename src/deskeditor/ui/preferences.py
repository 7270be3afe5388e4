"""User preferences over QSettings (apart from session state), with a change signal per setting."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLocale, QObject, QSettings, Signal

from deskeditor.core import settings as schema
from deskeditor.core.models import ArticleContent, Language
from deskeditor.core.settings import Setting, UiLanguage

T = TypeVar("T")


def preferences_settings(path: Path) -> QSettings:
    """QSettings on an explicit INI file (paths.preferences_file()), never Qt's default place."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class QSettingsBackend:
    """The core schema's backend protocol on a QSettings object."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def value(self, key: str) -> object:
        return self._settings.value(key)

    def set_value(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)

    def remove(self, key: str) -> None:
        self._settings.remove(key)


class AppPreferences(QObject):
    """Typed getters and setters for every preference; setters emit only on a real change."""

    reporter_changed = Signal()  # name or e-mail changed: the default byline did
    manuscript_page_chars_changed = Signal(int)  # 200 or 150
    markdown_typing_changed = Signal(bool)
    ui_language_changed = Signal(str)  # a UiLanguage value; applies at the next start

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._values = schema.Preferences(QSettingsBackend(settings))

    @property
    def settings(self) -> QSettings:
        return self._settings

    def _set(self, setting: Setting[T], value: T) -> bool:
        return self._values.set(setting, value)

    def reporter_name(self) -> str:
        return self._values.get(schema.REPORTER_NAME)

    def set_reporter_name(self, name: str) -> None:
        if self._set(schema.REPORTER_NAME, name.strip()):
            self.reporter_changed.emit()

    def reporter_email(self) -> str:
        return self._values.get(schema.REPORTER_EMAIL)

    def set_reporter_email(self, email: str) -> None:
        if self._set(schema.REPORTER_EMAIL, email.strip()):
            self.reporter_changed.emit()

    def default_byline(self) -> str:
        profile = self._values.reporter()
        return schema.default_byline(profile.name, profile.email)

    def new_article_content(self) -> ArticleContent:
        """The content File → New starts with (the reporter's byline)."""
        return self._values.new_article_content()

    def manuscript_page_chars(self) -> int:
        return self._values.get(schema.MANUSCRIPT_PAGE)

    def set_manuscript_page_chars(self, chars: int) -> None:
        if self._set(schema.MANUSCRIPT_PAGE, chars):
            self.manuscript_page_chars_changed.emit(chars)

    def markdown_typing(self) -> bool:
        return self._values.get(schema.MARKDOWN_TYPING)

    def set_markdown_typing(self, enabled: bool) -> None:
        if self._set(schema.MARKDOWN_TYPING, enabled):
            self.markdown_typing_changed.emit(enabled)

    def ui_language(self) -> UiLanguage:
        return self._values.get(schema.UI_LANGUAGE)

    def set_ui_language(self, choice: UiLanguage) -> None:
        if self._set(schema.UI_LANGUAGE, choice):
            self.ui_language_changed.emit(choice.value)

    def resolved_ui_language(self) -> Language:
        """The interface language: the choice, else the system locale's."""
        return schema.resolve_ui_language(self.ui_language(), QLocale.system().name())

    def sync(self) -> None:
        """Write to disk now (the dialog calls this when it is accepted)."""
        self._settings.sync()
