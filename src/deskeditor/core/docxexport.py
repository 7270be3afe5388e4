"""Word export: the article as a .docx built with python-docx from the renderer's sanitized body."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from deskeditor.core.dates import local_moment, timestamp
from deskeditor.core.docxpackage import Pictures, stable_zip
from deskeditor.core.exportformats import Element, byline_name, parse_fragment, table_rows
from deskeditor.core.figures import PhotoTable, lead_photo
from deskeditor.core.language import article_language
from deskeditor.core.models import Article, Language
from deskeditor.core.render import LABELS, UNTITLED, Renderer, byline_markup, display_moment

# Word picks the Hangul face from the East Asian slot, which the default template
# leaves to a theme without one; these are on every Windows and macOS machine.
EAST_ASIAN_FONT = "맑은 고딕"
CODE_FONT = "Consolas"
LINK_COLOUR = RGBColor(0x0A, 0x4A, 0x8C)
MUTED_COLOUR = RGBColor(0x6B, 0x6F, 0x76)

_ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# Control characters XML 1.0 cannot hold; lxml refuses them outright.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEADINGS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
"""The headline is the document's Title, so the body's first level (##) is Heading 1."""


@dataclass(frozen=True, slots=True)
class _Format:
    """The character formatting in force at a point of the body."""

    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    code: bool = False
    superscript: bool = False
    subscript: bool = False


# The _Format field each inline tag turns on.
_INLINE_FORMATS: dict[str, str] = {
    "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "del": "strike",
    "s": "strike", "u": "underline", "code": "code", "sup": "superscript", "sub": "subscript",
}  # fmt: skip
_FONT_FLAGS = ("bold", "italic", "strike", "underline", "superscript", "subscript")


def article_docx(renderer: Renderer, article: Article, photos: PhotoTable | None = None) -> bytes:
    """The article as a Word document: title, subtitle, times, body, byline last.

    Photos (their bytes in photos) are placed at most a column wide, caption below.
    """
    content = article.content
    language = article_language(content)
    document = docx.Document(io.BytesIO(_template(language)))

    headline = " ".join(content.headline.split()) or UNTITLED[language]
    _text_run(_add_paragraph(document, "Title"), headline)
    if content.subhead.strip():
        _text_run(_add_paragraph(document, "Subtitle"), content.subhead.strip())
    _add_times(document, renderer, article, language)

    writer = _BodyWriter(document, Pictures(document, photos))
    shown = photos.photos() if photos else None
    body = renderer.body_html(content.body, shown, language=language)
    if shown is not None:
        body = lead_photo(content.feature_image, shown, language).figure + body
    writer.blocks(parse_fragment(body))

    if content.byline.strip():
        byline = _add_paragraph(document)
        byline_html = str(byline_markup(" ".join(content.byline.split())))
        writer.inline(byline, parse_fragment(byline_html), _Format(bold=True))

    properties = document.core_properties
    properties.title = headline
    properties.subject = content.subhead.strip()
    properties.author = byline_name(content.byline)
    properties.keywords = ", ".join(content.tags)
    properties.category = content.section.strip()
    properties.comments = content.summary.strip()
    properties.language = "ko-KR" if language is Language.KO else "en-US"
    properties.created = display_moment(article)
    properties.modified = max(article.updated_at, display_moment(article))
    properties.last_modified_by = ""
    properties.revision = 1
    return stable_zip(document)


def _add_times(document: Any, renderer: Renderer, article: Article, language: Language) -> None:
    labels = LABELS[language]
    tz = renderer.settings.tz
    published = local_moment(display_moment(article), tz)
    modified = local_moment(max(article.updated_at, published), tz)
    zone = published.tzinfo
    assert zone is not None  # astimezone() always sets it
    text = f"{labels['published']} {timestamp(published, language, zone)}"
    if timestamp(modified, language, zone) != timestamp(published, language, zone):
        text += f"  {labels['updated']} {timestamp(modified, language, zone)}"
    run = _text_run(_add_paragraph(document), text)
    run.font.size = Pt(9)
    run.font.color.rgb = MUTED_COLOUR


@functools.cache
def _template(language: Language) -> bytes:
    """python-docx's default template with Hangul fonts and the language set, made once.

    Preparing it costs more than filling it with a story, and it never changes.
    """
    document = docx.Document()
    styles = document.styles.element
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    # A theme slot (eastAsiaTheme) wins over a named font in OOXML, so it is removed
    # wherever the template sets one: from the defaults and from Title and the headings.
    for fonts in [defaults.find(qn("w:rFonts")), *styles.xpath("./w:style/w:rPr/w:rFonts")]:
        if fonts is not None:
            fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
            fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    lang = defaults.find(qn("w:lang"))
    lang.set(qn("w:val"), "ko-KR" if language is Language.KO else "en-US")
    lang.set(qn("w:eastAsia"), "ko-KR")
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


@functools.cache
def _style_ids() -> dict[str, str]:
    """Style name to id in the template: python-docx's own lookup searches every time."""
    return {style.name: style.style_id for style in docx.Document().styles if style.name}


def _add_paragraph(document: Any, style: str | None = None) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()
    if style is not None:
        p_element: Any = paragraph._p
        p_element.get_or_add_pPr().style = _style_ids()[style]
    return paragraph


def _text_run(paragraph: Paragraph, text: str) -> Any:
    """A run holding text; one w:t element instead of python-docx's character-wise path."""
    text = _NOT_XML.sub("", text)
    if "\t" in text or "\n" in text:
        return paragraph.add_run(text)  # python-docx turns these into w:tab and w:br
    run = paragraph.add_run()
    element: Any = OxmlElement("w:t")
    element.text = text
    if text != text.strip():
        element.set(qn("xml:space"), "preserve")  # else Word drops the edge spaces
    r_element: Any = run._r
    r_element.append(element)
    return run


class _BodyWriter:
    """Turns the sanitized body tree into Word paragraphs, runs, lists and tables."""

    def __init__(self, document: Any, pictures: Pictures) -> None:
        self._document = document
        self._pictures = pictures
        self._numbering = document.part.numbering_part.element
        self._quote_depth = 0

    def blocks(self, element: Element, list_depth: int = 0) -> None:
        pending: list[Element | str] = []
        for child in element.children:
            if isinstance(child, Element) and child.tag in _BLOCKS:
                self._loose(pending)
                pending = []
                self._block(child, list_depth)
            else:
                pending.append(child)
        self._loose(pending)

    def _loose(self, nodes: list[Element | str]) -> None:
        """Inline content between blocks (text directly in a <li> or <blockquote>)."""
        if any(isinstance(node, Element) or node.strip() for node in nodes):
            self.inline(self._paragraph(), Element("span", children=nodes), _Format())

    def _paragraph(self, style: str | None = None) -> Paragraph:
        if style is None and self._quote_depth:
            style = "Quote"
        return _add_paragraph(self._document, style)

    def _block(self, element: Element, list_depth: int) -> None:
        tag = element.tag
        if tag in _HEADINGS:
            self.inline(self._paragraph(f"Heading {_HEADINGS[tag]}"), element, _Format())
        elif tag in {"ul", "ol"}:
            self._list(element, list_depth)
        elif tag == "blockquote":
            self._quote_depth += 1
            self.blocks(element, list_depth)
            self._quote_depth -= 1
        elif tag == "pre":
            self._code(element)
        elif tag == "table":
            self._table(element)
        elif tag == "hr":
            rule = self._paragraph()
            rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _text_run(rule, "* * *")
        elif tag == "figure":
            self.blocks(element, list_depth)
        else:  # p, figcaption and anything else block-like
            paragraph = self._paragraph("Caption" if tag == "figcaption" else None)
            self.inline(paragraph, element, _Format())

    def _list(self, element: Element, depth: int) -> None:
        ordered = element.tag == "ol"
        level = min(depth + 1, 3)
        style = ("List Number" if ordered else "List Bullet") + ("" if level == 1 else f" {level}")
        num_id = self._restart_numbering(style, element) if ordered else None
        for item in element.elements():
            if item.tag != "li":
                continue
            nested = [c for c in item.elements() if c.tag in {"ul", "ol"}]
            own = [c for c in item.children if not (isinstance(c, Element) and c in nested)]
            paragraph = self._paragraph(style)
            if num_id is not None:
                # python-docx has no public API for list numbering; its oxml layer does.
                p_element: Any = paragraph._p
                num_pr = p_element.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            self.inline(paragraph, Element("li", children=own), _Format())
            for sub in nested:
                self._list(sub, depth + 1)

    def _restart_numbering(self, style: str, element: Element) -> int:
        """A new numbering instance for this list, so it counts from its own start.

        Every "List Number" paragraph shares one counter in Word; without this, the
        second list of a story would go on from where the first one stopped.
        """
        style_num = self._document.styles[style].element.pPr.numPr.numId.val
        abstract = self._numbering.num_having_numId(style_num).abstractNumId.val
        num = self._numbering.add_num(abstract)
        start = int(element.attrs.get("start", "1") or 1)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return int(num.numId)

    def _code(self, element: Element) -> None:
        paragraph = self._paragraph()
        lines = element.text().strip("\n").split("\n")
        for index, line in enumerate(lines):
            run = _text_run(paragraph, line)
            run.font.name = CODE_FONT
            run.font.size = Pt(9.5)
            if index < len(lines) - 1:
                run.add_break()

    def _table(self, element: Element) -> None:
        rows = table_rows(element)
        columns = max((len(list(row.elements())) for row in rows), default=0)
        if not rows or not columns:
            return
        table: Table = self._document.add_table(rows=len(rows), cols=columns)
        table.style = self._document.styles["Table Grid"]
        for row_index, row in enumerate(rows):
            for column, cell in enumerate(row.elements()):
                paragraph = table.cell(row_index, column).paragraphs[0]
                align = cell.attrs.get("align") or _text_align(cell.attrs.get("style", ""))
                if align in _ALIGNMENTS:
                    paragraph.alignment = _ALIGNMENTS[align]
                self.inline(paragraph, cell, _Format(bold=cell.tag == "th"))

    def inline(self, paragraph: Paragraph, element: Element, fmt: _Format) -> None:
        """Add an element's inline content to the paragraph as formatted runs and links."""
        self._inline(paragraph, element, fmt)
        # HTML's line breaks around nested blocks are not text: trim the paragraph's ends.
        content: Any = paragraph._p
        children = [child for child in content if child.tag != qn("w:pPr")]
        if children:
            _strip_run(children[0], str.lstrip)
            _strip_run(children[-1], str.rstrip)

    def _inline(self, paragraph: Paragraph, element: Element, fmt: _Format) -> None:
        for child in element.children:
            if isinstance(child, str):
                self._run(paragraph, child, fmt)
            elif child.tag == "br":
                paragraph.add_run().add_break()
            elif child.tag == "img":
                alt = child.attrs.get("alt", "").strip()
                if self._pictures.place(paragraph, child.attrs):
                    continue
                if alt:
                    self._run(paragraph, f"[{alt}]", replace(fmt, italic=True))
            elif child.tag == "a" and child.attrs.get("href"):
                self._link(paragraph, child, fmt)
            else:
                self._inline(paragraph, child, _with(fmt, child.tag))

    def _run(self, paragraph: Paragraph, text: str, fmt: _Format, link: bool = False) -> Any:
        text = " ".join(text.split("\n")) if not fmt.code else text
        if not text:
            return None
        run = _text_run(paragraph, text)
        font = run.font
        # Only what is on: each property set, even to None, costs a walk of the XML.
        for flag in _FONT_FLAGS:
            if getattr(fmt, flag) or (link and flag == "underline"):
                setattr(font, flag, True)
        if fmt.code:
            font.name = CODE_FONT
        if link:
            font.color.rgb = LINK_COLOUR
        return run

    def _link(self, paragraph: Paragraph, element: Element, fmt: _Format) -> None:
        """A real Word hyperlink (w:hyperlink with an external relationship)."""
        address = element.attrs["href"]
        relationship = paragraph.part.relate_to(
            address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        hyperlink: Any = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), relationship)
        p_element: Any = paragraph._p
        p_element.append(hyperlink)
        # Runs are made in a detached paragraph with the same formatting code, then moved.
        scratch_element: Any = OxmlElement("w:p")
        scratch = Paragraph(scratch_element, paragraph._parent)
        self._link_runs(scratch, element, fmt)
        for run in list(scratch_element.iterchildren(qn("w:r"))):
            hyperlink.append(run)

    def _link_runs(self, paragraph: Paragraph, element: Element, fmt: _Format) -> None:
        for child in element.children:
            if isinstance(child, str):
                self._run(paragraph, child, fmt, link=True)
            else:
                self._link_runs(paragraph, child, _with(fmt, child.tag))


_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table",
     "hr", "figure", "figcaption"}
)  # fmt: skip


def _with(fmt: _Format, tag: str) -> _Format:
    """The formatting inside an inline element: the outer one plus what the tag adds."""
    flag = _INLINE_FORMATS.get(tag)
    return replace(fmt, **{flag: True}) if flag else fmt


def _strip_run(element: Any, strip: Callable[[str, str], str]) -> None:
    """Strip spaces from a plain text run at a paragraph's end; drop it if nothing is left."""
    if element.getparent() is None or element.tag != qn("w:r"):
        return  # already dropped, or a hyperlink: left as it is
    texts = element.findall(qn("w:t"))
    if len(texts) != 1 or len(element) > 2:
        return
    stripped = strip(texts[0].text or "", " ")
    if stripped:
        texts[0].text = stripped
    else:
        element.getparent().remove(element)


def _text_align(style: str) -> str:
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        if name.strip().lower() == "text-align":
            return value.strip().lower()
    return ""
