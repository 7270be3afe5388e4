"""Block layout of the Markdown writer: quotes, lists and items as Python-Markdown nests them.

The flat list of Blocks is first built into a tree of quotes, lists and items; the tree
is then written out with the blank lines, indentation and separators Python-Markdown
needs to read the same tree back (including which list items are "loose").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deskeditor.core.markdownblocks import LINE_BREAK, LIST_SEPARATOR, Block, Kind, Run
from deskeditor.core.markdowninline import inline_markdown

_INDENT = "    "  # Python-Markdown nests by four spaces, whatever the marker's width
_BACKTICKS = re.compile(r"`+")


@dataclass(eq=False)
class _Quote:
    children: list[_Node] = field(default_factory=list)


@dataclass(eq=False)
class _Item:
    lines: list[str]  # the item's own text, as Markdown
    loose: bool
    heading: bool
    children: list[_Node] = field(default_factory=list)


@dataclass(eq=False)
class _List:
    key: int
    ordered: bool
    start: int
    items: list[_Item] = field(default_factory=list)


@dataclass(eq=False)
class _Leaf:
    lines: list[str]
    indented_code: bool = False  # code written by indentation (inside a quote or a list)


_Node = _Quote | _List | _Leaf


class _Tree:
    """Places blocks into open containers: outer quotes, list levels, inner quotes."""

    def __init__(self) -> None:
        self.root: list[_Node] = []
        self.outer: list[_Quote] = []
        self.levels: list[tuple[_List, _Item]] = []
        self.inner: list[_Quote] = []

    def container(self) -> list[_Node]:
        if self.inner:
            return self.inner[-1].children
        if self.levels:
            return self.levels[-1][1].children
        return self.outer[-1].children if self.outer else self.root

    def add(self, block: Block) -> None:
        if block.list_key is not None and block.kind is Kind.PARAGRAPH:
            self._add_item(block)
            return
        if (
            block.kind is Kind.PARAGRAPH
            and not (block.quote or block.depth or block.inner_quote)
            and not (self.outer or self.levels or self.inner)
        ):
            # The usual block, a paragraph or heading outside any container: what the
            # general way below comes to, without its bookkeeping.
            lines = _text_lines(block)
            if lines:
                self.root.append(_Leaf(lines))
            return
        quote, depth, inner = block.quote, block.depth, block.inner_quote
        open_levels = len(self.levels) if len(self.outer) == quote else 0
        if min(depth, open_levels) == 0:
            quote, depth, inner = quote + inner, 0, 0  # quotes inside no list are just quotes
        column = 2 * quote + 4 * min(depth, open_levels) + 2 * inner
        leaf = _leaf(block, column, fenced=column == 0)
        if leaf is None:
            return  # an empty paragraph is dropped
        self._align_outer(quote)
        level = min(depth, len(self.levels))
        if level < len(self.levels):
            self.levels, self.inner = self.levels[:level], []
        del self.inner[inner:]
        while len(self.inner) < inner:
            quote_node = _Quote()
            self.container().append(quote_node)
            self.inner.append(quote_node)
        self.container().append(leaf)

    def _add_item(self, block: Block) -> None:
        assert block.list_key is not None
        lines = _text_lines(block)
        if not lines:
            return  # an empty item is dropped, as an empty paragraph is
        self._align_outer(block.quote)
        level = min(block.depth, len(self.levels))
        self.inner = []
        same = level < len(self.levels) and self.levels[level][0].key == block.list_key
        target = self.levels[level][0] if same else None
        self.levels = self.levels[:level]
        if target is None:
            target = _List(block.list_key, block.ordered, block.number)
            self.container().append(target)
        node = _Item(lines, block.loose and not block.heading, bool(block.heading))
        target.items.append(node)
        self.levels.append((target, node))

    def _align_outer(self, quote: int) -> None:
        if quote == len(self.outer):
            return
        self.levels, self.inner = [], []
        del self.outer[quote:]
        while len(self.outer) < quote:
            node = _Quote()
            self.container().append(node)
            self.outer.append(node)


def layout_markdown(blocks: list[Block]) -> str:
    tree = _Tree()
    for block in blocks:
        tree.add(block)
    lines = _children(tree.root)
    return "\n".join(lines) + "\n" if lines else ""


# Leaves ---------------------------------------------------------------------------------


def _text_lines(block: Block) -> list[str]:
    if block.heading:
        text = inline_markdown(block.runs, context="heading")
        return [f"{'#' * block.heading} {text}"] if text else []
    text = inline_markdown(block.runs)
    return text.split("\n") if text else []


def _leaf(block: Block, column: int, fenced: bool) -> _Leaf | None:
    if block.kind is Kind.RULE:
        return _Leaf(["---"])
    if block.kind is Kind.TABLE:
        lines = _table_lines(block)
    elif block.kind is Kind.RAW:
        lines = block.code.strip("\n").split("\n") if block.code.strip() else []
    elif block.kind is Kind.CODE:
        if fenced:
            return _Leaf(_fenced_lines(block))
        lines = _indented_code_lines(block.code, column, in_list=block.depth > 0)
        return _Leaf(lines, indented_code=True) if lines else None
    else:
        lines = _text_lines(block)
    return _Leaf(lines) if lines else None


def _fenced_lines(block: Block) -> list[str]:
    code = block.code.replace(LINE_BREAK, "\n")
    longest = max((len(m) for m in _BACKTICKS.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + block.language, *code.split("\n"), fence] if code else [fence, fence]


def _indented_code_lines(code: str, column: int, *, in_list: bool) -> list[str]:
    """Code by indentation, already as Python-Markdown will read it back.

    Tabs are expanded from the start of the whole line, lines of spaces emptied, and
    blank lines at the edges and spaces at the very end dropped (in a list item, blank
    lines in a row are one): Python-Markdown does all that to indented code, so writing
    it so keeps the round trip stable.
    """
    pad = " " * (column + len(_INDENT))
    lines: list[str] = []
    for line in code.replace(LINE_BREAK, "\n").split("\n"):
        expanded = (pad + line).expandtabs(4)[len(pad) :]
        if expanded.strip(" ") or not (in_list and lines and not lines[-1]):
            lines.append(expanded if expanded.strip(" ") else "")
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1].rstrip():
        lines.pop()
    if lines:
        lines[-1] = lines[-1].rstrip()
    return [_INDENT + line if line else "" for line in lines]


def _table_lines(block: Block) -> list[str]:
    width = max((len(row) for row in block.rows), default=0)
    if not width:
        return []

    def cell(runs: list[Run]) -> str:
        return inline_markdown(runs, context="cell")

    rows = [[cell(c) for c in row] + [""] * (width - len(row)) for row in block.rows]
    if len(rows) == 2 and not any(rows[1]):
        del rows[1]  # Python-Markdown gives a header-only table this very row
    aligns = (block.aligns + [""] * width)[:width]
    rule = {"": "---", "left": ":--", "center": ":-:", "right": "--:"}
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(rule[a] for a in aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines


# Containers -----------------------------------------------------------------------------


def _children(nodes: list[_Node]) -> list[str]:
    """Sibling nodes apart by a blank line, or by a separator where that is not enough."""
    out: list[str] = []
    previous: _Node | None = None
    for node in nodes:
        lines = _emit(node)
        if previous is not None:
            out.append("")
            if isinstance(previous, _List) and (
                (isinstance(node, _List) and node.ordered == previous.ordered)
                or (isinstance(node, _Leaf) and node.indented_code)
            ):
                # Two lists of a kind merge, and indented code would join the last item.
                out += [LIST_SEPARATOR, ""]
        out.extend(lines)
        previous = node
    return out


def _emit(node: _Node) -> list[str]:
    if isinstance(node, _Leaf):
        return node.lines
    if isinstance(node, _Quote):
        return ["> " + line if line else ">" for line in _children(node.children)]
    return _list_lines(node)


def _list_lines(lst: _List) -> list[str]:
    bodies = [_children(item.children) for item in lst.items]
    loose = _looseness(lst, bodies)
    text_gaps, item_gaps = _gaps(lst, bodies, loose)
    out: list[str] = []
    for n, item in enumerate(lst.items):
        if n and item_gaps[n - 1]:
            out.append("")
        marker = f"{lst.start + n}." if lst.ordered else "-"
        out.append(f"{marker} {item.lines[0]}")
        out.extend(_INDENT + line for line in item.lines[1:])
        if item.children:
            if text_gaps[n]:
                out.append("")
            out.extend(_INDENT + line if line else "" for line in bodies[n])
    return out


def _wraps(body: list[str], text_gap: bool) -> bool:
    """Whether an item's children make Python-Markdown wrap its text in <p>.

    Any line of the item's own level (indented by exactly one step) that follows a blank
    line does: a paragraph, quote, table, rule or separator, a second nested list, or
    the next item of a nested list after a blank line. Code (two steps) does not.
    """
    blank = text_gap
    for line in body:
        if not line:
            blank = True
        elif blank and not line.startswith(" "):
            return True
        else:
            blank = False
    return False


def _gaps(lst: _List, bodies: list[list[str]], loose: list[bool]) -> tuple[list[bool], list[bool]]:
    """Blank lines after each item's text, and between each item and the next.

    A blank line between items is wanted when both are loose, and needed after any blank
    line inside an item: an unindented next item would be read as part of whatever came
    last (a lazy continuation). A nested list follows its item's text directly, unless
    the item is loose and nothing else will make it so.
    """
    count = len(lst.items)
    text_gaps: list[bool] = []
    item_gaps: list[bool] = []
    for n, item in enumerate(lst.items):
        first = item.children[0] if item.children else None
        following = n + 1 < count
        # A heading item's text is never wrapped, so it goes along with a loose neighbour.
        wanted = (
            following and (loose[n] or item.heading) and (loose[n + 1] or lst.items[n + 1].heading)
        )
        wanted = wanted and (loose[n] or loose[n + 1])
        if first is None:
            text_gap = False
        elif not isinstance(first, _List):
            text_gap = True
        else:
            before = bool(n and item_gaps[n - 1])
            blank_after = following and "" in bodies[n]
            wrapped = before or wanted or blank_after or _wraps(bodies[n], False)
            text_gap = loose[n] and not wrapped
        text_gaps.append(text_gap)
        if following:
            item_gaps.append(text_gap or "" in bodies[n] or wanted)
    return text_gaps, item_gaps


def _looseness(lst: _List, bodies: list[list[str]]) -> list[bool]:
    """The items that will come back loose, found as the fixed point of Python-Markdown's rules.

    An item's text is wrapped in <p> when a blank line separates it from a neighbouring
    item or its children wrap it; wanted looseness that no blank line can give is dropped.
    """
    loose = [item.loose for item in lst.items]
    count = len(loose)
    for _ in range(2 * count + 2):
        text_gaps, item_gaps = _gaps(lst, bodies, loose)
        result = [
            not item.heading
            and (
                _wraps(bodies[n], text_gaps[n])
                or (n > 0 and item_gaps[n - 1])
                or (n < count - 1 and item_gaps[n])
            )
            for n, item in enumerate(lst.items)
        ]
        if result == loose:
            break
        loose = result
    return loose
