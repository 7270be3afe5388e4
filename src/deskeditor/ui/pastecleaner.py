"""Rich paste reduced to what an article keeps; big pastes are converted in another process.

Clipboard HTML goes through core.htmlclean.clean_html (the cleaning path imports use too)
and core.htmlreader, so a paste can only bring what the Markdown writer can say. A
paste of more than ASYNC_THRESHOLD characters of HTML is cleaned in a child process
(core.pasteconversion) and built into the document as its Blocks arrive, in slices of
a few tens of milliseconds including Qt's layout of what went in, under a busy cursor,
as one undo step; the window stays responsive throughout.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QTextEdit

from deskeditor.core.markdownblocks import Block
from deskeditor.core.pasteconversion import PasteConversion, pasted_blocks
from deskeditor.ui.documentbuilder import DocumentBuilder, build_document

__all__ = [
    "ASYNC_THRESHOLD", "SLICE_SECONDS", "PasteJob", "fragment_for", "insert_plain_text",
    "pasted_blocks",
]  # fmt: skip

ASYNC_THRESHOLD = 256 * 1024  # characters of HTML: about a third of a second to clean and read
SLICE_SECONDS = 0.04  # one event-loop turn of a big paste: building plus Qt's layout of it
_MIN_BUILD_SECONDS = 0.002  # however slow the layout, each slice adds something
_LAYOUT_RATIO = 2.0  # first guess at layout time per building time, until measured


def fragment_for(html: str) -> QTextDocumentFragment | None:
    """The cleaned paste as a fragment for insertFragment, or None if nothing is left."""
    blocks = pasted_blocks(html)
    if not blocks:
        return None
    scratch = QTextDocument()
    build_document(scratch, blocks)
    return QTextDocumentFragment(scratch)


def insert_plain_text(cursor: QTextCursor, text: str) -> None:
    """Text without formatting of its own, taking the format where it goes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cursor.insertText(text, cursor.charFormat())


class PasteJob(QObject):
    """One big paste: converted in a child process, then built into the document in slices.

    Each slice builds for as long as, together with the layout Qt does when the edit
    block ends, it stays within SLICE_SECONDS: the share of layout is measured as it
    goes, so the slices stay short whatever the text and the machine.
    """

    batch_arrived = Signal(object)  # list[Block]; emitted from the conversion's thread
    conversion_ended = Signal(bool)  # False: it failed; emitted from the conversion's thread
    finished = Signal(bool)  # True when the paste went in, False when it was cancelled

    def __init__(self, edit: QTextEdit, html: str, text: str) -> None:
        super().__init__(edit)
        self._edit = edit
        self._text = text  # the plain fallback if cleaning fails
        self._cursor = QTextCursor(edit.textCursor())  # moves along with edits elsewhere
        self._pending: deque[list[Block]] = deque()  # batches, the first partly used
        self._built = 0
        self._next = 0  # the next block's place in the first pending batch
        self._converted = False  # every batch has arrived
        self._scheduled = False
        self._builder: DocumentBuilder | None = None
        self._cancelled = False
        self._read_only = edit.isReadOnly()
        self._busy = [True]  # shared with the editor's destroyed handler
        self._layout_ratio = _LAYOUT_RATIO
        self.batch_arrived.connect(self._on_batch, Qt.ConnectionType.QueuedConnection)
        self.conversion_ended.connect(self._on_converted, Qt.ConnectionType.QueuedConnection)
        self._conversion = PasteConversion(html, self._emit_batch, self._emit_end)

    def start(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        busy = self._busy
        conversion = self._conversion

        def editor_gone() -> None:  # not a method: this object goes with the editor
            conversion.cancel()
            if busy:
                busy.pop()
                QApplication.restoreOverrideCursor()

        self._edit.destroyed.connect(editor_gone)
        self._edit.setReadOnly(True)  # typing in between would join the paste's undo step
        self._cursor.beginEditBlock()
        self._cursor.removeSelectedText()
        self._cursor.endEditBlock()
        while (table := self._cursor.currentTable()) is not None:
            # Into a cell Markdown can only take a line, and Qt would lay the whole
            # growing table out again for every slice: the paste goes in after the table.
            self._cursor.setPosition(table.lastPosition() + 1)
        self._builder = DocumentBuilder(self._edit.document(), self._cursor)
        self._conversion.start()

    def cancel(self) -> None:
        """Stop (the document is being replaced); what went in already stays."""
        if not self._cancelled:
            self._cancelled = True
            self._conversion.cancel()
            self._done(False)

    # The conversion's thread -----------------------------------------------------------

    def _emit_batch(self, blocks: list[Block]) -> None:
        with contextlib.suppress(RuntimeError):  # the editor was closed meanwhile
            self.batch_arrived.emit(blocks)

    def _emit_end(self, ok: bool) -> None:
        with contextlib.suppress(RuntimeError):
            self.conversion_ended.emit(ok)

    # The window's thread ----------------------------------------------------------------

    def _on_batch(self, blocks: list[Block]) -> None:
        if self._cancelled:
            return
        self._pending.append(blocks)
        self._schedule()

    def _on_converted(self, ok: bool) -> None:
        if self._cancelled:
            return
        self._converted = True
        if ok:
            self._schedule()
        elif self._built or self._pending:
            # The child died half-way: what went in stays, and it ends as a cancel does.
            self._pending.clear()
            self._done(False)
        else:
            self._cursor.joinPreviousEditBlock()
            insert_plain_text(self._cursor, self._text)
            self._cursor.endEditBlock()
            self._done(True)

    def _schedule(self) -> None:
        if not self._scheduled:
            self._scheduled = True
            # A timer, not a zero-timer: those run back to back, ahead of other timers.
            QTimer.singleShot(1, self._slice)

    def _slice(self) -> None:
        self._scheduled = False
        if self._cancelled or self._builder is None:
            return
        if not self._pending:
            if self._converted:
                self._edit.setTextCursor(self._builder.cursor)
                self._done(True)
            return
        start = time.perf_counter()
        budget = max(_MIN_BUILD_SECONDS, SLICE_SECONDS / (1 + self._layout_ratio))
        cursor = self._builder.cursor
        cursor.joinPreviousEditBlock()  # the whole paste is one undo step
        while self._pending and time.perf_counter() - start < budget:
            batch = self._pending[0]
            self._builder.add(batch[self._next])
            self._built += 1
            self._next += 1
            if self._next == len(batch):
                self._pending.popleft()
                self._next = 0
                self._conversion.batch_used()
        built = time.perf_counter() - start
        cursor.endEditBlock()  # Qt lays out here what the slice added
        whole = time.perf_counter() - start
        # A running average: one odd slice (a table, a garbage collection) does not swing it.
        ratio = (whole - built) / max(built, 1e-4)
        self._layout_ratio = 0.7 * self._layout_ratio + 0.3 * ratio
        self._schedule()

    def _done(self, complete: bool) -> None:
        self._edit.setReadOnly(self._read_only)
        if self._busy:
            self._busy.pop()
            QApplication.restoreOverrideCursor()
        self.finished.emit(complete)
        self.deleteLater()
