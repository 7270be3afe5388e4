"""Markdown-style typing, as in Typora, Ghost and Notion: "## " makes a heading, "**x**" bold.

Each conversion is an undo step of its own, after the characters that triggered it, so
one Ctrl+Z gives back exactly what was typed.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from deskeditor.ui.blockediting import insert_rule, set_heading, toggle_list, toggle_quote
from deskeditor.ui.textformats import P, is_rule, is_verbatim

_HEADING = re.compile(r"(#{2,4}) \Z")
_BULLET = re.compile(r"[-*] \Z")
_NUMBER = re.compile(r"([0-9]{1,9})\. \Z")
_QUOTE = re.compile(r"> \Z")
# Closing delimiter just typed; the content neither starts nor ends with a space.
_INLINE = (
    ("bold", re.compile(r"(?<![*\\])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*\Z")),
    ("italic", re.compile(r"(?<![*\\])\*([^*\s](?:[^*]*[^*\s])?)\*\Z")),
    ("strike", re.compile(r"(?<![~\\])~~([^~\s](?:[^~]*[^~\s])?)~~\Z")),
    ("code", re.compile(r"(?<![`\\])`([^`]+)`\Z")),
)


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Qt counts positions."""
    return len(text.encode("utf-16-le")) // 2


def _before_cursor(cursor: QTextCursor) -> str:
    """The text of the cursor's block up to the cursor."""
    text = cursor.block().text()
    offset = cursor.positionInBlock()
    if len(text) == _units(text):
        return text[:offset]  # no character outside the BMP: indices are positions
    return text.encode("utf-16-le")[: 2 * offset].decode("utf-16-le", "replace")


class MarkdownTyping:
    """Watches what is typed into a QTextEdit and applies Markdown's formatting for it."""

    def __init__(self, edit: QTextEdit) -> None:
        self.edit = edit
        self.enabled = True

    def after_typing(self, typed: str) -> bool:
        """Called after text was typed (keys or an IME commit); True if it converted."""
        cursor = self.edit.textCursor()
        if not self.enabled or not typed or cursor.hasSelection():
            return False
        fmt = cursor.blockFormat()
        if is_verbatim(fmt) or is_rule(fmt) or cursor.charFormat().fontFixedPitch():
            return False
        before = _before_cursor(cursor)
        if typed.endswith(" ") and self._block_trigger(cursor, before):
            return True
        if typed[-1] in "*~`":
            return self._inline_trigger(cursor, before)
        return False

    def before_enter(self) -> bool:
        """Enter after "---" alone in a paragraph: a horizontal rule. True if it converted."""
        cursor = self.edit.textCursor()
        block = cursor.block()
        fmt = block.blockFormat()
        if (
            not self.enabled
            or block.text() != "---"
            or not cursor.atBlockEnd()
            or fmt.headingLevel()
            or block.textList() is not None
            or is_verbatim(fmt)
            or cursor.currentTable() is not None
        ):
            return False
        cursor.beginEditBlock()
        self._remove_start(block, cursor.position())
        insert_rule(self.edit)
        cursor.endEditBlock()
        return True

    def _block_trigger(self, cursor: QTextCursor, before: str) -> bool:
        block = cursor.block()
        fmt = block.blockFormat()
        if fmt.headingLevel() or block.textList() is not None or cursor.currentTable():
            return False
        heading = _HEADING.match(before)
        number = _NUMBER.match(before)
        bullet = _BULLET.match(before)
        if heading is None and number is None and bullet is None and not _QUOTE.match(before):
            return False
        cursor.beginEditBlock()
        self._remove_start(block, cursor.position())
        if heading is not None:
            set_heading(self.edit, len(heading.group(1)))
        elif number is not None:
            toggle_list(self.edit, True, int(number.group(1)))
        elif bullet is not None:
            toggle_list(self.edit, False)
        else:
            toggle_quote(self.edit)
        cursor.endEditBlock()
        return True

    def _remove_start(self, block: QTextBlock, end: int) -> None:
        """Delete the block's text up to a position (the typed trigger)."""
        cursor = QTextCursor(block)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self.edit.setTextCursor(cursor)

    def _inline_trigger(self, cursor: QTextCursor, before: str) -> bool:
        found = [(mark, m) for mark, pattern in _INLINE if (m := pattern.search(before))]
        if not found:
            return False
        mark, match = found[0]
        start = cursor.block().position() + _units(before[: match.start()])
        inner_start = start + _units(before[match.start() : match.start(1)])
        inner_end = inner_start + _units(match.group(1))
        end = cursor.position()
        heading = cursor.blockFormat().headingLevel()
        edit = QTextCursor(cursor)
        edit.beginEditBlock()
        edit.setPosition(inner_end)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        edit.removeSelectedText()  # the closing delimiter first: earlier positions stay put
        edit.setPosition(start)
        edit.setPosition(inner_start, QTextCursor.MoveMode.KeepAnchor)
        edit.removeSelectedText()
        edit.setPosition(start)
        edit.setPosition(start + inner_end - inner_start, QTextCursor.MoveMode.KeepAnchor)
        edit.mergeCharFormat(_mark_format(mark, True, heading))
        edit.endEditBlock()
        after = QTextCursor(edit)
        after.setPosition(edit.selectionEnd())
        self.edit.setTextCursor(after)
        typing = after.charFormat()  # what is typed next is not part of the span
        typing.merge(_mark_format(mark, False, heading))
        if mark == "code":
            typing.clearProperty(P.FontFamilies)
        self.edit.setCurrentCharFormat(typing)
        return True


def _mark_format(mark: str, on: bool, heading: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if mark == "bold":
        if heading:
            fmt.setFontWeight(QFont.Weight.Black if on else QFont.Weight.Bold)
        else:
            fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
    elif mark == "italic":
        fmt.setFontItalic(on)
    elif mark == "strike":
        fmt.setFontStrikeOut(on)
    else:
        fmt.setFontFixedPitch(on)
        if on:
            fmt.setFontFamilies(["monospace"])
    return fmt
