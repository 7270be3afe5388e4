"""How a QTextDocument stands for the Markdown model: the formats and properties both sides share.

Headings are QTextBlockFormat.headingLevel(); quotes outside lists the BlockQuoteLevel
property and quotes inside a list item INNER_QUOTE; lists are QTextLists (indent =
nesting level) and a paragraph continuing an item has the item's indent; code blocks
are BlockCodeFence (one QTextBlock per line, CODE_BLOCK_ID telling neighbours apart)
and RAW blocks RAW_BLOCK_ID; rules BlockTrailingHorizontalRulerWidth; inline code is
fontFixedPitch; links are anchors with the title as tool tip; bold inside a heading is
the Black weight (the heading itself is Bold).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextLength,
    QTextListFormat,
)

from deskeditor.core.markdownblocks import Marks

P = QTextFormat.Property
QUOTE_MARGIN = 24.0
CODE_BLOCK_ID = P.UserProperty + 1
INNER_QUOTE = P.UserProperty + 2  # quote level inside the innermost list item
LOOSE = P.UserProperty + 3  # a list item whose text is a paragraph of its own
RAW_BLOCK_ID = P.UserProperty + 4  # Markdown kept as source, one QTextBlock per line
RAW_NOTE = P.UserProperty + 5  # what the raw block holds ("HTML", "footnote", ...)
TABLE_QUOTE = P.UserProperty + 6  # on a QTextTableFormat: its quote, depth, inner quote
TABLE_DEPTH = P.UserProperty + 7
TABLE_INNER_QUOTE = P.UserProperty + 8
UNDERLINE = P.UserProperty + 9  # <u>: told apart from the underline every link has
HEADING_SIZES = {1: 3, 2: 2, 3: 1, 4: 0, 5: 0, 6: 0}  # QTextFormat.FontSizeAdjustment
RAW_BACKGROUND = QColor(128, 128, 128, 40)  # visible on light and dark palettes
BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_BULLET_STYLES = frozenset(style.value for style in BULLETS)
ALIGNMENTS = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
              "right": Qt.AlignmentFlag.AlignRight}  # fmt: skip
_SUB = QTextCharFormat.VerticalAlignment.AlignSubScript
_SUP = QTextCharFormat.VerticalAlignment.AlignSuperScript


def char_format(marks: Marks, heading: int = 0) -> QTextCharFormat:
    """The character format that stands for marks (headings are bold and larger)."""
    fmt = QTextCharFormat()
    if heading:
        weight = QFont.Weight.Black if marks.bold else QFont.Weight.Bold
    else:
        weight = QFont.Weight.Bold if marks.bold else QFont.Weight.Normal
    fmt.setFontWeight(weight)
    fmt.setProperty(P.FontSizeAdjustment, HEADING_SIZES.get(heading, 0))
    fmt.setFontItalic(marks.italic)
    fmt.setFontStrikeOut(marks.strike)
    fmt.setFontFixedPitch(marks.code)
    fmt.setFontUnderline(marks.underline)
    if marks.underline:
        fmt.setProperty(UNDERLINE, True)
    if marks.sub or marks.sup:
        fmt.setVerticalAlignment(_SUB if marks.sub else _SUP)
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


def is_bold(fmt: QTextCharFormat, heading: int = 0) -> bool:
    """Bold as the user meant it: in a heading only the weight above the heading's own."""
    return fmt.fontWeight() >= (QFont.Weight.ExtraBold if heading else QFont.Weight.DemiBold)


def marks_of(fmt: QTextCharFormat, heading: int = 0) -> Marks:
    """The marks a character format stands for."""
    href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
    image = None
    if fmt.isImageFormat():
        img = fmt.toImageFormat()
        image = (img.name(), img.stringProperty(P.ImageAltText), img.stringProperty(P.ImageTitle))
    align = fmt.verticalAlignment()
    return Marks(
        bold=is_bold(fmt, heading),
        italic=fmt.fontItalic(),
        strike=fmt.fontStrikeOut(),
        code=fmt.fontFixedPitch(),
        href=href,
        title=fmt.toolTip() if href is not None else "",
        image=image,
        underline=fmt.boolProperty(UNDERLINE) or (fmt.fontUnderline() and href is None),
        sub=align == _SUB,
        sup=align == _SUP,
    )


def list_format(ordered: bool, depth: int, start: int = 1) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(QTextListFormat.Style.ListDecimal if ordered else BULLETS[depth % 3])
    fmt.setIndent(depth + 1)
    if start != 1:
        fmt.setStart(start)
    return fmt


def is_ordered(fmt: QTextListFormat) -> bool:
    # The style as a number: style() makes a Python enum member, slow in a long walk.
    return fmt.intProperty(P.ListStyle) not in _BULLET_STYLES


def quote_levels(fmt: QTextBlockFormat) -> tuple[int, int]:
    """(quotes outside lists, quotes inside the innermost list item) of a block."""
    return fmt.intProperty(P.BlockQuoteLevel), fmt.intProperty(INNER_QUOTE)


def set_quote_level(fmt: QTextBlockFormat, level: int, inner: int = 0) -> None:
    fmt.setProperty(P.BlockQuoteLevel, level)
    if inner:
        fmt.setProperty(INNER_QUOTE, inner)
    else:
        fmt.clearProperty(INNER_QUOTE)
    fmt.setLeftMargin(QUOTE_MARGIN * (level + inner))


def is_rule(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(P.BlockTrailingHorizontalRulerWidth)


def rule_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(
        P.BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength.Type.PercentageLength, 100)
    )
    return fmt


def is_code(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(P.BlockCodeFence)


def is_raw(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(RAW_BLOCK_ID)


def is_verbatim(fmt: QTextBlockFormat) -> bool:
    """Code or raw Markdown: text typed as is, no formatting, Tab inserts a tab."""
    return fmt.hasProperty(P.BlockCodeFence) or fmt.hasProperty(RAW_BLOCK_ID)


def clear_verbatim(fmt: QTextBlockFormat) -> None:
    """Make a code or raw line an ordinary paragraph's format."""
    for prop in (P.BlockCodeFence, P.BlockCodeLanguage, P.BlockNonBreakableLines, CODE_BLOCK_ID,
                 RAW_BLOCK_ID, RAW_NOTE, P.BackgroundBrush):  # fmt: skip
        fmt.clearProperty(prop)
