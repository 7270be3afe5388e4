"""Ctrl+C and SIGTERM close the window the normal way, so the last edits are saved first."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals(QObject):
    """While installed, a stop signal calls `stop` inside the Qt event loop.

    Python runs signal handlers only between bytecodes, and a Qt event loop runs none
    while it waits: without a wake-up, Ctrl+C in a terminal would do nothing and
    SIGTERM (logout, shutdown) would kill the app with its last second of typing.
    The wake-up fd makes the signal readable on a socket that Qt watches.
    """

    def __init__(self, stop: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handlers = {
            number: signal.signal(number, self._on_signal) for number in STOP_SIGNALS
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _on_signal(self, _number: int, _frame: FrameType | None) -> None:
        self._stop()

    def _drain(self) -> None:
        # Reading clears the notification; the Python handler runs as this slot returns.
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass

    def uninstall(self) -> None:
        """Give the previous handlers back (main() may be called again, e.g. in tests)."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous_handlers.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
