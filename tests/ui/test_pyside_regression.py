"""PySide6 6.12.0 aborts (none_dealloc) after ~5,300 void Qt calls; make sure ours does not."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 100_000

SCRIPT = textwrap.dedent(
    f"""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    for number in range({CALLS} // 2):
        label.setText(str(number))  # returns None: each call drops a reference to None
        label.setObjectName(f"label{{number}}")
    print("done", flush=True)
    """
)


def test_many_qt_calls_returning_nothing_do_not_abort_the_interpreter() -> None:
    # In a subprocess: an abort there is a failed test, not a crashed test run.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
