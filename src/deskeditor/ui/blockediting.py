"""Block-level edits of the body (headings, lists, quotes, rules), one undo step each."""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextList,
)
from PySide6.QtWidgets import QTextEdit

from deskeditor.core.markdownblocks import PLAIN
from deskeditor.ui.textformats import (
    HEADING_SIZES,
    LOOSE,
    P,
    char_format,
    clear_verbatim,
    is_ordered,
    is_verbatim,
    list_format,
    quote_levels,
    rule_format,
    set_quote_level,
)


def selected_blocks(edit: QTextEdit) -> list[QTextBlock]:
    cursor = edit.textCursor()
    document = edit.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    blocks = [block]
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


def set_heading(edit: QTextEdit, level: int) -> None:
    """Make the selected blocks headings of a level, or paragraphs for 0.

    Bold inside a heading is the Black weight, so bold words stay bold both ways.
    """
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    for block in selected_blocks(edit):
        fmt = block.blockFormat()
        old = fmt.headingLevel()
        if old == level and not is_verbatim(fmt):
            continue  # Ctrl+0 on a paragraph must not undo its bold text
        fmt.setHeadingLevel(level)
        clear_verbatim(fmt)  # a code line becomes ordinary text
        QTextCursor(block).setBlockFormat(fmt)
        _reweigh(block, old, level)
    cursor.endEditBlock()


def _reweigh(block: QTextBlock, old: int, level: int) -> None:
    """Font weights and sizes of a block's text after its heading level changed."""
    pieces: list[tuple[int, int, bool]] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        weight = fragment.charFormat().fontWeight()
        bold = weight >= (QFont.Weight.ExtraBold if old else QFont.Weight.DemiBold)
        pieces.append((fragment.position(), fragment.position() + fragment.length(), bold))
        it += 1
    look = QTextCharFormat()
    look.setProperty(P.FontSizeAdjustment, HEADING_SIZES.get(level, 0))
    look.setFontFixedPitch(False)
    edit = QTextCursor(block)
    for start, end, bold in pieces:
        if level:
            look.setFontWeight(QFont.Weight.Black if bold else QFont.Weight.Bold)
        else:
            look.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        edit.setPosition(start)
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        edit.mergeCharFormat(look)
    look.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    edit.setPosition(block.position())
    edit.mergeBlockCharFormat(look)  # what is typed into the block while it is empty


def toggle_list(edit: QTextEdit, ordered: bool, start: int = 1) -> None:
    """Start a list, switch its kind, or take the selected items out of it."""
    cursor = edit.textCursor()
    current = cursor.currentList()
    cursor.beginEditBlock()
    if current is None:
        cursor.createList(list_format(ordered, 0, start))
    elif is_ordered(current.format()) == ordered:
        for block in selected_blocks(edit):
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
                set_indent(block, 0)
    else:
        depth = current.format().indent() - 1
        current.setFormat(list_format(ordered, depth, current.format().start()))
    cursor.endEditBlock()


def change_list_level(edit: QTextEdit, delta: int) -> None:
    """Nest the selected list items one level deeper (1) or shallower (-1)."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    for block in selected_blocks(edit):
        text_list = block.textList()
        if text_list is None:
            continue
        fmt = text_list.format()
        depth = fmt.indent() - 1 + delta
        if depth < 0:
            text_list.remove(block)
            set_indent(block, 0)
            continue
        previous = block.previous()
        if delta > 0 and (not previous.isValid() or previous.textList() is None):
            continue  # a first item has no item to nest under
        target = _list_at(block, depth)
        if target is not None:
            target.add(block)
        else:
            QTextCursor(block).createList(list_format(is_ordered(fmt), depth))
    cursor.endEditBlock()


def toggle_quote(edit: QTextEdit) -> None:
    """Quote the selected blocks or unquote them; inside a list item, quote within the item."""
    fmt = edit.textCursor().blockFormat()
    quoted = any(quote_levels(fmt))
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    for block in selected_blocks(edit):
        fmt = block.blockFormat()
        outer, inner = quote_levels(fmt)
        if block.textList() is None and fmt.indent() > 0:
            set_quote_level(fmt, outer, 0 if quoted else max(inner, 1))
        else:
            set_quote_level(fmt, 0 if quoted else max(outer, 1), inner)
        QTextCursor(block).setBlockFormat(fmt)
    cursor.endEditBlock()


def insert_rule(edit: QTextEdit) -> None:
    """A horizontal rule after the current block, with the cursor in a paragraph after it."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    plain = char_format(PLAIN)
    rule, after = rule_format(), QTextBlockFormat()
    here = cursor.blockFormat()
    for fmt in (rule, after):  # both stay in the quote or list item the cursor was in
        if any(quote_levels(here)):
            set_quote_level(fmt, *quote_levels(here))
        fmt.setIndent(here.indent() if cursor.currentList() is None else 0)
    if cursor.block().length() > 1:
        cursor.insertBlock(rule, plain)
    else:
        cursor.setBlockFormat(rule)
    cursor.insertBlock(after, plain)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


def handle_enter(edit: QTextEdit, cursor: QTextCursor) -> bool:
    """Enter where the default would be wrong: after a heading, in empty items and quotes."""
    block = cursor.block()
    fmt = cursor.blockFormat()
    empty = block.length() == 1
    outer, inner = quote_levels(fmt)
    if fmt.headingLevel() and cursor.atBlockEnd() and not cursor.hasSelection():
        after = QTextBlockFormat()
        set_quote_level(after, outer, inner)
        after.setIndent(fmt.indent())
        cursor.insertBlock(after, char_format(PLAIN))
        edit.setTextCursor(cursor)
        return True
    if empty and cursor.currentList() is not None:
        change_list_level(edit, -1)  # Enter on an empty item ends (one level of) the list
        return True
    if empty and (outer or inner):
        set_quote_level(fmt, outer if inner else outer - 1, max(0, inner - 1))
        cursor.setBlockFormat(fmt)
        return True
    return False


def set_indent(block: QTextBlock, indent: int) -> None:
    fmt = block.blockFormat()
    fmt.setIndent(indent)
    fmt.clearProperty(LOOSE)
    QTextCursor(block).setBlockFormat(fmt)


def _list_at(block: QTextBlock, depth: int) -> QTextList | None:
    """The list a block joins at a nesting depth: the nearest earlier one at that depth,
    unless a shallower item (the new parent) comes first."""
    previous = block.previous()
    while previous.isValid() and previous.textList() is not None:
        text_list = previous.textList()
        level = text_list.format().indent() - 1
        if level == depth:
            return text_list
        if level < depth:
            return None
        previous = previous.previous()
    return None
