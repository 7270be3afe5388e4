"""HTML (Python-Markdown's output, or cleaned pasted and imported pages) read into Blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import count
from urllib.parse import urlsplit

from deskeditor.core.images import ASSET_REFERENCE
from deskeditor.core.markdownblocks import LINE_BREAK, OBJECT_CHAR, PLAIN, Block, Kind, Marks, Run
from deskeditor.core.sanitize import ALLOWED_URL_SCHEMES

_HTML_WS = re.compile(r"[ \t\n\r\f]+")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_MARK_TAGS: dict[str, str] = {
    **dict.fromkeys(("b", "strong"), "bold"),
    **dict.fromkeys(("i", "em", "cite", "var", "dfn"), "italic"),
    **dict.fromkeys(("s", "del", "strike"), "strike"),
    **dict.fromkeys(("code", "kbd", "samp", "tt"), "code"),
    **dict.fromkeys(("u", "ins"), "underline"),
    "sub": "sub",
    "sup": "sup",
}
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
    | frozenset(_MARK_TAGS)
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


def html_to_blocks(
    html: str, *, images: bool = True, keys: Iterator[int] | None = None
) -> list[Block]:
    """Blocks for HTML, keeping only what the Markdown dialect can express.

    images=False drops images (pasted ones may be tracking pixels); keys numbers the
    lists, shared when several pieces of one document are read apart.
    """
    reader = HtmlReader(images, keys)
    reader.feed(html)
    reader.close()
    reader.finish()
    return reader.blocks


class HtmlReader(HTMLParser):
    """Reads any HTML into Blocks; fonts, colours, classes and unknown elements never arrive.

    Where a block sits is tracked as a stack of quotes ("q") and lists ("l"): quotes
    before the first list are the block's ``quote``, quotes after the last its
    ``inner_quote``; quotes between two lists cannot be expressed and are lost.
    """

    def __init__(self, images: bool = True, keys: Iterator[int] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.images = images
        self.blocks: list[Block] = []
        self._keys = keys if keys is not None else count(1)
        self._marks: list[tuple[str, dict[str, object]]] = []
        self._containers: list[str] = []
        self._lists: list[tuple[int, bool, int]] = []  # (key, ordered, next number)
        self._skip: list[str] = []  # the skipped elements we are in
        self._block: Block | None = None
        self._pre: list[str] | None = None
        self._pre_start = False
        self._language = ""
        self._table: list[list[list[Run]]] | None = None
        self._aligns: list[str] = []
        self._cell: list[Run] | None = None
        self._tables = 0  # nested tables are flattened into the outer cell

    def finish(self) -> None:
        self._flush()
        if self._pre is not None:
            self._end_code()

    # Where we are ------------------------------------------------------------------------

    def _place(self, block: Block) -> Block:
        """Set the quote, depth and inner quote of a block from the open containers."""
        stack = self._containers
        block.depth = len(self._lists)
        if "l" not in stack:
            block.quote = len(stack)
            return block
        block.quote = stack.index("l")
        last_list = len(stack) - 1 - stack[::-1].index("l")
        block.inner_quote = len(stack) - 1 - last_list
        return block

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
            self._block = self._place(Block())
        return self._block.runs

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
        marks = self._current_marks()
        if runs:
            runs[-1] = (runs[-1][0].rstrip(" "), runs[-1][1])
            if not runs[-1][0]:
                runs.pop()
        if runs and runs[-1][1] == marks:
            runs[-1] = (runs[-1][0] + LINE_BREAK, marks)
        else:
            runs.append((LINE_BREAK, marks))

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
            self._containers.append("l")
        key, ordered, number = self._lists[-1]
        self._lists[-1] = (key, ordered, number + 1)
        block = self._place(Block(list_key=key, ordered=ordered, number=number))
        block.depth -= 1
        self._block = block

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
            block = self._block
            if block is not None and block.list_key is not None and not block.runs:
                block.heading = _HEADINGS[tag]  # <li><h2>: a heading as the item's text
                return
            self._flush()
            self._block = self._place(Block(heading=_HEADINGS[tag]))
        elif tag in ("ul", "ol"):
            self._flush()
            start = int(attr["start"]) if attr.get("start", "").isdigit() else 1
            self._lists.append((next(self._keys), tag == "ol", start))
            self._containers.append("l")
        elif tag == "li":
            self._start_item()
        elif tag == "p" and self._block is not None and not self._block.runs:
            if self._block.list_key is not None:
                self._block.loose = True  # <li><p>: the paragraph is the item itself
        elif tag in _BREAKING:
            self._flush()
        elif tag == "blockquote":
            self._flush()
            self._containers.append("q")
        elif tag == "pre":
            self._flush()
            self._pre = []
            self._pre_start = True
        elif tag == "hr":
            self._flush()
            self.blocks.append(self._place(Block(kind=Kind.RULE)))
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
            self._close_container("l")
        elif tag == "blockquote":
            self._flush()
            self._close_container("q")
        elif tag == "pre" and self._pre is not None:
            self._end_code()
        else:
            self._end_inline(tag)

    def _close_container(self, kind: str) -> None:
        stack = self._containers
        if kind in stack:
            n = len(stack) - 1 - stack[::-1].index(kind)
            closed = stack[n:].count("l")
            del stack[n:]
            del self._lists[len(self._lists) - closed :]

    def _end_inline(self, tag: str) -> None:
        for n in range(len(self._marks) - 1, -1, -1):
            if self._marks[n][0] == tag:
                del self._marks[n:]
                break

    def _end_code(self) -> None:
        assert self._pre is not None
        text = "".join(self._pre)
        text = text[:-1] if text.endswith("\n") else text  # Python-Markdown always adds one
        self.blocks.append(self._place(Block(kind=Kind.CODE, code=text, language=self._language)))
        self._pre, self._language = None, ""

    def _end_table(self) -> None:
        rows = [row for row in self._table or [] if row]
        if len(rows) == 2 and not any(rows[1]):
            del rows[1]  # Python-Markdown's stand-in for a table with a header row only
        if rows:
            self.blocks.append(self._place(Block(kind=Kind.TABLE, rows=rows, aligns=self._aligns)))
        self._table, self._cell = None, None

    def _image(self, attr: dict[str, str]) -> None:
        src = attr.get("src", "")
        # A photo of our own store (copied within the editor) is kept even where pasted
        # images are not: it is a reference to stored bytes, never a remote tracker.
        own = ASSET_REFERENCE.fullmatch(src) is not None
        if (self.images or own) and src and safe_href(src) is not None:
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
    mark = _MARK_TAGS.get(tag)
    if mark is not None:
        change[mark] = True
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
