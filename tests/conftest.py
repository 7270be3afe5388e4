"""Test-wide fixtures: isolated user directories, Qt offscreen, GUI auto-marking."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt and QtWebEngine must see these before they are first imported. They are set
# only for tests and CI (root under CI needs the Chromium sandbox off).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

UI_TESTS = Path(__file__).parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/ui as gui, so `-m "not gui"` runs the pure core alone."""
    for item in items:
        if UI_TESTS in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every user directory paths.py knows at a temporary folder."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("DESKEDITOR_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("DESKEDITOR_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("DESKEDITOR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    yield home


_EXIT_STATUS = pytest.StashKey[int]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without the interpreter's teardown once Qt has run, keeping pytest's status.

    After every test has passed and the summary is printed, QtWebEngine can crash while
    the interpreter destroys its globals (seen as a segfault after "N passed" on CI),
    which would turn a green run red. The results are final by now; see the session
    note for the open question of the app's own exit.
    """
    if "PySide6.QtWebEngineCore" not in sys.modules or _EXIT_STATUS not in config.stash:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(config.stash[_EXIT_STATUS])
