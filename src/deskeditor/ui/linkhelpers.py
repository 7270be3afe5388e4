"""Finding, applying and removing links in the body's text."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from deskeditor.ui.linkdialog import LinkDialog
from deskeditor.ui.textformats import P, link_format

LINK_PROPERTIES = (
    P.IsAnchor,
    P.AnchorHref,
    P.TextToolTip,
    P.TextUnderlineStyle,
    P.ForegroundBrush,
)


def link_dialog_for(edit: QTextEdit) -> tuple[LinkDialog, QTextCursor]:
    """The link dialog for the selection or the link at the cursor, and what it will change."""
    cursor = edit.textCursor()
    fmt = cursor.charFormat()
    existing = fmt.isAnchor() and bool(fmt.anchorHref())
    if existing and not cursor.hasSelection():
        cursor = anchor_extent(cursor, fmt.anchorHref())
    text = cursor.selectedText().replace("\u2029", " ").replace("\u2028", " ")
    dialog = LinkDialog(edit, text=text, url=fmt.anchorHref() if existing else "",
                        title=fmt.toolTip() if existing else "", existing=existing)  # fmt: skip
    return dialog, cursor


def apply_link(edit: QTextEdit, cursor: QTextCursor, dialog: LinkDialog) -> None:
    """What the accepted dialog asks for, as one undo step; typing on is not part of the link."""
    cursor.beginEditBlock()
    if dialog.removed:
        clear_link(cursor)
    else:
        text = dialog.link_text() or dialog.url()
        link = link_format(dialog.url(), dialog.link_title())
        if text != cursor.selectedText():
            base = cursor.charFormat()
            base.merge(link)
            start = cursor.selectionStart()
            cursor.insertText(text, base)
            end = cursor.position()  # Qt counts UTF-16 units: not len(text) for emoji
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        clear_link(cursor)
        cursor.mergeCharFormat(link)
    cursor.endEditBlock()
    after = QTextCursor(cursor)
    after.setPosition(cursor.selectionEnd())
    edit.setTextCursor(after)
    typing = after.charFormat()
    for prop in LINK_PROPERTIES:
        typing.clearProperty(prop)
    edit.setCurrentCharFormat(typing)
    edit.setFocus()


def anchor_extent(cursor: QTextCursor, href: str) -> QTextCursor:
    """A cursor selecting the whole link around the cursor, within its block."""
    block = cursor.block()
    position = cursor.position()
    start = end = position
    it = block.begin()
    spans: list[tuple[int, int]] = []
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        if fmt.isAnchor() and fmt.anchorHref() == href:
            first = fragment.position()
            if spans and spans[-1][1] == first:
                spans[-1] = (spans[-1][0], first + fragment.length())
            else:
                spans.append((first, first + fragment.length()))
        it += 1
    for first, last in spans:
        if first <= position <= last:
            start, end = first, last
            break
    extent = QTextCursor(cursor.document())
    extent.setPosition(start)
    extent.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return extent


def clear_link(cursor: QTextCursor) -> None:
    """Remove link formatting from the selection, keeping bold, italic and the rest."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    pieces: list[tuple[int, int, QTextCharFormat]] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            first = max(start, fragment.position())
            last = min(end, fragment.position() + fragment.length())
            if first < last and fragment.charFormat().isAnchor():
                pieces.append((first, last, fragment.charFormat()))
            it += 1
        block = block.next()
    # Formats are set after the walk: setting them merges and splits the fragments.
    for first, last, fmt in pieces:
        for prop in LINK_PROPERTIES:
            fmt.clearProperty(prop)
        piece = QTextCursor(document)
        piece.setPosition(first)
        piece.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        piece.setCharFormat(fmt)
