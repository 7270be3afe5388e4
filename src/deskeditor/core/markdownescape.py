"""Escaping for Markdown in Python-Markdown's dialect: text, line starts, link targets, code."""

from __future__ import annotations

import re

# Characters Python-Markdown (with tables and pymdownx.tilde) un-escapes after a backslash.
ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!|~")
# Python-Markdown completes "&#1" to a character reference, so any "&#" is escaped.
_ENTITY_AHEAD = re.compile(r"&(?=#|[A-Za-z0-9]+;)")
# Characters that need a look in running text; everything else is copied as is.
_SPECIAL = re.compile(r"[\\`*_~\[\]<&!|#]")
_ORDERED_START = re.compile(r"([0-9]+)\.(?=[ \t]|$)")
_RULE_LINE = re.compile(r"[-=][-= ]*$")
_TABLE_RULE = re.compile(r"[|:-][|: -]*$")  # would make the line above a table header
_BACKTICKS = re.compile(r"`+")
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_URL_NEEDS_BRACKETS = re.compile(r"[\s\"']")  # only <url> can hold these
_ASCII_WS = re.compile(r"[ \t\n\r\f]+")


def entity(char: str) -> str:
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


def escape_line_start(line: str) -> str:
    """Escape what would start a block construct at the beginning of a Markdown line."""
    if not line:
        return line
    first = line[0]
    if _TABLE_RULE.match(line) and not _RULE_LINE.match(line):
        return entity(first) + line[1:]
    if first in "#>":
        return "\\" + line
    if first in "-+" and (len(line) == 1 or line[1] in " \t" or _RULE_LINE.match(line)):
        return "\\" + line
    if first == "=" and _RULE_LINE.match(line):
        return "&#61;" + line[1:]
    if first.isdigit() and (m := _ORDERED_START.match(line)):
        return f"{m.group(1)}\\.{line[m.end() :]}"
    return line


def link_target(href: str, title: str) -> str:
    """The (url "title") part of a link as Python-Markdown's link parser reads it."""
    # Backslash escapes and character references are decoded in URLs and titles too.
    url = _ENTITY_AHEAD.sub("&amp;", href.replace("\\", "\\\\"))
    url = _URL_CONTROL.sub(lambda m: f"%{ord(m.group()):02X}", url)  # never valid in a URL
    if not url or _URL_NEEDS_BRACKETS.search(url) or url[0] == "<":
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
    if "(" not in url and ")" not in url:
        return True  # most addresses: no need to count character by character
    depth = 0
    for char in url:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


def code_span(text: str) -> str:
    if "&#" in text:
        # Python-Markdown completes "&#1" to "&#1;" even in code; an HTML code tag can escape it.
        return f"<code>{escape_text(text, in_link=True)}</code>"  # "]" could end a link text
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def image_markdown(src: str, alt: str, title: str) -> str:
    alt_text = escape_text(_ASCII_WS.sub(" ", alt), in_link=True)
    return f"![{alt_text}]{link_target(src, title)}"


def protect_edges(line: str) -> str:
    """Python-Markdown strips Unicode spaces at line edges; keep them as character references."""
    if line and line[0].isspace():
        line = entity(line[0]) + line[1:]
    if len(line) > 1 and line[-1].isspace():
        line = line[:-1] + entity(line[-1])
    return line
