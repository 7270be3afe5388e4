"""The one place that converts between QTextDocument and Markdown, in both directions."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import count
from urllib.parse import urlsplit

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.sanitize import ALLOWED_URL_SCHEMES
from deskeditor.ui.markdownwriter import (
    LINE_BREAK,
    OBJECT_CHAR,
    PLAIN,
    Block,
    Kind,
    Marks,
    Run,
    write_markdown,
)

# Private-use stand-ins for what Python-Markdown would change in fenced code: it expands
# tabs and empties lines of only spaces.
_TAB, _SPACE = "\ue009", "\ue020"
_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)
_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"i", "em", "cite", "var", "dfn"})
_STRIKE = frozenset({"s", "del", "strike"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
# Elements whose content is never text of the article (pasted pages bring them along).
_SKIP = frozenset({"script", "style", "head", "title", "template", "svg", "math", "iframe",
                   "object", "noscript", "select", "button", "textarea"})  # fmt: skip
# Containers that start a new paragraph; their own formatting is dropped.
_BREAKING = frozenset({"p", "div", "section", "article", "header", "footer", "main", "nav",
                       "aside", "figure", "figcaption", "dl", "dt", "dd", "address", "center",
                       "form", "fieldset", "details", "summary", "caption"})  # fmt: skip
# Elements that end an unclosed <head>, as in a browser.
_BODY_START = (
    _BREAKING
    | _BOLD
    | _ITALIC
    | _STRIKE
    | _CODE
    | frozenset(_HEADINGS)
    | frozenset({"a", "br", "img", "span", "ul", "ol", "li", "table", "blockquote", "pre", "hr"})
)
_VOID = frozenset({"br", "hr", "img", "wbr", "meta", "link", "input", "col", "area", "base"})
_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right)", re.IGNORECASE)
_WEIGHT = re.compile(r"font-weight\s*:\s*(\w+)", re.IGNORECASE)


def safe_href(href: str) -> str | None:
    """A link target worth keeping: relative, or with a scheme the sanitizer allows."""
    href = href.strip()
    scheme = urlsplit(href).scheme.lower() if ":" in href else ""
    return href if not scheme or scheme in ALLOWED_URL_SCHEMES else None


class HtmlReader(HTMLParser):
    """Reads any HTML into Blocks, keeping only what the Markdown dialect can express.

    Python-Markdown's output is the main input, but clipboard HTML from browsers and
    word processors goes through here too, so fonts, colours and classes never arrive.
    """

    def __init__(self, images: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.images = images
        self.blocks: list[Block] = []
        self._keys = count(1)
        self._marks: list[tuple[str, dict[str, object]]] = []
        self._lists: list[tuple[int, bool, int]] = []  # (key, ordered, next number)
        self._quote = 0
        self._skip: list[str] = []  # the skipped elements we are in
        self._block: Block | None = None
        self._pre: list[str] | None = None
        self._pre_start = False
        self._language = ""
        self._table: list[list[list[Run]]] | None = None
        self._aligns: list[str] = []
        self._cell: list[Run] | None = None
        self._tables = 0  # nested tables are flattened into the outer cell

    @classmethod
    def read(cls, html: str, *, images: bool = True) -> list[Block]:
        """Blocks for HTML; images=False drops images (pasted ones may be tracking pixels)."""
        reader = cls(images)
        reader.feed(html)
        reader.close()
        reader._flush()
        return reader.blocks

    # Inline state ------------------------------------------------------------------------

    def _current_marks(self) -> Marks:
        values: dict[str, object] = {}
        for _tag, change in self._marks:
            values.update(change)
        return Marks(**values) if values else PLAIN  # type: ignore[arg-type]

    def _runs(self) -> list[Run]:
        if self._cell is not None:
            return self._cell
        if self._block is None:
            self._block = self._new_block()
        return self._block.runs

    def _new_block(self, heading: int = 0) -> Block:
        block = Block(heading=heading, quote=self._quote)
        if self._lists:
            block.depth = len(self._lists)  # continues the enclosing item unless it is one
        return block

    def _add_text(self, text: str, marks: Marks) -> None:
        runs = self._runs()
        last = runs[-1][0] if runs else ""
        if text.startswith(" ") and (not last or last[-1] in (" ", LINE_BREAK)):
            text = text[1:]
        if not text:
            return
        if runs and runs[-1][1] == marks:
            runs[-1] = (last + text, marks)
        else:
            runs.append((text, marks))

    def _add_break(self) -> None:
        if self._pre is not None:
            self._pre.append("\n")
            return
        runs = self._runs()
        if runs and runs[-1][1] == PLAIN:
            runs[-1] = (runs[-1][0].rstrip(" ") + LINE_BREAK, PLAIN)
            return
        if runs:
            runs[-1] = (runs[-1][0].rstrip(" "), runs[-1][1])
        runs.append((LINE_BREAK, PLAIN))

    # Blocks ------------------------------------------------------------------------------

    def _flush(self) -> None:
        """End the paragraph being collected; empty ones are dropped."""
        block, self._block = self._block, None
        if block is None:
            return
        block.runs = _trim(block.runs)
        if block.runs:
            self.blocks.append(block)

    def _start_item(self) -> None:
        self._flush()
        if not self._lists:
            self._lists.append((next(self._keys), False, 1))
        key, ordered, number = self._lists[-1]
        self._lists[-1] = (key, ordered, number + 1)
        self._block = Block(quote=self._quote, list_key=key, depth=len(self._lists) - 1,
                            ordered=ordered, number=number)  # fmt: skip

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if self._skip == ["head"] and (tag == "body" or tag in _BODY_START):
            self._skip = []  # a pasted fragment may never close its <head>
        if tag in _SKIP:
            self._skip.append(tag)
        if self._skip:
            return
        if self._cell is not None and tag in _BREAKING | {"li", "tr", "table", "blockquote"}:
            if tag == "table":
                self._tables += 1
            elif self._cell and not self._cell[-1][0].endswith(LINE_BREAK):
                self._add_break()
            return
        if tag in _HEADINGS:
            if (
                self._block is not None
                and self._block.list_key is not None
                and not self._block.runs
            ):
                self._block.heading = _HEADINGS[tag]  # <li><h2>: a heading as the item's text
                return
            self._flush()
            self._block = self._new_block(_HEADINGS[tag])
        elif tag in ("ul", "ol"):
            self._flush()
            start = int(attr["start"]) if attr.get("start", "").isdigit() else 1
            self._lists.append((next(self._keys), tag == "ol", start))
        elif tag == "li":
            self._start_item()
        elif tag == "p" and self._block is not None and not self._block.runs:
            pass  # <li><p>: the paragraph is the item itself
        elif tag in _BREAKING:
            self._flush()
        elif tag == "blockquote":
            self._flush()
            self._quote += 1
        elif tag == "pre":
            self._flush()
            self._pre = []
            self._pre_start = True
        elif tag == "hr":
            self._flush()
            self.blocks.append(Block(kind=Kind.RULE, quote=self._quote))
        elif tag == "br":
            self._add_break()
        elif tag == "table":
            self._flush()
            self._table, self._aligns, self._tables = [], [], 1
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            if not self._table:
                self._table.append([])
            self._cell = []
            if len(self._table) == 1:
                found = _ALIGN.search(attr.get("style", ""))
                align = found.group(1).lower() if found else attr.get("align", "").lower()
                self._aligns.append(align if align in ("left", "center", "right") else "")
        elif tag == "img":
            self._image(attr)
        elif self._pre is not None:
            self._pre_start = False
            if tag == "code":
                classes = attr.get("class", "").split()
                langs = [c[len("language-") :] for c in classes if c.startswith("language-")]
                self._language = langs[0] if langs else self._language
        elif tag not in _VOID:
            self._marks.append((tag, _inline_change(tag, attr)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in _SKIP:
            return
        if self._cell is not None and tag in ("td", "th") and self._tables == 1:
            assert self._table is not None
            self._table[-1].append(_trim(self._cell))
            self._cell = None
        elif self._table is not None and tag == "table":
            self._tables -= 1
            if self._tables == 0:
                self._end_table()
        elif self._cell is not None:
            self._end_inline(tag)
        elif tag in _HEADINGS or tag in _BREAKING or tag == "li":
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self._lists:
                self._lists.pop()
        elif tag == "blockquote":
            self._flush()
            self._quote = max(0, self._quote - 1)
        elif tag == "pre" and self._pre is not None:
            self._end_code()
        else:
            self._end_inline(tag)

    def _end_inline(self, tag: str) -> None:
        for n in range(len(self._marks) - 1, -1, -1):
            if self._marks[n][0] == tag:
                del self._marks[n:]
                break

    def _end_code(self) -> None:
        assert self._pre is not None
        text = "".join(self._pre)
        text = text[:-1] if text.endswith("\n") else text  # Python-Markdown always adds one
        self.blocks.append(Block(kind=Kind.CODE, code=text, language=self._language,
                                 quote=self._quote))  # fmt: skip
        self._pre, self._language = None, ""

    def _end_table(self) -> None:
        rows = [row for row in self._table or [] if row]
        if rows:
            self.blocks.append(Block(kind=Kind.TABLE, rows=rows, aligns=self._aligns,
                                     quote=self._quote))  # fmt: skip
        self._table, self._cell = None, None

    def _image(self, attr: dict[str, str]) -> None:
        src = attr.get("src", "")
        if self.images and src and safe_href(src) is not None:
            marks = self._current_marks()
            image = Marks(href=marks.href, title=marks.title,
                          image=(src, attr.get("alt", ""), attr.get("title", "")))  # fmt: skip
            self._runs().append((OBJECT_CHAR, image))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._pre is not None:
            if self._pre_start and data.startswith("\n"):
                data = data[1:]  # HTML drops a newline right after <pre>
            self._pre_start = False
            self._pre.append(data)
            return
        text = _HTML_WS.sub(" ", data)
        if text == " " and self._cell is None and self._block is None:
            return  # whitespace between blocks
        self._add_text(text, self._current_marks())


def _inline_change(tag: str, attr: dict[str, str]) -> dict[str, object]:
    """What an inline element changes in the current marks; unknown elements change nothing."""
    change: dict[str, object] = {}
    if tag in _BOLD:
        change["bold"] = True
    elif tag in _ITALIC:
        change["italic"] = True
    elif tag in _STRIKE:
        change["strike"] = True
    elif tag in _CODE:
        change["code"] = True
    elif tag == "a":
        href = safe_href(attr.get("href", ""))
        if href is not None and attr.get("href", "").strip():
            change.update(href=href, title=attr.get("title", ""))
    style = attr.get("style", "").lower()
    if style:
        # Word processors mark formatting with inline styles (Google Docs: <b style=normal>).
        weight = _WEIGHT.search(style)
        if weight:
            value = weight.group(1)
            change["bold"] = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        if "font-style" in style:
            change["italic"] = bool(re.search(r"font-style\s*:\s*italic", style))
        if "line-through" in style:
            change["strike"] = True
    return change


def _trim(runs: list[Run]) -> list[Run]:
    """Runs without the whitespace HTML would not show at the edges of a block."""
    while runs and not runs[0][0].lstrip(" "):
        runs = runs[1:]
    while runs and not runs[-1][0].rstrip(" "):
        runs = runs[:-1]
    if runs:
        runs = list(runs)
        runs[0] = (runs[0][0].lstrip(" "), runs[0][1])
        runs[-1] = (runs[-1][0].rstrip(" "), runs[-1][1])
    return runs


def markdown_blocks(markdown: str, converter: MarkdownConverter | None = None) -> list[Block]:
    """Blocks for a Markdown text, read from the same sanitized HTML the preview shows."""
    protected = _protect_code_tabs(markdown)
    blocks = HtmlReader.read((converter or MarkdownConverter()).to_html(protected))
    if protected is not markdown:
        for block in blocks:
            if block.kind is Kind.CODE:
                block.code = block.code.replace(_TAB, "\t").replace(_SPACE, " ")
    return blocks


def _protect_code_tabs(markdown: str) -> str:
    """Hide tabs and blank-line spaces in fenced code from Python-Markdown's normalizing."""
    if "```" not in markdown and "~~~" not in markdown or _TAB in markdown or _SPACE in markdown:
        return markdown

    def hide(match: re.Match[str]) -> str:
        start, end = match.start("code") - match.start(), match.end("code") - match.start()
        whole = match.group(0)
        code = _BLANK_LINE.sub(lambda m: m.group().replace(" ", _SPACE), whole[start:end])
        return whole[:start] + code.replace("\t", _TAB) + whole[end:]

    return FencedBlockPreprocessor.FENCED_BLOCK_RE.sub(hide, markdown)


# QTextDocument <-> Blocks ------------------------------------------------------------------
#
# How the document represents what Markdown can say, shared with BodyEdit's actions:
# headings by QTextBlockFormat.headingLevel(), quotes by the BlockQuoteLevel property,
# code blocks by the BlockCodeFence property (one QTextBlock per line, CODE_BLOCK_ID
# telling adjacent code blocks apart), rules by
# BlockTrailingHorizontalRulerWidth, lists by QTextList (indent = nesting level),
# inline code by fontFixedPitch, links by anchor href with the title as tool tip.

QUOTE_MARGIN = 24.0
CODE_BLOCK_ID = QTextFormat.Property.UserProperty + 1
HEADING_SIZES = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}  # QTextFormat.FontSizeAdjustment
_P = QTextFormat.Property
_BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_ALIGNMENTS = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
               "right": Qt.AlignmentFlag.AlignRight}  # fmt: skip


def char_format(marks: Marks, heading: int = 0) -> QTextCharFormat:
    """The character format that stands for marks (headings are bold and larger)."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if marks.bold or heading else QFont.Weight.Normal)
    fmt.setProperty(_P.FontSizeAdjustment, HEADING_SIZES.get(heading, 0))
    fmt.setFontItalic(marks.italic)
    fmt.setFontStrikeOut(marks.strike)
    fmt.setFontFixedPitch(marks.code)
    if marks.code:
        fmt.setFontFamilies(["monospace"])
    if marks.href is not None:
        fmt.merge(link_format(marks.href, marks.title))
    return fmt


def link_format(href: str, title: str = "") -> QTextCharFormat:
    """Only the properties that make text a link, to merge over other formatting."""
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setToolTip(title)
    fmt.setFontUnderline(True)
    fmt.setForeground(QGuiApplication.palette().link())
    return fmt


def marks_of(fmt: QTextCharFormat, heading: int = 0) -> Marks:
    """The marks a character format stands for; bold is implied in headings."""
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    image = None
    if fmt.isImageFormat():
        img = fmt.toImageFormat()
        image = (img.name(), img.stringProperty(_P.ImageAltText), img.stringProperty(_P.ImageTitle))
    return Marks(
        bold=not heading and fmt.fontWeight() >= QFont.Weight.DemiBold,
        italic=fmt.fontItalic(),
        strike=fmt.fontStrikeOut(),
        code=fmt.fontFixedPitch(),
        href=href,
        title=fmt.toolTip() if href is not None else "",
        image=image,
    )


def list_format(ordered: bool, depth: int, start: int = 1) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(QTextListFormat.Style.ListDecimal if ordered else _BULLETS[depth % 3])
    fmt.setIndent(depth + 1)
    if start != 1:
        fmt.setStart(start)
    return fmt


def is_ordered(fmt: QTextListFormat) -> bool:
    return fmt.style() not in _BULLETS


def set_quote_level(fmt: QTextBlockFormat, level: int) -> None:
    fmt.setProperty(_P.BlockQuoteLevel, level)
    fmt.setLeftMargin(QUOTE_MARGIN * level)


def is_rule(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(_P.BlockTrailingHorizontalRulerWidth)


def rule_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(
        _P.BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength.Type.PercentageLength, 100)
    )
    return fmt


def is_code(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(_P.BlockCodeFence)


class _Builder:
    """Appends Blocks at the end of a document through one cursor."""

    def __init__(self, document: QTextDocument) -> None:
        self.cursor = QTextCursor(document)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = self.cursor.block().length() == 1  # an empty block to fill first
        self.code_blocks = 0
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
        if block.quote:
            set_quote_level(fmt, block.quote)
        if block.kind is Kind.RULE:
            fmt.merge(rule_format())
            self.new_block(fmt, self.format(PLAIN))
        elif block.kind is Kind.CODE:
            self.code_blocks += 1
            fmt.setProperty(CODE_BLOCK_ID, self.code_blocks)
            fmt.setProperty(_P.BlockCodeFence, "`")
            fmt.setProperty(_P.BlockCodeLanguage, block.language)
            fmt.setNonBreakableLines(True)
            char = self.format(Marks(code=True))
            for line in block.code.split("\n"):
                self.new_block(fmt, char)
                self.cursor.insertText(line, char)
        elif block.kind is Kind.TABLE:
            self.add_table(block)
        else:
            self.add_paragraph(block, fmt)

    def add_paragraph(self, block: Block, fmt: QTextBlockFormat) -> None:
        fmt.setHeadingLevel(block.heading)
        if block.list_key is None and block.depth:
            fmt.setIndent(block.depth)  # continues a list item
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
                image.setProperty(_P.ImageAltText, alt)
                image.setProperty(_P.ImageTitle, title)
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
                    cell_format.setAlignment(_ALIGNMENTS[align])
                    cursor.setBlockFormat(cell_format)
                self.insert_runs(cursor, runs)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = True  # the block Qt keeps after every table


def build_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Append blocks to a document, without an undo step per block."""
    builder = _Builder(document)
    for block in blocks:
        builder.add(block)


def load_markdown(document: QTextDocument, markdown: str) -> None:
    """Replace the document's content with a Markdown text, read as the preview reads it."""
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    document.clear()
    build_document(document, markdown_blocks(markdown))
    document.setUndoRedoEnabled(undo)


class _Walker:
    """Reads a QTextDocument into Blocks, frame by frame."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.marks: dict[tuple[int, int], Marks] = {}
        self.lists: dict[int, tuple[int, bool, int]] = {}  # depth, ordered, start
        self.code_id = -1

    def runs(self, block: QTextBlock, heading: int = 0) -> list[Run]:
        runs: list[Run] = []
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            key = (fragment.charFormatIndex(), heading)
            marks = self.marks.get(key)
            if marks is None:
                marks = self.marks[key] = marks_of(fragment.charFormat(), heading)
            runs.append((fragment.text(), marks))
            it += 1
        return runs

    def frame(self, frame: QTextFrame) -> None:
        it = frame.begin()
        while not it.atEnd():
            child = it.currentFrame()
            if isinstance(child, QTextTable):
                self.table(child)
            elif child is not None:
                self.frame(child)
            else:
                self.block(it.currentBlock())
            it += 1

    def block(self, block: QTextBlock) -> None:
        fmt = block.blockFormat()
        quote = fmt.intProperty(_P.BlockQuoteLevel)
        if is_code(fmt):
            last = self.blocks[-1] if self.blocks else None
            text = block.text()
            code_id = fmt.intProperty(CODE_BLOCK_ID)
            if last is not None and last.quote == quote and self.code_id == code_id:
                last.code += "\n" + text
            else:
                language = fmt.stringProperty(_P.BlockCodeLanguage)
                self.blocks.append(Block(kind=Kind.CODE, code=text, language=language, quote=quote))
            self.code_id = code_id
            return
        self.code_id = -1  # whatever comes between ends a code block
        heading = fmt.headingLevel()
        out = Block(runs=self.runs(block, heading), heading=heading, quote=quote)
        text_list = block.textList()
        if text_list is not None:
            out.list_key = text_list.objectIndex()
            known = self.lists.get(out.list_key)
            if known is None:  # QTextList.format() is slow enough to matter in long lists
                list_fmt = text_list.format()
                known = (max(0, list_fmt.indent() - 1), is_ordered(list_fmt), list_fmt.start())
                self.lists[out.list_key] = known
            out.depth, out.ordered, start = known
            out.number = start + text_list.itemNumber(block)
        else:
            out.depth = fmt.indent()
        if out.runs or text_list is not None:
            self.blocks.append(out)
        if is_rule(fmt):
            self.blocks.append(Block(kind=Kind.RULE, quote=quote))

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
        self.blocks.append(Block(kind=Kind.TABLE, rows=rows, aligns=aligns))


def _align_name(fmt: QTextBlockFormat) -> str:
    if not fmt.hasProperty(_P.BlockAlignment):
        return ""
    align = fmt.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
    for name, flag in _ALIGNMENTS.items():
        if align == flag:
            return name
    return ""


def document_blocks(document: QTextDocument) -> list[Block]:
    walker = _Walker()
    walker.frame(document.rootFrame())
    return walker.blocks


def document_markdown(document: QTextDocument) -> str:
    """The document as Markdown for Python-Markdown, written by our own serializer."""
    return write_markdown(document_blocks(document))
