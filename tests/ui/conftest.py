"""GUI test setup and shared fixtures: a real store, answered prompts, windows, typing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from deskeditor import paths
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.qtsetup import prepare_qt_before_application
from deskeditor.ui.sessionstate import SessionState, session_settings

if TYPE_CHECKING:
    from deskeditor.ui.mainwindow import MainWindow

# URL schemes and QtWebEngine must be prepared before the QApplication exists.
prepare_qt_before_application()

LOAD_TIMEOUT_MS = 20_000  # the first QtWebEngine start on a busy machine is slow
NEVER_MS = 3_600_000  # an autosave delay long enough that only explicit saves happen

MakeWindow = Callable[..., "MainWindow"]
CommitText = Callable[[QWidget, str], None]
Focus = Callable[[QWidget], None]


class AnsweringPrompts(Prompts):
    """Answers the window's questions without showing dialogs, and remembers them."""

    def __init__(self) -> None:
        super().__init__()
        self.delete_answer = True
        self.delete_questions: list[str] = []
        self.export_to: Path | None = None
        self.warnings: list[str] = []
        self.empty_answer = True
        self.empty_questions: list[int] = []
        self.dates: tuple[date, date] | None = None
        self.date_questions: list[tuple[date, date]] = []

    def confirm_delete(self, parent: QWidget, headline: str) -> bool:
        self.delete_questions.append(headline)
        return self.delete_answer

    def export_path(self, parent: QWidget, suggested: Path) -> Path | None:
        return self.export_to

    def warn(self, parent: QWidget, title: str, message: str) -> None:
        self.warnings.append(message)

    def confirm_empty_trash(self, parent: QWidget, count: int) -> bool:
        self.empty_questions.append(count)
        return self.empty_answer

    def date_range(self, parent: QWidget, start: date, end: date) -> tuple[date, date] | None:
        self.date_questions.append((start, end))
        return self.dates


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "stores" / "store.sqlite3"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    store = Store.open(store_path)
    yield store
    store.close()


@pytest.fixture
def prompts() -> AnsweringPrompts:
    return AnsweringPrompts()


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    return tmp_path / "session.ini"


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, prompts: AnsweringPrompts, session_file: Path
) -> Iterator[MakeWindow]:
    """Windows on the test's store, shown and active; closed and deleted after the test."""
    # Imported here: a model or widget test should not need the whole window to import.
    from deskeditor.ui.mainwindow import MainWindow

    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    windows: list[MainWindow] = []

    def make(*, listed: bool = True, **options: Any) -> MainWindow:
        """listed=False returns before a slow article list is in (start-up does not wait)."""
        window = MainWindow(
            store,
            renderer,
            SessionState(session_settings(session_file)),
            prompts=prompts,
            **options,
        )
        windows.append(window)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)  # window shortcuts need the active window
        if listed:
            qtbot.waitUntil(lambda: not window.model.is_loading)
        return window

    yield make
    for window in windows:
        # Delete inside this test's event loop, so no WebEngine page outlives it.
        window.close()
        with qtbot.waitSignal(window.destroyed, timeout=LOAD_TIMEOUT_MS):
            window.deleteLater()


def _commit_text(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def commit_text() -> CommitText:
    """Type text as an input method does (QTest.keyClicks cannot send Hangul)."""
    return _commit_text


@pytest.fixture
def focus(qtbot: QtBot) -> Focus:
    """Give a widget the keyboard focus and wait until it has it."""

    def give(widget: QWidget) -> None:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)

    return give


def select_row(window: MainWindow, row: int) -> None:
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    window.list_view.selectionModel().setCurrentIndex(window.model.index(row, 0), flags)


@pytest.fixture
def choose_row() -> Callable[[MainWindow, int], None]:
    """Make a list row current, as a click does (the window opens it)."""
    return select_row


@pytest.fixture
def wait_for_list(qtbot: QtBot) -> Callable[[MainWindow], None]:
    """Wait until the list shows the rows of the query its controls ask for."""

    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(
            lambda: (
                not window.model.is_loading
                and window.model.query == window.list_pane.wanted_query()
            )
        )

    return wait
