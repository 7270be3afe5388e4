"""Start-up to a shown, populated window, empty vs big store: python bench/bench_startup.py DB.

Each run starts the real app (app.main) in a fresh process, on the offscreen platform
unless a display is set, and reports the wall time from launching the process to the
first paint of the article list with its rows in, and the main process's resident
memory (VmRSS) then and once the window has settled. Runs alternate between an empty
store and the big one; the first of each is a discarded warm-up (disk cache, bytecode).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from deskeditor.core.store import Store

TIME_TARGET = 1.2  # big store start-up at most this times the empty one
MEMORY_TARGET_MB = 60  # and at most this much more memory

# The child: run app.main on a QApplication made here, and report from inside it.
CHILD = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from deskeditor import app
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.qtsetup import prepare_qt_before_application

def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

prepare_qt_before_application()
qapp = QApplication(sys.argv[:1])
report = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "shown_s" not in report:
            window = self.window
            if window.isVisible() and not window.model.is_loading:
                report["shown_s"] = time.time()
                report["rows"] = window.model.rowCount()
                report["rss_shown_mb"] = rss_mb()
                QTimer.singleShot(int(sys.argv[2]), settle)
        return False

watcher = FirstPaint()

def settle():
    report["rss_settled_mb"] = rss_mb()
    print("REPORT " + json.dumps(report), flush=True)
    watcher.window.close()

def find_window():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            watcher.window = widget
            widget.list_view.viewport().installEventFilter(watcher)
            return
    QTimer.singleShot(0, find_window)

QTimer.singleShot(0, find_window)
sys.exit(app.main(["--db", sys.argv[1]]))
"""


def run_once(db: Path, settle_ms: int, workdir: Path) -> dict[str, float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
    # A fresh user folder each run: no session state carries over, the user's is untouched.
    home = Path(tempfile.mkdtemp(dir=workdir))
    env["DESKEDITOR_DATA_DIR"] = str(home / "data")
    env["DESKEDITOR_CONFIG_DIR"] = str(home / "config")
    began = time.time()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(settle_ms)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the app did not start:\n{done.stderr[-2000:]}")
    report = json.loads(lines[-1][len("REPORT ") :])
    report["shown_s"] -= began
    return report


def summary(label: str, runs: list[dict[str, float]]) -> dict[str, float]:
    shown = [run["shown_s"] for run in runs]
    figures = {
        "shown_s": statistics.median(shown),
        "shown_min_s": min(shown),
        "rss_shown_mb": statistics.median(run["rss_shown_mb"] for run in runs),
        "rss_settled_mb": statistics.median(run["rss_settled_mb"] for run in runs),
    }
    print(
        f"{label:<22} rows {int(runs[0]['rows']):>7,}  shown+populated: median "
        f"{figures['shown_s'] * 1000:6.0f} ms (min {min(shown) * 1000:.0f}, max "
        f"{max(shown) * 1000:.0f})  RSS {figures['rss_shown_mb']:6.1f} MB at first paint, "
        f"{figures['rss_settled_mb']:6.1f} MB settled"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a big store (see generate_store.py)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per store")
    parser.add_argument("--settle-ms", type=int, default=3000, help="wait before the 2nd RSS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as work:
        workdir = Path(work)
        empty = workdir / "empty.sqlite3"
        Store.open(empty).close()  # created and migrated once, opened by every run
        stores = {"empty store": empty, "big store": args.db}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in stores}
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
        for number in range(args.runs + 1):
            for name, db in stores.items():
                report = run_once(db, args.settle_ms, workdir)
                if number:  # the first round warms the disk cache
                    runs[name].append(report)
        print(f"load average after:  {os.getloadavg()[0]:.2f}")
        empty_figures = summary("empty store", runs["empty store"])
        big_figures = summary("big store", runs["big store"])
    ratio = big_figures["shown_s"] / empty_figures["shown_s"]
    best_ratio = big_figures["shown_min_s"] / empty_figures["shown_min_s"]
    extra = big_figures["rss_settled_mb"] - empty_figures["rss_settled_mb"]
    extra_shown = big_figures["rss_shown_mb"] - empty_figures["rss_shown_mb"]
    verdict = "ok" if max(ratio, best_ratio) <= TIME_TARGET else "MISSED"
    print(
        f"time ratio {ratio:.2f}x on medians, {best_ratio:.2f}x on the fastest runs "
        f"(target <= {TIME_TARGET}x: {verdict})"
    )
    verdict = "ok" if max(extra, extra_shown) <= MEMORY_TARGET_MB else "MISSED"
    print(
        f"extra memory {extra_shown:.1f} MB at first paint, {extra:.1f} MB settled "
        f"(target <= {MEMORY_TARGET_MB} MB: {verdict})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
