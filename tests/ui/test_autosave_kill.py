"""The promise of autosave: typed text survives SIGKILL after the delay, and SIGTERM at once."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from deskeditor.core.models import ArticleContent, ArticleId
from deskeditor.core.store import Store
from deskeditor.ui.autosave import DEBOUNCE_MS

DRIVER = Path(__file__).with_name("autosave_driver.py")
START_TIMEOUT_S = 90  # QtWebEngine's first start on a busy CI machine
TEXT = "기사 본문이 살아남는다 survives"


def read_line(process: subprocess.Popen[str], timeout_s: float) -> str:
    """The child's next stdout line, or "" if none comes in time (never blocks for ever)."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            return ""
    return process.stdout.readline()


def driver_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu",
        PYTHONUNBUFFERED="1",
    )
    # The isolated user folders from conftest must reach the child.
    assert "DESKEDITOR_DATA_DIR" in env and "DESKEDITOR_CONFIG_DIR" in env
    return env


@contextmanager
def typing_app(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path, ArticleId]]:
    """The real app in a subprocess, with TEXT typed into the body of one article."""
    db = tmp_path / "kill.sqlite3"
    store = Store.open(db)
    article = store.create_article(ArticleContent(headline="Kill test"))
    store.close()
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "--text", TEXT, "--db", str(db), "--open", str(article.id)],
        env=driver_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = read_line(process, START_TIMEOUT_S)
        assert line.strip() == "typed", f"no 'typed' line; driver status {process.poll()}"
        yield process, db, article.id
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def stored_body(db: Path, article_id: ArticleId) -> str:
    store = Store.open(db)
    try:
        return store.get_article(article_id).content.body
    finally:
        store.close()


@pytest.mark.slow
def test_typed_text_survives_sigkill_after_the_autosave_delay(tmp_path: Path) -> None:
    with typing_app(tmp_path) as (process, db, article_id):
        # Wait a little longer than the autosave delay; the app must still be running.
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=(DEBOUNCE_MS + 800) / 1000)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    assert TEXT in stored_body(db, article_id)


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_close_the_app_and_save_at_once(
    tmp_path: Path, stop: signal.Signals
) -> None:
    with typing_app(tmp_path) as (process, db, article_id):
        # Sent at once, before the autosave delay: only closing the window can save.
        os.kill(process.pid, stop)
        assert process.wait(timeout=60) == 0
    assert TEXT in stored_body(db, article_id)
