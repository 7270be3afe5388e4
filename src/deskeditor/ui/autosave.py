"""Autosave: every edit reaches the store shortly after typing stops, so nothing is ever unsaved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

from deskeditor.core.models import ArticleContent, ArticleId
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.operations import OperationError

DEBOUNCE_MS = 700
"""Quiet time after the last edit before saving; with the save itself, well under 1 s."""

RETRY_MS = 3000
"""After a failed save, try again this often even if the user stops typing."""


class Autosaver(QObject):
    """Writes the tracked article when typing pauses, on demand, and when focus leaves."""

    article_saved = Signal(object)  # the Article as stored
    save_failed = Signal(str)  # a message for the user; the edits are kept and retried

    def __init__(
        self,
        store: Store,
        content: Callable[[], ArticleContent],
        *,
        debounce_ms: int = DEBOUNCE_MS,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._content = content
        self._debounce_ms = debounce_ms
        self._retry_ms = retry_ms
        self._article_id: ArticleId | None = None
        self._dirty = False
        self._failing = False
        self._saving = False
        self._baseline: ArticleContent | None = None
        self._first_save = True
        self._app: QGuiApplication | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)

    @property
    def article_id(self) -> ArticleId | None:
        return self._article_id

    @property
    def is_dirty(self) -> bool:
        """True while an edit has not reached the store."""
        return self._dirty

    @property
    def is_failing(self) -> bool:
        """True when the last save attempt failed."""
        return self._failing

    def track(self, article_id: ArticleId | None) -> None:
        """Follow another article, just loaded into the editor.

        Call save_now() first, or the previous article's pending edits are dropped.
        The editor's content now is the baseline: a save that would write the same
        content is skipped, so opening an article never changes its timestamp.
        """
        self._timer.stop()
        self._article_id = article_id
        self._dirty = False
        self._failing = False
        self._baseline = self._content() if article_id is not None else None
        # The store keeps a revision of the text as it was opened, before the first change.
        self._first_save = True

    def note_change(self) -> None:
        """The user edited the tracked article: save after a quiet moment."""
        if self._article_id is None:
            return
        self._dirty = True
        self._timer.start(self._debounce_ms)

    def save_now(self, *, force: bool = False) -> bool:
        """Write pending edits at once; True when nothing is left unsaved.

        force=True compares the editor with the last saved content even when no
        change was signalled (Ctrl+S, switching articles, closing): belt and braces.
        """
        if self._saving:
            # Re-entered from a handler (e.g. a warning box taking focus): the outer call decides.
            return not self._dirty
        self._timer.stop()
        if self._article_id is None or not (self._dirty or force):
            return True
        content = self._content()
        if content == self._baseline:
            self._dirty = False
            self._failing = False
            return True
        self._saving = True
        try:
            article = operations.save_article(
                self._store, self._article_id, content, keep_revision=self._first_save
            )
        except OperationError as error:
            self._failing = True
            # Keep the edits (they are still in the editor) and try again later.
            self._timer.start(self._retry_ms)
            self.save_failed.emit(str(error))
            return False
        else:
            self._baseline = content
            self._first_save = False
            self._dirty = False
            self._failing = False
            self.article_saved.emit(article)
            return True
        finally:
            self._saving = False

    def watch_application(self, app: QGuiApplication) -> None:
        """Save when the application goes to the background or focus moves to another window."""
        self.stop_watching()
        self._app = app
        app.applicationStateChanged.connect(self._on_application_state)
        app.focusWindowChanged.connect(self._on_focus_window)

    def stop_watching(self) -> None:
        if self._app is not None:
            self._app.applicationStateChanged.disconnect(self._on_application_state)
            self._app.focusWindowChanged.disconnect(self._on_focus_window)
            self._app = None

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.save_now()

    def _on_focus_window(self, _window: QWindow | None) -> None:
        # Any change of focus window (to a dialog, another app, or none) may be the
        # last moment before the laptop lid closes; a save with nothing dirty is free.
        self.save_now()

    def stop(self) -> None:
        """Stop timers and signal connections (the owner saves first)."""
        self._timer.stop()
        self.stop_watching()
