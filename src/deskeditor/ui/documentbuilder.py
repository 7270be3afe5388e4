"""Blocks appended to a QTextDocument in the formats textformats describes."""

from __future__ import annotations

from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextList,
    QTextTableFormat,
)

from deskeditor.core.markdownblocks import PLAIN, Block, Kind, Marks, Run
from deskeditor.ui.textformats import (
    ALIGNMENTS,
    CODE_BLOCK_ID,
    LOOSE,
    QUOTE_MARGIN,
    RAW_BACKGROUND,
    RAW_BLOCK_ID,
    RAW_NOTE,
    TABLE_DEPTH,
    TABLE_INNER_QUOTE,
    TABLE_QUOTE,
    P,
    char_format,
    list_format,
    rule_format,
    set_quote_level,
)

_INDENT_WIDTH = 40.0  # QTextDocument's default indentWidth, for tables placed in lists


class DocumentBuilder:
    """Appends Blocks at the end of a document through one cursor."""

    def __init__(self, document: QTextDocument, cursor: QTextCursor | None = None) -> None:
        """Build at the end, or at a cursor (what follows it ends up after the new blocks)."""
        if cursor is None:
            cursor = QTextCursor(document)
            cursor.movePosition(QTextCursor.MoveOperation.End)
        self.cursor = cursor
        self.fresh = cursor.block().length() == 1  # an empty block to fill first
        self.verbatim_blocks = 0
        self.lists: dict[int, QTextList] = {}
        self.formats: dict[tuple[Marks, int], QTextCharFormat] = {}

    def format(self, marks: Marks, heading: int = 0) -> QTextCharFormat:
        key = (marks, heading)
        fmt = self.formats.get(key)
        if fmt is None:
            fmt = self.formats[key] = char_format(marks, heading)
        return fmt

    def new_block(self, fmt: QTextBlockFormat, char: QTextCharFormat) -> None:
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self.fresh = False
        else:
            self.cursor.insertBlock(fmt, char)

    def add(self, block: Block) -> None:
        fmt = QTextBlockFormat()
        if block.quote or block.inner_quote:
            set_quote_level(fmt, block.quote, block.inner_quote)
        if block.list_key is None and block.depth:
            fmt.setIndent(block.depth)  # sits in a list item
        if block.kind is Kind.RULE:
            fmt.merge(rule_format())
            self.new_block(fmt, self.format(PLAIN))
        elif block.kind in (Kind.CODE, Kind.RAW):
            self.add_verbatim(block, fmt)
        elif block.kind is Kind.TABLE:
            self.add_table(block)
        else:
            self.add_paragraph(block, fmt)

    def add_verbatim(self, block: Block, fmt: QTextBlockFormat) -> None:
        self.verbatim_blocks += 1
        if block.kind is Kind.CODE:
            fmt.setProperty(CODE_BLOCK_ID, self.verbatim_blocks)
            fmt.setProperty(P.BlockCodeFence, "`")
            fmt.setProperty(P.BlockCodeLanguage, block.language)
        else:
            fmt.setProperty(RAW_BLOCK_ID, self.verbatim_blocks)
            fmt.setProperty(RAW_NOTE, block.note)
            fmt.setBackground(RAW_BACKGROUND)
        fmt.setNonBreakableLines(True)
        char = self.format(Marks(code=True))
        for line in block.code.split("\n"):
            self.new_block(fmt, char)
            self.cursor.insertText(line, char)

    def add_paragraph(self, block: Block, fmt: QTextBlockFormat) -> None:
        fmt.setHeadingLevel(block.heading)
        if block.list_key is not None and block.loose:
            fmt.setProperty(LOOSE, True)
        self.new_block(fmt, self.format(PLAIN, block.heading))
        if block.list_key is not None:
            text_list = self.lists.get(block.list_key)
            if text_list is None:
                lf = list_format(block.ordered, block.depth, block.number)
                self.lists[block.list_key] = self.cursor.createList(lf)
            else:
                text_list.add(self.cursor.block())
        self.insert_runs(self.cursor, block.runs, block.heading)

    def insert_runs(self, cursor: QTextCursor, runs: list[Run], heading: int = 0) -> None:
        for text, marks in runs:
            if marks.image:
                src, alt, title = marks.image
                image = QTextImageFormat()
                image.merge(self.format(marks))
                image.setName(src)
                image.setProperty(P.ImageAltText, alt)
                image.setProperty(P.ImageTitle, title)
                cursor.insertImage(image)
            else:
                cursor.insertText(text, self.format(marks, heading))

    def add_table(self, block: Block) -> None:
        columns = max(len(row) for row in block.rows)
        fmt = QTextTableFormat()
        fmt.setHeaderRowCount(1)
        fmt.setBorder(1)
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(4)
        fmt.setCellSpacing(0)
        if block.quote or block.depth or block.inner_quote:
            fmt.setProperty(TABLE_QUOTE, block.quote)
            fmt.setProperty(TABLE_DEPTH, block.depth)
            fmt.setProperty(TABLE_INNER_QUOTE, block.inner_quote)
            margin = QUOTE_MARGIN * (block.quote + block.inner_quote) + _INDENT_WIDTH * block.depth
            fmt.setLeftMargin(margin)
        if self.fresh:
            self.fresh = False
        else:
            self.cursor.insertBlock(QTextBlockFormat(), self.format(PLAIN))
        table = self.cursor.insertTable(len(block.rows), columns, fmt)
        for r, row in enumerate(block.rows):
            for c, runs in enumerate(row):
                cursor = table.cellAt(r, c).firstCursorPosition()
                align = block.aligns[c] if c < len(block.aligns) else ""
                if align:
                    cell_format = QTextBlockFormat()
                    cell_format.setAlignment(ALIGNMENTS[align])
                    cursor.setBlockFormat(cell_format)
                self.insert_runs(cursor, runs)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True  # the block Qt keeps after every table


def build_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Append blocks to a document, without an undo step per block."""
    builder = DocumentBuilder(document)
    for block in blocks:
        builder.add(block)
