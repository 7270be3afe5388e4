"""Clean HTML → Markdown in the dialect core.markup renders (Python-Markdown and its extensions)."""

from __future__ import annotations

import re

import markdownify
from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag

# Characters Python-Markdown (with tables and pymdownx.tilde) un-escapes after a backslash.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|~")
# Python-Markdown completes "&#1" to a character reference, so any "&#" is escaped too.
_ENTITY_AHEAD = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
_SPECIAL = re.compile(r"[\\`*_~\[\]<&|]")
_ORDERED_START = re.compile(r"(\d+)\.(?=[ \t]|$)")
_RULE_LINE = re.compile(r"[-=*_][-=*_ ]*$")  # a thematic break or a setext underline
_TABLE_RULE = re.compile(r"[|:-][|: -]*$")  # would turn the line above into a table header
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BACKTICKS = re.compile(r"`+")
_INDENT = "    "  # Python-Markdown nests by four spaces, whatever the marker's width
# Elements that begin a new Markdown line, so the text right after them starts one.
_LINE_STARTERS = frozenset(
    {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
     "table", "thead", "tbody", "tr", "pre", "hr", "br", "div", "body", "html", "[document]"}
)  # fmt: skip
_WHITESPACE_EATERS = frozenset(
    {"p", "blockquote", "article", "div", "section", "ol", "ul", "li", "dl", "dt", "dd",
     "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
)  # fmt: skip
_URL_NEEDS_BRACKETS = re.compile(r"[\s<>]")
# Private separators between a table's rows and cells until the table assembles them.
_ROW = "\x1e"
_CELL = "\x1f"


def html_to_markdown(html: str) -> str:
    """Markdown that MarkdownConverter renders back to the structure of the given HTML.

    Meant for clean_html's output: headings, paragraphs, emphasis, strikethrough, code,
    links, images, nested lists, quotes, pipe tables, rules and line breaks.
    """
    if not html.strip():
        return ""
    return _Converter().convert_soup(BeautifulSoup(html, "lxml")).strip() + "\n"


def escape_markdown(
    text: str, *, in_cell: bool = False, in_link: bool = False, in_strike: bool = False
) -> str:
    """Running text with Markdown's special characters escaped where they would be read."""
    if not _SPECIAL.search(text):
        return text
    out: list[str] = []
    last = 0
    for match in _SPECIAL.finditer(text):
        i = match.start()
        out.append(text[last:i])
        out.append(_escape_char(text, i, in_cell=in_cell, in_link=in_link, in_strike=in_strike))
        last = i + 1
    out.append(text[last:])
    return "".join(out)


def escape_line_start(line: str) -> str:
    """Escape what would open a block (heading, quote, list, rule, table) at a line's start."""
    if not line:
        return line
    first = line[0]
    if _TABLE_RULE.match(line) and not _RULE_LINE.match(line):
        return f"&#{ord(first)};{line[1:]}"
    if first in "#>":
        return "\\" + line
    if first in "-+" and (len(line) == 1 or line[1] in " \t" or _RULE_LINE.match(line)):
        return "\\" + line
    if first == "=" and _RULE_LINE.match(line):
        return "&#61;" + line[1:]
    if first.isdigit() and (match := _ORDERED_START.match(line)):
        return f"{match[1]}\\.{line[match.end() :]}"
    return line


def _escape_char(text: str, i: int, *, in_cell: bool, in_link: bool, in_strike: bool) -> str:
    char = text[i]
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if char == "\\":
        return "\\\\" if not after or after in ESCAPABLE else "\\"
    if char == "*":
        # A lone * between spaces is literal; anywhere else it may pair up as emphasis.
        return "*" if before.isspace() and after.isspace() else "\\*"
    if char == "_":
        # Underscore emphasis is "smart": inside a word (snake_case) it never opens or closes.
        return "_" if before.isalnum() and after.isalnum() else "\\_"
    if char == "~":
        # "1~20" is safe; a ~ that could touch another, or one inside ~~…~~, upsets pairing.
        literal = not in_strike and before not in ("", "~") and after not in ("", "~")
        return "~" if literal else "\\~"
    if char == "<":
        return "<" if after.isspace() else "&lt;"  # else it might open raw HTML
    if char == "&":
        return "&amp;" if _ENTITY_AHEAD.match(text, i) else "&"
    if char == "]":
        return "\\]" if in_link else "]"
    if char == "|":
        return "\\|" if in_cell else "|"
    return "\\" + char  # ` and [


def _starts_line(node: NavigableString | Tag) -> bool:
    """Whether the Markdown for this node begins a line (after a block or a <br>)."""
    current: NavigableString | Tag = node
    while True:
        previous = current.previous_sibling
        while isinstance(previous, NavigableString) and not previous.strip():
            previous = previous.previous_sibling  # spaces there are dropped or harmless
        if previous is None:
            parent = current.parent
            if parent is None or parent.name in _LINE_STARTERS:
                return True
            current = parent
            continue
        return isinstance(previous, Tag) and previous.name in _LINE_STARTERS


def _link_target(url: str, title: str) -> str:
    url = url.strip()
    if _URL_NEEDS_BRACKETS.search(url) or not _balanced(url):
        url = "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    if title:
        # Python-Markdown keeps a backslash before a quote in a title; an entity reads back.
        return f'{url} "{title.replace("&", "&amp;").replace(chr(34), "&quot;")}"'
    return url


def _balanced(url: str) -> bool:
    depth = 0
    for char in url:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))


def _chomp(text: str) -> tuple[str, str, str]:
    """Spaces at the edges move outside the markup: "** a**" would not be bold."""
    prefix = " " if text.startswith(" ") else ""
    suffix = " " if text.endswith(" ") else ""
    return prefix, suffix, text.strip()


def _is_block(node: object, *, pre: bool = True) -> bool:
    """Blocks whose edges swallow neighbouring whitespace (markdownify's own rule)."""
    return isinstance(node, Tag) and (
        node.name in _WHITESPACE_EATERS or (pre and node.name == "pre")
    )


def _code_span(text: str) -> str:
    if "&#" in text:
        # Python-Markdown completes "&#1" to a character reference even in a code span;
        # only an HTML code element keeps it as typed.
        return "<code>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</code>"
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    # A space keeps a backtick at the edge from joining the fence; Python-Markdown strips it.
    padded = f" {text} " if longest else text
    return fence + padded + fence


class _Converter(markdownify.MarkdownConverter):
    """markdownify, told the rules of Python-Markdown's dialect where they differ."""

    def __init__(self) -> None:
        super().__init__(
            heading_style="atx",
            bullets="-",
            strong_em_symbol="*",
            newline_style="spaces",  # Python-Markdown knows no backslash line breaks
            escape_asterisks=False,  # escaping is ours: markdownify's misses the dialect
            escape_underscores=False,
            escape_misc=False,
            keep_inline_images_in=["td", "th", "h1", "h2", "h3", "h4", "h5", "h6"],
        )
        self._item_numbers: dict[int, int] = {}

    def process_text(self, el: NavigableString, parent_tags: set[str] | None = None) -> str:
        tags = parent_tags or set()
        text = str(el).replace(_CELL, "").replace(_ROW, "")
        if "pre" in tags:
            return text
        text = _HTML_SPACE.sub(" ", text)  # a newline in HTML is a space, never a Markdown line
        inside = _is_block(el.parent, pre=False)
        if _is_block(el.previous_sibling) or (inside and not el.previous_sibling):
            text = text.lstrip(" ")
        if _is_block(el.next_sibling) or (inside and not el.next_sibling):
            text = text.rstrip(" ")
        if "_noformat" in tags or not text:
            return text
        in_cell = "td" in tags or "th" in tags
        escaped = escape_markdown(
            text, in_cell=in_cell, in_link="a" in tags, in_strike="del" in tags or "s" in tags
        )
        if text[-1] == "!" and isinstance(el.next_sibling, Tag):
            escaped = escaped[:-1] + "\\!"  # "!" right before a link would make it an image
        if not in_cell and _starts_line(el):
            escaped = escape_line_start(escaped)
        return escaped

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:  # noqa: N802
        text = _HTML_SPACE.sub(" ", text).strip()
        if text.endswith("#") and not text.endswith("\\#"):
            text = text[:-1] + "\\#"  # a closing "#" run is dropped from ATX headings
        if "_inline" in parent_tags or not text:
            return text
        return f"\n\n{'#' * max(1, min(6, n))} {text}\n\n"

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        prefix, suffix, text = _chomp(text)
        href = str(el.get("href") or "")
        title = str(el.get("title") or "")
        if not text or not href:
            return prefix + text + suffix
        plain = re.fullmatch(r"https?://[^\s<>]+", href)
        if plain and not title and text == escape_markdown(href):
            return f"{prefix}<{href}>{suffix}"
        return f"{prefix}[{text}]({_link_target(href, title)}){suffix}"

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        alt = escape_markdown(_HTML_SPACE.sub(" ", str(el.get("alt") or "")), in_link=True)
        src = str(el.get("src") or "")
        if not src:
            return alt
        return f"![{alt}]({_link_target(src, str(el.get('title') or ''))})"

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = (text or "").strip()
        if not text:
            return ""  # a bare "-" line would underline the line above as a heading
        parent = el.parent
        if parent is not None and parent.name == "ol":
            bullet = f"{self._item_number(el, parent)}. "
        else:
            bullet = "- "
        first, _, rest = text.partition("\n")
        # An item of several blocks is loose; a blank line after it keeps the next item
        # from being read as a lazy continuation of its last paragraph.
        end = "\n\n" if "\n\n" in text else "\n"
        return bullet + first + ("\n" + _indent(rest, _INDENT) if rest else "") + end

    def _item_number(self, item: Tag, parent: Tag) -> int:
        if id(item) not in self._item_numbers:
            start = str(parent.get("start") or "1")
            number = int(start) if start.isdigit() else 1
            for sibling in parent.find_all("li", recursive=False):
                self._item_numbers[id(sibling)] = number
                number += 1
        return self._item_numbers[id(item)]

    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        text = text.strip("\n")
        if not text:
            return ""
        if "_inline" in parent_tags:
            return _code_span(_HTML_SPACE.sub(" ", text))
        if parent_tags & {"li", "blockquote"}:
            # Fenced blocks are found only at the top level; nested code must be indented.
            return "\n\n" + _indent(text, _INDENT) + "\n\n"
        longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
        fence = "`" * max(3, longest + 1)
        return f"\n\n{fence}\n{text}\n{fence}\n\n"

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return _CELL + _HTML_SPACE.sub(" ", text).strip()

    convert_th = convert_td

    def convert_tr(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return _ROW + text

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        rows = [row.split(_CELL)[1:] for row in text.split(_ROW)[1:]]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        columns = max(len(row) for row in rows)
        # Python-Markdown drops cells beyond the header's count, so the header is padded.
        rows[0] += [""] * (columns - len(rows[0]))
        first = el.find("tr")
        cells = first.find_all(["td", "th"], recursive=False) if isinstance(first, Tag) else []
        aligns = [str(cell.get("align") or "") for cell in cells] + [""] * columns
        markers = {"left": ":---", "center": ":---:", "right": "---:"}
        rule = [markers.get(align, "---") for align in aligns[:columns]]
        lines = ["| " + " | ".join(row) + " |" for row in [rows[0], rule, *rows[1:]]]
        return "\n\n" + "\n".join(lines) + "\n\n"

    def convert_code(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if "_noformat" in parent_tags:
            return text
        prefix, suffix, text = _chomp(text)
        return prefix + _code_span(text) + suffix if text else ""

    def convert_hr(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return "\n\n---\n\n"
