"""Store reads off the UI thread, their results handed back on it: the list never freezes."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal

from deskeditor.ui.operations import OperationError

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the UI thread, so a worker's emit reaches the slot there (queued)."""

    finished = Signal(int, object, object)  # ticket, result, exception or None


class BackgroundReads(QObject):
    """Runs read-only operations one at a time on a worker thread.

    A sort by headline over 100,000 articles takes about a second in SQLite; run on
    the UI thread it would freeze the window that long. The store opens one
    session per call and SQLite's WAL lets this reader run beside the autosaving
    writer, so the worker needs nothing of its own.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        # One worker: reads arrive in order and never compete with each other.
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._tickets = count(1)

    def run(
        self, work: Callable[[], T], done: Callable[[T], None], failed: Callable[[str], None]
    ) -> int:
        """Start work on the worker; done(result) or failed(message) is called on this thread."""
        ticket = next(self._tickets)
        self._waiting[ticket] = (done, failed)
        relay = self._relay

        def job() -> None:
            try:
                result = work()
            except Exception as error:  # handed to the UI thread, which raises what is a bug
                relay.finished.emit(ticket, None, error)
            else:
                relay.finished.emit(ticket, result, None)

        self._pool.start(job)
        return ticket

    def cancel(self, ticket: int) -> None:
        """Forget a request: its result, when it comes, is dropped."""
        self._waiting.pop(ticket, None)

    def finish(self, timeout_ms: int = -1) -> bool:
        """Wait (at most timeout_ms, -1 for ever) for the started reads; hand over their results.

        False when time ran out: the rest arrive through the event loop as usual.
        """
        done = self._pool.waitForDone(timeout_ms)
        # Finished results were posted to this thread's queue: deliver them without a loop.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return done

    def wait(self) -> None:
        """Block until the worker is idle (before the store closes); results are dropped."""
        self._waiting.clear()
        self._pool.waitForDone()

    def _finish(self, ticket: int, result: object, error: BaseException | None) -> None:
        callbacks = self._waiting.pop(ticket, None)
        if callbacks is None:
            return
        done, failed = callbacks
        if error is None:
            done(result)
        elif isinstance(error, OperationError):
            failed(str(error))
        else:
            raise error
