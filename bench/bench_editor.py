"""Start-up with a 10,000-word article open, and last keystroke to refreshed preview.

Runs the real app (offscreen) in fresh subprocesses: python bench/bench_editor.py [--runs N]
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

DRIVER = r"""
import json, os, sys, time
began = float(sys.argv[3])
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from deskeditor.ui.qtsetup import prepare_qt_before_application
prepare_qt_before_application()
app = QApplication([])
figures = {}

def find(name):
    for widget in app.allWidgets():
        if widget.objectName() == name and widget.isVisible():
            return widget
    return None

def poll_shown():
    body, preview = find("bodyEdit"), find("previewView")
    if body is None or preview is None or not body.toPlainText():
        QTimer.singleShot(5, poll_shown)
        return
    figures["shown_s"] = time.time() - began
    preview.page_shown.connect(on_first_preview)

def on_first_preview():
    preview = find("previewView")
    preview.page_shown.disconnect(on_first_preview)
    figures["first_preview_s"] = time.time() - began
    QTimer.singleShot(300, type_key)

def type_key():
    body, preview = find("bodyEdit"), find("previewView")
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    preview.page_shown.connect(on_refreshed)
    event = QInputMethodEvent()
    event.setCommitString("가")
    figures["_typed"] = time.perf_counter()
    QApplication.sendEvent(body, event)

def on_refreshed():
    figures["keystroke_to_preview_ms"] = (time.perf_counter() - figures.pop("_typed")) * 1000
    print(json.dumps(figures), flush=True)
    for widget in app.topLevelWidgets():
        widget.close()

QTimer.singleShot(0, poll_shown)
from deskeditor.app import main
sys.exit(main(["--db", sys.argv[1], "--open", sys.argv[2]]))
"""


def make_store(folder: Path) -> tuple[Path, int]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import random

    from deskeditor.core.models import ArticleContent
    from deskeditor.core.store import Store

    from corpus import korean_sentence

    rng = random.Random(5)
    paragraphs: list[str] = []
    words = 0
    while words < 10_000:
        paragraph = " ".join(korean_sentence(rng) for _ in range(4))
        if len(paragraphs) % 6 == 0:
            paragraph = f"## 소제목 {len(paragraphs)}\n\n**{paragraph[:20]}**{paragraph[20:]}"
        words += len(paragraph.split())
        paragraphs.append(paragraph)
    db = folder / "store.sqlite3"
    store = Store.open(db)
    article = store.create_article(
        ArticleContent(headline="만 단어 기사", section="산업", body="\n\n".join(paragraphs))
    )
    store.close()
    return db, article.id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    db, article_id = make_store(folder)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu",
        DESKEDITOR_CONFIG_DIR=str(folder / "config"),
        DESKEDITOR_DATA_DIR=str(folder / "data"),
    )
    results = []
    for _ in range(args.runs):
        began = time.time()
        done = subprocess.run(
            [sys.executable, "-c", DRIVER, str(db), str(article_id), repr(began)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        line = [text for text in done.stdout.splitlines() if text.startswith("{")][-1]
        results.append(json.loads(line))
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs, 10,000-word Korean article")
    for key, label in (
        ("shown_s", "process start to shown window with the article open"),
        ("first_preview_s", "process start to first preview shown"),
        ("keystroke_to_preview_ms", "last keystroke to refreshed preview"),
    ):
        values = [result[key] for result in results]
        unit = "ms" if key.endswith("_ms") else "s"
        print(
            f"{label:55} median {statistics.median(values):7.2f} {unit}  "
            f"(min {min(values):.2f}, max {max(values):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
