"""The document <-> Markdown round trip: a fixture per construct, foreign Markdown, raw blocks."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextTableFormat
from PySide6.QtWidgets import QApplication

from deskeditor.core.markdownblocks import LINE_BREAK, PLAIN, Kind, Marks
from deskeditor.core.markdownsource import normalized_html
from deskeditor.core.markup import MarkdownConverter
from deskeditor.ui.markdowndocument import (
    document_markdown,
    load_markdown,
)
from deskeditor.ui.textformats import char_format, is_raw, list_format, rule_format, set_quote_level

CONVERTER = MarkdownConverter()

# Markdown as the serializer writes it: loading and serializing gives it back unchanged.
CONSTRUCTS = {
    "paragraphs": "First paragraph with 한글.\n\nSecond paragraph.\n",
    "headings": "## Heading 2\n\n### Heading 3\n\n#### Heading 4\n\n# Level 1 kept\n",
    "bold-italic-strike-code": "**bold** *italic* ***both*** ~~struck~~ `code` and `a`b`c`\n",
    "emphasis-before-hangul": "**데이터센터**를 *기자*가 ~~삭제~~된 ***강조***다.\n",
    "emphasis-before-latin-digit-punct": "**bold**x *it*9 **b**, *i*.\n",
    "italic-around-bold": "*italic **bold** italic*\n",
    "bold-around-italic": "**bold *italic* bold**\n",
    "nested-emphasis-glued-to-hangul": "*데이터<strong>센터</strong>를* 봤다.\n",
    "links": (
        '[with title](https://example.com/a "A title") and [plain](https://example.com)'
        " and [**bold link**](https://example.com/b)\n"
    ),
    "link-url-specials": (
        "[underscores](https://example.com/a_b_c*d) [parens](https://en.wikipedia.org/wiki/"
        "Seoul_(city)) [spaces](<https://example.com/a b>) [unbalanced](https://x.org/a\\(b)\n"
    ),
    "link-title-quotes": '[t](https://example.com \'say "hi"\') [u](https://example.com "it\'s")\n',
    "image": '![a photo](https://example.com/p.jpg "Title")\n',
    "bullet-list-4-levels": (
        "- one\n    - two\n        - three\n            - four\n                - five\n- back\n"
    ),
    "numbered-list-start": "3. three\n4. four\n5. five\n",
    "mixed-nesting": "1. first\n    - bullet\n        1. number\n2. second\n",
    "list-after-list-of-other-kind": "- bullet\n- list\n\n1. numbered\n2. list\n\n- bullet again\n",
    "list-item-paragraphs": "- first item\n\n    second paragraph\n\n- next item\n",
    "list-hard-break": "- item  \n    continued\n- next\n",
    "block-quotes": "> quote\n>\n> > nested\n>\n> - list in quote\n>     - nested item\n\nafter\n",
    "quote-paragraphs": "> one\n>\n> two\n",
    "fenced-code": "```python\ndef f():\n\treturn  1\n\n\nx = 2   \n```\n",
    "fenced-code-with-backticks": "````\n```\ninner fence\n```\n````\n",
    "quoted-code": "> text\n>\n>     code in a quote\n",
    "table": (
        "| Left | Center | Right | None |\n| :-- | :-: | --: | --- |\n"
        "| a | **b** | c\\|d | `e` |\n| 1 |  | 3 | [4](https://x.org) |\n"
    ),
    "horizontal-rule": "Before\n\n---\n\nAfter\n",
    "hard-line-breaks": "line one  \nline two<br>  \nafter a blank line\n",
    "literal-markdown-lookalikes": (
        "\\# not a heading\n\n\\- not a bullet\n\n1\\. not a list\n\n\\> not a quote\n\n"
        "\\* star, 2 * 3, snake_case, \\_under\\_, \\`tick\\`, &lt;b> typed, &amp;amp;, "
        "\\[x], back\\slash, C:\\Users\n"
    ),
    "loose-list": "- one\n\n- two\n\n- three\n",
    "partly-loose-list": "- tight\n- loose\n\n- loose too\n",
    "item-with-quote-code-table": (
        "1. item\n\n    > quoted in the item\n\n        code in the item\n\n"
        "    | a | b |\n    | --- | --- |\n    | 1 | 2 |\n\n2. next\n"
    ),
    "quote-in-item-in-quote": "> - item\n>\n>     > inner quote\n>\n> after\n",
    "nested-list-then-paragraph-in-item": "- a\n    - b\n\n    more of a\n",
    "adjacent-lists-of-one-kind": "- first list\n\n<!-- -->\n\n- second list\n",
    "bold-in-heading": "## **굵은** 제목과 *기울임*\n",
    "autolink": "See <https://example.com/a_b> and <http://x.org/~me>.\n",
    "emphasis-across-break": "**bold  \nstill bold** *it  \n\\# not a heading*\n",
    "underline-sub-sup": "H<sub>2</sub>O, x<sup>2</sup> and <u>underlined</u>\n",
    "heading-item": "- ## heading item\n- plain item\n",
    "unicode": (
        "NBSP\u00a0here, zero\u200bwidth, RTL שלום עולם, 옛한글 ᄒᆞᆫ글, 「괄호」。, "
        "emoji 👩\u200d💻 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n\n&#xA0;leading and ideographic&#x3000;\n"
    ),
}


def loaded(markdown: str) -> QTextDocument:
    document = QTextDocument()
    load_markdown(document, markdown)
    return document


def round_trip(markdown: str) -> str:
    return document_markdown(loaded(markdown))


def rendered(markdown: str) -> str:
    return normalized_html(CONVERTER.to_html(markdown))


def assert_faithful(markdown: str) -> None:
    assert rendered(round_trip(markdown)) == rendered(markdown)


@pytest.mark.parametrize("markdown", CONSTRUCTS.values(), ids=CONSTRUCTS.keys())
def test_construct_survives_unchanged(qapp: QApplication, markdown: str) -> None:
    assert round_trip(markdown) == markdown
    assert_faithful(markdown)


@pytest.mark.parametrize(
    ("foreign", "written"),
    [
        ("__bold__ and _it_", "**bold** and *it*\n"),
        ("* star\n+ plus", "- star\n- plus\n"),
        ("Setext\n======", "# Setext\n"),
        ("a\nsoft   wrapped\nline", "a soft wrapped line\n"),
        ("[https://example.com/a_b](https://example.com/a_b)", "<https://example.com/a_b>\n"),
        (
            "[x][1] and [y][]\n\n[1]: https://a.org\n[y]: https://b.org",
            "[x](https://a.org) and [y](https://b.org)\n",
        ),
        ("- a\n- b\n\n\n\n- c", "- a\n- b\n\n- c\n"),
        ("> a\n\n> b", "> a\n>\n> b\n"),
        (
            "- a\n\n    ~~~\n    not fenced in a list\n    ~~~",
            "- a\n\n    \\~\\~\\~ not fenced in a list \\~\\~\\~\n",
        ),
        ("***\n\n___", "---\n\n---\n"),
        ("    indented code", "```\nindented code\n```\n"),
        ("1. a\n1. b\n1. c", "1. a\n2. b\n3. c\n"),
        ("", ""),
        ("\n\n   \n", ""),
    ],
)
def test_foreign_markdown_is_normalized_and_stays_faithful(
    qapp: QApplication, foreign: str, written: str
) -> None:
    assert round_trip(foreign) == written
    assert round_trip(written) == written
    assert_faithful(foreign)


def test_unsafe_html_never_becomes_formatting(qapp: QApplication) -> None:
    markdown = '<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick="x">b</b>\n'
    document = loaded(markdown)
    # The script renders as nothing, so it is kept as source (shown as text, never run) ...
    assert document.firstBlock().text() == "<script>alert(1)</script>"
    assert is_raw(document.firstBlock().blockFormat())
    # ... while the paragraph is read from the sanitized HTML: no javascript: link.
    assert document_markdown(document) == "<script>alert(1)</script>\n\nx **b**\n"
    assert "script" not in CONVERTER.to_html(document_markdown(document))


def test_tabs_in_fenced_code_are_kept_though_python_markdown_expands_them(
    qapp: QApplication,
) -> None:
    document = loaded("```\n\tindented\n```\n")
    assert document.toPlainText() == "\tindented"


# Documents built the way the editor builds them --------------------------------------------


def typed(runs: list[tuple[str, Marks]], heading: int = 0) -> QTextDocument:
    document = QTextDocument()
    cursor = QTextCursor(document)
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(heading)
    cursor.setBlockFormat(fmt)
    for text, marks in runs:
        cursor.insertText(text, char_format(marks, heading))
    return document


BOLD, ITALIC, STRIKE, CODE = (
    Marks(bold=True),
    Marks(italic=True),
    Marks(strike=True),
    Marks(code=True),
)


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ([("데이터센터", BOLD), ("를 봤다", PLAIN)], "**데이터센터**를 봤다\n"),
        ([("bold ", BOLD), ("plain", PLAIN)], "**bold** plain\n"),
        ([("a", ITALIC), ("b", BOLD)], "*a*<strong>b</strong>\n"),
        ([("x", Marks(bold=True, italic=True)), ("y", BOLD)], "***x*y**\n"),
        ([('"인용"', STRIKE), ("이다", PLAIN)], '<del>"인용"</del>이다\n'),
        ([("단어", STRIKE), ("를", PLAIN)], "~~단어~~를\n"),
        ([("x = `y`", CODE)], "`` x = `y` ``\n"),
        ([("one", PLAIN), (LINE_BREAK, PLAIN), ("# two", PLAIN)], "one  \n\\# two\n"),
        ([("wow!", PLAIN), ("link", Marks(href="https://x.org"))], "wow\\![link](https://x.org)\n"),
        ([("*", PLAIN), (" not a list", PLAIN)], "\\* not a list\n"),
    ],
)
def test_typed_runs_serialize_as_expected(
    qapp: QApplication, runs: list[tuple[str, Marks]], expected: str
) -> None:
    document = typed(runs)
    assert document_markdown(document) == expected
    assert round_trip(expected) == expected


def test_heading_runs_ignore_the_implied_bold(qapp: QApplication) -> None:
    document = typed([("C#", PLAIN)], heading=2)
    assert document_markdown(document) == "## C\\#\n"
    assert round_trip("## C\\#\n") == "## C\\#\n"


def test_lists_quotes_rules_and_tables_built_with_qt_objects(qapp: QApplication) -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("intro")
    cursor.insertBlock()
    top = cursor.createList(list_format(False, 0))
    cursor.insertText("a")
    for depth in range(1, 4):
        cursor.insertBlock()
        cursor.createList(list_format(depth % 2 == 1, depth))
        cursor.insertText(f"level {depth}")
    cursor.insertBlock()
    top.add(cursor.block())
    cursor.insertText("b")
    quote = QTextBlockFormat()
    set_quote_level(quote, 1)
    cursor.insertBlock(quote)
    cursor.insertText("quoted")
    cursor.insertBlock(rule_format())
    cursor.insertBlock(QTextBlockFormat())
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table = cursor.insertTable(2, 2, table_format)
    for n, text in enumerate(["h1", "h2", "x|y", ""]):
        cell = table.cellAt(n // 2, n % 2).firstCursorPosition()
        if n == 1:
            right = QTextBlockFormat()
            right.setAlignment(Qt.AlignmentFlag.AlignRight)
            cell.setBlockFormat(right)
        cell.insertText(text)
    expected = (
        "intro\n\n- a\n    1. level 1\n        - level 2\n            1. level 3\n- b\n\n"
        "> quoted\n\n---\n\n| h1 | h2 |\n| --- | --: |\n| x\\|y |  |\n"
    )
    assert document_markdown(document) == expected
    assert round_trip(expected) == expected
    assert_faithful(expected)


# Foreign Markdown the editor cannot format: kept byte for byte, shown as source ------------

RAW = {
    "html-block": "<div>\n\n**kept**\n\n</div>",
    "comment": "<!-- an editor's note -->",
    "table-in-html": '<table><tr><td align="right">1</td></tr></table>',
    "list-in-quote-in-item": "- a\n\n    > q\n    >\n    > - x",
    "unused-reference": "[unused]: https://example.com/u",
}


@pytest.mark.parametrize("raw", RAW.values(), ids=RAW.keys())
def test_unsupported_markdown_is_kept_verbatim_between_formatted_text(
    qapp: QApplication, raw: str
) -> None:
    markdown = f"## 앞\n\nbefore **bold**\n\n{raw}\n\nafter *it*\n"
    document = QTextDocument()
    blocks = load_markdown(document, markdown)
    assert [block.kind for block in blocks].count(Kind.RAW) == 1
    assert document_markdown(document) == markdown
    shown = [document.findBlock(n) for n in range(document.characterCount())]
    assert any(is_raw(block.blockFormat()) for block in shown)
    assert round_trip(document_markdown(document)) == markdown


def test_raw_blocks_survive_an_edit_around_them(qapp: QApplication) -> None:
    document = loaded("one\n\n<!-- note -->\n\ntwo\n")
    cursor = QTextCursor(document)
    cursor.insertText("zero ")
    assert document_markdown(document) == "zero one\n\n<!-- note -->\n\ntwo\n"


# Speed ------------------------------------------------------------------------------------


def article(words: int) -> str:
    sentence = (
        "정부는 **데이터센터** 투자를 늘린다고 *밝혔다*. The [ministry](https://example.com/a_b) "
        "said 3.5% growth ~~was~~ is expected, 기자가 전했다."
    )
    paragraph = " ".join([sentence] * 4)
    per = len(paragraph.split())
    blocks = []
    for n in range(words // per + 1):
        if n % 10 == 0:
            blocks.append(f"## 소제목 {n}")
        elif n % 10 == 5:
            blocks.append("- 첫째 항목\n- 둘째 항목\n    - 하위 항목")
        blocks.append(paragraph)
    return "\n\n".join(blocks) + "\n"


def test_a_10000_word_article_serializes_quickly(qapp: QApplication) -> None:
    document = loaded(article(10_000))
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        document_markdown(document)
        timings.append(time.perf_counter() - start)
    # Issue 3 aims at < 30 ms on a quiet machine; the bound here only catches regressions
    # by an order of magnitude on a busy CI runner.
    assert min(timings) < 0.3
