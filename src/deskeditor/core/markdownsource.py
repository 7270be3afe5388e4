"""Markdown read into Blocks without loss: what the editor cannot show comes back as RAW blocks.

Markdown is read through the HTML the preview shows. Text the editor wrote itself comes
back byte for byte, which one comparison proves. Anything else (Markdown written by
other tools) is cut into top-level chunks; a chunk whose Blocks would not render the
same once written again, or that holds something that renders as nothing (comments,
unused link references), is kept as a RAW block with its source untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import count

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

from deskeditor.core.htmlreader import html_to_blocks
from deskeditor.core.markdownblocks import LIST_SEPARATOR, Block, Kind, write_markdown
from deskeditor.core.markup import MarkdownConverter

# Private-use stand-ins for what Python-Markdown would change in fenced code: it expands
# tabs and empties lines of only spaces.
_TAB, _SPACE = "\ue009", "\ue020"
_MARKER = "\ue0de\ue0ad"  # a paragraph between chunks, to cut one rendering into pieces
_BLANK_LINE = re.compile(r"^[ \t]+$", re.MULTILINE)
_LIST_MARKER = re.compile(r"(?:[*+-]|[0-9]+\.)(?:[ \t]|$)")
_HTML_START = re.compile(r"<([A-Za-z][A-Za-z0-9]*)")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*\S", re.MULTILINE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_AROUND_BLOCK_TAG = re.compile(
    r" ?(</?(?:p|ul|ol|li|blockquote|h\d|table|thead|tbody|tr|th|td|hr|pre)\b[^>]*>) ?"
)
_SYNONYMS = (
    (re.compile(r"<(/?)b>"), r"<\1strong>"),
    (re.compile(r"<(/?)i>"), r"<\1em>"),
    (re.compile(r"<(/?)(?:s|strike)>"), r"<\1del>"),
    (re.compile(r" ?<br> ?"), "<br>"),
    (re.compile(r"<a>(.*?)</a>", re.DOTALL), r"\1"),  # a link whose unsafe href was removed
)


def markdown_to_blocks(markdown: str, converter: MarkdownConverter | None = None) -> list[Block]:
    """Blocks for a Markdown text: formatted where the editor can say it, RAW elsewhere."""
    converter = converter or MarkdownConverter()
    if not markdown.strip():
        return []
    blocks = _read(markdown, converter, count(1))
    if write_markdown(blocks) == markdown:
        return blocks  # what the editor wrote: nothing can have been lost
    return _read_chunks(markdown.replace("\r\n", "\n").replace("\r", "\n"), converter)


def unsupported_message(blocks: list[Block]) -> str:
    """A one-line note for the user about RAW blocks, or "" when there are none."""
    notes = [block.note for block in blocks if block.kind is Kind.RAW]
    if not notes:
        return ""
    kinds = ", ".join(dict.fromkeys(notes))
    passages = "1 passage" if len(notes) == 1 else f"{len(notes)} passages"
    return (
        f"Kept {passages} the editor cannot format ({kinds}) as Markdown source; saved unchanged."
    )


def normalized_html(html: str) -> str:
    """HTML with differences nobody sees removed: whitespace between blocks, <b> for <strong>."""
    parts = re.split(r"(<pre>.*?</pre>)", html, flags=re.DOTALL)
    for n in range(0, len(parts), 2):
        text = _HTML_SPACE.sub(" ", parts[n])
        text = _AROUND_BLOCK_TAG.sub(r"\1", text)
        for pattern, replacement in _SYNONYMS:
            text = pattern.sub(replacement, text)
        parts[n] = text
    return "".join(parts).strip()


def _read(markdown: str, converter: MarkdownConverter, keys: Iterator[int]) -> list[Block]:
    protected = protect_code_tabs(markdown)
    return _restore(html_to_blocks(converter.to_html(protected), keys=keys), protected, markdown)


def _restore(blocks: list[Block], protected: str, markdown: str) -> list[Block]:
    if protected is not markdown:
        for block in blocks:
            if block.kind is Kind.CODE:
                block.code = block.code.replace(_TAB, "\t").replace(_SPACE, " ")
    return blocks


def protect_code_tabs(markdown: str) -> str:
    """Hide tabs and blank-line spaces in fenced code from Python-Markdown's normalizing."""
    if "```" not in markdown and "~~~" not in markdown or _TAB in markdown or _SPACE in markdown:
        return markdown

    def hide(match: re.Match[str]) -> str:
        start, end = match.start("code") - match.start(), match.end("code") - match.start()
        whole = match.group(0)
        code = _BLANK_LINE.sub(lambda m: m.group().replace(" ", _SPACE), whole[start:end])
        return whole[:start] + code.replace("\t", _TAB) + whole[end:]

    return FencedBlockPreprocessor.FENCED_BLOCK_RE.sub(hide, markdown)


# Chunks ---------------------------------------------------------------------------------


def _render_apart(chunks: list[str], converter: MarkdownConverter) -> list[str]:
    """The HTML of each chunk, from one rendering of them all where the marker allows."""
    if not any(_MARKER in chunk for chunk in chunks):
        joined = f"\n\n{_MARKER}\n\n".join(chunks)
        parts = converter.to_html(protect_code_tabs(joined)).split(f"<p>{_MARKER}</p>")
        if len(parts) == len(chunks):
            return parts
    return [converter.to_html(protect_code_tabs(chunk)) for chunk in chunks]


def _read_chunks(markdown: str, converter: MarkdownConverter) -> list[Block]:
    chunks = split_chunks(markdown)
    htmls = _render_apart(chunks, converter)
    keys = count(1)
    read: list[list[Block]] = []
    rewritten: list[int] = []
    for n, (chunk, html) in enumerate(zip(chunks, htmls, strict=True)):
        blocks = _restore(html_to_blocks(html, keys=keys), protect_code_tabs(chunk), chunk)
        read.append(blocks)
        if write_markdown(blocks).rstrip("\n") != chunk:
            rewritten.append(n)
    again = _render_apart([write_markdown(read[n]) for n in rewritten], converter)
    for n, html in zip(rewritten, again, strict=True):
        chunk = chunks[n]
        shown = normalized_html(htmls[n])
        if not shown and not read[n]:
            if chunk.strip() == LIST_SEPARATOR or (
                _REFERENCE.search(chunk) and _keeps_everything(chunk, markdown)
            ):
                continue  # renders as nothing, and the links were written out in full
        elif normalized_html(html) == shown and _keeps_everything(chunk, markdown):
            continue
        read[n] = [Block(kind=Kind.RAW, code=chunk, note=_note(chunk))]
    return [block for blocks in read for block in blocks]


def _keeps_everything(chunk: str, markdown: str) -> bool:
    """No comment in the chunk, and every link reference it defines is used (so written out)."""
    if "<!--" in chunk:
        return False
    definitions = _REFERENCE.findall(chunk)
    if not definitions:
        return True
    rest = _REFERENCE.sub("", markdown).lower()
    return all(f"[{' '.join(name.split()).lower()}]" in rest for name in definitions)


def _note(chunk: str) -> str:
    text = chunk.lstrip()
    if text.startswith("<!--"):
        return "comment"
    if text.startswith("<"):
        return "HTML"
    if "[^" in text:
        return "footnote"
    if _REFERENCE.search(text):
        return "link references"
    if "|" in text:
        return "table"
    return "unusual Markdown"


def split_chunks(markdown: str) -> list[str]:
    """Top-level pieces Python-Markdown reads independently: cut only at blank lines
    before an unindented line that cannot continue what came before."""
    fenced = _fenced_lines(markdown)
    chunks: list[list[str]] = []
    current: list[str] = []
    blank = has_list = False
    html_end: re.Pattern[str] | None = None  # an HTML block or comment is open till this
    for n, line in enumerate(markdown.split("\n")):
        opening = n in fenced and n - 1 not in fenced
        if n not in fenced and not line.strip():
            blank = bool(current)
            if current:
                current.append(line)
            continue
        cutting = current and blank and html_end is None and (n not in fenced or opening)
        if cutting and _starts_chunk(line, current, has_list):
            chunks.append(current)
            current, has_list = [], False
        current.append(line)
        blank = False
        if n in fenced:
            continue
        has_list = has_list or bool(_LIST_MARKER.match(line))
        if len(current) == 1:
            html_end = _opens_html(line)
        elif html_end is not None and html_end.search(line):
            html_end = None
    if current:
        chunks.append(current)
    return ["\n".join(chunk).rstrip() for chunk in chunks]


def _fenced_lines(markdown: str) -> set[int]:
    """Indices of the lines inside fenced code blocks (fences included), never cut."""
    if "```" not in markdown and "~~~" not in markdown:
        return set()
    inside: set[int] = set()
    for match in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(markdown):
        first = markdown.count("\n", 0, match.start())
        last = first + match.group(0).count("\n")
        inside.update(range(first, last + 1))
    return inside


def _opens_html(first: str) -> re.Pattern[str] | None:
    """For a chunk starting an HTML block or comment: the pattern that ends it."""
    if first.startswith("<!--"):
        return None if "-->" in first else re.compile("-->")
    match = _HTML_START.match(first)
    if match is None or match.group(1).lower() not in _BLOCK_TAGS:
        return None
    tag = match.group(1)
    end = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE)
    return None if end.search(first) else end


def _starts_chunk(line: str, current: list[str], has_list: bool) -> bool:
    if line[0] in " \t":
        return False  # continues a list item, a quote or a code block
    if has_list and _LIST_MARKER.match(line):
        return False  # a loose list goes on
    last = next(text for text in reversed(current) if text.strip())
    return not (line.startswith(">") and last.lstrip().startswith(">"))
