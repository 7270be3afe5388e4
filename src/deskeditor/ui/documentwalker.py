"""A QTextDocument read back into Blocks, frame by frame, for the one Markdown writer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextDocument,
    QTextFrame,
    QTextList,
    QTextTable,
)

from deskeditor.core.markdownblocks import LINE_BREAK, PLAIN, Block, Kind, Marks, Run
from deskeditor.ui.textformats import (
    ALIGNMENTS,
    CODE_BLOCK_ID,
    LOOSE,
    RAW_BLOCK_ID,
    RAW_NOTE,
    TABLE_DEPTH,
    TABLE_INNER_QUOTE,
    TABLE_QUOTE,
    P,
    is_code,
    is_ordered,
    is_raw,
    is_rule,
    marks_of,
    quote_levels,
)

_NO_VERBATIM = (-1, -1)


class _Listed(NamedTuple):
    text_list: QTextList
    key: int
    depth: int
    ordered: bool
    start: int


class _Info(NamedTuple):
    verbatim: bool
    quote: int
    inner: int
    heading: int
    indent: int
    loose: bool
    rule: bool
    listed: _Listed | None  # the format names the list: blocks of one format share one


class DocumentWalker:
    """Reads a QTextDocument into Blocks; formats are read once per format index."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.marks: list[dict[int, Marks]] = [{} for _ in range(7)]  # per heading level
        self.lists: dict[int, tuple[int, bool, int]] = {}  # depth, ordered, start
        self.verbatim: tuple[int, int] = _NO_VERBATIM  # (code id, raw id) of the last line
        self.infos: dict[int, _Info] = {}

    def runs(self, block: QTextBlock, heading: int = 0) -> list[Run]:
        known = self.marks[heading]
        runs: list[Run] = []
        append = runs.append  # this loop runs once per fragment of the whole document
        # Iterating in C is much cheaper than atEnd() and += 1 per fragment.
        for it in cast("Iterable[QTextBlock.iterator]", block):
            fragment = it.fragment()
            index = fragment.charFormatIndex()
            marks = known.get(index)
            if marks is None:
                marks = known[index] = marks_of(fragment.charFormat(), heading)
            append((fragment.text(), marks))
        return runs

    def frame(self, frame: QTextFrame) -> None:
        for it in cast("Iterable[QTextFrame.iterator]", frame):
            child = it.currentFrame()
            if child is None:  # by far the most common: a block of the frame itself
                self.block(it.currentBlock())
            elif isinstance(child, QTextTable):
                self.table(child)
            else:
                self.frame(child)

    def verbatim_line(self, block: QTextBlock, fmt: QTextBlockFormat) -> None:
        """A line of code or raw Markdown: joins the block above if it is the same one."""
        quote, inner = quote_levels(fmt)
        ids = (
            (fmt.intProperty(CODE_BLOCK_ID), -1)
            if is_code(fmt)
            else (-1, fmt.intProperty(RAW_BLOCK_ID))
        )
        last = self.blocks[-1] if self.blocks else None
        text = block.text()
        if (
            last is not None
            and self.verbatim == ids
            and (last.quote, last.inner_quote, last.depth) == (quote, inner, fmt.indent())
        ):
            last.code += "\n" + text
        else:
            out = Block(
                kind=Kind.RAW, code=text, quote=quote, inner_quote=inner, depth=fmt.indent()
            )
            if is_code(fmt):
                out.kind, out.language = Kind.CODE, fmt.stringProperty(P.BlockCodeLanguage)
            else:
                out.note = fmt.stringProperty(RAW_NOTE)
            self.blocks.append(out)
        self.verbatim = ids

    def info(self, block: QTextBlock) -> _Info:
        """What the block format says, read once per distinct format."""
        index = block.blockFormatIndex()
        info = self.infos.get(index)
        if info is None:
            fmt = block.blockFormat()
            quote, inner = quote_levels(fmt)
            info = self.infos[index] = _Info(
                verbatim=is_code(fmt) or is_raw(fmt),
                quote=quote,
                inner=inner,
                heading=fmt.headingLevel(),
                indent=fmt.indent(),
                loose=fmt.boolProperty(LOOSE),
                rule=is_rule(fmt),
                listed=self.listed(block) if fmt.objectIndex() != -1 else None,
            )
        return info

    def listed(self, block: QTextBlock) -> _Listed | None:
        """The list a block is an item of, with what its format says."""
        text_list = block.textList()
        if text_list is None:
            return None
        key = text_list.objectIndex()
        known = self.lists.get(key)
        if known is None:  # QTextList.format() is slow enough to matter in long lists
            list_fmt = text_list.format()
            known = (max(0, list_fmt.indent() - 1), is_ordered(list_fmt), list_fmt.start())
            self.lists[key] = known
        return _Listed(text_list, key, *known)

    def block(self, block: QTextBlock) -> None:
        info = self.infos.get(block.blockFormatIndex()) or self.info(block)
        if info.verbatim:
            self.verbatim_line(block, block.blockFormat())
            return
        self.verbatim = _NO_VERBATIM  # whatever comes between ends a code block
        heading = info.heading
        out = Block(runs=self.runs(block, heading), heading=heading, quote=info.quote,
                    inner_quote=info.inner)  # fmt: skip
        listed = info.listed
        if listed is not None:
            out.list_key, out.depth, out.ordered = listed.key, listed.depth, listed.ordered
            out.number = listed.start + listed.text_list.itemNumber(block)
            out.loose = info.loose
        else:
            out.depth = info.indent
        if out.runs or listed is not None:
            self.blocks.append(out)
        if info.rule:
            rule = Block(kind=Kind.RULE, quote=info.quote, inner_quote=info.inner)
            rule.depth = info.indent if listed is None else 0
            self.blocks.append(rule)

    def table(self, table: QTextTable) -> None:
        rows: list[list[list[Run]]] = []
        aligns: list[str] = []
        for r in range(table.rows()):
            row: list[list[Run]] = []
            for c in range(table.columns()):
                cell = table.cellAt(r, c)
                if cell.row() != r or cell.column() != c:
                    row.append([])  # covered by a merged cell
                    continue
                runs: list[Run] = []
                block = cell.firstCursorPosition().block()
                end = cell.lastCursorPosition().block()
                while block.isValid():
                    if runs:
                        runs.append((LINE_BREAK, PLAIN))
                    runs.extend(self.runs(block))
                    if block == end:
                        break
                    block = block.next()
                row.append(runs)
                if r == 0:
                    aligns.append(_align_name(cell.firstCursorPosition().blockFormat()))
            rows.append(row)
        fmt = table.format()
        self.blocks.append(Block(kind=Kind.TABLE, rows=rows, aligns=aligns,
                                 quote=fmt.intProperty(TABLE_QUOTE),
                                 depth=fmt.intProperty(TABLE_DEPTH),
                                 inner_quote=fmt.intProperty(TABLE_INNER_QUOTE)))  # fmt: skip
        self.verbatim = _NO_VERBATIM


def _align_name(fmt: QTextBlockFormat) -> str:
    if not fmt.hasProperty(P.BlockAlignment):
        return ""
    align = fmt.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
    for name, flag in ALIGNMENTS.items():
        if align == flag:
            return name
    return ""


def document_blocks(document: QTextDocument) -> list[Block]:
    walker = DocumentWalker()
    walker.frame(document.rootFrame())
    return walker.blocks
