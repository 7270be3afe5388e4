"""A read-only view of a diff: deletions struck through in red, insertions underlined in green."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from deskeditor.core.diffing import DiffOp, Segment

OP_PROPERTY = QTextFormat.Property.UserProperty + 1
"""Each fragment's DiffOp value, stored in its format (tests and copy tools read it)."""


def _format(op: DiffOp) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setProperty(OP_PROPERTY, op.value)
    # Colour plus a line, so that the difference reads without colour vision too.
    if op is DiffOp.INSERT:
        fmt.setBackground(QColor("#d8f5d8"))
        fmt.setForeground(QColor("#0b5d1e"))
        fmt.setFontUnderline(True)
    elif op is DiffOp.DELETE:
        fmt.setBackground(QColor("#fadada"))
        fmt.setForeground(QColor("#8a1111"))
        fmt.setFontStrikeOut(True)
    return fmt


class DiffView(QTextBrowser):
    """Shows one diff per changed field, each under its caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.setOpenLinks(False)  # the text is an article's, never a place to go
        self.setUndoRedoEnabled(False)
        self._formats = {op: _format(op) for op in DiffOp}

    def show_diff(self, fields: Sequence[tuple[str, Sequence[Segment]]]) -> None:
        """Captioned diffs in order; an empty sequence says there is no difference."""
        self.clear()
        cursor = QTextCursor(self.document())
        if not fields:
            cursor.insertText(self.tr("No differences: this is the current text."))
            return
        caption = QTextCharFormat()
        caption.setFontWeight(QFont.Weight.Bold)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(self.fontMetrics().height() * 0.6)  # fields apart, at a glance
        for index, (title, segments) in enumerate(fields):
            if index:
                cursor.insertBlock(spaced)
            cursor.insertText(title, caption)
            cursor.insertBlock(QTextBlockFormat())
            for segment in segments:
                cursor.insertText(segment.text, self._formats[segment.op])
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def fragments(self) -> list[Segment]:
        """What the view shows, as (op, text) runs; captions are EQUAL text."""
        found: list[Segment] = []
        block = self.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                value = fragment.charFormat().property(OP_PROPERTY)
                op = DiffOp(value) if isinstance(value, str) else DiffOp.EQUAL
                found.append(Segment(op, fragment.text()))
                iterator += 1
            block = block.next()
        return found
