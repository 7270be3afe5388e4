"""Markdown with Hugo/Jekyll front matter, plain text for the wire, and the HTML tree both read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from html.parser import HTMLParser

import yaml

from deskeditor.core.dates import local_moment
from deskeditor.core.figures import PhotoTable, asset_sha, lead_photo
from deskeditor.core.images import ASSET_REFERENCE
from deskeditor.core.language import article_language
from deskeditor.core.markdownescape import escape_text, link_target
from deskeditor.core.models import Article, Language, Status
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
# A Markdown image of a stored photo, as the editor writes it: ![alt](asset:sha "title").
_ASSET_IMAGE = re.compile(
    r'!\[((?:\\.|[^\]\\])*)\]\(\s*<?asset:([0-9a-f]{64})>?(\s+"(?:\\.|[^"\\])*")?\s*\)'
)
PHOTO_LABELS: dict[Language, str] = {Language.KO: "사진", Language.EN: "Photo"}


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
        # The whole byline (title, e-mail) for deskeditor's own import; sites ignore it.
        "byline": content.byline.strip(),
        "categories": [content.section.strip()] if content.section.strip() else [],
        "tags": [tag for tag in content.tags if tag.strip()],
        "slug": article.slug or content.slug,
        "lang": article_language(content).value,
        "draft": content.status is not Status.PUBLISHED,
    }
    # draft is kept even when false: it is the one key whose absence means something.
    return {key: value for key, value in data.items() if value or key == "draft"}


def photo_front_matter(article: Article, photos: PhotoTable) -> dict[str, object]:
    """The lead photo as Hugo (images) and Jekyll (image) read it, and every photo's words.

    `photos` keeps alt, caption and credit by file, so an import of the file gets them back.
    """
    data: dict[str, object] = {}
    lead = photos.hrefs.get(asset_sha(article.content.feature_image), "")
    if lead:
        data["image"] = lead
        data["images"] = [lead]
    words = [
        {"file": photos.hrefs[sha], "alt": asset.alt, "caption": asset.caption,
         "credit": asset.credit}
        for sha, asset in sorted(photos.assets.items())
    ]  # fmt: skip
    if words:
        data["photos"] = [{key: value for key, value in item.items() if value} for item in words]
    return data


def markdown_with_files(body: str, photos: PhotoTable) -> str:
    """The body with each stored photo's asset: URI turned into its file's relative path.

    An image without alt text gets the store's; one without a title gets the caption,
    which Hugo and Jekyll themes show under the photo.
    """

    def image(match: re.Match[str]) -> str:
        alt, sha, title = match.group(1), match.group(2), match.group(3)
        asset, href = photos.assets.get(sha), photos.hrefs.get(sha)
        if asset is None or href is None:
            return match.group()
        alt = alt if alt.strip() else escape_text(" ".join(asset.alt.split()), in_link=True)
        target = f"({href}{title})" if title else link_target(href, asset.caption)
        return f"![{alt}]{target}"

    def other(match: re.Match[str]) -> str:
        return photos.hrefs.get(match.group(1), match.group())

    return ASSET_REFERENCE.sub(other, _ASSET_IMAGE.sub(image, body))


def article_markdown(
    article: Article, tz: tzinfo | None = None, photos: PhotoTable | None = None
) -> str:
    """The article as a Markdown file with YAML front matter, for Hugo, Jekyll and the like.

    The body is the stored Markdown as written, with photos pointing at their files
    (given in photos); the editor's note is never included.
    """
    meta_data = front_matter(article, tz)
    if photos is not None:
        meta_data.update(photo_front_matter(article, photos))
    meta = yaml.dump(
        meta_data,
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # one line per value: long headlines are not folded
    )
    body = article.content.body.replace("\r\n", "\n").strip("\n")
    if photos is not None:
        body = markdown_with_files(body, photos)
    return f"---\n{meta}---\n\n{body}\n" if body else f"---\n{meta}---\n"


# -- plain text -------------------------------------------------------------------------


def article_text(renderer: Renderer, article: Article, photos: PhotoTable | None = None) -> str:
    """The article as plain text for the wire or the copy desk: no markup of any kind.

    Headline, subhead, the body's paragraphs separated by blank lines, the byline last;
    a photo is a line of its own: [사진: caption (credit)].
    """
    content = article.content
    language = article_language(content)
    parts = [" ".join(content.headline.split())]
    if content.subhead.strip():
        parts.append("\n".join(line.strip() for line in content.subhead.strip().splitlines()))
    shown = photos.photos() if photos else None
    html = renderer.body_html(content.body, shown, language=language)
    if shown is not None:
        html = lead_photo(content.feature_image, shown, language).figure + html
    body = blocks_text(photo_lines(parse_fragment(html), PHOTO_LABELS[language]))
    if body:
        parts.append(body)
    if content.byline.strip():
        parts.append(" ".join(content.byline.split()))
    return "\n\n".join(part for part in parts if part) + "\n"


def photo_lines(element: Element, label: str) -> Element:
    """The tree with each photo figure replaced by a paragraph: [Photo: caption (credit)]."""
    for index, child in enumerate(element.children):
        if not isinstance(child, Element):
            continue
        if child.tag == "figure" and "photo" in child.attrs.get("class", "").split():
            element.children[index] = Element("p", children=[photo_line(child, label)])
        else:
            photo_lines(child, label)
    return element


def photo_line(figure: Element, label: str) -> str:
    """One photo as text: its caption (else its alt text) and its credit in brackets."""
    caption = credit = alt = ""
    for child in figure.elements():
        if child.tag == "figcaption":
            parts = [c for c in child.children if not _is_credit(c)]
            caption = " ".join("".join(_inline(c) for c in parts).split())
            credit = " ".join(c.text() for c in child.elements() if _is_credit(c))
        elif child.tag == "img":
            alt = child.attrs.get("alt", "")
        elif child.attrs.get("role") == "img":
            alt = child.attrs.get("aria-label", "")
    words = " ".join((caption or alt).split())
    if credit.strip():
        words = f"{words} ({' '.join(credit.split())})" if words else " ".join(credit.split())
    return f"[{label}: {words}]" if words else f"[{label}]"


def _is_credit(node: Element | str) -> bool:
    return isinstance(node, Element) and node.attrs.get("class") == "credit"


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
