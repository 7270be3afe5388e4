"""Markdown with Hugo/Jekyll front matter, plain text for the wire, and the HTML tree both read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from html.parser import HTMLParser

import yaml

from deskeditor.core.dates import local_moment
from deskeditor.core.language import article_language
from deskeditor.core.models import Article, Status
from deskeditor.core.render import Renderer, byline_authors, display_moment

VOID_ELEMENTS = frozenset({"br", "hr", "img", "wbr"})
BLOCK_ELEMENTS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table",
     "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "figure", "figcaption"}
)  # fmt: skip
_EMAIL = re.compile(r"\s*[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# Stands for <br> while runs of whitespace are folded: a private-use character that
# sanitized text does not hold in practice.
_LINE_BREAK = "\ue000"


# -- the body as a tree -----------------------------------------------------------------


@dataclass
class Element:
    """One element of a sanitized body: its tag, attributes and children (text or elements)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self) -> Iterator[Element]:
        return (child for child in self.children if isinstance(child, Element))


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("body")
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self._stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # nh3 output is well formed; this only guards against a stray end tag.
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def parse_fragment(html: str) -> Element:
    """The tree of a sanitized HTML fragment, under a <body> element."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def byline_name(byline: str) -> str:
    """The byline without its e-mail addresses: "홍길동 기자"."""
    return " ".join(_EMAIL.sub("", byline).split())


# -- Markdown with front matter ---------------------------------------------------------


class _FrontMatterDumper(yaml.SafeDumper):
    """YAML for front matter: aware datetimes as plain RFC 3339 timestamps.

    Hugo wants RFC 3339 ("2026-03-19T10:35:00+09:00"); PyYAML's own form puts a space
    before the time. Jekyll reads either.
    """


def _represent_datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_FrontMatterDumper.add_representer(datetime, _represent_datetime)


def front_matter(article: Article, tz: tzinfo | None) -> dict[str, object]:
    """The front matter keys Hugo and Jekyll both understand, empty ones left out."""
    content = article.content
    published = local_moment(display_moment(article), tz).replace(microsecond=0)
    modified = local_moment(max(article.updated_at, published), tz).replace(microsecond=0)
    data: dict[str, object] = {
        "title": content.headline.strip(),
        "subtitle": content.subhead.strip(),
        "date": published,
        "lastmod": modified,
        "description": content.summary.strip(),
        "author": byline_name(content.byline),
        "authors": byline_authors(content.byline),
        "categories": [content.section.strip()] if content.section.strip() else [],
        "tags": [tag for tag in content.tags if tag.strip()],
        "slug": article.slug or content.slug,
        "lang": article_language(content).value,
        "draft": content.status is not Status.PUBLISHED,
    }
    # draft is kept even when false: it is the one key whose absence means something.
    return {key: value for key, value in data.items() if value or key == "draft"}


def article_markdown(article: Article, tz: tzinfo | None = None) -> str:
    """The article as a Markdown file with YAML front matter, for Hugo, Jekyll and the like.

    The body is the stored Markdown as written; the editor's note is never included.
    """
    meta = yaml.dump(
        front_matter(article, tz),
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # one line per value: long headlines are not folded
    )
    body = article.content.body.replace("\r\n", "\n").strip("\n")
    return f"---\n{meta}---\n\n{body}\n" if body else f"---\n{meta}---\n"


# -- plain text -------------------------------------------------------------------------


def article_text(renderer: Renderer, article: Article) -> str:
    """The article as plain text for the wire or the copy desk: no markup of any kind.

    Headline, subhead, the body's paragraphs separated by blank lines, the byline last.
    """
    content = article.content
    parts = [" ".join(content.headline.split())]
    if content.subhead.strip():
        parts.append("\n".join(line.strip() for line in content.subhead.strip().splitlines()))
    body = blocks_text(parse_fragment(renderer.body_html(content.body)))
    if body:
        parts.append(body)
    if content.byline.strip():
        parts.append(" ".join(content.byline.split()))
    return "\n\n".join(part for part in parts if part) + "\n"


def blocks_text(element: Element) -> str:
    """The text of a block-level tree: one paragraph per block, blank lines between."""
    return "\n\n".join(_blocks(element, depth=0))


def _blocks(element: Element, depth: int) -> Iterator[str]:
    inline: list[Element | str] = []
    for child in element.children:
        if isinstance(child, Element) and child.tag in BLOCK_ELEMENTS:
            if text := _inline_text(inline):
                yield text
            inline = []
            yield from _block(child, depth)
        else:
            inline.append(child)
    if text := _inline_text(inline):
        yield text


def _block(element: Element, depth: int) -> Iterator[str]:
    tag = element.tag
    if tag == "hr":
        yield "* * *"
    elif tag == "pre":
        yield element.text().strip("\n")
    elif tag in {"ul", "ol"}:
        yield "\n".join(_list_lines(element, depth))
    elif tag == "table":
        yield "\n".join(
            " | ".join(_inline_text(cell.children) for cell in row.elements())
            for row in table_rows(element)
        )
    elif tag in {"blockquote", "figure", "li", "thead", "tbody", "tfoot", "tr"}:
        yield from _blocks(element, depth)
    elif text := _inline_text(element.children):
        yield text


def _list_lines(element: Element, depth: int) -> Iterator[str]:
    number = int(element.attrs.get("start", "1") or 1) if element.tag == "ol" else 0
    indent = "  " * depth
    for item in element.elements():
        if item.tag != "li":
            continue
        marker = f"{number}." if element.tag == "ol" else "•"
        number += 1
        nested = [c for c in item.elements() if c.tag in {"ul", "ol"}]
        own = Element("li", children=[c for c in item.children if c not in nested])
        lines = list(_blocks(own, depth + 1)) or [""]
        yield f"{indent}{marker} {lines[0]}"
        yield from (f"{indent}  {line}" for line in lines[1:])
        for sub in nested:
            yield from _list_lines(sub, depth + 1)


def table_rows(table: Element) -> list[Element]:
    """A table's rows, from its head, bodies and foot in order."""
    found: list[Element] = []
    for child in table.elements():
        if child.tag == "tr":
            found.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            found.extend(row for row in child.elements() if row.tag == "tr")
    return found


def _inline_text(children: list[Element | str]) -> str:
    text = "".join(_inline(child) for child in children)
    # Source line breaks inside a paragraph are not line breaks in print; <br> is.
    lines = (" ".join(line.split()) for line in text.split(_LINE_BREAK))
    return "\n".join(lines).strip()


def _inline(node: Element | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return _LINE_BREAK
    if node.tag == "img":
        alt = node.attrs.get("alt", "").strip()
        return f"[{alt}]" if alt else ""
    inner = "".join(_inline(child) for child in node.children)
    href = node.attrs.get("href", "")
    if node.tag == "a" and href and not href.startswith("#") and href not in inner:
        address = href.removeprefix("mailto:")
        return f"{inner} ({address})" if inner.strip() else address
    return inner
