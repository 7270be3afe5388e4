"""Saved web page → article: the page's metadata, and the story without the page around it."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from deskeditor.core.errors import ImportFileError
from deskeditor.core.htmllinks import is_tracking_image
from deskeditor.core.importers.htmlbody import body_markdown
from deskeditor.core.importers.pagemeta import PageMeta, page_metadata
from deskeditor.core.importers.photos import (
    ImportedArticle,
    PhotoCollector,
    adopt_page_images,
    settle_page_images,
)
from deskeditor.core.models import ArticleContent

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Page furniture dropped when the extraction library finds no story and the page is used whole.
_FURNITURE = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first kilobytes (<meta charset> or http-equiv)."""
    match = _CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def read_web_page(text: str, name: str, folder: Path | None = None) -> ImportedArticle:
    """Headline, subhead, byline, section and tags from metadata; the body from trafilatura.

    The page's own images (files inside `folder`, as a browser saves them in
    page_files/, or data: URIs) come in as photos; remote ones become plain links.
    """
    # Bytes with the encoding stated: the text is decoded already, and a page's own
    # <?xml encoding=…?> or <meta charset> must not make lxml decode it again.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)
    try:
        document = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise ImportFileError(
            f"Cannot import {name}: the page cannot be read ({error})."
        ) from error
    meta = page_metadata(document)
    for image in list(document.iter("img")):
        if is_tracking_image(image):
            # Gone before extraction: trafilatura keeps images but not their 1×1 size.
            image.drop_tree()
    photos = PhotoCollector(name, folder)
    adopt_page_images(document, photos)
    page_heading = document.find(".//h1")
    heading = " ".join(page_heading.text_content().split()) if page_heading is not None else ""
    story = _extract_story(document, meta)  # may prune the document
    # trafilatura often leaves the page's <h1> out of the story, taking it for the title.
    headline = meta.headline or _take_first(story, "h1") or heading
    subhead = meta.alternative_headline or meta.description
    _drop_repeats(story, {headline, subhead, meta.description})
    settle_page_images(story)
    body = body_markdown(lxml.html.tostring(story, encoding="unicode"))
    if not body and not headline:
        raise ImportFileError(f"Cannot import {name}: no article text was found in the page.")
    content = ArticleContent(
        headline=headline,
        subhead="" if subhead == headline else subhead,
        byline=meta.author,
        section=meta.section,
        body=body,
        tags=meta.tags,
        language=meta.language,
        summary=meta.description,
        editor_note=_provenance(meta),
    )
    return photos.article(content)


def _extract_story(document: HtmlElement, meta: PageMeta) -> HtmlElement:
    """The article's own HTML, without navigation, ads, "most read" lists or share buttons.

    trafilatura (precision first, then recall for short pages) is the judge; a page it
    finds no story in is used whole, minus the obvious furniture.
    """
    import trafilatura  # heavy (about a second to import); only a page import needs it

    fallback = lxml.html.tostring(document, encoding="unicode")
    for precise in (True, False):
        html = trafilatura.extract(
            document,
            url=meta.url or None,
            output_format="html",
            include_formatting=True,
            include_links=True,
            include_images=True,
            include_tables=True,
            include_comments=False,
            favor_precision=precise,
            favor_recall=not precise,
        )
        if html and html.strip():
            return _fragment(html)
        document = lxml.html.document_fromstring(fallback)  # extraction may have pruned it
    root = document
    for tag in ("body", "main", "article"):  # the narrowest wins
        found = document.find(f".//{tag}")
        root = found if found is not None else root
    for element in list(root.iter(*_FURNITURE)):
        element.drop_tree()
    return root


def _fragment(html: str) -> HtmlElement:
    document = lxml.html.document_fromstring(html)
    body = document.find(".//body")
    return body if body is not None else document


def _take_first(story: HtmlElement, tag: str) -> str:
    element = story.find(f".//{tag}")
    if element is None:
        return ""
    text = " ".join(element.text_content().split())
    element.drop_tree()
    return text


def _drop_repeats(story: HtmlElement, texts: set[str]) -> None:
    """Headline or subhead repeated at the top of the extracted body: already in their fields."""
    texts.discard("")
    for element in list(story)[:4]:
        if element.tag == "img":
            continue  # a lead photo may come first
        if element.tag not in _HEADINGS and element.tag != "p":
            break
        if " ".join(element.text_content().split()) not in texts:
            break
        element.drop_tree()


def _provenance(meta: PageMeta) -> str:
    """Where the story came from, for the desk (the note is never exported)."""
    lines = [
        f"{label}: {value}"
        for label, value in (
            ("Source", meta.url),
            ("Published", meta.published),
            ("Updated", meta.modified),
        )
        if value
    ]
    return "\n".join(lines)
