"""Rich paste reduced to what an article keeps; big pastes are converted off the UI thread.

Clipboard HTML goes through core.htmlclean.clean_html (the cleaning path imports use too)
and core.htmlreader, so a paste can only bring what the Markdown writer can say. A
paste of more than ASYNC_THRESHOLD characters of HTML is cleaned in a worker thread
and then built into the document in slices of a few milliseconds, under a busy cursor,
as one undo step; the window stays responsive throughout.
"""

from __future__ import annotations

import contextlib
import threading
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QTextEdit

from deskeditor.core.htmlclean import clean_html
from deskeditor.core.htmlreader import html_to_blocks
from deskeditor.core.markdownblocks import Block
from deskeditor.ui.documentbuilder import DocumentBuilder, build_document

ASYNC_THRESHOLD = 256 * 1024  # characters of HTML: about a third of a second to clean and read
SLICE_SECONDS = 0.03  # building time per event-loop turn while a big paste goes in


def pasted_blocks(html: str) -> list[Block]:
    """Blocks for clipboard HTML: structure kept; fonts, colours, classes, trackers gone."""
    try:
        cleaned = clean_html(html)
    except ValueError:  # lxml refuses some input outright; the reader copes with anything
        cleaned = html
    return html_to_blocks(cleaned, images=False)


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
    """One big paste: cleaned in a worker thread, then built into the document in slices."""

    converted = Signal(object)  # list[Block] or None; emitted from the worker thread
    finished = Signal(bool)  # True when the paste went in, False when it was cancelled

    def __init__(self, edit: QTextEdit, html: str, text: str) -> None:
        super().__init__(edit)
        self._edit = edit
        self._html = html
        self._text = text  # the plain fallback if cleaning fails
        self._cursor = QTextCursor(edit.textCursor())  # moves along with edits elsewhere
        self._blocks: list[Block] = []
        self._next = 0
        self._builder: DocumentBuilder | None = None
        self._cancelled = False
        self._read_only = edit.isReadOnly()
        self._busy = [True]  # shared with the editor's destroyed handler
        self.started_at = time.perf_counter()
        self.longest_slice = 0.0
        self.converted.connect(self._on_converted, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        busy = self._busy

        def editor_gone() -> None:  # not a method: this object goes with the editor
            if busy:
                busy.pop()
                QApplication.restoreOverrideCursor()

        self._edit.destroyed.connect(editor_gone)
        self._edit.setReadOnly(True)  # typing in between would join the paste's undo step
        self._cursor.beginEditBlock()
        self._cursor.removeSelectedText()
        self._cursor.endEditBlock()
        threading.Thread(target=self._convert, name="paste-cleaner", daemon=True).start()

    def cancel(self) -> None:
        """Stop (the document is being replaced); what went in already stays."""
        if not self._cancelled:
            self._cancelled = True
            self._done(False)

    def _convert(self) -> None:
        try:
            blocks: list[Block] | None = pasted_blocks(self._html)
        except Exception:  # any failure falls back to the plain text
            blocks = None
        with contextlib.suppress(RuntimeError):  # the editor was closed meanwhile
            self.converted.emit(blocks)

    def _on_converted(self, blocks: list[Block] | None) -> None:
        if self._cancelled:
            return
        if blocks is None:
            self._cursor.joinPreviousEditBlock()
            insert_plain_text(self._cursor, self._text)
            self._cursor.endEditBlock()
            self._done(True)
            return
        self._blocks = blocks
        self._builder = DocumentBuilder(self._edit.document(), self._cursor)
        self._slice()

    def _slice(self) -> None:
        if self._cancelled or self._builder is None:
            return
        start = time.perf_counter()
        cursor = self._builder.cursor
        cursor.joinPreviousEditBlock()  # the whole paste is one undo step
        while self._next < len(self._blocks) and time.perf_counter() - start < SLICE_SECONDS:
            self._builder.add(self._blocks[self._next])
            self._next += 1
        cursor.endEditBlock()
        self.longest_slice = max(self.longest_slice, time.perf_counter() - start)
        if self._next < len(self._blocks):
            QTimer.singleShot(0, self._slice)
        else:
            self._edit.setTextCursor(cursor)
            self._done(True)

    def _done(self, complete: bool) -> None:
        self._edit.setReadOnly(self._read_only)
        if self._busy:
            self._busy.pop()
            QApplication.restoreOverrideCursor()
        self.finished.emit(complete)
        self.deleteLater()
