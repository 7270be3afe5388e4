"""Word .docx → article: mammoth's HTML through the shared cleaning path, title as headline."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from deskeditor.core.errors import ImportFileError
from deskeditor.core.images import ASSET_REFERENCE
from deskeditor.core.importers.htmlbody import body_markdown
from deskeditor.core.importers.photos import ImportedArticle, PhotoCollector
from deskeditor.core.models import ArticleContent

# Word's built-in Title and Subtitle styles have no HTML counterpart in mammoth's
# defaults; classes mark them so the headline and subhead can be taken out of the body.
_STYLE_MAP = """
p[style-name='Title'] => h1.doc-title:fresh
p[style-name='Subtitle'] => p.doc-subtitle:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Caption'] => p.doc-caption:fresh
"""
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_NOTES = ("footnote-", "endnote-")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def read_docx(data: bytes, name: str) -> ImportedArticle:
    """The article in a Word document (already sniffed as one), with its pictures.

    Each picture is checked and kept to be stored with the article (its alt text from
    Word's Alt Text, its caption from a Caption paragraph right under it); a damaged or
    oversized one is left out with a message naming it.
    """
    photos = PhotoCollector(name)
    count = 0

    import mammoth  # type: ignore[import-untyped]  # heavy; only a Word import needs it

    def convert_image(image: Any) -> list[Any]:
        nonlocal count
        count += 1
        label = f"image {count} ({image.content_type or 'unknown type'})"
        try:
            with image.open() as stream:
                picture = stream.read()
        except Exception as error:  # a missing or broken part of the package
            photos.skipped.append(f"{name}: {label} cannot be read ({_reason(error)}); left out.")
            return []
        alt = " ".join((image.alt_text or "").split())
        uri = photos.add(picture, label, alt=alt)
        if uri is None:
            return []
        return [mammoth.html.element("img", {"src": uri, "alt": alt})]

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data), style_map=_STYLE_MAP, convert_image=convert_image
        )
        html = str(result.value)
    except Exception as error:  # mammoth fails with anything from KeyError to XML errors
        raise ImportFileError(
            f"Cannot import {name}: the Word document is damaged ({_reason(error)})."
        ) from error
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    headline = _take_headline(root, _core_title(data))
    subhead = _take_subhead(root)
    _tidy_notes(root)
    _take_captions(root, photos)
    body = body_markdown(lxml.html.tostring(root, encoding="unicode"))
    if not (headline or subhead or body):
        raise ImportFileError(f"Cannot import {name}: the Word document has no text.")
    return photos.article(ArticleContent(headline=headline, subhead=subhead, body=body))


def _take_captions(root: HtmlElement, photos: PhotoCollector) -> None:
    """A Caption paragraph right under a lone picture becomes that photo's caption."""
    for caption in list(root.iterfind(".//p[@class='doc-caption']")):
        before = caption.getprevious()
        images = list(before.iter("img")) if before is not None else []
        text = " ".join(caption.text_content().split())
        alone = before is not None and len(images) == 1 and not _text(before)
        match = ASSET_REFERENCE.fullmatch(images[0].get("src", "")) if alone else None
        if match is None or not text:
            caption.attrib.pop("class", None)
            continue
        photos.describe(match.group(1), caption=text)
        caption.drop_tree()


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:120] if text else type(error).__name__


def _core_title(data: bytes) -> str:
    """The title in File → Properties, if the document has one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("docProps/core.xml")
        # No entities, no network: the file came from someone else.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        title = etree.fromstring(xml, parser).find(_DC_TITLE)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, OSError):
        return ""
    return " ".join((title.text or "").split()) if title is not None else ""


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _take_headline(root: HtmlElement, core_title: str) -> str:
    """A Title-styled paragraph, else the document title, else the first level-1 heading.

    The paragraph the headline came from leaves the body; a document title is dropped
    from the body only where the body repeats it as its first heading.
    """
    titled = root.find(".//h1[@class='doc-title']")
    if titled is not None and _text(titled):
        titled.drop_tree()
        return _text(titled)
    first = next(iter(root), None)
    if core_title:
        if first is not None and first.tag in _HEADINGS and _text(first) == core_title:
            first.drop_tree()
        return core_title
    heading = root.find(".//h1")
    text = _text(heading) if heading is not None else ""
    if heading is not None and text:
        heading.drop_tree()
    return text


def _take_subhead(root: HtmlElement) -> str:
    """A Subtitle-styled paragraph at the top of the body (right after the headline)."""
    first = next(iter(root), None)
    if first is not None and first.get("class") == "doc-subtitle":
        first.drop_tree()
        return _text(first)
    return ""


def _tidy_notes(root: HtmlElement) -> None:
    """Footnotes stay readable: "[1]" in the text, the notes as a numbered list after a rule.

    mammoth links each note back to its reference with an "↑"; a Markdown article has no
    anchors to jump to, so the arrows go.
    """
    for link in list(root.iter("a")):
        href = link.get("href", "")
        if href.startswith(tuple(f"#{kind}ref-" for kind in _NOTES)):
            link.drop_tree()
    for notes in list(root.iter("ol")):
        items = [item for item in notes if item.tag == "li"]
        if items and all(item.get("id", "").startswith(_NOTES) for item in items):
            notes.addprevious(lxml.html.Element("hr"))
