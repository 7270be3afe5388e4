"""The one Markdown writer (Blocks -> Markdown) and the lossless reader (Markdown -> Blocks)."""

from __future__ import annotations

import pytest

from deskeditor.core.markdownblocks import (
    LINE_BREAK,
    PLAIN,
    Block,
    Kind,
    Marks,
    Run,
    escape_text,
    inline_markdown,
    write_markdown,
)
from deskeditor.core.markdownsource import (
    markdown_to_blocks,
    normalized_html,
    split_chunks,
    unsupported_message,
)
from deskeditor.core.markup import MarkdownConverter

CONVERTER = MarkdownConverter()
BOLD, ITALIC, BI = Marks(bold=True), Marks(italic=True), Marks(bold=True, italic=True)


def rendered(markdown: str) -> str:
    return normalized_html(CONVERTER.to_html(markdown))


def round_trip(markdown: str) -> str:
    return write_markdown(markdown_to_blocks(markdown, CONVERTER))


def item(text: str, depth: int = 0, *, key: int = 1, ordered: bool = False, loose: bool = False,
         quote: int = 0) -> Block:  # fmt: skip
    return Block(runs=[(text, PLAIN)], list_key=key, depth=depth, ordered=ordered, loose=loose,
                 quote=quote)  # fmt: skip


def para(text: str, depth: int = 0, *, quote: int = 0, inner: int = 0) -> Block:
    return Block(runs=[(text, PLAIN)], depth=depth, quote=quote, inner_quote=inner)


# Inline -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        ([("bold", BOLD), (LINE_BREAK, BOLD), ("# still", BOLD)], "**bold  \n\\# still**"),
        ([(LINE_BREAK, PLAIN), ("a", PLAIN), (LINE_BREAK, PLAIN)], "<br>a<br>"),
        ([("a", PLAIN), (LINE_BREAK * 2, PLAIN), ("b", PLAIN)], "a<br>  \nb"),
        ([("a ", PLAIN), (LINE_BREAK, PLAIN), (" b", PLAIN)], "a  \nb"),
        ([("x", BI), (LINE_BREAK, ITALIC), ("y", BI)], "<em>**x**  \n**y**</em>"),
        ([("https://x.org/a_b", Marks(href="https://x.org/a_b"))], "<https://x.org/a_b>"),
        ([("https://x.org/?a&b", Marks(href="https://x.org/?a&b"))], (
            "[https://x.org/?a&b](https://x.org/?a&b)"
        )),
        ([("https://x.org", Marks(href="https://x.org", title="T"))], (
            '[https://x.org](https://x.org "T")'
        )),
        ([("H", PLAIN), ("2", Marks(sub=True)), ("O", PLAIN)], "H<sub>2</sub>O"),
        ([("u", Marks(underline=True, bold=True))], "<u>**u**</u>"),
        ([("]&#1", Marks(code=True, href="https://x.org"))], (
            "[<code>\\]&amp;#1</code>](https://x.org)"
        )),
        ([("\u00a0lead", PLAIN)], "&#xA0;lead"),
    ],
)  # fmt: skip
def test_inline_markdown(runs: list[Run], expected: str) -> None:
    assert inline_markdown(runs) == expected
    blocks = markdown_to_blocks(expected + "\n", CONVERTER)
    assert write_markdown(blocks) == expected + "\n"


def test_breaks_in_headings_and_cells_are_html() -> None:
    runs: list[Run] = [("a", BOLD), (LINE_BREAK, BOLD), ("b", BOLD)]
    assert inline_markdown(runs, context="heading") == "**a<br>b**"
    assert inline_markdown([("a|b", PLAIN), (LINE_BREAK, PLAIN), ("c", PLAIN)], context="cell") == (
        "a\\|b<br>c"
    )


def test_escape_text_leaves_harmless_characters_alone() -> None:
    assert escape_text("2 * 3 snake_case C# & a<b") == "2 * 3 snake_case C# & a&lt;b"


# Layout -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ([item("a", loose=True), item("b", loose=True)], "- a\n\n- b\n"),
        ([item("a"), item("b", loose=True), item("c", loose=True)], "- a\n- b\n\n- c\n"),
        ([item("alone", loose=True)], "- alone\n"),  # no blank line can make it loose
        ([item("a"), para("more", 1), item("b")], "- a\n\n    more\n\n- b\n"),
        (
            [item("a"), Block(kind=Kind.CODE, code="\tx\n\n  \ny  ", depth=1)],
            "- a\n\n            x\n\n        y\n",
        ),
        ([item("a", loose=True), item("b", 1, key=2)], "- a\n\n    - b\n"),
        ([item("a"), item("b", 1, key=2)], "- a\n    - b\n"),
        ([item("a"), para("q", 1, inner=1)], "- a\n\n    > q\n"),
        ([item("a", key=1), item("b", key=2)], "- a\n\n<!-- -->\n\n- b\n"),
        ([item("a", key=1), item("b", key=2, ordered=True)], "- a\n\n1. b\n"),
        (
            [item("a", quote=1), Block(kind=Kind.CODE, code="x", quote=1)],
            "> - a\n>\n> <!-- -->\n>\n>     x\n",
        ),
        ([item("deep", 3)], "- deep\n"),  # nesting is clamped to what exists
        ([para("p", 0, inner=1)], "> p\n"),  # a quote inside no list is a quote
        ([Block(kind=Kind.TABLE, rows=[[[("h", PLAIN)]], [[]]])], "| h |\n| --- |\n"),
        ([Block(kind=Kind.RAW, code="<div>\n\nx\n\n</div>"), para("p")], (
            "<div>\n\nx\n\n</div>\n\np\n"
        )),
    ],
)  # fmt: skip
def test_layout(blocks: list[Block], expected: str) -> None:
    assert write_markdown(blocks) == expected
    assert round_trip(expected) == expected


# Reading Markdown without loss -------------------------------------------------------------

CONSTRUCTS = {
    "paragraphs": "First paragraph with 한글.\n\nSecond paragraph.\n",
    "headings-with-bold": "## **굵은** 제목\n\n### Heading 3\n\n#### Heading 4\n",
    "emphasis": "**bold** *italic* ***both*** ~~struck~~ `code` **데이터센터**를\n",
    "links-and-autolinks": (
        '[t](https://x.org/a_b "T") <https://x.org/a_b> [s](<https://x.org/a b>)\n'
    ),
    "image": '![a photo](https://example.com/p.jpg "Title")\n',
    "nested-lists": "1. first\n    - bullet\n        1. number\n2. second\n",
    "loose-list-with-blocks": (
        "- item\n\n    > quote\n\n        code\n\n    | a |\n    | --- |\n    | 1 |\n\n- next\n"
    ),
    "quotes": "> quote\n>\n> > nested\n>\n> - list in quote\n>     - nested item\n\nafter\n",
    "fenced-code": "```python\ndef f():\n\treturn  1\n\n\nx = 2   \n```\n",
    "table": "| Left | Right |\n| :-- | --: |\n| a | **b\\|c** |\n",
    "rule-and-breaks": "line one  \nline two\n\n---\n\nafter\n",
    "adjacent-lists": "1. one\n\n<!-- -->\n\n1. again\n",
}


@pytest.mark.parametrize("markdown", CONSTRUCTS.values(), ids=CONSTRUCTS.keys())
def test_editor_markdown_comes_back_byte_for_byte(markdown: str) -> None:
    blocks = markdown_to_blocks(markdown, CONVERTER)
    assert not [block for block in blocks if block.kind is Kind.RAW]
    assert write_markdown(blocks) == markdown


@pytest.mark.parametrize(
    ("foreign", "note"),
    [
        ("<div>\n\n**kept**\n\n</div>", "HTML"),
        ("<!-- a note\n\nover two paragraphs -->", "comment"),
        ("[unused]: https://example.com", "link references"),
        ("- a\n\n    > q\n    >\n    > - list in a quote in an item", "unusual Markdown"),
        ('<abbr title="World Health Organization">WHO</abbr> said', "HTML"),
    ],
)
def test_what_cannot_be_formatted_is_kept_verbatim_and_named(foreign: str, note: str) -> None:
    markdown = f"before\n\n{foreign}\n\nafter\n"
    blocks = markdown_to_blocks(markdown, CONVERTER)
    raw = [block for block in blocks if block.kind is Kind.RAW]
    assert [(block.code, block.note) for block in raw] == [(foreign, note)]
    assert write_markdown(blocks) == markdown
    assert unsupported_message(blocks) == (
        f"Kept 1 passage the editor cannot format ({note}) as Markdown source; saved unchanged."
    )


def test_used_references_are_written_inline_and_their_definitions_dropped() -> None:
    markdown = 'See [the ministry][m].\n\n[m]: https://example.com/m "Ministry"\n'
    blocks = markdown_to_blocks(markdown, CONVERTER)
    assert write_markdown(blocks) == 'See [the ministry](https://example.com/m "Ministry").\n'
    assert unsupported_message(blocks) == ""


def test_foreign_markdown_is_normalized_only_where_it_renders_the_same() -> None:
    foreign = "Title\n=====\n\n* a\n* b\n\n___\n\n__x__ and\nsoft wrap\n"
    written = round_trip(foreign)
    assert written == "# Title\n\n- a\n- b\n\n---\n\n**x** and soft wrap\n"
    assert rendered(written) == rendered(foreign)


def test_crlf_line_endings_are_read() -> None:
    assert round_trip("a\r\n\r\n- b\r\n- c\r\n") == "a\n\n- b\n- c\n"


@pytest.mark.parametrize(
    ("markdown", "chunks"),
    [
        ("a\n\nb", ["a", "b"]),
        ("- a\n\n- b\n\npara", ["- a\n\n- b", "para"]),
        ("> a\n\n> b\n\nc", ["> a\n\n> b", "c"]),
        ("a\n\n    code\n\n    more\n\nb", ["a\n\n    code\n\n    more", "b"]),
        ("```\nx\n\ny\n```\n\nz", ["```\nx\n\ny\n```", "z"]),
        ("<div>\n\nx\n\n</div>\n\ny", ["<div>\n\nx\n\n</div>", "y"]),
        ("<!-- a\n\nb -->\n\nc", ["<!-- a\n\nb -->", "c"]),
        ("\n\n  \na\n\n\n", ["a"]),
    ],
)
def test_chunks_are_cut_only_where_python_markdown_starts_afresh(
    markdown: str, chunks: list[str]
) -> None:
    assert split_chunks(markdown) == chunks
    pieces = [CONVERTER.to_html(chunk) for chunk in chunks]
    assert normalized_html("".join(pieces)) == rendered(markdown)


def test_normalized_html_ignores_only_what_nobody_sees() -> None:
    assert normalized_html("<p>a <b>b</b>\n<br>\nc</p>\n\n<ul>\n<li>x</li></ul>") == (
        "<p>a <strong>b</strong><br>c</p><ul><li>x</li></ul>"
    )
    assert normalized_html("<p>a\u00a0b</p>") != normalized_html("<p>a b</p>")
    assert normalized_html("<pre><code>a\n  b</code></pre>") == "<pre><code>a\n  b</code></pre>"
