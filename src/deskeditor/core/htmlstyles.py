"""Word and Google Docs formatting (inline styles, mso-list paragraphs) as semantic HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

Element = etree._Element

MARK_TAGS: tuple[str, ...] = ("strong", "em", "del", "code")
"""The inline marks Markdown can express, outermost first (a code span holds no emphasis)."""

_TAG_MARKS: dict[str, str] = {
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "cite": "em",
    "dfn": "em",
    "var": "em",
    "s": "del",
    "strike": "del",
    "del": "del",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
# Families that mean "this is code" in Google Docs and Word (D2Coding is the Korean one).
_MONOSPACE = re.compile(
    r"\b(monospace|courier|consolas|monaco|menlo|source code pro|roboto mono|d2coding"
    r"|nanumgothiccoding|fira (?:code|mono)|jetbrains mono)\b",
    re.IGNORECASE,
)
_MSO_LIST = re.compile(r"\bl(\d+)\s+level(\d+)(?:\s+lfo(\d+))?", re.IGNORECASE)
_ORDERED_MARKER = re.compile(
    r"[(\[]?(?P<number>\d{1,9}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6}|[가-힣])[.)\]]"
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def parse_style(style: str) -> dict[str, str]:
    """An inline style attribute as a property → value map (lowercased, later wins)."""
    properties: dict[str, str] = {}
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            properties[name.strip().lower()] = value.strip().lower()
    return properties


def is_hidden(properties: dict[str, str]) -> bool:
    """Text the author could not see: display:none, Word's mso-hide:all."""
    return (
        properties.get("display") == "none"
        or properties.get("visibility") == "hidden"
        or properties.get("mso-hide") == "all"
    )


def tag_mark(tag: str) -> str | None:
    """The mark a formatting tag stands for (b → strong, strike → del), if any."""
    return _TAG_MARKS.get(tag)


def style_marks(properties: dict[str, str]) -> tuple[set[str], set[str]]:
    """Marks an inline style turns on and off.

    Word and Google Docs express bold as font-weight on spans, and Google Docs wraps a
    whole paste in <b style="font-weight:normal">, which must not make everything bold.
    """
    on: set[str] = set()
    off: set[str] = set()
    weight = properties.get("font-weight")
    if weight is not None:
        if weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600):
            on.add("strong")
        elif weight in ("normal", "lighter") or weight.isdigit():
            off.add("strong")
    font_style = properties.get("font-style")
    if font_style in ("italic", "oblique"):
        on.add("em")
    elif font_style == "normal":
        off.add("em")
    decoration = properties.get("text-decoration-line", properties.get("text-decoration", ""))
    if "line-through" in decoration:
        on.add("del")
    if _MONOSPACE.search(properties.get("font-family", "")):
        on.add("code")
    return on, off


def wrap_in_marks(element: Element, marks: Iterable[str]) -> None:
    """Put the element's content inside nested mark elements (canonical order)."""
    for tag in reversed([mark for mark in MARK_TAGS if mark in set(marks)]):
        wrapper = etree.Element(tag)
        wrapper.text = element.text
        element.text = None
        for child in list(element):
            wrapper.append(child)  # moves the child together with its tail
        element.append(wrapper)


def text_content(element: Element) -> str:
    return "".join(element.itertext())


def remove(element: Element) -> None:
    """Take the element and its content out; the text after it stays."""
    parent = element.getparent()
    if parent is None:
        return
    tail, element.tail = element.tail, None
    if tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + tail
        else:
            previous.tail = (previous.tail or "") + tail
    parent.remove(element)


def unwrap(element: Element) -> None:
    """Replace an element by its content, in time proportional to its own children.

    lxml.html's drop_tag() looks the element up among its siblings, which made a 10 MB
    paste with thousands of top-level elements quadratic.
    """
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if element.text:
        if previous is None:
            parent.text = (parent.text or "") + element.text
        else:
            previous.tail = (previous.tail or "") + element.text
    children = list(element)
    for child in children:
        element.addprevious(child)  # moves the child together with its tail
    tail, element.tail = element.tail, None
    if tail:
        last = children[-1] if children else previous
        if last is None:
            parent.text = (parent.text or "") + tail
        else:
            last.tail = (last.tail or "") + tail
    parent.remove(element)


def convert_word_lists(root: Element) -> None:
    """Turn Word's list paragraphs (style "mso-list:l0 level2 lfo1") into nested lists.

    Word's clipboard HTML has no <ul>: every item is a <p> whose bullet or number is
    literal text in a span marked mso-list:Ignore, and the level lives only in the style.
    """
    parents: dict[Element, None] = {}
    for element in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6"):
        if _list_style(element) is not None:
            parent = element.getparent()
            if parent is not None:
                parents[parent] = None
    for parent in parents:
        for run in _runs(parent):
            _replace_run(parent, run)


def _list_style(element: Element) -> tuple[int, int] | None:
    """(list id, level) of a Word list paragraph, or None."""
    style = element.get("style", "")
    if "mso-list" not in style.lower():
        return None
    value = parse_style(style).get("mso-list", "")
    match = _MSO_LIST.search(value)
    if match is None:
        return None
    return int(match[3] or match[1]), int(match[2])


def _runs(parent: Element) -> list[list[Element]]:
    """Consecutive Word list paragraphs among the parent's children."""
    runs: list[list[Element]] = []
    current: list[Element] = []
    for child in parent:
        if isinstance(child.tag, str) and _list_style(child) is not None:
            current.append(child)
            if child.tail and child.tail.strip():
                runs.append(current)  # text between paragraphs ends the list
                current = []
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _marker(paragraph: Element) -> tuple[bool, int]:
    """(ordered, number) from the literal bullet text, which is removed from the item."""
    text = ""
    for element in paragraph.iter():
        if isinstance(element.tag, str) and "ignore" in element.get("style", "").lower():
            text = text_content(element)
            remove(element)
            break
    text = text.replace("\xa0", " ").strip()
    if text and text[0] in _CIRCLED:
        return True, _CIRCLED.index(text[0]) + 1
    match = _ORDERED_MARKER.fullmatch(text)
    if match is None:
        return False, 1
    number = match["number"]
    return True, int(number) if number.isdigit() else 1


def _replace_run(parent: Element, run: list[Element]) -> None:
    tops: list[Element] = []
    stack: list[tuple[int, Element]] = []  # (level, list element)
    list_id = None
    for paragraph in run:
        style = _list_style(paragraph)
        assert style is not None  # _runs only collects list paragraphs
        ident, level = style
        ordered, number = _marker(paragraph)
        tag = "ol" if ordered else "ul"
        if ident != list_id and level == 1:
            stack.clear()  # another Word list starts right after this one
        list_id = ident
        while stack and (
            stack[-1][0] > level or (stack[-1][0] == level and stack[-1][1].tag != tag)
        ):
            stack.pop()
        if not stack or stack[-1][0] < level:
            new_list = etree.Element(tag)
            if ordered and number != 1:
                new_list.set("start", str(number))
            if stack:
                _last_item(stack[-1][1]).append(new_list)
            else:
                tops.append(new_list)
            stack.append((level, new_list))
        item = etree.Element("li")
        item.text = paragraph.text
        for child in list(paragraph):
            item.append(child)
        stack[-1][1].append(item)
    anchor = run[0]
    for new_list in tops:
        anchor.addprevious(new_list)
    tail = run[-1].tail
    for paragraph in run:
        parent.remove(paragraph)
    if tops:
        tops[-1].tail = tail


def _last_item(list_element: Element) -> Element:
    """The list's last item, made if the list has none yet (a list that starts deeper)."""
    if len(list_element) and list_element[-1].tag == "li":
        return list_element[-1]
    item = etree.Element("li")
    list_element.append(item)
    return item
