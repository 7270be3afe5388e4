"""HTML from Word or a web page → Markdown through the editor's own reader and writer."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskeditor.core.htmlclean import clean_html
from deskeditor.core.htmlreader import html_to_blocks
from deskeditor.core.markdownblocks import write_markdown
from deskeditor.core.markdownescape import escape_line_start
from deskeditor.core.markdownescape import escape_text as escape_markdown
from deskeditor.core.markup import MarkdownConverter


def html_to_markdown(html: str) -> str:
    """The import path: the editor's own reader and writer."""
    return write_markdown(html_to_blocks(html))


PASTE = Path(__file__).parent / "fixtures" / "paste"
_MARKS = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "del": "del", "s": "del",
          "code": "code"}  # fmt: skip
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
           "table", "tr", "td", "th", "hr", "img"}  # fmt: skip
_SPACE = re.compile(r"[ \t\n\r\f]+")

converter = MarkdownConverter()


def structure(html: str) -> list[object]:
    """A normalized tree: blocks with their kind, inline text as runs of (text, marks, link).

    What differs without changing the article is ignored: tight or loose list items,
    th or td, thead or not, whitespace between blocks, alignment given by attribute or style.
    """
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return _blocks(root)


def _blocks(element: lxml.html.HtmlElement) -> list[object]:
    out: list[object] = []
    runs: list[list[object]] = []

    def flush() -> None:
        if runs:
            runs[0][0] = str(runs[0][0]).lstrip()
            runs[-1][0] = str(runs[-1][0]).rstrip()
            for run in runs:
                run[0] = re.sub(" ?⏎ ?", "⏎", str(run[0]))  # the newline after a <br>
            text = [tuple(run) for run in runs if run[0]]
            if text:
                out.append(("text", text))
            runs.clear()

    def inline(node: lxml.html.HtmlElement, marks: frozenset[str], link: tuple[str, str]) -> None:
        def add(text: str | None) -> None:
            if text:
                text = _SPACE.sub(" ", text)
                if runs and runs[-1][1:] == [marks, link]:
                    runs[-1][0] = str(runs[-1][0]) + text
                else:
                    runs.append([text, marks, link])

        add(node.text)
        for child in node:
            tag = child.tag
            if tag in _BLOCKS or tag in ("thead", "tbody"):
                flush()
                out.extend(_block(child))
            elif tag == "br":
                add("⏎")
            elif tag == "a":
                inline(child, marks, (child.get("href", ""), child.get("title", "")))
            else:
                inline(child, marks | ({_MARKS[tag]} if tag in _MARKS else set()), link)
            add(child.tail)

    inline(element, frozenset(), ("", ""))
    flush()
    return out


def _block(element: lxml.html.HtmlElement) -> list[object]:
    tag = element.tag
    if tag in ("thead", "tbody"):
        return [item for child in element for item in _block(child)]
    if tag == "img":
        return [("img", element.get("src"), element.get("alt", ""), element.get("title", ""))]
    if tag == "pre":
        # Python-Markdown expands tabs in all of its input, code included.
        return [("pre", element.text_content().strip("\n").expandtabs(4))]
    if tag == "hr":
        return [("hr",)]
    if tag in ("td", "th"):
        style = element.get("style", "")
        align = element.get("align") or (re.findall(r"text-align: *(\w+)", style) or [""])[0]
        return [("cell", align, _blocks(element))]
    content = _blocks(element)
    if tag == "li":
        # Loose items wrap their text in <p>; tight ones do not: the same article.
        content = [
            item[1] if isinstance(item, tuple) and item[0] == "p" else item for item in content
        ]
        content = [
            part for item in content for part in (item if isinstance(item, list) else [item])
        ]
    if tag == "p":
        return [("p", content)]
    if tag == "table":
        return [("table", _columns(content))]
    if tag == "tr":
        # Markdown pads short rows, HTML tables show missing cells as empty: the same table.
        while content and content[-1] == ("cell", "", []):
            content.pop()
    start = element.get("start", "1") if tag == "ol" else ""
    return [(tag, start, content)]


def _columns(rows: list[object]) -> list[object]:
    """Alignment is a column's, given by its first row (as a pipe table's rule line says)."""
    first = rows[0][2] if rows and isinstance(rows[0], tuple) else []
    aligns = [cell[1] for cell in first]
    out: list[object] = []
    for row in rows:
        assert isinstance(row, tuple)
        cells = [
            ("cell", aligns[index] if index < len(aligns) else "", cell[2])
            for index, cell in enumerate(row[2])
        ]
        out.append(("tr", cells))
    return out


def round_trip(html: str) -> str:
    return converter.to_html(html_to_markdown(html))


def assert_faithful(html: str) -> None:
    markdown = html_to_markdown(html)
    assert structure(converter.to_html(markdown)) == structure(html), markdown


# --- faithfulness ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["word_clipboard", "gdocs_clipboard", "news_clipboard"])
def test_recorded_clipboards_survive_the_round_trip(name: str) -> None:
    assert_faithful(clean_html((PASTE / f"{name}.html").read_text(encoding="utf-8")))


CONSTRUCTS = {
    "paragraphs": "<p>하나</p><p>둘</p>",
    "headings": "<h2>둘</h2><h3>셋</h3><h4>넷 #</h4><h5>다섯</h5><h6>여섯</h6>",
    "emphasis": "<p><strong>굵게</strong> <em>기울임</em> <del>취소</del> <code>코드</code></p>",
    "code spans": "<p><code>`a`</code> <code>&amp;#1 &amp;amp; a&lt;b</code> <code>x_y</code></p>",
    "nested emphasis": "<p><strong><em>둘 다</em></strong> <em>a <strong>b</strong></em></p>",
    "emphasis before hangul": "<p><strong>데이터센터</strong>를 <em>AI</em>가</p>",
    "adjacent marks": "<p><strong>a</strong><em>b</em><del>c</del><code>d</code></p>",
    "links": '<p><a href="https://e.com/a_b*c">링크</a> '
    '<a href="https://e.com/" title="제목 &quot;인용&quot;">t</a></p>',
    "awkward urls": '<p><a href="https://e.com/a b">sp</a> <a href="https://e.com/(x">par</a></p>',
    "autolink": '<p><a href="https://example.com/x">https://example.com/x</a></p>',
    "image": '<p><img src="https://e.com/a.jpg" alt="사진 [1]" title="캡션"></p>',
    "line break": "<p>첫 줄<br>둘째 줄<br># 셋째 줄</p>",
    "nested lists": "<ul><li>a<ul><li>b<ol><li>c<ul><li>d</li></ul></li></ol></li></ul></li>"
    "<li>e</li></ul>",
    "ordered start": '<ol start="7"><li>일곱</li><li>여덟</li></ol>',
    "list then other list": "<ul><li>a</li></ul><ol><li>b</li></ol>",
    "loose items": "<ul><li><p>a</p><p>a2</p></li><li><p>b</p></li></ul>",
    "quote": "<blockquote><p>인용</p><ul><li>목록</li></ul>"
    "<blockquote><p>안쪽</p></blockquote></blockquote>",
    "code block": "<pre>def f():\n\treturn `x`\n\n```\nend</pre>",
    "code in a list": "<ul><li><p>item</p><pre>  indented\n\ncode</pre></li></ul>",
    "table": '<table><tr><th>a</th><th align="right">b</th></tr>'
    "<tr><td>1 | 2</td><td><strong>3</strong></td></tr></table>",
    "ragged table": "<table><tr><td>a</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>",
    "rule": "<p>a</p><hr><p>b</p>",
    "literal markdown": "<p>*별* _밑_ `틱` [x](y) ![i](j) &lt;b&gt; &amp;amp; \\ ~~no~~ "
    "1~20 a|b {c}</p>",
    "line starts": "<p># 제목</p><p>- 목록</p><p>+ 더하기</p><p>1. 번호</p><p>&gt; 인용</p>"
    "<p>---</p><p>===</p><p>|---|</p>",
    "bang before link": '<p>와!<a href="https://e.com/">링크</a></p>',
    "unicode": "<p>한글 ᄒᆞᆫ글 「인용」 😀 שלום a\u00a0b\u200bc</p>",
}


@pytest.mark.parametrize("construct", CONSTRUCTS)
def test_each_construct_survives_the_round_trip(construct: str) -> None:
    assert_faithful(CONSTRUCTS[construct])


# --- the dialect ----------------------------------------------------------------------------


def test_nested_lists_are_indented_by_four_spaces() -> None:
    markdown = html_to_markdown("<ul><li>a<ol><li>b</li></ol></li></ul>")
    assert markdown == "- a\n    1. b\n"


def test_tables_are_pipe_tables_with_escaped_pipes_and_alignment() -> None:
    markdown = html_to_markdown(
        '<table><tr><td>품목</td><td align="center">값</td></tr><tr><td>a | b</td></tr></table>'
    )
    # A short row is padded to the table's width, as Python-Markdown renders it anyway.
    assert markdown == "| 품목 | 값 |\n| --- | :-: |\n| a \\| b |  |\n"


def test_fenced_code_outgrows_backticks_inside() -> None:
    markdown = html_to_markdown("<pre>````\nx</pre>")
    assert markdown == "`````\n````\nx\n`````\n"


def test_soft_newlines_in_html_are_spaces() -> None:
    assert html_to_markdown("<p>one\n# two</p>") == "one # two\n"


def test_empty_input() -> None:
    assert html_to_markdown("") == ""
    assert html_to_markdown("  ") == ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# a", "\\# a"),
        ("> a", "\\> a"),
        ("- a", "\\- a"),
        ("+ a", "\\+ a"),
        ("---", "\\---"),
        ("1. a", "1\\. a"),
        ("2026. 3. 19.", "2026\\. 3. 19."),
        ("===", "&#61;=="),
        ("|-|-|", "&#x7C;-|-|"),
        ("#hashtag", "\\#hashtag"),
        ("plain", "plain"),
    ],
)
def test_line_starts(line: str, expected: str) -> None:
    assert escape_line_start(line) == expected


# --- escaping as a property -----------------------------------------------------------------

_SPECIALS = list("\\`*_{}[]()<>#+-.!|~&;") + ["&amp;", "&#1", "**", "~~", "``", "\u00a0"]
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_SPECIALS),
        st.sampled_from(["한글", "기자", "데이터", "abc", "12", " ", "1.", "x_y"]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=25,
).map("".join)


def _visible_text(html: str) -> str:
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return _SPACE.sub(" ", root.text_content()).strip()


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_any_text_stays_literal(text: str) -> None:
    html = clean_html(f"<p>{_escape(text)}</p>")
    expected = _visible_text(html)
    rendered = round_trip(html)
    assert _visible_text(rendered) == expected
    assert structure(rendered) == structure(html)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_escape_markdown_alone_keeps_text_literal(text: str) -> None:
    line = escape_line_start(escape_markdown(text.strip()))
    expected = _SPACE.sub(" ", text.strip()).strip()
    assert _visible_text(converter.to_html(line)) == expected


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
