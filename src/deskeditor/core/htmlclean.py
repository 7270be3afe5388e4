"""Foreign HTML (pasted or imported) reduced to the structure an article keeps, and nothing else."""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from lxml import etree

from deskeditor.core.htmllinks import (
    allowed_url,
    attribute_filter,
    is_tracking_image,
    keep_link,
    with_scheme,
)
from deskeditor.core.htmlstyles import (
    MARK_TAGS,
    Element,
    convert_word_lists,
    is_hidden,
    parse_style,
    remove,
    style_marks,
    tag_mark,
    text_content,
    unwrap,
    wrap_in_marks,
)
from deskeditor.core.sanitize import ALLOWED_URL_SCHEMES

KEPT_TAGS: frozenset[str] = frozenset(
    {
        "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
        "img", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""What clean_html may return: the constructs the Markdown dialect can express."""

_KEPT_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
_ALIGN = {"align": {"left", "center", "right"}}
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr",
     "td", "th", "blockquote", "pre", "hr", "div"}
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPHS = frozenset({"p", *_HEADINGS})
# Kept elements whose content is inline text, so a style on them can wrap that text.
_TEXT_HOLDERS = frozenset({"p", "li", "td", "th", "a", *_HEADINGS})
# Gone together with everything inside: never article text, and often code or markup.
_DROPPED = frozenset(
    {"script", "style", "head", "title", "meta", "link", "base", "template", "noscript",
     "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
     "canvas", "video", "audio", "source", "track", "map", "select", "option", "button",
     "input", "textarea", "xml", "noembed", "noframes", "xmp", "dialog", "colgroup", "col"}
)  # fmt: skip
# Containers whose box means nothing in Markdown: a paragraph if they hold only text,
# dissolved into their children otherwise.
_CONTAINERS = frozenset(
    {"div", "section", "article", "main", "header", "footer", "nav", "aside", "center",
     "form", "fieldset", "details", "hgroup", "figure", "picture", "dl", "body"}
)  # fmt: skip
_AS_PARAGRAPH = frozenset({"dt", "dd", "figcaption", "address", "legend", "summary", "caption"})
_LISTS = frozenset({"ul", "ol"})
# Elements that stay (perhaps renamed); every other one is unwrapped or becomes a mark.
_STRUCTURAL = (KEPT_TAGS - frozenset(MARK_TAGS)) | _CONTAINERS | _AS_PARAGRAPH
_BOLD_ALREADY = frozenset({*_HEADINGS, "th"})
_LITERAL = frozenset({"pre", "code", "kbd", "samp", "tt"})  # no formatting inside
_NONE: frozenset[str] = frozenset()
# Names no HTML uses, given to elements on their way out (see _apply_styles).
_DROP = "deskeditor-drop"
_UNWRAP = "deskeditor-unwrap"
_STRONG = frozenset({"strong"})
# Styles that can matter; the usual font sizes and colours skip parsing altogether.
_STYLE_OF_INTEREST = re.compile(
    r"font-weight|font-style|line-through|font-family|display|visibility|mso-hide", re.I
)
# Blank to the eye: spaces, no-break spaces (Word's empty paragraphs), zero-width marks.
_BLANK = " \t\r\n\f\v\xa0\u200b\u200c\u200d\u2060\ufeff"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CF_HTML_HEADER = re.compile(r"Version:\d")  # Windows clipboard "Version:0.9 StartHTML:…"


def clean_html(html: str) -> str:
    """Headings, paragraphs, emphasis, links, lists, quotes, tables, code, images; no styling.

    Word's and Google Docs' style-only formatting becomes semantic markup first, then the
    allow-list (nh3) guarantees nothing else (scripts, handlers, classes, styles) survives.
    """
    body = _parse(html)
    if body is None:
        return ""
    if "mso-list" in html:  # only Word writes lists as styled paragraphs
        convert_word_lists(body)
    _apply_styles(body)
    _normalize_blocks(body)
    _tidy(body)
    return _allow_list(_inner_html(body)).strip()


def _parse(html: str) -> Element | None:
    if _CF_HTML_HEADER.match(html) and "<" in html:
        html = html[html.index("<") :]
    html = _CONTROL.sub("", html)  # libxml2 refuses control characters; they are never text
    # Plain etree elements: lxml.html's Python-level class lookup costs a third of the time.
    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
    )
    root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    if root is None:
        return None  # nothing but comments, a doctype or whitespace
    body = root.find("body")
    return body if body is not None else root


def _apply_styles(body: Element) -> None:
    """Drop what is never content; turn formatting tags and styles into marks.

    Decisions are taken top-down (a mark counts only where no ancestor already gives it).
    Elements to drop or unwrap are only renamed on the way; lxml then strips them all at
    C speed, which matters for Word's one-span-per-run HTML.
    """
    wraps: list[tuple[Element, frozenset[str]]] = []
    oddities: list[Element] = []
    stack: list[tuple[Element, frozenset[str], bool]] = [(body, _NONE, False)]
    while stack:
        element, inherited, literal = stack.pop()
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                oddities.append(child)  # entities and other non-elements
                continue
            hidden, on, off = _style_marks(child.get("style"))
            if hidden or _is_dropped(child, tag):
                child.tag = _DROP
                continue
            base = inherited
            if tag in _BOLD_ALREADY:
                base = inherited | _STRONG  # a <strong> inside a heading is only noise
            new = _NONE
            if not literal:
                mark = tag_mark(tag)
                own = (frozenset((mark,)) - off | on) if mark else on
                new = own - base if own else _NONE
            if tag not in _STRUCTURAL:  # span, font, u, o:p, b, unknown tags…
                if new:
                    first, *rest = [mark for mark in MARK_TAGS if mark in new]
                    child.tag = first
                    child.attrib.clear()
                    if rest:
                        wraps.append((child, frozenset(rest)))
                else:
                    child.tag = _UNWRAP
            elif new and (tag in _TEXT_HOLDERS or not _holds_blocks(child)):
                wraps.append((child, new))
            else:
                new = _NONE  # marks on a box of blocks (or a table, a list) are not kept
            stack.append((child, base | new if new else base, literal or tag in _LITERAL))
    for element, marks in reversed(wraps):  # innermost first
        wrap_in_marks(element, marks)
    for oddity in oddities:
        remove(oddity)
    etree.strip_elements(body, _DROP, with_tail=False)
    etree.strip_tags(body, _UNWRAP)


@lru_cache(maxsize=4096)
def _style_marks(style: str | None) -> tuple[bool, frozenset[str], frozenset[str]]:
    """(hidden, marks on, marks off) of a style attribute; Word repeats the same ones a lot."""
    if not style or not _STYLE_OF_INTEREST.search(style):
        return False, _NONE, _NONE
    properties = parse_style(style)
    on, off = style_marks(properties)
    return is_hidden(properties), frozenset(on), frozenset(off)


def _holds_blocks(element: Element) -> bool:
    return any(child.tag in _BLOCKS or child.tag in _CONTAINERS for child in element)


def _is_dropped(element: Element, tag: str) -> bool:
    if tag in _DROPPED or tag.startswith("v:") or "hidden" in element.attrib:
        return True  # v: is Word's VML drawing; its <img> fallback is kept instead
    return tag == "img" and is_tracking_image(element)


def _normalize_blocks(body: Element) -> None:
    """Containers to paragraphs, lists properly nested, attributes reduced to the kept ones."""
    for element in reversed(list(body.iter())):
        tag = element.tag
        if element is body or not isinstance(tag, str):
            continue
        if tag in _CONTAINERS:
            if _holds_blocks(element):
                unwrap(element)
                continue
            element.tag = "p"
        elif tag in _AS_PARAGRAPH:
            if tag == "caption":
                _move_before_table(element)
            element.tag = "p"
        elif tag == "p":
            _word_paragraph(element)
        elif tag == "tfoot":
            element.tag = "tbody"
        elif tag in _LISTS:
            _nest_list(element)
        elif tag == "a" and not keep_link(element):
            unwrap(element)
            continue
        elif tag == "img" and not allowed_url(element.get("src", "")):
            remove(element)  # nothing to show: no source, or data:/file: (Word's temp files)
            continue
        _keep_attributes(element)


def _word_paragraph(paragraph: Element) -> None:
    """Word marks quotes and titles by paragraph style only; cells take their alignment."""
    style = paragraph.get("class", "")
    if style in ("MsoQuote", "MsoIntenseQuote"):
        quote = etree.Element("blockquote")
        paragraph.addprevious(quote)
        quote.tail, paragraph.tail = paragraph.tail, None
        quote.append(paragraph)
    elif style == "MsoTitle":
        paragraph.tag = "h1"
    parent = paragraph.getparent()
    if parent is not None and parent.tag in ("td", "th") and "align" not in parent.attrib:
        align = _alignment(paragraph)
        if align:
            parent.set("align", align)


def _move_before_table(caption: Element) -> None:
    table = caption.getparent()
    if table is not None and table.tag == "table":
        caption.tail = None
        table.addprevious(caption)


def _nest_list(element: Element) -> None:
    """A list directly inside a list (Google Docs writes them so) belongs to the item before."""
    parent = element.getparent()
    if parent is None or parent.tag not in _LISTS:
        return
    previous = element.getprevious()
    if previous is not None and previous.tag == "li":
        previous.append(element)
    else:
        item = etree.Element("li")
        element.addprevious(item)
        item.append(element)


def _keep_attributes(element: Element) -> None:
    if not len(element.attrib):
        return
    tag = str(element.tag)
    kept = _KEPT_ATTRIBUTES.get(tag, set())
    align = _alignment(element) if tag in ("td", "th") else None
    for name in list(element.attrib):
        if name not in kept:
            del element.attrib[name]
    for name in ("href", "src"):
        value = element.get(name)
        if value is not None:
            element.set(name, with_scheme(value))
    if align:
        element.set("align", align)


def _alignment(cell: Element) -> str | None:
    value = parse_style(cell.get("style", "")).get("text-align") or cell.get("align") or ""
    value = value.strip().lower()
    return value if value in ("left", "center", "right") else None


def _tidy(body: Element) -> None:
    """Paragraphs for loose text, no empty blocks or stray breaks, no split-up marks."""
    for container in [body, *body.iter("blockquote")]:
        _wrap_loose_inline(container)
    for element in reversed(list(body.iter())):
        tag = element.tag
        if tag in _PARAGRAPHS:
            _trim_breaks(element)
            if _is_blank(element):
                remove(element)
        elif tag in MARK_TAGS and _is_blank(element):
            unwrap(element)  # "** **" would lose its space in Markdown
        elif tag == "a" and _is_blank(element):
            unwrap(element)  # a share button whose icon is gone
        elif tag in ("li", "td", "th"):
            _trim_breaks(element)
            _unwrap_single_paragraph(element)
    for element in list(body.iter(*MARK_TAGS, "blockquote")):
        _merge_following(element)


def _unwrap_single_paragraph(holder: Element) -> None:
    """Google Docs puts a <p> in every list item, Word in every cell: make them tight."""
    paragraphs = [child for child in holder if child.tag == "p"]
    if len(paragraphs) != 1 or (holder.text or "").strip(_BLANK):
        return
    others = [child for child in holder if child is not paragraphs[0]]
    if all(child.tag in _LISTS for child in others) and holder[0] is paragraphs[0]:
        unwrap(paragraphs[0])


def _wrap_loose_inline(container: Element) -> None:
    """Text and inline elements directly in the body or a quote become paragraphs."""
    paragraph: Element | None = None
    text, container.text = container.text, None
    if text and text.strip(_BLANK):
        paragraph = etree.Element("p")
        paragraph.text = text
        container.insert(0, paragraph)
    for child in list(container):
        if child is paragraph:
            continue
        if child.tag in _BLOCKS:
            paragraph = None
            tail, child.tail = child.tail, None
            if tail and tail.strip(_BLANK):
                paragraph = etree.Element("p")
                paragraph.text = tail
                child.addnext(paragraph)
            continue
        if paragraph is None:
            paragraph = etree.Element("p")
            child.addprevious(paragraph)
        paragraph.append(child)


def _is_blank(element: Element) -> bool:
    if element.text and element.text.strip(_BLANK):
        return False  # the usual case, decided without walking the content
    if element.find(".//img") is not None:
        return False
    return not text_content(element).strip(_BLANK)


def _trim_breaks(block: Element) -> None:
    """A <br> at the very end of a block (Google Docs, contenteditable) shows nothing."""
    while len(block) and block[-1].tag == "br" and not (block[-1].tail or "").strip(_BLANK):
        remove(block[-1])


def _merge_following(element: Element) -> None:
    """<strong>a</strong><strong>b</strong> (one span per Word run) → <strong>ab</strong>.

    Adjacent quotes merge too: Word writes each quoted paragraph as its own quote.
    """
    parent = element.getparent()
    if parent is None:
        return  # merged into its neighbour already
    following = element.getnext()
    # Inline marks merge only when touching; quotes (Word: one per paragraph) across blanks.
    block = element.tag == "blockquote"
    while (
        following is not None
        and following.tag == element.tag
        and not (element.tail or "").strip(_BLANK if block else "")
    ):
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + (following.text or "")
        else:
            element.text = (element.text or "") + (following.text or "")
        for child in list(following):
            element.append(child)
        element.tail = following.tail
        parent.remove(following)
        following = element.getnext()


def _inner_html(body: Element) -> str:
    body.attrib.clear()
    html = etree.tostring(body, encoding="unicode", method="html", with_tail=False)
    start = html.find(">") + 1
    end = html.rfind("</")
    return html[start:end] if end >= start else ""


def _allow_list(html: str) -> str:
    return str(
        nh3.clean(
            html,
            tags=set(KEPT_TAGS),
            clean_content_tags=set(_DROPPED & {"script", "style", "iframe", "noscript", "xmp"}),
            attributes=_KEPT_ATTRIBUTES,
            tag_attribute_values={"td": _ALIGN, "th": _ALIGN},
            attribute_filter=attribute_filter,
            url_schemes=set(ALLOWED_URL_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )
    )
