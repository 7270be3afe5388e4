"""Session state (geometry, splitter, last article) in its own INI file, apart from preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from deskeditor.core.models import ArticleId

GEOMETRY_KEY = "window/geometry"
WINDOW_STATE_KEY = "window/state"
SPLITTER_KEY = "window/splitter"
PREVIEW_VISIBLE_KEY = "window/previewVisible"
LAST_ARTICLE_KEY = "session/lastArticle"
EXPORT_DIR_KEY = "session/exportDir"


def session_settings(path: Path) -> QSettings:
    """QSettings on an explicit INI file, never Qt's default (registry/plist) location."""
    return QSettings(str(path), QSettings.Format.IniFormat)


class SessionState:
    """Typed getters and setters over the session QSettings; nothing here is a preference."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        return self._settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes(GEOMETRY_KEY)

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(GEOMETRY_KEY, value)

    def window_state(self) -> QByteArray | None:
        return self._bytes(WINDOW_STATE_KEY)

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue(WINDOW_STATE_KEY, value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes(SPLITTER_KEY)

    def set_splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue(SPLITTER_KEY, value)

    def preview_visible(self) -> bool:
        # INI files give strings back; only an explicit "false" hides the preview.
        return str(self._settings.value(PREVIEW_VISIBLE_KEY, "true")).lower() != "false"

    def set_preview_visible(self, visible: bool) -> None:
        self._settings.setValue(PREVIEW_VISIBLE_KEY, visible)

    def last_article(self) -> ArticleId | None:
        value = self._settings.value(LAST_ARTICLE_KEY)
        try:
            return ArticleId(int(str(value))) if value is not None else None
        except ValueError:
            return None

    def set_last_article(self, article_id: ArticleId | None) -> None:
        if article_id is None:
            self._settings.remove(LAST_ARTICLE_KEY)
        else:
            self._settings.setValue(LAST_ARTICLE_KEY, int(article_id))

    def export_dir(self) -> Path | None:
        value = self._settings.value(EXPORT_DIR_KEY)
        return Path(str(value)) if value else None

    def set_export_dir(self, folder: Path) -> None:
        self._settings.setValue(EXPORT_DIR_KEY, str(folder))

    def sync(self) -> None:
        """Write to disk now (the window calls this on close)."""
        self._settings.sync()
