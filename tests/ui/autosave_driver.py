"""Runs the real app and types into the body as an input method would, for the SIGKILL test.

Usage: autosave_driver.py --text TEXT [deskeditor arguments...]
Prints "typed" on stdout once the text is in the editor, then keeps the app running.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QTextEdit

from deskeditor import app
from deskeditor.ui.qtsetup import prepare_qt_before_application

TYPED_LINE = "typed"
POLL_MS = 50


def type_into_body(text: str) -> None:
    """Commit the text a few characters at a time once the window is active.

    Waiting for activation matters: activation itself moves the focus window, which
    saves; typing after it leaves the autosave timer as the only way to the store.
    """
    body = next(
        (
            widget
            for widget in QApplication.allWidgets()
            if isinstance(widget, QTextEdit) and widget.objectName() == "bodyEdit"
        ),
        None,
    )
    if body is None or not body.isVisible() or QApplication.activeWindow() is not body.window():
        QTimer.singleShot(POLL_MS, lambda: type_into_body(text))
        return
    body.setFocus()
    for start in range(0, len(text), 3):
        event = QInputMethodEvent("", [])
        event.setCommitString(text[start : start + 3])
        QApplication.sendEvent(body, event)
    print(TYPED_LINE, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", required=True)
    args, app_argv = parser.parse_known_args()
    prepare_qt_before_application()
    qapp = QApplication(sys.argv[:1])
    QTimer.singleShot(0, lambda: type_into_body(args.text))
    status = app.main(app_argv)
    del qapp
    return status


if __name__ == "__main__":
    sys.exit(main())
