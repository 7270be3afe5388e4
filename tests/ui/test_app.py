"""app.main: arguments, store choice, clear start-up errors, and an existing QApplication."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deskeditor import app, paths
from deskeditor.core.models import ArticleContent
from deskeditor.core.store import Store
from deskeditor.ui.mainwindow import MainWindow

WATCHDOG_MS = 60_000


def run_main(qtbot: QtBot, argv: list[str], inspect: Callable[[MainWindow], None]) -> int:
    """Run main() on the test's QApplication; inspect the window it shows, then close it."""
    destroyed: list[bool] = []

    def poke() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next(w for w in windows if w.isVisible())
        window.destroyed.connect(lambda: destroyed.append(True))
        try:
            inspect(window)
        finally:
            window.close()

    def watchdog() -> None:  # a failed inspection must not leave main() running forever
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()

    QTimer.singleShot(0, poke)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(watchdog)
    guard.start(WATCHDOG_MS)
    try:
        status = app.main(argv)
    finally:
        guard.stop()
    # The window deletes itself on close; let that happen inside this test.
    qtbot.waitUntil(lambda: bool(destroyed), timeout=20_000)
    return status


@pytest.mark.parametrize("argv", [["--open", "seven"], ["--no-such-option"], ["extra"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.main(["--help"]) == 0
    assert "--open" in capsys.readouterr().out


def test_a_file_that_is_not_a_store_gives_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_bytes(b"Just some notes, not a database.\n")
    assert app.main(["--db", str(bogus)]) == 1
    err = capsys.readouterr().err
    assert "not a deskeditor store" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert bogus.read_bytes() == b"Just some notes, not a database.\n"


def test_main_reuses_the_application_and_opens_the_requested_article(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "desk.sqlite3"
    store = Store.open(db)
    wanted = store.create_article(ArticleContent(headline="Wanted"))
    store.create_article(ArticleContent(headline="Newest"))
    store.close()
    seen: dict[str, object] = {}

    def inspect(window: MainWindow) -> None:
        seen["headline"] = window.editor.headline_edit.text()
        seen["rows"] = window.model.rowCount()
        seen["app"] = QCoreApplication.applicationName()

    existing = QApplication.instance()
    assert run_main(qtbot, ["--db", str(db), "--open", str(wanted.id)], inspect) == 0
    assert QApplication.instance() is existing
    assert seen == {"headline": "Wanted", "rows": 2, "app": "deskeditor"}


def test_the_environment_variable_chooses_the_store(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "from-env.sqlite3"
    store = Store.open(db)
    store.create_article(ArticleContent(headline="From the environment"))
    store.close()
    monkeypatch.setenv("DESKEDITOR_DB", str(db))
    headlines: list[str] = []
    assert run_main(qtbot, [], lambda w: headlines.append(w.editor.headline_edit.text())) == 0
    assert headlines == ["From the environment"]


def test_first_start_creates_the_default_store_and_keeps_session_state_apart(
    qtbot: QtBot,
) -> None:
    assert not paths.default_db_path().exists()
    empty: list[bool] = []

    def inspect(window: MainWindow) -> None:
        empty.append(window.middle.currentWidget() is window.empty_state)
        window.commands.new.trigger()

    assert run_main(qtbot, [], inspect) == 0
    assert empty == [True]
    assert paths.default_db_path().exists()
    session = QSettings(str(paths.session_state_file()), QSettings.Format.IniFormat)
    assert session.value("session/lastArticle") is not None
    store = Store.open(paths.default_db_path())
    try:
        assert len(store.article_ids()) == 1
    finally:
        store.close()


def test_last_article_is_reopened_on_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    store = Store.open(db)
    older = store.create_article(ArticleContent(headline="Older"))
    store.create_article(ArticleContent(headline="Newer"))
    store.close()

    def open_older(window: MainWindow) -> None:
        window.open_article(older.id)

    assert run_main(qtbot, ["--db", str(db)], open_older) == 0
    reopened: list[str] = []
    assert (
        run_main(qtbot, ["--db", str(db)], lambda w: reopened.append(w.editor.headline_edit.text()))
        == 0
    )
    assert reopened == ["Older"]


def test_start_up_objects_are_frozen_while_the_window_runs(qtbot: QtBot, tmp_path: Path) -> None:
    """A full garbage collection must not walk what start-up built (a 105 ms scroll stall)."""
    frozen: list[int] = []
    assert gc.get_freeze_count() == 0

    def inspect(window: MainWindow) -> None:
        frozen.append(gc.get_freeze_count())

    assert run_main(qtbot, ["--db", str(tmp_path / "desk.sqlite3")], inspect) == 0
    assert frozen and frozen[0] > 10_000
    assert gc.get_freeze_count() == 0  # unfrozen when the window closed: collectable again


def test_the_chosen_korean_interface_is_used_and_left_on_close(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(paths.preferences_file()), QSettings.Format.IniFormat)
    settings.setValue("interface/language", "ko")
    settings.sync()
    titles: list[str] = []

    def inspect(window: MainWindow) -> None:
        titles.append(window.menuBar().actions()[0].text())

    assert run_main(qtbot, ["--db", str(tmp_path / "desk.sqlite3")], inspect) == 0
    assert titles == ["파일(&F)"]
    # The application is reused by the next test: it must be English again.
    assert QCoreApplication.translate("actions", "&File") == "&File"
