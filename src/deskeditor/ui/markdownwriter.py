"""Markdown in Python-Markdown's dialect, written from a neutral model of blocks and marked runs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from typing import NamedTuple

LINE_BREAK = "\u2028"  # how QTextDocument stores Shift+Enter inside a block
OBJECT_CHAR = "\ufffc"  # how QTextDocument stores an inline image


class Marks(NamedTuple):
    """The inline formatting of a run that Markdown can express (a tuple: fast to compare)."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    code: bool = False
    href: str | None = None
    title: str = ""
    image: tuple[str, str, str] | None = None  # (src, alt, title) of an OBJECT_CHAR run


PLAIN = Marks()
Run = tuple[str, Marks]
Token = str | tuple[str, str, str]  # "bold", "italic", "strike", "code" or ("link", href, title)


class Kind(Enum):
    PARAGRAPH = "paragraph"
    CODE = "code"
    RULE = "rule"
    TABLE = "table"


@dataclass(slots=True)
class Block:
    """One block of the document; list items are paragraphs with a list_key."""

    kind: Kind = Kind.PARAGRAPH
    runs: list[Run] = field(default_factory=list)
    heading: int = 0
    quote: int = 0
    list_key: int | None = None  # identity of the list the item belongs to
    depth: int = 0  # list nesting (0 = top level); for other paragraphs, the item they continue
    ordered: bool = False
    number: int = 1
    code: str = ""
    language: str = ""
    rows: list[list[list[Run]]] = field(default_factory=list)
    aligns: list[str] = field(default_factory=list)  # "", "left", "center" or "right"


# Characters Python-Markdown (with tables and pymdownx.tilde) un-escapes after a backslash.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|~")
_ASCII_WS = re.compile(r"[ \t\n\r\f]+")
# Python-Markdown completes "&#1" to a character reference, so any "&#" is escaped.
_ENTITY_AHEAD = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
# Characters that need a look in running text; everything else is copied as is.
_SPECIAL = re.compile(r"[\\`*_~\[\]<&!|#]")
_ORDERED_START = re.compile(r"([0-9]+)\.(?=[ \t]|$)")
_RULE_LINE = re.compile(r"[-=][-= ]*$")
_TABLE_RULE = re.compile(r"[|:-][|: -]*$")  # would make the line above a table header
_BACKTICKS = re.compile(r"`+")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
DELIMITER = "\0"  # stands for a neighbouring delimiter not yet chosen


def _is_space(char: str) -> bool:
    return char.isspace()


def _entity(char: str) -> str:
    return f"&#x{ord(char):X};"


def _escape_char(text: str, i: int, in_link: bool, in_cell: bool, in_strike: bool) -> str:
    """The Markdown for one special character at text[i] inside a run."""
    char = text[i]
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if char == "\\":
        return "\\\\" if not nxt or nxt in ESCAPABLE else "\\"
    if char == "*":
        # A lone * between spaces is literal in Python-Markdown; anything else may pair up.
        return "*" if prev.isspace() and nxt.isspace() else "\\*"
    if char == "_":
        # Underscore emphasis is "smart": an underscore inside a word never opens or closes.
        return "_" if prev.isalnum() and nxt.isalnum() else "\\_"
    if char == "~":
        # A single ~ inside ~~...~~ upsets pymdownx.tilde's pairing.
        return "~" if not in_strike and prev not in ("", "~") and nxt not in ("", "~") else "\\~"
    if char == "<":
        return "<" if nxt.isspace() else "&lt;"
    if char == "&":
        return "&amp;" if _ENTITY_AHEAD.match(text, i) else "&"
    if char == "]":
        return "\\]" if in_link else "]"
    if char == "|":
        return "\\|" if in_cell else "|"
    if char in "#!":
        return char
    return "\\" + char  # ` and [


def escape_text(
    text: str, *, in_link: bool = False, in_cell: bool = False, in_strike: bool = False
) -> str:
    """Running text with Markdown's special characters escaped where they would be read."""
    if not _SPECIAL.search(text):
        return text
    out: list[str] = []
    last = 0
    for match in _SPECIAL.finditer(text):
        i = match.start()
        out.append(text[last:i])
        out.append(_escape_char(text, i, in_link, in_cell, in_strike))
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def _escape_line_start(line: str) -> str:
    """Escape what would start a block construct at the beginning of a Markdown line."""
    if not line:
        return line
    first = line[0]
    if _TABLE_RULE.match(line) and not _RULE_LINE.match(line):
        return _entity(first) + line[1:]
    if first in "#>":
        return "\\" + line
    if first in "-+" and (len(line) == 1 or line[1] in " \t" or _RULE_LINE.match(line)):
        return "\\" + line
    if first == "=" and _RULE_LINE.match(line):
        return "&#61;" + line[1:]
    if first.isdigit() and (m := _ORDERED_START.match(line)):
        return f"{m.group(1)}\\.{line[m.end() :]}"
    return line


# Inline layout ---------------------------------------------------------------------------


def _split_lines(runs: Sequence[Run]) -> list[list[Run]]:
    """Runs cut at hard line breaks, whitespace collapsed as HTML renders it."""
    lines: list[list[Run]] = [[]]
    for text, marks in runs:
        # The checks in C are much cheaper than the regular expression on every run.
        if "  " in text or "\t" in text or "\n" in text or "\r" in text or "\f" in text:
            text = _ASCII_WS.sub(" ", text)
        if LINE_BREAK not in text:
            lines[-1].append((text, marks))
            continue
        for n, part in enumerate(text.split(LINE_BREAK)):
            if n:
                lines.append([])
            if part:
                lines[-1].append((part, marks))
    return [_tidy(line) for line in lines]


def _tidy(line: list[Run]) -> list[Run]:
    """Move whitespace out of the edges of marked spans, merge equal runs, collapse spaces."""
    if _is_tidy(line):
        return line
    while True:
        tidied = _tidy_once(line)
        if tidied == line:
            return tidied
        line = tidied


def _is_tidy(line: list[Run]) -> bool:
    """The common case, checked quickly: nothing for _tidy_once to change."""
    if not line or line[0][0][0] == " " or line[-1][0][-1] == " ":
        return not line
    previous: Marks | None = None
    for text, marks in line:
        if marks is previous or marks == previous:
            return False
        if marks != PLAIN and not marks.image and (text[0].isspace() or text[-1].isspace()):
            return False
        previous = marks
    return all(a[0][-1] != " " or b[0][0] != " " for a, b in zip(line, line[1:], strict=False))


def _tidy_once(line: list[Run]) -> list[Run]:
    pieces: list[Run] = []
    count = len(line)
    for n, (text, marks) in enumerate(line):
        if marks == PLAIN or marks.image:
            pieces.append((text, marks))
            continue
        before = line[n - 1][1] if n else PLAIN
        after = line[n + 1][1] if n + 1 < count else PLAIN
        core = text.strip()
        if not core:
            pieces.append((text, _common(marks, _common(before, after))))
            continue
        head = text[: len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()) :]
        if head:
            pieces.append((head, _common(marks, before)))
        pieces.append((core, marks))
        if tail:
            pieces.append((tail, _common(marks, after)))
    merged: list[Run] = []
    for text, marks in pieces:
        if merged and merged[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if merged and merged[-1][1] == marks:
            text = merged.pop()[0] + text
        if text:
            merged.append((text, marks))
    if merged:
        merged[0] = (merged[0][0].lstrip(" "), merged[0][1])
        merged[-1] = (merged[-1][0].rstrip(" "), merged[-1][1])
    return [run for run in merged if run[0]]


def _common(marks: Marks, other: Marks) -> Marks:
    """The marks a piece of whitespace keeps: only those that continue into the neighbour."""
    same_link = marks.href == other.href and marks.title == other.title
    return Marks(
        bold=marks.bold and other.bold,
        italic=marks.italic and other.italic,
        strike=marks.strike and other.strike,
        code=False,
        href=marks.href if same_link else None,
        title=marks.title if same_link else "",
    )


@cache
def _tokens(marks: Marks) -> tuple[Token, ...]:
    """Mark tokens in nesting preference: links outside, code always innermost."""
    tokens: list[Token] = []
    if marks.href is not None:
        tokens.append(("link", marks.href, marks.title))
    if marks.strike:
        tokens.append("strike")
    if marks.bold:
        tokens.append("bold")
    if marks.italic:
        tokens.append("italic")
    if marks.code:
        tokens.append("code")
    return tuple(tokens)


def _char_class(char: str) -> str:
    """CommonMark's view of a delimiter's neighbour: space, punctuation or other."""
    if not char or char.isspace():
        return "space"
    return "other" if char.isalnum() else "punct"


class _Span:
    """An open mark while a line is written; its delimiters are chosen when it closes."""

    __slots__ = ("after_closer", "before", "index", "inside_emphasis", "token")

    def __init__(self, token: Token, index: int, before: str, after_closer: str) -> None:
        self.inside_emphasis = False
        self.token = token
        self.index = index  # position of the opener placeholder in the output list
        self.before = before  # the character just before the opener ("\0" for a delimiter)
        self.after_closer = after_closer  # the closer the opener directly follows, if any


def _link_target(href: str, title: str) -> str:
    """The (url "title") part of a link as Python-Markdown's link parser reads it."""
    # Backslash escapes and character references are decoded in URLs and titles too.
    url = _ENTITY_AHEAD.sub("&amp;", href.replace("\\", "\\\\"))
    url = _URL_CONTROL.sub(lambda m: f"%{ord(m.group()):02X}", url)  # never valid in a URL
    if not url or re.search(r"[\s\"']", url) or url[0] == "<":
        url = "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    elif not _balanced(url):
        url = url.replace("(", "\\(").replace(")", "\\)")
    if not title:
        return f"({url})"
    title = _ENTITY_AHEAD.sub("&amp;", " ".join(title.split()).replace("\\", "\\\\"))
    if '"' not in title:
        return f'({url} "{title}")'
    if "'" not in title:
        return f"({url} '{title}')"
    return '({} "{}")'.format(url, title.replace('"', "&quot;"))


def _balanced(url: str) -> bool:
    depth = 0
    for char in url:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def _code_span(text: str) -> str:
    if "&#" in text:
        # Python-Markdown completes "&#1" to "&#1;" even in code; an HTML code tag can escape it.
        return f"<code>{escape_text(text)}</code>"
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _image(src: str, alt: str, title: str) -> str:
    alt_text = escape_text(alt, in_link=True)
    return f"![{alt_text}]{_link_target(src, title)}"


def inline_markdown(runs: Sequence[Run], *, context: str = "text") -> list[str]:
    """Lines of inline Markdown for runs; context is "text", "heading" or "cell"."""
    return [_line_markdown(line, context) for line in _split_lines(runs)]


def _line_markdown(line: list[Run], context: str) -> str:
    in_cell = context == "cell"
    if len(line) == 1 and line[0][1] == PLAIN:  # the common plain line, without the machinery
        result = escape_text(line[0][0], in_cell=in_cell)
        if context == "heading" and result.endswith("#"):
            result = result[:-1] + "\\#"
        return _protect_edges(result)
    out: list[str] = []
    stack: list[_Span] = []
    closers: set[int] = set()  # indices in out of closing delimiters
    for n, (text, marks) in enumerate(line):
        if not stack and marks == PLAIN:  # plain text between spans: nothing to open or close
            out.append(escape_text(text, in_cell=in_cell))
            continue
        wanted = _tokens(marks)
        open_tokens = [span.token for span in stack]
        opening = [t for t in wanted if t not in open_tokens]
        keep = 0
        for span in stack:
            if span.token not in wanted or (span.token == "code" and opening):
                break  # nothing nests inside a code span: close it and open again
            keep += 1
        if marks.image:
            piece = _image(*marks.image)
        elif marks.code:
            piece = _code_span(text)
        else:
            piece = escape_text(
                text, in_link=marks.href is not None, in_cell=in_cell, in_strike=marks.strike
            )
        while len(stack) > keep:
            span = stack.pop()
            after = DELIMITER if len(stack) > keep or opening else piece[:1]
            _close(out, span, after, closers)
        if keep < len(open_tokens):
            opening = [t for t in wanted if t not in open_tokens[:keep]]
        if len(opening) > 1:
            opening.sort(key=lambda t: (t == "code", -_reach(line, n, t)))
        for token in opening:
            before = _before(stack, out)
            if isinstance(token, tuple) and _ends_with_bang(out):
                out[-1] = out[-1][:-1] + "\\!"  # "![" would start an image
            previous = _last_piece(out)
            span = _Span(token, len(out), before, out[previous] if previous in closers else "")
            # Link text is parsed on its own, so only emphasis opened inside the link counts.
            for outer in reversed(stack):
                if outer.token in ("bold", "italic") or isinstance(outer.token, tuple):
                    span.inside_emphasis = not isinstance(outer.token, tuple)
                    break
            stack.append(span)
            out.append("")
        out.append(piece)
    while stack:
        _close(out, stack.pop(), "", closers)
    result = "".join(out)
    if context == "heading" and result.endswith("#"):
        result = result[:-1] + "\\#"  # trailing hashes close an ATX heading
    return _protect_edges(result)


def _ends_with_bang(out: list[str]) -> bool:
    last = out[-1] if out else ""
    body = last[:-1]
    return last.endswith("!") and (len(body) - len(body.rstrip("\\"))) % 2 == 0


def _reach(line: list[Run], n: int, token: Token) -> int:
    """How many characters a mark keeps going from run n: longer spans open first."""
    total = 0
    for text, marks in line[n:]:
        if token not in _tokens(marks):
            break
        total += len(text)
    return total


def _last_piece(out: list[str]) -> int:
    for n in range(len(out) - 1, -1, -1):
        if out[n]:
            return n
    return -1


def _before(stack: list[_Span], out: list[str]) -> str:
    """What precedes a new opener as the * processor will see it."""
    if stack and stack[-1].index == len(out) - 1:
        token = stack[-1].token
        if isinstance(token, tuple):
            return ""  # the start of a link text
        return DELIMITER if token in ("bold", "italic") else "~"
    return _last(out)


def _last(out: list[str]) -> str:
    for piece in reversed(out):
        if piece:
            return piece[-1]
    return ""


def _close(out: list[str], span: _Span, after: str, closers: set[int]) -> None:
    """Write the delimiters of a finished span, falling back to HTML tags where needed."""
    token = span.token
    if isinstance(token, tuple):
        out[span.index] = "["
        out.append("]" + _link_target(token[1], token[2]))
        return
    if token == "code":
        return  # the run was written as a whole code span already
    pieces = [piece for piece in out[span.index + 1 :] if piece]
    inner_first, inner_last = (pieces[0][0], pieces[-1][-1]) if pieces else ("", "")
    first, last = _char_class(inner_first), _char_class(inner_last)
    tag, delimiter = {"bold": ("strong", "**"), "italic": ("em", "*")}.get(token, ("del", "~~"))
    # Delimiters need a non-space inside and must not run into a delimiter closed just before.
    usable = (
        pieces and "space" not in (first, last) and not span.after_closer.endswith(delimiter[0])
    )
    if token == "strike":
        # pymdownx.tilde runs apart from the * processor with CommonMark's punctuation rules;
        # ~~ is only reliable around letters and digits.
        usable = usable and first == last == "other" and "~" not in (span.before, after)
    elif token == "italic" and span.before == after == "*":
        usable = False  # ***x*** is read as strong around em whatever the nesting
    elif span.inside_emphasis and span.before not in ("", DELIMITER) and not span.before.isspace():
        # Glued to the text before it, an inner ** could also close the outer span.
        usable = False
    if usable:
        out[span.index] = delimiter
        out.append(delimiter)
    else:
        out[span.index] = f"<{tag}>"
        out.append(f"</{tag}>")
    closers.add(len(out) - 1)


def _protect_edges(line: str) -> str:
    """Python-Markdown strips Unicode spaces at line edges; keep them as character references."""
    if line and line[0].isspace():
        line = _entity(line[0]) + line[1:]
    if len(line) > 1 and line[-1].isspace():
        line = line[:-1] + _entity(line[-1])
    return line


# Block layout ---------------------------------------------------------------------------


def _paragraph_lines(block: Block) -> list[str]:
    if block.heading:
        text = "<br>".join(inline_markdown(block.runs, context="heading"))
        return [f"{'#' * block.heading} {text}"] if text else []
    lines = [_escape_line_start(line) for line in inline_markdown(block.runs)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    joined: list[str] = []
    for line in lines:
        if joined and not line:
            joined[-1] += "<br>"  # a blank line would end the paragraph
        else:
            joined.append(line)
    return [line + "  " for line in joined[:-1]] + joined[-1:]


def _code_lines(block: Block, quoted: bool) -> list[str]:
    lines = block.code.replace(LINE_BREAK, "\n").split("\n")
    if quoted:
        # Fences are only recognised at the start of a line, so quoted code is indented.
        return ["    " + line if line else "" for line in lines]
    longest = max((len(m) for m in _BACKTICKS.findall(block.code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + block.language, *lines, fence] if block.code else [fence, fence]


def _table_lines(block: Block) -> list[str]:
    width = max((len(row) for row in block.rows), default=0)
    if not width:
        return []

    def cell(runs: list[Run]) -> str:
        return "<br>".join(inline_markdown(runs, context="cell"))

    rows = [[cell(c) for c in row] + [""] * (width - len(row)) for row in block.rows]
    aligns = (block.aligns + [""] * width)[:width]
    rule = {"": "---", "left": ":--", "center": ":-:", "right": "--:"}
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(rule[a] for a in aligns) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return lines


def _block_lines(block: Block) -> list[str]:
    """The block's own lines, without list indentation or quote markers."""
    if block.kind is Kind.RULE:
        return ["---"]
    if block.kind is Kind.CODE:
        return _code_lines(block, block.quote > 0)
    if block.kind is Kind.TABLE:
        return _table_lines(block)
    return _paragraph_lines(block)


def _indented(block: Block, lines: list[str], depth: int, number: int) -> list[str]:
    """Lines placed in a list: a marker, and 4 spaces per level as Python-Markdown needs."""
    pad = "    " * depth
    if block.list_key is not None:
        marker = f"{number}." if block.ordered else "-"
        return [f"{pad}{marker} {lines[0]}"] + [f"{pad}    {line}" for line in lines[1:]]
    return [pad + line if line else line for line in lines]


def write_markdown(blocks: Iterable[Block]) -> str:
    """The whole Markdown text: blocks apart by one blank line, one final newline."""
    out: list[str] = []
    prev: Block | None = None
    lists: list[tuple[int, bool, int]] = []  # open (list_key, ordered, number) per level
    for block in blocks:
        lines = _block_lines(block)
        if not lines:
            continue
        depth = 0
        tight = False
        number = block.number
        in_list = prev is not None and prev.quote == block.quote and bool(lists)
        if block.list_key is not None:
            if not in_list:
                lists = []
            depth = min(block.depth, len(lists))
            if in_list and depth < len(lists):
                # Python-Markdown cannot tell two lists of one kind apart, so they merge
                # (and only the first number counts); a list of the other kind needs a
                # blank line or it is read as the item's text.
                key, ordered, last = lists[depth]
                tight = key == block.list_key or ordered == block.ordered
                number = last + 1 if tight else number
            else:
                tight = in_list
            # After a paragraph that continues an item, the next item needs a blank line.
            tight = tight and prev is not None and prev.list_key is not None
            lists = lists[:depth] + [(block.list_key, block.ordered, number)]
        elif block.depth and in_list and block.kind is Kind.PARAGRAPH:
            depth = min(block.depth, len(lists))  # a paragraph continuing a list item
            lists = lists[:depth]
        else:
            lists = []
        if prev is not None and not tight:
            out.append(" ".join([">"] * min(prev.quote, block.quote)))
        quote = "> " * block.quote
        placed = _indented(block, lines, depth, number)
        out.extend(quote + line if line else quote.rstrip() for line in placed)
        prev = block
    return "\n".join(out) + "\n" if out else ""
