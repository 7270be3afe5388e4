"""The article list on a big store, frame by frame: python bench/bench_ui_list.py DB.

Builds the real main window on the store, then (1) pages down through the whole list,
timing each step from the scroll to the end of the list's repaint, (2) sorts by
headline by clicking the header, both ways, and back to newest first, and (3) types a
search. Throughout, a 5 ms heartbeat timer records the longest time the event loop
went without running it: the longest frame a user could have seen, and the garbage
collector's longest pause is reported beside it. Target: no frame over 50 ms. The
window runs as app.main runs it (start-up objects frozen for the collector). Rows are
never read on the UI thread: the bench also says how many pages the scroll reached
before their rows were read (shown empty for that moment). The store is only read
(nothing is typed into an article), but it is migrated if it is older.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskeditor import paths  # noqa: E402
from deskeditor.app import long_lived_heap  # noqa: E402
from deskeditor.core.render import Renderer  # noqa: E402
from deskeditor.core.store import Store  # noqa: E402
from deskeditor.ui.articlelistmodel import HEADLINE, MODIFIED, STATUS  # noqa: E402
from deskeditor.ui.mainwindow import MainWindow  # noqa: E402
from deskeditor.ui.qtsetup import prepare_qt_before_application  # noqa: E402
from deskeditor.ui.sessionstate import SessionState, session_settings  # noqa: E402

from stats import describe  # noqa: E402

FRAME_TARGET_MS = 50.0
HEARTBEAT_MS = 5


class Heartbeat:
    """A timer that should run every 5 ms; the longest gap between runs is the worst stall."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._last = 0.0
        self.longest_ms = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        if gap > self.longest_ms:
            self.longest_ms = gap
            self.longest_at_ms = (self._last - self._began) * 1000
        self._last = now

    def start(self) -> None:
        self.longest_ms = 0.0
        self.longest_at_ms = 0.0
        self._began = self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._beat()
        self._timer.stop()
        return self.longest_ms


class CollectorPauses:
    """The garbage collector's pauses (on any thread), longest first, per phase."""

    def __init__(self) -> None:
        self._began = 0.0
        self.pauses: list[tuple[float, int]] = []  # (ms, generation)
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses.append(((time.perf_counter() - self._began) * 1000, info["generation"]))

    def take(self) -> str:
        """A line on the pauses since the last call."""
        pauses, self.pauses = self.pauses, []
        if not pauses:
            return "no collections"
        longest, generation = max(pauses)
        return f"{len(pauses)} collections, longest {longest:.1f} ms (generation {generation})"


def run_until(done: Callable[[], bool], step: Callable[[], None] | None = None) -> None:
    """Spin the event loop (calling step once per turn) until done() is true."""
    loop = QEventLoop()
    ticker = QTimer()
    ticker.setInterval(0)

    def turn() -> None:
        if done():
            loop.quit()
        elif step is not None:
            step()

    ticker.timeout.connect(turn)
    ticker.start()
    loop.exec()
    ticker.stop()


def scroll_whole_list(window: MainWindow, rows_per_step: int) -> tuple[list[float], float]:
    """Page down to the end; each step is timed from the scroll to the end of the repaint."""
    view = window.list_view
    bar = view.verticalScrollBar()  # scrolls per row: its value is the top row
    bar.setValue(0)
    frames: list[float] = []
    heartbeat = Heartbeat()

    def step() -> None:
        began = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + (rows_per_step or bar.pageStep())))
        view.viewport().repaint()
        frames.append((time.perf_counter() - began) * 1000)

    heartbeat.start()
    run_until(lambda: bar.value() >= bar.maximum(), step)
    return frames, heartbeat.stop()


def click_header(window: MainWindow, column: int) -> None:
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def timed_change(window: MainWindow, label: str, change: Callable[[], None]) -> float:
    """Run a change that re-queries the list; print how long until shown and the worst stall."""
    heartbeat = Heartbeat()
    heartbeat.start()
    began = time.perf_counter()
    change()
    pane = window.list_pane
    run_until(lambda: not window.model.is_loading and window.model.query == pane.wanted_query())
    window.list_view.viewport().repaint()
    shown = (time.perf_counter() - began) * 1000
    # A few more turns of the loop, so that the frame after the new rows is counted too.
    settle = time.perf_counter() + 0.2
    run_until(lambda: time.perf_counter() > settle)
    stall = heartbeat.stop()
    print(
        f"{label:<26} rows shown after {shown:5.0f} ms; longest frame {stall:5.1f} ms at "
        f"{heartbeat.longest_at_ms:5.0f} ms ({'ok' if stall <= FRAME_TARGET_MS else 'OVER'}); "
        f"{window.model.rowCount():,} rows"
    )
    return stall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--rows-per-step", type=int, default=0, help="0: a page at a time")
    args = parser.parse_args()
    prepare_qt_before_application()
    app = QApplication(sys.argv[:1])
    store = Store.open(args.db)
    with tempfile.TemporaryDirectory(prefix="bench-ui-list-") as work:
        session = SessionState(session_settings(Path(work) / "session.ini"))
        renderer = Renderer(paths.templates_dir(), paths.css_dir())
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
        window = MainWindow(store, renderer, session, app=app)
        window.show()
        with long_lived_heap():  # as app.main runs the window
            worst = measure(window, args.db, args.rows_per_step)
        print(f"load average after:  {os.getloadavg()[0]:.2f}")
        verdict = "ok" if worst <= FRAME_TARGET_MS else "MISSED"
        print(
            f"worst frame overall: {worst:.1f} ms (target <= {FRAME_TARGET_MS:.0f} ms: {verdict})"
        )
        window.close()
        window.deleteLater()
        run_until(lambda: True)
    store.close()
    return 0


def measure(window: MainWindow, db: Path, rows_per_step: int) -> float:
    """Scroll, sort, scroll again, search; print each phase; return the worst frame."""
    collector = CollectorPauses()
    run_until(lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
    started = time.perf_counter() + 1.5  # let the preview and the filter choices load
    run_until(lambda: time.perf_counter() > started)
    print(f"store: {db} ({window.model.rowCount():,} rows in the list)")
    collector.take()

    def scroll(label: str) -> list[float]:
        empty_before = window.model.pages_not_ready()
        frames, stall = scroll_whole_list(window, rows_per_step)
        print(f"{label}: {len(frames)} steps, scroll + repaint {describe(frames)}")
        # The list shows a row whose page is still being read empty for that moment.
        empty = window.model.pages_not_ready() - empty_before
        pages = -(-window.model.rowCount() // window.model.PAGE_SIZE)
        print(f"{label}: {empty} of {pages} pages reached before their rows were read")
        print(
            f"{label}: longest frame (heartbeat) {stall:5.1f} ms "
            f"({'ok' if stall <= FRAME_TARGET_MS else 'OVER'}); GC: {collector.take()}"
        )
        return [stall, max(frames)]

    def change(label: str, action: Callable[[], None]) -> float:
        stall = timed_change(window, label, action)
        print(f"{'':<26} GC: {collector.take()}")
        return stall

    def type_query() -> None:
        edit = window.list_pane.search_edit
        edit.setFocus()
        event = QInputMethodEvent("", [])
        event.setCommitString("데이터센터")
        QApplication.sendEvent(edit, event)

    stalls = scroll("scroll the whole list")
    stalls.append(change("sort by headline (A-Z)", lambda: click_header(window, HEADLINE)))
    stalls.append(change("sort by headline (Z-A)", lambda: click_header(window, HEADLINE)))
    stalls += scroll("scroll sorted list")
    stalls.append(change("sort by status (workflow)", lambda: click_header(window, STATUS)))
    stalls.append(change("back to newest first", lambda: click_header(window, MODIFIED)))
    stalls.append(change("search 데이터센터 (typed)", type_query))
    stalls.append(change("clear the search", window.list_pane.search_edit.clear))
    return max(stalls)


if __name__ == "__main__":
    sys.exit(main())
