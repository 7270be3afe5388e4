"""The neutral model of an article body (blocks of marked runs) and its one Markdown writer.

Every path that produces Markdown for the body goes through ``write_markdown``: the
editor's save, and (through ``html_to_blocks``) pasted or imported HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from deskeditor.core.markdownescape import escape_text

__all__ = [
    "LINE_BREAK", "LIST_SEPARATOR", "OBJECT_CHAR", "PLAIN", "Block", "Kind", "Marks", "Run",
    "escape_text", "inline_markdown", "write_markdown",
]  # fmt: skip

LINE_BREAK = "\u2028"  # how QTextDocument stores Shift+Enter inside a block
OBJECT_CHAR = "\ufffc"  # how QTextDocument stores an inline image
LIST_SEPARATOR = "<!-- -->"  # keeps two adjacent lists of one kind apart; renders as nothing


class Marks(NamedTuple):
    """The inline formatting of a run that Markdown can express (a tuple: fast to compare)."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    title: str = ""
    image: tuple[str, str, str] | None = None  # (src, alt, title) of an OBJECT_CHAR run
    underline: bool = False  # written as <u>, like sub and sup: no Markdown syntax for them
    sub: bool = False
    sup: bool = False


PLAIN = Marks()
Run = tuple[str, Marks]


class Kind(Enum):
    PARAGRAPH = "paragraph"
    CODE = "code"
    RULE = "rule"
    TABLE = "table"
    RAW = "raw"  # Markdown the editor cannot represent, kept byte for byte


@dataclass(slots=True)
class Block:
    """One block of the document; list items are paragraphs with a list_key.

    Where a block sits is said by three numbers, outside in: ``quote`` block quotes
    around everything, ``depth`` list items (for an item, the level of its list), and
    ``inner_quote`` block quotes inside the innermost item. A list inside a quote inside
    a list item is beyond this model; such Markdown is kept as a RAW block.
    """

    kind: Kind = Kind.PARAGRAPH
    runs: list[Run] = field(default_factory=list)
    heading: int = 0
    quote: int = 0
    list_key: int | None = None  # identity of the list the item belongs to
    depth: int = 0  # items: list nesting (0 = top level); others: the items they sit in
    ordered: bool = False
    number: int = 1
    loose: bool = False  # items: the text is a paragraph of its own (<li><p>)
    inner_quote: int = 0
    code: str = ""  # CODE: the code; RAW: the Markdown source
    language: str = ""
    rows: list[list[list[Run]]] = field(default_factory=list)
    aligns: list[str] = field(default_factory=list)  # "", "left", "center" or "right"
    note: str = ""  # RAW: what kind of content it is, for the message to the user


# The writers live in their own modules (they import this model); these wrappers are the
# public entry points, importing them when first called.


def write_markdown(blocks: Iterable[Block]) -> str:
    """The whole Markdown text: blocks apart by one blank line, one final newline."""
    from deskeditor.core.markdownlayout import layout_markdown

    return layout_markdown(list(blocks))


def inline_markdown(runs: list[Run], *, context: str = "text") -> str:
    """Inline Markdown for runs; context is "text", "heading" or "cell"."""
    from deskeditor.core.markdowninline import inline_markdown as write

    return write(runs, context=context)
